"""Budget reconciliation: do the plan's published figures hold together, and where not, by how much?

`reconcile(budget, earmarks)` returns a list of `Check`s. Each check names what it compares,
the year where one applies, the published figure, the computed one, their difference
(published − computed), the unit and a status:

- `pass`: the published figure equals the computed one;
- `fail`: it does not; the difference says by how much;
- `unchecked`: the plan lacks what the check needs for that year (no breakdown, a blank
  total), so it cannot be checked. That is reported, never guessed.

The checks, in the order they are returned:

1. `operating.result.<year>`: grant − net costs = the published result.
2. `units.sum.<year>`: the units' net costs add up to the unit table's Summa row (or, for a
   year without a Summa figure, to the operating net costs); `unchecked` for a year of the
   operating table without a breakdown (a plan with no unit table at all gets no unit
   checks). `units.net_costs.<year>`: the Summa row equals the operating net costs, for each
   year both are published.
3. `pot.total`: the allocations add up to the earmarked pot. `pot.initiatives`: the earmark
   stated by the goal(s) that own strategic initiatives (goal 1.1.4, "25 mkr") equals the
   allocations that fund such a goal or any of its initiatives. `earmark.<target>`: every
   other goal and every initiative: its stated earmark equals the allocations that fund it.
   A shared allocation counts once, in full (4,5 mkr funds two initiatives, each stating
   "del av 4,5 mkr"; the initiatives' share counts it once). A target that states no
   earmark but is funded fails (stated nothing, got money); one that states an earmark no
   allocation covers fails too; one with neither has no check ("inom ram").
4. `investments.sum.<year>`: the lines add up to the Summa row (or the net investments for
   a year without Summa); `unchecked` for a year without a breakdown.
   `investments.net.<year>`: the Summa row equals the net investments.
5. `columns.units`, `columns.investments`: the table covers only years of the operating
   table, each with the same kind (actual, forecast, budget), and has no figure outside
   its columns.
6. `drift.<column>.<line>.<year>`, `drift.sum.<column>.<year>`: the driftredovisning's
   definitions and Summa rows (`vpl_tui.budget.accounts`).

A blank cell in a table with a breakdown for that year counts as 0 (the plan prints nothing
where a line has no amount). Every check is made in its table's unit and decimals (whole
tkr by default, or e.g. mnkr with one decimal): a difference of at most n × half a unit of
the last decimal is `rounding`. Figures are `Decimal`: tkr tables hold whole numbers, the pot
and earmarks hold mkr (1 mkr = 1 000 tkr); the pot checks compare mkr with mkr.

The checks are pure: no Textual, no SQL. Descriptions are catalog keys with values, so the
CLI and the screen show them in the user's language (`Check.describe(strings)`). What a
check is lives in `vpl_tui.budget.check`, the checks of tables that add up in
`vpl_tui.budget.sums`, those of the pot in `vpl_tui.budget.pot`, and the output of
`vpl budget` in `vpl_tui.budget.output`; every name is importable from here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from vpl_tui.budget.accounts import drift_reconciliation

# Re-exported: the callers of the checks import them from here.
from vpl_tui.budget.check import (  # noqa: F401
    EARMARKS_TABLE,
    Check,
    FigureAddress,
    Group,
    Label,
    Term,
    Text,
    label_text,
    signed_amount,
)
from vpl_tui.budget.output import SIGNS, check_data, render_json, render_text  # noqa: F401
from vpl_tui.budget.pot import pot_checks
from vpl_tui.budget.sums import column_checks, investment_checks, operating_checks, unit_checks
from vpl_tui.records import BudgetFigures, Earmark

# The check statuses' rules live in vpl_tui.rules.checks; re-exported here for the callers of the checks.
from vpl_tui.rules.checks import (  # noqa: F401
    CHECK_STATUSES,
    CheckStatus,
    Tally,
    any_failed,
    failures_first,
    tally,
)
from vpl_tui.rules.figures import Unit  # noqa: F401

if TYPE_CHECKING:  # the checks read a model or plain records alike: no pydantic needed
    from vpl_tui.model import Budget


def reconcile(budget: Budget | BudgetFigures, earmarks: Sequence[Earmark]) -> list[Check]:
    """Every check of the budget, in the order of the plan: operating, units, pot, investments, columns.

    Args:
        budget: The budget with its current figures: `Store.budget()`, or
            `Store.budget_figures()`, the same figures without pydantic.
        earmarks: What each goal and initiative states as earmarked (`Store.earmarks()`).
    """
    return (
        operating_checks(budget)
        + unit_checks(budget)
        + pot_checks(budget, earmarks)
        + investment_checks(budget)
        + column_checks(budget)
        + drift_reconciliation(budget.drift)
    )
