"""Shared fixtures: every test gets its own data dir, store and config, never the user's."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_NLTK = ROOT.parent / "shared" / "nltk_data"


@pytest.fixture(autouse=True)
def isolated_env(tmp_path, monkeypatch):
    """Point every location tagger uses at a temp folder, and drop user settings."""
    monkeypatch.setenv("TAGGER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("TAGGER_DB", str(tmp_path / "store"))
    monkeypatch.delenv("TAGGER_CONFIG", raising=False)
    monkeypatch.setenv("TAGGER_REVIEWER", "tester")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("NLTK_DATA", raising=False)
    yield


@pytest.fixture
def shared_nltk_data(monkeypatch):
    """NLTK's official models from ../shared/nltk_data; skips when absent."""
    if not SHARED_NLTK.is_dir():
        pytest.skip("../shared/nltk_data is absent (only CI and developers have it)")
    monkeypatch.setenv("NLTK_DATA", str(SHARED_NLTK))
    return SHARED_NLTK
