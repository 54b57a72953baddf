"""Read-side records the store returns: light, frozen, and free of SQL and Textual.

The plan file's models (`vpl_tui.model`) describe a whole plan as nested data; these
records describe one row each, with the counts the store computes in SQL, so that a
screen can show one level of a large plan without loading the rest.

Every record is a named tuple: a class of them is made in a sixth of a frozen
dataclass's time at import, and `dataclasses` is not imported at all. A changed copy is
`record._replace(...)`.

This module defines the records of an activity and its histories, which every start of
`vpl set`, `vpl history` and `vpl undo` needs; the plan's other levels are in
`plan_records` and the budget's in `budget_records`, made the first time one of them is
asked for (`from vpl_tui.records import GoalRecord` works as before). Twenty classes of
named tuple are two milliseconds of a start that is twenty of its own.
"""

# No `from __future__ import annotations`: a named tuple's class is made in two thirds of
# the time when its annotations are objects rather than text, which typing compiles one by
# one. Decimal alone stays text: `vpl set` reads no amount and need not import decimal.
from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, NamedTuple

from vpl_tui.rules.statuses import is_overdue

if TYPE_CHECKING:  # what a type checker and a reader find here; made on first use
    from vpl_tui.budget_records import (  # noqa: F401
        AllocationFigure,
        BudgetFigures,
        FigureChangeRecord,
        FigureRecord,
        InvestmentLineFigures,
        InvestmentTable,
        OperatingFigures,
        PotFigures,
        UnitFigures,
        UnitTable,
    )
    from vpl_tui.plan_records import (  # noqa: F401
        Earmark,
        FocusRecord,
        GoalHead,
        GoalRecord,
        InitiativeHead,
        InitiativeRecord,
        MetricRecord,
        PlanRecord,
    )

_ELSEWHERE = {
    **dict.fromkeys(
        (
            "GoalRecord",
            "GoalHead",
            "InitiativeHead",
            "InitiativeRecord",
            "MetricRecord",
            "Earmark",
            "FocusRecord",
            "PlanRecord",
        ),
        "vpl_tui.plan_records",
    ),
    **dict.fromkeys(
        (
            "FigureRecord",
            "FigureChangeRecord",
            "OperatingFigures",
            "UnitFigures",
            "UnitTable",
            "AllocationFigure",
            "PotFigures",
            "InvestmentLineFigures",
            "InvestmentTable",
            "BudgetFigures",
        ),
        "vpl_tui.budget_records",
    ),
}
"""The records defined in the other two modules: name → module."""


def __getattr__(name: str) -> object:
    """A record of the plan's levels or of the budget, from its module on first use."""
    module = _ELSEWHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(module), name)


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
