"""Benchmarks at the scale of a whole region: `make bench`.

    .venv/bin/python benchmarks/run.py                      # N = 1 000, 10 000, 100 000
    .venv/bin/python benchmarks/run.py --sizes 1000 --runs 3
    .venv/bin/python benchmarks/run.py --quick --sizes 200  # a smoke run (what the test does)

For every size N it writes a plan with `make_plan.py`, then times each operation as a
whole process (like a person typing the command) or, for the terminal app, headless in
one process (`app_bench.py`). Every figure is taken several times, interleaved with its
floor (the least a Python program must do for the same result), and reported as median,
spread and ratio to the floor measured in the same run, with the peak memory: the
process's maximum resident set size, or the largest sum of it and the processes it
started (sampled every 50 ms), whichever is larger. Absolute times vary from machine to machine; ratios
to a floor measured beside them much less.

Results go to `benchmarks/results/` (git-ignored): `latest.md` (the tables), `latest.json`
(every sample) and the generated plans and databases, which later runs reuse.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_plan  # noqa: E402

PYTHON = sys.executable
VPL = str(Path(PYTHON).with_name("vpl"))
FLOORS = HERE / "floors"
DEFAULT_SIZES = (1_000, 10_000, 100_000)
SEARCH_WORD = "digitalisering"


# -- measuring ---------------------------------------------------------------------------------


@dataclass
class Sample:
    seconds: float
    rss_mb: float


def _gnu_time() -> str | None:
    path = shutil.which("time") or ("/usr/bin/time" if Path("/usr/bin/time").exists() else None)
    if path is None:
        return None
    try:
        probe = subprocess.run([path, "--version"], capture_output=True, text=True, check=False)
    except OSError:
        return None
    return path if "GNU" in probe.stdout + probe.stderr else None


GNU_TIME = _gnu_time()
"""GNU time reports a child's peak memory from its own small process. Linux counts the
memory of the process that forked a child into the child's peak (ru_maxrss), so measured
from this Python process every peak would be at least this process's size."""


class TreeMemory(threading.Thread):
    """The largest sum of resident memory of a process and all it started, sampled.

    `vpl load` reads a large file in several processes at once; the peak that matters is
    what they hold together (pages they share counted in each, so this errs high), which
    no single process's ru_maxrss tells. Sampled every `interval` seconds from /proc.
    """

    def __init__(self, root: int, interval: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.root, self.interval = root, interval
        self.peak_kb = 0.0
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.is_set():
            self.peak_kb = max(self.peak_kb, tree_rss_kb(self.root))
            self._stop_event.wait(self.interval)

    def stop(self) -> float:
        self._stop_event.set()
        self.join()
        return self.peak_kb


PAGE_KB = os.sysconf("SC_PAGE_SIZE") / 1024 if hasattr(os, "sysconf") else 4.0


def tree_rss_kb(root: int) -> float:
    """Resident memory of `root` and its descendants now, in KiB (0 where /proc is missing)."""
    children: dict[int, list[int]] = {}
    try:
        entries = [int(name) for name in os.listdir("/proc") if name.isdigit()]
    except OSError:
        return 0.0
    for pid in entries:
        try:
            with open(f"/proc/{pid}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(pid)
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0.0, [root]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            with open(f"/proc/{pid}/statm", "rb") as statm:
                total += int(statm.read().split()[1]) * PAGE_KB
        except (OSError, IndexError, ValueError):
            continue
    return total


def run_process(
    command: Sequence[str], *, env: dict[str, str] | None = None, stdout: Path | None = None
) -> tuple[Sample, str]:
    """Run `command` to its end: wall time, peak resident memory (with what it started), stdout."""
    with (
        tempfile.TemporaryFile() as err,
        tempfile.TemporaryFile() as out,
        tempfile.NamedTemporaryFile("r", suffix=".rss") as rss,
    ):
        launch = [GNU_TIME, "-f", "%M", "-o", rss.name, *command] if GNU_TIME else list(command)
        sink = open(stdout, "wb") if stdout is not None else out  # noqa: SIM115
        try:
            started = time.perf_counter()
            process = subprocess.Popen(launch, stdout=sink, stderr=err, env=env)
            tree = TreeMemory(process.pid)
            tree.start()
            # wait4: this child's own usage (RUSAGE_CHILDREN would be the largest so far).
            _, status, usage = os.wait4(process.pid, 0)
            seconds = time.perf_counter() - started
            tree_peak_kb = tree.stop()
            process.returncode = os.waitstatus_to_exitcode(status)
        finally:
            if stdout is not None:
                sink.close()
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
        if process.returncode != 0:
            err.seek(0)
            message = err.read().decode("utf-8", "replace").strip().splitlines()[-5:]
            raise RuntimeError(f"{' '.join(command)} exited {process.returncode}: {message}")
        peak_kb = float(usage.ru_maxrss)
        if GNU_TIME:
            peak_kb = float(rss.read().strip().splitlines()[-1])
    return Sample(seconds, max(peak_kb, tree_peak_kb) / 1024), text


@dataclass
class Figure:
    """One operation at one size: its samples and the floor it is compared with."""

    name: str
    size: int
    samples: list[float] = field(default_factory=list)
    rss_mb: float | None = None
    floor: str | None = None
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def spread(self) -> float:
        """Half the range of the samples, relative to the median (0.05 = ±5 %)."""
        if len(self.samples) < 2 or self.median == 0:
            return 0.0
        return (max(self.samples) - min(self.samples)) / 2 / self.median

    def add(self, sample: Sample) -> None:
        self.samples.append(sample.seconds)
        self.rss_mb = max(self.rss_mb or 0.0, sample.rss_mb)


class Results:
    def __init__(self) -> None:
        self.figures: dict[tuple[str, int], Figure] = {}
        self.order: list[str] = []

    def figure(self, name: str, size: int, floor: str | None = None) -> Figure:
        key = (name, size)
        if key not in self.figures:
            self.figures[key] = Figure(name, size, floor=floor)
            if name not in self.order:
                self.order.append(name)
        return self.figures[key]

    def get(self, name: str, size: int) -> Figure | None:
        figure = self.figures.get((name, size))
        return figure if figure is not None and figure.samples else None

    def ratio(self, name: str, size: int) -> float | None:
        figure = self.get(name, size)
        if figure is None or figure.floor is None:
            return None
        floor = self.get(figure.floor, size)
        if floor is None or floor.median == 0:
            return None
        return figure.median / floor.median


def interleaved(
    runs: int,
    pairs: Sequence[tuple[Figure, Callable[[], Sample]]],
    *,
    warmup: bool,
) -> None:
    """Run each measurement `runs` times, taking turns, so that noise hits all alike."""
    if warmup:
        for _, measure in pairs:
            measure()
    for _ in range(runs):
        for figure, measure in pairs:
            figure.add(measure())


# -- the operations ------------------------------------------------------------------------------


def vpl_env(out: Path) -> dict[str, str]:
    """The environment of every measured Python process (vpl, the floors, the app).

    Bytecode is cached, in `out/pycache`, as it is for an installed vpl: with
    PYTHONDONTWRITEBYTECODE set, every start would compile vpl's own modules again
    (tens of milliseconds), which no user's installation does.
    """
    dropped = {"VPL_DB", "VPL_LANG", "PYTHONDONTWRITEBYTECODE"}
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env.update({"VPL_USER": "bench", "NO_COLOR": "1", "PYTHONPYCACHEPREFIX": str(out / "pycache")})
    return env


def plan_files(size: int, out: Path, today: date) -> tuple[Path, Path]:
    """The plan file and Taskwarrior tasks for `size`, generated once per generator version."""
    version = hashlib.sha256((HERE / "make_plan.py").read_bytes()).hexdigest()[:8]
    stem = f"plan-{size}-{today.isoformat()}-{version}"
    plan, tasks = out / f"{stem}.toml", out / f"{stem}.tasks.json"
    if not plan.exists() or not tasks.exists():
        make_plan.write(size, plan, today=today, tasks=tasks)
    return plan, tasks


def remove_db(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


class Bench:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.out: Path = args.out
        self.results = Results()
        self.env = vpl_env(args.out.resolve())
        self.task = None if args.no_taskwarrior else shutil.which("task")
        self.log = print if not args.quiet else (lambda *a, **k: None)

    def runs_for(self, size: int, slow: bool = False) -> int:
        # The slow commands vary more at the largest size (a fifth from run to run), so they
        # run their own number of times there.
        runs = self.args.slow_runs if slow and size >= 100_000 else self.args.runs
        return max(1, runs)

    def measure(self, command: Sequence[str], stdout: Path | None = None) -> Sample:
        return run_process(command, env=self.env, stdout=stdout)[0]

    def size(self, size: int) -> None:
        today = date.today()
        work = self.out / f"n{size}"
        work.mkdir(parents=True, exist_ok=True)
        self.log(f"\n== N = {size:,} ==".replace(",", " "))
        plan, tasks = plan_files(size, self.out, today)
        base = work / "base.db"
        remove_db(base)
        run_process([VPL, "--db", str(base), "load", str(plan)], env=self.env)
        warm = not self.args.quick
        r = self.results

        # Python's own start: under every whole-process figure.
        python = r.figure("python -c pass", size)

        def load_measure(db: Path, command: list[str]) -> Callable[[], Sample]:
            def measure() -> Sample:
                remove_db(db)
                return self.measure(command)

            return measure

        self.log("load")
        loaded, floor_db = work / "load.db", work / "load-floor.db"
        load = r.figure("vpl load", size, floor="floor: parse + insert (sqlite3)")
        load_floor = r.figure("floor: parse + insert (sqlite3)", size, floor="python -c pass")
        interleaved(
            self.runs_for(size, slow=True),
            [
                (load, load_measure(loaded, [VPL, "--db", str(loaded), "load", str(plan)])),
                (
                    load_floor,
                    load_measure(
                        floor_db, [PYTHON, str(FLOORS / "load_sqlite.py"), str(plan), str(floor_db)]
                    ),
                ),
            ],
            warmup=False,
        )
        if self.task:
            self.taskwarrior(size, tasks, work)

        self.log("summary")
        summary_floor = str(FLOORS / "summary_sqlite.py")
        pairs = [
            (python, lambda: self.measure([PYTHON, "-c", "pass"])),
            (
                r.figure("vpl summary", size, floor="floor: summary (sqlite3)"),
                lambda: self.measure([VPL, "--db", str(base), "summary"]),
            ),
            (
                r.figure("floor: summary (sqlite3)", size, floor="python -c pass"),
                lambda: self.measure([PYTHON, summary_floor, str(base), "text"]),
            ),
            (
                r.figure("vpl summary --format json", size, floor="floor: summary json (sqlite3)"),
                lambda: self.measure([VPL, "--db", str(base), "summary", "--format", "json"]),
            ),
            (
                r.figure("floor: summary json (sqlite3)", size, floor="python -c pass"),
                lambda: self.measure([PYTHON, summary_floor, str(base), "json"]),
            ),
        ]
        interleaved(self.runs_for(size), pairs, warmup=warm)

        self.log("export")
        exported, floor_export = work / "export.toml", work / "export-floor.toml"
        interleaved(
            self.runs_for(size, slow=True),
            [
                (
                    r.figure("vpl export", size, floor="floor: export (sqlite3)"),
                    lambda: self.measure([VPL, "--db", str(base), "export", "-o", str(exported)]),
                ),
                (
                    r.figure("floor: export (sqlite3)", size, floor="python -c pass"),
                    lambda: self.measure(
                        [PYTHON, str(FLOORS / "export_sqlite.py"), str(base), str(floor_export)]
                    ),
                ),
            ],
            warmup=warm,
        )

        self.log("set")
        changed = work / "set.db"
        remove_db(changed)
        shutil.copyfile(base, changed)
        with sqlite3.connect(changed) as db:
            refs = iter(
                ref
                for (ref,) in db.execute(
                    "SELECT ref FROM activity WHERE status != 'done' ORDER BY ref LIMIT 1000"
                )
            )
        set_figure = r.figure("vpl set REF done", size, floor="floor: set (sqlite3)")
        set_floor = r.figure("floor: set (sqlite3)", size, floor="python -c pass")
        interleaved(
            self.runs_for(size),
            [
                (
                    set_figure,
                    lambda: self.measure([VPL, "--db", str(changed), "set", next(refs), "done"]),
                ),
                (
                    set_floor,
                    lambda: self.measure(
                        [PYTHON, str(FLOORS / "set_sqlite.py"), str(changed), next(refs), "done"]
                    ),
                ),
            ],
            warmup=warm,
        )

        if not self.args.no_app:
            self.log("app")
            self.app(size, base)

    def taskwarrior(self, size: int, tasks: Path, work: Path) -> None:
        assert self.task is not None
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
            return run_process([self.task, "import", str(tasks)], env=env)[0]

        self.log("taskwarrior")
        interleaved(
            self.runs_for(size, slow=True),
            [(self.results.figure("task import", size), fresh_import)],
            warmup=False,
        )
        interleaved(
            self.runs_for(size),
            [
                (
                    self.results.figure("task summary", size),
                    lambda: run_process([self.task, "summary"], env=env)[0],
                )
            ],
            warmup=not self.args.quick,
        )

    def app(self, size: int, base: Path) -> None:
        r = self.results
        db = base.with_name("app.db")
        remove_db(db)
        shutil.copyfile(base, db)
        presses = str(self.args.presses)
        bench = str(HERE / "app_bench.py")
        figures = {
            "app": {
                "start": r.figure("app: start to first screen", size, "bare Textual app: start"),
                "expand": r.figure(
                    "app: expand a goal of 1 000 children", size, "bare Tree: expand 1 000 leaves"
                ),
                "press_done": r.figure(
                    "app: Space, saved + repainted", size, "app: Down, repainted"
                ),
                "press_down": r.figure("app: Down, repainted", size),
                "keystroke": r.figure(
                    "app: search, one keystroke", size, "bare Input: one keystroke"
                ),
            },
            "bare": {
                "start": r.figure("bare Textual app: start", size, "python -c pass"),
                "expand": r.figure("bare Tree: expand 1 000 leaves", size),
                "keystroke": r.figure("bare Input: one keystroke", size),
            },
        }

        def one(mode: str, *, record: bool = True, start_only: bool = False) -> Sample:
            command = [PYTHON, bench, mode, "--spawn", repr(time.time()), "--presses", presses]
            if mode == "app":
                command += ["--db", str(db)]
            if start_only:
                command.append("--start-only")
            sample, text = run_process(command, env=self.env)
            data = json.loads(text.strip().splitlines()[-1])
            for key, figure in figures[mode].items() if record else ():
                if key not in data:
                    continue
                values = data[key] if isinstance(data[key], list) else [data[key]]
                figure.samples.extend(values)
                figure.rss_mb = max(figure.rss_mb or 0.0, sample.rss_mb)
            return Sample(data["start"], sample.rss_mb)

        if not self.args.quick:  # a first start fills the caches, as it would on any machine
            one("bare", record=False)
            one("app", record=False)
        # The start is timed once per process; presses and keystrokes many times in each.
        # A start varies by a fifth from one process to the next, so more processes are
        # started (and stopped at the first screen) until there are `--app-starts` of each.
        full_runs = self.runs_for(size)
        for run in range(max(full_runs, self.args.app_starts)):
            one("bare", start_only=run >= full_runs)
            one("app", start_only=run >= full_runs)


# -- reporting -----------------------------------------------------------------------------------


def fmt_seconds(seconds: float) -> str:
    if seconds >= 10:
        return f"{seconds:.1f} s"
    if seconds >= 1:
        return f"{seconds:.2f} s"
    return f"{seconds * 1000:.0f} ms" if seconds >= 0.01 else f"{seconds * 1000:.1f} ms"


def fmt_size(size: int) -> str:
    return f"{size:,}".replace(",", " ")


def cell(results: Results, name: str, size: int) -> str:
    figure = results.get(name, size)
    if figure is None:
        return "–"
    text = f"{fmt_seconds(figure.median)} ±{figure.spread * 100:.0f}%"
    ratio = results.ratio(name, size)
    if ratio is not None:
        text += f" · **{ratio:.2f}×**"
    if figure.rss_mb:
        text += f" · {figure.rss_mb:.0f} MB"
    return text


def growth(results: Results, name: str, sizes: Sequence[int]) -> str:
    """How time grows from the second-largest to the largest size: exponent of N."""
    measured = [s for s in sizes if results.get(name, s) is not None]
    if len(measured) < 2:
        return "–"
    small, large = measured[-2], measured[-1]
    t_small, t_large = results.get(name, small).median, results.get(name, large).median
    if t_small <= 0 or t_large <= 0 or large == small:
        return "–"
    return f"N^{math.log(t_large / t_small) / math.log(large / small):.2f}"


@dataclass
class Target:
    text: str
    value: str
    met: bool | None


def targets(results: Results, size: int) -> list[Target]:
    """The issue's targets, judged on this run's figures at `size`."""
    found: list[Target] = []

    def ratio_target(text: str, name: str, limit: float) -> None:
        ratio = results.ratio(name, size)
        value = "not measured" if ratio is None else f"{ratio:.2f}×"
        found.append(Target(text, value, None if ratio is None else ratio <= limit))

    ratio_target("app start ≤ 1.3× a bare Textual app", "app: start to first screen", 1.3)
    ratio_target("Space (done, saved, repainted) ≤ 2× Down", "app: Space, saved + repainted", 2.0)
    ratio_target("`vpl summary` ≤ 2× Python + sqlite3 doing the same", "vpl summary", 2.0)

    def faster_than(text: str, mine: str, theirs: str) -> None:
        a, b = results.get(mine, size), results.get(theirs, size)
        if a is None or b is None:
            found.append(Target(text, "Taskwarrior not measured" if a else "not measured", None))
            return
        value = f"{fmt_seconds(a.median)} vs {fmt_seconds(b.median)} ({a.median / b.median:.2f}×)"
        found.append(Target(text, value, a.median < b.median))

    faster_than("`vpl summary` faster than `task summary`", "vpl summary", "task summary")
    faster_than("`vpl load` faster than `task import`", "vpl load", "task import")
    load = results.get("vpl load", size)
    if load is not None and load.rss_mb is not None:
        found.append(
            Target("`vpl load` peak memory < 500 MB", f"{load.rss_mb:.0f} MB", load.rss_mb < 500)
        )
    return found


def machine() -> dict[str, str]:
    info = {
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "cpus": str(os.cpu_count()),
        "platform": platform.platform(),
    }
    try:
        lscpu = subprocess.run(["lscpu"], capture_output=True, text=True, check=False).stdout
        for line in lscpu.splitlines():
            if line.startswith("Model name:"):
                info["cpu"] = line.split(":", 1)[1].strip()
    except OSError:
        pass
    try:
        from importlib.metadata import version

        info["textual"] = version("textual")
    except Exception:  # noqa: BLE001 - only for the report
        pass
    task = shutil.which("task")
    if task:
        info["taskwarrior"] = subprocess.run(
            [task, "--version"], capture_output=True, text=True, check=False
        ).stdout.strip()
    return info


def report(results: Results, sizes: Sequence[int], info: dict[str, str]) -> str:
    lines = [
        f"Run of {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')} on "
        + ", ".join(f"{k} {v}" for k, v in info.items()),
        "",
        "Each cell: median ±spread (half the range of the runs) · **ratio to the floor "
        "measured in the same run** · peak memory of the process (with the processes it "
        "started, summed).",
        "",
        "| operation | floor | " + " | ".join(f"N = {fmt_size(s)}" for s in sizes) + " | growth |",
        "|---|---|" + "---|" * len(sizes) + "---|",
    ]
    for name in results.order:
        some = next(
            (results.figures[(name, s)] for s in sizes if (name, s) in results.figures), None
        )
        if some is None:
            continue
        cells = [cell(results, name, s) for s in sizes]
        lines.append(
            f"| {name} | {some.floor or ''} | "
            + " | ".join(cells)
            + f" | {growth(results, name, sizes)} |"
        )
    largest = max(sizes)
    lines += ["", f"Targets at N = {fmt_size(largest)}:", ""]
    for target in targets(results, largest):
        mark = {True: "met", False: "NOT met", None: "–"}[target.met]
        lines.append(f"- {target.text}: {target.value}: **{mark}**")
    lines += [
        "",
        "Growth: the exponent k in time ∝ N^k between the two largest sizes "
        "(1 = linear; below 1, fixed costs still dominate).",
    ]
    return "\n".join(lines) + "\n"


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
    parser.add_argument("--no-app", action="store_true", help="skip the terminal app")
    parser.add_argument("--no-taskwarrior", action="store_true", help="skip Taskwarrior")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
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
