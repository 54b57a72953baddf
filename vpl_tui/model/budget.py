"""The plan's budget as pydantic models: section 1.3 Drift, the pot and the investments.

Amounts in the budget tables are as published: each table declares its unit (tkr or mnkr)
and decimals (`vpl_tui.model.drift.Published`), by default whole tkr. Earmarked
resources are in mkr (million kronor), as published, kept as Decimal so that "4,5 mkr"
stays exactly 4.5. `budget_problems` checks what a single table cannot: that allocations
fund goals and initiatives that exist, that names are unique and that edits chain.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from vpl_tui.errors import VplError
from vpl_tui.model.base import (
    Amount,
    BudgetTable,
    Mkr,
    Name,
    Reason,
    Ref,
    Strict,
    Text,
    User,
    UtcDatetime,
    YearColumns,
)
from vpl_tui.model.drift import (
    DriftStatement,
    Published,
    PublishedFigures,
    decimals_problems,
    drift_problems,
)
from vpl_tui.rules.figures import figure_problem
from vpl_tui.rules.limits import FIRST_YEAR, LAST_YEAR
from vpl_tui.safetext import clean


class OperatingBudget(Published):
    """Drift: net costs, municipal grant and result per year, in the table's unit."""

    columns: YearColumns
    net_costs: PublishedFigures
    grant: PublishedFigures
    result: PublishedFigures


class UnitCosts(Strict):
    """One organisational unit's net costs per year, in its table's unit."""

    name: Name
    net_costs: PublishedFigures


class UnitBreakdown(Published):
    """Specificerade nettokostnader: net costs by unit, with the published sum."""

    columns: YearColumns
    units: list[UnitCosts]
    total: PublishedFigures = Field(description="The published Summa row.")


class Allocation(Strict):
    """One allocation from the earmarked pot, and the goals or initiatives it funds."""

    id: Ref
    title: Name
    amount_mkr: Mkr
    funds: list[str] = Field(description="Goal numbers and initiative ids this allocation funds.")


class EarmarkedPot(Strict):
    """Potten hållbart och växande Luleå: money outside the operating budget, in mkr."""

    name: Name
    period: Annotated[str, StringConstraints(max_length=100)] = ""
    year: int = Field(ge=FIRST_YEAR, le=LAST_YEAR, description="The year the allocations are for.")
    total_mkr: Mkr = Field(description="The pot as published.")
    allocations: list[Allocation]


class InvestmentLine(Strict):
    """One investment line with its description and amounts per year, in its table's unit."""

    name: Name
    description: Text = ""
    amounts: PublishedFigures


class Investments(Published):
    """Investeringar: net investments per year and their breakdown by line."""

    columns: YearColumns
    net_investments: PublishedFigures = Field(description="The published Nettoinvesteringar row.")
    lines: list[InvestmentLine]
    total: PublishedFigures = Field(description="The published Summa row under the lines.")
    explanation: Text = Field(default="", description="Planerade investeringar: the narrative.")


class FigureChange(Strict):
    """An edit of a budget figure (a forecast update, say). The first change keeps the original.

    A first change without `from` filled a cell the published plan left empty: the figure
    has no published value (`vpl_tui.model.figure_values` holds what it was filled with).
    """

    table: BudgetTable
    line: Name = Field(description="Row name: net_costs/grant/result, a unit, a line or `total`.")
    year: int = Field(ge=FIRST_YEAR, le=LAST_YEAR)
    at: UtcDatetime
    from_value: Amount | None = Field(
        default=None, alias="from", description="Left out: the published plan's cell was empty."
    )
    to: Amount
    note: Text = ""
    user: User = ""


ForecastTable = Literal["units", "operating"]


class ForecastChange(Strict):
    """One entry of a forecast's history; the last is the forecast as it stands."""

    at: UtcDatetime
    outcome: Amount | None = Field(default=None, description="Utfall t.o.m. the period, tkr.")
    forecast: Amount | None = Field(default=None, description="Prognos for the full year, tkr.")
    comment: Text = Field(default="", description="Why the forecast deviates from the budget.")
    user: User = ""
    undoes: int | None = Field(
        default=None,
        ge=0,
        description="Set on an undo: the index, in this history, of the entry it reverts.",
    )


class ForecastEntry(Strict):
    """A unit's (or an operating row's) follow-up figures for one period, with their history.

    Separate from the plan's published figures: a forecast never changes them.
    """

    table: ForecastTable = "units"
    line: Name = Field(description="A unit's name, or net_costs/grant/result for operating.")
    period: Ref = Field(description="The id of the follow-up period.")
    history: list[ForecastChange] = Field(min_length=1)


class Budget(Strict):
    """Section 1.3 Drift and the investment table."""

    unit: Literal["tkr"] = "tkr"
    explanation: Text = Field(
        default="", description="Förklaring till verksamhetsförändringar: the narrative."
    )
    operating: OperatingBudget
    units: UnitBreakdown | None = None
    pot: EarmarkedPot | None = None
    investments: Investments | None = None
    changes: list[FigureChange] = Field(default_factory=list)
    material_deviation_percent: Amount | None = Field(
        default=None,
        ge=0,
        le=100,
        description="A deviation over this % of a unit's budget needs a comment (default 1).",
    )
    forecasts: list[ForecastEntry] = Field(
        default_factory=list, description="Outcome and forecast per period and unit."
    )
    drift: DriftStatement | None = Field(
        default=None, description="Driftredovisning: the operating statement per unit and year."
    )


OPERATING_LINES: tuple[str, ...] = ("net_costs", "grant", "result")
RESERVED_LINE_NAMES = frozenset({"total", "net_investments"})


def figure_values(budget: Budget) -> dict[tuple[str, str, int], Decimal]:
    """Every editable figure of a budget, keyed by (table, line, year).

    The keys are the addresses `FigureChange` uses; the store keeps figures under the
    same keys, so this is the one place that says how a table flattens to figures.
    """
    figures: dict[tuple[str, str, int], Decimal] = {}
    for line in OPERATING_LINES:
        for year, value in getattr(budget.operating, line).items():
            figures[("operating", line, int(year))] = Decimal(value)
    if budget.units is not None:
        for unit in budget.units.units:
            for year, value in unit.net_costs.items():
                figures[("units", unit.name, int(year))] = Decimal(value)
        for year, value in budget.units.total.items():
            figures[("units", "total", int(year))] = Decimal(value)
    if budget.investments is not None:
        for inv in budget.investments.lines:
            for year, value in inv.amounts.items():
                figures[("investments", inv.name, int(year))] = Decimal(value)
        for year, value in budget.investments.total.items():
            figures[("investments", "total", int(year))] = Decimal(value)
        for year, value in budget.investments.net_investments.items():
            figures[("investments", "net_investments", int(year))] = Decimal(value)
    if budget.pot is not None:
        figures[("pot", "total", budget.pot.year)] = budget.pot.total_mkr
        for allocation in budget.pot.allocations:
            figures[("pot", allocation.id, budget.pot.year)] = allocation.amount_mkr
    return figures


def budget_problems(
    budget: Budget, goal_numbers: set[str], initiative_ids: set[str]
) -> list[tuple[str, Reason]]:
    """Check the budget's cross-references: allocation targets, names and change chains."""
    problems: list[tuple[str, Reason]] = []
    if budget.pot is not None:
        seen_ids: set[str] = set()
        for a_index, allocation in enumerate(budget.pot.allocations):
            where = f"budget.pot.allocations[{a_index}]"
            if allocation.id in seen_ids:
                problems.append((f"{where}.id", VplError("plan.duplicate", value=allocation.id)))
            seen_ids.add(allocation.id)
            for t_index, target in enumerate(allocation.funds):
                if target not in goal_numbers and target not in initiative_ids:
                    problems.append(
                        (
                            f"{where}.funds[{t_index}]",
                            VplError("plan.neither_goal_nor_initiative", value=clean(target)[:60]),
                        )
                    )
    if budget.units is not None:
        problems.extend(_duplicate_names("budget.units.units", budget.units.units))
    if budget.investments is not None:
        problems.extend(_duplicate_names("budget.investments.lines", budget.investments.lines))
    problems.extend(_decimals_problems(budget))
    if budget.drift is not None:
        problems.extend(drift_problems(budget.drift))
    problems.extend(_change_problems(budget))
    problems.extend(_forecast_problems(budget))
    return problems


def _decimals_problems(budget: Budget) -> list[tuple[str, Reason]]:
    """Every figure of a table with more decimals than the table declares, at its place."""
    op = budget.operating
    problems = decimals_problems(
        "budget.operating", op, iter([(line, getattr(op, line)) for line in OPERATING_LINES])
    )
    if budget.units is not None:
        units = budget.units
        rows = [(f"units[{i}].net_costs", u.net_costs) for i, u in enumerate(units.units)]
        problems += decimals_problems("budget.units", units, iter([*rows, ("total", units.total)]))
    if budget.investments is not None:
        inv = budget.investments
        rows = [(f"lines[{i}].amounts", line.amounts) for i, line in enumerate(inv.lines)]
        rows += [("net_investments", inv.net_investments), ("total", inv.total)]
        problems += decimals_problems("budget.investments", inv, iter(rows))
    return problems


def table_unit(budget: Budget, table: str) -> Published:
    """The unit and decimals a table of `budget` declares (the pot's mkr are not one)."""
    found = getattr(budget, table, None)
    return found if isinstance(found, Published) else Published()


def _forecast_problems(budget: Budget) -> list[tuple[str, Reason]]:
    """Each forecast names a unit (or operating row) of the budget, once per period; its
    figures are whole tkr; its history goes forward in time; an undo names an earlier entry."""

    units = {unit.name for unit in budget.units.units} if budget.units is not None else set()
    lines = {"units": units, "operating": set(OPERATING_LINES)}
    problems: list[tuple[str, Reason]] = []
    seen: set[tuple[str, str, str]] = set()
    for f_index, entry in enumerate(budget.forecasts):
        where = f"budget.forecasts[{f_index}]"
        if entry.line not in lines[entry.table]:
            problems.append((f"{where}.line", f"no {entry.table} line {clean(entry.line)[:60]}"))
        key = (entry.table, entry.line, entry.period)
        if key in seen:
            problems.append((where, VplError("plan.duplicate", value=clean(entry.line)[:60])))
        seen.add(key)
        for c_index, change in enumerate(entry.history):
            here = f"{where}.history[{c_index}]"
            if c_index and change.at < entry.history[c_index - 1].at:
                problems.append((f"{here}.at", "is before the entry before it"))
            if change.undoes is not None and change.undoes >= c_index:
                problems.append((f"{here}.undoes", "must name an earlier entry"))
            for name in ("outcome", "forecast"):
                value = getattr(change, name)
                if value is not None and figure_problem("tkr", value) is not None:
                    problems.append((f"{here}.{name}", "must be whole tkr"))
    return problems


def _change_problems(budget: Budget) -> list[tuple[str, Reason]]:
    """Each edit names a figure of the budget, follows the edit before it, and the last
    edit of each figure sets the value the table holds."""
    problems: list[tuple[str, Reason]] = []
    current = figure_values(budget)
    chain: dict[tuple[str, str, int], tuple[Decimal, datetime]] = {}
    for c_index, change in enumerate(budget.changes):
        where = f"budget.changes[{c_index}]"
        key = (change.table, change.line, change.year)
        if key not in current:
            address = f"{change.table}/{change.line}/{change.year}"
            problems.append((where, VplError("plan.budget.no_figure", address=clean(address))))
            continue
        if key in chain:
            before, before_at = chain[key]
            if change.from_value is None:  # only a first change fills an empty cell
                problems.append((f"{where}.from", VplError("plan.budget.fill_not_first")))
            elif change.from_value != before:
                problems.append(
                    (
                        f"{where}.from",
                        VplError(
                            "plan.budget.not_following", value=change.from_value, before=before
                        ),
                    )
                )
            if change.at < before_at:
                problems.append((f"{where}.at", VplError("plan.budget.before_change")))
        chain[key] = (change.to, change.at)
    for key, (last_value, _) in chain.items():
        if current[key] != last_value:
            address = "/".join(map(str, key))
            problems.append(
                (
                    "budget.changes",
                    VplError(
                        "plan.budget.last_change",
                        address=clean(address),
                        value=current[key],
                        last=last_value,
                    ),
                )
            )
    return problems


def _duplicate_names(
    where: str, rows: list[UnitCosts] | list[InvestmentLine]
) -> list[tuple[str, Reason]]:
    seen: set[str] = set()
    problems = []
    for index, row in enumerate(rows):
        if row.name in seen or row.name in RESERVED_LINE_NAMES:
            problems.append(
                (
                    f"{where}[{index}].name",
                    VplError("plan.budget.duplicate_or_reserved", name=clean(row.name)[:60]),
                )
            )
        seen.add(row.name)
    return problems
