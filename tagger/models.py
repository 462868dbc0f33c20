"""Plain records shared by every layer: articles, spans, reviews and history entries.

They are frozen dataclasses with `to_dict`/`from_dict`, so the store, the exporters and the
UI pass the same values around and none of them depends on another's storage format.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

ENTITY_LABELS = ("PERSON", "ORGANIZATION", "GPE", "LOCATION", "FACILITY", "NORP")
NUMBER_LABELS = (
    "CARDINAL",
    "MONEY",
    "PERCENT",
    "QUANTITY",
    "ORDINAL",
    "DATE",
    "TIME",
    "DURATION",
)
PLACE_LABELS = ("GPE", "LOCATION", "FACILITY")

# Review status values, in the order the list shows them.
STATUSES = ("untagged", "tagged", "skipped", "flagged", "unsure")

_WS = re.compile(r"\s+")


def utc_now() -> str:
    """An ISO 8601 UTC timestamp with microseconds, sortable as text."""
    return utc_iso(datetime.now(UTC).timestamp())


def utc_iso(epoch_seconds: float) -> str:
    """The `utc_now` form of a POSIX time, so stored timestamps compare as text."""
    moment = datetime.fromtimestamp(epoch_seconds, UTC)
    return moment.isoformat(timespec="microseconds").replace("+00:00", "Z")


def normalise_for_id(text: str) -> str:
    """Case-, width- and whitespace-insensitive form of a text, for stable ids."""
    return _WS.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def article_id(title: str, body: str) -> str:
    """A stable id: the same title and body always give the same id, whatever the file."""
    digest = hashlib.sha256(
        (normalise_for_id(title) + "\n\n" + normalise_for_id(body)).encode("utf-8")
    ).hexdigest()
    return digest[:16]


def text_hash(text: str) -> str:
    """Hash of an exact text, used to key cached annotations."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def kind_of(label: str) -> str:
    return "entity" if label in ENTITY_LABELS else "number"


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A labelled mention: `text[start:end]` is the mention itself."""

    start: int
    end: int
    label: str
    kind: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if not self.kind:
            object.__setattr__(self, "kind", kind_of(self.label))

    def to_dict(self, text: str | None = None) -> dict[str, Any]:
        d: dict[str, Any] = {"start": self.start, "end": self.end, "label": self.label}
        if text is not None:
            d["text"] = text[self.start : self.end]
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Span:
        return cls(int(d["start"]), int(d["end"]), str(d["label"]))


@dataclass(frozen=True, slots=True)
class Article:
    """One news article, cleaned on import; `raw` keeps the text exactly as it came."""

    id: str
    title: str
    body: str
    source: str = ""
    date: str = ""
    url: str = ""
    author: str = ""
    raw: str = ""
    # Offset in `body` where trailing boilerplate ("Related topics", newsletter
    # prompts, "Watch:" teasers) starts; None when there is none.
    boilerplate_at: int | None = None
    origin: str = ""
    imported_at: str = ""

    @property
    def main_text(self) -> str:
        """The body without its trailing boilerplate."""
        if self.boilerplate_at is None:
            return self.body
        return self.body[: self.boilerplate_at].rstrip()

    @property
    def text_hash(self) -> str:
        return text_hash(self.body)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Article:
        names = cls.__dataclass_fields__
        return cls(**{k: v for k, v in d.items() if k in names})


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """What the list needs of an article, without its body."""

    id: str
    title: str
    source: str = ""
    date: str = ""
    imported_at: str = ""

    @classmethod
    def of(cls, article: Article) -> ArticleSummary:
        return cls(article.id, article.title, article.source, article.date, article.imported_at)


@dataclass(frozen=True, slots=True)
class Review:
    """The tags one reviewer gave one article."""

    article_id: str
    reviewer: str
    # group name -> chosen label names (a single-choice group holds at most one).
    tags: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    status: str = "untagged"
    note: str = ""
    # Groups the reviewer marked as unsure.
    unsure: tuple[str, ...] = ()
    created_at: str = ""
    updated_at: str = ""
    # Set when the reviewer accepted the article's tags.
    reviewed_at: str | None = None

    def labels(self, group: str) -> tuple[str, ...]:
        return tuple(self.tags.get(group, ()))

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["tags"] = {k: list(v) for k, v in self.tags.items()}
        d["unsure"] = list(self.unsure)
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Review:
        return cls(
            article_id=d["article_id"],
            reviewer=d["reviewer"],
            tags={k: tuple(v) for k, v in (d.get("tags") or {}).items()},
            status=d.get("status", "untagged"),
            note=d.get("note", ""),
            unsure=tuple(d.get("unsure") or ()),
            created_at=d.get("created_at", ""),
            updated_at=d.get("updated_at", ""),
            reviewed_at=d.get("reviewed_at"),
        )


@dataclass(frozen=True, slots=True)
class Change:
    """One entry of the append-only history: who changed what, when, from what to what."""

    seq: int
    batch: str  # changes sharing a batch are undone and redone together
    at: str
    reviewer: str
    article_id: str
    field: str  # "tags.<group>", "status", "note", "unsure", "reviewed_at"
    old: Any
    new: Any
    action: str = "set"  # "set", "undo" or "redo"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Change:
        names = cls.__dataclass_fields__
        return cls(**{k: v for k, v in d.items() if k in names})
