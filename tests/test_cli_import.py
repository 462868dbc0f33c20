"""`tagger import` from the shell: summary line, reasons on stderr, exit status, JSON, options."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tagger.cli import main
from tagger.cli.import_cmd import SizeType
from tagger.store import Store

DATA = Path(__file__).parent / "data" / "ingest"
GOOD = DATA / "good"
BAD = DATA / "bad"


def run(*args: str):
    return CliRunner().invoke(main, ["import", *map(str, args)], catch_exceptions=False)


def stored_count() -> int:
    with Store.open(os.environ["TAGGER_DB"]) as store:
        return store.article_count()


@pytest.fixture
def good_copy(tmp_path) -> Path:
    target = tmp_path / "articles"
    shutil.copytree(GOOD, target)
    return target


def test_import_twice_then_duplicates_and_exit_zero(good_copy):
    first = run(good_copy)
    assert first.exit_code == 0, first.output
    imported = int(first.stdout.split()[1].rstrip(","))
    assert first.stdout.strip() == f"Imported {imported}, duplicates 0, failed 0"
    assert first.stderr == ""
    assert imported == stored_count() > 10

    second = run(good_copy)
    assert second.exit_code == 0
    assert second.stdout.strip() == f"Imported 0, duplicates {imported}, failed 0"
    assert stored_count() == imported


def test_failures_go_to_stderr_one_line_each_and_exit_one(good_copy):
    result = run(good_copy, BAD / "binary.txt", BAD / "broken.jsonl", good_copy / "notes.pdf")
    assert result.exit_code == 1
    lines = result.stderr.strip().split("\n")
    assert lines[0] == f"{BAD / 'binary.txt'}: binary file (contains NUL bytes), not text"
    assert (
        f"{BAD / 'broken.jsonl'}: line 2: malformed JSON at column 52: unexpected end of data"
        in lines
    )
    assert lines[-1].startswith(f"{good_copy / 'notes.pdf'}: unsupported file type '.pdf'")
    assert len(lines) == 6  # binary, four bad jsonl lines, the pdf
    assert result.stdout.strip().endswith("failed 6")
    assert result.stdout.startswith("Imported ")


def test_missing_path_fails_but_the_rest_imports(good_copy, tmp_path):
    result = run(tmp_path / "nope", good_copy / "one.json")
    assert result.exit_code == 1
    assert result.stderr.strip() == f"{tmp_path / 'nope'}: no such file or folder"
    assert result.stdout.strip() == "Imported 1, duplicates 0, failed 1"
    assert stored_count() == 1


def test_dry_run_saves_nothing(good_copy):
    result = run("--dry-run", good_copy)
    assert result.exit_code == 0
    assert "(dry run: nothing was saved)" in result.stdout
    assert not Path(os.environ["TAGGER_DB"]).exists()


def test_json_summary(good_copy):
    run(good_copy / "one.json")
    result = run("--json", good_copy / "one.json", good_copy / "list.json", BAD / "empty.txt")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert (report["imported"], report["duplicates"], report["failed"]) == (2, 1, 1)
    assert report["failures"] == [{"path": str(BAD / "empty.txt"), "reason": "empty file"}]
    assert report["duplicate_articles"][0]["location"] == str(good_copy / "one.json")
    assert len(report["imported_ids"]) == 2 and report["files"] == 3


def test_max_size_option(good_copy):
    result = run("--max-size", "100B", good_copy / "one.json")
    assert result.exit_code == 1
    assert "file too large" in result.stderr and "the limit is 100 bytes" in result.stderr
    assert run("--max-size", "1MB", good_copy / "one.json").exit_code == 0
    bad = run("--max-size", "lots", good_copy / "one.json")
    assert bad.exit_code == 2 and "not a size" in bad.output


@pytest.mark.parametrize(
    ("text", "size"), [("500", 500), ("2KB", 2048), ("20MB", 20 * 1024**2), ("1.5gb", 1610612736)]
)
def test_size_values(text, size):
    assert SizeType().convert(text, None, None) == size


def test_verbose_lists_duplicates(good_copy):
    run(good_copy / "one.json")
    result = run("-v", good_copy / "one.json")
    assert result.exit_code == 0
    assert result.stdout.startswith("duplicate ") and str(good_copy / "one.json") in result.stdout


def test_control_characters_in_a_file_name_are_not_echoed(tmp_path):
    name = tmp_path / "evil\x1b[31m.txt"
    name.write_bytes(b"")
    result = run(name)
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr and "empty file" in result.stderr
