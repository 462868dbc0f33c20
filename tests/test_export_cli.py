"""`tagger export` on a real store: filters, reviewer modes, atomic writes, and the round trip."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from tagger.cli import main
from tagger.errors import TaggerError
from tagger.export import ExportOptions, export, iter_records
from tagger.models import Article, Review
from tagger.query import default_taxonomy
from tagger.roundtrip import from_export_record
from tagger.store import Store
from tests.export_samples import (
    ALICE_KYIV,
    ARTICLES,
    BOB_FORMULA,
    BOB_KYIV,
    FORMULA,
    KYIV,
    PLAIN,
    REVIEWS,
    SPANS,
)

TAX = default_taxonomy()


def fill(store: Store) -> Store:
    store.add_articles(ARTICLES)
    for review in REVIEWS:
        assert store.import_review(review) == "added"
    return store


@pytest.fixture
def db(tmp_path) -> Path:
    path = Path(os.environ["TAGGER_DB"])
    with Store.open(path, taxonomy=TAX) as store:
        fill(store)
    return path


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def fail(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 1, result.output
    return result.output


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def pairs(path: Path) -> list[tuple[str, str | None]]:
    return [(r["id"], r["reviewer"]) for r in jsonl(path)]


def test_export_prints_absolute_path_and_count(db, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = run("export", "-o", "set.jsonl")
    target = (tmp_path / "set.jsonl").resolve()
    assert f"Wrote 3 records (jsonl) to {target}" in out
    # final mode: the latest review per article (bob's for Kyiv), import order
    assert pairs(target) == [(KYIV.id, "bob"), (FORMULA.id, "bob"), (PLAIN.id, None)]


@pytest.mark.parametrize(
    "args, expected",
    [
        (
            ["--reviewers", "all"],
            [(KYIV.id, "alice"), (KYIV.id, "bob"), (FORMULA.id, "bob"), (PLAIN.id, None)],
        ),
        (["--reviewers", "alice"], [(KYIV.id, "alice"), (FORMULA.id, None), (PLAIN.id, None)]),
        (["--reviewers", "all", "--reviewer", "bob"], [(KYIV.id, "bob"), (FORMULA.id, "bob")]),
        (["--reviewer", "alice"], []),  # alice's review is not the final one anywhere
        (["--status", "flagged"], [(FORMULA.id, "bob")]),
        (["--status", "untagged,flagged"], [(FORMULA.id, "bob"), (PLAIN.id, None)]),
        (["--reviewers", "all", "--status", "reviewed"], [(KYIV.id, "alice")]),
        (["--reviewers", "all", "--since", "2025-03-17"], [(KYIV.id, "bob")]),
        (
            ["--reviewers", "all", "--since", "2025-03-16 09:30"],
            [(KYIV.id, "bob"), (FORMULA.id, "bob")],
        ),
        (
            ["--reviewers", "all", "--since", "2025-03-16T09:30:00"],
            [(KYIV.id, "bob"), (FORMULA.id, "bob")],
        ),
        (["--where", "topic:sport"], [(FORMULA.id, "bob")]),
        (
            ["--where", 'region:"eastern europe"', "--reviewers", "all"],
            [(KYIV.id, "alice"), (KYIV.id, "bob")],
        ),
        (["--where", "sentiment:negative", "--reviewers", "all"], [(KYIV.id, "alice")]),
        (["--where", "reviewer:alice"], [(KYIV.id, "bob")]),  # the article has a review by alice
        (["--where", "-status:untagged budget or kyiv"], [(KYIV.id, "bob")]),
        (["--where", "entity:parliament"], [(PLAIN.id, None)]),  # body fallback: nothing cached
        (["--where", "date:2025-03"], [(KYIV.id, "bob")]),
    ],
)
def test_filters_and_reviewer_modes(db, tmp_path, args, expected):
    target = tmp_path / "out.jsonl"
    run("export", "-o", str(target), *args)
    assert pairs(target) == expected


def test_every_format_from_the_store(db, tmp_path):
    for fmt, name in [
        ("jsonl", "a.jsonl"),
        ("csv", "a.csv"),
        ("doccano", "d.jsonl"),
        ("label-studio", "ls.json"),
        ("spacy", "s.jsonl"),
    ]:
        target = tmp_path / name
        out = run("export", "-o", str(target), "--format", fmt, "--reviewers", "all")
        assert f"Wrote 4 records ({fmt})" in out
        data = target.read_text("utf-8")
        if fmt == "csv":
            rows = list(csv.DictReader(io.StringIO(data, newline="")))
            assert [r["reviewer"] for r in rows] == ["alice", "bob", "bob", ""]
            assert rows[2]["title"].startswith("'=")
        elif fmt == "label-studio":
            assert len(json.loads(data)) == 4
        else:
            assert len(data.splitlines()) == 4


def test_format_follows_the_file_suffix(db, tmp_path):
    run("export", "-o", str(tmp_path / "x.csv"))
    assert (tmp_path / "x.csv").read_text("utf-8").startswith("id,title,source")


def test_no_text(db, tmp_path):
    target = tmp_path / "t.csv"
    run("export", "-o", str(target), "--no-text")
    header = target.read_text("utf-8").splitlines()[0].split(",")
    assert "text" not in header and "topic" in header
    assert "Drones hit" not in target.read_text("utf-8")
    assert "needs the text" in fail(
        "export", "-o", str(tmp_path / "d"), "--format", "doccano", "--no-text"
    )


def test_stdout_is_only_data(db):
    result = CliRunner().invoke(main, ["export", "-o", "-", "--format", "jsonl"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 3 and all(json.loads(x)["schema_version"] == 1 for x in lines)


@pytest.mark.parametrize(
    "args, message",
    [
        (["--status", "done"], "Unknown status done"),
        (["--since", "last week"], "not a date"),
        (["--where", "topik:x"], "Did you mean 'topic'"),
        (["--where", '"open'], "Unclosed quote"),
    ],
)
def test_bad_options_are_clear_errors(db, tmp_path, args, message):
    out = fail("export", "-o", str(tmp_path / "x.jsonl"), *args)
    assert message in out
    assert not (tmp_path / "x.jsonl").exists()


def test_missing_output_and_missing_folder(db, tmp_path):
    assert "-o FILE" in fail("export")
    assert "does not exist" in fail("export", "-o", str(tmp_path / "nope" / "x.jsonl"))


def test_spacy_docbin_needs_spacy(db, tmp_path):
    pytest.importorskip("tagger.exporters.spacy")
    from tagger.exporters.spacy import spacy_available

    if spacy_available():
        pytest.skip("spaCy is installed here")
    out = fail("export", "-o", str(tmp_path / "train.spacy"))
    assert "needs spaCy" in out and "train.jsonl" in out
    assert not (tmp_path / "train.spacy").exists()


def test_label_studio_config_option(db):
    out = run("export", "--label-studio-config")
    assert out.startswith("<View>") and '<Choices name="topic"' in out


def test_failed_export_leaves_no_half_file(db, tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "keep.jsonl"
    target.write_text("the previous good export\n", "utf-8")
    calls = []

    def spans_for(article: Article):
        calls.append(article.id)
        if len(calls) == 2:
            raise RuntimeError("analyzer crashed")
        return []

    with Store.open(db, taxonomy=TAX) as store, pytest.raises(RuntimeError):
        export(store, TAX, ExportOptions(spans=True), target, spans_for=spans_for)
    assert target.read_text("utf-8") == "the previous good export\n"
    assert [p.name for p in folder.iterdir()] == ["keep.jsonl"]  # no temp file left


def test_spans_come_from_the_given_source(db):
    with Store.open(db, taxonomy=TAX) as store:
        recs = list(
            iter_records(store, TAX, ExportOptions(spans=True), spans_for=lambda a: SPANS[a.id])
        )
    assert recs[0]["spans"][0] == {
        "start": 11,
        "end": 15,
        "label": "GPE",
        "kind": "entity",
        "text": "Kyiv",
    }
    assert recs[1]["spans"] == [
        {"start": 20, "end": 22, "label": "CARDINAL", "kind": "number", "text": "-5"}
    ]


def test_entity_filter_uses_cached_annotations(db, monkeypatch):
    monkeypatch.setattr("tagger.export.lazy_version", lambda backend: lambda: "test-1")
    with Store.open(db, taxonomy=TAX) as store:
        for a in ARTICLES:
            store.put_annotations(a.id, a.text_hash, "test-1", SPANS[a.id])

        def ids(where: str) -> list[str]:
            return [r["id"] for r in iter_records(store, TAX, ExportOptions(where=where))]

        assert ids("entity:zelensky") == [KYIV.id]
        # cached annotations win over the body: "Parliament" is cached as an entity, "budget" is not
        assert ids("entity:parliament") == [PLAIN.id]
        assert ids("entity:budget") == []


def test_round_trip_through_a_fresh_store(db, tmp_path):
    first = tmp_path / "first.jsonl"
    run("export", "-o", str(first), "--reviewers", "all")
    fresh = tmp_path / "fresh"
    with Store.open(fresh, taxonomy=TAX) as store:
        for record in jsonl(first):
            article, review = from_export_record(record)
            store.add_articles([article])
            if review is not None:
                assert store.import_review(review) == "added"
    second = tmp_path / "second.jsonl"
    run("--db", str(fresh), "export", "-o", str(second), "--reviewers", "all")
    assert second.read_bytes() == first.read_bytes()
    with Store.open(fresh, taxonomy=TAX) as store:
        assert store.get_article(FORMULA.id) == FORMULA
        got = {(r.article_id, r.reviewer): r for r in store.iter_reviews()}
        for original in (ALICE_KYIV, BOB_KYIV, BOB_FORMULA):
            assert got[(original.article_id, original.reviewer)].to_dict() == original.to_dict()


def test_round_trip_through_tagger_import(db, tmp_path):
    first = tmp_path / "first.jsonl"
    run("export", "-o", str(first), "--reviewers", "all")
    fresh = str(tmp_path / "fresh")
    out = run("--db", fresh, "import", str(first))
    assert "reviews added 3" in out
    second = tmp_path / "second.jsonl"
    run("--db", fresh, "export", "-o", str(second), "--reviewers", "all")
    assert second.read_text("utf-8") == first.read_text("utf-8")


def test_empty_store_exports_valid_empty_files(tmp_path):
    for fmt in ("jsonl", "csv", "label-studio"):
        target = tmp_path / f"empty.{fmt}"
        out = run("--db", str(tmp_path / "empty"), "export", "-o", str(target), "--format", fmt)
        assert "Wrote 0 records" in out
    assert (tmp_path / "empty.jsonl").read_bytes() == b""
    assert json.loads((tmp_path / "empty.label-studio").read_text()) == []
    assert (tmp_path / "empty.csv").read_text().startswith("id,title")


def test_unicode_survives_every_text_format(db, tmp_path):
    for fmt in ("jsonl", "csv", "doccano", "label-studio"):
        target = tmp_path / f"u-{fmt}.out"
        run("export", "-o", str(target), "--format", fmt)
        data = target.read_text("utf-8")  # strict UTF-8 decode
        assert KYIV.title in data.replace('\\"', '"')  # the title, emoji and guillemets intact
    assert "Olena Ковальчук" in (tmp_path / "u-csv.out").read_text("utf-8")


def test_export_needs_no_review_to_exist(tmp_path):
    with Store.open(tmp_path / "s", taxonomy=TAX) as store:
        store.add_articles([PLAIN])
        recs = list(iter_records(store, TAX, ExportOptions(reviewers="all")))
    assert [r["reviewer"] for r in recs] == [None]


def test_unknown_reviewers_mode_is_a_name(db, tmp_path):
    target = tmp_path / "n.jsonl"
    run("export", "-o", str(target), "--reviewers", "nobody")
    assert [r["reviewer"] for r in jsonl(target)] == [None, None, None]


def test_review_objects_are_untouched_by_export(db):
    with Store.open(db, taxonomy=TAX) as store:
        before = sorted(r.to_dict().__repr__() for r in store.iter_reviews())
        list(iter_records(store, TAX, ExportOptions(reviewers="all")))
        after = sorted(r.to_dict().__repr__() for r in store.iter_reviews())
    assert before == after
    assert isinstance(ALICE_KYIV, Review) and issubclass(TaggerError, Exception)


def test_spans_option_computes_and_caches_annotations(db, tmp_path):
    from tagger.annotations import cache_version
    from tagger.nlp.base import get_analyzer

    target = tmp_path / "spans.jsonl"
    run("export", "-o", str(target), "--spans", "--reviewers", "all")
    recs = jsonl(target)
    assert any(r["spans"] for r in recs)
    for r in recs:
        for s in r["spans"]:
            assert r["text"][s["start"] : s["end"]] == s["text"]
            assert s["kind"] in ("entity", "number")
    version = cache_version(get_analyzer("auto"))
    with Store.open(db, taxonomy=TAX) as store:
        for a in ARTICLES:
            cached = store.get_annotations(a.id, a.text_hash, version)
            assert cached is not None  # computed once, now cached for the app and next exports
    assert recs[0]["id"] == recs[1]["id"] == KYIV.id
    assert recs[0]["spans"] == recs[1]["spans"]  # both reviews of Kyiv carry its spans


def test_unwritable_folder_is_a_clear_error(db, tmp_path, monkeypatch):
    def refuse(**kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tagger.export.tempfile.mkstemp", refuse)
    out = fail("export", "-o", str(tmp_path / "x.jsonl"))
    assert f"Cannot write in {tmp_path}: Permission denied." in out
    assert "Traceback" not in out


def test_disk_full_midway_removes_the_temp_file(db, tmp_path, monkeypatch):
    import tagger.exporters.jsonl as jsonl_writer

    def full(records, out, spec):
        out.write(b"partial")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(jsonl_writer, "write_jsonl", full)
    folder = tmp_path / "out"
    folder.mkdir()
    out = fail("export", "-o", str(folder / "x.jsonl"))
    assert "No space left on device" in out
    assert list(folder.iterdir()) == []


def test_output_cut_short_by_a_closed_pipe(tmp_path):
    import subprocess
    import sys

    big = tmp_path / "big"
    with Store.open(big, taxonomy=TAX) as store:  # ~1 MB of output, far more than a pipe holds
        store.add_articles(
            Article(id=f"{i:016x}", title=f"Article {i}", body="word " * 200) for i in range(1000)
        )
    cmd = f"{sys.executable} -m tagger --db {big} export -o - | head -c 10; exit ${{PIPESTATUS[0]}}"
    done = subprocess.run(
        cmd, shell=True, executable="/bin/bash", capture_output=True, text=True, env=os.environ
    )
    assert done.stdout == '{"schema_v'
    assert done.returncode == 0, done.stderr  # the exporter's own status, not head's
    assert "Traceback" not in done.stderr


def test_unknown_reviewer_name_is_pointed_out(db, tmp_path):
    result = CliRunner().invoke(
        main, ["export", "-o", str(tmp_path / "x.jsonl"), "--reviewers", "alcie"]
    )
    assert result.exit_code == 0
    assert "no review in this store is by 'alcie' (reviewers: alice, bob)" in result.stderr
    quiet = CliRunner().invoke(
        main, ["export", "-o", str(tmp_path / "y.jsonl"), "--reviewer", "bob"]
    )
    assert "Note:" not in quiet.stderr


def test_progress_counts_every_article(db, tmp_path):
    from tagger.cli.export_cmds import _progress, _ticker

    assert _progress(10, False) is None and _progress(0, True) is None
    with Store.open(db, taxonomy=TAX) as store:
        progress = _progress(store.article_count(), True)
        tick, finish = _ticker(progress, store.article_count())
        with progress:
            export(store, TAX, ExportOptions(), tmp_path / "p.jsonl", on_article=tick)
            finish()
        (task,) = progress.tasks
        assert task.completed == task.total == 3
