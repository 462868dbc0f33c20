"""The canonical jsonl writer: our own records, one compact JSON object a line."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, BinaryIO

import orjson

from tagger.exporters import ExportSpec


def write_jsonl(records: Iterable[dict[str, Any]], out: BinaryIO, spec: ExportSpec) -> int:
    count = 0
    dumps, newline = orjson.dumps, orjson.OPT_APPEND_NEWLINE
    for record in records:
        out.write(dumps(record, option=newline))
        count += 1
    return count
