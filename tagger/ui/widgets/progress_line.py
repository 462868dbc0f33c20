"""The progress line: "42 / 300 reviewed, 18 per hour", marks, the last save and the queue.

The rate comes from the reviewer's recent accept timestamps in the store's history, so it is
right after a restart too; `rate_per_hour` is a pure function, tested on its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from rich.text import Text
from textual.widgets import Static

WINDOW_S = 3600.0
MIN_SPAN_S = 600.0  # a burst of three accepts in a minute is not "180 per hour"


def parse_ts(value: str) -> float | None:
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
    except (ValueError, AttributeError):
        return None


def rate_per_hour(stamps: Iterable[float], now: float, window: float = WINDOW_S) -> float:
    """Accepts per hour over the last `window` seconds (at least MIN_SPAN_S of span)."""
    recent = [t for t in stamps if 0 <= now - t <= window]
    if not recent:
        return 0.0
    span = max(now - min(recent), MIN_SPAN_S)
    return len(recent) * 3600.0 / span


def now_ts() -> float:
    return datetime.now(UTC).timestamp()


class ProgressLine(Static):
    """One line under the list; plain text with bold numbers, readable without colour."""

    def show(
        self,
        *,
        done: int,
        total: int,
        rate: float,
        queue: str,
        marks: int,
        message: str = "",
    ) -> None:
        out = Text(no_wrap=True, overflow="ellipsis")
        out.append(f"{done} / {total}", style="bold")
        out.append(" reviewed, ")
        out.append(f"{rate:.0f}", style="bold")
        out.append(" per hour")
        if marks:
            out.append(" │ ")
            out.append(f"{marks} marked", style="bold reverse")
        if message:
            out.append(f" │ {message}", style="bold")
        out.append(f" │ {queue}")
        self.update(out)
