"""Snapshots of the reading view at 80x24 and 120x40, in colour and under NO_COLOR."""

from __future__ import annotations

import pytest

from tests.ui.reading_support import ReadingHost, sample_article


async def _highlighted(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.fixture
def colour(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)


def test_reading_80x24(tmp_path, colour, snap_compare):
    assert snap_compare(
        ReadingHost(tmp_path / "store", [sample_article()]),
        terminal_size=(80, 24),
        run_before=_highlighted,
        press=["right_square_bracket", "right_square_bracket"],
    )


def test_reading_120x40_with_entity_panel(tmp_path, colour, snap_compare):
    assert snap_compare(
        ReadingHost(tmp_path / "store", [sample_article()]),
        terminal_size=(120, 40),
        run_before=_highlighted,
        press=["full_stop"],
    )


def test_reading_80x24_no_color(tmp_path, snap_compare):
    assert snap_compare(
        ReadingHost(tmp_path / "store", [sample_article()]),
        terminal_size=(80, 24),
        run_before=_highlighted,
        press=["right_square_bracket"],
    )


def test_reading_80x24_panel_open_and_boilerplate_unfolded(tmp_path, colour, snap_compare):
    assert snap_compare(
        ReadingHost(tmp_path / "store", [sample_article()]),
        terminal_size=(80, 24),
        run_before=_highlighted,
        press=["b", "l", "down", "enter"],
    )
