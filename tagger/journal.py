"""The review journal: an fsynced append-only JSON-lines file that is also the history.

One line per Change, numbered by `seq` from 1 with no gaps, so line N holds seq N. A save
appends its lines with one write and one fdatasync (about a tenth of a millisecond), which
is why a tag save stays fast whatever the store's size. The last line of an append carries
`"end": true`; lines after the last such marker (a torn final line, or a batch cut short)
were never acknowledged because the writer died mid-append: they are set aside in
`journal.jsonl.torn` and cut off. Any other unreadable line is damage, and the store
refuses to open.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson

from tagger.errors import StoreError
from tagger.storage import damaged, fsync_dir, write_all

Span = tuple[int, int]  # [start, stop) byte offsets of one line


class Journal:
    """Appends and reads the journal file; `pos` is how far this process has applied it."""

    def __init__(self, path: Path, hint: Callable[[], str]) -> None:
        self.path = path
        self.hint = hint
        self.pos = 0
        self.seq = 0
        self._fd: int | None = None

    # -- reading ----------------------------------------------------------------------
    def size(self) -> int:
        try:
            return os.stat(self.path).st_size
        except FileNotFoundError:
            return 0

    def has_news(self) -> bool:
        return self.size() != self.pos

    def read_new(self, *, locked: bool) -> list[tuple[dict[str, Any], Span]]:
        """Committed entries appended since `pos` (by anyone), each with its byte range;
        advances `pos` and `seq`.

        Each append marks its last line with `"end": true`. Lines after the last marker
        belong to a write still in progress or, with the store lock held, to a writer that
        died mid-append (never acknowledged): those are set aside and cut off.
        """
        size = self.size()
        if size < self.pos:
            raise damaged(
                self.path, f"it shrank from {self.pos} to {size} bytes while open", self.hint
            )
        if size == self.pos:
            return []
        with open(self.path, "rb") as f:
            f.seek(self.pos)
            data = f.read(size - self.pos)
        entries: list[tuple[dict[str, Any], Span]] = []
        committed, committed_at, seq = 0, 0, self.seq
        start, base = 0, self.pos
        while True:
            nl = data.find(b"\n", start)
            if nl < 0:
                break
            seq += 1
            entry = self._parse(data[start:nl], seq)
            entries.append((entry, (base + start, base + nl + 1)))
            start = nl + 1
            if entry.get("end"):
                committed, committed_at = len(entries), start
        if committed_at < len(data) and locked:
            self._drop_torn(self.pos + committed_at, data[committed_at:])
        self.pos += committed_at
        self.seq += committed
        return entries[:committed]

    def _parse(self, raw: bytes, line_no: int) -> dict[str, Any]:
        try:
            entry = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            raise damaged(self.path, f"line {line_no} is not valid JSON: {exc}", self.hint()) from exc
        if not isinstance(entry, dict) or entry.get("seq") != line_no:
            raise damaged(self.path, f"line {line_no} is not change number {line_no}", self.hint())
        return entry

    def _drop_torn(self, keep: int, torn: bytes) -> None:
        with open(self.path.with_name(self.path.name + ".torn"), "ab") as side:
            side.write(torn + b"\n")
            side.flush()
            os.fsync(side.fileno())
        fd = os.open(self.path, os.O_WRONLY)
        try:
            os.ftruncate(fd, keep)
            os.fsync(fd)
        finally:
            os.close(fd)

    def check_offset(self, offset: int, seq: int) -> None:
        """Start reading at a checkpoint's offset, after checking it fits this file."""
        size = self.size()
        if size < offset:
            raise damaged(
                self.path,
                f"it is {size} bytes but the last checkpoint covers {offset} bytes",
                self.hint(),
            )
        if offset:
            with open(self.path, "rb") as f:
                f.seek(offset - 1)
                if f.read(1) != b"\n":
                    raise damaged(
                        self.path, "the last checkpoint does not end at a line break", self.hint
                    )
        self.pos, self.seq = offset, seq

    def scan(
        self, start: int = 0, stop: int | None = None, needles: list[bytes] | None = None
    ) -> Iterator[tuple[int, dict]]:
        """(offset, entry) for each complete line in [start, stop), read in blocks; with
        `needles`, only lines holding every one of those bytes are parsed and yielded."""
        stop = self.pos if stop is None else stop
        if stop <= start:
            return
        with open(self.path, "rb") as f:
            f.seek(start)
            offset, rest = start, b""
            while offset + len(rest) < stop:
                block = f.read(min(1 << 20, stop - offset - len(rest)))
                if not block:
                    break
                rest += block
                lines = rest.split(b"\n")
                rest = lines.pop()
                for raw in lines:
                    if needles and not all(n in raw for n in needles):
                        offset += len(raw) + 1
                        continue
                    try:
                        entry = orjson.loads(raw)
                    except orjson.JSONDecodeError as exc:
                        raise damaged(self.path, f"a line at byte {offset} is not valid JSON",
                                      self.hint()) from exc
                    yield offset, entry
                    offset += len(raw) + 1

    def offset_since(self, at: str, stop: int | None = None) -> int:
        """A line offset at or before the first entry written at `at` or later.

        Entries are appended in time order, so a binary search over byte offsets finds it
        with a few reads instead of a scan of the whole journal (the review app's hourly
        rate reads only the last hour this way).
        """
        stop = self.pos if stop is None else stop
        lo, hi = 0, stop
        with open(self.path, "rb") as f:
            while hi - lo > 4096:
                mid = (lo + hi) // 2
                f.seek(mid)
                f.readline()  # skip to the start of the next whole line
                line_at = f.tell()
                raw = f.readline()
                if line_at >= stop or not raw.endswith(b"\n"):
                    hi = mid
                    continue
                try:
                    when = orjson.loads(raw).get("at", "")
                except orjson.JSONDecodeError:
                    return lo  # let the scan that follows report the damage
                if when < at:
                    lo = line_at
                else:
                    hi = mid
        return lo

    def read_ranges(self, ranges: list[list[int]]) -> Iterator[dict]:
        """The entries inside byte ranges of committed lines (undo steps point at them)."""
        if not ranges:
            return
        with open(self.path, "rb") as f:
            for start, stop in ranges:
                if stop > self.pos or start < 0:
                    raise damaged(self.path, f"bytes {start}-{stop} are not in the journal",
                                  self.hint())
                f.seek(start)
                for raw in f.read(stop - start).splitlines():
                    yield orjson.loads(raw)

    # -- writing ----------------------------------------------------------------------
    def append(self, entries: list[dict[str, Any]]) -> list[Span]:
        """Write entries (seq already set) and fdatasync; the caller holds the lock.

        Returns each entry's byte range in the file.
        """
        if self._fd is None:
            existed = self.path.exists()
            self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            if not existed:
                fsync_dir(self.path.parent)
        if os.fstat(self._fd).st_size != self.pos:
            raise StoreError(f"{self.path} changed under the lock; nothing was written.")
        # The last line of each append carries the commit marker (see read_new).
        lines = [orjson.dumps(e) for e in entries[:-1]]
        lines.append(orjson.dumps({**entries[-1], "end": True}))
        data = b"\n".join(lines) + b"\n"
        spans, at = [], self.pos
        for line in lines:
            spans.append((at, at + len(line) + 1))
            at += len(line) + 1
        try:
            write_all(self._fd, data)
            os.fdatasync(self._fd)
        except OSError as exc:
            os.ftruncate(self._fd, self.pos)
            raise StoreError(f"Could not save to {self.path}: {exc.strerror or exc}.") from exc
        self.pos += len(data)
        self.seq = entries[-1]["seq"]
        return spans

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
