"""Budget checks of tables that add up: the operating result, net costs by unit, the
investments, and the columns each breakdown shares with the operating table.

See `vpl_tui.budget` for what each check compares; these read a model or plain records
alike (`Budget` or `BudgetFigures`), so no pydantic is needed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Protocol

from vpl_tui.budget.check import (
    Check,
    FigureAddress,
    Group,
    Label,
    Term,
    Text,
    compare,
    dec,
    years_of,
)
from vpl_tui.rules.figures import TableUnit

TKR_PER: dict[str, Decimal] = {"tkr": Decimal(1), "mnkr": Decimal(1000)}
"""tkr in one of a table's units."""


class Published(Protocol):
    """A table's declared unit and decimals (the model's and the records' tables alike)."""

    @property
    def unit(self) -> TableUnit: ...
    @property
    def decimals(self) -> int: ...


if TYPE_CHECKING:  # the checks read a model or plain records alike: no pydantic needed
    from vpl_tui.model import Budget, ColumnKind
    from vpl_tui.records import BudgetFigures

# -- 1. operating budget ------------------------------------------------------------------------


def operating_checks(budget: Budget | BudgetFigures) -> list[Check]:
    """Grant − net costs = result, for every year of the operating table."""
    op = budget.operating
    checks = []
    for year in years_of(op.columns, op.net_costs, op.grant, op.result):
        y = str(year)
        grant, net = op.grant.get(y), op.net_costs.get(y)
        terms = []
        if grant is not None:
            terms.append(
                Term(
                    FigureAddress("operating", "grant", year),
                    Label("budget.line.grant"),
                    dec(grant),
                )
            )
        if net is not None:
            terms.append(
                Term(
                    FigureAddress("operating", "net_costs", year),
                    Label("budget.line.net_costs"),
                    dec(net),
                    -1,
                )
            )
        checks.append(
            compare(
                id=f"operating.result.{year}",
                group="operating",
                key="budget.check.operating_result",
                values={"year": year},
                year=year,
                unit=op.unit,
                decimals=op.decimals,
                published=dec(op.result.get(y)),
                published_label=Label("budget.line.result"),
                target=FigureAddress("operating", "result", year),
                terms=terms,
                has_parts=grant is not None and net is not None,
            )
        )
    return checks


# -- 2. net costs by unit -----------------------------------------------------------------------


def _breakdown_checks(
    *,
    group: Group,
    table: str,
    lines: Iterable[tuple[str, Mapping[str, int]]],
    summa: Mapping[str, int],
    columns: Mapping[str, object],
    parent_table: str,
    parent_line: str,
    parent: Mapping[str, int],
    parent_label: Label,
    parent_years: Iterable[int],
    sum_key: str,
    total_key: str,
    total_id: str,
    published_as: Published,
    parent_as: Published,
) -> list[Check]:
    """Lines add up to the Summa row (or the parent figure), and Summa = the parent figure.

    In the breakdown's unit and decimals (`published_as`); a parent table in another unit
    is converted to it (175 900 tkr is 175,9 mnkr).
    """
    unit, decimals = published_as.unit, published_as.decimals
    if parent_as.unit != unit:
        factor = TKR_PER[parent_as.unit] / TKR_PER[unit]
        parent = {year: Decimal(value) * factor for year, value in parent.items()}
    rows = list(lines)
    years = sorted(
        set(parent_years)
        | {int(y) for y in columns}
        | {int(y) for y in summa}
        | {int(y) for _, amounts in rows for y in amounts}
    )
    sums, totals = [], []
    for year in years:
        y = str(year)
        terms = [
            Term(FigureAddress(table, name, year), name, Decimal(amounts.get(y, 0)))
            for name, amounts in rows
            if y in amounts
        ]
        if y in summa:
            published = dec(summa[y])
            target = FigureAddress(table, "total", year)
            label: Text = Label("budget.line.total")
        else:
            published = dec(parent.get(y))
            target = FigureAddress(parent_table, parent_line, year)
            label = parent_label
        sums.append(
            compare(
                id=f"{group}.sum.{year}",
                group=group,
                key=sum_key,
                values={"year": year},
                year=year,
                unit=unit,
                decimals=decimals,
                published=published,
                published_label=label,
                target=target,
                terms=terms,
                has_parts=bool(terms),
            )
        )
        if y in summa and y in parent:
            totals.append(
                compare(
                    id=f"{group}.{total_id}.{year}",
                    group=group,
                    key=total_key,
                    values={"year": year},
                    year=year,
                    unit=unit,
                    decimals=decimals,
                    published=dec(parent[y]),
                    published_label=parent_label,
                    target=FigureAddress(parent_table, parent_line, year),
                    terms=[
                        Term(
                            FigureAddress(table, "total", year),
                            Label("budget.line.total"),
                            Decimal(summa[y]),
                        )
                    ],
                )
            )
    return sums + totals


def unit_checks(budget: Budget | BudgetFigures) -> list[Check]:
    """The units add up to the Summa row, and Summa equals the operating net costs."""
    op = budget.operating
    units = budget.units
    if units is None:
        return []  # the plan claims no breakdown at all: nothing to reconcile
    return _breakdown_checks(
        group="units",
        table="units",
        lines=[(u.name, u.net_costs) for u in units.units],
        summa=units.total,
        columns=units.columns,
        parent_table="operating",
        parent_line="net_costs",
        parent=op.net_costs,
        parent_label=Label("budget.line.net_costs"),
        parent_years=years_of(op.columns, op.net_costs),
        sum_key="budget.check.units_sum",
        total_key="budget.check.units_net_costs",
        total_id="net_costs",
        published_as=units,
        parent_as=op,
    )


# -- 4. investments -----------------------------------------------------------------------------


def investment_checks(budget: Budget | BudgetFigures) -> list[Check]:
    """The lines add up to the Summa row, and Summa equals the net investments."""
    inv = budget.investments
    if inv is None:
        return []
    return _breakdown_checks(
        group="investments",
        table="investments",
        lines=[(line.name, line.amounts) for line in inv.lines],
        summa=inv.total,
        columns=inv.columns,
        parent_table="investments",
        parent_line="net_investments",
        parent=inv.net_investments,
        parent_label=Label("budget.line.net_investments"),
        parent_years=years_of(inv.net_investments),
        sum_key="budget.check.investments_sum",
        total_key="budget.check.investments_net",
        total_id="net",
        published_as=inv,
        parent_as=inv,
    )


# -- 5. columns ---------------------------------------------------------------------------------


def column_checks(budget: Budget | BudgetFigures) -> list[Check]:
    """Each breakdown table covers years of the operating table, with the same column kinds."""
    reference: Mapping[str, ColumnKind] = budget.operating.columns
    tables: list[tuple[str, Mapping[str, ColumnKind], list[Mapping[str, int]]]] = []
    if budget.units is not None:
        units = budget.units
        tables.append(("units", units.columns, [u.net_costs for u in units.units] + [units.total]))
    if budget.investments is not None:
        inv = budget.investments
        tables.append(
            (
                "investments",
                inv.columns,
                [x.amounts for x in inv.lines] + [inv.total, inv.net_investments],
            )
        )
    checks = []
    for table, columns, rows in tables:
        notes: list[tuple[str, Mapping[str, object]]] = []
        for y, kind in columns.items():
            if y not in reference:
                notes.append(("budget.columns.not_in_operating", {"year": y}))
            elif kind != reference[y]:
                notes.append(
                    (
                        "budget.columns.kind_differs",
                        {
                            "year": y,
                            "kind": Label(f"column.{kind}"),
                            "reference": Label(f"column.{reference[y]}"),
                        },
                    )
                )
        stray = sorted({y for row in rows for y in row} - set(columns))
        notes.extend(("budget.columns.no_column", {"year": y}) for y in stray)
        years = sorted(int(y) for y in columns)
        span = f"{years[0]}–{years[-1]}" if len(years) > 1 else "".join(map(str, years))
        checks.append(
            Check(
                id=f"columns.{table}",
                group="columns",
                key="budget.check.columns",
                values={"table": Label(f"budget.table.{table}"), "years": span},
                year=None,
                unit=None,
                published=None,
                computed=None,
                difference=None,
                status="fail" if notes else "pass",
                target=None,
                notes=tuple(notes),
            )
        )
    return checks
