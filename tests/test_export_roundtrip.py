"""The canonical jsonl record and its inverse, on plain models (the store round trip is in
test_export_cli.py)."""

from __future__ import annotations

import pytest

from tagger.errors import InputError
from tagger.models import Article, Review, Span
from tagger.query import default_taxonomy
from tagger.roundtrip import SCHEMA_VERSION, from_export_record, to_export_record

TAX = default_taxonomy()

ARTICLE = Article(
    id="0123456789abcdef",
    title="Drones hit Kyiv — «again»",
    body="Drones hit Kyiv on Monday. =SUM(A1)\nSecond line. Related topics",
    source="BBC",
    date="2025-03-14",
    url="https://example.org/a?b=1",
    author="J. Doe",
    raw="<p>Drones hit Kyiv</p>",
    boilerplate_at=48,
    origin="sample_articles/a.txt",
    imported_at="2025-03-15T10:00:00.000000Z",
)
REVIEW = Review(
    article_id=ARTICLE.id,
    reviewer="alice",
    tags={"topic": ("conflict", "politics"), "sentiment": ("negative",), "legacy": ("x",)},
    status="unsure",
    note="check region",
    unsure=("region",),
    created_at="2025-03-16T09:00:00.000000Z",
    updated_at="2025-03-16T09:05:00.000000Z",
    reviewed_at=None,
)


def test_record_layout():
    rec = to_export_record(ARTICLE, REVIEW, TAX, spans=[Span(11, 15, "GPE")])
    assert rec["schema_version"] == SCHEMA_VERSION == 1
    assert list(rec)[:2] == ["schema_version", "id"]
    assert rec["tags"] == {
        "topic": ["conflict", "politics"],
        "region": [],
        "sentiment": "negative",
        "legacy": ["x"],  # a group the taxonomy lost is kept, not dropped
    }
    assert rec["spans"] == [
        {"start": 11, "end": 15, "label": "GPE", "kind": "entity", "text": "Kyiv"}
    ]
    assert rec["raw"] == ARTICLE.raw


def test_unreviewed_article_has_null_review_fields():
    rec = to_export_record(ARTICLE, None, TAX)
    assert rec["reviewer"] is None and rec["status"] == "untagged"
    assert rec["tags"] == {"topic": [], "region": [], "sentiment": None}
    article, review = from_export_record(rec)
    assert review is None and article == ARTICLE


def test_round_trip_is_exact():
    rec = to_export_record(ARTICLE, REVIEW, TAX)
    article, review = from_export_record(rec)
    assert article == ARTICLE
    assert review.to_dict() == REVIEW.to_dict()
    assert to_export_record(article, review, TAX) == rec


@pytest.mark.parametrize("raw", ["", ARTICLE.body])
def test_raw_round_trips_when_empty_or_same_as_body(raw):
    a = Article(**{**ARTICLE.to_dict(), "raw": raw})
    rec = to_export_record(a, None, TAX)
    assert ("raw" in rec) == (raw != a.body)
    assert from_export_record(rec)[0] == a


@pytest.mark.parametrize(
    "change, message",
    [
        ({"schema_version": 2}, "schema_version 2"),
        ({"schema_version": None}, "schema_version None"),
        ({"id": ""}, "no article 'id'"),
        ({"status": "done"}, "unknown status"),
        ({"tags": {"topic": 3}}, "group 'topic'"),
        ({"tags": ["conflict"]}, "'tags' should be an object"),
        ({"title": 5}, "'title' should be text"),
        ({"boilerplate_at": "4"}, "boilerplate_at"),
    ],
)
def test_malformed_records_are_refused(change, message):
    rec = {**to_export_record(ARTICLE, REVIEW, TAX), **change}
    with pytest.raises(InputError, match=message):
        from_export_record(rec)


def test_no_text_record_cannot_be_imported():
    rec = to_export_record(ARTICLE, REVIEW, TAX, text=False)
    assert "text" not in rec and "raw" not in rec
    with pytest.raises(InputError, match="--no-text"):
        from_export_record(rec)
