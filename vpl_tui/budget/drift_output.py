"""The driftredovisning as `vpl budget` prints it: the statement as published, under the checks.

One row per unit and year, the Summa row last in its year, one column per printed column;
figures the Swedish way with the table's own decimals (`175,9`), the unit in the heading.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from vpl_tui.budget.accounts import TOTAL
from vpl_tui.numbers import format_published
from vpl_tui.rules.economy import DRIFT_COLUMNS
from vpl_tui.safetext import one_line
from vpl_tui.strings import Strings


def render_drift(drift: Any, strings: Strings) -> str:
    """The statement as a text table, or "" without one (a model or the store's records)."""
    if drift is None:
        return ""
    columns = [c for c in DRIFT_COLUMNS if any(getattr(ln, c) is not None for ln in drift.lines)]
    header = [strings("drift.col.line"), strings("drift.col.year")]
    header += [strings(f"drift.col.{c}") for c in columns]
    rows = [
        [
            strings("drift.line.total") if line.name == TOTAL else one_line(line.name, 40),
            str(line.year),
            *(format_published(getattr(line, c), drift.decimals) for c in columns),
        ]
        for line in sorted(drift.lines, key=lambda ln: (ln.year, ln.name == TOTAL))
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def layout(cells: list[str]) -> str:
        first = [cells[0].ljust(widths[0]), cells[1].ljust(widths[1])]
        rest = [cell.rjust(widths[i + 2]) for i, cell in enumerate(cells[2:])]
        return "  ".join(first + rest).rstrip()

    title = strings("drift.heading", unit=drift.unit, decimals=drift.decimals)
    return "\n".join([title, "", layout(header), *map(layout, rows)]) + "\n"


def drift_data(drift: Any) -> dict[str, object] | None:
    """The statement as JSON data: unit, decimals and each line's printed figures."""
    if drift is None:
        return None

    def number(value: Decimal) -> int | float:
        return int(value) if value == value.to_integral_value() else float(value)

    return {
        "unit": drift.unit,
        "decimals": drift.decimals,
        "lines": [
            {
                "name": line.name,
                "year": line.year,
                **{c: number(v) for c in DRIFT_COLUMNS if (v := getattr(line, c)) is not None},
            }
            for line in drift.lines
        ],
    }
