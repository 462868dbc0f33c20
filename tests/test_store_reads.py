"""The bulk read path (effective_view, iter_effective), its cache, the compact fold and the snapshot."""

from __future__ import annotations

import orjson
import pytest
from tinydb import TinyDB

from tagger import history
from tagger import store as store_mod
from tagger.models import Review
from tagger.query import parse_query
from tagger.selection import candidates, filter_ids
from tagger.store import Store
from tests.store_helpers import make_articles, spawn, taxonomy

REVIEWERS = (None, "ann", "bob", "zoe")


@pytest.fixture
def path(tmp_path):
    return tmp_path / "st"


def ids(s):
    return [x.id for x in s.summaries()]


def tagged_store(path) -> Store:
    s = Store.open(path, taxonomy=taxonomy())
    s.add_articles(make_articles(12))
    a = ids(s)
    s.bulk_set_tags(a[:8], "ann", "topic", ["politics"])
    s.set_tags(a[2], "bob", "topic", ["sport"])
    s.set_status(a[3], "bob", "flagged")
    s.set_note(a[9], "bob", "check the date")
    s.set_unsure(a[4], "ann", "region", True)
    s.accept(a[5], "ann")
    return s


def assert_rows_match(s: Store) -> None:
    for reviewer in REVIEWERS:
        rows = list(s.iter_effective(reviewer))
        assert [r[0] for r in rows] == s.summaries()
        for summary, review, names in rows:
            assert review == s.effective_review(summary.id, reviewer)
            assert sorted(names) == sorted(r.reviewer for r in s.reviews_for(summary.id))


def test_iter_effective_matches_effective_review_for_every_article(path):
    with tagged_store(path) as s:
        assert_rows_match(s)
        a = ids(s)
        assert s.effective_view("zoe").reviews[2].reviewer == "bob"  # latest by anyone
        assert s.effective_view("ann").reviews[2].tags == {"topic": ("politics",)}
        assert s.effective_view("ann").reviews[11] is None
        assert s.untagged_ids("ann") == [x for x in a if s.effective_review(x, "ann") is None
                                         or s.effective_review(x, "ann").status == "untagged"]


def test_the_view_follows_writes_undo_and_new_articles(path):
    with tagged_store(path) as s:
        a = ids(s)
        before = s.effective_view("ann")
        s.set_tags(a[0], "ann", "topic", ["economy"])
        s.set_tags(a[10], "carl", "topic", ["health"])
        assert s.effective_view("ann").reviews[0].tags == {"topic": ("economy",)}
        assert s.effective_view("ann").reviews[10].reviewer == "carl"
        assert before.reviews[0].tags == {"topic": ("politics",)}  # a copy was handed out
        s.undo("ann")
        assert s.effective_view("ann").reviews[0].tags == {"topic": ("politics",)}
        s.add_articles(make_articles(3, start=50))
        assert len(s.effective_view("ann").reviews) == 15
        assert_rows_match(s)


def test_the_view_rebuilds_when_the_change_log_was_trimmed(path, monkeypatch):
    monkeypatch.setattr(history, "TOUCH_LOG", 3)
    with tagged_store(path) as s:
        s.effective_view("ann")
        s.bulk_set_tags(ids(s), "ann", "sentiment", ["positive"])
        assert all(r.tags.get("sentiment") == ("positive",) for r in s.effective_view("ann").reviews)
        assert_rows_match(s)


def test_the_view_follows_another_process_after_refresh(path):
    s = tagged_store(path)
    try:
        a = ids(s)
        assert s.effective_view("ann").reviews[11] is None
        child = spawn(
            "import sys; from tagger.store import Store\n"
            "with Store.open(sys.argv[1]) as o:\n"
            "    o.set_tags(sys.argv[2], 'dora', 'topic', ['sport'])\n"
            "    o.set_status(sys.argv[3], 'ann', 'skipped')\n",
            str(path), a[11], a[1],
        )
        assert child.wait(timeout=60) == 0, child.stderr.read()
        assert s.refresh() is True
        view = s.effective_view("ann")
        assert view.reviews[11].reviewer == "dora" and view.reviews[1].status == "skipped"
        assert s.untagged_ids("ann").count(a[11]) == 0
        assert_rows_match(s)
    finally:
        s.close()


def test_filter_ids_agrees_with_candidates(path):
    tax = taxonomy()
    with tagged_store(path) as s:
        for text in ("topic:politics", "status:untagged", "status:flagged", "reviewer:bob",
                     "-topic:politics or note:date", "status:reviewed", "story 1"):
            query = parse_query(text, tax)
            for reviewer in REVIEWERS:
                want = [c.summary.id for c in candidates(s, reviewer) if query.matches(c)]
                assert filter_ids(s, query, reviewer) == want, (text, reviewer)


def test_reviews_share_names_and_tag_sets(path):
    with tagged_store(path) as s:
        a = ids(s)
        r0, r1 = s.get_review(a[0], "ann"), s.get_review(a[1], "ann")
        assert r0.tags is r1.tags and r0.status is r1.status
        assert r0.article_id is s.summaries()[0].id


def test_snapshot_is_one_review_per_line_and_reopens_the_same(path, monkeypatch):
    monkeypatch.setattr(store_mod, "CHECKPOINT_EVERY", 5)
    s = tagged_store(path)
    want = sorted((r.article_id, r.reviewer, repr(r)) for r in s.iter_reviews())
    with s._lock.held():
        s._checkpoint()
    s.close()
    lines = (path / "reviews.json").read_bytes().split(b"\n")
    assert lines[1] == b'"reviews":{' and lines[-2] == b"}}"
    assert len(lines) == len(want) + 4
    db = TinyDB(path / "reviews.json")  # still one TinyDB document
    assert len(db.table("reviews")) == len(want)
    db.close()
    with Store.open(path, taxonomy=taxonomy()) as s:
        assert sorted((r.article_id, r.reviewer, repr(r)) for r in s.iter_reviews()) == want


def test_bulk_undo_after_reopen_reads_its_changes_from_the_journal(path):
    s = tagged_store(path)
    a = ids(s)
    s.bulk_set_tags(a, "ann", "region", ["global"])
    with s._lock.held():
        s._checkpoint()
    step = s._book.next_undo("ann")
    assert step.changes is None and len(step.ranges) == 1  # byte ranges, not the changes
    s.close()
    with Store.open(path, taxonomy=taxonomy()) as s:
        undone = s.undo("ann")
        assert len(undone) == 12 + 4  # each tag, and the status side-effect of new reviews
        assert all(s.get_review(x, "ann") is None or not s.get_review(x, "ann").tags.get("region")
                   for x in a)
        assert s.redo("ann") and s.get_review(a[11], "ann").tags["region"] == ("global",)


def test_an_old_whole_document_snapshot_with_inline_undo_changes_still_opens(path):
    s = tagged_store(path)
    a = ids(s)
    s.close()
    reviews = {str(n): r.to_dict() for n, r in enumerate(s.iter_reviews(), 1)}
    offset = (path / "journal.jsonl").stat().st_size
    seq = len((path / "journal.jsonl").read_bytes().splitlines())
    old = {
        "reviews": reviews,
        "undo": {"1": {"reviewer": "ann", "undo": [
            {"batch": "b1", "changes": [[a[0], "note", "", "old style"]]}], "redo": []}},
        "checkpoint": {"1": {"seq": seq, "journal_offset": offset, "schema_version": 1}},
    }
    (path / "reviews.json").write_bytes(orjson.dumps(old))
    with Store.open(path, taxonomy=taxonomy()) as s:
        assert sorted(map(repr, s.iter_reviews())) == sorted(
            repr(Review.from_dict(d)) for d in reviews.values()
        )
        s.set_note(a[0], "ann", "old style")  # what the step's inline change wrote
        s.undo("ann")
        assert [(c.article_id, c.field, c.new) for c in s.undo("ann")] == [(a[0], "note", "")]
        assert s.get_review(a[0], "ann").note == ""


def test_history_for_an_article_or_reviewer_is_the_filtered_full_history(path):
    with tagged_store(path) as s:
        a = ids(s)
        s.set_note(a[1], "ann", f'quoted "reviewer":"bob" and "article_id":"{a[0]}"')
        everything = s.history()
        assert len(everything) > 20
        for aid in (a[0], a[1], a[11]):
            for reviewer in (None, "ann", "bob", "nobody"):
                want = [c for c in everything if (c.article_id == aid)
                        and (reviewer is None or c.reviewer == reviewer)]
                assert s.history(aid, reviewer) == want
                assert list(s.iter_history(aid, reviewer)) == want
        assert s.history(reviewer="bob") == [c for c in everything if c.reviewer == "bob"]


def test_inline_undo_steps_of_an_old_snapshot_are_upgraded_to_journal_ranges(path):
    s = tagged_store(path)
    a = ids(s)
    s.bulk_set_tags(a, "ann", "region", ["global"])
    want = sorted(map(repr, s.iter_reviews()))
    reviews = {str(i): r.to_dict() for i, r in enumerate(s.iter_reviews(), 1)}
    s.close()
    # The layout older taggers wrote: one document, each undo step with its changes inline.
    journal = [orjson.loads(x) for x in (path / "journal.jsonl").read_bytes().splitlines()]
    stacks, n = {}, 0
    for who in ("ann", "bob"):
        steps = []
        for e in journal:
            if e["reviewer"] != who or e.get("action", "set") != "set":
                continue
            change = [e["article_id"], e["field"], e["old"], e["new"]]
            if steps and steps[-1]["batch"] == e["batch"]:
                steps[-1]["changes"].append(change)
            else:
                steps.append({"batch": e["batch"], "changes": [change]})
        n += 1
        stacks[str(n)] = {"reviewer": who, "undo": steps, "redo": []}
    old = {
        "reviews": reviews,
        "undo": stacks,
        "checkpoint": {"1": {"seq": len(journal), "schema_version": 1,
                             "journal_offset": (path / "journal.jsonl").stat().st_size}},
    }
    (path / "reviews.json").write_bytes(orjson.dumps(old))
    with Store.open(path, taxonomy=taxonomy()) as s:
        assert sorted(map(repr, s.iter_reviews())) == want
        steps = s._book.undo["ann"]
        assert steps and all(st.changes is None and st.ranges for st in steps)
        assert (path / "reviews.json").read_bytes().split(b"\n")[1] == b'"reviews":{'
        assert len(s.undo("ann")) == 12 + 4
        assert all(not (r.tags.get("region")) for r in s.iter_reviews() if r.reviewer == "ann")


def test_history_since_reads_only_recent_changes(tmp_path):
    from tagger.config import load_settings
    from tagger.models import Article
    from tagger.store import Store

    tax = load_settings().taxonomy
    arts = [Article(f"{i:016x}", f"Title {i}", f"Body {i}.") for i in range(300)]
    with Store.open(tmp_path / "s", taxonomy=tax) as store:
        store.add_articles(arts)
        for a in arts[:200]:
            store.set_tags(a.id, "ann", "topic", ["economy"])
        cut = store.history()[-60].at
        for a in arts[200:]:
            store.set_note(a.id, "bob", "later")
        every = store.history()
        recent = list(store.iter_history(since=cut))
        assert recent == [c for c in every if c.at >= cut]
        assert len(recent) < len(every) and len(recent) >= 60
        assert list(store.iter_history(reviewer="bob", since=cut)) == [
            c for c in every if c.reviewer == "bob"
        ]
        assert list(store.iter_history(since="9999")) == []
        assert list(store.iter_history(since="0")) == every
