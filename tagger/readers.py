"""Reading article files of each supported format into loose records, with exact error reasons.

Every format (plain text with optional headers, Markdown with front matter, JSON, JSON Lines,
HTML) ends up as the same `Record`; a problem with one record or file becomes a short reason
the user can act on, so one bad file never stops an import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tagger.fields import field_for, fold_key, pick_fields, text_fields

# Suffix -> format. Anything else is skipped in folder scans and refused when named.
FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".html": "html",
    ".htm": "html",
}
DEFAULT_MAX_SIZE = 20 * 1024 * 1024  # bytes; larger files are refused (see --max-size)

# Keys under which a JSON document may hold its list of articles (news APIs, our own dumps).
_LIST_KEYS = ("articles", "items", "data", "records", "results")
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or office document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "a gzip archive"),
)
# C0 controls that text files do not hold (tab, newlines, form feed and ESC aside).
_BINARY_CONTROLS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f]")


class Rejected(Exception):
    """A file or record that cannot be read; the message is the reason shown to the user."""


@dataclass
class Record:
    """One article as found in a file: loose fields, the exact text it came from, and where."""

    fields: dict[str, str]
    raw: str
    where: str = ""  # "line 7", "record 3" or "" for a one-article file
    ref: str = ""  # suffix naming the record in an origin: ":7" (a line) or "#3" (a record)
    export: dict[str, Any] | None = None  # a record of our own jsonl export


@dataclass
class Parsed:
    """A file's records and the reasons its bad records failed, in file order."""

    entries: list[Record | Rejected] = field(default_factory=list)


def format_of(path: Path) -> str | None:
    return FORMATS.get(path.suffix.lower())


def human_size(size: float) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size} GB"


def load_bytes(path: Path, max_size: int = DEFAULT_MAX_SIZE) -> bytes:
    """The file's bytes, refusing empty and oversized files before reading them."""
    try:
        size = path.stat().st_size
        if size > max_size:
            raise Rejected(
                f"file too large ({human_size(size)}; the limit is {human_size(max_size)},"
                " change it with --max-size)"
            )
        if size == 0:
            raise Rejected("empty file")
        return path.read_bytes()
    except PermissionError:
        raise Rejected("cannot read the file: permission denied") from None
    except OSError as exc:
        raise Rejected(f"cannot read the file: {exc.strerror or exc}") from None


def _looks_like_cp1252(data: bytes) -> bool:
    """True when bytes that are not UTF-8 read cleanly as Windows-1252 prose.

    Such text is mostly ASCII with single accented letters or curly quotes between ASCII
    bytes; multi-byte encodings (Shift-JIS, GBK) and binary data put high bytes side by side.
    """
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    high = [i for i, b in enumerate(data) if b >= 0x80]
    if len(high) > len(data) * 0.1:
        return False
    paired = sum(1 for a, b in zip(high, high[1:], strict=False) if b == a + 1)
    return paired <= len(high) * 0.2


def decode(data: bytes) -> str:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16 with BOM, or clear Windows-1252."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise Rejected(f"binary file ({what}), not text")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise Rejected(
                "undecodable text: starts with a UTF-16 mark but is not UTF-16"
            ) from None
    elif b"\x00" in data:
        raise Rejected("binary file (contains NUL bytes), not text")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            if not _looks_like_cp1252(data):
                raise Rejected(
                    f"undecodable text: not UTF-8 (byte 0x{data[exc.start]:02x} at offset"
                    f" {exc.start}) and not recognisably Windows-1252; save it as UTF-8"
                ) from None
            text = data.decode("cp1252")
    if len(_BINARY_CONTROLS.findall(text)) > max(2, len(text) // 100):
        raise Rejected("binary file (many control characters), not text")
    if not text.strip():
        raise Rejected("empty file (only whitespace)")
    return text


# ---- plain text -------------------------------------------------------------------------

_HEADER = re.compile(r"^([A-Za-z][A-Za-z _-]{0,24}?)\s*:\s*(.*?)\s*$")
MAX_HEADER_VALUE = 200
# Header keys that news exports carry but an Article has no field for.
OTHER_HEADERS = frozenset(
    "category section tags keywords language lang id slug subtitle summary description"
    " location dateline updated modified region topic country type".split()
)


def _header_block(lines: list[str], i: int) -> tuple[dict[str, str], int]:
    """`Key: value` lines from index i, as fields and the index after them ({}, i if none).

    A key is an article field's name or alias, or one of `OTHER_HEADERS` (read and
    ignored); any other "Word: text" line ends the block, so "Kenya: floods kill 40" after
    the headers is a title.
    """
    found: dict[str, str] = {}
    j = i
    while j < len(lines):
        match = _HEADER.match(lines[j])
        if not match or len(match.group(2)) > MAX_HEADER_VALUE:
            break
        name = field_for(match.group(1))
        if name is None and fold_key(match.group(1)) not in OTHER_HEADERS:
            break
        if name not in (None, "body") and match.group(2):
            found.setdefault(name, match.group(2))
        j += 1
    return found, j


def _skip_blank(lines: list[str], i: int) -> int:
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i


def parse_text(text: str) -> Parsed:
    """Plain text: the first non-empty line is the title, the rest the body.

    `Key: value` headers (Source, Date, URL, Author, Title) may come before the title
    (ended by a blank line or the title itself) or right after it (then they must be ended
    by a blank line, so that a first paragraph is never taken for headers).
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    start = _skip_blank(lines, 0)
    headers, end = _header_block(lines, start)
    i = _skip_blank(lines, end)
    if "title" in headers:
        title = headers["title"]
    else:
        title = lines[i].strip() if i < len(lines) else ""
        i += 1
        if end == start:  # no headers before the title: maybe right after it
            j = _skip_blank(lines, i)
            after, k = _header_block(lines, j)
            if k > j and (k >= len(lines) or not lines[k].strip()):
                headers, i = after, k
    fields = text_fields(headers)
    fields["title"] = title
    fields["body"] = "\n".join(lines[i:])
    return Parsed([Record(fields, text)])


# ---- Markdown ---------------------------------------------------------------------------

_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$")
_WORD = re.compile(r"\w")


def parse_markdown(text: str) -> Parsed:
    """Markdown: front matter gives the fields; else the first heading (or line) is the title."""
    meta: dict[str, Any] = {}
    content = text
    if text.lstrip("\ufeff").startswith("---"):
        import frontmatter
        import yaml

        try:
            meta, content = frontmatter.parse(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" at line {mark.line + 1}" if mark is not None else ""
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            raise Rejected(f"malformed front matter{where}: {problem}") from None
        if not isinstance(meta, dict):
            raise Rejected("malformed front matter: expected `key: value` pairs")
    fields = text_fields(pick_fields(meta))
    lines = content.split("\n")
    if not fields["title"]:
        # The first level-1 heading, else the first line with a word in it, is the title.
        at = next((j for j, line in enumerate(lines) if line.startswith("# ")), None)
        if at is None:
            at = next((j for j, line in enumerate(lines) if _WORD.search(line)), len(lines))
        if at < len(lines):
            heading = _HEADING.match(lines[at])
            fields["title"] = heading.group(1) if heading else lines[at].strip()
            del lines[at]
    if not fields["body"]:
        fields["body"] = "\n".join(lines)
    return Parsed([Record(fields, text)])


# ---- JSON and JSON Lines ----------------------------------------------------------------


def _record_of(obj: Any, raw: str, where: str = "", ref: str = "") -> Record:
    if not isinstance(obj, dict):
        kind = {list: "list", str: "string", bool: "boolean"}.get(type(obj), "number")
        if obj is None:
            kind = "null"
        prefix = f"{where}: " if where else ""
        raise Rejected(f"{prefix}not a JSON object (found a {kind})")
    if "schema_version" in obj:
        return Record({}, raw, where, ref, export=obj)
    return Record(text_fields(pick_fields(obj)), raw, where, ref)


def _json_error(exc: Exception) -> str:
    line, col = getattr(exc, "lineno", None), getattr(exc, "colno", None)
    msg = getattr(exc, "msg", None) or str(exc)
    where = f" at line {line}, column {col}" if line else ""
    return f"malformed JSON{where}: {msg}"


def parse_json(text: str) -> Parsed:
    """JSON: one article object, a list of them, or an object holding a list under "articles"."""
    import orjson

    try:
        doc = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        raise Rejected(_json_error(exc)) from None
    if isinstance(doc, dict) and not pick_fields(doc) and "schema_version" not in doc:
        for key in _LIST_KEYS:
            if isinstance(doc.get(key), list):
                doc = doc[key]
                break
    if not isinstance(doc, list):
        return Parsed([_record_of(doc, text, "")])
    if not doc:
        raise Rejected("no articles: the JSON list is empty")
    parsed = Parsed()
    for n, obj in enumerate(doc, 1):
        try:
            raw = orjson.dumps(obj).decode("utf-8")
            parsed.entries.append(_record_of(obj, raw, f"record {n}", f"#{n}"))
        except Rejected as exc:
            parsed.entries.append(exc)
    return parsed


def parse_jsonl(text: str) -> Parsed:
    """JSON Lines: one article object per line; blank lines are allowed."""
    import orjson

    parsed = Parsed()
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            obj = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            col = getattr(exc, "colno", None)
            where = f" at column {col}" if col else ""
            reason = f"line {n}: malformed JSON{where}: {getattr(exc, 'msg', exc)}"
            parsed.entries.append(Rejected(reason))
            continue
        try:
            parsed.entries.append(_record_of(obj, line.rstrip("\r"), f"line {n}", f":{n}"))
        except Rejected as exc:
            parsed.entries.append(exc)
    if not parsed.entries:
        raise Rejected("empty file (no JSON lines)")
    return parsed


# ---- HTML -------------------------------------------------------------------------------


def _quiet_logger(name: str) -> None:
    import logging

    logger = logging.getLogger(name)
    if not logger.handlers:
        logger.addHandler(logging.NullHandler())


MIN_HTML_WORDS = 10  # less than this is page furniture (a menu, a "not found" line)


def parse_html(text: str) -> Parsed:
    """HTML: trafilatura finds the main text and the metadata; `raw` is its extracted text."""
    try:
        import trafilatura
    except ImportError as exc:  # a broken install must not stop the other files
        raise Rejected(f"HTML cannot be read: the HTML extractor failed to load ({exc})") from None

    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        # Their warnings about odd pages would print through logging's last-resort handler;
        # a NullHandler keeps them off stderr unless the application configures logging.
        _quiet_logger(name)
    try:
        doc = trafilatura.bare_extraction(
            text,
            with_metadata=True,
            include_comments=False,
            include_images=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # a third-party parser: one odd page must not stop an import
        raise Rejected(f"the HTML could not be parsed ({type(exc).__name__}: {exc})") from None
    if doc is not None and not isinstance(doc, dict):
        doc = doc.as_dict()
    extracted = (doc or {}).get("text") or ""
    if len(extracted.split()) < MIN_HTML_WORDS:
        raise Rejected("no article text found in the HTML (only menus or a few words)")
    # trafilatura puts one paragraph per line; the body keeps paragraphs apart by blank lines.
    body = "\n\n".join(line for line in extracted.split("\n") if line.strip())
    fields = {
        "title": doc.get("title") or "",
        "body": body,
        "source": doc.get("sitename") or doc.get("hostname") or "",
        "date": doc.get("date") or "",
        "url": doc.get("url") or "",
        "author": doc.get("author") or "",
    }
    fields = text_fields(fields)
    return Parsed([Record(fields, extracted)])


PARSERS = {
    "text": parse_text,
    "markdown": parse_markdown,
    "json": parse_json,
    "jsonl": parse_jsonl,
    "html": parse_html,
}


def parse_file(path: Path, kind: str, max_size: int = DEFAULT_MAX_SIZE) -> Parsed:
    """Read and parse one file; raises Rejected for a problem with the whole file."""
    return PARSERS[kind](decode(load_bytes(path, max_size)))
