"""Importing article files into the store: find them, read and clean them, add what is new.

The CLI and the app's first-run import both call `import_paths`, so a file is judged the
same way everywhere: each bad file or record becomes a (path, reason) entry and the rest
still imports; an article already in the store is reported as a duplicate, never re-added.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tagger.cleaning import clean_article, clean_title
from tagger.errors import NotFoundError, TaggerError, ValidationError
from tagger.models import Article, Review, article_id, utc_now
from tagger.readers import DEFAULT_MAX_SIZE, FORMATS, Record, Rejected, format_of, parse_file

if TYPE_CHECKING:
    from tagger.store import Store

__all__ = [
    "DEFAULT_MAX_SIZE",
    "FileResult",
    "ImportItem",
    "ImportReport",
    "import_paths",
    "iter_files",
    "read_file",
]

Progress = Callable[[int, int], Any]


@dataclass(frozen=True, slots=True)
class ImportItem:
    """One article read from a file, with the review it carries when it is our own export."""

    article: Article
    review: Review | None = None
    location: str = ""  # the file, and ":line" or "#record" within it


@dataclass
class FileResult:
    """What one file gave: the articles read, and a reason for each record that failed."""

    path: Path
    items: list[ImportItem] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    """The outcome of an import, for a summary line, a JSON report or the app's notice."""

    imported: list[str] = field(default_factory=list)  # ids of the articles added
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (location, article id)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    reviews: Counter[str] = field(default_factory=Counter)  # import_review outcome -> count
    files: int = 0
    dry_run: bool = False
    cancelled: bool = False
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        line = (
            f"Imported {len(self.imported)}, duplicates {len(self.duplicates)},"
            f" failed {len(self.failed)}"
        )
        if self.reviews:
            line += "; reviews " + ", ".join(f"{k} {v}" for k, v in sorted(self.reviews.items()))
        if self.dry_run:
            line += " (dry run: nothing was saved)"
        if self.cancelled:
            line += " (cancelled)"
        return line

    def to_dict(self) -> dict[str, Any]:
        return {
            "imported": len(self.imported),
            "duplicates": len(self.duplicates),
            "failed": len(self.failed),
            "reviews": dict(self.reviews),
            "files": self.files,
            "dry_run": self.dry_run,
            "cancelled": self.cancelled,
            "seconds": round(self.seconds, 3),
            "articles_per_second": round(len(self.imported) / self.seconds, 1)
            if self.seconds > 0
            else None,
            "imported_ids": self.imported,
            "duplicate_articles": [{"location": o, "id": i} for o, i in self.duplicates],
            "failures": [{"path": p, "reason": r} for p, r in self.failed],
        }


def _unsupported(path: Path) -> str:
    kinds = ", ".join(sorted(set(FORMATS)))
    suffix = f"'{path.suffix}'" if path.suffix else "(no extension)"
    return f"unsupported file type {suffix}; tagger reads {kinds}"


_FOLDER_NOTES = ("readme", "changelog", "license", "licence", "contributing")


def _scannable(name: str) -> bool:
    """A file a folder scan imports: not hidden, and not the folder's own notes."""
    stem = name.split(".", 1)[0].casefold()
    return not name.startswith(".") and stem not in _FOLDER_NOTES


def iter_files(paths: Iterable[str | os.PathLike]) -> Iterator[tuple[Path, str | None]]:
    """Files to read, in a stable order, as (path, None); or (path, reason) for a bad path.

    Folders are walked recursively, skipping hidden files and folders, files of other
    types, and a folder's own notes (README, CHANGELOG, LICENSE); a path named explicitly
    is always read, or refused with the reason.
    """
    seen: set[Path] = set()

    def fresh(path: Path) -> bool:
        key = path.resolve()
        if key in seen:
            return False
        seen.add(key)
        return True

    for given in paths:
        path = Path(given)
        if path.is_dir():
            walk_errors: list[OSError] = []
            for root, dirs, files in os.walk(path, onerror=walk_errors.append):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    found = Path(root, name)
                    if _scannable(name) and format_of(found) and fresh(found):
                        yield found, None
            for exc in walk_errors:
                yield Path(exc.filename or path), f"cannot read the folder: {exc.strerror}"
        elif path.is_file():
            if fresh(path):
                yield path, None if format_of(path) else _unsupported(path)
        elif path.exists():
            yield path, "not a regular file or folder"
        else:
            yield path, "no such file or folder"


def _export_item(record: Record) -> tuple[Article, Review | None]:
    prefix = f"{record.where}: " if record.where else ""
    try:
        from tagger.roundtrip import from_export_record
    except ModuleNotFoundError as exc:
        if exc.name != "tagger.roundtrip":
            raise
        raise Rejected(
            f"{prefix}a tagger export record (it has schema_version), but this version of"
            " tagger cannot read exports: tagger.roundtrip is missing"
        ) from None
    try:
        return from_export_record(record.export or {})
    except (TaggerError, KeyError, ValueError, TypeError) as exc:
        raise Rejected(f"{prefix}unreadable export record: {exc}") from None


def build_article(record: Record, origin: str, imported_at: str) -> Article:
    """A cleaned Article from a record; Rejected names the missing field and the record."""
    f = record.fields
    prefix = f"{record.where}: " if record.where else ""
    clean = clean_article(f.get("title", ""), f.get("body", ""))
    if not clean.title:
        raise Rejected(f"{prefix}missing title")
    if not clean.body:
        raise Rejected(f"{prefix}missing body (no text after the title)")
    return Article(
        id=article_id(clean.title, clean.body),
        title=clean.title,
        body=clean.body,
        source=clean_title(f.get("source", "")),
        date=clean_title(f.get("date", "")),
        url=clean_title(f.get("url", "")),
        author=clean_title(f.get("author", "")),
        raw=record.raw,
        boilerplate_at=clean.boilerplate_at,
        origin=origin,
        imported_at=imported_at,
    )


def read_file(
    path: str | os.PathLike, *, max_size: int = DEFAULT_MAX_SIZE, imported_at: str | None = None
) -> FileResult:
    """Read one file into cleaned articles; problems become reasons in `errors`, never raise."""
    path = Path(path)
    result = FileResult(path)
    kind = format_of(path)
    if kind is None:
        result.errors.append(_unsupported(path))
        return result
    try:
        parsed = parse_file(path, kind, max_size)
    except Rejected as exc:
        result.errors.append(str(exc))
        return result
    stamp = imported_at or utc_now()
    for record in parsed.entries:
        try:
            if isinstance(record, Rejected):
                raise record
            location = f"{path}{record.ref}"
            if record.export is not None:
                article, review = _export_item(record)
                # An export keeps the article's first origin; a new one gets this file.
                item = ImportItem(
                    replace(article, origin=article.origin or location), review, location
                )
            else:
                item = ImportItem(build_article(record, location, stamp), None, location)
        except Rejected as exc:
            result.errors.append(str(exc))
            continue
        result.items.append(item)
    return result


def import_paths(
    store: Store | None,
    paths: Iterable[str | os.PathLike],
    *,
    progress: Progress | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
    dry_run: bool = False,
    batch_size: int = 1000,
    cancel: Callable[[], bool] | None = None,
) -> ImportReport:
    """Import files and folders into `store`; `progress(done, total)` is called per file.

    With `dry_run` (or no store) nothing is saved: files are read and duplicates are
    checked against the store when there is one. Articles are added in batches of
    `batch_size`, each batch one durable write. `cancel()` returning True stops the
    import after the current file; what was read so far is saved.
    """
    started = time.perf_counter()
    report = ImportReport(dry_run=dry_run or store is None)
    targets = list(iter_files(paths))
    total = len(targets)
    seen: set[str] = set()
    articles: dict[str, ImportItem] = {}
    reviews: list[tuple[str, Review]] = []  # (origin, review), saved after their articles

    def flush() -> None:
        if report.dry_run:
            for aid, item in articles.items():
                if store is not None and store.has_article(aid):
                    report.duplicates.append((item.location, aid))
                else:
                    report.imported.append(aid)
            if reviews:
                report.reviews["found"] += len(reviews)
        else:
            assert store is not None
            if articles:
                result = store.add_articles(item.article for item in articles.values())
                report.imported.extend(result.added)
                report.duplicates.extend((articles[aid].location, aid) for aid in result.duplicates)
            for origin, review in reviews:
                try:
                    report.reviews[store.import_review(review)] += 1
                except (ValidationError, NotFoundError) as exc:
                    report.failed.append((origin, f"review by {review.reviewer}: {exc.message}"))
        articles.clear()
        reviews.clear()

    if progress:
        progress(0, total)
    for done, (path, problem) in enumerate(targets, 1):
        if cancel is not None and cancel():
            report.cancelled = True
            break
        report.files += 1
        if problem is not None:
            report.failed.append((str(path), problem))
        else:
            result = read_file(path, max_size=max_size)
            report.failed.extend((str(path), reason) for reason in result.errors)
            for item in result.items:
                art = item.article
                if art.id in seen:
                    # Another review of an article met earlier in this run is not a duplicate.
                    if item.review is None:
                        report.duplicates.append((item.location, art.id))
                else:
                    seen.add(art.id)
                    articles[art.id] = item
                if item.review is not None:
                    reviews.append((item.location, item.review))
            if len(articles) >= batch_size:
                flush()
        if progress:
            progress(done, total)
    flush()
    report.seconds = time.perf_counter() - started
    return report
