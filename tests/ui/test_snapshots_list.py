"""Snapshots of the list and the pickers at 80x24 and 120x40, on a fixed store.

The store has fixed titles, dates and import times, and a few reviews set before the app
starts, so every run draws the same screen. Update with `pytest --snapshot-update` after a
deliberate change, and look at the diff before committing it.
"""

from __future__ import annotations

import pytest

from tests.ui.fakes import build_app, make_store

SIZES = [(80, 24), (120, 40)]


@pytest.fixture
def app(tmp_path):
    store, articles = make_store(tmp_path / "store")
    ids = [a.id for a in articles]
    store.set_tags(ids[1], "tester", "topic", ["conflict"])
    store.set_tags(ids[1], "tester", "region", ["eastern-europe"])
    store.set_tags(ids[1], "tester", "sentiment", ["negative"])
    # No accepts: the rate ("N per hour") depends on the clock and is read by a worker, so
    # it stays 0 here and the snapshots do not depend on timing.
    store.set_status(ids[2], "tester", "skipped")
    store.set_status(ids[3], "tester", "flagged")
    store.set_unsure(ids[4], "tester", "region", True)
    store.set_tags(ids[5], "colleague", "topic", ["economy", "business"])
    store.close()
    return build_app(tmp_path / "store", resume=False)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_list(snap_compare, app, size):
    assert snap_compare(app, terminal_size=size, press=["j", "j"])


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_topic_picker(snap_compare, app, size):
    assert snap_compare(app, terminal_size=size, press=["j", "t"])


def test_sentiment_picker(snap_compare, app):
    assert snap_compare(app, terminal_size=(80, 24), press=["e"])


def test_marks_and_sorted_by_source(snap_compare, app):
    assert snap_compare(app, terminal_size=(80, 24), press=["space", "space", "o", "o", "o"])


def test_filter_error(snap_compare, app):
    assert snap_compare(app, terminal_size=(80, 24),
                        press=["slash", *"topic:nonsense", "enter"])


def test_help(snap_compare, app):
    assert snap_compare(app, terminal_size=(80, 24), press=["question_mark"])
