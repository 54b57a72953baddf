"""Read-side records the store returns: light, frozen, and free of SQL and Textual.

The plan file's models (`vpl_tui.model`) describe a whole plan as nested data; these
records describe one row each, with the counts the store computes in SQL, so that a
screen can show one level of a large plan without loading the rest.

Every record is a named tuple: a class of them is made in a sixth of a frozen
dataclass's time at import, which every start of `vpl set` pays (the store imports this
module), and `dataclasses` is not imported at all. A changed copy is `record._replace(...)`.
"""

# No `from __future__ import annotations`: a named tuple's class is made in two thirds of
# the time when its annotations are objects rather than text, which typing compiles one by
# one. Decimal alone stays text: `vpl set` reads no amount and need not import decimal.
from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from vpl_tui.rules.progress import Progress
from vpl_tui.rules.statuses import is_overdue

if TYPE_CHECKING:
    from decimal import Decimal


class GoalRecord(NamedTuple):
    """A goal without its children; `progress` counts every activity under it."""

    number: str
    kind: str
    title: str
    description: str
    resources: str
    earmarked_mkr: "Decimal | None"
    council_goal: str
    progress: Progress
    initiative_count: int
    metric_count: int


class GoalHead(NamedTuple):
    """A goal's number, kind and title: the plan's outline, without counts."""

    number: str
    kind: str
    title: str


class InitiativeHead(NamedTuple):
    """An initiative's id and title: the plan's outline, without counts."""

    id: str
    title: str


class InitiativeRecord(NamedTuple):
    """A strategic initiative without its activities."""

    id: str
    goal_number: str
    title: str
    purpose: str
    resources: str
    earmarked_mkr: "Decimal | None"
    council_goal: str
    comment: str
    metrics_note: str
    progress: Progress
    metric_count: int


class ActivityRecord(NamedTuple):
    """An activity as it stands now; `version` grows by one with every status change."""

    ref: str
    title: str
    kind: str
    start: date
    end: date
    status: str
    version: int
    goal_number: str
    initiative_id: str | None
    responsible: str = ""
    carried_from: str = ""

    def is_overdue(self, as_of: date) -> bool:
        """Past its end date on `as_of` and neither done nor cancelled."""
        return is_overdue(self.end, self.status, as_of)


class PlanChangeRecord(NamedTuple):
    """One change to the plan itself (`db/plan_edit.py`): an activity's field, a goal's text."""

    id: int
    target_kind: str
    """`activity`, `goal` or `initiative`."""
    target: str
    at: datetime
    field: str
    from_value: str
    to_value: str
    user: str
    version: int
    """The version of the thing the change was made on."""
    undo_of: int | None


class OverdueRecord(NamedTuple):
    """An activity past its end date and neither done nor cancelled, as the summary lists it.

    Only what the summary shows: a region's plan has thousands, read for every summary.
    """

    ref: str
    title: str
    end: date
    status: str
    responsible: str = ""


class MetricRecord(NamedTuple):
    """A metric (mätetal) with its latest outcome and its targets by year, as read.

    The attributes of `model.Metric`, for the JSON summary, which needs no pydantic.
    """

    name: str
    latest: str
    latest_year: int | None
    targets: dict[str, str]


class HistoryRecord(NamedTuple):
    """One row of the append-only status history."""

    id: int
    ref: str
    at: datetime
    from_status: str
    to_status: str
    note: str
    user: str
    undo_of: int | None


def latest_notes(history: Iterable[HistoryRecord], as_of: date) -> dict[str, str]:
    """The latest note of each activity in `history` written by the end of `as_of` (UTC),
    by ref; an activity without one is left out. `history` in the order it was written."""
    notes: dict[str, str] = {}
    for row in history:  # a later note replaces an earlier one
        if row.note and row.at.date() <= as_of:
            notes[row.ref] = row.note
    return notes


class FigureRecord(NamedTuple):
    """One budget figure as it stands now, with the published value it started from."""

    table: str
    line: str
    year: int
    value: "Decimal"
    published: "Decimal | None"
    """None: the published plan left the cell empty, and it was filled since."""


class FigureChangeRecord(NamedTuple):
    """One row of the append-only history of budget figure edits."""

    id: int
    table: str
    line: str
    year: int
    at: datetime
    from_value: "Decimal | None"
    """None: the edit filled a cell the published plan left empty."""
    to_value: "Decimal"
    note: str
    user: str


class Earmark(NamedTuple):
    """What a goal or initiative states as its earmarked resources (särskilda resurser).

    `target` is a goal number or an initiative id, the same names pot allocations use in
    `funds`; `goal_number` is the goal an initiative belongs to (None for a goal).
    """

    target: str
    title: str
    stated_mkr: "Decimal | None"
    goal_number: str | None


class FocusRecord(NamedTuple):
    """A focus list (the fields of `model.Focus`), read without pydantic for the app."""

    title: str
    intro: str
    items: tuple[str, ...]
    goals: tuple[str, ...]
    """Numbers of the goals it groups."""


class PlanRecord(NamedTuple):
    """What the plan is (the fields of `model.PlanInfo`, in its order), read without pydantic."""

    title: str
    organisation: str
    municipality: str
    year: int
    period: str
    currency_unit: str


# -- the budget as the reconciliation reads it ---------------------------------------------
# The same attribute names as the budget models of `vpl_tui.model`, so that
# `vpl_tui.budget.reconcile` reads either; these cost no pydantic, which the summary's
# one budget line would otherwise load (`Store.budget_figures()`). Named tuples, like
# `PlanRecord`: a class of them is made in a fifth of a dataclass's time at import, which
# every start of `vpl summary` pays.


class OperatingFigures(NamedTuple):
    """The operating table: column kinds and net costs, grant and result per year (tkr)."""

    columns: dict[str, str]
    net_costs: dict[str, int]
    grant: dict[str, int]
    result: dict[str, int]
    unit: str = "tkr"
    decimals: int = 0


class UnitFigures(NamedTuple):
    """One unit's net costs per year (tkr)."""

    name: str
    net_costs: dict[str, int]


class UnitTable(NamedTuple):
    """Net costs by unit, with the published Summa row."""

    columns: dict[str, str]
    units: list[UnitFigures]
    total: dict[str, int]
    unit: str = "tkr"
    decimals: int = 0


class AllocationFigure(NamedTuple):
    """One allocation from the earmarked pot (mkr) and what it funds."""

    id: str
    title: str
    amount_mkr: "Decimal"
    funds: list[str]


class PotFigures(NamedTuple):
    """The earmarked pot: its published total and its allocations (mkr)."""

    name: str
    period: str
    year: int
    total_mkr: "Decimal"
    allocations: list[AllocationFigure]


class InvestmentLineFigures(NamedTuple):
    """One investment line's amounts per year (tkr)."""

    name: str
    description: str
    amounts: dict[str, int]


class InvestmentTable(NamedTuple):
    """Net investments per year and their breakdown by line, with the Summa row (tkr)."""

    columns: dict[str, str]
    net_investments: dict[str, int]
    lines: list[InvestmentLineFigures]
    total: dict[str, int]
    explanation: str
    unit: str = "tkr"
    decimals: int = 0


class BudgetFigures(NamedTuple):
    """The budget's current figures, without the history of edits (`Store.figure_history`)."""

    unit: str
    explanation: str
    operating: OperatingFigures
    units: UnitTable | None
    pot: PotFigures | None
    investments: InvestmentTable | None
    drift: Any = None
    """The driftredovisning (`vpl_tui.model.drift.DriftStatement`), or None."""
