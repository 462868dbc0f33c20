"""Unit tests of the pure highlighting layer: styles, toggles, sanitising, folding, grouping."""

from __future__ import annotations

from rich.style import Style

from tagger.models import ENTITY_LABELS, NUMBER_LABELS, PLACE_LABELS, Span
from tagger.ui.highlight import (
    LABELS,
    Options,
    attributes,
    boilerplate_lines,
    build_text,
    label_styles,
    reachable,
)
from tagger.ui.sanitize import PLACEHOLDER, clean, clean_line
from tagger.ui.widgets.article_view import wrap_starts
from tagger.ui.widgets.entity_panel import group_entities
from tagger.ui.widgets.legend import legend_text

BODY = "Moi met Kenya Airways in Nairobi on 4 May; 12% of Kenyans agreed."
SPANS = [
    Span(0, 3, "PERSON"),
    Span(8, 21, "ORGANIZATION"),
    Span(25, 32, "GPE"),
    Span(36, 41, "DATE"),
    Span(43, 46, "PERCENT"),
    Span(50, 57, "NORP"),
]


def style_at(text, offset: int) -> Style:
    return Style.combine([Style()] + [s.style for s in text.spans if s.start <= offset < s.end])


def styles_of(text, start: int, end: int) -> list[Style]:
    return [s.style for s in text.spans if s.start <= start and s.end >= end]


def test_each_label_gets_its_attributes_and_theme_colour():
    colours = {"PERSON": Style(color="red"), "PERCENT": Style(color="blue")}
    text = build_text(BODY, SPANS, label_styles(colours))
    assert text.plain == BODY
    person = Style.combine(styles_of(text, 0, 3))
    assert person.bold and person.underline and person.color.name == "red"
    percent = Style.combine(styles_of(text, 43, 46))
    assert percent.italic and not percent.underline and percent.color.name == "blue"
    # Unstyled text between mentions carries no style at all.
    assert styles_of(text, 3, 8) == []


def test_entities_and_numbers_differ_without_colour():
    entity_styles = {attributes(label) for label in ENTITY_LABELS}
    number_styles = {attributes(label) for label in NUMBER_LABELS}
    assert all(s.underline for s in entity_styles)
    assert not any(s.underline for s in number_styles)
    assert entity_styles.isdisjoint(number_styles)
    assert all(s.color is None and s.bgcolor is None for s in entity_styles | number_styles)


def test_people_places_and_organisations_differ_without_colour():
    person, org, norp = attributes("PERSON"), attributes("ORGANIZATION"), attributes("NORP")
    places = {attributes(label) for label in PLACE_LABELS}
    assert len({person, org, norp} | places) == 4
    assert person not in places and org not in places and norp not in places


def test_toggling_kinds_and_labels_removes_their_styles():
    styles = label_styles()
    no_entities = build_text(BODY, SPANS, styles, Options(entities=False))
    assert styles_of(no_entities, 0, 3) == []
    assert styles_of(no_entities, 43, 46) != []
    no_numbers = build_text(BODY, SPANS, styles, Options(numbers=False))
    assert styles_of(no_numbers, 43, 46) == [] and styles_of(no_numbers, 36, 41) == []
    assert styles_of(no_numbers, 0, 3) != []
    no_gpe = build_text(BODY, SPANS, styles, Options(hidden_labels=frozenset({"GPE"})))
    assert styles_of(no_gpe, 25, 32) == [] and styles_of(no_gpe, 0, 3) != []


def test_control_characters_are_replaced_one_for_one():
    raw = "a\x1b[31mb\x07c\x9bd\u202ee\x00f\ud800g\th\ri\nj\x7fk\u2028l"
    cleaned = clean(raw)
    assert len(cleaned) == len(raw)
    for bad in ("\x1b", "\x07", "\x9b", "\u202e", "\x00", "\ud800", "\t", "\r", "\x7f", "\u2028"):
        assert bad not in cleaned
    assert "\n" in cleaned and cleaned.count(PLACEHOLDER) == 8
    assert clean_line("one\ntwo") == "one two"
    assert clean("") == ""


def test_offsets_stay_valid_when_control_characters_precede_a_span():
    body = "\x1b]52;c;ZXZpbA==\x07\x1b[2J Nairobi is \x1b[31mbig\x1b[0m."
    start = body.index("Nairobi")
    text = build_text(body, [Span(start, start + 7, "GPE")], label_styles())
    assert len(text.plain) == len(body)
    assert text.plain[start : start + 7] == "Nairobi"
    assert styles_of(text, start, start + 7) and "\x1b" not in text.plain
    assert "\x07" not in text.plain


def test_markup_in_the_body_is_plain_text():
    body = "[bold red]x[/] [link=https://x]y[/link] [@click=app.quit]z[/]"
    text = build_text(body, [], label_styles())
    assert text.plain == body and text.spans == []


BOILER_BODY = "Main story about Nairobi.\n\nRelated topics\n\nSubscribe now\nWatch: Kenya video"
BOILER_AT = BOILER_BODY.index("Related")
BOILER_SPANS = [Span(17, 24, "GPE"), Span(BOILER_BODY.index("Kenya"), BOILER_BODY.index("Kenya") + 5, "GPE")]


def test_boilerplate_is_folded_with_a_notice_by_default():
    text = build_text(
        BOILER_BODY, BOILER_SPANS, label_styles(), boilerplate_at=BOILER_AT, fold_notice="3 folded"
    )
    assert text.plain == "Main story about Nairobi.\n\n3 folded"
    assert boilerplate_lines(BOILER_BODY, BOILER_AT) == 3
    assert reachable(BOILER_SPANS, len("Main story about Nairobi.")) == BOILER_SPANS[:1]


def test_unfolded_boilerplate_is_dimmed_and_keeps_its_highlights():
    text = build_text(
        BOILER_BODY,
        BOILER_SPANS,
        label_styles(),
        Options(fold_boilerplate=False),
        boilerplate_at=BOILER_AT,
        fold_notice="3 folded",
    )
    assert text.plain == BOILER_BODY
    assert Style.combine(styles_of(text, BOILER_AT, len(BOILER_BODY))).dim
    assert not any(style_at(text, i).dim for i in range(BOILER_AT))
    kenya = BOILER_SPANS[1]
    assert Style.combine(styles_of(text, kenya.start, kenya.end)).underline


def test_without_boilerplate_nothing_is_folded_or_dimmed():
    text = build_text(BOILER_BODY, [], label_styles(), fold_notice="never shown")
    assert text.plain == BOILER_BODY and text.spans == []
    assert boilerplate_lines(BOILER_BODY, None) == 0


def test_wrap_starts_cover_the_text_and_fit_the_width():
    text = "A fairly long first paragraph that must wrap.\n\nshort\n" + "x" * 25
    starts = wrap_starts(text, 10)
    assert starts[0] == 0 and starts == sorted(starts)
    pieces = [text[a:b] for a, b in zip(starts, starts[1:] + [len(text)], strict=True)]
    assert "".join(pieces) == text
    assert all(len(p.rstrip("\n").rstrip()) <= 10 for p in pieces)
    assert text[starts[-1] :] == "x" * 5


def test_group_entities_merges_case_and_counts_mentions():
    body = "Kenya and KENYA and Moi and kenya  airways and Kenya Airways; 5 of them."
    spans = [
        Span(0, 5, "GPE"),
        Span(10, 15, "GPE"),
        Span(20, 23, "PERSON"),
        Span(28, 42, "ORGANIZATION"),
        Span(47, 60, "ORGANIZATION"),
        Span(62, 63, "CARDINAL"),
    ]
    groups = group_entities(body, spans)
    assert list(groups) == ["PERSON", "ORGANIZATION", "GPE"]
    (kenya,) = groups["GPE"]
    assert kenya.name == "Kenya" and kenya.mentions == (spans[0], spans[1])
    (airways,) = groups["ORGANIZATION"]
    assert len(airways.mentions) == 2
    assert groups["PERSON"][0].name == "Moi"


def test_legend_names_present_labels_with_counts_and_marks_hidden_kinds():
    styles = label_styles()
    text = legend_text({"PERSON": 2, "MONEY": 1}, styles, Options(numbers=False), pending=False)
    assert text.plain == "entities: person 2 │ numbers (off): money 1"
    person_at = text.plain.index("person")
    assert style_at(text, person_at).underline
    money_at = text.plain.index("money")
    assert style_at(text, money_at).dim
    pending = legend_text({}, styles, Options(), pending=True)
    assert pending.plain == "entities: … │ numbers: …"


def test_every_label_has_a_component_class_style():
    assert set(label_styles()) == set(LABELS)
