"""The canonical jsonl writer: our own records, one compact JSON object a line."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, BinaryIO

from tagger.exporters import ExportSpec, write_json_lines


def write_jsonl(records: Iterable[dict[str, Any]], out: BinaryIO, spec: ExportSpec) -> int:
    return write_json_lines(records, out, lambda record: record)
