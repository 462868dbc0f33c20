"""Sample articles and reviews that exercise every hard case of the exporters: Unicode,
newlines, quotes, formula-like cells, an unreviewed article, several reviewers and spans."""

from __future__ import annotations

from tagger.models import Article, Review, Span

KYIV = Article(
    id="a1b2c3d4e5f60718",
    title="Drones over Kyiv — «again», naïve 🇺🇦",
    body='Drones hit Kyiv on Monday, officials said.\n"We are ready," Zelensky said; 3 people died.',
    source="BBC News",
    date="2025-03-14",
    url="https://example.org/news/kyiv?a=1&b=2",
    author="Olena Ковальчук",
    raw="",
    boilerplate_at=None,
    origin="samples/kyiv.txt",
    imported_at="2025-03-15T10:00:00.000000Z",
)
FORMULA = Article(
    id="f0f1f2f3f4f5f6f7",
    title='=HYPERLINK("http://evil.example","click")',
    body="\tTabbed first line\r\n-5 degrees and @mentions",
    source="+44 Daily",
    date="-",
    url="",
    author="@someone",
    raw="<p>raw html</p>",
    boilerplate_at=10,
    origin="samples/formula.json",
    imported_at="2025-03-15T10:00:01.000000Z",
)
PLAIN = Article(
    id="0000aaaa1111bbbb",
    title="Budget vote delayed",
    body="Parliament delayed the budget vote.",
    source="Reuters",
    date="",
    origin="samples/plain.md",
    imported_at="2025-03-15T10:00:02.000000Z",
)
ARTICLES = [KYIV, FORMULA, PLAIN]

ALICE_KYIV = Review(
    article_id=KYIV.id,
    reviewer="alice",
    tags={
        "topic": ("conflict", "politics"),
        "region": ("eastern-europe",),
        "sentiment": ("negative",),
    },
    status="tagged",
    note="Casualty figure; check",
    created_at="2025-03-16T09:00:00.000000Z",
    updated_at="2025-03-16T09:05:00.000000Z",
    reviewed_at="2025-03-16T09:05:00.000000Z",
)
BOB_KYIV = Review(
    article_id=KYIV.id,
    reviewer="bob",
    tags={"topic": ("conflict",), "region": ("eastern-europe",), "sentiment": ("neutral",)},
    status="unsure",
    unsure=("sentiment",),
    created_at="2025-03-17T08:00:00.000000Z",
    updated_at="2025-03-17T08:00:00.000000Z",
)
BOB_FORMULA = Review(
    article_id=FORMULA.id,
    reviewer="bob",
    tags={"topic": ("sport",)},
    status="flagged",
    note="=cmd|' /C calc'!A0",
    created_at="2025-03-16T10:00:00.000000Z",
    updated_at="2025-03-16T10:00:00.000000Z",
)
REVIEWS = [ALICE_KYIV, BOB_KYIV, BOB_FORMULA]

SPANS = {
    KYIV.id: [
        Span(11, 15, "GPE"),
        Span(19, 25, "DATE"),
        Span(59, 67, "PERSON"),
        Span(74, 75, "CARDINAL"),
    ],
    FORMULA.id: [Span(20, 22, "CARDINAL")],
    PLAIN.id: [Span(0, 10, "ORGANIZATION")],
}
