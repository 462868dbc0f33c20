"""What each term of a filter tests: the candidate an article presents, and one compiled
test per field.

Kept apart from the parser (tagger.query) so the grammar and the meaning of each field can
change independently; every test is a plain closure over a Candidate, cheap to call 100,000
times.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from tagger.config import Taxonomy, fold
from tagger.errors import QueryError, ValidationError
from tagger.models import STATUSES, ArticleSummary, Review

FIXED_FIELDS = ("status", "source", "reviewer", "entity", "id", "date", "note", "title", "body")
STATUS_VALUES = (*STATUSES, "reviewed")
_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
Test = Callable[["Candidate"], bool]
_NO_LABELS: frozenset[str] = frozenset()
_UNSET = object()
_LABEL_SETS: dict[tuple, frozenset[str]] = {}
_LABEL_SETS_MAX = 50_000
_BY_IDENTITY: dict[int, tuple[Mapping[str, Iterable[str]], frozenset[str]]] = {}


def label_set(tags: Mapping[str, Iterable[str]]) -> frozenset[str]:
    """`{"group:label", ...}` for a review's tags, shared between reviews with equal tags.

    Sharing matters more than it seems: 100,000 new sets would each be tracked by the garbage
    collector, whose full passes over a heap that size cost a second; a few hundred distinct
    tag combinations cost nothing.
    """
    # The store shares one tags dict between reviews with equal tags: look it up by identity
    # first, which spares building a key per article.
    seen = _BY_IDENTITY.get(id(tags))
    if seen is not None and seen[0] is tags:
        return seen[1]
    try:
        key = tuple(tags.items())
        found = _LABEL_SETS.get(key)
    except TypeError:  # unhashable label lists: build without sharing
        key, found = None, None
    if found is None:
        found = frozenset([g + ":" + lb for g, labels in tags.items() for lb in labels])
        if key is not None:
            if len(_LABEL_SETS) >= _LABEL_SETS_MAX:
                _LABEL_SETS.clear()
            _LABEL_SETS[key] = found
    if len(_BY_IDENTITY) >= _LABEL_SETS_MAX:
        _BY_IDENTITY.clear()
    _BY_IDENTITY[id(tags)] = (tags, found)  # holding `tags` keeps its id from being reused
    return found


def query_error(message: str, position: int) -> QueryError:
    """A QueryError that says, and carries, the 0-based column where the problem starts."""
    err = QueryError(f"{message} (at column {position + 1})")
    err.position = position  # type: ignore[attr-defined]
    return err


class Candidate:
    """One article as a query sees it: summary and effective review now, body and entities lazily.

    `body` and `entities` may be values or zero-argument callables; `entities` returns the
    mention texts of cached annotations, or None when the article has none cached.
    """

    __slots__ = (
        "summary",
        "review",
        "_reviewers",
        "_folded",
        "_body",
        "_entities",
        "_labels",
        "_labels_of",
    )

    def __init__(
        self,
        summary: ArticleSummary,
        review: Review | None = None,
        *,
        reviewers: Iterable[str] | None = None,
        body: str | Callable[[], str] | None = None,
        entities: Iterable[str] | Callable[[], Iterable[str] | None] | None = None,
    ) -> None:
        self.summary = summary
        self.review = review
        self._reviewers = reviewers
        self._folded: str | None = None
        self._body = body
        self._entities = entities
        self._labels: frozenset[str] = _NO_LABELS
        self._labels_of: object = _UNSET

    def reset(
        self, summary: ArticleSummary, review: Review | None, reviewers: Iterable[str] | None
    ) -> None:
        """Point this candidate at another article (no body): a bulk filter reuses one."""
        self.summary = summary
        self.review = review
        self._reviewers = reviewers
        self._folded = None
        self._body = None
        self._entities = None

    @property
    def labels(self) -> frozenset[str]:
        """The review's tags as "group:label" strings, built once per review.

        One set lookup per article is what keeps a tag filter over 100,000 articles in the
        tens of milliseconds; walking review -> tags -> tuple touches three cold objects.
        """
        review = self.review
        if self._labels_of is not review:
            self._labels = _NO_LABELS if review is None else label_set(review.tags)
            self._labels_of = review
        return self._labels

    @property
    def folded(self) -> str:
        """Title and source, casefolded once, for free-text search."""
        if self._folded is None:
            self._folded = f"{self.summary.title}\n{self.summary.source}".casefold()
        return self._folded

    def reviewers(self) -> Iterable[str]:
        if self._reviewers is not None:
            return self._reviewers
        return (self.review.reviewer,) if self.review else ()

    def body(self) -> str:
        if callable(self._body):
            self._body = self._body()
        return self._body or ""

    def entity_texts(self) -> list[str] | None:
        if callable(self._entities):
            found = self._entities()
            self._entities = None if found is None else list(found)
            return self._entities
        return None if self._entities is None else list(self._entities)


@dataclass(frozen=True)
class Node:
    """A compiled piece of a query: its test, its cost rank, and what it needs to read."""

    test: Test
    cost: int = 0  # 0 summary/review, 1 reviews index, 2 body or annotations
    needs_body: bool = False


@dataclass(frozen=True)
class Token:
    kind: str  # LP, RP, NEG, OR, AND, NOT, TEXT, FIELD
    pos: int
    value: str = ""
    field: str = ""
    value_pos: int = 0
    quoted: bool = False


def text_node(value: str) -> Node:
    needle = value.casefold()
    return Node(lambda c: needle in c.folded)


def _word_regex(value: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(value.strip()) + r"(?!\w)", re.IGNORECASE)


def field_node(tok: Token, taxonomy: Taxonomy) -> Node:
    field, value = tok.field, tok.value
    if value == "" and not tok.quoted:
        raise query_error(f"'{field}:' needs a value", tok.pos)
    groups = {fold(g.name): g for g in taxonomy.groups}
    if fold(field) in groups:
        return _group_node(groups[fold(field)], value, tok)
    if field not in FIXED_FIELDS:
        valid = [*taxonomy.names, *FIXED_FIELDS]
        close = difflib.get_close_matches(field, valid, n=1)
        hint = f" Did you mean '{close[0]}'?" if close else ""
        raise query_error(
            f"Unknown field '{field}'.{hint} Fields: {', '.join(valid)}"
            " (quote text that contains ':')",
            tok.pos,
        )
    needle = value.casefold()
    if field == "status":
        return _status_node(needle, tok)
    if field == "source":
        return Node(lambda c: needle in c.summary.source.casefold())
    if field == "title":
        return Node(lambda c: needle in c.summary.title.casefold())
    if field == "note":
        return Node(lambda c: c.review is not None and needle in c.review.note.casefold())
    if field == "id":
        return Node(lambda c: c.summary.id.casefold().startswith(needle))
    if field == "reviewer":
        return Node(lambda c: any(r.casefold() == needle for r in c.reviewers()), cost=1)
    if field == "body":
        return Node(lambda c: needle in c.body().casefold(), cost=2, needs_body=True)
    if field == "entity":
        return _entity_node(value)
    return _date_node(value, tok)


def _group_node(group: Any, value: str, tok: Token) -> Node:
    name = group.name
    try:
        label = group.resolve(value).name
    except ValidationError:
        special = value.casefold()
        if special == "none":
            return Node(lambda c: c.review is None or not c.review.tags.get(name))
        if special == "any":
            return Node(lambda c: c.review is not None and bool(c.review.tags.get(name)))
        labels = ", ".join(lb.name for lb in group.labels)
        raise query_error(
            f"'{value}' is not a {name} label. Labels: {labels} (or none, any)", tok.value_pos
        ) from None
    key = f"{name}:{label}"
    return Node(lambda c: key in c.labels)


def _status_node(value: str, tok: Token) -> Node:
    if value not in STATUS_VALUES:
        raise query_error(
            f"Unknown status '{tok.value}'. Statuses: {', '.join(STATUS_VALUES)}", tok.value_pos
        )
    if value == "reviewed":
        return Node(lambda c: c.review is not None and bool(c.review.reviewed_at))
    if value == "untagged":
        return Node(lambda c: c.review is None or c.review.status == "untagged")
    return Node(lambda c: c.review is not None and c.review.status == value)


def _entity_node(value: str) -> Node:
    pattern = _word_regex(value)

    def test(c: Candidate) -> bool:
        mentions = c.entity_texts()
        if mentions is None:
            return pattern.search(c.body()) is not None
        return any(pattern.search(m) for m in mentions)

    return Node(test, cost=2, needs_body=True)


def _check_date(value: str, tok: Token) -> str:
    if not _DATE_RE.match(value):
        raise query_error(
            f"'{value}' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD", tok.value_pos
        )
    return value


def date_test(op: str, bound: str) -> Callable[[str], bool]:
    """Compare an article date with a YYYY[-MM[-DD]] bound at the bound's own precision."""
    n = len(bound)
    ops: dict[str, Callable[[str], bool]] = {
        "=": lambda d: d[:n] == bound,
        ">=": lambda d: d[:n] >= bound,
        "<=": lambda d: d[:n] <= bound,
        ">": lambda d: d[:n] > bound,
        "<": lambda d: d[:n] < bound,
    }
    compare = ops[op]
    # Undated or free-text dates never pass a date filter.
    return lambda d: bool(_DATE_RE.match(d[:n])) and compare(d)


def _date_node(value: str, tok: Token) -> Node:
    if ".." in value:
        low, _, high = value.partition("..")
        tests = []
        if low:
            tests.append(date_test(">=", _check_date(low, tok)))
        if high:
            tests.append(date_test("<=", _check_date(high, tok)))
        if not tests:
            raise query_error("A date range needs at least one end: date:2025-01..2025-03", tok.pos)
        return Node(lambda c: all(t(c.summary.date) for t in tests))
    m = re.match(r"^(>=|<=|>|<|=)?(.*)$", value)
    op, bound = (m.group(1) or "="), m.group(2)
    check = date_test(op, _check_date(bound, tok))
    return Node(lambda c: check(c.summary.date))
