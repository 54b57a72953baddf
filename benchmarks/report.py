"""The report of a run: the table of figures and ratios, and the issue's targets judged.

Used by `run.py`, which writes what `report()` gives to `results/latest.md`.
"""

from __future__ import annotations

import math
import os
import platform
import shutil
import sqlite3
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from measure import Results


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
    ratio_target("`vpl set` ≤ 2× its floor", "vpl set REF done", 2.0)
    ratio_target("`vpl history` ≤ 2× its floor", "vpl history", 2.0)
    ratio_target("`vpl undo` ≤ 2× its floor", "vpl undo", 2.0)
    ratio_target("`vpl export` ≤ 1.5× its floor", "vpl export", 1.5)

    def faster_than(text: str, mine: str, theirs: str) -> None:
        a, b = results.get(mine, size), results.get(theirs, size)
        if a is None or b is None:
            found.append(Target(text, "Taskwarrior not measured" if a else "not measured", None))
            return
        value = f"{fmt_seconds(a.median)} vs {fmt_seconds(b.median)} ({a.median / b.median:.2f}×)"
        found.append(Target(text, value, a.median < b.median))

    faster_than("`vpl summary` faster than `task summary`", "vpl summary", "task summary")
    faster_than("`vpl load` faster than `task import`", "vpl load", "task import")
    for name, limit in (("vpl load", 500), ("vpl export", 300)):
        figure = results.get(name, size)
        if figure is not None and figure.rss_mb is not None:
            shown = f"{figure.rss_mb:.0f} MB"
            found.append(Target(f"`{name}` peak memory < {limit} MB", shown, figure.rss_mb < limit))
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
