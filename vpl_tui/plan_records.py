"""Read-side records of the plan's levels above the activity: the plan, its focus lists,
goals, initiatives, metrics and earmarks. Named tuples, like `vpl_tui.records` (which
names them too, made here on first use: `vpl set` needs none of them).
"""

# No `from __future__ import annotations`: see `vpl_tui.records`.
from typing import TYPE_CHECKING, NamedTuple

from vpl_tui.rules.progress import Progress

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


class MetricRecord(NamedTuple):
    """A metric (mätetal) with its latest outcome and its targets by year, as read.

    The attributes of `model.Metric`, for the JSON summary, which needs no pydantic.
    """

    name: str
    latest: str
    latest_year: int | None
    targets: dict[str, str]


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
