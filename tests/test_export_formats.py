"""Every export format against one set of hard records: golden files, then parsed back.

The golden files are the formats' contract: a change shows up as a diff to read. Regenerate
them with `TAGGER_UPDATE_GOLDEN=1 pytest tests/test_export_formats.py` and read the diff
before committing.
"""

from __future__ import annotations

import csv
import io
import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tagger.exporters import FORMAT_NAMES, ExportSpec, get_format
from tagger.exporters.label_studio import labeling_config
from tagger.exporters.table import neutralise
from tagger.query import default_taxonomy
from tagger.roundtrip import to_export_record
from tests.export_samples import (
    ALICE_KYIV,
    BOB_FORMULA,
    BOB_KYIV,
    FORMULA,
    KYIV,
    PLAIN,
    SPANS,
)

GOLDEN = Path(__file__).parent / "golden"
TAX = default_taxonomy()
PAIRS = [(KYIV, ALICE_KYIV), (KYIV, BOB_KYIV), (FORMULA, BOB_FORMULA), (PLAIN, None)]


def records(*, text=True, spans=True):
    return [
        to_export_record(a, r, TAX, text=text, spans=SPANS[a.id] if spans else None)
        for a, r in PAIRS
    ]


def render(name: str, recs, spec: ExportSpec) -> bytes:
    out = io.BytesIO()
    count = get_format(name).write(iter(recs), out, spec)
    assert count == len(recs)
    return out.getvalue()


def assert_golden(filename: str, actual: bytes) -> None:
    path = GOLDEN / filename
    if os.environ.get("TAGGER_UPDATE_GOLDEN"):
        path.write_bytes(actual)
    assert path.is_file(), f"{filename} has never been generated (TAGGER_UPDATE_GOLDEN=1)."
    assert actual.decode("utf-8") == path.read_bytes().decode("utf-8")


@pytest.mark.parametrize("name", FORMAT_NAMES)
def test_golden_with_spans(name):
    spec = ExportSpec(TAX, text=True, spans=True)
    assert_golden(f"{name}.expected", render(name, records(), spec))


@pytest.mark.parametrize("name", ["jsonl", "csv"])
def test_golden_without_text_or_spans(name):
    spec = ExportSpec(TAX, text=False, spans=False)
    data = render(name, records(text=False, spans=False), spec)
    assert_golden(f"{name}-no-text.expected", data)
    assert b"Drones hit" not in data


def test_jsonl_parses_back_to_the_records():
    recs = records()
    lines = render("jsonl", recs, ExportSpec(TAX, spans=True)).decode().splitlines()
    assert [json.loads(line) for line in lines] == recs
    assert all(json.loads(line)["schema_version"] == 1 for line in lines)


def test_csv_parses_back_cell_for_cell():
    data = render("csv", records(), ExportSpec(TAX, spans=True))
    assert not data.startswith(b"\xef\xbb\xbf")  # plain UTF-8, no BOM
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
    assert len(rows) == 4
    kyiv = rows[0]
    assert kyiv["title"] == KYIV.title
    assert kyiv["text"] == KYIV.body  # newlines and quotes survive
    assert kyiv["topic"] == "conflict;politics"
    assert kyiv["region"] == "eastern-europe"
    assert kyiv["sentiment"] == "negative"
    assert kyiv["reviewer"] == "alice"
    assert kyiv["entities"] == "11:15:GPE;59:67:PERSON"
    assert kyiv["numbers"] == "19:25:DATE;74:75:CARDINAL"
    assert rows[1]["unsure"] == "sentiment"
    plain = rows[3]
    assert plain["reviewer"] == "" and plain["status"] == "untagged" and plain["topic"] == ""
    for r in rows:  # never JSON in a cell
        assert not any(v.startswith(("[", "{")) for v in r.values())


def test_csv_neutralises_formulas_in_every_text_cell():
    rows = list(
        csv.DictReader(io.StringIO(render("csv", records(), ExportSpec(TAX)).decode(), newline=""))
    )
    f = rows[2]
    assert f["title"] == "'" + FORMULA.title
    assert f["text"] == "'" + FORMULA.body
    assert f["source"] == "'+44 Daily"
    assert f["author"] == "'@someone"
    assert f["date"] == "'-"
    assert f["note"] == "'=cmd|' /C calc'!A0"
    # Nothing else starts with a formula character.
    for r in rows:
        for v in r.values():
            assert not v.startswith(("=", "+", "-", "@", "\t", "\r")), v


@pytest.mark.parametrize(
    "cell, expected",
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("a=b", "a=b"),
        ("", ""),
        (" =1", " =1"),
        ("'=1", "'=1"),
        ("ünïcode", "ünïcode"),
    ],
)
def test_neutralise(cell, expected):
    assert neutralise(cell) == expected


def test_doccano_lines():
    lines = [
        json.loads(x)
        for x in render("doccano", records(), ExportSpec(TAX, spans=True)).decode().splitlines()
    ]
    first = lines[0]
    assert first["text"] == KYIV.body
    assert (
        first["label"]
        == first["cats"]
        == [
            "topic:conflict",
            "topic:politics",
            "region:eastern-europe",
            "sentiment:negative",
        ]
    )
    assert first["entities"][0] == [11, 15, "GPE"]
    for line in lines:
        for start, end, _label in line["entities"]:
            assert 0 <= start < end <= len(line["text"])
    assert lines[3]["label"] == []


def test_label_studio_tasks():
    tasks = json.loads(render("label-studio", records(), ExportSpec(TAX, spans=True)))
    assert len(tasks) == 4
    first = tasks[0]
    assert first["data"]["text"] == KYIV.body and first["data"]["id"] == KYIV.id
    (annotation,) = first["annotations"]
    by_group = {r["from_name"]: r for r in annotation["result"]}
    assert by_group["topic"]["value"]["choices"] == ["conflict", "politics"]
    assert by_group["sentiment"]["value"]["choices"] == ["negative"]
    assert all(r["to_name"] == "text" and r["type"] == "choices" for r in by_group.values())
    spans = first["predictions"][0]["result"]
    assert spans[0]["value"] == {"start": 11, "end": 15, "text": "Kyiv", "labels": ["GPE"]}
    assert tasks[3]["annotations"] == []  # unreviewed: nothing to pre-fill


def test_label_studio_config_matches_the_tasks():
    root = ET.fromstring(labeling_config(TAX))
    choices = {c.get("name"): c for c in root.iter("Choices")}
    assert list(choices) == ["topic", "region", "sentiment"]
    assert choices["topic"].get("choice") == "multiple"
    assert choices["sentiment"].get("choice") == "single-radio"
    assert [c.get("value") for c in choices["sentiment"]] == ["negative", "neutral", "positive"]
    labels = root.find("Labels")
    assert labels.get("name") == "label" and labels.get("toName") == "text"
    assert {lb.get("value") for lb in labels} >= {"PERSON", "GPE", "MONEY", "DATE"}
    assert root.find("Text").get("name") == "text"


def test_spacy_cats_cover_every_label():
    lines = [
        json.loads(x)
        for x in render("spacy", records(), ExportSpec(TAX, spans=True)).decode().splitlines()
    ]
    n_labels = sum(len(g.labels) for g in TAX.groups)
    for line in lines:
        assert len(line["cats"]) == n_labels
        assert set(line["cats"].values()) <= {0.0, 1.0}
    assert lines[0]["cats"]["topic:conflict"] == 1.0
    assert lines[0]["cats"]["topic:sport"] == 0.0
    assert sum(lines[3]["cats"].values()) == 0.0
    assert lines[0]["entities"][2] == [59, 67, "PERSON"]


@pytest.mark.parametrize("name", FORMAT_NAMES)
def test_empty_set_is_valid_output(name):
    data = render(name, [], ExportSpec(TAX))
    if name == "csv":
        assert data.decode().splitlines() == [",".join(next(csv.reader([data.decode()])))]
    elif name == "label-studio":
        assert json.loads(data) == []
    else:
        assert data == b""


@pytest.mark.parametrize("name", FORMAT_NAMES)
def test_writers_stream(name):
    """Output grows while records are still coming: nothing waits for the whole set."""
    out = io.BytesIO()
    sizes = []
    base = records()

    def gen():
        for i in range(50):
            sizes.append(out.tell())
            yield base[i % 4]

    get_format(name).write(gen(), out, ExportSpec(TAX))
    if name == "csv":  # the text wrapper buffers ~8 KB before it writes through
        assert sizes[-1] > 0
    else:
        assert sizes[5] > 0 and sizes == sorted(sizes)


DOCS = Path(__file__).resolve().parent.parent / "docs" / "export-formats.md"


def _doc_examples() -> dict[str, str]:
    """Each `<!-- golden: FILE ... -->` marker in the docs, with the fenced block after it."""
    text = DOCS.read_text("utf-8")
    found = {}
    for part in text.split("<!-- golden: ")[1:]:
        name = part.split(" ", 1)[0]
        block = part.split("```", 2)[1]
        found[name] = block.split("\n", 1)[1]
    return found


def test_docs_examples_are_the_golden_output():
    examples = _doc_examples()
    assert set(examples) == {
        "jsonl.expected",
        "csv-no-text.expected",
        "doccano.expected",
        "label-studio.expected",
        "spacy.expected",
    }
    for name, block in examples.items():
        golden = (GOLDEN / name).read_text("utf-8")
        if name == "label-studio.expected":
            assert json.loads(block) == json.loads(golden)[0]
        elif name.startswith("csv"):
            assert block.splitlines() == golden.splitlines()[:2]
        else:
            assert json.loads(block) == json.loads(golden.splitlines()[0])


def test_docs_show_the_label_studio_config():
    assert labeling_config(TAX).rstrip() in DOCS.read_text("utf-8")


def test_label_studio_refuses_a_group_named_like_a_control():
    from tagger.config import parse_taxonomy
    from tagger.exporters import ExportError

    tax = parse_taxonomy({"label": {"labels": [{"name": "x", "key": "x"}]}}, "test")
    with pytest.raises(ExportError, match="'label' clashes"):
        labeling_config(tax)
    with pytest.raises(ExportError, match="'label' clashes"):
        render("label-studio", [], ExportSpec(tax))
