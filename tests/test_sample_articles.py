"""The shipped sample articles: enough of them, in every input format, each file well formed.

`make run` opens the app on this folder, so a broken sample is the first thing a new user
would see; once the importer exists, the folder must import without a single failure.
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections import Counter
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parent.parent / "sample_articles"
FORMATS = ("txt", "md", "json", "jsonl", "html")
HEADER = re.compile(r"^(Source|Date|URL|Author):\s*\S")


def article_files() -> list[Path]:
    return sorted(p for p in SAMPLES.iterdir() if p.suffix[1:] in FORMATS and p.name != "README.md")


def txt_title(text: str) -> str:
    """The title line of a .txt sample: the first non-empty line after optional headers."""
    lines = text.split("\n")
    i = 0
    if lines and HEADER.match(lines[0]):
        while i < len(lines) and lines[i].strip():
            assert HEADER.match(lines[i]), f"header block line {i + 1} is not `Key: value`"
            i += 1
    while i < len(lines) and not lines[i].strip():
        i += 1
    return lines[i].strip() if i < len(lines) else ""


def records(path: Path) -> list[dict]:
    """The article records of one sample file, checked for well-formedness on the way."""
    text = path.read_text("utf-8")
    kind = path.suffix[1:]
    if kind == "json":
        data = json.loads(text)
        return data if isinstance(data, list) else [data]
    if kind == "jsonl":
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    if kind == "md":
        match = re.match(r"---\n(.*?)\n---\n(.*)", text, re.S)
        assert match, f"{path.name}: no front matter"
        meta = dict(line.split(":", 1) for line in match.group(1).splitlines())
        return [{"title": meta["title"].strip(), "body": match.group(2)}]
    if kind == "html":
        assert re.search(r"<body[\s>]", text) and "</body>" in text, f"{path.name}: no <body>"
        body = re.search(r"<article.*?</article>", text, re.S)
        assert body, f"{path.name}: no <article> for an extractor to find"
        title = re.search(r"<h1[^>]*>(.*?)</h1>", text, re.S)
        return [{"title": title.group(1) if title else "", "body": body.group(0)}]
    title = txt_title(text)
    return [{"title": title, "body": text.split(title, 1)[1]}]


def test_enough_articles_in_every_format():
    counts: Counter[str] = Counter()
    for path in article_files():
        counts[path.suffix[1:]] += len(records(path))
    assert set(counts) == set(FORMATS), counts
    assert sum(counts.values()) >= 30, counts
    assert counts["json"] >= 2 and counts["jsonl"] >= 3 and counts["html"] >= 2, counts


@pytest.mark.parametrize("path", article_files(), ids=lambda p: p.name)
def test_each_file_parses_as_its_format(path):
    recs = records(path)
    assert recs, f"{path.name}: no articles"
    for rec in recs:
        assert rec["title"].strip(), f"{path.name}: empty title"
        words = len(re.sub(r"<[^>]+>", " ", rec["body"]).split())
        assert words >= 200, f"{path.name}: body has only {words} words"


def test_json_records_use_the_documented_keys():
    keys = {"title", "body", "source", "date", "url", "author"}
    for path in article_files():
        if path.suffix in (".json", ".jsonl"):
            for rec in records(path):
                assert set(rec) <= keys, f"{path.name}: unexpected keys {set(rec) - keys}"
                assert re.fullmatch(r"202[4-6]-\d\d-\d\d", rec.get("date", "2025-01-01"))


def test_messy_samples_are_present():
    text = {p.name: p.read_text("utf-8") for p in article_files()}
    joined = "\n".join(text.values())
    assert "Ã³" in joined and "â€™" in joined, "no mojibake sample"
    assert "Related topics" in joined and "join our newsletter" in joined.lower()
    lines = [ln for t in text.values() for ln in t.splitlines()]
    repeats = sum(1 for a, b in zip(lines, lines[1:], strict=False) if a.strip() and a == b)
    assert repeats >= 2, "no caption line repeated right after itself"


@pytest.mark.skipif(
    importlib.util.find_spec("tagger.ingest") is None, reason="the importer is not there yet"
)
def test_the_folder_imports_without_failures(tmp_path):
    from tagger.ingest import import_paths
    from tagger.store import Store

    with Store.open(tmp_path / "store") as store:
        report = import_paths(store, [SAMPLES])
        assert report.failed == []
        expected = sum(len(records(p)) for p in article_files())
        assert len(report.imported) >= max(30, expected)
        assert report.duplicates == []
        bodies = [a.body for a in store.iter_articles()]
    joined = "\n".join(bodies)
    # The importer repaired the mojibake samples.
    assert "Łódź" in joined and "Sébastien" in joined and "Ã" not in joined
