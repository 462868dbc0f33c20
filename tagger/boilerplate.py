"""Finding where the trailing boilerplate of a scraped article starts.

News pages end with "Related topics", newsletter prompts, "Watch:" teasers and headlines of
other stories; marking where that block starts lets the reading view dim it and the NLP skip
it, while the body keeps every word. Only the trailing block counts: the search walks back
from the end over marker and teaser lines and stops at the first line of real prose.
"""

from __future__ import annotations

import re

# Lines that announce boilerplate. Each must be the start of a short line.
_MARKER = re.compile(
    r"""^(?:
        related(?:\s+(?:topics?|stories|articles|content|links|coverage|reading|news))?\s*:?\s*$
      | related(?:\s+\w+)?\s*:
      | more\s+(?:on|about)\s+(?:this|these)\s+(?:story|stories|topic|subject)\b
      | more\s+(?:stories|news)\s+(?:from|on)\b
      | (?:join|sign\s*up\s+(?:for|to)|subscribe\s+to|get)\s+(?:our|the)\s+(?:[\w-]+\s+){0,2}newsletters?\b
      | newsletters?\s*:?\s*$
      | newsletter\s+sign[\s-]?up
      | follow\s+us\b
      | watch\s*:
      | watch\s*us\s*on\b
      | listen\s*:
      | read\s+more\b
      | (?:also\s+)?read\s*:
      | see\s+also\s*:?
      | share\s+(?:this|on)\b
      | copyright\s*(?:\u00a9|\(c\)|\d{4})
      | \u00a9
      | \(c\)\s*\d{4}
      | all\s+rights\s+reserved
      | (?:you\s+(?:may|might)\s+also\s+like|most\s+read|top\s+stories|recommended(?:\s+for\s+you)?)\s*:?\s*$
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_RIGHTS = re.compile(r"all\s+rights\s+reserved", re.IGNORECASE)

MAX_MARKER_CHARS = 150
# A teaser is a headline: short, and not a sentence ending in a full stop.
MAX_TEASER_CHARS = 150
MAX_TEASER_WORDS = 25
_SENTENCE_END = (".", ";", ",", ":")


def is_marker(line: str) -> bool:
    """True for a short line that announces boilerplate ("Related topics", "Watch: ...")."""
    line = line.strip()
    if not line or len(line) > MAX_MARKER_CHARS:
        return False
    return bool(_MARKER.match(line) or _RIGHTS.search(line))


def is_teaser(line: str) -> bool:
    """True for a headline-like line: short, few words, not ending like a sentence."""
    line = line.strip().rstrip("\"'\u201d\u2019)")
    return (
        0 < len(line) <= MAX_TEASER_CHARS
        and len(line.split()) <= MAX_TEASER_WORDS
        and not line.endswith(_SENTENCE_END)
    )


def find_boilerplate(body: str) -> int | None:
    """Character offset in `body` where its trailing boilerplate block starts, or None.

    The block is the longest run of marker and teaser lines at the end of the body that
    starts with a marker; at least one line of prose must come before it.
    """
    lines: list[tuple[int, str]] = []
    pos = 0
    for line in body.split("\n"):
        if line.strip():
            lines.append((pos, line))
        pos += len(line) + 1
    start: int | None = None
    index = len(lines) - 1
    while index >= 0:
        line = lines[index][1]
        if is_marker(line):
            start = index
        elif not is_teaser(line):
            break
        index -= 1
    if start is None or index < 0:
        # No marker, or no prose before the block: mark nothing rather than everything.
        return None
    return lines[start][0]
