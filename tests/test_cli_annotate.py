"""`tagger annotate` and `tagger nlp status/setup`, end to end through click."""

from __future__ import annotations

import json

import orjson
import pytest
from click.testing import CliRunner

from tagger.cli import main

DOC = "President Daniel arap Moi met Kenyans in Nairobi. Moi later left for Mombasa."


def _run(args, input=None):
    return CliRunner().invoke(main, args, input=input, catch_exceptions=False)


def _lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_text_file_is_one_document(tmp_path):
    f = tmp_path / "story.txt"
    f.write_text(DOC, "utf-8")
    result = _run(["annotate", str(f), "--backend", "offline"])
    assert result.exit_code == 0, result.output
    (record,) = _lines(result.output)
    assert list(record) == ["id", "spans"]
    assert record["id"] == "story.txt"
    for span in record["spans"]:
        assert list(span) == ["start", "end", "label", "text"]
        assert DOC[span["start"] : span["end"]] == span["text"]
    assert {"text": "Daniel arap Moi", "label": "PERSON"}.items() <= record["spans"][0].items()


def test_jsonl_streams_one_line_per_document(tmp_path):
    f = tmp_path / "docs.jsonl"
    docs = [{"id": f"d{i}", "text": f"Ruto met Museveni in Kampala on day {i}."} for i in range(300)]
    f.write_bytes(b"".join(orjson.dumps(d) + b"\n" for d in docs))
    result = _run(["annotate", str(f), "--backend", "offline"])
    assert result.exit_code == 0
    records = _lines(result.output)
    assert [r["id"] for r in records] == [d["id"] for d in docs]
    assert all(any(s["text"] == "Kampala" for s in r["spans"]) for r in records)
    # Compact, stable output: no spaces after separators.
    assert result.output.splitlines()[0].startswith('{"id":"d0","spans":[{"start":')


def test_stdin_jsonl_is_detected():
    stdin = '{"id": 7, "text": "Kenyans voted."}\n{"text": "Uganda voted."}\n'
    result = _run(["annotate", "-", "--backend", "offline"], input=stdin)
    records = _lines(result.output)
    assert [r["id"] for r in records] == ["7", "line-2"]
    assert records[1]["spans"][0]["text"] == "Uganda"


def test_stdin_text():
    result = _run(["annotate", "--backend", "offline"], input="Kenyans voted in Kisumu.")
    (record,) = _lines(result.output)
    assert record["id"] == "stdin"
    assert [s["text"] for s in record["spans"]] == ["Kenyans", "Kisumu"]


def test_text_format_brackets(tmp_path):
    f = tmp_path / "story.txt"
    f.write_text(DOC, "utf-8")
    result = _run(["annotate", str(f), "--format", "text", "--backend", "offline"])
    assert "[Daniel arap Moi](PERSON)" in result.output
    assert "[Moi](PERSON) later" in result.output


def test_bad_jsonl_line_is_a_titled_error(tmp_path):
    f = tmp_path / "docs.jsonl"
    f.write_text('{"id": 1, "text": "ok"}\nnot json\n', "utf-8")
    result = CliRunner().invoke(main, ["annotate", str(f), "--backend", "offline"])
    assert result.exit_code == 1
    assert "line 2 is not JSON" in result.output


def test_forcing_nltk_without_models_fails_clearly(tmp_path, monkeypatch):
    from tagger.nlp import resources

    monkeypatch.setattr(resources, "is_present", lambda r: False)
    f = tmp_path / "a.txt"
    f.write_text("Kenya", "utf-8")
    result = CliRunner().invoke(main, ["annotate", str(f), "--backend", "nltk"])
    assert result.exit_code == 1
    assert "punkt_tab" in result.output and "tagger nlp setup" in result.output


def test_status_without_models(monkeypatch):
    from tagger.nlp import resources

    monkeypatch.setattr(resources, "is_present", lambda r: False)
    result = _run(["nlp", "status", "--json"])
    report = json.loads(result.output)
    assert report["backend"] == "offline"
    assert report["chunker"] is None
    assert not any(r["present"] for r in report["resources"])
    assert report["setup_dir"] in report["search_path"]
    text = _run(["nlp", "status"]).output
    assert "Back-end: offline" in text and "missing" in text


def test_status_with_shared_models(shared_nltk_data):
    report = json.loads(_run(["nlp", "status", "--json"]).output)
    assert report["backend"] == "nltk"
    assert report["chunker"] == "binary"
    assert str(shared_nltk_data) in report["search_path"]


def test_setup_offline_says_what_failed(monkeypatch):
    import nltk

    from tagger import paths

    calls = []

    def no_network(package, download_dir=None, **kwargs):
        calls.append((package, download_dir))
        raise OSError("Name or service not known")

    monkeypatch.setattr(nltk, "download", no_network)
    result = CliRunner().invoke(main, ["nlp", "setup"])
    assert result.exit_code == 1
    assert "punkt_tab" in result.output and "offline back-end will run" in result.output
    assert {p for p, _ in calls} == {
        "punkt_tab",
        "averaged_perceptron_tagger_eng",
        "maxent_ne_chunker_tab",
        "words",
    }
    assert {d for _, d in calls} == {str(paths.nltk_data_dir())}


@pytest.mark.parametrize("cmd", [["annotate"], ["nlp", "status"], ["nlp", "setup"]])
def test_help(cmd):
    result = _run([*cmd, "--help"])
    assert result.exit_code == 0 and "Usage" in result.output


def test_annotate_store_caches_every_article(tmp_path):
    from tagger import paths
    from tagger.annotations import cache_version
    from tagger.models import Article, article_id
    from tagger.nlp.base import get_analyzer
    from tagger.store import Store

    bodies = [f"Kenyans in Kisumu met Ruto, story {i}." for i in range(3)]
    arts = [Article(id=article_id(f"t{i}", b), title=f"t{i}", body=b) for i, b in enumerate(bodies)]
    with Store.open(paths.db_path()) as store:
        store.add_articles(arts)
    result = _run(["annotate", "--store", "--backend", "offline"])
    assert result.exit_code == 0
    assert "Annotated 3 article(s)" in result.output
    again = _run(["annotate", "--store", "--backend", "offline"])
    assert "Annotated 0 article(s)" in again.output and "3 already cached" in again.output
    version = cache_version(get_analyzer("offline"))
    with Store.open(paths.db_path()) as store:
        spans = store.get_annotations(arts[0].id, arts[0].text_hash, version)
    assert [bodies[0][s.start : s.end] for s in spans][:2] == ["Kenyans", "Kisumu"]


def test_output_streams_line_by_line():
    """Each document's line is written before the next document is read (a pipe stays live)."""
    import subprocess
    import sys

    proc = subprocess.Popen(
        [sys.executable, "-m", "tagger", "annotate", "-", "--input-format", "jsonl", "--backend", "offline"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        for i in range(3):
            proc.stdin.write(orjson.dumps({"id": i, "text": f"Kenyans met in Kisumu, round {i}."}) + b"\n")
            proc.stdin.flush()
            line = proc.stdout.readline()  # would block forever if output were buffered
            record = json.loads(line)
            assert record["id"] == str(i)
            assert [s["text"] for s in record["spans"]][:2] == ["Kenyans", "Kisumu"]
    finally:
        proc.stdin.close()
        proc.wait(timeout=60)
    assert proc.returncode == 0, proc.stderr.read().decode()


def test_byte_order_mark_and_crlf_text_file(tmp_path):
    f = tmp_path / "bom.txt"
    f.write_bytes("\ufeffNAIROBI, Kenya (AP) \u2014 Rain fell.\r\nRuto met Kenyans.\r\n".encode())
    (record,) = _lines(_run(["annotate", str(f), "--backend", "offline"]).output)
    assert [(s["text"], s["label"]) for s in record["spans"]][:3] == [
        ("NAIROBI", "GPE"),
        ("Kenya", "GPE"),
        ("AP", "ORGANIZATION"),
    ]
    assert record["spans"][0]["start"] == 0  # offsets count from after the byte-order mark


def test_store_and_file_together_is_an_error(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Kenya", "utf-8")
    result = CliRunner().invoke(main, ["annotate", str(f), "--store"])
    assert result.exit_code == 1 and "leave FILE out" in result.output
