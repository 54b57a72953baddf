"""Plan text is data: markup and terminal control in a plan file show literally in the app.

Textual parses plain strings as markup (a `[/]` crashes, `[@click=app.quit]` runs an
action when clicked) and passes ESC to the terminal; the app must do neither.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from test_app_support import (
    SIZE,
    cursor_key,
    detail_text,
    go_to_activity,
    make_app,
    plan,
    screen_text,
    settle,
    tree_lines,
    type_text,
)
from textual.command import CommandPalette

from vpl_tui.db.store import Store
from vpl_tui.model import Activity, Focus, Goal, Initiative, Mandate, Metric, Plan, PlanInfo
from vpl_tui.screens.summary_view import SummaryView

CLEAR_SCREEN = "rensa \x1b[2J\x1b[H skärmen"
CLIPBOARD = "urklipp \x1b]52;c;UFdORUQtQ0xJUA==\x07 slut"
TITLE = "titel \x1b]0;PWNED\x07 [b]fet[/b]"
QUIT_LINK = "[@click=app.quit]x[/]"
CLOSER = "a [/] b"
C1 = "c1 \x9b31m röd \u202eDESREVER"

SHOWN = {
    CLEAR_SCREEN: "rensa \\x1b[2J\\x1b[H skärmen",
    CLIPBOARD: "urklipp \\x1b]52;c;UFdORUQtQ0xJUA==\\x07 slut",
    QUIT_LINK: QUIT_LINK,
    CLOSER: CLOSER,
    C1: "c1 \\x9b31m röd \\u202eDESREVER",
}


def hostile() -> Plan:
    def activity(ref: str, title: str) -> Activity:
        return Activity(ref=ref, title=title, start=date(2023, 1, 1), end=date(2023, 12, 31))

    return Plan(
        plan=PlanInfo(title=TITLE, organisation=QUIT_LINK, year=2023, period="2023-2025"),
        mandate=Mandate(steering_processes=f"{QUIT_LINK} {CLEAR_SCREEN}", directions=CLOSER),
        focus=[Focus(title=QUIT_LINK, intro=CLIPBOARD, items=[CLOSER], goals=["1"])],
        goals=[
            Goal(
                number="1",
                kind="council",
                title=CLOSER,
                description=CLEAR_SCREEN,
                resources=QUIT_LINK,
                metrics=[Metric(name=CLOSER, latest=QUIT_LINK, targets={"2023": CLIPBOARD})],
                activities=[activity("a1", QUIT_LINK), activity("a2", CLEAR_SCREEN)],
                initiatives=[
                    Initiative(
                        id="i1",
                        title=CLIPBOARD,
                        purpose=QUIT_LINK,
                        comment=CLEAR_SCREEN,
                        activities=[activity("a3", CLIPBOARD), activity("a4", C1)],
                    )
                ],
            ),
            Goal(number="2", kind="board", title=C1, activities=[activity("b1", CLOSER)]),
        ],
    )


@pytest.fixture
def hostile_store(store: Store) -> Store:
    store.replace_plan(hostile())
    store.set_status("a1", "in_progress", note=f"{QUIT_LINK} {CLIPBOARD}", user=CLOSER)
    return store


def assert_no_control(text: str) -> None:
    for char in ("\x1b", "\x07", "\x9b", "\u202e"):
        assert char not in text, repr(char)


async def test_the_tree_and_the_detail_show_plan_text_literally(
    hostile_store: Store, tmp_path: Path
) -> None:
    app = make_app(hostile_store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for ref in ("a1", "a2", "a3", "a4", "b1"):
            await go_to_activity(pilot, ref)
        lines = "\n".join(tree_lines(app))
        for shown in SHOWN.values():
            assert shown in lines, shown
        text = screen_text(app)
        assert "titel \\x1b]0;PWNED\\x07 [b]fet[/b]" in text  # the header
        assert_no_control(text)
        await go_to_activity(pilot, "a1")
        detail = detail_text(app)
        assert f"{QUIT_LINK} urklipp \\x1b]52;c;UFdORUQtQ0xJUA==\\x07 slut" in detail  # the note
        assert CLOSER in detail  # the user who made the change
        for key in ("home", "down", "down"):  # the mandate, the focus list, the goal
            await pilot.press(key)
            assert_no_control(screen_text(app))
        assert cursor_key(app) == ("goal", "1")
        detail = detail_text(app)
        assert SHOWN[CLEAR_SCREEN] in detail and QUIT_LINK in detail
        assert app.is_running


async def test_clicking_a_label_with_an_action_link_runs_nothing(
    hostile_store: Store, tmp_path: Path
) -> None:
    app = make_app(hostile_store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await go_to_activity(pilot, "a1")
        tree = plan(app).tree
        # Click the end of every label: where the link's text would be, had it been parsed.
        for y, line in enumerate(tree_lines(app)):
            await pilot.click(tree, offset=(len(line) - 1, y))
            await pilot.pause()
        assert app.is_running and not app._exit
        assert hostile_store.activity("a1").status == "in_progress"


async def test_search_palette_and_summary_take_hostile_text(
    hostile_store: Store, tmp_path: Path
) -> None:
    app = make_app(hostile_store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "[/]")
        await settle(pilot)
        assert any(CLOSER in line for line in tree_lines(app))
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await type_text(pilot, "[@click")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        text = screen_text(app)
        assert f"a1 {QUIT_LINK}" in text
        assert_no_control(text)
        await pilot.press("enter")
        await settle(pilot)
        assert cursor_key(app) == ("activity", "a1") and app.is_running
        await pilot.press("P")
        await settle(pilot)
        assert isinstance(app.screen, SummaryView)
        text = screen_text(app)
        assert "\\x1b[2J" in text
        assert_no_control(text)


def test_the_detail_pane_refuses_a_string_that_would_be_read_as_markup() -> None:
    # Every part is built from plain text (`plain`); a bare string slipped in by a future
    # change would be parsed as markup, so it is refused where it would be shown.
    from rich.text import Text

    from vpl_tui.screens.widgets.detail_body import DetailBody

    body = DetailBody()
    with pytest.raises(TypeError, match="'title' must be Text"):
        body.show({"title": QUIT_LINK})  # type: ignore[dict-item]
    assert "title" not in body.parts
    body.show({"title": Text(QUIT_LINK)})
    assert body.parts["title"] == Text(QUIT_LINK)
