"""Mapping the loose field names and values of article files onto Article fields.

Feeds, scrapers and news APIs name the same thing differently ("headline", "publishedAt",
"byline") and shape it differently (a list of paragraphs, a source object, a timestamp);
one table and a few coercions let every reader accept them all the same way.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

# Canonical field -> accepted names, most specific first. Names are compared after
# `fold_key` (lower case, letters and digits only), so "published_at" = "publishedAt".
ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "heading"),
    "body": (
        "body",
        "text",
        "content",
        "articlebody",
        "article",
        "fulltext",
        "maintext",
        "bodytext",
        "story",
    ),
    "source": ("source", "publisher", "sitename", "site", "outlet", "sourcename", "publication"),
    "date": (
        "date",
        "published",
        "publishedat",
        "publishdate",
        "publicationdate",
        "datepublished",
        "pubdate",
        "datetime",
    ),
    "url": ("url", "link", "href", "permalink", "canonicalurl", "sourceurl", "uri"),
    "author": ("author", "byline", "authors", "creator", "writer", "by"),
}
FIELDS = tuple(ALIASES)
_ALIAS_TO_FIELD = {alias: name for name, aliases in ALIASES.items() for alias in aliases}
_NOT_KEY = re.compile(r"[^a-z0-9]")


def fold_key(key: str) -> str:
    return _NOT_KEY.sub("", key.lower())


def field_for(key: str) -> str | None:
    """The Article field a name stands for ("Published_At" -> "date"), or None."""
    return _ALIAS_TO_FIELD.get(fold_key(key))


def _as_text(value: Any, joiner: str) -> str:
    """A field value as text: lists are joined, objects give their name, None is empty."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping):
        for key in ("name", "title", "text", "value"):
            if key in value:
                return _as_text(value[key], joiner)
        return ""
    if isinstance(value, (list, tuple)):
        return joiner.join(t for t in (_as_text(v, joiner).strip() for v in value) if t)
    if isinstance(value, bool):
        return ""
    return str(value)


def pick_fields(record: Mapping[str, Any]) -> dict[str, Any]:
    """Canonical fields of a record: for each, the first alias present with a non-empty value."""
    found: dict[str, dict[str, Any]] = {name: {} for name in FIELDS}
    for key, value in record.items():
        name = _ALIAS_TO_FIELD.get(fold_key(str(key)))
        if name is not None:
            found[name][fold_key(str(key))] = value
    picked: dict[str, Any] = {}
    for name, aliases in ALIASES.items():
        for alias in aliases:
            value = found[name].get(alias)
            if value not in (None, "", [], {}):
                picked[name] = value
                break
    return picked


def text_fields(picked: Mapping[str, Any]) -> dict[str, str]:
    """Field values as text: paragraphs joined by blank lines, authors by commas, dates as ISO."""
    out = {}
    for name in FIELDS:
        value = picked.get(name)
        if name == "date":
            out[name] = parse_date(value)
        elif name == "body":
            out[name] = _as_text(value, "\n\n")
        else:
            out[name] = _as_text(value, ", ").strip()
    return out


_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])")
_NUMERIC = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})\s*$")
# Two defaults far apart: a field dateutil filled in differs between the two parses.
_DEFAULTS = (datetime(2001, 1, 1), datetime(2002, 2, 2))


def _from_timestamp(value: float) -> str:
    if value > 1e11:  # milliseconds
        value /= 1000
    try:
        return datetime.fromtimestamp(value, tz=UTC).date().isoformat()
    except (OverflowError, OSError, ValueError):
        return str(value)


def parse_date(value: Any) -> str:
    """ISO `YYYY-MM-DD` when the value names one day without doubt, else the text as given.

    An all-numeric date such as 03/05/2024 is read only when one part is over 12 (the
    day-month order is then certain); "March 2024" names no day and is kept as written.
    """
    if value is None or value == "" or isinstance(value, bool):
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return _from_timestamp(float(value)) if value > 1e8 else str(value)
    text = _as_text(value, " ").strip()
    if not text:
        return ""
    iso = _ISO.match(text)
    if iso:
        try:
            return date(*map(int, iso.groups())).isoformat()
        except ValueError:
            return text
    numeric = _NUMERIC.match(text)
    if numeric:
        first, second, year = (int(g) for g in numeric.groups())
        if len(numeric.group(3)) == 2:
            year += 2000 if year < 70 else 1900
        if first > 12 >= second:
            day, month = first, second
        elif second > 12 >= first:
            day, month = second, first
        elif first == second:
            day = month = first
        else:
            return text
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            return text
    return _parse_words(text)


def _parse_words(text: str) -> str:
    from dateutil import parser

    try:
        one, two = (parser.parse(text, default=d) for d in _DEFAULTS)
    except (ValueError, OverflowError, TypeError):
        return text
    if one.date() != two.date():
        return text  # year, month or day was missing and filled in by the parser
    return one.date().isoformat()
