"""`make bench` rows of the metrics: `vpl metrics` and `vpl outcome import`, each beside a floor.

At N activities the rows use a plan of N / 5 metrics (20 000 at 100 000, the issue's size):
a thousandth of a goal's worth of goals, each with metrics of its own and under its
initiatives, every metric with a Kolada KPI id, and a saved Kolada answer of N outcomes
(five years of every metric) for the plan's municipality.

- `vpl outcome import FILE` on a fresh copy of the metrics database, beside
  `floors/metrics_sqlite.py import`, which reads the same JSON and inserts the same rows;
- `vpl metrics --period ar` on the database after the import, beside
  `floors/metrics_sqlite.py metrics`, which reads the same rows and prints a line a metric.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
FLOOR = HERE / "floors" / "metrics_sqlite.py"
YEARS = 5
METRICS_PER_GOAL = 20
"""Four of the goal's own and four under each of its four initiatives."""


def metric_count(size: int) -> int:
    return max(METRICS_PER_GOAL, size // YEARS)


def metrics_plan(metrics: int, year: int) -> str:
    """A plan file with `metrics` metrics, each with a KPI id and targets."""
    from vpl_tui.model import Goal, Initiative, Metric, Plan, PlanInfo
    from vpl_tui.planfile import dumps_plan

    def metric(index: int) -> Metric:
        target = "Öka" if index % 3 else f"Högst {index % 90 + 10}"
        return Metric(
            name=f"Mätetal {index}",
            kolada_kpi=f"N{index:06d}",
            latest=str(index % 5000),
            latest_year=year - YEARS,
            targets={str(year): target},
        )

    goals, made = [], 0
    while made < metrics:
        number = f"{len(goals) // 100 + 1}.{len(goals) % 100 + 1}"
        own = [metric(made + k) for k in range(4)]
        made += 4
        initiatives = []
        for i in range(4):
            initiatives.append(
                Initiative(
                    id=f"i{len(goals)}-{i}",
                    title=f"Initiativ {i}",
                    metrics=[metric(made + k) for k in range(4)],
                )
            )
            made += 4
        goals.append(
            Goal(
                number=number,
                kind="board",
                title=f"Mål {number}",
                metrics=own,
                initiatives=initiatives,
            )
        )
    info = PlanInfo(
        title="Verksamhetsplan",
        organisation="Staben",
        year=year,
        period=f"{year}-{year + 2}",
        municipality_code="2580",
    )
    return dumps_plan(Plan(plan=info, goals=goals))


def kolada_answer(metrics: int, year: int) -> str:
    """Kolada's `values[]` for every metric and five years before `year`."""
    values: list[dict[str, Any]] = [
        {
            "kpi": f"N{index:06d}",
            "municipality": "2580",
            "period": year - YEARS + back,
            "values": [{"gender": "T", "status": "", "value": (index * 7 + back) % 10_000 + 0.5}],
        }
        for index in range(metrics)
        for back in range(YEARS)
    ]
    return json.dumps({"values": values})


def run(bench: Any, size: int, base: Path, work: Path) -> None:
    """The two rows at `size` (see the module); `base` (the activities' plan) is not used."""
    from datetime import date

    from measure import copy_db, remove_db, run_process

    vpl = str(Path(sys.executable).with_name("vpl"))
    python = sys.executable
    year = date.today().year
    metrics = metric_count(size)
    plan = work / "metrics-plan.toml"
    answer = work / "kolada.json"
    plan.write_text(metrics_plan(metrics, year), encoding="utf-8")
    answer.write_text(kolada_answer(metrics, year), encoding="utf-8")
    loaded = work / "metrics-base.db"
    remove_db(loaded)
    run_process([vpl, "--db", str(loaded), "load", str(plan)], env=bench.env)
    mine_db, floor_db = work / "metrics-import.db", work / "metrics-import-floor.db"

    def import_mine() -> Any:
        copy_db(loaded, mine_db)
        return bench.measure([vpl, "--db", str(mine_db), "outcome", "import", str(answer)])

    def import_floor() -> Any:
        copy_db(loaded, floor_db)
        return bench.measure([python, str(FLOOR), "import", str(floor_db), str(answer)])

    bench.pair(
        size,
        f"vpl outcome import ({size:,} outcomes)".replace(",", " "),
        "floor: outcome import (sqlite3)",
        import_mine,
        import_floor,
    )
    judged = copy_db(loaded, work / "metrics.db")
    run_process([vpl, "--db", str(judged), "outcome", "import", str(answer)], env=bench.env)
    bench.pair(
        size,
        f"vpl metrics ({metrics:,} metrics)".replace(",", " "),
        "floor: metrics (sqlite3)",
        lambda: bench.measure([vpl, "--db", str(judged), "metrics", "--period", "ar"]),
        lambda: bench.measure([python, str(FLOOR), "metrics", str(judged), "ar"]),
    )
