"""The follow-up round's rows of `make bench` (step `followup`), and the app's part of it.

- `vpl followup --period delar` against `floors/followup_sqlite.py` (the same queries and
  lines with sqlite3, checked to print the same bytes before either is timed): a round where every goal and initiative is assessed, some ready,
  and a note on every hundredth activity;
- in the app, headless: a level chosen in the follow-up view until its history row is
  seen from another connection and the screen repainted, against Down in the plan tree
  (a cursor move), both in the same process.

    python benchmarks/bench_followup.py app --db DB [--presses 30]

runs the app part on DB and prints one JSON object (`run` below starts it).
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
from typing import Any

HERE = Path(__file__).resolve().parent
PERIOD = "delar"
TIMEOUT = 120.0


def prepare(db: Path) -> None:
    """A follow-up round well under way: every target assessed, a third ready, notes."""
    from vpl_tui.db.store import Store

    with Store.open(db) as store:
        targets = store.targets()
        for index, target in enumerate(targets):
            level = ("met", "partly_met", "not_met")[index % 3]
            actions = "Åtgärdsplan tas fram" if level == "not_met" else ""
            store.assess(target.id, PERIOD, level, f"Analys {index}: enligt plan", actions)
        refs = [r for (r,) in store.db.execute("SELECT ref FROM activity ORDER BY ref")]
        for ref in refs[::100]:
            store.note(ref, PERIOD, "Genomfört enligt plan")
        for target in targets[::3]:  # ready last: a follow-up marked ready takes no notes
            store.mark_ready(target.id, PERIOD)


def run(bench: Any, size: int, base: Path, work: Path) -> None:
    """The step's rows: `vpl followup` and its floor, and saving in the app."""
    import run as runner
    from measure import copy_db, run_process

    db = copy_db(base, work / "followup.db")
    prepare(db)
    floor = str(HERE / "floors" / "followup_sqlite.py")
    mine = [runner.VPL, "--db", str(db), "followup", "--period", PERIOD]
    least = [runner.PYTHON, floor, str(db), PERIOD]
    # The floor is a floor only while it prints what vpl prints, byte for byte.
    said, floor_said = (run_process(command, env=bench.env)[1] for command in (mine, least))
    if said != floor_said:
        raise RuntimeError("floors/followup_sqlite.py no longer prints what vpl followup does")
    bench.pair(
        size,
        "vpl followup --period P",
        "floor: followup (sqlite3)",
        lambda: bench.measure(mine),
        lambda: bench.measure(least),
    )
    if bench.args.no_app:
        return
    r = bench.results
    down_name = "app: Down in the tree (follow-up run)"
    saved = r.figure("app: assessment level, saved + repainted", size, down_name)
    down = r.figure(down_name, size)
    for _ in range(bench.runs_for(size)):
        command = [runner.PYTHON, __file__, "app", "--db", str(db)]
        command += ["--presses", str(bench.args.presses)]
        sample, text = run_process(command, env=bench.env)
        data = json.loads(text.strip().splitlines()[-1])
        saved.samples.extend(data["press_level"])
        saved.rss_mb = down.rss_mb = max(saved.rss_mb or 0.0, sample.rss_mb)
        down.samples.extend(data["press_down"])


async def until(pilot: Any, done: Any, what: str) -> None:
    deadline = time.perf_counter() + TIMEOUT
    while not done():
        if time.perf_counter() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        await pilot.pause()


async def run_app(args: argparse.Namespace) -> dict[str, Any]:
    from datetime import date

    from vpl_tui.db.store import Store
    from vpl_tui.screens.app import VplApp
    from vpl_tui.strings import Strings
    from vpl_tui.views.plan_items import GoalItem

    store = Store.open(args.db)
    app = VplApp(store=store, strings=Strings("sv"), today=date.today())
    result: dict[str, Any] = {}
    watcher = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.plan_screen
        await until(pilot, lambda: screen is not None and screen.view.top is not None, "start")
        await pilot.pause()
        assert screen is not None
        number = next(iter(screen.view.goals))
        screen.jump_to(GoalItem(screen.view.goals[number]))
        await pilot.pause()
        # Down in the tree: the cursor move the save is compared with.
        down_times = []
        for _ in range(args.presses):
            started = time.perf_counter()
            await pilot.press("down")
            await pilot.pause()
            down_times.append(time.perf_counter() - started)
        screen.jump_to(GoalItem(screen.view.goals[number]))
        await pilot.pause()
        await pilot.press("a")
        await until(pilot, lambda: type(app.screen).__name__ == "FollowupScreen", "the view")
        await pilot.pause()

        def rows() -> int:
            query = "SELECT COUNT(*) FROM assessment_history WHERE target = ? AND period = ?"
            return watcher.execute(query, (number, app.period_id)).fetchone()[0]

        level_times = []
        for press in range(args.presses):
            before = rows()
            started = time.perf_counter()
            await pilot.press("1" if press % 2 else "2")
            await until(pilot, lambda before=before: rows() > before, "saved row")
            await until(pilot, lambda: not app.screen.form.saving, "the save's answer")
            await pilot.pause()
            level_times.append(time.perf_counter() - started)
        result["press_down"] = down_times
        result["press_level"] = level_times
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["app"])
    parser.add_argument("--db", required=True)
    parser.add_argument("--presses", type=int, default=30)
    args = parser.parse_args()
    sys.stdout.write(json.dumps(asyncio.run(run_app(args))) + "\n")
    sys.stdout.flush()
    os._exit(0)  # tearing down is not part of anything measured


if __name__ == "__main__":
    main()
