"""Cleaning of article text on import: mojibake, Unicode, whitespace and repeated lines.

Scraped news arrives with mis-decoded characters, stray control codes and photo captions
repeated line after line; cleaning once on import gives the reader, the NLP and the stable id
one canonical text, while `Article.raw` keeps what came.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from tagger.boilerplate import find_boilerplate
from tagger.models import normalise_for_id

# Characters that UTF-8 bytes turn into when mis-read as Windows-1252 or Latin-1: a lead
# byte (Â..ô) followed by a continuation byte (0x80..0xBF), or a bare C1 control. Only texts
# with such a pair go through ftfy, whose full pass costs about 1 ms per 4 KB.
_CONTINUATION = (
    "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
)
_MOJIBAKE_HINT = re.compile(f"[\u00c2-\u00f4][{_CONTINUATION}]|[\u0080-\u009f]|\u0111\u017a")

# A four-byte UTF-8 character (an emoji, F0 9F ..) mis-read as Windows-1250 shows as "đź"
# plus one or two symbols; ftfy does not know this code page's emoji form. The bytes that
# Windows-1250 maps to each symbol decide whether the emoji can be rebuilt.
_CP1250_CONT = bytes(range(0x80, 0xC0)).decode("cp1250", errors="ignore")
_CP1250_EMOJI = re.compile(f"\u0111\u017a[{re.escape(_CP1250_CONT)}]{{1,2}}")

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")
# Terminal escape sequences (CSI, OSC, and two-byte ESC forms): never let text drive a terminal.
_ESCAPES = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])?")
# Control characters except tab and newline, plus invisible characters that split words
# (soft hyphen, zero-width space, word joiner, BOM) and bidirectional overrides.
_CONTROLS = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x9f\u00ad\u200b\u2060\ufeff\u202a-\u202e\u2066-\u2069]"
)
_SPACES = re.compile("[ \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_EDGE_SPACE = re.compile(r"^[ \t]+|[ \t]+$", re.M)
_BLANK_RUN = re.compile(r"\n{3,}")
_ANY_SPACE = re.compile(r"\s+")

# A photo credit at the end of a caption: "(Picture: Name/Agency)", "[Photo: AP]".
_CREDIT = re.compile(
    r"\s*[(\[]\s*(?:picture|photo|photograph|image|credit|pic|video|footage)s?\b[^()\[\]]*[)\]]"
    r"\s*\.?\s*$",
    re.IGNORECASE,
)
_KEY_TRAIL = " .,;:!?#*-\u2013\u2014"


def _fix_cp1250_emoji(match: re.Match[str]) -> str:
    try:
        return match.group().encode("cp1250").decode("utf-8")
    except UnicodeError:
        # A byte was lost on the way (often the soft hyphen 0xAD, which scrapers drop):
        # the emoji cannot be rebuilt, so drop the debris rather than show it.
        return ""


def fix_mojibake(text: str) -> str:
    """Repair text that was decoded with the wrong code page; other text is returned as is."""
    if text.isascii() or not _MOJIBAKE_HINT.search(text):
        return text
    import ftfy

    fixed = ftfy.fix_text(
        text,
        unescape_html=False,
        uncurl_quotes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        fix_line_breaks=False,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )
    return _CP1250_EMOJI.sub(_fix_cp1250_emoji, fixed)


def normalise_text(text: str) -> str:
    """NFC, one kind of newline, no control characters, single spaces, one blank line per break."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    text = _NEWLINES.sub("\n", text)
    if "\x1b" in text:
        text = _ESCAPES.sub("", text)
    text = _CONTROLS.sub("", text)
    text = _SPACES.sub(" ", text)
    text = _EDGE_SPACE.sub("", text)
    return _BLANK_RUN.sub("\n\n", text).strip("\n")


def clean_title(title: str) -> str:
    """A title on one line: repaired, normalised, inner whitespace collapsed."""
    title = normalise_text(fix_mojibake(title))
    return _ANY_SPACE.sub(" ", title).strip()


def line_key(line: str) -> str:
    """The form two lines are compared in: no photo credit, case, width or edge punctuation."""
    if line.endswith((")", "]", ").", "].")):
        line = _CREDIT.sub("", line)
    return normalise_for_id(line).strip(_KEY_TRAIL)


def drop_repeated_lines(text: str) -> str:
    """Drop each line that repeats the previous non-blank line (scraped captions repeat)."""
    out: list[str] = []
    previous = ""
    for line in text.split("\n"):
        if not line:
            out.append(line)
            continue
        key = line_key(line)
        if key and key == previous:
            continue
        previous = key
        out.append(line)
    return _BLANK_RUN.sub("\n\n", "\n".join(out)).strip("\n")


def drop_title_repeat(body: str, title: str) -> str:
    """Drop leading body lines that only repeat the title (pages print the headline twice)."""
    key = line_key(title)
    if not key:
        return body
    while body:
        first, _, rest = body.partition("\n")
        if line_key(first) != key:
            break
        body = rest.lstrip("\n")
    return body


def clean_body(body: str, title: str = "") -> str:
    """The body as the reader and the NLP see it; `title` must already be cleaned."""
    body = drop_repeated_lines(normalise_text(fix_mojibake(body)))
    return drop_title_repeat(body, title) if title else body


@dataclass(frozen=True, slots=True)
class CleanText:
    """A cleaned title and body, and where the body's trailing boilerplate starts."""

    title: str
    body: str
    boilerplate_at: int | None


def clean_article(title: str, body: str) -> CleanText:
    """Clean a title and body together and locate the body's trailing boilerplate."""
    title = clean_title(title)
    body = clean_body(body, title)
    return CleanText(title, body, find_boilerplate(body))
