"""A damaged store is refused with a message naming the file and a backup, and left byte for byte."""

from __future__ import annotations

import orjson
import pytest

from tagger import store as store_mod
from tagger.errors import StoreDamagedError
from tagger.store import Store
from tests.store_helpers import file_hashes, make_articles


@pytest.fixture
def path(tmp_path, monkeypatch):
    """A store with articles, a checkpoint (so a backup snapshot exists) and a journal tail."""
    monkeypatch.setattr(store_mod, "CHECKPOINT_EVERY", 10)
    p = tmp_path / "st"
    with Store.open(p) as s:
        s.add_articles(make_articles(8))
        for i, a in enumerate(s.summaries()):
            s.set_tags(a.id, "ann", "kw", [f"k{i}"])
            s.set_note(a.id, "ann", f"note {i}")
    assert (p / "reviews.prev.json").exists()
    return p


def refused(path, name):
    before = file_hashes(path)
    with pytest.raises(StoreDamagedError) as err:
        Store.open(path)
    assert file_hashes(path) == before, "a damaged store must not be changed"
    message = str(err.value)
    assert name in message and "not changed" in message
    return message


def test_garbage_snapshot(path):
    (path / "reviews.json").write_bytes(b'{"reviews": {"1": {"article_id": ')
    message = refused(path, "reviews.json")
    assert "reviews.prev.json" in message and "journal.jsonl" in message


def test_snapshot_of_the_wrong_shape(path):
    (path / "reviews.json").write_bytes(orjson.dumps({"reviews": {"1": {"x": 1}}}))
    refused(path, "reviews.json")


def test_garbage_in_the_middle_of_the_journal(path):
    lines = (path / "journal.jsonl").read_bytes().split(b"\n")
    lines[3] = b'{"seq": 4, "batch": tru'
    (path / "journal.jsonl").write_bytes(b"\n".join(lines))
    # The damaged line precedes the checkpoint, so the snapshot does not hide it: move it aside.
    (path / "reviews.json").unlink()
    message = refused(path, "journal.jsonl")
    assert "line 4" in message


def test_garbage_in_the_journal_tail(path):
    with open(path / "journal.jsonl", "ab") as f:
        f.write(b"\x00\x00\x00garbage\n" + b'{"seq": 1}\n')
    message = refused(path, "journal.jsonl")
    assert "reviews.json" in message


def test_a_journal_shorter_than_the_checkpoint(path):
    data = (path / "journal.jsonl").read_bytes()
    (path / "journal.jsonl").write_bytes(data[:100])
    refused(path, "journal.jsonl")


def test_garbage_meta(path):
    (path / "meta.json").write_bytes(b"\xff\xfe not json")
    message = refused(path, "meta.json")
    assert "schema_version" in message


def test_missing_meta_with_data_present(path):
    (path / "meta.json").unlink()
    refused(path, "meta.json")


def test_garbage_article_index(path):
    (path / "articles" / "000000.index.json").write_bytes(b"[1, 2")
    refused(path, "000000.index.json")


def test_garbage_article_shard_is_refused_when_read_or_written(path):
    (path / "articles" / "000000.json").write_bytes(b"{{{")
    before = file_hashes(path)
    with Store.open(path) as s:
        aid = s.summaries()[0].id
        with pytest.raises(StoreDamagedError, match="000000.json"):
            s.get_article(aid)
        with pytest.raises(StoreDamagedError):
            s.add_articles(make_articles(1, start=100))
        assert s.get_review(aid, "ann").note == "note 0"  # reviews are unaffected
    after = file_hashes(path)
    assert after["articles/000000.json"] == before["articles/000000.json"]
    assert after["articles/000000.index.json"] == before["articles/000000.index.json"]


def test_a_torn_final_line_is_dropped_and_the_store_opens(path):
    with Store.open(path) as s:
        want = {r.article_id: r for r in s.iter_reviews()}
        seq = s.history()[-1].seq
    whole = orjson.dumps({"seq": seq + 1, "batch": "b", "at": "x", "reviewer": "ann",
                          "article_id": "a", "field": "note", "old": "", "new": "lost"})
    with open(path / "journal.jsonl", "ab") as f:
        f.write(whole + b"\n" + whole[:25])  # an unmarked line, then a torn one
    with Store.open(path) as s:
        assert {r.article_id: r for r in s.iter_reviews()} == want
        assert s.history()[-1].seq == seq
        first = s.summaries()[0].id
        s.set_note(first, "ann", "after recovery")
    assert (path / "journal.jsonl.torn").read_bytes().startswith(whole)
    with Store.open(path) as s:
        assert s.get_review(first, "ann").note == "after recovery"
        assert s.history()[-1].seq == seq + 1


def test_garbage_ui_state(path):
    with Store.open(path) as s:
        s.save_filter("mine", "topic:sport")
    (path / "state.json").write_bytes(b'{"filters": {"1": ')
    message = refused(path, "state.json")
    assert "sessions and saved filters" in message


def test_garbage_annotation_shard_is_refused_not_overwritten(path):
    from tagger.models import Span

    with Store.open(path) as s:
        aid = s.summaries()[0].id
        s.put_annotations(aid, "h", "v1", [Span(0, 4, "GPE")])
    shard = next((path / "annotations").glob("*.json"))
    shard.write_bytes(b"not json")
    with Store.open(path) as s:
        with pytest.raises(StoreDamagedError, match="cache"):
            s.get_annotations(aid, "h", "v1")
        with pytest.raises(StoreDamagedError):
            s.put_annotations(aid, "h", "v1", [])
    assert shard.read_bytes() == b"not json"
