"""The economy's follow-up per period: deviation, material deviations, rounding, forecast accuracy.

- `deviation`: avvikelse = budget − prognos; positive is a surplus (a unit spending less
  than its budget, or a result better than planned).
- `comment_required`: a deviation larger than a threshold (the plan file's; by default 1 %
  of the unit's budget) needs a comment in the follow-up.
- `difference_kind`: a published sum that is off by no more than the figures' own rounding
  can explain — each printed figure rounded to its unit, so n terms × half a unit — is
  "rounding", its own status; anything larger is a real discrepancy.
- `forecast_accuracy` (prognossäkerhet): how far the delårsrapport's full-year forecast was
  from the year's outcome, in kronor and as a share of the outcome.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

DEFAULT_THRESHOLD = Decimal("0.01")
"""A deviation over 1 % of the unit's budget is material unless the plan file says otherwise."""

# The driftredovisning's columns and the definitions between them (`vpl_tui.budget.accounts`).
DRIFT_COLUMNS: tuple[str, ...] = (
    "income",
    "costs",
    "net_costs",
    "grant",
    "result",
    "disposition",
    "opening_result",
    "closing_result",
)
"""intäkter, kostnader, nettokostnad, kommunbidrag, årets resultat, disposition, ingående
och utgående resultat: the columns plans publish, in their usual order."""

DEFINITIONS: tuple[tuple[str, tuple[tuple[str, int], ...]], ...] = (
    ("net_costs", (("costs", 1), ("income", -1))),
    ("result", (("grant", 1), ("net_costs", -1))),
    ("closing_result", (("opening_result", 1), ("result", 1), ("disposition", -1))),
)
"""Each defined column and the signed columns it is made of."""


DifferenceKind = Literal["equal", "rounding", "discrepancy"]


def deviation(budget: Decimal, forecast: Decimal) -> Decimal:
    """Avvikelse: budget − forecast; positive is a surplus."""
    return budget - forecast


def comment_required(
    budget: Decimal, forecast: Decimal, threshold: Decimal = DEFAULT_THRESHOLD
) -> bool:
    """Whether the deviation is material: larger than `threshold` × |budget|.

    A unit with no budget (0) and a forecast of anything but 0 always needs a comment.
    """
    return abs(deviation(budget, forecast)) > threshold * abs(budget)


def rounding_tolerance(terms: int, unit: Decimal = Decimal(1)) -> Decimal:
    """The most a sum of `terms` printed figures, each rounded to `unit`, can be off."""
    return Decimal(terms) * unit / 2


def difference_kind(difference: Decimal, terms: int, unit: Decimal = Decimal(1)) -> DifferenceKind:
    """Whether a published sum's difference is none, explained by rounding, or real."""
    if difference == 0:
        return "equal"
    if abs(difference) <= rounding_tolerance(terms, unit):
        return "rounding"
    return "discrepancy"


@dataclass(frozen=True, slots=True)
class Accuracy:
    """Prognossäkerhet: forecast − outcome, and that as a share of the outcome (None at 0)."""

    difference: Decimal
    share: Decimal | None


def forecast_accuracy(forecast: Decimal, outcome: Decimal) -> Accuracy:
    """How far the full-year forecast was from the year's outcome."""
    difference = forecast - outcome
    share = None if outcome == 0 else difference / abs(outcome)
    return Accuracy(difference, share)


@dataclass(frozen=True, slots=True)
class FollowUpRow:
    """One unit's row in a period's follow-up table."""

    unit: str
    budget: Decimal
    outcome: Decimal | None
    forecast: Decimal | None
    comment: str = ""

    @property
    def deviation(self) -> Decimal | None:
        return None if self.forecast is None else deviation(self.budget, self.forecast)


def missing_comments(
    rows: Sequence[FollowUpRow], threshold: Decimal = DEFAULT_THRESHOLD
) -> list[str]:
    """The units whose material deviation has no comment, in table order."""
    return [
        row.unit
        for row in rows
        if row.forecast is not None
        and comment_required(row.budget, row.forecast, threshold)
        and not row.comment.strip()
    ]


def forecasts_add_up(rows: Sequence[FollowUpRow], total_forecast: Decimal) -> bool:
    """Whether the units' forecasts add up to the total's (every unit must have one)."""
    forecasts = [row.forecast for row in rows]
    return None not in forecasts and sum(forecasts, Decimal(0)) == total_forecast  # type: ignore[arg-type]
