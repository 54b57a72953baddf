"""The filter "mina" (mine) in the app, through Pilot on a real database: key `f` cycles to
it, the tree shows only what the user (`VPL_USER`) is responsible for, with the goals'
counts of the user's activities, a goal with none of them is hidden, a change (its own or
another process's) moves those counts, and `f` cycles back.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_app_support import SIZE, make_app, plan, settle, tree_lines

from vpl_tui.db.store import Store


@pytest.fixture(autouse=True)
def user(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("VPL_USER", "kontroller")
    return "kontroller"


def goal_line(lines: list[str], number: str) -> str | None:
    found = [line for line in lines if f" {number} " in line or line.endswith(f" {number}")]
    return found[0] if found else None


async def test_f_cycles_to_mine_which_shows_mine_with_their_counts_and_back(
    store: Store, tmp_path: Path, db_path: Path
) -> None:
    for ref, name in (
        ("1.1.1-1", "kontroller"),
        ("1.1.1-2", "KONTROLLER"),
        ("1.1.1-3", "Kontroller "),
    ):
        store.edit_activity(ref, {"responsible": name}, user="lead")
    store.set_status("1.1.1-1", "done")
    store.set_status("1.1.1-2", "done")
    store.edit_text("goal", "1.1.3", {"responsible": "kontroller"}, user="lead")  # mine itself
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = tree_lines(app)
        assert "1/4" not in (goal_line(before, "1.1.1") or "")  # all four, two done
        assert goal_line(before, "1.1.2") is not None
        for _ in range(6):  # all → open → in progress → delayed → overdue → done → mine
            await pilot.press("f")
        await settle(pilot)
        assert plan(app).filter == "mine" and "Filter: mina" in str(plan(app).sub_title)
        mine = tree_lines(app)
        assert "2/3" in (goal_line(mine, "1.1.1") or "")  # two of my three done
        assert "0/0" in (goal_line(mine, "1.1.3") or "")  # mine itself, none of its activities
        assert goal_line(mine, "1.1.2") is None  # none of mine: hidden
        node = plan(app).tree.index.get(("goal", "1.1.1"))
        assert node is not None
        node.expand()
        await settle(pilot)
        shown = [child.data.key for child in node.children if child.data is not None]
        assert shown == [("activity", f"1.1.1-{n}") for n in (1, 2, 3)]  # not 1.1.1-4
        plan(app).tree.move_cursor(node.children[2])  # 1.1.1-3, mine and not done
        await pilot.press("space")  # done: my counts move in place, read again nowhere
        await settle(pilot)
        assert store.activity("1.1.1-3").status == "done"
        assert "3/3" in (goal_line(tree_lines(app), "1.1.1") or "")
        with Store.open(db_path) as other:  # another process: one of mine left undone
            other.set_status("1.1.1-1", "in_progress")
        plan(app).check_for_changes()  # what the timer does
        await settle(pilot)
        assert "2/3" in (goal_line(tree_lines(app), "1.1.1") or "")
        await pilot.press("f")  # and back to all
        await settle(pilot)
        back = tree_lines(app)
        assert plan(app).filter == "all" and goal_line(back, "1.1.2") is not None
        assert "2/4" in (goal_line(back, "1.1.1") or "")
