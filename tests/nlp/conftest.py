"""Fixtures for the NLP tests: one offline analyzer per session (building it takes a second)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def offline_analyzer(tmp_path_factory):
    import os

    # The gazetteer cache goes to a session folder, never the user's data dir.
    old = os.environ.get("TAGGER_DATA_DIR")
    os.environ["TAGGER_DATA_DIR"] = str(tmp_path_factory.mktemp("nlp-data"))
    try:
        from tagger.nlp.offline import OfflineAnalyzer

        analyzer = OfflineAnalyzer()
    finally:
        if old is None:
            os.environ.pop("TAGGER_DATA_DIR", None)
        else:
            os.environ["TAGGER_DATA_DIR"] = old
    return analyzer


def mentions(analyzer, text, kind=None):
    """(mention text, label) pairs, for readable assertions."""
    return [
        (text[s.start : s.end], s.label)
        for s in analyzer.analyze(text)
        if kind is None or s.kind == kind
    ]
