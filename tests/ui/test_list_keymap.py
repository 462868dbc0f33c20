"""Bindings have ids, defaults, and can be remapped from [keys]; bad maps stop at start-up."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tagger.config import load_settings
from tagger.errors import ConfigError
from tagger.store import Store
from tagger.ui.app import create_app
from tagger.ui.keymap import Keymap
from tagger.ui.screens.help_screen import HelpScreen
from tests.ui.fakes import ME, StubAnalyzer, fixed_store_path


@pytest.fixture
def store_path(tmp_path):
    return fixed_store_path(tmp_path)


def taxonomy():
    return load_settings().taxonomy


def test_every_binding_has_a_unique_id_and_keys():
    km = Keymap(taxonomy())
    ids = [s.id for s in km.specs]
    assert len(ids) == len(set(ids))
    assert all(s.keys for s in km.specs)
    assert km.keys("tag.topic") == ["t"] and km.keys("tag.accept") == ["a"]
    assert km.keys("picker.unsure") == ["exclamation_mark"]
    assert km.display("list.down") == "j, ↓"


def test_remap_replaces_the_default_keys():
    km = Keymap(taxonomy(), {"tag.accept": "z,ctrl+a"})
    assert km.keys("tag.accept") == ["z", "ctrl+a"]
    bindings = {b.id: b for b in km.bindings("app")}
    assert bindings["tag.accept"].key == "z,ctrl+a"


@pytest.mark.parametrize(
    "keys, message",
    [
        ({"tag.acept": "z"}, "unknown binding id 'tag.acept'"),
        ({"tag.accept": "s"}, "'s' is bound to both"),
        ({"tag.accept": "j"}, "'j' is bound to both"),  # app key against a list key
        ({"picker.unsure": "p"}, "label key letter"),
        ({"tag.accept": " , "}, "has no keys"),
        ({"tag.note": "ctrl+p"}, "reserved for the command palette"),
    ],
)
def test_bad_keymaps_are_config_errors(keys, message):
    with pytest.raises(ConfigError, match=message):
        Keymap(taxonomy(), keys)


def test_reading_view_bindings_are_known_and_checked():
    pytest.importorskip("tagger.ui.screens.reading")
    km = Keymap(taxonomy())
    assert any(s.id.startswith("read.") for s in km.specs)
    with pytest.raises(ConfigError, match="bound to both"):
        Keymap(taxonomy(), {"read.entity_panel": "a"})


def test_config_file_keys_table_is_validated_by_the_keymap(tmp_path):
    cfg = tmp_path / "config.toml"
    cfg.write_text('[keys]\n"tag.accept" = "z"\n"app.quit" = "ctrl+x"\n', "utf-8")
    settings = load_settings(cfg)
    assert Keymap(settings.taxonomy, settings.keys).keys("tag.accept") == ["z"]
    cfg.write_text('[keys]\n"tag.nope" = "z"\n', "utf-8")
    settings = load_settings(cfg)
    with pytest.raises(ConfigError):
        create_app(None, settings, ME)


async def test_remapped_accept_key_in_the_running_app(tmp_path, store_path):
    settings = load_settings()
    settings = replace(settings, keys={"tag.accept": "z"})
    store = Store.open(store_path, taxonomy=settings.taxonomy)
    app = create_app(store, settings, ME, analyzer=StubAnalyzer(), refresh_interval=0)
    async with app.run_test(size=(80, 24)) as pilot:
        first = app.current_article_id
        await pilot.press("a")
        assert app.store.get_review(first, ME) is None
        await pilot.press("z")
        assert app.store.get_review(first, ME).reviewed_at
        assert app.current_article_id != first


async def test_help_lists_every_binding_with_id_and_keys(store_path):
    settings = replace(load_settings(), keys={"edit.undo": "ctrl+z"})
    store = Store.open(store_path, taxonomy=settings.taxonomy)
    app = create_app(store, settings, ME, analyzer=StubAnalyzer(), refresh_interval=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        body = app.screen.query_one("#help-body")
        text = ""
        for _ in range(6):
            text += "\n".join(s.text for s in app.screen._compositor.render_strips())
            body.scroll_page_down(animate=False)
            await pilot.pause()
        for spec in app.keymap.specs:
            assert spec.id in text, spec.id
        assert "ctrl+z" in text and "unsure" in text.lower()
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


def test_review_command_reports_a_bad_keymap_before_starting(tmp_path):
    from click.testing import CliRunner

    from tagger.cli import main

    cfg = tmp_path / "config.toml"
    cfg.write_text('[keys]\n"tag.accept" = "s"\n', "utf-8")
    result = CliRunner().invoke(main, ["--config", str(cfg), "review"])
    assert result.exit_code == 1
    assert "Invalid configuration" in result.output and "bound to both" in result.output


async def test_reading_view_keys_are_remapped_through_textual_keymap(store_path):
    pytest.importorskip("tagger.ui.screens.reading")
    from tagger.ui.screens.reading import ReadingScreen

    settings = replace(load_settings(), keys={"read.toggle_boilerplate": "v"})
    store = Store.open(store_path, taxonomy=settings.taxonomy)
    app = create_app(store, settings, ME, analyzer=StubAnalyzer(), refresh_interval=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        keys = {b.binding.id: key for key, b in app.screen.active_bindings.items()}
        assert keys.get("read.toggle_boilerplate") == "v"


def test_config_show_lists_every_binding_id():
    from click.testing import CliRunner

    from tagger.cli import main

    result = CliRunner().invoke(main, ["config", "show"])
    assert result.exit_code == 0, result.output
    km = Keymap(taxonomy())
    for spec in km.specs:
        assert spec.id in result.output
    assert "picker.unsure" in result.output and "!" in result.output
