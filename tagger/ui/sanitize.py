"""Make untrusted article text safe to draw in a terminal, keeping its length unchanged.

Every dangerous code point is replaced by exactly one visible placeholder instead of being
removed, so character offsets computed on the original text (entity and number spans, the
boilerplate offset) stay valid on the cleaned text without any mapping.
"""

from __future__ import annotations

import re

PLACEHOLDER = "\ufffd"

# C0 controls except newline, DEL, C1 controls (which include CSI 0x9b and OSC 0x9d),
# bidirectional embeddings, overrides and isolates (they reorder what the reader sees),
# line/paragraph separators that some terminals treat as newlines, and lone surrogates,
# which cannot be encoded for the terminal at all. The plain marks LRM/RLM/ALM are kept:
# they only nudge neighbouring punctuation, and Arabic and Hebrew text relies on them.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]"
)


def clean(text: str) -> str:
    """`text` with every control character replaced one-for-one; `len` is preserved.

    Tabs and carriage returns become spaces: harmless, and one cell wide each.
    """
    if not text:
        return ""
    # str.replace and one regex pass run in C; str.translate with a dict is far slower on
    # long articles.
    return _UNSAFE.sub(PLACEHOLDER, text.replace("\t", " ").replace("\r", " "))


def clean_line(text: str) -> str:
    """`clean` for one-line fields (title, metadata): newlines become spaces too."""
    return clean(text).replace("\n", " ")
