"""Messages that flow up from widgets, screens and workers to the app, which owns state."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from tagger.models import Span


@dataclass
class ReviewChanged(Message):
    """A review was saved (or undone); views showing this article refresh their tags."""

    article_id: str


@dataclass
class ArticleOpened(Message):
    """The reading view now shows this article; it becomes the app's current article."""

    article_id: str


@dataclass
class AnnotationsReady(Message):
    """A worker finished analysing an article's text."""

    article_id: str
    text_hash: str
    spans: list[Span]


@dataclass
class QueueChanged(Message):
    """The list's filter (the current queue) changed; `query` is its text."""

    query: str
