"""The terminal app (headless, through `app_bench.py`) and Taskwarrior, measured for `run.py`.

Both take the `Bench` of the run: its options, environment and results.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from measure import Sample, copy_db, interleaved, run_process

if TYPE_CHECKING:
    from run import Bench

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable


def taskwarrior(bench: Bench, size: int, tasks: Path, work: Path) -> None:
    """`task import` of the plan's activities, and `task summary` of them."""
    assert bench.task is not None
    data = work / "taskwarrior"
    rc = work / "taskrc"
    rc.write_text(
        f"data.location={data}\nconfirmation=off\nverbose=nothing\nhooks=off\n"
        "recurrence=off\ngc=on\nnews.version=9.9.9\n",
        encoding="utf-8",
    )
    env = {**os.environ, "TASKRC": str(rc), "TASKDATA": str(data)}

    def fresh_import() -> Sample:
        shutil.rmtree(data, ignore_errors=True)
        data.mkdir()
        return run_process([bench.task, "import", str(tasks)], env=env)[0]

    bench.log("taskwarrior")
    interleaved(
        bench.runs_for(size, slow=True),
        [(bench.results.figure("task import", size), fresh_import)],
        warmup=False,
    )
    interleaved(
        bench.runs_for(size),
        [
            (
                bench.results.figure("task summary", size),
                lambda: run_process([bench.task, "summary"], env=env)[0],
            )
        ],
        warmup=not bench.args.quick,
    )


def app(bench: Bench, size: int, base: Path) -> None:
    """The app's start, Space, Down, expanding a goal and a search keystroke, and their floors."""
    r = bench.results
    db = copy_db(base, base.with_name("app.db"))
    presses = str(bench.args.presses)
    app_bench = str(HERE / "app_bench.py")
    figures = {
        "app": {
            "start": r.figure("app: start to first screen", size, "bare Textual app: start"),
            "expand": r.figure(
                "app: expand a goal of 1 000 children", size, "bare Tree: expand 1 000 leaves"
            ),
            "press_done": r.figure("app: Space, saved + repainted", size, "app: Down, repainted"),
            "press_down": r.figure("app: Down, repainted", size),
            "keystroke": r.figure("app: search, one keystroke", size, "bare Input: one keystroke"),
        },
        "bare": {
            "start": r.figure("bare Textual app: start", size, "python -c pass"),
            "expand": r.figure("bare Tree: expand 1 000 leaves", size),
            "keystroke": r.figure("bare Input: one keystroke", size),
        },
    }

    def one(mode: str, *, record: bool = True, start_only: bool = False) -> Sample:
        command = [PYTHON, app_bench, mode, "--spawn", repr(time.time()), "--presses", presses]
        if mode == "app":
            command += ["--db", str(db)]
        if start_only:
            command.append("--start-only")
        sample, text = run_process(command, env=bench.env)
        data = json.loads(text.strip().splitlines()[-1])
        for key, figure in figures[mode].items() if record else ():
            if key not in data:
                continue
            values = data[key] if isinstance(data[key], list) else [data[key]]
            figure.samples.extend(values)
            figure.rss_mb = max(figure.rss_mb or 0.0, sample.rss_mb)
        return Sample(data["start"], sample.rss_mb)

    if not bench.args.quick:  # a first start fills the caches, as it would on any machine
        one("bare", record=False)
        one("app", record=False)
    # The start is timed once per process; presses and keystrokes many times in each.
    # A start varies by a fifth from one process to the next, so more processes are
    # started (and stopped at the first screen) until there are `--app-starts` of each.
    full_runs = bench.runs_for(size)
    for run in range(max(full_runs, bench.args.app_starts)):
        one("bare", start_only=run >= full_runs)
        one("app", start_only=run >= full_runs)
