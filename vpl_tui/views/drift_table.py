"""The budget screen's driftredovisning: the operating statement as published, checked.

One row per unit and year (the Summa row last in its year), one column per printed column
(intäkter … utgående resultat) that any line has; each cell marked with the worst status
of the checks whose published figure it is (`vpl_tui.budget.accounts`). Read-only: the
statement is the plan file's, as printed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from vpl_tui.budget.accounts import TOTAL, drift_address
from vpl_tui.budget.check import Check
from vpl_tui.rules.checks import worst
from vpl_tui.rules.economy import DRIFT_COLUMNS
from vpl_tui.strings import Strings
from vpl_tui.views.budget_tables import CellSpec, ColumnSpec, RowSpec, TableSpec

if TYPE_CHECKING:
    from vpl_tui.model.drift import DriftStatement

DRIFT_TABLE = "drift"


def drift_table(
    drift: DriftStatement | None, checks: Sequence[Check], s: Strings
) -> TableSpec | None:
    """The driftredovisning as a table of the screen, or None without one."""
    if drift is None:
        return None
    columns = [c for c in DRIFT_COLUMNS if any(getattr(ln, c) is not None for ln in drift.lines)]
    by_target: dict[object, list[Check]] = {}
    involved: dict[object, list[str]] = {}
    for check in checks:
        if check.group != DRIFT_TABLE:
            continue
        by_target.setdefault(check.target, []).append(check)
        for address in check.addresses:
            involved.setdefault(address, []).append(check.id)
    several_years = len({line.year for line in drift.lines}) > 1
    rows = []
    for line in sorted(drift.lines, key=lambda ln: (ln.year, ln.name == TOTAL)):
        name = s("drift.line.total") if line.name == TOTAL else line.name
        cells = []
        for column in columns:
            address = drift_address(line.name, column, line.year)
            cells.append(
                CellSpec(
                    value=getattr(line, column),
                    address=address,
                    status=worst(c.status for c in by_target.get(address, [])),
                    checks=tuple(involved.get(address, [])),
                    published=getattr(line, column),
                )
            )
        rows.append(
            RowSpec(
                f"{line.name}/{line.year}",
                f"{name} {line.year}" if several_years else name,
                tuple(cells),
            )
        )
    return TableSpec(
        DRIFT_TABLE,
        drift.unit,
        tuple(ColumnSpec(c, s(f"drift.col.{c}")) for c in columns),
        tuple(rows),
        title=s("budget.section.drift"),
        decimals=drift.decimals,
    )
