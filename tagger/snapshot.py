"""The reviews checkpoint `reviews.json`: one TinyDB document, written and read one review per line.

Parsing the snapshot whole builds every review as dicts, lists and strings before the
compact fold (`tagger.history.ReviewBook`) is made: about 300 MB and 5 million objects at
100,000 reviews, measured. Written with one review per line, it is read a line at a time
straight into the fold, so opening a store peaks at the fold plus one line. The file is
still a single JSON document with the tables `checkpoint`, `undo` and `reviews`, so TinyDB
and any JSON reader open it; a file in any other layout (an older tagger's, or one edited
by hand) is parsed whole, and one that does not parse is reported as damaged; undo steps
such a file holds inline are pointed at the journal (`upgrade_inline_steps`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from tagger.history import REVIEW_KEYS, ReviewBook, UndoStep
from tagger.journal import Journal
from tagger.storage import damaged, read_json

HEAD = b'{"checkpoint":'
REVIEWS_LINE = b'"reviews":{\n'
END_LINE = b"}}\n"
NOT_A_SNAPSHOT = "not a snapshot of reviews"
CHUNK = 2000  # reviews per piece handed to the writer


def snapshot_chunks(book: ReviewBook, point: dict[str, Any]) -> Iterator[bytes]:
    """The snapshot document in pieces, for `atomic_write` to stream to disk: checkpoint and
    undo tables on line 1, then one review per line."""
    head = orjson.dumps({"checkpoint": {"1": point}, "undo": book.stacks_table()})
    yield head[:-1] + b",\n" + REVIEWS_LINE
    reviews = book.all_reviews()
    for start in range(0, len(reviews), CHUNK):
        # Reviews are frozen dataclasses: orjson writes their fields in declaration order,
        # which is the record Review.to_dict gives.
        lines = [
            b'"%d":%b' % (n, orjson.dumps(rv))
            for n, rv in enumerate(reviews[start : start + CHUNK], start + 1)
        ]
        more = b",\n" if start + CHUNK < len(reviews) else b"\n"
        yield b",\n".join(lines) + more
    yield END_LINE


def _check(rv: Any) -> None:
    if not isinstance(rv, dict) or not REVIEW_KEYS <= rv.keys():
        raise KeyError("review fields")
    if not isinstance(rv["tags"], dict) or not isinstance(rv["unsure"], list):
        raise TypeError("review fields")


def _read_lines(path: Path) -> tuple[ReviewBook, dict[str, Any]] | None:
    """The fold and checkpoint from a line-per-review file; None when the layout differs."""
    book = ReviewBook()
    with open(path, "rb") as f:
        first = f.readline()
        if not (first.startswith(HEAD) and first.endswith(b",\n")):
            return None
        try:
            head = orjson.loads(first[:-2] + b"}")
        except orjson.JSONDecodeError:
            return None
        if f.readline() != REVIEWS_LINE:
            return None
        book.load_stacks(head["undo"])
        put = book.put
        loads = orjson.loads
        for line in f:
            if line == END_LINE:
                break
            end = -2 if line.endswith(b",\n") else -1
            colon = line.find(b":")
            try:
                rv = loads(line[colon + 1 : end])
            except orjson.JSONDecodeError:
                return None
            _check(rv)
            put(rv)
        else:
            return None  # no closing line: cut short
        if f.read(1):
            return None
    return book, head["checkpoint"]["1"]


def read_snapshot(path: Path, backup: str) -> tuple[ReviewBook, int, int]:
    """(fold, seq, journal offset) of a snapshot; StoreDamagedError when it is unreadable."""
    try:
        try:
            found = _read_lines(path)
        except OSError as exc:
            raise damaged(path, f"unreadable: {exc.strerror or exc}", backup) from exc
        if found is None:
            tables = read_json(path, backup)  # another layout, or damaged: parse it whole
            book = ReviewBook()
            for rv in tables["reviews"].values():
                _check(rv)
                book.put(rv)
            book.load_stacks(tables.get("undo", {}))
            found = book, tables["checkpoint"]["1"]
        book, point = found
        return book, int(point["seq"]), int(point["journal_offset"])
    except (KeyError, TypeError, ValueError, AttributeError):
        raise damaged(path, NOT_A_SNAPSHOT, backup) from None


def upgrade_inline_steps(book: ReviewBook, journal: Journal, stop: int) -> int:
    """Point undo steps that carry their changes inline (an older snapshot) at the journal.

    Bulk edits of 100,000 articles held that way cost some 160 MB on every open (measured);
    one scan of the journal up to the checkpoint finds the same entries' byte ranges, and
    the store then writes a checkpoint with ranges. A step whose entries do not all turn up,
    in order, keeps its changes. Returns the number of steps upgraded.
    """
    steps = {
        (step.batch, who): step
        for stacks in (book.undo, book.redo)
        for who, stack in stacks.items()
        for step in stack
        if step.changes
    }
    if not steps:
        return 0
    # Per step: how many of its changes the journal has matched in order (-1 after a
    # mismatch) and their ranges, gathered as the scan goes, so no entry is kept.
    matched = dict.fromkeys(steps, 0)
    ranges = {key: UndoStep(step.batch) for key, step in steps.items()}
    last: tuple[int, dict] | None = None  # a matching line, until the next one says where it ends

    def match(start: int, end: int, e: dict) -> None:
        key = _key(e)
        n, changes = matched[key], steps[key].changes or []
        if 0 <= n < len(changes) and changes[n] == [e["article_id"], e["field"], e["old"], e["new"]]:
            ranges[key].add(e, (start, end))
            matched[key] = n + 1
        else:
            matched[key] = -1

    for offset, e in journal.scan(0, stop):
        if last is not None:
            match(last[0], offset, last[1])
            last = None
        if _key(e) in steps and e.get("action", "set") == "set":
            last = (offset, e)
    if last is not None:
        match(last[0], stop, last[1])
    upgraded = 0
    for key, step in steps.items():
        if step.ranges or matched[key] != len(step.changes or ()):
            continue
        step.changes, step.ranges = None, ranges[key].ranges
        upgraded += 1
    return upgraded


def _key(e: dict) -> tuple[Any, Any]:
    return e.get("batch"), e.get("reviewer")
