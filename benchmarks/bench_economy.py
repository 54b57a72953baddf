"""The economy's follow-up rows: `vpl forecast import` of a large CSV and `vpl budget --period`.

A plan with `units` units in its unit table (the bundled plan's budget, its units repeated
under new names) is loaded once; every unit gets a forecast for t1 from a CSV as a
spreadsheet exports it. The floors (benchmarks/floors/economy_*_sqlite.py) do the least a
Python program must for the same: parse the CSV and insert its rows in one transaction;
read each unit's budget and latest forecast and print the table's lines.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
FLOORS = HERE / "floors"
PYTHON = sys.executable
VPL = str(Path(PYTHON).with_name("vpl"))
SEED = HERE.parent / "seed" / "verksamhetsplan-2023.toml"


def plan_with_units(units: int) -> str:
    """The bundled plan with `units` units; their sum is the published total and net costs."""
    text = SEED.read_text(encoding="utf-8")
    start = text.index("[budget.units]")
    end = (
        text.index("[budget.pot]") if "[budget.pot]" in text else text.index("[budget.investments]")
    )
    each = 27
    total = each * units
    lines = [
        "[budget.units]",
        'columns = { 2023 = "budget" }',
        f"total = {{ 2023 = {total} }}",
        "",
    ]
    for number in range(units):
        lines += [
            "[[budget.units.units]]",
            f'name = "Enhet {number:05d}"',
            f"net_costs = {{ 2023 = {each} }}",
            "",
        ]
    text = text[:start] + "\n".join(lines) + "\n" + text[end:]
    # The operating table's 2023 figures follow the units' sum, so the plan reconciles.
    return re.sub(r"2023 = 279191", f"2023 = {total}", text)


def csv_for(units: int) -> str:
    rows = ["enhet;period;utfall;prognos;kommentar"]
    rows += [f"Enhet {n:05d};t1;9;{27 + n % 3};" for n in range(units)]
    return "\n".join(rows) + "\n"


def run(bench: Any, size: int, base: Path, work: Path) -> None:
    from measure import copy_db, remove_db

    units = size  # one unit per activity of the size: 10 000 at N = 10 000
    plan = work / f"economy-{units}.toml"
    plan.write_text(plan_with_units(units), encoding="utf-8")
    csv_file = work / f"prognos-{units}.csv"
    csv_file.write_text(csv_for(units), encoding="utf-8")
    loaded = work / "economy.db"
    remove_db(loaded)
    bench.measure([VPL, "--db", str(loaded), "load", str(plan)])
    target, floor_target = work / "economy-import.db", work / "economy-floor.db"

    def mine() -> Any:
        copy_db(loaded, target)
        return bench.measure([VPL, "--db", str(target), "forecast", "import", str(csv_file)])

    def least() -> Any:
        copy_db(loaded, floor_target)
        floor = str(FLOORS / "economy_import_sqlite.py")
        return bench.measure([PYTHON, floor, str(floor_target), str(csv_file)])

    bench.pair(size, f"vpl forecast import ({units} units)", "floor: import (sqlite3)", mine, least)
    copy_db(loaded, target)
    bench.measure([VPL, "--db", str(target), "forecast", "import", str(csv_file)])
    bench.pair(
        size,
        f"vpl budget --period t1 ({units} units)",
        "floor: follow-up table (sqlite3)",
        lambda: bench.measure([VPL, "--db", str(target), "budget", "--period", "t1"]),
        lambda: bench.measure(
            [PYTHON, str(FLOORS / "economy_budget_sqlite.py"), str(target), "t1"]
        ),
    )
