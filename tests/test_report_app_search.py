"""Search (`/`) finds budget lines too (issue 13 §5): a unit, an investment by its
description, a fixed line by its Swedish label; a hit shows its figures in the detail
pane, and the search's count says it. The real app through Pilot on a real database."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_app_support import (
    SIZE,
    cursor_key,
    detail_text,
    make_app,
    plan,
    screen_text,
    settle,
    tree_lines,
)
from textual.widgets import Input

from vpl_tui.db.store import Store


@pytest.fixture(autouse=True)
def user(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("VPL_USER", "kontroller")
    monkeypatch.setenv("VPL_CONFIG", str(tmp_path / "settings.toml"))


async def search(pilot, text: str) -> None:
    """`/` and `text` pasted into the field at once (one search, not one a letter)."""
    await pilot.press("slash")
    plan(pilot.app).query_one("#search", Input).value = text
    await settle(pilot)


async def test_search_finds_budget_lines_and_shows_their_figures(
    store: Store, tmp_path: Path
) -> None:
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await search(pilot, "planering och analys")  # a unit: nothing else has that name
        assert tree_lines(app) == ["▤ Nettokostnader per enhet: Planering och Analys"]
        assert "Sök 'planering och analys': 1 träff" in screen_text(app)
        await pilot.press("enter")
        assert cursor_key(app) == ("budget", "units", "Planering och Analys")
        shown = detail_text(app)
        assert "Budgetrad" in shown and "Planering och Analys" in shown
        assert "2023" in shown and "tkr" in shown
        assert "b öppnar budgetavstämningen" in shown
        await pilot.press("escape")
        await search(pilot, "telefoniplattform")  # an investment, by its description
        assert tree_lines(app) == ["▤ Investeringar: Uppgradering växel"]
        await pilot.press("escape")
        await search(pilot, "nettokostnad")  # the operating budget's line, by its label
        lines = tree_lines(app)
        assert "▤ Driftbudget: Nettokostnader" in lines
        await pilot.press("escape")
        await pilot.press("f")  # a filter: budget lines, like metrics, are not activities
        await search(pilot, "planering och analys")
        assert not any(line.startswith("▤") for line in tree_lines(app))
