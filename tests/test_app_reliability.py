"""The app never hangs and never dies on data: each test is something that once did.

Every test drives the real app through Pilot on a real database file; what another
process does is done by another connection (or the real `vpl` command), as it would be.
"""

from __future__ import annotations

import asyncio
import sqlite3
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.plans import big_plan
from helpers.reliability import TRACEBACK, VPL, vpl_env
from helpers.terminal import Terminal
from test_app_support import SIZE, TODAY, cursor_key, go_to_activity, notifications, plan, settle
from textual import events
from textual.widgets.tree import TreeNode

from vpl_tui.db.store import Store
from vpl_tui.model import Plan
from vpl_tui.planfile import parse_plan
from vpl_tui.screens.app import MAX_FAILURES, VplApp, finish
from vpl_tui.strings import Strings


@pytest.fixture(autouse=True)
def user(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VPL_USER", "kontroller")


def app_on(store: Store, **options: object) -> VplApp:
    """The app with its poll timer off: the tests look for changes at known moments."""
    return VplApp(store, Strings("sv"), today=TODAY, poll_interval=3600, **options)  # type: ignore[arg-type]


# -- the plan replaced by another process -------------------------------------------------------


async def test_a_plan_loaded_elsewhere_without_the_activity_under_the_cursor(
    store: Store, tmp_path: Path, seed_plan: Plan, db_path: Path
) -> None:
    # Activity 1.1.1-2 vanishes, its goal stays: the cursor goes to the goal.
    goals = list(seed_plan.goals)
    first = goals[0]
    kept = [a for a in first.activities if a.ref != "1.1.1-2"]
    goals[0] = first.model_copy(update={"activities": kept})
    app = app_on(store, summary_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await go_to_activity(pilot, "1.1.1-2")
        with Store.open(db_path) as other:
            other.replace_plan(seed_plan.model_copy(update={"goals": goals}))
        plan(app).check_for_changes()
        await settle(pilot)
        assert app.is_running
        assert cursor_key(app) == ("goal", first.number)
        assert "Planen ändrades av någon annan; visar läget nu" in notifications(app)
        await pilot.press("down", "space", "up")  # and the tree takes keys as before
        await settle(pilot)
        assert app.is_running


async def test_a_plan_without_the_goal_under_the_cursor_leaves_it_on_the_first_level(
    store: Store, tmp_path: Path, seed_plan: Plan, db_path: Path
) -> None:
    without = seed_plan.model_copy(update={"goals": seed_plan.goals[1:], "focus": []})
    app = app_on(store, summary_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await go_to_activity(pilot, "1.1.1-2")
        with Store.open(db_path) as other:
            other.replace_plan(without)
        plan(app).check_for_changes()
        await settle(pilot)
        assert app.is_running
        key = cursor_key(app)
        assert key is not None and key[0] in {"mandate", "goal"}, key


async def test_an_initiative_that_vanishes_leaves_the_cursor_on_its_goal(
    store: Store, tmp_path: Path, seed_plan: Plan, db_path: Path
) -> None:
    goals = list(seed_plan.goals)
    index, goal = next((i, g) for i, g in enumerate(goals) if g.initiatives)
    initiative = goal.initiatives[0]
    goals[index] = goal.model_copy(update={"initiatives": goal.initiatives[1:]})
    without = seed_plan.model_copy(update={"goals": goals})
    ref = initiative.activities[0].ref
    app = app_on(store, summary_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await go_to_activity(pilot, ref)
        with Store.open(db_path) as other:
            other.replace_plan(without)
        plan(app).check_for_changes()
        await settle(pilot)
        assert app.is_running
        assert cursor_key(app) == ("goal", goal.number)


# -- the summary: saved to the report folder, never the current one -----------------------------


async def test_p_after_the_current_folder_was_removed_saves_to_the_report_folder(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reports = tmp_path / "rapporter"
    settings = tmp_path / "settings.toml"
    settings.write_text(f'report_folder = "{reports}"\n', encoding="utf-8")
    monkeypatch.setenv("VPL_CONFIG", str(settings))
    gone = tmp_path / "borta"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    app = app_on(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("P")
        await settle(pilot)
        assert app.is_running
        written = reports / f"statusrapport-{TODAY.isoformat()}.md"
        assert written.is_file()
        assert f"Statusrapporten sparades som {written}" in notifications(app)
        await pilot.press("escape", "P")  # a second summary of the day: a new file
        await settle(pilot)
        assert (reports / f"statusrapport-{TODAY.isoformat()}-2.md").is_file()
        assert written.read_text(encoding="utf-8").startswith("# Statusrapport")


async def test_a_summary_that_cannot_be_saved_is_one_notice(store: Store, tmp_path: Path) -> None:
    blocked = tmp_path / "en fil"
    blocked.write_text("inte en mapp", encoding="utf-8")
    target = blocked / f"statusrapport-{TODAY.isoformat()}.md"
    app = app_on(store, summary_dir=blocked)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("P")
        await settle(pilot)
        assert app.is_running
        [notice] = [n for n in notifications(app) if n.startswith("Kunde inte spara")]
        assert "\n" not in notice
        assert not target.exists()


async def test_a_link_at_the_summary_name_is_not_followed(store: Store, tmp_path: Path) -> None:
    outside = tmp_path / "annan.txt"
    outside.write_text("orörd", encoding="utf-8")
    folder = tmp_path / "rapporter"
    folder.mkdir()
    (folder / f"statusrapport-{TODAY.isoformat()}.md").symlink_to(outside)
    app = app_on(store, summary_dir=folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("P")
        await settle(pilot)
    assert outside.read_text(encoding="utf-8") == "orörd"
    assert (folder / f"statusrapport-{TODAY.isoformat()}-2.md").is_file()


# -- quitting ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "keys",
    [
        ("q", "p", "b", "space", "s", "n", "u", "f", "question_mark", "down"),
        ("b", "q", "1", "enter", "p", "escape", "i", "c"),
        ("p", "q", "p", "p"),
        ("s", "q", "1", "enter"),
    ],
)
async def test_keys_typed_right_after_q_do_not_crash_the_way_out(
    store: Store, tmp_path: Path, keys: tuple[str, ...]
) -> None:
    app = app_on(store, summary_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key in keys:  # all at once, as fast typing queues them
            character = {"space": " ", "slash": "/", "question_mark": "?"}.get(key, key)
            app.post_message(events.Key(key, character if len(character) == 1 else None))
        await asyncio.sleep(0.5)
    assert app.return_code == 0
    assert app.failure is None


# -- whatever else goes wrong ---------------------------------------------------------------------


async def test_an_error_inside_the_app_is_one_notice_and_the_app_goes_on(
    store: Store, tmp_path: Path
) -> None:
    app = VplApp(store, Strings("sv"), today=TODAY, summary_dir=tmp_path, poll_interval=0.05)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        store.close()  # the screen's connection is gone: every poll of the timer fails
        await asyncio.sleep(0.3)
        await pilot.pause()
        assert app.is_running
        failed = [n for n in notifications(app) if n.startswith("Något gick fel")]
        assert failed and all("\n" not in n for n in failed)
        assert "ProgrammingError" in failed[0]
        await pilot.press("down", "f")  # keys still work
        assert plan(app).filter == "open"
        await pilot.press("q")
    assert app.return_code == 0


async def test_what_the_app_cannot_go_on_from_ends_it_with_status_1_and_one_line(
    store: Store, tmp_path: Path
) -> None:
    def broken() -> None:
        raise RuntimeError("trasig\nrad två")

    app = app_on(store, summary_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for _ in range(MAX_FAILURES + 1):  # the same error, again and again: a loop
            app.call_later(broken)
        await pilot.pause()
        await asyncio.sleep(0.2)
    assert app.return_code == 1
    assert app.failure == "vpl: appen avslutades av ett fel: RuntimeError: trasig"
    with pytest.raises(SystemExit) as ended:
        finish(app)
    assert str(ended.value) == app.failure  # what `vpl` prints on stderr, with status 1


async def test_an_error_in_a_screens_handler_is_a_notice_and_keys_go_on(
    store: Store, tmp_path: Path
) -> None:
    app = app_on(store, summary_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        store.close()  # the budget screen's first look at the database fails as it opens
        await pilot.press("b")
        await settle(pilot)
        assert app.is_running
        assert any(n.startswith("Något gick fel: ProgrammingError") for n in notifications(app))
        await pilot.press("escape")  # back to the plan, which still answers
        await settle(pilot)
        assert app.screen is plan(app)
        await pilot.press("q")
    assert app.return_code == 0


# -- a database another process holds ------------------------------------------------------------


async def test_a_locked_database_says_so_within_a_second_and_q_still_quits(
    store: Store, tmp_path: Path, db_path: Path
) -> None:
    app = app_on(store, summary_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await go_to_activity(pilot, "1.1.1-1")
        holder = sqlite3.connect(db_path)
        holder.execute("BEGIN IMMEDIATE")  # another process holds the write lock
        try:
            started = time.monotonic()
            await pilot.press("space")
            await settle(pilot)
            waited = time.monotonic() - started
            assert any("upptagen" in n for n in notifications(app)), notifications(app)
            assert waited < 5, waited  # not the 30 s a CLI waits
            assert store.activity("1.1.1-1").status == "not_started"
        finally:
            holder.rollback()
            holder.close()
        await pilot.press("space")  # the lock is gone: the same key goes through
        await settle(pilot)
        assert store.activity("1.1.1-1").status == "done"
        await pilot.press("q")
    assert app.return_code == 0


# -- a large goal refreshed --------------------------------------------------------------------


async def test_a_large_goal_open_under_a_filter_is_refreshed_whole(
    tmp_path: Path, db_path: Path
) -> None:
    # The refresh replaces the lines of the goal in one step (`PlanTree.replace_items_below`,
    # which drops Textual's nodes itself): what is shown, and what the tree holds, are the
    # goal's open activities as they are now, no node left behind.
    with Store.open(db_path) as store:
        store.replace_plan(parse_plan(big_plan(1, 0, 400, title="Stor plan", words=3)))
        app = app_on(store, summary_dir=tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            screen = plan(app)
            screen.filter = "open"
            await settle(pilot)
            tree = screen.tree
            goal = tree.index.get(("goal", "1"))
            assert goal is not None
            tree.move_cursor_to(goal)
            await pilot.press("l", "down", "down")
            await settle(pilot)
            shown = len(goal.children)
            assert cursor_key(app) == ("activity", "1-1")
            with Store.open(db_path) as other:
                other.set_status("1-1", "done", user="annan")  # no longer open: it goes
            screen.check_for_changes()
            await settle(pilot)
            assert len(goal.children) == shown - 1
            assert ("activity", "1-1") not in tree.index
            assert cursor_key(app) == ("goal", "1")  # its line went: the cursor to its goal
            # Private names `_drop_below` uses: Textual's map of every node of the tree.
            reachable = sum(1 for _ in _walk(tree.root))
            assert len(tree._tree_nodes) == reachable  # noqa: SLF001
            await pilot.press("q")


def _walk(node: TreeNode) -> Iterator[TreeNode]:
    yield node
    for child in node._children:  # noqa: SLF001 - the list `_drop_below` clears
        yield from _walk(child)


# -- a database this user may only read -----------------------------------------------------------

UNPRIVILEGED_VPL = (
    "import os, sys\n"
    "from helpers.reliability import drop_permission_override\n"
    "drop_permission_override()\n"
    "os.execv(sys.argv[1], sys.argv[1:])\n"
)
"""Run `vpl` with file modes applying even to root (see `drop_permission_override`)."""


@pytest.mark.slow
def test_the_app_on_a_read_only_database_shows_the_owners_changes(
    tmp_path: Path, seed_plan: Plan
) -> None:
    folder = tmp_path / "delad"
    folder.mkdir()
    db = folder / "plan.db"
    with Store.open(db, seed=lambda: seed_plan):
        pass
    db.chmod(0o444)
    folder.chmod(0o555)
    env = vpl_env(tmp_path, TERM="xterm-256color", PYTHONPATH=str(Path(__file__).parent))
    argv = [sys.executable, "-c", UNPRIVILEGED_VPL, VPL, "--db", str(db)]
    terminal = Terminal(argv, env=env, cwd=tmp_path)
    try:
        assert terminal.wait_for(b"1.1.1"), "the app did not show the plan"
        terminal.settle()
        assert b"0/4" in terminal.written()
        seen = len(terminal.written())
        # The owner (who may write) marks an activity done, as `vpl set` would.
        with Store.open(db) as owner:
            assert owner.read_only is None
            owner.set_status("1.1.1-1", "done", user="ägaren")
        deadline = time.monotonic() + 20
        while b"1/4" not in terminal.written()[seen:] and time.monotonic() < deadline:
            time.sleep(0.1)
        assert b"1/4" in terminal.written()[seen:], "the owner's change never showed"
        terminal.type(b"q")
    finally:
        code = terminal.close()
        folder.chmod(0o755)
        db.chmod(0o644)
    assert code == 0
    assert TRACEBACK.encode() not in terminal.written()
