"""The export format registry: each format is a pure streaming writer of canonical records.

A writer takes an iterator of records made by `tagger.roundtrip.to_export_record` and a binary
file object, writes as it goes (memory stays flat however many records come), and returns how
many records it wrote. Writers never touch the store, so each one is tested on plain dicts and
against golden files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, BinaryIO

from tagger.config import Taxonomy
from tagger.errors import TaggerError


@dataclass(frozen=True)
class ExportSpec:
    """What every writer needs besides the records: the taxonomy and which optional parts exist."""

    taxonomy: Taxonomy
    text: bool = True
    spans: bool = False


Writer = Callable[[Iterable[dict[str, Any]], BinaryIO, ExportSpec], int]


@dataclass(frozen=True)
class Format:
    name: str
    suffix: str
    summary: str
    write: Writer
    needs_text: bool = True  # formats made for annotation tools are useless without the text


class ExportError(TaggerError):
    title = "Export failed"


def _formats() -> dict[str, Format]:
    from tagger.exporters import doccano, jsonl, label_studio, spacy, table

    return {
        "jsonl": Format(
            "jsonl",
            ".jsonl",
            "canonical records, one JSON object a line; `tagger import` reads it",
            jsonl.write_jsonl,
            needs_text=False,
        ),
        "csv": Format(
            "csv",
            ".csv",
            "one row per record, one column per tag group; formula-safe",
            table.write_csv,
            needs_text=False,
        ),
        "doccano": Format(
            "doccano",
            ".jsonl",
            "doccano JSONL: text, document labels and entity spans",
            doccano.write_doccano,
        ),
        "label-studio": Format(
            "label-studio",
            ".json",
            "Label Studio tasks: choices per group, span predictions",
            label_studio.write_label_studio,
        ),
        "spacy": Format(
            "spacy",
            ".jsonl",
            "spaCy textcat JSONL of {text, cats}; a .spacy DocBin if spaCy is installed",
            spacy.write_spacy_jsonl,
        ),
    }


FORMAT_NAMES = ("jsonl", "csv", "doccano", "label-studio", "spacy")


def get_format(name: str) -> Format:
    formats = _formats()
    try:
        return formats[name]
    except KeyError:
        raise ExportError(
            f"'{name}' is not an export format. Choose one of: {', '.join(formats)}.",
            title="Unknown format",
        ) from None


def document_labels(record: dict[str, Any], taxonomy: Taxonomy) -> list[str]:
    """The record's tags as "group:label" strings, in taxonomy order."""
    out: list[str] = []
    tags = record.get("tags") or {}
    for group in taxonomy.groups:
        value = tags.get(group.name)
        for label in [value] if isinstance(value, str) else value or ():
            out.append(f"{group.name}:{label}")
    return out


def write_json_lines(
    records: Iterable[dict[str, Any]], out: BinaryIO, line: Callable[[dict[str, Any]], Any]
) -> int:
    """Write `line(record)` as one compact JSON object per line; return how many."""
    import orjson

    dumps, newline = orjson.dumps, orjson.OPT_APPEND_NEWLINE
    count = 0
    for record in records:
        out.write(dumps(line(record), option=newline))
        count += 1
    return count


def span_triples(record: dict[str, Any]) -> list[list[Any]]:
    return [[s["start"], s["end"], s["label"]] for s in record.get("spans") or ()]
