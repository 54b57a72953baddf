"""The benchmark code still runs: a tiny plan through every step of `make bench`.

Timings are not checked here (a benchmark is not a test); what is checked is that the plan
generator writes a valid plan of the size asked for and that the suite measures every
operation and writes its table.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from vpl_tui.planfile import read_plan

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def run_script(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, timeout=300, check=False
    )


def test_generated_plan_is_valid_with_the_size_asked_for(tmp_path: Path) -> None:
    plan_file, tasks_file = tmp_path / "plan.toml", tmp_path / "tasks.json"
    done = run_script(
        str(BENCHMARKS / "make_plan.py"), "1200", "-o", str(plan_file), "--taskwarrior",
        str(tasks_file), "--today", "2026-06-01",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    plan = read_plan(plan_file)
    activities = [
        activity
        for goal in plan.goals
        for owner in [goal, *goal.initiatives]
        for activity in owner.activities
    ]
    assert len(activities) == 1200
    big = plan.goals[0]
    assert big.number == "1.1"
    assert len(big.activities) + len(big.initiatives) == 1000
    assert any(activity.history for activity in activities)
    assert plan.budget is not None and plan.budget.changes
    tasks = json.loads(tasks_file.read_text(encoding="utf-8"))
    assert len(tasks) == 1200
    assert {task["status"] for task in tasks} <= {"pending", "completed", "deleted"}


def test_suite_measures_every_operation_and_writes_the_table(tmp_path: Path) -> None:
    done = run_script(
        str(BENCHMARKS / "run.py"), "--sizes", "200", "--runs", "1", "--presses", "2",
        "--app-starts", "2", "--quick", "--no-taskwarrior", "--quiet", "--out", str(tmp_path),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    table = (tmp_path / "latest.md").read_text(encoding="utf-8")
    assert "| operation | floor | N = 200 | growth |" in table
    for operation in (
        "vpl load",
        "vpl summary",
        "vpl summary --format json",
        "vpl export",
        "vpl set REF done",
        "vpl history",
        "vpl undo",
        "floor: history (sqlite3)",
        "floor: undo (sqlite3)",
        "app: start to first screen",
        "app: Space, saved + repainted",
        "app: expand a goal of 1 000 children",
        "app: search, one keystroke",
        "floor: summary (sqlite3)",
        "bare Textual app: start",
        "python -c pass",
    ):
        assert f"| {operation} |" in table, operation
    assert "Targets at N = 200" in table
    assert "Taskwarrior: not installed" not in table  # skipped on request, not missing
    figures = json.loads((tmp_path / "latest.json").read_text(encoding="utf-8"))["figures"]
    measured = {figure["name"] for figure in figures if figure["samples"]}
    assert "vpl summary" in measured and "app: Down, repainted" in measured
    # One full app run and one that stops at the first screen: two starts, one of the rest.
    samples = {figure["name"]: len(figure["samples"]) for figure in figures}
    assert samples["app: start to first screen"] == samples["bare Textual app: start"] == 2
    assert samples["app: expand a goal of 1 000 children"] == 1


def test_only_runs_the_steps_asked_for(tmp_path: Path) -> None:
    done = run_script(
        str(BENCHMARKS / "run.py"), "--sizes", "200", "--runs", "1", "--quick", "--quiet",
        "--only", "set,history,undo", "--out", str(tmp_path),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    table = (tmp_path / "latest.md").read_text(encoding="utf-8")
    for operation in ("vpl set REF done", "vpl history", "vpl undo", "python -c pass"):
        assert f"| {operation} |" in table, operation
    for operation in ("vpl load", "vpl summary", "vpl export", "app: start to first screen"):
        assert f"| {operation} |" not in table, operation
    refused = run_script(str(BENCHMARKS / "run.py"), "--only", "sett", "--out", str(tmp_path))
    assert refused.returncode == 2 and "no step sett" in refused.stderr
