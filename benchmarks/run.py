"""Benchmarks at the scale of a whole region: `make bench`.

    .venv/bin/python benchmarks/run.py                      # N = 1 000, 10 000, 100 000
    .venv/bin/python benchmarks/run.py --sizes 1000 --runs 3
    .venv/bin/python benchmarks/run.py --sizes 100000 --only set,history,undo,export
    .venv/bin/python benchmarks/run.py --quick --sizes 200  # a smoke run (what the test does)
    .venv/bin/python benchmarks/run.py --python .venv/bench/bin/python   # an installed vpl

For every size N it writes a plan with `make_plan.py`, then times each operation as a
whole process (like a person typing the command) or, for the terminal app, headless in
one process (`app_bench.py`). Every figure is taken several times, interleaved with its
floor (the least a Python program must do for the same result), and reported as median,
spread and ratio to the floor measured in the same run, with the peak memory: the
process's maximum resident set size, or the largest sum of it and the processes it
started (sampled every 50 ms), whichever is larger (`measure.py`). Absolute times vary
from machine to machine; ratios to a floor measured beside them much less.

Results go to `benchmarks/results/` (git-ignored): `latest.md` (the tables, `report.py`),
`latest.json` (every sample) and the generated plans and databases, which later runs reuse.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sqlite3
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_plan  # noqa: E402
from apps import app, taskwarrior  # noqa: E402
from features import FEATURES  # noqa: E402
from measure import (  # noqa: E402
    Results,
    Sample,
    copy_db,
    interleaved,
    remove_db,
    run_process,
)
from report import machine, report  # noqa: E402

PYTHON = sys.executable
VPL = str(Path(PYTHON).with_name("vpl"))
FLOORS = HERE / "floors"
DEFAULT_SIZES = (1_000, 10_000, 100_000)
STEPS = (
    *("load", "taskwarrior", "summary", "export", "set", "history", "undo"),
    *FEATURES,
    "app",
)
"""What `--only` picks from, in the order they run."""
BENCH_USER = "bench"
"""VPL_USER of the measured processes: whose changes `vpl undo` undoes."""


def use_python(python: Path) -> None:
    """Time the `vpl` installed beside `python`, and run every floor on `python` too.

    An editable install (`pip install -e .`, the checkout's .venv) starts every Python
    process by importing its path finder (a tenth of `vpl set`), which no installed copy
    has; the floors, run by the same interpreter, would pay it too. Feature modules read
    `run.PYTHON` and `run.VPL` when they run, not when they are imported.
    """
    global PYTHON, VPL
    PYTHON = str(python)
    VPL = str(python.with_name("vpl"))


# -- the operations ------------------------------------------------------------------------------


def vpl_env(out: Path) -> dict[str, str]:
    """The environment of every measured Python process (vpl, the floors, the app).

    Bytecode is cached, in `out/pycache`, as it is for an installed vpl: with
    PYTHONDONTWRITEBYTECODE set, every start would compile vpl's own modules again
    (tens of milliseconds), which no user's installation does.
    """
    dropped = {"VPL_DB", "VPL_LANG", "PYTHONDONTWRITEBYTECODE"}
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env.update(
        {"VPL_USER": BENCH_USER, "NO_COLOR": "1", "PYTHONPYCACHEPREFIX": str(out / "pycache")}
    )
    return env


def plan_files(size: int, out: Path, today: date) -> tuple[Path, Path]:
    """The plan file and Taskwarrior tasks for `size`, generated once per generator version."""
    generator = b"".join((HERE / name).read_bytes() for name in ("make_plan.py", "plan_out.py"))
    version = hashlib.sha256(generator).hexdigest()[:8]
    stem = f"plan-{size}-{today.isoformat()}-{version}"
    plan, tasks = out / f"{stem}.toml", out / f"{stem}.tasks.json"
    if not plan.exists() or not tasks.exists():
        make_plan.write(size, plan, today=today, tasks=tasks)
    return plan, tasks


def open_refs(db: Path, count: int) -> list[str]:
    """Refs of `count` activities not done yet, in ref order: for `vpl set REF done`."""
    from vpl_tui.rules.statuses import DONE

    with sqlite3.connect(db) as connection:
        rows = connection.execute(
            "SELECT ref FROM activity WHERE status != ? ORDER BY ref LIMIT ?", (DONE, count)
        )
        return [ref for (ref,) in rows]


class Bench:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.out: Path = args.out
        self.results = Results()
        self.env = vpl_env(args.out.resolve())
        self.task = None if args.no_taskwarrior else shutil.which("task")
        self.log = print if not args.quiet else (lambda *a, **k: None)
        self.steps = set(args.only)

    def runs_for(self, size: int, slow: bool = False) -> int:
        # The slow commands vary more at the largest size (a fifth from run to run), so they
        # run their own number of times there.
        runs = self.args.slow_runs if slow and size >= 100_000 else self.args.runs
        return max(1, runs)

    def measure(self, command: Sequence[str], stdout: Path | None = None) -> Sample:
        return run_process(command, env=self.env, stdout=stdout)[0]

    def pair(
        self,
        size: int,
        name: str,
        floor: str,
        mine: Callable[[], Sample],
        least: Callable[[], Sample],
        *,
        slow: bool = False,
    ) -> None:
        """`name` and its floor, measured in turns."""
        r = self.results
        interleaved(
            self.runs_for(size, slow=slow),
            [
                (r.figure(name, size, floor=floor), mine),
                (r.figure(floor, size, floor="python -c pass"), least),
            ],
            warmup=not self.args.quick,
        )

    def size(self, size: int) -> None:
        today = date.today()
        work = self.out / f"n{size}"
        work.mkdir(parents=True, exist_ok=True)
        self.log(f"\n== N = {size:,} ==".replace(",", " "))
        plan, tasks = plan_files(size, self.out, today)
        base = work / "base.db"
        remove_db(base)
        run_process([VPL, "--db", str(base), "load", str(plan)], env=self.env)

        # Python's own start: under every whole-process figure.
        interleaved(
            self.runs_for(size),
            [
                (
                    self.results.figure("python -c pass", size),
                    lambda: self.measure([PYTHON, "-c", "pass"]),
                )
            ],
            warmup=not self.args.quick,
        )
        if "load" in self.steps:
            self.load(size, plan, work)
        if "taskwarrior" in self.steps and self.task:
            taskwarrior(self, size, tasks, work)
        if "summary" in self.steps:
            self.summary(size, base)
        if "export" in self.steps:
            self.export(size, base, work)
        changed = copy_db(base, work / "set.db")
        if "set" in self.steps:
            self.set_status(size, changed)
        if "history" in self.steps:
            self.history(size, changed)
        if "undo" in self.steps:
            self.undo(size, base, work)
        for step, run in FEATURES.items():
            if step in self.steps:
                self.log(step)
                run(self, size, base, work)
        if "app" in self.steps and not self.args.no_app:
            self.log("app")
            app(self, size, base)

    def load(self, size: int, plan: Path, work: Path) -> None:
        self.log("load")
        loaded, floor_db = work / "load.db", work / "load-floor.db"

        def fresh(db: Path, command: list[str]) -> Callable[[], Sample]:
            def measure() -> Sample:
                remove_db(db)
                return self.measure(command)

            return measure

        r = self.results
        interleaved(
            self.runs_for(size, slow=True),
            [
                (
                    r.figure("vpl load", size, floor="floor: parse + insert (sqlite3)"),
                    fresh(loaded, [VPL, "--db", str(loaded), "load", str(plan)]),
                ),
                (
                    r.figure("floor: parse + insert (sqlite3)", size, floor="python -c pass"),
                    fresh(
                        floor_db, [PYTHON, str(FLOORS / "load_sqlite.py"), str(plan), str(floor_db)]
                    ),
                ),
            ],
            warmup=False,
        )

    def summary(self, size: int, base: Path) -> None:
        self.log("summary")
        summary_floor = str(FLOORS / "summary_sqlite.py")
        self.pair(
            size,
            "vpl summary",
            "floor: summary (sqlite3)",
            lambda: self.measure([VPL, "--db", str(base), "summary"]),
            lambda: self.measure([PYTHON, summary_floor, str(base), "text"]),
        )
        self.pair(
            size,
            "vpl summary --format json",
            "floor: summary json (sqlite3)",
            lambda: self.measure([VPL, "--db", str(base), "summary", "--format", "json"]),
            lambda: self.measure([PYTHON, summary_floor, str(base), "json"]),
        )

    def export(self, size: int, base: Path, work: Path) -> None:
        self.log("export")
        exported, floor_export = work / "export.toml", work / "export-floor.toml"
        self.pair(
            size,
            "vpl export",
            "floor: export (sqlite3)",
            lambda: self.measure([VPL, "--db", str(base), "export", "-o", str(exported)]),
            lambda: self.measure(
                [PYTHON, str(FLOORS / "export_sqlite.py"), str(base), str(floor_export)]
            ),
            slow=True,
        )

    def set_status(self, size: int, changed: Path) -> None:
        self.log("set")
        refs = iter(open_refs(changed, 1000))
        self.pair(
            size,
            "vpl set REF done",
            "floor: set (sqlite3)",
            lambda: self.measure([VPL, "--db", str(changed), "set", next(refs), "done"]),
            lambda: self.measure(
                [PYTHON, str(FLOORS / "set_sqlite.py"), str(changed), next(refs), "done"]
            ),
        )

    def history(self, size: int, db: Path) -> None:
        self.log("history")
        self.pair(
            size,
            "vpl history",
            "floor: history (sqlite3)",
            lambda: self.measure([VPL, "--db", str(db), "history"]),
            lambda: self.measure([PYTHON, str(FLOORS / "history_sqlite.py"), str(db)]),
        )

    def undo(self, size: int, base: Path, work: Path) -> None:
        """`vpl undo` and its floor take turns undoing the bench user's changes, latest first."""
        self.log("undo")
        db = copy_db(base, work / "undo.db")
        from vpl_tui.db.store import Store

        with Store.open(db) as store:  # a change for every undo, each of its own activity
            for ref in open_refs(db, 2 * (self.runs_for(size) + 1)):
                store.set_status(ref, "done", user=BENCH_USER)
        self.pair(
            size,
            "vpl undo",
            "floor: undo (sqlite3)",
            lambda: self.measure([VPL, "--db", str(db), "undo"]),
            lambda: self.measure([PYTHON, str(FLOORS / "undo_sqlite.py"), str(db), BENCH_USER]),
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        default=",".join(map(str, DEFAULT_SIZES)),
        help="comma-separated numbers of activities (default: 1000,10000,100000)",
    )
    parser.add_argument("--runs", type=int, default=5, help="runs of each measurement")
    parser.add_argument(
        "--slow-runs", type=int, default=7, help="runs of the slow ones (load, export) at 100 000"
    )
    parser.add_argument("--presses", type=int, default=30, help="key presses per app run")
    parser.add_argument(
        "--app-starts", type=int, default=11, help="starts of the app and of the bare app"
    )
    parser.add_argument("--out", type=Path, default=HERE / "results")
    parser.add_argument("--quick", action="store_true", help="no warm-up runs (smoke test)")
    parser.add_argument(
        "--only",
        type=lambda text: [step.strip() for step in text.split(",") if step.strip()],
        default=list(STEPS),
        help=f"comma-separated steps to run (default: all): {','.join(STEPS)}",
    )
    parser.add_argument("--no-app", action="store_true", help="skip the terminal app")
    parser.add_argument("--no-taskwarrior", action="store_true", help="skip Taskwarrior")
    parser.add_argument("--quiet", action="store_true")
    parser.add_argument(
        "--python",
        type=Path,
        help="the Python of an installed vpl (`make bench` installs one): its `vpl` is timed, "
        "and the floors and `python -c pass` run on it too (default: this Python)",
    )
    args = parser.parse_args(argv)
    if args.python is not None:
        use_python(args.python)
    unknown = set(args.only) - set(STEPS)
    if unknown:
        parser.error(f"--only: no step {', '.join(sorted(unknown))} (steps: {', '.join(STEPS)})")
    sizes = sorted(int(s.replace("_", "")) for s in args.sizes.split(","))
    args.out.mkdir(parents=True, exist_ok=True)
    bench = Bench(args)
    if bench.task is None and not args.no_taskwarrior:
        bench.log("Taskwarrior: not installed (apt-get install taskwarrior to compare)")
    for size in sizes:
        bench.size(size)
    info = machine()
    text = report(bench.results, sizes, info)
    if bench.task is None and not args.no_taskwarrior:
        text += "\nTaskwarrior: not installed.\n"
    (args.out / "latest.md").write_text(text, encoding="utf-8")
    raw: dict[str, Any] = {
        "machine": info,
        "sizes": sizes,
        "figures": [
            {
                "name": f.name,
                "size": f.size,
                "floor": f.floor,
                "samples": f.samples,
                "median": f.median,
                "spread": f.spread,
                "ratio": bench.results.ratio(f.name, f.size),
                "rss_mb": f.rss_mb,
            }
            for f in bench.results.figures.values()
            if f.samples
        ],
    }
    (args.out / "latest.json").write_text(json.dumps(raw, indent=2), encoding="utf-8")
    print()
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
