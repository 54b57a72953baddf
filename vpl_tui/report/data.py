"""What a follow-up report is made from: a tree of plain, frozen data for one period.

The database side fills it in (statuses and outcomes as of the period's end, or as of the
last ready-mark); `build_report` turns it into a `Document`. Nothing here is computed from
a guess: a goal without an assessment has `assessment=None` and the report says "Ej bedömd",
a metric without an outcome has `outcome=None` and the report says "Utfall saknas".

The plan's order is kept: focus lists as the plan lists them, goals in their order under
each, initiatives under their goal, metrics and activities in the plan's order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Literal, NamedTuple

from vpl_tui.rules.assessments import DEFAULT_SCALE, Level, Scale
from vpl_tui.rules.checks import CheckStatus
from vpl_tui.rules.economy import DEFAULT_THRESHOLD, FollowUpRow
from vpl_tui.rules.periods import Period
from vpl_tui.rules.statuses import Status
from vpl_tui.rules.targets import Judgement, judge, parse_target, parse_value

KOLADA = "Kolada"
"""The source named for an outcome fetched from Kolada (the municipalities' database)."""
KOLADA_CREDIT = "Källa: Kolada"
"""Written under a table with a figure from Kolada, in every language: Kolada's terms ask
for these very words wherever its figures are shown."""


@dataclass(frozen=True, slots=True)
class Freeze:
    """Which moment the report shows: the period's end, or the last ready-mark."""

    kind: Literal["period_end", "ready_mark"]
    at: date | datetime


@dataclass(frozen=True, slots=True)
class MetricRow:
    """One metric for the period."""

    name: str
    outcome: str | None
    """The outcome as written (`44 418`, `49,4 %`), or None when there is none."""
    previous: str | None = None
    """The outcome before it (the previous period or year), or None."""
    target: str | None = None
    """The target for the period's year as the plan writes it (`Öka`, `Högst 50`)."""
    judgement: Judgement = "no_outcome"
    """By `vpl_tui.rules.targets.judge`; see `metric_row`, which computes it from the texts."""
    source: str = ""
    """Where the outcome comes from (`Kolada`, `SCB`), or "" when the plan does not say."""


def metric_row(
    name: str,
    outcome: str | None,
    *,
    previous: str | None = None,
    target: str | None = None,
    higher_is_better: bool = True,
    source: str = "",
) -> MetricRow:
    """A metric row judged by the one rule (`vpl_tui.rules.targets`): the target text read as a
    comparison, the outcomes as numbers; a text outcome ("Tas fram") has no number."""
    value = parse_value(outcome) if outcome is not None else None
    before = parse_value(previous) if previous is not None else None
    parsed = parse_target(target) if target is not None else None
    if outcome is not None and value is None:
        judgement: Judgement = "not_judgeable"  # an outcome in words is no number to compare
    else:
        judgement = judge(
            parsed,
            value.number if value is not None else None,
            before.number if before is not None else None,
            higher_is_better=higher_is_better,
        )
    return MetricRow(name, outcome, previous, target, judgement, source)


class ActivityRow(NamedTuple):
    """One activity as it stood at the report's moment.

    A named tuple, not a data class: a region's report holds a hundred thousand of them,
    and a tuple is made (`gather.py`) and read (the tables) at C speed."""

    ref: str
    title: str
    status: Status
    end: date
    note: str = ""
    """The latest note of its history up to that moment, or ""."""
    responsible: str = ""


@dataclass(frozen=True, slots=True)
class InitiativeData:
    id: str
    title: str
    assessment: Level | None = None
    analysis: str = ""
    actions: str = ""
    metrics: tuple[MetricRow, ...] = ()
    activities: tuple[ActivityRow, ...] = ()
    responsible: str = ""
    """Who is responsible for the initiative ("": nobody named)."""


@dataclass(frozen=True, slots=True)
class GoalData:
    number: str
    title: str
    kind: str = ""
    """`council` (KF-mål) or `board` (nämndsmål), or "" when the plan does not say."""
    assessment: Level | None = None
    analysis: str = ""
    actions: str = ""
    metrics: tuple[MetricRow, ...] = ()
    activities: tuple[ActivityRow, ...] = ()
    initiatives: tuple[InitiativeData, ...] = ()
    responsible: str = ""
    """Who is responsible for the goal ("": nobody named)."""


@dataclass(frozen=True, slots=True)
class FocusGroup:
    """A focus list and the goals that carry it out; `title=None` holds the goals outside any."""

    title: str | None
    goals: tuple[GoalData, ...]
    intro: str = ""
    items: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AssessmentMove:
    """A goal's or initiative's assessment that differs from the previous period's."""

    subject: str
    """How the report names it: `1.1.1 Kommunövergripande …` or an initiative's title."""
    before: Level | None
    after: Level | None


class ActivityChange(NamedTuple):
    """An activity that became done, or delayed, since the previous period (a named tuple,
    as `ActivityRow`: there may be as many)."""

    ref: str
    title: str
    end: date


@dataclass(frozen=True, slots=True)
class Changes:
    """What moved between the previous period's end and this one's."""

    previous: Period
    moved: tuple[AssessmentMove, ...] = ()
    finished: tuple[ActivityChange, ...] = ()
    delayed: tuple[ActivityChange, ...] = ()


@dataclass(frozen=True, slots=True)
class Finding:
    """One line of the budget reconciliation: its status (pass/fail/unchecked) and its text."""

    status: CheckStatus
    text: str


@dataclass(frozen=True, slots=True)
class Economy:
    """The economy's part of the report: reconciliation findings and the follow-up table."""

    findings: tuple[Finding, ...] = ()
    rows: tuple[FollowUpRow, ...] = ()
    unit: str = "tkr"
    """The unit of `rows`: the one the plan published its units' table in (mnkr, say)."""
    threshold: Decimal = DEFAULT_THRESHOLD
    """A deviation over this share of a unit's budget needs a comment."""
    decimals: int = 0
    """The decimals the table was published with: `rows` are shown with them (175,9)."""


@dataclass(frozen=True, slots=True)
class ReportData:
    """Everything one period's report shows, in the plan's order."""

    organisation: str
    plan_title: str
    period: Period
    made_on: date
    made_by: str
    freeze: Freeze
    groups: tuple[FocusGroup, ...]
    municipality: str = ""
    changes: Changes | None = None
    """None for the first period: there is nothing earlier to compare with."""
    economy: Economy | None = None
    scale: Scale = DEFAULT_SCALE
