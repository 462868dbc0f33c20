"""The interface: lazy imports, back-end choice, one cached analyzer per back-end."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tagger.models import Span
from tagger.nlp import base
from tagger.nlp.spans import normalise, resolve, trim


def test_importing_base_loads_no_nltk():
    code = (
        "import sys, json, tagger.nlp.base, tagger.annotations\n"
        "print(json.dumps([m for m in ('nltk', 'textblob', 'textual') if m in sys.modules]))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []


def test_auto_without_models_is_offline(monkeypatch, tmp_path):
    monkeypatch.setattr(base, "_cache", {})
    from tagger.nlp import resources

    monkeypatch.setattr(resources, "is_present", lambda r: False)
    assert base.choose_backend("auto") == "offline"
    with pytest.raises(base.NlpError) as err:
        base.choose_backend("nltk")
    assert "punkt_tab" in err.value.message and "averaged_perceptron_tagger_eng" in err.value.message


def test_unknown_backend():
    with pytest.raises(base.NlpError):
        base.choose_backend("spacy")


def test_get_analyzer_builds_once(monkeypatch, offline_analyzer):
    monkeypatch.setattr(base, "_cache", {"offline": offline_analyzer})
    a = base.get_analyzer("offline")
    assert a is offline_analyzer
    assert base.get_analyzer("offline") is a
    assert isinstance(a, base.Analyzer)
    assert a.name == "offline" and a.version


def test_trim_conventions():
    text = "the United States's"
    assert trim(text, Span(0, len(text), "GPE")) == Span(4, 17, "GPE")
    text = "Mr. Smith"
    assert trim(text, Span(0, 9, "PERSON")) == Span(4, 9, "PERSON")
    text = "U.S."
    assert trim(text, Span(0, 4, "GPE")) == Span(0, 4, "GPE")


def test_resolve_prefers_longer_then_entity():
    spans = [Span(0, 7, "PERSON"), Span(8, 11, "DATE"), Span(0, 11, "PERSON"), Span(9, 10, "CARDINAL")]
    assert resolve(spans) == [Span(0, 11, "PERSON")]
    assert resolve([Span(0, 2, "CARDINAL"), Span(0, 2, "ORGANIZATION")]) == [Span(0, 2, "ORGANIZATION")]
    got = resolve([Span(5, 9, "DATE"), Span(0, 3, "GPE"), Span(2, 6, "CARDINAL")])
    assert [s.start for s in got] == sorted(s.start for s in got)


def test_normalise_trims_quotes_and_drops_empty():
    text = "“Kenya”, ,"
    assert normalise(text, [Span(0, 8, "GPE")]) == [Span(1, 6, "GPE")]
    assert normalise(text, [Span(7, 10, "GPE")]) == []


def test_code_version_keys_the_cache(monkeypatch):
    first = base.code_version()
    assert first == base.code_version() and len(first) == 12
    # Any change to the word lists changes the version, so cached spans are recomputed.
    from pathlib import Path

    real = Path.read_bytes

    def edited(self):
        data = real(self)
        return data + b"\nEdited" if self.name == "curated.txt" else data

    monkeypatch.setattr(Path, "read_bytes", edited)
    assert base.code_version() != first


def test_damaged_gazetteer_cache_is_rebuilt(tmp_path, monkeypatch):
    from tagger.nlp import gazetteer

    monkeypatch.setenv("TAGGER_DATA_DIR", str(tmp_path / "data"))
    gazetteer.load_gazetteer.cache_clear()
    try:
        first = gazetteer.load_gazetteer()
        (cache,) = (tmp_path / "data" / "nlp-cache").glob("gazetteer-*.tsv")
        lines = cache.read_text("utf-8").split("\n")
        assert lines[-1].startswith("#end\t")
        cache.write_text("\n".join(lines[: len(lines) // 2]), "utf-8")  # cut short
        gazetteer.load_gazetteer.cache_clear()
        again = gazetteer.load_gazetteer()
        assert again.names == first.names and again.first_names == first.first_names
        assert cache.read_text("utf-8").split("\n")[-1] == lines[-1]  # written whole again
        assert first.names["Nairobi"] == "GPE" and "Kenya" in first.major
    finally:
        gazetteer.load_gazetteer.cache_clear()
