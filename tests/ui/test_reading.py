"""Pilot tests of the reading screen: highlights after the worker, keys, panel, fold, tags."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest
from rich.style import Style

from tagger.models import Span
from tagger.ui.messages import AnnotationsReady, ReviewChanged
from tagger.ui.screens.reading import READING_BINDINGS, ReadingScreen
from tagger.ui.widgets.article_view import ArticleView
from tagger.ui.widgets.entity_panel import EntityPanel
from tagger.ui.widgets.tag_bar import TagBar
from tests.ui.reading_support import (
    MAIN,
    PhraseAnalyzer,
    ReadingHost,
    long_article,
    sample_article,
    screen_text,
)


async def settle(app, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


def span_style(view: ArticleView, span: Span) -> Style:
    return Style.combine(
        [Style()] + [s.style for s in view.text.spans if s.start <= span.start and s.end >= span.end]
    )


async def test_body_shows_at_once_and_highlights_arrive_from_the_worker(tmp_path):
    gate = threading.Event()
    article = sample_article()
    app = ReadingHost(tmp_path / "store", [article], PhraseAnalyzer(gate))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        text = screen_text(app)
        assert "Kenya Airways strike strands passengers" in text
        assert "NAIROBI, Kenya" in text and "Analysing" in text
        assert screen.view.spans == [] and screen.highlights_pending
        # Keys are handled while the analyzer is still busy.
        await pilot.press("right_square_bracket")
        assert "No more entities below" in screen_text(app)
        gate.set()
        await settle(app, pilot)
        assert not screen.highlights_pending
        labels = {s.label for s in screen.view.spans}
        assert {"PERSON", "GPE", "ORGANIZATION", "MONEY", "PERCENT"} <= labels
        kenya = next(s for s in screen.view.spans if article.body[s.start : s.end] == "Kenya Airways")
        assert span_style(screen.view, kenya).underline
        assert app.current_article_id == article.id


async def test_annotations_are_cached_in_the_store(tmp_path):
    article = sample_article()
    analyzer = PhraseAnalyzer()
    app = ReadingHost(tmp_path / "store", [article], analyzer)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert analyzer.calls == 1
        app.screen.show_article(article.id)
        await settle(app, pilot)
        assert analyzer.calls == 1
        assert app.screen.view.spans


async def test_stale_annotations_for_another_article_are_ignored(tmp_path):
    first, second = sample_article(), long_article()
    app = ReadingHost(tmp_path / "store", [first, second])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        screen.show_article(second.id)
        screen.post_message(AnnotationsReady(first.id, first.text_hash, [Span(0, 7, "GPE")]))
        await settle(app, pilot)
        assert all(second.body[s.start : s.end] for s in screen.view.spans)
        assert Span(0, 7, "GPE") not in screen.view.spans
        assert app.opened == [first.id, second.id]


async def test_toggles_remove_and_restore_highlights(tmp_path):
    app = ReadingHost(tmp_path / "store", [sample_article()])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        view = app.screen.view
        person = next(s for s in view.spans if s.label == "PERSON")
        money = next(s for s in view.spans if s.label == "MONEY")
        await pilot.press("1")
        assert not span_style(view, person).underline and span_style(view, money).italic
        assert "entities (off)" in screen_text(app)
        await pilot.press("2")
        assert not span_style(view, money).italic
        await pilot.press("1", "2")
        assert span_style(view, person).underline and span_style(view, money).italic


async def test_next_and_previous_entity_move_the_cursor_and_scroll(tmp_path):
    article = long_article()
    app = ReadingHost(tmp_path / "store", [article])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        view = app.screen.view
        entities = [s for s in view.spans if s.kind == "entity"]
        assert len(entities) == 8
        for _ in entities:
            await pilot.press("right_square_bracket")
        assert view.cursor == entities[-1]
        assert view.scroll_offset.y > 0
        line = view.line_of(view.cursor.start)
        assert view.scroll_offset.y <= line < view.scroll_offset.y + view.size.height
        assert "Kenya Airways" in screen_text(app)
        await pilot.press("right_square_bracket")
        assert view.cursor == entities[-1]
        assert "No more entities below" in screen_text(app)
        await pilot.press("left_square_bracket")
        assert view.cursor == entities[-2]
        numbers = [s for s in view.spans if s.kind == "number"]
        await pilot.press("full_stop")
        assert view.cursor in numbers and view.cursor.start > entities[-2].start
        await pilot.press("comma", "comma")
        assert view.cursor in numbers and view.cursor.start < entities[-2].start


async def test_cursor_mention_is_drawn_in_reverse(tmp_path):
    app = ReadingHost(tmp_path / "store", [sample_article()])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("right_square_bracket")
        view = app.screen.view
        strip = view.render_line(view.line_of(view.cursor.start) - int(view.scroll_offset.y))
        reversed_text = "".join(seg.text for seg in strip if seg.style and seg.style.reverse)
        assert reversed_text == "Kenya"
        assert "Kenya · GPE · entity 1 of" in screen_text(app)


async def test_entity_panel_groups_counts_and_steps_through_mentions(tmp_path):
    article = sample_article()
    app = ReadingHost(tmp_path / "store", [article])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        panel = screen.query_one(EntityPanel)
        assert panel.display  # wide screens show it beside the text
        names = {(e.label, e.name): len(e.mentions) for e in panel.entities}
        assert names[("GPE", "Kenya")] == 3
        assert names[("ORGANIZATION", "Kenya Airways")] == 1
        assert names[("PERSON", "Moi")] == 1
        text = screen_text(app)
        assert "GPE 4 mentions" in text and "Kenya ×3" in text
        await pilot.press("l")
        assert panel.has_focus
        kenya_index = next(
            i for i in range(panel.option_count) if panel.get_option_at_index(i).id
            and panel.entities[int(panel.get_option_at_index(i).id[7:])].name == "Kenya"
        )
        panel.highlighted = kenya_index
        mentions = [s for s in screen.view.spans if article.body[s.start : s.end] == "Kenya"]
        for expected in mentions + mentions[:1]:
            await pilot.press("enter")
            assert screen.view.cursor == expected
        assert "mention 1 of 3" in screen_text(app)
        await pilot.press("left_square_bracket")  # with the list focused: that entity's mentions
        assert screen.view.cursor == mentions[-1]
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert screen.view.cursor == mentions[1]
        await pilot.press("l")
        assert screen.view.has_focus


async def test_entity_panel_is_hidden_at_80_columns_until_asked_for(tmp_path):
    app = ReadingHost(tmp_path / "store", [sample_article()])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        panel = app.screen.query_one(EntityPanel)
        assert panel.region.width == 0
        await pilot.press("l")
        await pilot.pause()
        assert panel.region.width > 0 and panel.has_focus
        await pilot.press("l")
        await pilot.pause()
        assert panel.region.width == 0


async def test_boilerplate_folds_by_default_and_unfolds_with_b(tmp_path):
    article = sample_article()
    app = ReadingHost(tmp_path / "store", [article])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        view = app.screen.view
        assert "Subscribe" not in view.text.plain
        assert "3 lines of boilerplate folded, press b to show it" in view.text.plain
        assert all(s.end <= len(MAIN) for s in view.spans)
        await pilot.press("b")
        assert "Subscribe to our newsletter" in view.text.plain
        assert "folded" not in view.text.plain
        boiler = [s for s in view.text.spans if s.start == article.boilerplate_at]
        assert boiler and boiler[0].style.dim
        assert any(s.start >= article.boilerplate_at for s in view.spans)
        await pilot.press("b")
        assert "Subscribe" not in view.text.plain


async def test_article_without_boilerplate_says_so_on_b(tmp_path):
    app = ReadingHost(tmp_path / "store", [replace(sample_article(), boilerplate_at=None)])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("b")
        assert "no boilerplate" in screen_text(app)
        assert "Subscribe to our newsletter" in app.screen.view.text.plain


async def test_tags_are_visible_and_follow_review_changes(tmp_path):
    article = sample_article()
    app = ReadingHost(tmp_path / "store", [article])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert "Topic — │ Region — │ Sentiment — │ untagged" in screen_text(app)
        app.store.set_tags(article.id, "tester", "topic", ["economy", "business"])
        app.screen.post_message(ReviewChanged(article.id))
        await pilot.pause()
        assert "Topic economy, business │ Region — │ Sentiment — │ tagged" in screen_text(app)
        app.store.set_unsure(article.id, "tester", "region", True)
        app.screen.refresh_tags()
        await pilot.pause()
        assert "Region ? —" in screen_text(app) and "│ unsure" in screen_text(app)
        assert isinstance(app.screen.query_one(TagBar), TagBar)


async def test_tags_of_another_reviewer_are_shown_with_their_name(tmp_path):
    article = sample_article()
    app = ReadingHost(tmp_path / "store", [article])
    async with app.run_test(size=(80, 24)) as pilot:
        app.store.set_tags(article.id, "alice", "sentiment", ["negative"])
        app.store.set_note(article.id, "alice", "check the figures")
        app.screen.post_message(ReviewChanged(article.id))
        await settle(app, pilot)
        assert "Sentiment negative │ tagged by alice │ note" in screen_text(app)
        app.screen.post_message(ReviewChanged("another-article"))
        await pilot.pause()
        assert "by alice" in screen_text(app)


async def test_show_article_switches_and_reports_unknown_ids(tmp_path):
    first, second = sample_article(), long_article()
    app = ReadingHost(tmp_path / "store", [first, second])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.screen.show_article(second.id)
        await settle(app, pilot)
        assert app.current_article_id == second.id and "Paragraph 0:" in screen_text(app)
        app.screen.show_article("missing")
        await pilot.pause()
        assert app.screen.article_id == second.id


async def test_analyzer_failure_leaves_the_article_readable(tmp_path):
    class Broken(PhraseAnalyzer):
        def analyze(self, text):
            raise RuntimeError("model files missing")

    app = ReadingHost(tmp_path / "store", [sample_article()], Broken())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        text = screen_text(app)
        assert "Highlights unavailable: model files missing" in text
        assert "NAIROBI, Kenya" in text and app.is_running


def test_reading_bindings_have_ids_and_avoid_the_apps_keys():
    app_keys = set("t r e a s f u m n p q j k".split()) | {
        "question_mark", "slash", "space", "escape", "enter", "ctrl+r",
    }
    ids = [bid for bid, *_ in READING_BINDINGS]
    assert len(ids) == len(set(ids)) and all(bid.startswith("read.") for bid in ids)
    keys = [k for _, ks, _, _ in READING_BINDINGS for k in ks.split(",")]
    assert len(keys) == len(set(keys)) and not set(keys) & app_keys
    assert {b.id for b in ReadingScreen.BINDINGS} == set(ids)


async def test_under_no_color_highlights_use_attributes_only(tmp_path):
    app = ReadingHost(tmp_path / "store", [sample_article()])  # conftest sets NO_COLOR
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert app.no_color
        styles = [span.style for span in app.screen.view.text.spans]
        assert styles and all(s.color is None and s.bgcolor is None for s in styles)


async def test_switching_theme_recolours_highlights_and_legend(tmp_path, monkeypatch):
    monkeypatch.delenv("NO_COLOR")
    app = ReadingHost(tmp_path / "store", [sample_article()])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        view = app.screen.view
        person = next(s for s in view.spans if s.label == "PERSON")
        before = span_style(view, person)
        legend_before = list(app.screen.query_one("Legend").render().spans)
        app.theme = "nord"
        await pilot.pause()
        after = span_style(view, person)
        assert after.color != before.color and after.bold and after.underline
        assert list(app.screen.query_one("Legend").render().spans) != legend_before


async def test_with_the_real_offline_analyzer(tmp_path):
    from tagger.nlp.base import get_analyzer

    article = sample_article()
    app = ReadingHost(tmp_path / "store", [article], get_analyzer("offline"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        view = app.screen.view
        found = {(article.body[s.start : s.end], s.label) for s in view.spans}
        assert ("Nairobi", "GPE") in found and ("Kenya Airways", "ORGANIZATION") in found
        assert all(s.end <= len(MAIN) for s in view.spans)  # the boilerplate is folded
        names = {e.name for e in app.screen.query_one(EntityPanel).entities}
        # "NAIROBI" in the dateline and "Nairobi" later are one entity, named as first written.
        assert {"NAIROBI", "Kenya Airways", "Daniel arap Moi"} <= names


async def test_hiding_one_label_and_showing_everything_again(tmp_path):
    app = ReadingHost(tmp_path / "store", [sample_article()])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        view = app.screen.view
        await pilot.press("x")
        assert "Move to a mention first" in screen_text(app)
        await pilot.press("right_square_bracket", "x")  # the first entity is GPE "Kenya"
        assert view.options.hidden_labels == {"GPE"}
        gpe = [s for s in view.spans if s.label == "GPE"]
        person = next(s for s in view.spans if s.label == "PERSON")
        assert not any(span_style(view, s).underline for s in gpe)
        assert span_style(view, person).underline
        assert "GPE hidden; 0 shows every highlight." in screen_text(app)
        await pilot.press("l", "down", "x")  # the panel's highlighted entity: a PERSON
        assert view.options.hidden_labels == {"GPE", "PERSON"}
        await pilot.press("l", "2", "0")
        assert view.options.hidden_labels == frozenset() and view.options.numbers
        assert all(span_style(view, s).underline for s in gpe)


async def test_show_article_before_mount_is_shown_once_mounted(tmp_path):
    first, second = sample_article(), long_article()
    app = ReadingHost(tmp_path / "store", [first, second])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen = ReadingScreen(first.id)
        screen.show_article(second.id)
        await app.push_screen(screen)
        await settle(app, pilot)
        assert app.screen is screen and screen.article.id == second.id
        assert "Paragraph 0:" in screen_text(app)


async def test_reading_keys_follow_the_keymap(tmp_path):
    class Remapped(ReadingHost):
        def on_mount(self) -> None:
            self.set_keymap({"read.next_entity": "g", "read.toggle_boilerplate": "z"})
            super().on_mount()

    app = Remapped(tmp_path / "store", [sample_article()])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        view = app.screen.view
        await pilot.press("right_square_bracket")
        assert view.cursor is None
        await pilot.press("g")
        assert view.cursor is not None and view.cursor.kind == "entity"
        assert "folded, press z to show it" in view.text.plain
        await pilot.press("z")
        assert "Subscribe to our newsletter" in view.text.plain


@pytest.mark.parametrize("width", [40, 80])
async def test_drawn_lines_carry_exactly_the_spans_styles_even_across_wraps(tmp_path, width):
    article = sample_article()
    app = ReadingHost(tmp_path / "store", [article])
    async with app.run_test(size=(width, 60)) as pilot:
        await settle(app, pilot)
        view = app.screen.view
        underlined: set[int] = set()
        for span in view.spans:
            if span.kind == "entity":
                underlined.update(range(span.start, span.end))
        crossing = [s for s in view.spans if view.line_of(s.start) != view.line_of(s.end - 1)]
        assert crossing  # some mention is wrapped onto two lines
        seen: set[int] = set()
        for index in range(len(view._line_starts)):
            offset = view._line_starts[index]
            for segment in view.render_line(index):
                for char in segment.text:
                    if segment.style and segment.style.underline and char != " ":
                        seen.add(offset)
                    offset += 1
        assert seen == {i for i in underlined if article.body[i] != " "}
