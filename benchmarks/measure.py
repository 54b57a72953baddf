"""Measuring a whole process: its wall time and peak memory, with what it started.

Shared by `run.py`; every figure is a `Figure` of samples, compared with the floor
measured beside it in the same run (`Results.ratio`).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path


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


def remove_db(path: Path) -> None:
    """A database file and the two WAL files beside it, gone."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def copy_db(base: Path, path: Path) -> Path:
    """A fresh copy of the database `base` at `path`, for a step that changes it."""
    remove_db(path)
    shutil.copyfile(base, path)
    return path
