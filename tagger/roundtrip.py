"""The canonical export record (jsonl, schema_version 1) and its exact inverse.

One record is one article with one review (or none). `to_export_record` writes it and
`from_export_record` reads it back, so `tagger export --format jsonl` followed by `tagger import`
moves a tagged set between stores with nothing lost: the exporters derive every other format
from these records, and the importer calls `from_export_record` for any record carrying
"schema_version".

Record layout (keys in this order):
    schema_version, id, title, source, date, url, author, origin, imported_at,
    text, raw (only when it differs from text), boilerplate_at       -- text fields left out by --no-text
    reviewer (null when nobody reviewed the article), status,
    tags {group: label or null for single-choice groups, [labels] for multi-choice groups},
    unsure [groups], note, created_at, updated_at, reviewed_at,
    spans [{start, end, label, kind, text}]                         -- only with --spans
Tags sit in one object so a taxonomy group can never collide with a record field (a group may
be called "source" or "status").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from tagger.config import Taxonomy
from tagger.errors import InputError
from tagger.models import STATUSES, Article, Review, Span

SCHEMA_VERSION = 1


def tag_fields(review: Review | None, taxonomy: Taxonomy) -> dict[str, Any]:
    """One value per taxonomy group (str/None for single-choice, list for multi), then any
    group the review holds that the taxonomy no longer has, so nothing is dropped."""
    tags = review.tags if review else {}
    out: dict[str, Any] = {}
    for group in taxonomy.groups:
        labels = list(tags.get(group.name, ()))
        out[group.name] = labels if group.multi else (labels[0] if labels else None)
    for name in sorted(set(tags) - set(out)):
        labels = list(tags[name])
        if labels:
            out[name] = labels
    return out


def span_fields(spans: Iterable[Span], text: str) -> list[dict[str, Any]]:
    return [
        {
            "start": s.start,
            "end": s.end,
            "label": s.label,
            "kind": s.kind,
            "text": text[s.start : s.end],
        }
        for s in spans
    ]


def to_export_record(
    article: Article,
    review: Review | None,
    taxonomy: Taxonomy,
    *,
    text: bool = True,
    spans: Iterable[Span] | None = None,
) -> dict[str, Any]:
    """The canonical record of one article and one review (None: the article is unreviewed)."""
    record: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "id": article.id,
        "title": article.title,
        "source": article.source,
        "date": article.date,
        "url": article.url,
        "author": article.author,
        "origin": article.origin,
        "imported_at": article.imported_at,
    }
    if text:
        record["text"] = article.body
        # Absent "raw" means "same as text": most articles need it only once.
        if article.raw != article.body:
            record["raw"] = article.raw
        record["boilerplate_at"] = article.boilerplate_at
    record.update(
        {
            "reviewer": review.reviewer if review else None,
            "status": review.status if review else "untagged",
            "tags": tag_fields(review, taxonomy),
            "unsure": list(review.unsure) if review else [],
            "note": review.note if review else "",
            "created_at": review.created_at if review else None,
            "updated_at": review.updated_at if review else None,
            "reviewed_at": review.reviewed_at if review else None,
        }
    )
    if spans is not None:
        record["spans"] = span_fields(spans, article.body)
    return record


def _str(record: Mapping[str, Any], key: str, default: str = "") -> str:
    value = record.get(key)
    if value is None:
        return default
    if not isinstance(value, str):
        raise InputError(f"Field '{key}' should be text, not {type(value).__name__}.")
    return value


def _labels(group: str, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,) if value else ()
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise InputError(f"Tags of group '{group}' should be a label, null or a list of labels.")


def from_export_record(record: Mapping[str, Any]) -> tuple[Article, Review | None]:
    """Read one record of our jsonl export back into the article and its review.

    Raises InputError for a newer schema, a record exported with --no-text (it has no body to
    import), or malformed fields.
    """
    version = record.get("schema_version")
    if version != SCHEMA_VERSION:
        raise InputError(
            f"This record has schema_version {version!r}; this tagger reads version "
            f"{SCHEMA_VERSION}. Upgrade tagger to import it."
        )
    aid = _str(record, "id")
    if not aid:
        raise InputError("The record has no article 'id'.")
    if "text" not in record:
        raise InputError(
            f"Article {aid} was exported with --no-text, so it has no body to import. "
            "Export again without --no-text."
        )
    boilerplate_at = record.get("boilerplate_at")
    if boilerplate_at is not None and not isinstance(boilerplate_at, int):
        raise InputError(f"Article {aid}: 'boilerplate_at' should be a number or null.")
    body = _str(record, "text")
    article = Article(
        id=aid,
        title=_str(record, "title"),
        body=body,
        source=_str(record, "source"),
        date=_str(record, "date"),
        url=_str(record, "url"),
        author=_str(record, "author"),
        raw=_str(record, "raw", body),
        boilerplate_at=boilerplate_at,
        origin=_str(record, "origin"),
        imported_at=_str(record, "imported_at"),
    )
    reviewer = record.get("reviewer")
    if not reviewer:
        return article, None
    status = _str(record, "status", "untagged")
    if status not in STATUSES:
        raise InputError(f"Article {aid}: unknown status {status!r}.")
    tags_in = record.get("tags") or {}
    if not isinstance(tags_in, Mapping):
        raise InputError(f"Article {aid}: 'tags' should be an object of group: labels.")
    tags = {g: labels for g, v in tags_in.items() if (labels := _labels(g, v))}
    unsure = record.get("unsure") or []
    if not isinstance(unsure, list):
        raise InputError(f"Article {aid}: 'unsure' should be a list of groups.")
    reviewed_at = record.get("reviewed_at")
    review = Review(
        article_id=aid,
        reviewer=str(reviewer),
        tags=tags,
        status=status,
        note=_str(record, "note"),
        unsure=tuple(str(g) for g in unsure),
        created_at=_str(record, "created_at"),
        updated_at=_str(record, "updated_at"),
        reviewed_at=str(reviewed_at) if reviewed_at else None,
    )
    return article, review
