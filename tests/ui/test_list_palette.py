"""Command palette entries, the export dialog, untrusted titles, and --no-color."""

from __future__ import annotations

import json

import pytest
from textual.filter import Monochrome, NoColor

from tagger.models import Article, article_id
from tagger.store import Store
from tagger.ui.dialogs.export_dialog import ExportDialog
from tests.ui.fakes import build_app, fixed_store_path


@pytest.fixture
def store_path(tmp_path):
    return fixed_store_path(tmp_path)


async def test_palette_offers_every_category(store_path):
    app = build_app(store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.store.save_filter("wire", "source:reuters")
        from tagger.ui.commands import TaggerCommands

        provider = TaggerCommands(app.screen)
        titles = [title for title, _, _ in provider._commands()]
        for wanted in ("tag: topic…", "tag: accept tags and go to the next article",
                       "go: next article in the queue", "queue: mark all matching the filter",
                       "export: current filter…", "go: queue wire", "tag: sentiment = Negative"):
            assert wanted in titles
        assert all(t.split(": ", 1)[0] in {"tag", "go", "queue", "export"} for t in titles)
        await pilot.pause()


async def test_palette_runs_a_tag_command(store_path):
    app = build_app(store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        aid = app.current_article_id
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        await pilot.press(*"sentiment = positive")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        review = app.store.get_review(aid, "tester")
        assert review is not None and review.labels("sentiment") == ("positive",)


async def test_export_dialog_writes_the_filter_and_says_where(store_path, tmp_path):
    app = build_app(store_path)
    target = tmp_path / "out" / "reuters.jsonl"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"source:reuters", "enter")
        await pilot.press("x")
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("tab")
        path_input = app.screen.query_one("#export-path")
        path_input.value = str(target)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        lines = target.read_text("utf-8").splitlines()
        assert len(lines) == 2
        assert {json.loads(line)["article"]["source"] if "article" in json.loads(line)
                else json.loads(line).get("source") for line in lines} == {"Reuters"}
        assert any(str(target) in n.message for n in app._notifications)


async def test_untrusted_titles_show_literally(tmp_path):
    store = Store.open(tmp_path / "store")
    title = "[bold red]x[/] \x1b[31mred\x1b[0m [link=http://e.invalid]y[/link]"
    store.add_articles([Article(article_id(title, "b"), title, "b", source="[i]src[/i]")])
    store.close()
    app = build_app(tmp_path / "store", resume=False)
    async with app.run_test(size=(200, 24)) as pilot:
        await pilot.pause()
        row = app.screen.table.render_line(0).text
        assert "[bold red]x[/]" in row and "[link=http://e.invalid]" in row
        assert "\x1b" not in row and "[i]src[/i]" in row


async def test_no_color_option_strips_colour(store_path, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    app = build_app(store_path, no_color=True)
    assert app.no_color
    assert any(isinstance(f, (NoColor, Monochrome)) for f in app._filters)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        style = app.screen.table.get_component_rich_style("article-table--cursor")
        assert style.reverse


async def test_messages_quoting_titles_are_not_markup(tmp_path):
    store = Store.open(tmp_path / "store")
    title = "[bold]Loud[/bold] [link=http://e.invalid]click[/link]"
    store.add_articles([Article(article_id(title, "b"), title, "b")])
    store.close()
    app = build_app(tmp_path / "store", resume=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # the reading view: confirmations are toasts there
        await pilot.pause()
        await pilot.press("e", "n", "u")
        await pilot.pause()
        undone = [n for n in app._notifications if n.message.startswith("undid")]
        assert undone and "[bold]Loud[/bold]" in undone[-1].message
        assert not undone[-1].markup
