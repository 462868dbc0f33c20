"""`import_paths` on a real store: idempotent re-import, duplicates, progress, dry runs, exports."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tagger.ingest import import_paths, iter_files, read_file
from tagger.models import Article, Review
from tagger.query import default_taxonomy
from tagger.store import Store

DATA = Path(__file__).parent / "data" / "ingest"
GOOD = DATA / "good"
BAD = DATA / "bad"
TAX = default_taxonomy()


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "store", taxonomy=TAX) as s:
        yield s


def good_article_count() -> int:
    return sum(len(read_file(p).items) for p, _ in iter_files([GOOD]))


def test_import_then_reimport_is_idempotent(store):
    expected = good_article_count()
    first = import_paths(store, [GOOD])
    assert first.failed == []
    assert len(first.imported) == expected and first.duplicates == []
    assert store.article_count() == expected
    stored = store.get_article(first.imported[0])
    assert stored.raw and stored.origin.startswith(str(GOOD))

    second = import_paths(store, [GOOD])
    assert second.imported == [] and second.failed == []
    assert sorted(aid for _, aid in second.duplicates) == sorted(first.imported)
    assert store.article_count() == expected
    assert second.summary() == f"Imported 0, duplicates {expected}, failed 0"


def test_duplicates_within_one_run_are_reported_not_added(store, tmp_path):
    text = "Port reopens\n\nThe port reopened on Monday after a two-day strike.\n"
    for name in ("a.txt", "b.txt"):
        (tmp_path / "in" / name).parent.mkdir(exist_ok=True)
        (tmp_path / "in" / name).write_text(text, "utf-8")
    report = import_paths(store, [tmp_path / "in"])
    assert len(report.imported) == 1
    assert report.duplicates == [(str(tmp_path / "in" / "b.txt"), report.imported[0])]
    assert store.article_count() == 1


def test_bad_files_fail_one_by_one_and_the_rest_imports(store):
    report = import_paths(store, [BAD, GOOD / "one.json"])
    titles = {store.get_article(aid).title for aid in report.imported}
    assert titles == {
        "Zambia cuts maize export ban",
        "Fine record",
        "Iceland volcano eruption forces new evacuation of Grindav\u00edk",
    }
    failed = {(Path(p).name, r.split(":")[0]) for p, r in report.failed}
    assert ("broken.jsonl", "line 2") in failed and ("missing_title.json", "record 2") in failed
    assert len(report.failed) == 15
    assert not report.ok


def test_small_batches_and_progress_callback(store):
    calls: list[tuple[int, int]] = []
    report = import_paths(store, [GOOD], batch_size=2, progress=lambda d, t: calls.append((d, t)))
    files = report.files
    assert calls == [(i, files) for i in range(files + 1)]
    assert store.article_count() == len(report.imported) == good_article_count()


def test_cancel_stops_between_files_and_keeps_what_was_read(store):
    seen: list[int] = []
    report = import_paths(
        store, [GOOD], progress=lambda d, t: seen.append(d), cancel=lambda: len(seen) > 3
    )
    assert report.cancelled and report.files == 3
    assert store.article_count() == len(report.imported) > 0


def test_dry_run_saves_nothing_but_checks_duplicates(store):
    import_paths(store, [GOOD / "one.json"])
    report = import_paths(store, [GOOD], dry_run=True)
    assert [Path(loc).name for loc, _ in report.duplicates] == ["one.json"]
    assert len(report.imported) == good_article_count() - 1
    assert store.article_count() == 1
    assert "dry run" in report.summary()
    assert len(import_paths(None, [GOOD]).imported) == good_article_count()


# ---- our own jsonl export comes back with its reviews -------------------------------------


def _export_lines(tmp_path: Path) -> tuple[Path, Article, list[Review]]:
    roundtrip = pytest.importorskip(
        "tagger.roundtrip", reason="tagger.roundtrip (the export developer's module) is absent"
    )
    article = Article(
        id="feedc0ffee000001",
        title="Exported article",
        body="Body of an exported article.\n\nRelated topics",
        source="Desk",
        date="2024-01-02",
        raw="Raw  text as it came",
        boilerplate_at=30,
        origin="elsewhere/a.txt",
        imported_at="2024-01-03T00:00:00.000000Z",
    )
    reviews = [
        Review(
            article.id,
            "alice",
            {"topic": ("economy",)},
            "tagged",
            "ok",
            (),
            "2024-01-04T00:00:00Z",
            "2024-01-04T00:00:00Z",
        ),
        Review(
            article.id,
            "bob",
            {"topic": ("politics",)},
            "tagged",
            "",
            (),
            "2024-01-05T00:00:00Z",
            "2024-01-05T00:00:00Z",
        ),
    ]
    path = tmp_path / "export.jsonl"
    path.write_text(
        "".join(json.dumps(roundtrip.to_export_record(article, r, TAX)) + "\n" for r in reviews),
        "utf-8",
    )
    return path, article, reviews


def test_export_records_import_with_their_reviews(store, tmp_path):
    path, article, reviews = _export_lines(tmp_path)
    report = import_paths(store, [path])
    assert report.failed == []
    assert report.imported == [article.id] and report.duplicates == []
    assert report.reviews == {"added": 2}
    assert store.get_article(article.id) == article
    got = {r.reviewer: r for r in store.reviews_for(article.id)}
    assert got["alice"].tags == {"topic": ("economy",)} and got["alice"].note == "ok"
    assert got["bob"].tags == {"topic": ("politics",)}

    again = import_paths(store, [path])
    assert again.imported == [] and len(again.duplicates) == 1
    assert again.reviews == {"same": 2} and again.ok


def test_export_record_without_the_roundtrip_module_fails_per_record(store, tmp_path, monkeypatch):
    path, _, _ = _export_lines(tmp_path)
    monkeypatch.setitem(sys.modules, "tagger.roundtrip", None)
    report = import_paths(store, [path])
    assert report.imported == []
    assert [r.split(":")[0] for _, r in report.failed] == ["line 1", "line 2"]
    assert "tagger.roundtrip is missing" in report.failed[0][1]


def test_bad_export_record_is_reported(store, tmp_path):
    pytest.importorskip("tagger.roundtrip", reason="tagger.roundtrip is absent")
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps({"schema_version": 99, "id": "x"}) + "\n", "utf-8")
    report = import_paths(store, [path])
    assert len(report.failed) == 1
    assert report.failed[0][1].startswith(
        "line 1: unreadable export record: This record has schema_version 99"
    )
