"""What a controller found in the app (issue 13 §5): themes, small terminals, search, notes,
filters, settings. Each test drives the real app through Pilot against a real database."""

from __future__ import annotations

from datetime import date
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
    type_text,
)
from textual import events
from textual.widgets import Input, TextArea

from vpl_tui.db.store import Store


@pytest.fixture(autouse=True)
def user(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    monkeypatch.setenv("VPL_USER", "kontroller")
    monkeypatch.setenv("VPL_CONFIG", str(tmp_path / "settings.toml"))
    return "kontroller"


# -- search ------------------------------------------------------------------------------------


async def test_keys_typed_right_after_enter_in_the_search_go_to_the_tree(
    store: Store, tmp_path: Path
) -> None:
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "industri")
        await settle(pilot)
        # Enter and a space in one burst, as typed fast: the space marks the match done.
        app.post_message(events.Key("enter", "\r"))
        app.post_message(events.Key("space", " "))
        await settle(pilot)
        assert plan(app).query_one("#search", Input).value == "industri"
        assert cursor_key(app) == ("activity", "accelererad-2")
        assert store.activity("accelererad-2").status == "done"


async def test_a_search_with_no_match_leaves_no_old_detail(store: Store, tmp_path: Path) -> None:
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Roll i styrprocesserna" in detail_text(app)  # the mandate
        await pilot.press("slash")
        await type_text(pilot, "zzzqqq")
        await settle(pilot)
        text = detail_text(app)
        assert "Roll i styrprocesserna" not in text
        assert "Inget hittades för 'zzzqqq'" in text


# -- the summary -------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
async def test_the_summary_fits_the_width_there_is(
    store: Store, tmp_path: Path, size: tuple[int, int]
) -> None:
    app = make_app(store, tmp_path, today=date(2024, 1, 1))
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        area = app.screen.query_one("#summary-text", TextArea)
        lines = area.text.splitlines()
        assert not area.soft_wrap
        assert max(len(line) for line in lines) <= area.scrollable_content_region.width
        # Goal 1.1.2's title is 147 characters with its number: cut at 80 columns, whole
        # at 200 (it was cut at 64 at any width).
        title = next(g.title for g in store.goals() if len(g.title) == 141)
        whole = any(title in line for line in lines)
        assert whole == (size[0] == 200)
