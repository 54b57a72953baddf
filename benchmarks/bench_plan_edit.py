"""Changing the plan at scale: `vpl edit` against a sqlite3 floor, and saving an edit in the
app against a cursor move (the issue's target: at most twice as long, at 100 000 activities).

    python benchmarks/bench_plan_edit.py app --db DB [--presses 30]

runs the app headless (as `app_bench.py` does) and prints one JSON object: `save`, the
seconds from ctrl+s in the activity form until the row is saved (seen from another
connection) and the screen repainted, and `down`, Down until repainted, taken in turns on
the activities of goal 1.1.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sqlite3
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
VPL = str(Path(PYTHON).with_name("vpl"))

if TYPE_CHECKING:
    from run import Bench


def run(bench: Bench, size: int, base: Path, work: Path) -> None:
    """The rows of step `plan_edit`."""
    from measure import Sample, copy_db, run_process

    db = copy_db(base, work / "edit.db")
    with sqlite3.connect(db) as connection:
        refs = iter(
            ref for (ref,) in connection.execute("SELECT ref FROM activity ORDER BY ref LIMIT 2000")
        )
    day = f"{time.localtime().tm_year + 5}-12-30"  # after every generated start date
    bench.pair(
        size,
        "vpl edit REF --end DAY",
        "floor: edit (sqlite3)",
        lambda: bench.measure([VPL, "--db", str(db), "edit", next(refs), "--end", day]),
        lambda: bench.measure(
            [PYTHON, str(HERE / "floors" / "edit_sqlite.py"), str(db), next(refs), day]
        ),
    )
    app_db = copy_db(base, work / "edit-app.db")
    r = bench.results
    save = r.figure("app: edit saved + repainted", size, "app: Down, repainted (edit run)")
    down = r.figure("app: Down, repainted (edit run)", size)

    def once() -> Sample:
        command = [PYTHON, __file__, "app", "--db", str(app_db), "--presses"]
        sample, text = run_process([*command, str(bench.args.presses)], env=bench.env)
        data = json.loads(text.strip().splitlines()[-1])
        save.samples.extend(data["save"])
        down.samples.extend(data["down"])
        save.rss_mb = down.rss_mb = max(save.rss_mb or 0.0, sample.rss_mb)
        return sample

    for _ in range(bench.runs_for(size)):
        once()


async def run_app(args: argparse.Namespace) -> dict[str, Any]:
    from datetime import date

    from textual.widgets import Input

    from vpl_tui.db.store import Store
    from vpl_tui.screens.app import VplApp
    from vpl_tui.screens.dialogs.activity_form import ActivityForm
    from vpl_tui.strings import Strings

    sys.path.insert(0, str(HERE))
    from app_bench import BIG_GOAL, find_node, until

    store = Store.open(args.db)
    app = VplApp(store=store, strings=Strings("sv"), today=date.today())
    watcher = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)

    def version(ref: str) -> int:
        return watcher.execute("SELECT version FROM activity WHERE ref = ?", (ref,)).fetchone()[0]

    saves, downs = [], []
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.plan_screen
        await until(pilot, lambda: screen is not None and screen.view.top is not None, "start")
        await pilot.pause()
        tree = screen.tree
        goal = find_node(tree, ("goal", BIG_GOAL))
        tree.move_cursor_to(goal)
        await pilot.press("enter")
        await until(pilot, lambda: goal.is_expanded and len(goal.children) > 0, "expand")
        first = next(n for n in goal.children if n.data.key[0] == "activity")
        tree.move_cursor_to(first)
        await pilot.pause()
        for press in range(args.presses):
            ref = tree.cursor_node.data.key[1]
            await pilot.press("e")
            await until(pilot, lambda: isinstance(app.screen, ActivityForm), "form")
            form = app.screen
            # A name of this run's own: the same again would be no change, and not saved.
            form.query_one("#responsible", Input).value = f"Enhet {os.getpid()}-{press}"
            await pilot.pause()
            before = version(ref)
            started = time.perf_counter()
            await pilot.press("ctrl+s")
            await until(pilot, lambda ref=ref, before=before: version(ref) > before, "saved row")
            await app.workers.wait_for_complete()  # the tree and the pane shown again
            await pilot.pause()
            saves.append(time.perf_counter() - started)
            started = time.perf_counter()
            await pilot.press("down")
            await pilot.pause()
            downs.append(time.perf_counter() - started)
            if tree.cursor_node.data.key[0] != "activity":  # past the goal's activities
                tree.move_cursor_to(first)
                await pilot.pause()
    return {"save": saves, "down": downs}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["app"])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--presses", type=int, default=30)
    args = parser.parse_args()
    print(json.dumps(asyncio.run(run_app(args))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
