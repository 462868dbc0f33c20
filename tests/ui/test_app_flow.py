"""The whole review flow driven by keys, asserting on what the store holds afterwards."""

from __future__ import annotations

import pytest

from tagger.config import load_settings
from tagger.errors import StoreLockedError
from tagger.query import parse_query
from tagger.store import Store
from tagger.ui.app import create_app
from tagger.ui.dialogs.picker import TagPicker
from tagger.ui.screens.list_screen import ListScreen
from tests.ui.fakes import ME, StubAnalyzer, fixed_store_path
from tests.ui.fakes import build_app as build
from tests.ui.fakes import own_tags as tags


@pytest.fixture
def store_path(tmp_path):
    return fixed_store_path(tmp_path)


async def test_tag_with_keys_then_accept_advances(store_path):
    app = build(store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        first = app.model.ids[0]
        assert app.current_article_id == first
        await pilot.press("t", "c")
        assert isinstance(app.screen, TagPicker)
        # Saved at once, while the multi-choice picker is still open.
        assert tags(app, first) == {"topic": ("conflict",)}
        await pilot.press("e", "escape")
        assert tags(app, first) == {"topic": ("conflict", "economy")}
        await pilot.press("e", "n")  # sentiment is single-choice: the letter closes it
        assert isinstance(app.screen, ListScreen)
        assert tags(app, first)["sentiment"] == ("negative",)
        await pilot.press("a")
        review = app.store.get_review(first, ME)
        assert review.status == "tagged" and review.reviewed_at
        assert app.current_article_id == app.model.ids[1]
        assert app.screen.table.cursor == 1
        assert app.view_done == 1


async def test_undo_and_redo_follow_the_store_history(store_path):
    app = build(store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        aid = app.current_article_id
        await pilot.press("e", "p")
        await pilot.press("e", "n")
        assert tags(app, aid) == {"sentiment": ("negative",)}
        await pilot.press("u")
        assert tags(app, aid) == {"sentiment": ("positive",)}
        await pilot.press("u")
        assert tags(app, aid) == {}
        await pilot.press("ctrl+r")
        assert tags(app, aid) == {"sentiment": ("positive",)}
        assert app.model.labels(aid, "sentiment") == ("positive",)


async def test_filter_selects_and_reports_errors_at_their_column(store_path):
    app = build(store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash")
        await pilot.press(*"source:reuters", "enter")
        titles = [app.model.summaries[i].title for i in app.model.ids]
        assert titles == ["Central bank holds rates at 5%", "Pipeline talks resume in Astana"]
        assert app.current_article_id == app.model.ids[0]
        await pilot.press("slash", "ctrl+u")
        await pilot.press(*"topic:nonsense", "enter")
        error = str(app.screen.query_one("#filter-error").render())
        # The value starts at column 7; the caret sits under it.
        text_x = app.screen.query_one("#filter-input").content_region.x
        assert "column 7" in error and error.index("^") == text_x + 6
        assert len(app.model.ids) == 2  # the bad filter changed nothing
        await pilot.press("escape")
        # Tagging works on the filtered view's article.
        await pilot.press("e", "u")
        assert tags(app, app.model.ids[0]) == {"sentiment": ("neutral",)}


async def test_bulk_tag_is_one_undo_step(store_path):
    app = build(store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        a, b, c = app.model.ids[:3]
        await pilot.press("space", "space")  # marks a and b, moving down each time
        assert app.marks == {a, b}
        await pilot.press("r", "e", "w", "escape")
        assert tags(app, a) == tags(app, b) == {"region": ("eastern-europe", "western-europe")}
        assert tags(app, c) == {}
        await pilot.press("u")  # the last toggle (western-europe), on both
        assert tags(app, a) == tags(app, b) == {"region": ("eastern-europe",)}
        await pilot.press("u")
        assert tags(app, a) == tags(app, b) == {}
        await pilot.press("escape")
        assert not app.marks


async def test_mark_all_matching_the_filter_then_single_choice_bulk(store_path):
    app = build(store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"source:nation", "enter", "asterisk")
        assert len(app.marks) == 2
        await pilot.press("e", "n")
        for aid in app.marks:
            assert tags(app, aid) == {"sentiment": ("negative",)}
        others = [i for i in app.model.summaries if i not in app.marks]
        assert all(tags(app, i) == {} for i in others)


async def test_skip_flag_and_note(store_path):
    app = build(store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        first, second = app.model.ids[:2]
        await pilot.press("s")
        assert app.store.get_review(first, ME).status == "skipped"
        assert app.current_article_id == second
        await pilot.press("f")
        assert app.store.get_review(second, ME).status == "flagged"
        await pilot.press("m", *"check names", "enter")
        assert app.store.get_review(second, ME).note == "check names"


async def test_failed_save_shows_an_error_and_no_tag(store_path, monkeypatch):
    app = build(store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        aid = app.current_article_id

        def locked(*args, **kwargs):
            raise StoreLockedError("The store is busy (another tagger holds the lock).")

        monkeypatch.setattr(app.store, "set_tags", locked)
        await pilot.press("t", "c")
        picker = app.screen
        assert isinstance(picker, TagPicker) and picker.state.labels == ()
        assert any(n.severity == "error" for n in app._notifications)
        await pilot.press("escape")
        assert tags(app, aid) == {}
        assert app.model.labels(aid, "topic") == ()


async def test_quit_reopen_and_resume_queue_and_article(store_path):
    app = build(store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"source:reuters", "enter")
        await pilot.press("w", *"wire", "enter")
        await pilot.press("j")
        wanted = app.current_article_id
        await pilot.press("q")
    assert app.store.saved_filters() == {"wire": "source:reuters"}
    app.store.close()

    again = build(store_path)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.queue_name == "wire"
        assert again.query_text == "source:reuters"
        assert len(again.model.ids) == 2
        assert again.current_article_id == wanted
        assert again.screen.table.cursor == 1
    again.store.close()


async def test_open_reading_view_and_step_with_n_and_p(store_path):
    pytest.importorskip("tagger.ui.screens.reading")
    from tagger.ui.screens.reading import ReadingScreen

    app = build(store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        ids = app.model.ids
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        await pilot.press("n")
        await pilot.pause()
        assert app.current_article_id == ids[1]
        assert app.screen.article_id == ids[1]
        await pilot.press("e", "p")  # tagging keys act on the article being read
        assert tags(app, ids[1]) == {"sentiment": ("positive",)}
        await pilot.press("escape")
        assert isinstance(app.screen, ListScreen)
        assert app.screen.table.cursor == 1


async def test_sort_key_cycles_columns_and_reverses(store_path):
    app = build(store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("o")
        assert app.model.sort.column == "status"
        await pilot.press("o", "o", "o")
        assert app.model.sort.column == "date"
        dates = [app.model.summaries[i].date for i in app.model.ids]
        assert dates == sorted(dates)
        await pilot.press("i")
        dates = [app.model.summaries[i].date for i in app.model.ids]
        assert dates == sorted(dates, reverse=True)


async def test_first_run_offers_to_import_the_samples(tmp_path):
    settings = load_settings()
    store = Store.open(tmp_path / "empty", taxonomy=settings.taxonomy)
    app = create_app(store, settings, ME, analyzer=StubAnalyzer(), refresh_interval=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert store.article_count() >= 5
        assert len(app.model.ids) == store.article_count()
        assert app.current_article_id == app.model.ids[0]


async def test_other_reviewers_saves_appear_after_refresh(store_path):
    app = build(store_path, refresh_interval=0.1)
    async with app.run_test(size=(80, 24)) as pilot:
        aid = app.model.ids[3]
        other = Store.open(store_path, taxonomy=app.taxonomy)
        other.set_tags(aid, "someone-else", "topic", ["health"])
        other.close()
        for _ in range(30):
            await pilot.pause(0.1)
            if app.model.labels(aid, "topic") == ("health",):
                break
        assert app.model.labels(aid, "topic") == ("health",)


async def test_queues_show_remaining_counts_and_switch(store_path):
    from tagger.ui.widgets.queue_list import ALL, QueueDialog, QueueList

    app = build(store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.store.save_filter("wire", "source:reuters")
        app.store.save_filter("nation", "source:nation")
        wire = app.model.matching(parse_query("source:reuters"))
        app.store.set_status(wire[0], ME, "skipped")
        app.refresh_articles([wire[0]])
        await pilot.press("g")
        assert isinstance(app.screen, QueueDialog)
        await app.workers.wait_for_complete()
        await pilot.pause()
        counts = app.screen.query_one(QueueList).counts
        assert counts == {ALL: (7, 8), "wire": (1, 2), "nation": (2, 2)}
        await pilot.press("down", "down", "enter")  # all articles, wire, nation
        assert app.queue_name == "nation" and app.query_text == "source:nation"
        assert len(app.model.ids) == 2
        assert "queue nation" in str(app.screen.query_one("#progress-line").render())
