"""Tag pickers: key letters, arrows and enter, multi-choice toggles, unsure and clear."""

from __future__ import annotations

import pytest

from tagger.ui.dialogs.picker import TagPicker
from tagger.ui.screens.list_screen import ListScreen
from tests.ui.fakes import ME, fixed_store_path
from tests.ui.fakes import build_app as build
from tests.ui.fakes import own_tags as tags


@pytest.fixture
def store_path(tmp_path):
    return fixed_store_path(tmp_path)


def picker_text(app) -> str:
    return "\n".join(s.text for s in app.screen._compositor.render_strips())


async def test_picker_shows_every_label_with_its_key_letter(store_path):
    app = build(store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        text = picker_text(app)
        for label in app.taxonomy.group("region").labels:
            assert f"{label.key}  {label.title}" in text
        assert "! unsure" in text and "toggle" in text


async def test_single_choice_arrows_and_enter(store_path):
    app = build(store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        aid = app.current_article_id
        await pilot.press("e", "down", "down", "enter")  # negative -> neutral -> positive
        assert isinstance(app.screen, ListScreen)
        assert tags(app, aid) == {"sentiment": ("positive",)}


async def test_single_choice_escape_changes_nothing(store_path):
    app = build(store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        aid = app.current_article_id
        await pilot.press("e", "down", "escape")
        assert isinstance(app.screen, ListScreen)
        assert app.store.get_review(aid, ME) is None


async def test_multi_choice_toggles_with_letters_and_space(store_path):
    app = build(store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        aid = app.current_article_id
        await pilot.press("t", "p", "h")
        assert tags(app, aid) == {"topic": ("politics", "health")}
        await pilot.press("down", "space")  # a letter moves the highlight to its label
        assert isinstance(app.screen, TagPicker)
        assert tags(app, aid) == {"topic": ("politics", "health", "science")}
        await pilot.press("p")  # toggles politics off again
        assert tags(app, aid) == {"topic": ("health", "science")}
        await pilot.press("enter")
        assert isinstance(app.screen, ListScreen)


async def test_unknown_letter_warns_and_saves_nothing(store_path):
    app = build(store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        aid = app.current_article_id
        await pilot.press("e", "z")
        assert isinstance(app.screen, TagPicker)
        assert app.store.get_review(aid, ME) is None
        assert any("key 'z'" in n.message for n in app._notifications)


async def test_unsure_key_marks_the_group_and_status(store_path):
    app = build(store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        aid = app.current_article_id
        await pilot.press("r", "exclamation_mark")
        review = app.store.get_review(aid, ME)
        assert review.unsure == ("region",) and review.status == "unsure"
        assert "[x] !  unsure" in picker_text(app)
        await pilot.press("exclamation_mark", "escape")
        assert app.store.get_review(aid, ME).unsure == ()


async def test_backspace_clears_the_group(store_path):
    app = build(store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        aid = app.current_article_id
        await pilot.press("t", "p", "c", "backspace")
        assert tags(app, aid) == {}
        assert app.screen.state.labels == ()


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_picker_fits_the_terminal(store_path, size):
    app = build(store_path)
    async with app.run_test(size=size) as pilot:
        await pilot.press("r")
        text = picker_text(app)
        assert "Oceania" in text and "Global" in text and "enter/esc done" in text
