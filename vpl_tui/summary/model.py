"""What the status summary holds: counts by status, goal and initiative, the overdue
activities and the budget's one line, as of a day.

`vpl_tui.summary.build_summary` fills it from the store; `vpl_tui.summary.as_text`,
`vpl_tui.summary.as_json` and `vpl_tui.summary.as_html` render it. Plain records only: no
pydantic, no SQL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal, NamedTuple

from vpl_tui.records import ActivityRecord, MetricRecord, OverdueRecord, PlanRecord
from vpl_tui.rules.assessments import Level
from vpl_tui.rules.outcomes import MetricLine
from vpl_tui.strings import Strings

Format = Literal["text", "markdown", "json", "html"]
FORMATS: tuple[str, ...] = ("text", "markdown", "json", "html")


# Named tuples rather than dataclasses: a dataclass costs every start of `vpl summary`
# over a millisecond to make, a named tuple a fifth of that.


class Count(NamedTuple):
    """Activities under one goal or initiative, as of the summary's day."""

    activities: int = 0
    done: int = 0
    overdue: int = 0
    cancelled: int = 0
    """Counted in `activities`, and shown apart: a cancelled activity is not left to do."""


class InitiativeSummary(NamedTuple):
    id: str
    title: str
    count: Count
    responsible: str = ""
    """Who is responsible for the initiative ("": nobody named)."""


class GoalSummary(NamedTuple):
    number: str
    kind: str
    title: str
    count: Count
    """Every activity under the goal, its initiatives' included."""
    initiatives: list[InitiativeSummary]
    responsible: str = ""
    """Who is responsible for the goal ("": nobody named)."""


class GoalAssessment(NamedTuple):
    """A goal's assessment for the summary's period (the current one as of its day)."""

    period: str
    """The period's name, as the plan writes it."""
    level: Level
    forecast: bool
    """During the year the words are a forecast ("Bedöms uppfyllas")."""


class BudgetStatus(NamedTuple):
    """The one line the summary gives the budget reconciliation."""

    checks: int
    failed: int
    unchecked: int


@dataclass
class Summary:
    plan: PlanRecord
    as_of: date
    total: int
    by_status: dict[str, int]
    overdue: list[OverdueRecord]
    goals: list[GoalSummary]
    metrics: list[tuple[str, str | None, MetricRecord]]
    """Every metric (JSON only, like `activities`; empty when not asked for)."""
    activities: list[ActivityRecord] | None = None
    """Every activity (JSON only; None when not asked for, to keep large plans light)."""
    budget: BudgetStatus | None = None
    initiative_titles: dict[str, str] = field(default_factory=dict)
    assessments: dict[str, GoalAssessment] = field(default_factory=dict)
    """Each assessed goal's assessment, by goal number."""
    notes: dict[str, str] = field(default_factory=dict)
    """The latest note of each overdue activity that has one (HTML only; empty otherwise)."""
    metric_lines: list[MetricLine] = field(default_factory=list)
    """Every metric judged for the period current on the day (`vpl_tui.summary.metrics`)."""
    metric_period: str = ""
    """That period's name."""
    responsible: str | None = None
    """Only the activities this person or unit is responsible for (`--responsible`)."""


def heading(summary: Summary) -> str:
    plan = summary.plan
    parts = [plan.organisation, plan.title]
    if plan.municipality:
        parts.insert(0, plan.municipality)
    return " · ".join(parts) + f" ({plan.period})"


def responsible_text(part: GoalSummary | InitiativeSummary, s: Strings) -> str:
    """ "Ansvarig: Anna Berg" for a goal or initiative that names one, else "" (as given:
    each format escapes it)."""
    return s("summary.responsible_of", name=part.responsible) if part.responsible else ""


def done_text(count: Count, s: Strings) -> str:
    """ "3/7" with the cancelled apart when there are any: "3/7 · 1 avbruten"."""
    done = f"{count.done}/{count.activities}"
    if count.cancelled:
        done += " · " + s("summary.cancelled", count=count.cancelled)
    return done


def budget_line(summary: Summary, s: Strings) -> str:
    if summary.budget is None:
        return s("summary.no_budget")
    b = summary.budget
    return s("summary.budget", checks=b.checks, failed=b.failed, unchecked=b.unchecked)
