"""Select records from a store and write them with a registered format, atomically.

The selection (filters, which reviews, spans) is shared by every format, and the file is
written to a temp name and renamed, so a failed or interrupted export never leaves a half file
where a good one is expected. Articles stream from the store one at a time; each article's
reviews are looked up as it passes, so memory stays flat as the set grows.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from tagger.config import Taxonomy
from tagger.exporters import FORMAT_NAMES, ExportError, ExportSpec, Format, get_format
from tagger.models import Article, ArticleSummary, Review, Span
from tagger.query import STATUS_VALUES, Candidate, parse_query
from tagger.roundtrip import to_export_record
from tagger.selection import entity_texts, latest, lazy_version

if TYPE_CHECKING:
    from tagger.store import Store

__all__ = ["FORMAT_NAMES", "ExportOptions", "ExportResult", "export", "iter_records"]

_SINCE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ][0-9:.]+Z?)?$")

SpansFor = Callable[[Article], list[Span]]


@dataclass(frozen=True)
class ExportOptions:
    """What to export. `reviewers`: "final" (latest review per article, until adjudication
    exists), "all" (one record per review), or a reviewer's name (that reviewer's review)."""

    format: str = "jsonl"
    where: str = ""
    statuses: tuple[str, ...] = ()
    reviewer: str | None = None  # keep only records whose review is by this reviewer
    since: str | None = None  # keep only reviews updated at or after this date/time
    reviewers: str = "final"
    text: bool = True
    spans: bool = False

    def check(self) -> None:
        fmt = get_format(self.format)
        bad = [s for s in self.statuses if s not in STATUS_VALUES]
        if bad:
            raise ExportError(
                f"Unknown status {', '.join(bad)}. Statuses: {', '.join(STATUS_VALUES)}.",
                title="Invalid option",
            )
        if self.since and not _SINCE_RE.match(self.since):
            raise ExportError(
                f"--since {self.since!r} is not a date: use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS.",
                title="Invalid option",
            )
        if not self.text and fmt.needs_text:
            raise ExportError(
                f"The {fmt.name} format is for annotation tools and needs the text; "
                "--no-text works with jsonl and csv.",
                title="Invalid option",
            )


@dataclass(frozen=True)
class ExportResult:
    path: Path | None  # None when written to a stream
    count: int


def _chosen_reviews(reviews: list[Review] | None, mode: str) -> list[Review | None]:
    """The reviews to write for one article, in a deterministic order."""
    if mode == "final":
        return [latest(reviews)]
    if mode == "all":
        if not reviews:
            return [None]
        return sorted(reviews, key=lambda r: (r.reviewer, r.created_at or ""))
    own = [r for r in reviews or () if r.reviewer == mode]
    return [own[0] if own else None]


def _keep(review: Review | None, options: ExportOptions) -> bool:
    status = review.status if review else "untagged"
    if options.statuses:
        reviewed = bool(review and review.reviewed_at)
        if status not in options.statuses and not ("reviewed" in options.statuses and reviewed):
            return False
    if options.reviewer and (review is None or review.reviewer != options.reviewer):
        return False
    if options.since:
        stamp = review.updated_at if review else ""
        if not stamp or stamp < options.since.replace(" ", "T"):
            return False
    return True


def iter_records(
    store: Store,
    taxonomy: Taxonomy,
    options: ExportOptions,
    *,
    spans_for: SpansFor | None = None,
    on_article: Callable[[], None] | None = None,
    backend: str = "auto",
) -> Iterator[dict[str, Any]]:
    """Canonical records in import order (then reviewer name for --reviewers all)."""
    options.check()
    query = parse_query(options.where, taxonomy) if options.where else None
    version = lazy_version(backend)
    if options.spans and spans_for is None:
        spans_for = default_spans_for(store, backend)
    for article in store.iter_articles():
        if on_article is not None:
            on_article()
        # One lookup per article instead of an index of every review: memory stays flat.
        reviews = store.reviews_for(article.id)
        names = tuple(r.reviewer for r in reviews) if reviews else ()
        spans: list[Span] | None = None
        for review in _chosen_reviews(reviews, options.reviewers):
            if not _keep(review, options):
                continue
            if query is not None:
                cand = Candidate(
                    ArticleSummary.of(article),
                    review,
                    reviewers=names,
                    body=article.body,
                    entities=lambda a=article: entity_texts(store, a, version()),
                )
                if not query.matches(cand):
                    continue
            if options.spans and spans is None:
                spans = spans_for(article) if spans_for else []
            yield to_export_record(article, review, taxonomy, text=options.text, spans=spans)


def default_spans_for(store: Store, backend: str = "auto") -> SpansFor:
    """Cached entity and number spans, computed (and cached) by the NLP pipeline when missing."""
    from tagger.annotations import annotations_for
    from tagger.nlp.base import get_analyzer

    analyzer = get_analyzer(backend)
    return lambda article: annotations_for(store, article, analyzer)


def _writer(fmt: Format, path: Path | None) -> Any:
    if fmt.name == "spacy" and path is not None and path.suffix == ".spacy":
        from tagger.exporters.spacy import check_docbin_possible, write_docbin

        check_docbin_possible(path)
        return write_docbin
    return fmt.write


def export(
    store: Store,
    taxonomy: Taxonomy,
    options: ExportOptions,
    dest: Path | BinaryIO,
    *,
    spans_for: SpansFor | None = None,
    on_article: Callable[[], None] | None = None,
    backend: str = "auto",
) -> ExportResult:
    """Write the selected records to `dest` (a path, written atomically, or an open stream)."""
    options.check()
    fmt = get_format(options.format)
    spec = ExportSpec(taxonomy, text=options.text, spans=options.spans)
    path = Path(dest).absolute() if isinstance(dest, (str, os.PathLike)) else None
    write = _writer(fmt, path)
    records = iter_records(
        store, taxonomy, options, spans_for=spans_for, on_article=on_article, backend=backend
    )
    if path is None:
        count = write(records, dest, spec)  # type: ignore[arg-type]
        dest.flush()  # type: ignore[union-attr]
        return ExportResult(None, count)
    if path.is_dir():
        raise ExportError(f"{path} is a folder; give a file name.", title="Invalid option")
    if not path.parent.is_dir():
        raise ExportError(f"The folder {path.parent} does not exist.", title="Invalid option")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise ExportError(f"Cannot write in {path.parent}: {exc.strerror}.") from exc
    try:
        with os.fdopen(fd, "wb") as out:
            count = write(records, out, spec)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ExportError(f"Cannot write {path}: {exc.strerror or exc}.") from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return ExportResult(path, count)
