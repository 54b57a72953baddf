"""A period's economic follow-up table: budget, outcome to date, forecast, deviation, checks.

Built from the plan's budget (its figures for the plan's year) and the period's forecasts,
which the store keeps apart from the published figures (`db/forecasts.py`). The rules are
the core's (`vpl_tui.rules.economy`); this module lays them out as the table the budget
screen, `vpl budget --period` and the board report show:

    unit | budget | utfall t.o.m. | prognos helår | avvikelse | kommentar

with the total (the operating table's net costs where a forecast of them is entered, else
the units' sum) and three checks: the units' forecasts add up to the total; the forecast
result is the grant less the forecast net costs; every material deviation has a comment.
Prognossäkerhet follows once the year's outcome (the verdict period's) exists.

Forecasts are entered in tkr; a budget table published in mnkr (175,9 mnkr) is turned
into tkr here, so that the deviation compares like with like. The table keeps the unit
and decimals the units were published in, for the board report, which shows the table
as the plan printed it (`vpl_tui.report.gather`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from vpl_tui.budget.sums import TKR_PER
from vpl_tui.rules.checks import CheckStatus
from vpl_tui.rules.economy import (
    DEFAULT_THRESHOLD,
    Accuracy,
    FollowUpRow,
    comment_required,
    forecast_accuracy,
    forecasts_add_up,
    missing_comments,
)

if TYPE_CHECKING:
    from vpl_tui.records import BudgetFigures
    from vpl_tui.rules.periods import Period

LineKey = tuple[str, str]
"""A forecast's place: ("units", unit name) or ("operating", net_costs/grant/result)."""
TOTAL = "total"


class Forecast(NamedTuple):
    """A unit's follow-up figures for a period as they stand (tkr), and their comment."""

    outcome: Decimal | None
    forecast: Decimal | None
    comment: str = ""


@dataclass(frozen=True, slots=True)
class EconomyCheck:
    """One check of the follow-up table; `units` names those a failed comment check lacks."""

    id: str
    status: CheckStatus
    difference: Decimal | None = None
    units: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class UnitAccuracy:
    """Prognossäkerhet of one unit (or the total): the forecast against the year's outcome."""

    unit: str
    forecast: Decimal
    outcome: Decimal
    accuracy: Accuracy


@dataclass(frozen=True)
class FollowUpTable:
    """A period's follow-up of the economy, for the plan's year, in tkr."""

    period: Period
    year: int
    threshold: Decimal
    """A deviation over this share of a unit's budget needs a comment."""
    rows: list[FollowUpRow]
    total: FollowUpRow
    operating: dict[str, FollowUpRow]
    """net_costs, grant and result: budget, and what is entered for the period."""
    checks: list[EconomyCheck]
    needs_comment: frozenset[str] = field(default_factory=frozenset)
    """Units whose deviation is material (a comment is required, given or not)."""
    accuracy: list[UnitAccuracy] = field(default_factory=list)
    accuracy_period: Period | None = None
    """The period whose forecast the year's outcome is held against, when it exists."""
    unit: str = "tkr"
    """The unit the units' table was published in (its figures here are tkr)."""
    decimals: int = 0
    """The decimals it was published with (175,9 mnkr: 1)."""


def threshold_share(percent: Decimal | None) -> Decimal:
    """The plan file's threshold in % (None: the default) as a share of the budget."""
    return DEFAULT_THRESHOLD if percent is None else percent / 100


def build_followup(
    budget: BudgetFigures,
    year: int,
    period: Period,
    forecasts: Mapping[LineKey, Forecast],
    *,
    threshold: Decimal = DEFAULT_THRESHOLD,
    year_outcomes: Mapping[LineKey, Forecast] | None = None,
    accuracy_period: Period | None = None,
    accuracy_forecasts: Mapping[LineKey, Forecast] | None = None,
) -> FollowUpTable:
    """The follow-up table of `period`: every unit of the budget, in the plan's order.

    `year_outcomes`: the verdict period's entries (the year's outcome), when it has any;
    `accuracy_forecasts`: the forecasts of `accuracy_period` held against them.
    """
    column = str(year)
    units = [] if budget.units is None else budget.units.units
    published = budget.units if budget.units is not None else budget.operating
    per_unit, per_operating = _tkr_per(budget.units), _tkr_per(budget.operating)
    rows = [
        _row(
            unit.name,
            _times(unit.net_costs.get(column), per_unit),
            forecasts.get(("units", unit.name)),
        )
        for unit in units
    ]
    operating = {
        line: _row(
            line,
            _times(getattr(budget.operating, line).get(column), per_operating),
            forecasts.get(("operating", line)),
        )
        for line in ("net_costs", "grant", "result")
    }
    total = _total(budget, column, rows, operating["net_costs"])
    needs = frozenset(
        row.unit
        for row in rows
        if row.forecast is not None and comment_required(row.budget, row.forecast, threshold)
    )
    checks = [
        _add_up_check(rows, operating["net_costs"]),
        _result_check(operating, total),
        _comment_check(rows, threshold),
    ]
    accuracy: list[UnitAccuracy] = []
    if year_outcomes and accuracy_forecasts:
        for name, key in [(row.unit, ("units", row.unit)) for row in rows] + [
            (TOTAL, ("operating", "net_costs"))
        ]:
            made, final = accuracy_forecasts.get(key), year_outcomes.get(key)
            if made and final and made.forecast is not None and final.outcome is not None:
                accuracy.append(
                    UnitAccuracy(
                        name,
                        made.forecast,
                        final.outcome,
                        forecast_accuracy(made.forecast, final.outcome),
                    )
                )
    return FollowUpTable(
        period,
        year,
        threshold,
        rows,
        total,
        operating,
        checks,
        needs,
        accuracy,
        accuracy_period if accuracy else None,
        getattr(published, "unit", "tkr"),
        getattr(published, "decimals", 0),
    )


def _tkr_per(table: object) -> Decimal:
    """tkr in one of the unit `table` was published in (a table without one: tkr)."""
    return TKR_PER.get(getattr(table, "unit", "tkr"), Decimal(1))


def _times(value: int | Decimal | None, factor: Decimal) -> Decimal | None:
    return None if value is None else Decimal(value) * factor


def _row(name: str, budget: Decimal | None, entered: Forecast | None) -> FollowUpRow:
    if entered is None:
        return FollowUpRow(name, Decimal(budget or 0), None, None)
    return FollowUpRow(
        name, Decimal(budget or 0), entered.outcome, entered.forecast, entered.comment
    )


def _sum(values: list[Decimal | None]) -> Decimal | None:
    return None if not values or None in values else sum(values, Decimal(0))  # type: ignore[arg-type]


def _total(
    budget: BudgetFigures, column: str, rows: list[FollowUpRow], net_costs: FollowUpRow
) -> FollowUpRow:
    """The Summa row: the published total's budget; the operating net costs' entered figures,
    else the units' sums (when every unit has one)."""
    published = None if budget.units is None else budget.units.total.get(column)
    in_tkr = _times(published, _tkr_per(budget.units))
    amount = in_tkr if in_tkr is not None else net_costs.budget
    outcome = (
        net_costs.outcome if net_costs.outcome is not None else _sum([r.outcome for r in rows])
    )
    forecast = (
        net_costs.forecast if net_costs.forecast is not None else _sum([r.forecast for r in rows])
    )
    return FollowUpRow(TOTAL, amount, outcome, forecast, net_costs.comment)


def _add_up_check(rows: list[FollowUpRow], net_costs: FollowUpRow) -> EconomyCheck:
    """The units' forecasts add up to the total forecast (the operating net costs')."""
    if net_costs.forecast is None or not rows or any(row.forecast is None for row in rows):
        return EconomyCheck("economy.add_up", "unchecked")
    status: CheckStatus = "pass" if forecasts_add_up(rows, net_costs.forecast) else "fail"
    difference = sum((row.forecast for row in rows if row.forecast is not None), Decimal(0))
    return EconomyCheck("economy.add_up", status, difference - net_costs.forecast)


def _result_check(operating: dict[str, FollowUpRow], total: FollowUpRow) -> EconomyCheck:
    """Forecast result = grant − forecast net costs (the grant's budget unless forecast)."""
    result, grant = operating["result"], operating["grant"]
    if result.forecast is None or total.forecast is None:
        return EconomyCheck("economy.result", "unchecked")
    grant_forecast = grant.forecast if grant.forecast is not None else grant.budget
    difference = result.forecast - (grant_forecast - total.forecast)
    return EconomyCheck("economy.result", "pass" if difference == 0 else "fail", difference)


def _comment_check(rows: list[FollowUpRow], threshold: Decimal) -> EconomyCheck:
    """Every material deviation has a comment."""
    if all(row.forecast is None for row in rows):
        return EconomyCheck("economy.comments", "unchecked")
    missing = missing_comments(rows, threshold)
    return EconomyCheck("economy.comments", "fail" if missing else "pass", units=tuple(missing))
