"""Reads that may take long run in worker threads: the app answers keys meanwhile.

A goal of many hundred children is read in a worker when opened, and so is the budget
screen. Each test holds such a read back at a gate (the real read runs once the gate
opens), presses keys while it waits, and then checks what the user sees once the
worker is done.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from helpers.plans import big_plan
from test_app_support import SIZE, cursor_key, line_of, make_app, plan, settle, tree_lines
from textual.widgets import Static

from vpl_tui.db.store import Store
from vpl_tui.planfile import parse_plan
from vpl_tui.screens import budget as budget_module
from vpl_tui.screens import plan as plan_module
from vpl_tui.screens.budget import BudgetScreen
from vpl_tui.screens.help import HelpScreen
from vpl_tui.views.plan_items import ActivityItem


@pytest.fixture(autouse=True)
def user(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VPL_USER", "kontroller")


@pytest.fixture
def big_store(db_path: Path) -> Store:
    """Two goals, each with 200 activities of its own and two initiatives of 200 more."""
    with Store.open(db_path) as store:
        store.replace_plan(parse_plan(big_plan(2, 2, 200, title="Stor plan", words=3)))
        yield store


def gated(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> threading.Event:
    """Hold `module.name` (a read a worker runs) until the returned event is set."""
    gate = threading.Event()
    real: Callable[..., Any] = getattr(module, name)

    def held(*args: Any) -> Any:
        assert gate.wait(60), "the test never opened the gate"
        return real(*args)

    monkeypatch.setattr(module, name, held)
    return gate


async def test_a_goal_of_hundreds_opens_in_a_worker_and_keys_work_meanwhile(
    big_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = gated(monkeypatch, plan_module, "read_children")
    app = make_app(big_store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("down", "enter")  # goal 1 opens; its lines are being read
        await pilot.pause()
        goal = plan(app).tree.cursor_node
        assert goal is not None and goal.is_expanded and not goal.children
        await pilot.press("down", "up")  # the cursor moves while the read waits
        assert cursor_key(app) == ("goal", "1")
        await pilot.press("question_mark")  # and the help opens and closes
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        gate.set()
        await settle(pilot)
        assert "Aktivitet 1-0 ord" in tree_lines(app)[2]
        assert len(goal.children) == 200 + 2  # its own activities, then its initiatives
        await pilot.press("l")  # into the children, as when they were read at once
        assert cursor_key(app) == ("activity", "1-0")


async def test_going_to_an_activity_in_a_goal_being_read_lands_on_it(
    big_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = gated(monkeypatch, plan_module, "read_children")
    app = make_app(big_store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        plan(app).jump_to(ActivityItem(big_store.activity("2.1-150")))
        await pilot.pause()
        assert cursor_key(app) == ("goal", "2")  # waiting on the goal being read
        gate.set()
        await settle(pilot)
        assert cursor_key(app) == ("activity", "2.1-150")
        assert "Aktivitet 2.1-150 ord" in line_of(app, "2.1-150 ")


async def test_a_change_made_while_a_goal_is_read_shows_in_its_lines(
    big_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = gated(monkeypatch, plan_module, "read_children")
    app = make_app(big_store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("down", "enter")
        await pilot.pause()
        plan(app).changes.toggle_done(big_store.activity("1-1"))  # as a key would, meanwhile
        gate.set()
        await settle(pilot)
        assert "Klar" in line_of(app, "Aktivitet 1-1 ord")
        assert "1 1/600" in line_of(app, "Mål 1 text")


async def test_the_budget_screen_opens_at_once_and_shows_the_checks_when_read(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = gated(monkeypatch, budget_module, "read_budget")
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BudgetScreen)
        counts = screen.query_one("#budget-counts", Static)
        assert str(counts.render()) == "Läser planen…"  # nothing to count yet
        await pilot.press("i")  # keys work while the budget is read
        assert not screen.query_one("#budget-explain").display
        gate.set()
        await settle(pilot)
        assert str(counts.render()).startswith("31 kontroller:")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is plan(app)
