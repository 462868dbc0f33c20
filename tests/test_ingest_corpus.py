"""bench/make_corpus.py writes exactly N distinct, importable articles, the same for a seed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tagger.ingest import import_paths, iter_files, read_file

SCRIPT = Path(__file__).resolve().parent.parent / "bench" / "make_corpus.py"


def make(n: int, folder: Path, *extra: str) -> str:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(n), str(folder), *extra],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def test_corpus_imports_exactly_n_articles_in_every_format(tmp_path):
    out = make(400, tmp_path / "c", "--seed", "3", "--batch", "50")
    assert out.startswith("Wrote 400 articles in ")
    suffixes = {p.suffix for p, _ in iter_files([tmp_path / "c"])}
    assert suffixes == {".txt", ".md", ".json", ".jsonl"}
    report = import_paths(None, [tmp_path / "c"])
    assert report.failed == [] and report.duplicates == []
    assert len(report.imported) == 400


def test_same_seed_same_files_other_seed_other_files(tmp_path):
    make(60, tmp_path / "a", "--seed", "5")
    make(60, tmp_path / "b", "--seed", "5")
    make(60, tmp_path / "c", "--seed", "6")

    def contents(folder: Path) -> dict[str, bytes]:
        return {
            str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()
        }

    assert contents(tmp_path / "a") == contents(tmp_path / "b")
    assert contents(tmp_path / "a") != contents(tmp_path / "c")


def test_messy_articles_are_cleaned_on_import(tmp_path):
    make(40, tmp_path / "m", "--messy", "1", "--mix", "txt=1")
    articles = [i.article for p, _ in iter_files([tmp_path / "m"]) for i in read_file(p).items]
    assert len(articles) == 40
    assert any("\u00c3" in a.raw or "\u00e2\u20ac" in a.raw for a in articles)  # some mojibake
    for a in articles:
        assert a.boilerplate_at is not None, a.body[-200:]
        assert "(Picture:" not in a.body and "\u00c3" not in a.body


def test_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "keep.txt").write_text("mine", "utf-8")
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "5", str(tmp_path / "x")], capture_output=True, text=True
    )
    assert done.returncode == 2 and "not empty" in done.stderr
