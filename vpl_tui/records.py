"""Read-side records the store returns: light, frozen, and free of SQL and Textual.

The plan file's models (`vpl_tui.model`) describe a whole plan as nested data; these
records describe one row each, with the counts the store computes in SQL, so that a
screen can show one level of a large plan without loading the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from vpl_tui.model import CLOSED_STATUSES


@dataclass(frozen=True, slots=True)
class Progress:
    """Activities under a goal or initiative: how many, how many done, how many overdue."""

    total: int = 0
    done: int = 0
    overdue: int = 0


@dataclass(frozen=True, slots=True)
class GoalRecord:
    """A goal without its children; `progress` counts every activity under it."""

    number: str
    kind: str
    title: str
    description: str
    resources: str
    earmarked_mkr: Decimal | None
    council_goal: str
    progress: Progress
    initiative_count: int
    metric_count: int


@dataclass(frozen=True, slots=True)
class GoalHead:
    """A goal's number, kind and title: the plan's outline, without counts."""

    number: str
    kind: str
    title: str


@dataclass(frozen=True, slots=True)
class InitiativeHead:
    """An initiative's id and title: the plan's outline, without counts."""

    id: str
    title: str


@dataclass(frozen=True, slots=True)
class InitiativeRecord:
    """A strategic initiative without its activities."""

    id: str
    goal_number: str
    title: str
    purpose: str
    resources: str
    earmarked_mkr: Decimal | None
    council_goal: str
    comment: str
    metrics_note: str
    progress: Progress
    metric_count: int


@dataclass(frozen=True, slots=True)
class ActivityRecord:
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

    def is_overdue(self, as_of: date) -> bool:
        """Past its end date on `as_of` and neither done nor cancelled."""
        return self.end < as_of and self.status not in CLOSED_STATUSES


@dataclass(frozen=True, slots=True)
class HistoryRecord:
    """One row of the append-only status history."""

    id: int
    ref: str
    at: datetime
    from_status: str
    to_status: str
    note: str
    user: str
    undo_of: int | None


@dataclass(frozen=True, slots=True)
class FigureRecord:
    """One budget figure as it stands now, with the published value it started from."""

    table: str
    line: str
    year: int
    value: Decimal
    published: Decimal


@dataclass(frozen=True, slots=True)
class FigureChangeRecord:
    """One row of the append-only history of budget figure edits."""

    id: int
    table: str
    line: str
    year: int
    at: datetime
    from_value: Decimal
    to_value: Decimal
    note: str
    user: str


@dataclass(frozen=True, slots=True)
class Earmark:
    """What a goal or initiative states as its earmarked resources (särskilda resurser).

    `target` is a goal number or an initiative id, the same names pot allocations use in
    `funds`; `goal_number` is the goal an initiative belongs to (None for a goal).
    """

    target: str
    title: str
    stated_mkr: Decimal | None
    goal_number: str | None
