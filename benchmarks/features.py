"""The follow-up features' rows of `make bench`, one module each, run after the core rows.

A feature's module (`bench_<feature>.py`) defines `run(bench, size, base, work)`:
`bench` is the `run.Bench` (its `pair`, `measure`, `results`, `env`), `base` the loaded
database of `size` activities (copy it before writing: `measure.copy_db`), `work` the
size's folder. Add it to `FEATURES` under the step name `--only` picks it by.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

FeatureRun = Callable[[Any, int, Path, Path], None]


def _lazy(module: str) -> FeatureRun:
    """A feature's rows, imported only when its step runs (some import the app)."""

    def run(bench: Any, size: int, base: Path, work: Path) -> None:
        __import__(module).run(bench, size, base, work)

    return run


FEATURES: dict[str, FeatureRun] = {
    "followup": _lazy("bench_followup"),
    "metrics": _lazy("bench_metrics"),
    "report": _lazy("bench_report"),
    "plan_edit": _lazy("bench_plan_edit"),
    "economy": _lazy("bench_economy"),
}
"""Step name → its rows, in the order they run."""
