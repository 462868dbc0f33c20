from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tagger.cli import main
from tagger.config import load_settings
from tagger.errors import ConfigError, ValidationError


def test_default_taxonomy_has_the_three_groups():
    tax = load_settings().taxonomy
    assert tax.names == ("topic", "region", "sentiment")
    assert tax.group("topic").multi and not tax.group("sentiment").multi
    assert {lb.name for lb in tax.group("sentiment").labels} == {"negative", "neutral", "positive"}
    regions = {lb.title for lb in tax.group("region").labels}
    assert {"Western Europe", "Eastern Europe", "Middle East", "Global"} <= regions


def test_validate_resolves_names_titles_and_keys_loosely():
    tax = load_settings().taxonomy
    assert tax.validate("region", ["eastern europe", "Middle-East"]) == (
        "eastern-europe",
        "middle-east",
    )
    assert tax.validate("topic", ["c"]) == ("conflict",)
    with pytest.raises(ValidationError, match="not a topic label"):
        tax.validate("topic", ["gardening"])
    with pytest.raises(ValidationError, match="takes one label"):
        tax.validate("sentiment", ["negative", "positive"])


def _write(tmp_path, text):
    p = tmp_path / "cfg.toml"
    p.write_text(text, "utf-8")
    return p


def test_user_taxonomy_replaces_defaults(tmp_path):
    p = _write(
        tmp_path,
        '[taxonomy.topic]\nmulti=false\nlabels=[{name="a", key="x"},{name="b", key="y"}]\n',
    )
    tax = load_settings(p).taxonomy
    assert tax.names == ("topic",)
    assert tax.group("topic").by_key("y").name == "b"


@pytest.mark.parametrize(
    "text, message",
    [
        ('[taxonomy.topic]\nlabels=[{name="a", key="x"},{name="b", key="x"}]\n', "key 'x' is used"),
        ("[taxonomy.topic]\nlabels=[]\n", "is empty"),
        ('[taxonomy.topic]\nlabels=[{name="a", key="xy"}]\n', "one letter or digit"),
        ("[taxonomy\n", "not valid TOML"),
        ('[nlp]\nbackend="gpu"\n', "backend"),
    ],
)
def test_invalid_config_is_rejected_with_a_clear_message(tmp_path, text, message):
    with pytest.raises(ConfigError, match=message):
        load_settings(_write(tmp_path, text))


def test_missing_explicit_config_file_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings(tmp_path / "nope.toml")


def test_config_show_json_gives_key_letters(tmp_path):
    result = CliRunner().invoke(main, ["config", "show", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    topic = data["taxonomy"]["groups"][0]
    assert topic["name"] == "topic"
    assert {"name": "conflict", "title": "Conflict and defence", "key": "c"} in topic["labels"]


def test_config_show_reports_invalid_taxonomy_via_env(tmp_path, monkeypatch):
    p = _write(tmp_path, "[taxonomy.topic]\nlabels=[]\n")
    monkeypatch.setenv("TAGGER_CONFIG", str(p))
    result = CliRunner().invoke(main, ["config", "show"])
    assert result.exit_code == 1
    assert "is empty" in result.output


def test_paths_command_lists_locations(tmp_path):
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "s"), "paths", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["store"] == str(tmp_path / "s")
    assert data["nltk models"].endswith("nltk_data")
