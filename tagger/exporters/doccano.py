"""The doccano writer: JSONL importable into doccano's classification and labeling projects.

Each line holds "text", "label" (document labels as "group:label"), "cats" (the same list, the
key doccano's "Intent Detection and Slot Filling" projects read), "entities" ([start, end,
LABEL] character spans, with --spans), and the article's metadata, which doccano keeps as meta.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, BinaryIO

from tagger.exporters import ExportSpec, document_labels, span_triples, write_json_lines

META = ("id", "title", "source", "date", "url", "reviewer", "status")


def doccano_line(record: dict[str, Any], spec: ExportSpec) -> dict[str, Any]:
    labels = document_labels(record, spec.taxonomy)
    line: dict[str, Any] = {"text": record.get("text", ""), "label": labels, "cats": labels}
    if spec.spans:
        line["entities"] = span_triples(record)
    for key in META:
        line[key] = record.get(key)
    return line


def write_doccano(records: Iterable[dict[str, Any]], out: BinaryIO, spec: ExportSpec) -> int:
    return write_json_lines(records, out, lambda record: doccano_line(record, spec))
