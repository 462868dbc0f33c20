"""Turn an article body and its spans into a styled rich Text, without any widget code.

Kept pure so it can be tested alone and so the reading view builds the Text once per article
and toggle state instead of per key. The text is sanitised here and only ever stylised by
offsets, never parsed as markup, so an article cannot inject styles, links or actions.
Each label's attributes (bold, underline, italic, dim) are fixed in this module so kinds stay
distinguishable without colour; colours come from the theme through the caller's styles.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from rich.style import Style
from rich.text import Span as RichSpan
from rich.text import Text

from tagger.models import ENTITY_LABELS, NUMBER_LABELS, PLACE_LABELS, Span
from tagger.ui.sanitize import clean

LABELS = ENTITY_LABELS + NUMBER_LABELS

# Entities are underlined, numbers are italic and never underlined: the kind survives
# NO_COLOR and 16-colour terminals. Within entities, people are bold, places italic,
# groups of people (NORP) dim; within numbers, money and percentages are bold.
_ATTRIBUTES: dict[str, Style] = {
    "PERSON": Style(bold=True, underline=True),
    "ORGANIZATION": Style(underline=True),
    "NORP": Style(underline=True, dim=True),
    **{label: Style(underline=True, italic=True) for label in PLACE_LABELS},
    "MONEY": Style(italic=True, bold=True),
    "PERCENT": Style(italic=True, bold=True),
    **{
        label: Style(italic=True)
        for label in NUMBER_LABELS
        if label not in ("MONEY", "PERCENT")
    },
}
CURSOR_STYLE = Style(reverse=True, bold=True)
BOILERPLATE_STYLE = Style(dim=True)


def component_class(label: str) -> str:
    """The widget component class that carries a label's theme colour, e.g. `hl--person`."""
    return "hl--" + label.lower()


def attributes(label: str) -> Style:
    """The colour-free attributes of a label; unknown labels get a plain underline."""
    return _ATTRIBUTES.get(label, Style(underline=True))


def label_styles(colours: Mapping[str, Style] | None = None) -> dict[str, Style]:
    """Each label's full style: its fixed attributes plus the theme colour given for it."""
    colours = colours or {}
    return {label: attributes(label) + colours.get(label, Style()) for label in LABELS}


@dataclass(frozen=True, slots=True)
class Options:
    """What to highlight: kinds and labels shown, and whether boilerplate is folded."""

    entities: bool = True
    numbers: bool = True
    hidden_labels: frozenset[str] = field(default_factory=frozenset)
    fold_boilerplate: bool = True

    def shows(self, span: Span) -> bool:
        if span.label in self.hidden_labels:
            return False
        return self.entities if span.kind == "entity" else self.numbers


def shown_length(body: str, boilerplate_at: int | None, fold: bool) -> int:
    """How much of `body` is drawn: everything, or the main text when boilerplate is folded."""
    if boilerplate_at is None or not fold or boilerplate_at >= len(body):
        return len(body)
    return len(body[: max(boilerplate_at, 0)].rstrip())


def boilerplate_lines(body: str, boilerplate_at: int | None) -> int:
    """Non-blank lines of trailing boilerplate, for the "N lines folded" notice."""
    if boilerplate_at is None or boilerplate_at >= len(body):
        return 0
    return sum(1 for line in body[max(boilerplate_at, 0) :].splitlines() if line.strip())


def reachable(spans: Iterable[Span], limit: int) -> list[Span]:
    """Spans that lie wholly inside the first `limit` characters, sorted by position."""
    return sorted((s for s in spans if 0 <= s.start < s.end <= limit), key=_position)


def _position(span: Span) -> tuple[int, int]:
    return (span.start, span.end)


def counts(spans: Iterable[Span]) -> Counter[str]:
    """Mentions per label."""
    return Counter(s.label for s in spans)


def layout(
    body: str,
    spans: Iterable[Span],
    styles: Mapping[str, Style],
    options: Options = Options(),
    *,
    boilerplate_at: int | None = None,
    boilerplate_style: Style = BOILERPLATE_STYLE,
    fold_notice: str = "",
    fold_style: Style = BOILERPLATE_STYLE,
) -> tuple[str, list[RichSpan]]:
    """The characters to draw and their styled ranges; offsets equal offsets in `body`.

    When boilerplate is folded the text ends at the main text and `fold_notice` (if any)
    follows on its own paragraph; otherwise the boilerplate is drawn with `boilerplate_style`.
    Style ranges come in drawing order: later ones win where they overlap.
    """
    limit = shown_length(body, boilerplate_at, options.fold_boilerplate)
    plain = clean(body[:limit])
    styled: list[RichSpan] = []
    folded = limit < len(body) and options.fold_boilerplate and boilerplate_at is not None
    if boilerplate_at is not None and not folded and 0 <= boilerplate_at < len(body):
        styled.append(RichSpan(boilerplate_at, len(body), boilerplate_style))
    for span in reachable(spans, limit):
        if options.shows(span):
            style = styles.get(span.label) or attributes(span.label)
            styled.append(RichSpan(span.start, span.end, style))
    if folded and fold_notice:
        notice = clean(fold_notice)
        plain += "\n\n" + notice
        styled.append(RichSpan(len(plain) - len(notice), len(plain), fold_style))
    return plain, styled


def build_text(
    body: str,
    spans: Iterable[Span],
    styles: Mapping[str, Style],
    options: Options = Options(),
    **layout_options: Any,
) -> Text:
    """`layout` as one rich Text (for tests and small texts; the reading view draws by line)."""
    plain, styled = layout(body, spans, styles, options, **layout_options)
    text = Text(plain, end="")
    text.spans = styled
    return text
