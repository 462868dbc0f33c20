"""The list's model: filtering through the query language, sorting, counts, and the rate."""

from __future__ import annotations

import pytest

from tagger.query import parse_query
from tagger.ui.list_model import ListModel, Sort
from tagger.ui.widgets.article_table import columns, fit, status_text
from tagger.ui.widgets.progress_line import rate_per_hour
from tests.ui.fakes import make_store

ME = "tester"


@pytest.fixture
def model(tmp_path):
    store, _ = make_store(tmp_path / "store")
    m = ListModel(store, ME, store.taxonomy.names)
    m.apply(None)
    yield m
    store.close()


def test_view_starts_in_import_order(model):
    assert [model.summaries[i].title for i in model.ids[:2]] == [
        "Floods close roads in Nairobi", "Kharkiv substation hit overnight"]
    assert len(model) == 8 and model.done_count() == 0


def test_filter_uses_reviews_kept_in_step_after_saves(model):
    aid = model.ids[1]
    model.store.set_tags(aid, ME, "topic", ["conflict"])
    model.update(aid)
    model.apply(parse_query("topic:conflict"))
    assert model.ids == [aid]
    model.apply(parse_query("status:untagged"))
    assert aid not in model.ids and len(model.ids) == 7
    assert model.done_count(list(model.summaries)) == 1


def test_sorts_by_column_both_ways_stably(model):
    model.resort(Sort("source"))
    sources = [model.summaries[i].source for i in model.ids]
    assert sources == sorted(sources, key=str.casefold)
    model.resort(Sort("source", descending=True))
    assert [model.summaries[i].source for i in model.ids] == sorted(
        sources, key=str.casefold, reverse=True)
    model.resort(Sort("imported"))
    assert model.ids == sorted(model.ids, key=model.order.__getitem__)


def test_sort_cycles_through_every_column():
    seen, sort = [], Sort()
    for _ in range(8):
        seen.append(sort.column)
        sort = sort.next_column()
    assert sort.column == "imported" and len(set(seen)) == 8


def test_body_queries_read_the_store(model):
    model.apply(parse_query("body:affected"))
    assert len(model.ids) == 8
    model.apply(parse_query("body:nowhere-to-be-found"))
    assert model.ids == []


def test_rate_per_hour_counts_recent_accepts_only():
    now = 10_000.0
    assert rate_per_hour([], now) == 0
    # 18 accepts spread over the last hour read as 18 per hour.
    assert rate_per_hour([now - 200 * i for i in range(18)], now) == pytest.approx(
        18 * 3600 / (17 * 200))
    # Accepts older than an hour are ignored; a short burst is not extrapolated wildly.
    assert rate_per_hour([now - 4000, now - 5000], now) == 0
    assert rate_per_hour([now - 10, now - 5], now) == pytest.approx(12)


def test_columns_fill_the_width_and_status_reads_without_colour():
    for width in (78, 119, 200):
        cols = columns(width, ("topic", "region", "sentiment"))
        assert sum(w for _, w in cols) + len(cols) == width
    assert status_text("flagged") == "! flagged" and status_text("unsure") == "? unsure"
    assert fit("abcdef", 4) == "abc…" and fit("ab", 4) == "ab  "
