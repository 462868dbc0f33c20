"""Store round trips on real files: articles, reviews, status rules, caches, UI state, schema."""

from __future__ import annotations

import orjson
import pytest
from tinydb import TinyDB

from tagger import store as store_mod
from tagger import store_meta
from tagger.article_files import SHARD_SIZE
from tagger.errors import NotFoundError, StoreError, ValidationError
from tagger.models import STATUSES, Review, Span
from tagger.store import Store
from tests.store_helpers import make_articles, taxonomy


@pytest.fixture
def path(tmp_path):
    return tmp_path / "st"


@pytest.fixture
def st(path):
    s = Store.open(path, taxonomy=taxonomy())
    s.add_articles(make_articles(6))
    yield s
    s.close()


def ids(s):
    return [x.id for x in s.summaries()]


def test_open_creates_the_folder_with_a_schema_version(path):
    with Store.open(path) as s:
        assert s.path == path and s.schema_version == store_mod.SCHEMA_VERSION
    meta = orjson.loads((path / "meta.json").read_bytes())
    assert meta["schema_version"] == store_mod.SCHEMA_VERSION and meta["format"] == "tagger-store"


def test_articles_round_trip_across_shards_and_reopen(path):
    arts = make_articles(SHARD_SIZE + 120)
    with Store.open(path) as s:
        first = s.add_articles(arts[:300])
        second = s.add_articles(arts[250:])  # overlaps by 50
        assert first.added == [a.id for a in arts[:300]] and first.duplicates == []
        assert second.duplicates == [a.id for a in arts[250:300]]
        assert s.article_count() == len(arts)
    with Store.open(path) as s:
        assert ids(s) == [a.id for a in arts]
        assert s.summaries()[7].title == arts[7].title and s.summaries()[7].source == arts[7].source
        got = s.get_article(arts[SHARD_SIZE + 3].id)
        assert (got.title, got.body, got.raw, got.url) == (
            arts[SHARD_SIZE + 3].title, arts[SHARD_SIZE + 3].body, arts[SHARD_SIZE + 3].raw,
            arts[SHARD_SIZE + 3].url,
        )
        assert got.imported_at  # stamped on import
        assert [a.id for a in s.iter_articles()] == [a.id for a in arts]
        wanted = [arts[600].id, arts[2].id, arts[511].id]
        assert [a.id for a in s.iter_articles(wanted)] == wanted
        assert s.has_article(arts[0].id) and not s.has_article("nope")
        with pytest.raises(NotFoundError):
            s.get_article("0123456789abcdef")


def test_duplicates_inside_one_batch_are_reported(path):
    a = make_articles(2)
    with Store.open(path) as s:
        res = s.add_articles([a[0], a[1], a[0]])
        assert res.added == [a[0].id, a[1].id] and res.duplicates == [a[0].id]


def test_article_files_are_tinydb_documents(st):
    db = TinyDB(st.path / "articles" / "000000.json")
    titles = {d["title"] for d in db.table("articles").all()}
    assert titles == {s.title for s in st.summaries()}
    db.close()


def test_tags_are_validated_and_canonical(st):
    aid = ids(st)[0]
    rv = st.set_tags(aid, "ann", "Topic", ["Politics", "e"])  # title and key letter
    assert rv.tags == {"topic": ("politics", "economy")}
    with pytest.raises(ValidationError):
        st.set_tags(aid, "ann", "topic", ["astrology"])
    with pytest.raises(ValidationError):
        st.set_tags(aid, "ann", "sentiment", ["negative", "positive"])  # single choice
    with pytest.raises(ValidationError):
        st.set_tags(aid, "ann", "mood", ["calm"])
    with pytest.raises(ValidationError):
        st.set_tags(aid, "  ", "topic", ["politics"])
    with pytest.raises(NotFoundError):
        st.set_tags("ffffffffffffffff", "ann", "topic", ["politics"])
    assert len(st.history()) == 2  # the tag and its status side-effect; failures wrote nothing


def test_status_rules(st):
    aid = ids(st)[0]
    assert st.get_review(aid, "ann") is None
    assert st.set_tags(aid, "ann", "topic", ["politics"]).status == "tagged"
    assert st.set_unsure(aid, "ann", "region", True).status == "unsure"
    rv = st.set_unsure(aid, "ann", "region", False)
    assert rv.status == "tagged" and rv.unsure == ()
    st.set_unsure(aid, "ann", "topic", True)
    accepted = st.accept(aid, "ann")
    assert accepted.status == "tagged" and accepted.reviewed_at and accepted.unsure == ()
    for status in ("skipped", "flagged"):
        assert st.set_status(aid, "ann", status).status == status
    with pytest.raises(ValidationError):
        st.set_status(aid, "ann", "done")
    other = ids(st)[1]
    assert st.set_unsure(other, "bob", "topic", True).status == "unsure"
    assert st.set_unsure(other, "bob", "topic", False).status == "untagged"
    assert set(STATUSES) >= {r.status for r in st.iter_reviews()}


def test_reviews_per_reviewer_and_effective_review(st):
    aid = ids(st)[0]
    st.set_tags(aid, "ann", "topic", ["politics"])
    st.set_note(aid, "bob", "check the figures")
    assert {r.reviewer for r in st.reviews_for(aid)} == {"ann", "bob"}
    assert st.effective_review(aid, "ann").tags == {"topic": ("politics",)}
    assert st.effective_review(aid, "carol").reviewer == "bob"  # latest by anyone
    assert st.effective_review(ids(st)[1], "ann") is None
    assert st.get_review(aid, "bob").note == "check the figures"


def test_history_records_who_when_old_new_batch_action(st):
    aid = ids(st)[0]
    st.set_tags(aid, "ann", "topic", ["politics"])
    st.set_tags(aid, "ann", "topic", ["economy", "politics"])
    hist = st.history(aid)
    assert [(c.field, c.old, c.new, c.action) for c in hist] == [
        ("tags.topic", [], ["politics"], "set"),
        ("status", "untagged", "tagged", "set"),
        ("tags.topic", ["politics"], ["economy", "politics"], "set"),
    ]
    assert hist[0].batch == hist[1].batch != hist[2].batch
    assert all(c.reviewer == "ann" and c.at.endswith("Z") for c in hist)
    assert [c.seq for c in st.history()] == [1, 2, 3]
    assert st.history(reviewer="bob") == [] and st.history(ids(st)[1]) == []


def test_undo_redo_and_a_new_set_clears_redo(st):
    aid = ids(st)[0]
    st.set_tags(aid, "ann", "topic", ["politics"])
    st.set_tags(aid, "ann", "topic", ["economy"])
    st.set_tags(aid, "bob", "topic", ["sport"])
    undone = st.undo("ann")
    assert [(c.field, c.new, c.action) for c in undone] == [("tags.topic", ["politics"], "undo")]
    undone = st.undo("ann")  # tag and status together
    assert {c.field for c in undone} == {"tags.topic", "status"}
    rv = st.get_review(aid, "ann")
    assert rv.tags == {} and rv.status == "untagged"
    assert st.undo("ann") == []
    assert st.get_review(aid, "bob").tags == {"topic": ("sport",)}  # per reviewer
    st.redo("ann")
    assert st.get_review(aid, "ann").tags == {"topic": ("politics",)}
    st.set_note(aid, "ann", "new work")
    assert st.redo("ann") == []  # cleared by the new set
    assert st.undo("ann")[0].field == "note"
    assert st.get_review(aid, "ann").tags == {"topic": ("politics",)}


def test_bulk_is_one_undo_step_and_undo_survives_reopen(path):
    s = Store.open(path, taxonomy=taxonomy())
    s.add_articles(make_articles(5))
    all_ids = ids(s)
    s.set_tags(all_ids[0], "ann", "region", ["global"])
    batch = s.bulk_set_tags(all_ids, "ann", "region", ["western-europe"], mode="add")
    assert {c.batch for c in s.history() if c.action == "set"} >= {batch}
    assert s.get_review(all_ids[0], "ann").tags["region"] == ("global", "western-europe")
    s.bulk_set_tags(all_ids[:2], "ann", "region", ["global"], mode="remove")
    assert s.get_review(all_ids[0], "ann").tags["region"] == ("western-europe",)
    s.close()
    s = Store.open(path, taxonomy=taxonomy())
    s.undo("ann")  # the remove
    assert s.get_review(all_ids[0], "ann").tags["region"] == ("global", "western-europe")
    changes = s.undo("ann")  # the whole add batch in one step
    assert {c.article_id for c in changes} == set(all_ids)
    assert s.get_review(all_ids[0], "ann").tags["region"] == ("global",)
    assert s.get_review(all_ids[3], "ann").status == "untagged"
    assert s.count_by("region") == {"global": 1}
    s.close()


def test_bulk_with_an_unknown_id_changes_nothing(st):
    with pytest.raises(NotFoundError):
        st.bulk_set_tags([ids(st)[0], "ffffffffffffffff"], "ann", "topic", ["sport"])
    assert st.history() == []


def test_untagged_ids_and_count_by(st):
    a, b, c = ids(st)[:3]
    st.set_tags(a, "ann", "topic", ["politics", "economy"])
    st.set_tags(b, "bob", "topic", ["politics"])
    st.set_status(c, "ann", "skipped")
    assert st.untagged_ids() == ids(st)[3:]
    assert st.count_by("topic") == {"politics": 2, "economy": 1}
    assert st.count_by("status") == {"untagged": 3, "tagged": 2, "skipped": 1}
    assert st.count_by("Topic", reviewer="ann") == {"politics": 2, "economy": 1}


def test_import_review_added_same_conflict(st):
    aid = ids(st)[0]
    rv = Review(aid, "zoe", {"topic": ("politics",)}, "tagged", "imported note", (),
                "2024-01-01T00:00:00.000000Z", "2024-01-02T00:00:00.000000Z",
                "2024-01-02T00:00:00.000000Z")
    assert st.import_review(rv) == "added"
    got = st.get_review(aid, "zoe")
    assert got == rv
    assert st.import_review(rv) == "same"
    assert st.import_review(Review(aid, "zoe", {"topic": ("sport",)}, "tagged")) == "conflict"
    assert st.get_review(aid, "zoe") == rv
    assert {c.action for c in st.history(aid)} == {"import"}
    assert st.undo("zoe") == []


def test_annotations_cache_by_hash_and_version(path):
    spans = [Span(0, 5, "PERSON"), Span(10, 14, "MONEY")]
    with Store.open(path) as s:
        s.add_articles(make_articles(1))
        aid = ids(s)[0]
        assert s.get_annotations(aid, "h1", "v1") is None
        s.put_annotations(aid, "h1", "v1", spans)
        s.put_annotations(aid, "h1", "v2", spans[:1])
    with Store.open(path) as s:
        assert s.get_annotations(aid, "h1", "v1") == spans
        assert s.get_annotations(aid, "h1", "v2") == spans[:1]
        assert s.get_annotations(aid, "h2", "v1") is None
        s.put_annotations(aid, "h2", "v1", [])
        assert s.get_annotations(aid, "h2", "v1") == [] and s.get_annotations(aid, "h1", "v1") is None


def test_sessions_and_saved_filters_persist(path):
    with Store.open(path) as s:
        s.put_session("ann", {"position": 12, "queue": "untagged"})
        s.put_session("ann", {"position": 13})
        s.save_filter("ukraine", "topic:conflict region:eastern-europe")
        s.save_filter("todo", "status:untagged")
        s.delete_filter("todo")
        with pytest.raises(NotFoundError):
            s.delete_filter("todo")
    with Store.open(path) as s:
        assert s.get_session("ann") == {"position": 13} and s.get_session("bob") == {}
        assert s.saved_filters() == {"ukraine": "topic:conflict region:eastern-europe"}


def test_checkpoint_snapshot_is_tinydb_and_keeps_a_backup(path, monkeypatch):
    monkeypatch.setattr(store_mod, "CHECKPOINT_EVERY", 4)
    s = Store.open(path, taxonomy=taxonomy())
    s.add_articles(make_articles(5))
    for i, aid in enumerate(ids(s)):
        s.set_tags(aid, "ann", "topic", ["sport"])
        s.set_note(aid, "ann", f"n{i}")
    assert (path / "reviews.json").exists() and (path / "reviews.prev.json").exists()
    before = {r.article_id: r for r in s.iter_reviews()}
    s.undo("ann")
    s.close()
    db = TinyDB(path / "reviews.json")
    assert len(db.table("reviews")) == 5
    db.close()
    with Store.open(path, taxonomy=taxonomy()) as s:
        after = {r.article_id: r for r in s.iter_reviews()}
        last = ids(s)[-1]
        assert before[last].note == "n4" and after[last].note == ""  # undone after the checkpoint
        assert after[last].tags == {"topic": ("sport",)}
        assert {k: v for k, v in after.items() if k != ids(s)[-1]} == {
            k: v for k, v in before.items() if k != ids(s)[-1]
        }
        s.undo("ann")  # the undo stack came back from the snapshot and the journal
        assert s.get_review(last, "ann").tags == {}
        assert s.get_review(ids(s)[-2], "ann").note == "n3"


def test_a_missing_snapshot_is_rebuilt_from_the_journal(path):
    with Store.open(path) as s:
        s.add_articles(make_articles(3))
        for aid in ids(s):
            s.set_tags(aid, "ann", "kw", ["x"])
        s._checkpoint()
        want = sorted(r.to_dict()["article_id"] for r in s.iter_reviews())
    (path / "reviews.json").unlink()
    with Store.open(path) as s:
        assert sorted(r.article_id for r in s.iter_reviews()) == want


def test_a_newer_schema_is_refused_and_migrations_run(path, monkeypatch):
    Store.open(path).close()
    meta = orjson.loads((path / "meta.json").read_bytes())
    (path / "meta.json").write_bytes(orjson.dumps({**meta, "schema_version": 99}))
    with pytest.raises(StoreError, match="newer"):
        Store.open(path)
    (path / "meta.json").write_bytes(orjson.dumps({**meta, "schema_version": 1}))
    ran = []
    monkeypatch.setattr(store_meta, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(store_meta.MIGRATIONS, 1, lambda folder: ran.append(folder))
    with Store.open(path) as s:
        assert s.schema_version == 2 and ran == [path]
    assert orjson.loads((path / "meta.json").read_bytes())["schema_version"] == 2


def test_a_folder_that_is_not_a_store_is_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(StoreError, match="not a tagger store"):
        Store.open(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lock", "notes.txt"]


def test_leftover_temp_files_are_removed_on_open(path):
    Store.open(path).close()
    (path / "reviews.json.123.tmp").write_text("half")
    with Store.open(path):
        assert not list(path.rglob("*.tmp"))


def test_refresh_sees_another_instances_writes(path):
    a = Store.open(path)
    b = Store.open(path)
    a.add_articles(make_articles(2))
    assert b.refresh() is True and b.article_count() == 2
    a.set_tags(ids(a)[0], "ann", "kw", ["x"])
    a.save_filter("f", "kw:x")
    assert b.refresh() is True
    assert b.get_review(ids(a)[0], "ann").tags == {"kw": ("x",)} and b.saved_filters() == {"f": "kw:x"}
    assert b.refresh() is False
    a.close()
    b.close()


def test_a_closed_store_refuses_writes(path):
    s = Store.open(path)
    s.add_articles(make_articles(1))
    s.close()
    with pytest.raises(StoreError):
        s.set_note(ids(s)[0], "ann", "late")


def test_bodies_a_crash_left_unlisted_are_replaced(path):
    with Store.open(path) as s:
        s.add_articles(make_articles(3))
    shard = path / "articles" / "000000.json"
    tables = orjson.loads(shard.read_bytes())
    tables["articles"]["4"] = {**tables["articles"]["1"], "id": "deadbeefdeadbeef"}
    shard.write_bytes(orjson.dumps(tables))  # a body written, its index entry never
    with Store.open(path) as s:
        assert s.article_count() == 3 and not s.has_article("deadbeefdeadbeef")
        new = make_articles(1, start=9)[0]
        assert s.add_articles([new]).added == [new.id]
    with Store.open(path) as s:
        assert s.get_article(new.id).title == new.title and s.article_count() == 4


def test_threads_sharing_one_store_lose_no_update(path):
    import threading

    s = Store.open(path)
    s.add_articles(make_articles(1))
    aid = ids(s)[0]

    def work(k):
        for i in range(25):
            s.bulk_set_tags([aid], "ann", "kw", [f"t{k}-{i}"], mode="add")

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(s.get_review(aid, "ann").labels("kw")) == 100
    s.close()
