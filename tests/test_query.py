"""The filter language: terms, precedence, negation, quoting, dates, entities and errors."""

from __future__ import annotations

import pytest

from tagger.errors import QueryError
from tagger.models import ArticleSummary, Review
from tagger.query import Candidate, parse_query


def art(
    aid="a1",
    title="Shelling near Donetsk",
    source="BBC",
    date="2025-03-14",
    tags=None,
    status="tagged",
    reviewer="alice",
    note="",
    reviewed_at=None,
    body=None,
    entities=None,
    reviewers=None,
    review=True,
):
    rev = None
    if review:
        rev = Review(
            aid,
            reviewer,
            tags={k: tuple(v) for k, v in (tags or {}).items()},
            status=status,
            note=note,
            reviewed_at=reviewed_at,
        )
    return Candidate(
        ArticleSummary(aid, title, source, date),
        rev,
        reviewers=reviewers,
        body=body,
        entities=entities,
    )


WAR = art(
    "a1",
    "Shelling near Donetsk",
    "BBC",
    tags={"topic": ["conflict"], "region": ["eastern-europe"], "sentiment": ["negative"]},
)
MATCH = art(
    "b2",
    "Cup final ends in draw",
    "Reuters",
    "2024-12-31",
    tags={"topic": ["sport"], "region": ["western-europe"], "sentiment": ["neutral"]},
    reviewer="bob",
    note="Check the score",
)
BUDGET = art("c3", "Budget vote delayed", "Al Jazeera", "", review=False)
ALL = [WAR, MATCH, BUDGET]


def ids(q: str) -> list[str]:
    query = parse_query(q)
    return [c.summary.id for c in ALL if query.matches(c)]


@pytest.mark.parametrize(
    "q, expected",
    [
        ("", ["a1", "b2", "c3"]),
        ("donetsk", ["a1"]),
        ("DONETSK", ["a1"]),
        ("reuters", ["b2"]),  # free text also searches the source
        ("shell donetsk", ["a1"]),
        ('"final ends"', ["b2"]),
        ('"ends final"', []),
        ("topic:conflict", ["a1"]),
        ("topic:Conflict", ["a1"]),
        ("topic:c", ["a1"]),  # the label's key letter
        ('topic:"Conflict and defence"', ["a1"]),  # the label's title
        ('region:"eastern europe"', ["a1"]),
        ("region:eastern_europe", ["a1"]),
        ('region:"Western Europe"', ["b2"]),
        ("sentiment:negative", ["a1"]),
        ("topic:none", ["c3"]),
        ("topic:any", ["a1", "b2"]),
        ("status:tagged", ["a1", "b2"]),
        ("status:untagged", ["c3"]),
        ("status:UNTAGGED", ["c3"]),
        ("source:jazeera", ["c3"]),
        ("source:bb", ["a1"]),
        ("title:reuters", []),
        ("reviewer:bob", ["b2"]),
        ("reviewer:BOB", ["b2"]),
        ("note:score", ["b2"]),
        ("id:b", ["b2"]),
        ("date:2025", ["a1"]),
        ("date:2025-03", ["a1"]),
        ("date:2025-03-14", ["a1"]),
        ("date:>=2025-01-01", ["a1"]),
        ("date:<2025", ["b2"]),
        ("date:<=2024-12", ["b2"]),
        ("date:>2024-12-31", ["a1"]),
        ("date:2024-12..2025-03", ["a1", "b2"]),
        ("date:..2024", ["b2"]),
        ("-date:2025", ["b2", "c3"]),  # undated articles never match a date term
    ],
)
def test_terms(q, expected):
    assert ids(q) == expected


@pytest.mark.parametrize(
    "q, expected",
    [
        ("-topic:sport", ["a1", "c3"]),
        ("not topic:sport", ["a1", "c3"]),
        ("NOT topic:sport", ["a1", "c3"]),
        ("-donetsk", ["b2", "c3"]),
        ("not not donetsk", ["a1"]),
        ("- -donetsk", []),  # a lone "-" is text, and no title or source has one
        ("topic:sport or topic:conflict", ["a1", "b2"]),
        ("topic:sport OR budget", ["b2", "c3"]),
        # and binds tighter than or: (sport and conflict) or budget
        ("topic:sport topic:conflict or budget", ["c3"]),
        ("topic:sport and topic:conflict or budget", ["c3"]),
        # ... and parentheses change it
        ("topic:sport (topic:conflict or budget)", []),
        ("(donetsk or cup) -reuters", ["a1"]),
        ("-(donetsk or cup)", ["c3"]),
        ("not (status:tagged)", ["c3"]),
        ("((donetsk))", ["a1"]),
        ("donetsk or cup or budget", ["a1", "b2", "c3"]),
        ('"or"', []),  # a quoted keyword is plain text
        ('"draw"', ["b2"]),
    ],
)
def test_boolean_logic(q, expected):
    assert ids(q) == expected


def test_reviewed_means_accepted():
    done = art("x", reviewed_at="2025-01-01T00:00:00Z")
    not_done = art("y")
    q = parse_query("status:reviewed")
    assert q.matches(done) and not q.matches(not_done)


def test_reviewer_checks_every_review_of_the_article():
    c = art("x", reviewer="alice", reviewers=("alice", "carol"))
    assert parse_query("reviewer:carol").matches(c)
    assert not parse_query("reviewer:dave").matches(c)


def test_entity_uses_cached_mentions_then_body():
    cached = art(body="nothing here", entities=["Donetsk Oblast", "Kyiv"])
    assert parse_query("entity:donetsk").matches(cached)
    assert parse_query('entity:"donetsk oblast"').matches(cached)
    assert not parse_query("entity:done").matches(cached)  # whole words only
    # cached annotations win: the body is not searched when the cache has an answer
    assert not parse_query("entity:nothing").matches(cached)

    uncached = art(body="Troops left Donetsk on Monday.", entities=lambda: None)
    assert parse_query("entity:DONETSK").matches(uncached)
    assert not parse_query("entity:Donets").matches(uncached)


def test_body_is_read_only_when_needed():
    calls = []

    def body():
        calls.append(1)
        return "Troops left Donetsk."

    c = art(tags={"topic": ["conflict"]}, body=body, entities=lambda: None)
    assert not parse_query("topic:sport entity:donetsk").matches(c)
    assert calls == []  # the cheap term failed first
    assert parse_query("topic:conflict entity:donetsk").matches(c)
    assert calls == [1]
    assert not parse_query("topic:conflict").needs_body
    assert parse_query("cup or entity:x").needs_body
    assert parse_query("body:troops").matches(c)


def test_custom_taxonomy_groups_are_fields():
    from tagger.config import parse_taxonomy

    tax = parse_taxonomy(
        {"urgency": {"labels": [{"name": "high", "key": "h"}, {"name": "low", "key": "l"}]}},
        "test",
    )
    c = art(tags={"urgency": ["high"]})
    assert parse_query("urgency:high", tax).matches(c)
    assert not parse_query("urgency:low", tax).matches(c)
    with pytest.raises(QueryError, match="Unknown field 'topic'"):
        parse_query("topic:sport", tax)


@pytest.mark.parametrize(
    "q, message, position",
    [
        ('region:"eastern europe', "Unclosed quote", 7),
        ('"abc', "Unclosed quote", 0),
        ("topik:sport", "Did you mean 'topic'", 0),
        ("foo:bar", "Fields: topic, region, sentiment, status", 0),
        ("topic:sports", "'sports' is not a topic label", 6),
        ("status:done", "Unknown status 'done'", 7),
        ("topic:", "needs a value", 0),
        ("(donetsk", "Unclosed '('", 0),
        ("donetsk)", "Unmatched ')'", 7),
        ("()", "Empty parentheses", 0),
        ("or donetsk", "needs a term before", 0),
        ("donetsk or", "needs a term after", 8),
        ("donetsk or or cup", "needs a term after", 8),
        ("not", "'not' needs a term after", 0),
        ("a and", "'and' needs a term after", 2),
        ("date:March", "not a date", 5),
        ("date:2025-1", "not a date", 5),
        ("date:..", "needs at least one end", 0),
        (":x", "field name", 0),
    ],
)
def test_errors_say_what_and_where(q, message, position):
    with pytest.raises(QueryError) as info:
        parse_query(q)
    assert message in info.value.message
    assert info.value.position == position
    assert f"column {position + 1}" in info.value.message
    assert info.value.title == "Invalid filter"


def test_queries_over_100k_candidates_count_right():
    # Speed is measured by bench/query_bench.py, not here; this checks the counts at scale.
    cands = [
        art(
            f"{i:08x}",
            f"Article number {i} about things",
            ("BBC", "Reuters", "AP")[i % 3],
            tags={"topic": [("conflict", "sport", "economy")[i % 3]]},
        )
        for i in range(100_000)
    ]
    assert sum(parse_query("topic:conflict").matches(c) for c in cands) == 33_334
    assert sum(parse_query("things -reuters").matches(c) for c in cands) == 66_667
    assert sum(parse_query("source:bbc or topic:sport").matches(c) for c in cands) == 66_667


def test_filter_ids_over_a_real_store(tmp_path):
    from tagger.models import Article, Span
    from tagger.query import default_taxonomy
    from tagger.selection import annotation_version, filter_ids
    from tagger.store import Store

    tax = default_taxonomy()
    a = Article("a" * 16, "Shelling near Donetsk", "Troops shelled Donetsk.", "BBC", "2025-03-01")
    b = Article("b" * 16, "Cup final", "The final in Madrid ended 2-1.", "AP", "2024-05-02")
    c = Article("c" * 16, "Budget vote", "Parliament met in Kyiv.", "AP", "")
    with Store.open(tmp_path / "s", taxonomy=tax) as store:
        store.add_articles([a, b, c])
        store.set_tags(a.id, "alice", "topic", ["conflict"])
        store.set_tags(b.id, "bob", "topic", ["sport"])
        store.set_tags(a.id, "bob", "topic", ["politics"])
        version = annotation_version("auto")
        store.put_annotations(c.id, c.text_hash, version, [Span(0, 10, "ORGANIZATION")])

        def ids(q: str, reviewer: str | None = "alice") -> list[str]:
            return [i[0] for i in filter_ids(store, parse_query(q, tax), reviewer)]

        assert ids("") == ["a", "b", "c"]
        assert ids("topic:conflict") == ["a"]  # alice's own review wins for alice
        assert ids("topic:politics", "bob") == ["a"]
        assert ids("reviewer:bob") == ["a", "b"]
        assert ids("status:untagged") == ["c"]
        assert ids("entity:donetsk") == ["a"]  # no cache: whole word in the body
        assert ids("entity:kyiv") == []  # cached spans for c say Parliament only
        assert ids("entity:parliament") == ["c"]
        assert ids("date:>=2025 or source:ap -cup") == ["a", "c"]


def test_filter_and_export_modules_load_no_ui_or_nlp():
    import json
    import subprocess
    import sys

    modules = [
        "tagger.query",
        "tagger.query_terms",
        "tagger.selection",
        "tagger.roundtrip",
        "tagger.export",
        "tagger.exporters.table",
        "tagger.exporters.label_studio",
        "tagger.exporters.spacy",
        "tagger.merge",
    ]
    code = (
        f"import importlib, json, sys\nfor m in {modules!r}: importlib.import_module(m)\n"
        "print(json.dumps([m for m in ('textual', 'nltk', 'textblob', 'spacy') if m in sys.modules]))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []


def test_label_sets_follow_the_review_and_are_shared():
    c = art(tags={"topic": ["conflict"]})
    q = parse_query("topic:conflict")
    assert q.matches(c)
    c.review = Review("a1", "alice", tags={"topic": ("sport",)})  # the app swaps reviews in
    assert not q.matches(c) and parse_query("topic:sport").matches(c)
    c.review = None
    assert not parse_query("topic:sport").matches(c)
    twin1, twin2 = art("x", tags={"topic": ["sport"]}), art("y", tags={"topic": ["sport"]})
    assert twin1.labels is twin2.labels == frozenset({"topic:sport"})
    # tags given as lists (unhashable) still work
    listy = Candidate(ArticleSummary("z", "t"), Review("z", "a", tags={"topic": ["sport"]}))
    assert parse_query("topic:sport").matches(listy)


def test_every_example_in_the_docs_parses():
    import re
    from pathlib import Path

    doc = (Path(__file__).resolve().parent.parent / "docs" / "filter-language.md").read_text()
    examples = [
        e
        for e in re.findall(r"`([^`]+)`", doc)
        if ":" in e
        and not e.endswith(":")
        and not e[0].isupper()
        and not e.startswith(("tagger", "--"))
        and "..." not in e
    ]
    assert len(examples) > 15
    for example in examples:
        parse_query(example)  # raises QueryError if the docs drifted from the parser
