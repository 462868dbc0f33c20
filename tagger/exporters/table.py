"""The CSV writer: one row per record, one column per tag group, safe to open in a spreadsheet.

Multi-choice groups join their labels with ";" (never JSON in a cell). Any text cell that
starts with =, +, -, @, a tab or a carriage return gets a leading single quote, so a spreadsheet
shows it as text instead of running it as a formula (article text is untrusted). The file is
plain UTF-8 without a byte-order mark, with "\\n" line ends and minimal quoting.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any, BinaryIO

from tagger.exporters import ExportSpec

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
HEAD = ("id", "title", "source", "date", "url", "author")
TAIL = ("status", "unsure", "note", "reviewer", "created_at", "updated_at", "reviewed_at")


def neutralise(cell: str) -> str:
    """Prefix a cell a spreadsheet would read as a formula with a single quote."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def columns(spec: ExportSpec) -> list[str]:
    cols = list(HEAD)
    if spec.text:
        cols.append("text")
    cols.extend(spec.taxonomy.names)
    cols.extend(TAIL)
    if spec.spans:
        cols.extend(("entities", "numbers"))
    return cols


def _cell(value: Any) -> str:
    """A neutralised text cell: None is empty, a list is joined with ";"."""
    if value is None:
        return ""
    if value.__class__ is not str:
        value = ";".join(map(str, value)) if isinstance(value, list) else str(value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _spans_cell(spans: list[dict[str, Any]], kind: str) -> str:
    # start:end:LABEL, so the cell needs no escaping; the mention is text[start:end].
    return ";".join(f"{s['start']}:{s['end']}:{s['label']}" for s in spans if s["kind"] == kind)


def row(record: dict[str, Any], spec: ExportSpec) -> list[str]:
    values: list[Any] = [record.get(k) for k in HEAD]
    if spec.text:
        values.append(record.get("text"))
    tags = record.get("tags") or {}
    values.extend(tags.get(name) for name in spec.taxonomy.names)
    values.extend(record.get(k) for k in TAIL)
    cells = [_cell(v) for v in values]
    if spec.spans:
        spans = record.get("spans") or []
        cells.extend((_spans_cell(spans, "entity"), _spans_cell(spans, "number")))
    return cells


def write_csv(records: Iterable[dict[str, Any]], out: BinaryIO, spec: ExportSpec) -> int:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="")  # type: ignore[arg-type]
    try:
        writer = csv.writer(text, lineterminator="\n")
        writer.writerow(columns(spec))
        count = 0
        for record in records:
            writer.writerow(row(record, spec))
            count += 1
        text.flush()
    finally:
        text.detach()  # leave the caller's file open
    return count
