"""The follow-up round in the app (issue 14 §5), through Pilot on a real database file.

One whole user story (switch period, assess, type, leave, badge, completeness, ready), and
one for what others do meanwhile (a second store writing: refused as stale, the current
one shown) and hostile text shown literally.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from test_app_support import (
    SIZE,
    cursor_key,
    make_app,
    notifications,
    plan,
    screen_text,
    settle,
    type_text,
)
from textual.pilot import Pilot
from textual.widgets import TextArea

from vpl_tui.db.store import Store
from vpl_tui.screens.app import VplApp
from vpl_tui.screens.followup import FollowupScreen
from vpl_tui.screens.followup_round import CompletenessScreen
from vpl_tui.views.plan_items import GoalItem

IN_THE_YEAR = date(2023, 3, 1)
"""Before the end of Tertial 1 of the bundled plan (2023): the current period is t1."""


@pytest.fixture(autouse=True)
def user(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    monkeypatch.setenv("VPL_USER", "kontroller")
    monkeypatch.setenv("VPL_CONFIG", str(tmp_path / "settings.toml"))
    return "kontroller"


def header(app: VplApp) -> str:
    return screen_text(app).splitlines()[0]


async def open_goal(pilot: Pilot, number: str) -> FollowupScreen:
    app = pilot.app
    assert isinstance(app, VplApp)
    plan(app).jump_to(GoalItem(plan(app).view.goals[number]))
    await pilot.pause()
    assert cursor_key(app) == ("goal", number)
    await pilot.press("a")
    await settle(pilot)
    assert isinstance(app.screen, FollowupScreen)
    return app.screen


def rows(db: Path, target: str, period: str) -> list[dict[str, object]]:
    with Store.open(db) as other:  # what another process reads
        return other.assessment_history(target, period)


async def test_a_follow_up_round_in_the_app(store: Store, tmp_path: Path) -> None:
    app = make_app(store, tmp_path, today=IN_THE_YEAR)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # The period whose end comes next, in the header; `]` and `[` switch it.
        assert app.period_id == "t1" and app.current_period().name == "Tertial 1"
        assert "Tertial 1 (prognos)" in header(app)
        await pilot.press("right_square_bracket")
        assert app.period_id == "delar"
        assert "Delårsrapport (prognos)" in header(app)
        await pilot.press("right_square_bracket", "right_square_bracket")  # past the last: stays
        assert app.period_id == "ar"
        assert "Årsredovisning är den sista perioden" in notifications(app)[-1]
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert app.period_id == "t1"
        await pilot.press("ctrl+p")  # and from the palette
        await type_text(pilot, "nästa period")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.period_id == "delar" and app.screen is plan(app)

        # The completeness view: nothing ready yet, and the deadline.
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CompletenessScreen)
        text = screen_text(app)
        assert "Uppföljning Delårsrapport: 0 av 11 klarmarkerade" in text
        assert "Deadline 2023-09-15: 198 dagar kvar" in text
        await pilot.press("escape")

        # The follow-up view of goal 1.1.1: a digit sets the level, saved at once.
        view = await open_goal(pilot, "1.1.1")
        text = screen_text(app)
        assert "Förslag:" in text and "aktiviteter klara eller i tid" in text
        await pilot.press("3")  # ej uppfyllt: the scale's worst, actions required
        await settle(pilot)
        assert "kräver åtgärder" in screen_text(app)
        assert rows(store.path, "1.1.1", "delar") == []  # not saved without its actions
        await pilot.press("2")  # delvis uppfyllt
        await settle(pilot)
        assert [r["level"] for r in rows(store.path, "1.1.1", "delar")] == ["partly_met"]
        # Tab to the analysis, type it; Esc saves it before leaving.
        await pilot.press("tab")
        assert isinstance(app.screen.focused, TextArea)
        await type_text(pilot, "Arbetet 123 går enligt plan")
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is plan(app)
        history = rows(store.path, "1.1.1", "delar")
        assert history[-1]["analysis"] == "Arbetet 123 går enligt plan"
        assert history[-1]["level"] == "partly_met" and history[-1]["user"] == "kontroller"
        assert store.assessment("1.1.1", "delar").version == len(history)
        # The badge in the tree: symbol and word.
        line = plan(app).tree.label_text(plan(app).tree.cursor_node)
        assert "◐ Delvis uppfyllt" in line

        # Ready (Ctrl+R) from the view: the completeness count moves, and it is read-only.
        view = await open_goal(pilot, "1.1.1")
        assert view.analysis_area.text == "Arbetet 123 går enligt plan"
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert store.is_ready("1.1.1", "delar")
        assert "skrivskyddad" in screen_text(app)
        before = len(rows(store.path, "1.1.1", "delar"))
        await pilot.press("1")  # no level change on a follow-up marked ready
        await pilot.press("tab")
        await type_text(pilot, "mer")
        await settle(pilot)
        assert view.analysis_area.text == "Arbetet 123 går enligt plan"
        assert len(rows(store.path, "1.1.1", "delar")) == before
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert "1 av 11 klarmarkerade" in screen_text(app)
        # Enter on a line goes to it in the tree (the first missing one is highlighted).
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is plan(app)
        assert cursor_key(app) == ("goal", "1.1.2")

        # Another period shows its own assessments: none for t1.
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert "Delvis uppfyllt" not in "\n".join(
            plan(app).tree.label_text(node) for node in plan(app).tree.index.nodes()
        )


async def test_a_change_saved_meanwhile_is_not_overwritten(store: Store, tmp_path: Path) -> None:
    hostile = "[bold]x[/] \x1b[31mröd\x1b[0m [@click=app.quit]"
    store.assess("1.1.2", "t1", "met", hostile, user="annan")
    app = make_app(store, tmp_path, today=IN_THE_YEAR)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # Hostile text is shown literally: in the editor and in the history.
        view = await open_goal(pilot, "1.1.2")
        assert "[bold]x[/]" in view.analysis_area.text
        assert "\x1b" not in view.analysis_area.text and "\\x1b[31m" in view.analysis_area.text
        text = screen_text(app)
        assert "[bold]x[/] \\x1b[31mröd" in text and "[@click=app.quit]" in text
        assert not app._exit
        assert "● Uppfyllt" in plan(app).tree.label_text(plan(app).tree.cursor_node)

        # Someone else saves while the view is open: this view's change is refused.
        with Store.open(store.path) as other:
            other.assess("1.1.2", "t1", "not_met", "Nytt läge", "Åtgärdsplan", user="annan")
        await pilot.press("2")
        await settle(pilot)
        assert "ändrades av annan" in notifications(app)[-1]
        assert [r["level"] for r in rows(store.path, "1.1.2", "t1")] == ["met", "not_met"]
        # What holds now is shown, and a change on top of it is saved.
        assert view.analysis_area.text == "Nytt läge"
        assert view.actions_area.text == "Åtgärdsplan"
        assert view.form.level == "not_met"
        await pilot.press("2")
        await settle(pilot)
        assert [r["level"] for r in rows(store.path, "1.1.2", "t1")][-1] == "partly_met"
        # Quitting right after typing (before the save's half second): nothing lost.
        await pilot.press("tab")
        await type_text(pilot, "sist ")
        await app.action_quit()
    assert rows(store.path, "1.1.2", "t1")[-1]["analysis"] == "sist Nytt läge"


async def test_the_view_names_its_goal_above_the_form_at_a_small_height(
    store: Store, tmp_path: Path
) -> None:
    app = make_app(store, tmp_path / "rapporter", today=IN_THE_YEAR)
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(pilot)
        await open_goal(pilot, "1.1.1")
        first_lines = "\n".join(screen_text(app).splitlines()[:4])
        assert "Mål 1.1.1" in first_lines  # not scrolled away when the levels take focus
