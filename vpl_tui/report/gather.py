"""The report's data read from a plan as it stood at a period's end: `ReportData` from a store.

Pure: it asks a `ReportReader` (the `Store` is one) for the plan's rows and arranges them,
so the report's contents can be tested on any reader. What it reads:

- the plan, its focus lists, goals and initiatives in the plan's order;
- every activity's status as it was at the end of the period's last day (the store's
  as-of replay), and its latest note up to then;
- the metrics judged for the period (`Store.metric_lines`): outcome and previous outcome as
  they stood at the freeze moment (the last ready mark, or now in a draft), as assessments
  are, and the target for the period's year;
- the previous period's statuses, for "what changed": activities finished and delayed;
- the budget reconciliation's findings, and the economy's follow-up table of the period
  (budget against outcome and forecast per unit), frozen with the assessments.

Assessments come from the follow-up round (the store's `assessment_as_of`), as they stood at the end of the period's last day; a goal without one
is "Ej bedömd", as the report must never invent one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from itertools import compress, groupby, repeat
from operator import and_, ne
from typing import TYPE_CHECKING, Protocol

from vpl_tui.records import (
    BudgetFigures,
    Earmark,
    FocusRecord,
    HistoryRecord,
    PlanRecord,
    latest_notes,
)
from vpl_tui.report.data import (
    ActivityChange,
    ActivityRow,
    AssessmentMove,
    Changes,
    Economy,
    Finding,
    FocusGroup,
    Freeze,
    GoalData,
    InitiativeData,
    MetricRow,
    ReportData,
)
from vpl_tui.rules.assessments import DEFAULT_SCALE, Assessment, Level, Scale
from vpl_tui.rules.outcomes import MetricLine, Outcome
from vpl_tui.rules.periods import Period, previous_period
from vpl_tui.rules.statuses import DONE
from vpl_tui.strings import Strings

if TYPE_CHECKING:
    from vpl_tui.budget.followup import FollowUpTable
    from vpl_tui.rules.economy import FollowUpRow


Replayed = tuple[str, str, str | None, str, str, str, str, str | None]
"""A row of `ReportReader.activities_by_owner_as_of`: (ref, goal number, initiative id or None,
title, end as ISO text, responsible, status at the period's end, status at the previous
period's end or None)."""

Owner = tuple[str, str | None]
"""(goal number, initiative id or None): whose activities and metrics."""


class ReportReader(Protocol):
    """What the report reads of a plan: the `Store`'s read methods."""

    def plan_record(self) -> PlanRecord: ...
    def periods(self) -> tuple[Period, ...]: ...
    def scale(self) -> Scale: ...
    def focus_records(self) -> list[FocusRecord]: ...
    def plan_outline(self) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]: ...
    def owner_responsibles(self) -> dict[tuple[str, str], str]: ...
    def activities_by_owner_as_of(
        self, as_of: date, earlier: date | None = None
    ) -> list[Replayed]: ...
    def metric_lines(
        self, period: Period, moment: date | datetime | None = None
    ) -> list[MetricLine]: ...
    def noted_history(self) -> list[HistoryRecord]: ...
    def budget_figures(self) -> BudgetFigures | None: ...
    def earmarks(self) -> list[Earmark]: ...
    def assessment_as_of(
        self, period: str, day: date | datetime | None = None
    ) -> Mapping[str, Assessment]: ...
    def last_ready_mark(self, period: str) -> datetime | None: ...
    def followup_table(
        self, period: Period, as_of: date | datetime | None = None
    ) -> FollowUpTable | None: ...


def _assessed(
    reader: ReportReader, period: Period, moment: datetime | None
) -> dict[str, tuple[str, str, str]]:
    return {
        target: (a.level, a.analysis, a.actions)
        for target, a in reader.assessment_as_of(period.id, moment).items()
    }


def _metric_rows(
    lines: list[MetricLine], period: Period
) -> dict[tuple[str, str | None], list[MetricRow]]:
    """Each owner's metrics judged for the period, by the one rule (`rules.outcomes`)."""

    def text(outcome: Outcome | None) -> str | None:
        if outcome is None:
            return None
        return (
            outcome.value if outcome.period == period.id else f"{outcome.value} ({outcome.point})"
        )

    rows: dict[tuple[str, str | None], list[MetricRow]] = {}
    for line in lines:
        judged, info = line.judged, line.metric
        rows.setdefault((info.goal_number, info.initiative_id), []).append(
            MetricRow(
                info.name,
                text(judged.outcome),
                text(judged.previous),
                judged.target,
                judged.judgement,
                judged.outcome.source if judged.outcome is not None else "",
            )
        )
    return rows


def _findings(reader: ReportReader, strings: Strings) -> tuple[Finding, ...]:
    budget = reader.budget_figures()
    if budget is None:
        return ()
    from vpl_tui.budget import reconcile
    from vpl_tui.rules.checks import failures_first

    checks = reconcile(budget, reader.earmarks())
    return tuple(Finding(c.status, c.describe(strings)) for c in failures_first(checks))


def _economy(
    reader: ReportReader, period: Period, moment: datetime | None, strings: Strings
) -> Economy:
    """The reconciliation's findings and, once a forecast of the period is entered, the
    follow-up table as it stood at `moment` (the last ready mark; None: now, a draft)."""
    findings = _findings(reader, strings)
    table = reader.followup_table(period, moment)
    if table is None or all(
        row.outcome is None and row.forecast is None for row in (*table.rows, table.total)
    ):
        return Economy(findings=findings)
    total = replace(table.total, unit=strings("economy.total"))
    # In the unit the plan published (175,9 mnkr), as the budget screen's tables are; the
    # follow-up's figures are tkr, as forecasts are entered.
    from vpl_tui.budget.sums import TKR_PER

    per = TKR_PER.get(table.unit, Decimal(1))
    rows = tuple(_in_unit(row, per) for row in (*table.rows, total))
    return Economy(
        findings=findings,
        rows=rows,
        unit=table.unit,
        threshold=table.threshold,
        decimals=table.decimals,
    )


def _in_unit(row: FollowUpRow, per: Decimal) -> FollowUpRow:
    """`row`'s tkr in a unit of `per` tkr (1 mnkr: 1 000)."""
    if per == 1:
        return row

    def scaled(value: Decimal | None) -> Decimal | None:
        return None if value is None else value / per

    return replace(
        row, budget=row.budget / per, outcome=scaled(row.outcome), forecast=scaled(row.forecast)
    )


_CHANGES = frozenset({DONE, "delayed"})
"""The statuses "what changed" lists an activity under, when it came to one since the
previous period."""


class _Activities:
    """The replayed activities arranged by owner: the rows of each goal's and initiative's
    table, and those that became done or delayed since the previous period, each in the
    plan's order within its owner."""

    def __init__(self, replayed: list[Replayed], notes: Mapping[str, str]) -> None:
        self.rows: dict[Owner, list[ActivityRow]] = {}
        self.finished: dict[Owner, list[ActivityChange]] = {}
        self.delayed: dict[Owner, list[ActivityChange]] = {}
        if not replayed:
            return
        # A column at a time, at C speed (`zip`, `map`): a region's hundred thousand rows
        # would cost a Python loop's turn each. The named tuples are made by
        # `tuple.__new__`, without their own `__new__`, a Python function a row.
        refs, goals, initiatives, titles, ends, responsibles, statuses, befores = zip(
            *replayed, strict=True
        )
        # A few hundred end dates among a hundred thousand rows: each parsed once.
        days = {text: date.fromisoformat(text) for text in set(ends)}
        dates = list(map(days.__getitem__, ends))
        noted = map(notes.get, refs, repeat(""))
        fields = zip(refs, titles, statuses, dates, noted, responsibles, strict=True)
        made = list(map(tuple.__new__, repeat(ActivityRow), fields))
        # The rows come owner by owner: each owner's run of rows is one slice.
        start = 0
        for owner, run in groupby(zip(goals, initiatives, strict=True)):
            end = start + len(list(run))
            self.rows.setdefault(owner, []).extend(made[start:end])
            start = end
        # Those whose status changed between the two days to done or to delayed (none in
        # the first period, which has no previous one: every `before` is None).
        if befores[0] is None:
            return
        changed_to = map(_CHANGES.__contains__, statuses)
        for index in compress(range(len(made)), map(and_, map(ne, statuses, befores), changed_to)):
            status, owner = statuses[index], (goals[index], initiatives[index])
            changed = self.finished if status == DONE else self.delayed
            changed.setdefault(owner, []).append(
                ActivityChange(refs[index], titles[index], dates[index])
            )


def gather_report(
    reader: ReportReader,
    period: Period,
    periods: list[Period],
    *,
    made_on: date,
    made_by: str,
    strings: Strings,
    scale: Scale = DEFAULT_SCALE,
) -> ReportData:
    """The report of `period`, with statuses as they were at the end of its last day."""
    plan = reader.plan_record()
    previous = previous_period(periods, period)
    # Both days replayed in one pass over the activities; the notes from the rows that
    # have one, by the one rule (`records.latest_notes`).
    activities = _Activities(
        reader.activities_by_owner_as_of(period.end, previous.end if previous else None),
        latest_notes(reader.noted_history(), period.end),
    )
    # A period is assessed after it ends: the assessments are read as they stood when the
    # follow-up was last marked ready, or as they stand now in a draft.
    last_ready = reader.last_ready_mark(period.id)
    assessed = _assessed(reader, period, last_ready)
    if last_ready is not None and last_ready.date() > period.end:
        freeze = Freeze("ready_mark", last_ready)
    else:
        freeze = Freeze("period_end", period.end)

    def assessment(target: str) -> tuple[Level | None, str, str]:
        found = assessed.get(target)
        if found is None:
            return None, "", ""
        level_code, analysis, actions = found
        return scale.level(level_code), analysis, actions

    metrics = _metric_rows(reader.metric_lines(period, last_ready), period)
    rows = activities.rows
    outline_goals, outline_initiatives = reader.plan_outline()
    owners = reader.owner_responsibles()  # who is responsible for a goal or an initiative
    initiatives_of: dict[str, list[tuple[str, str]]] = {}
    for goal_number, ident, title in outline_initiatives:
        initiatives_of.setdefault(goal_number, []).append((ident, title))

    def goal_data(number: str, title: str, kind: str) -> GoalData:
        level, analysis, actions = assessment(number)
        initiatives = []
        for ident, i_title in initiatives_of.get(number, ()):
            i_level, i_analysis, i_actions = assessment(ident)
            initiatives.append(
                InitiativeData(
                    ident,
                    i_title,
                    i_level,
                    i_analysis,
                    i_actions,
                    tuple(metrics.get((number, ident), ())),
                    tuple(rows.get((number, ident), ())),
                    owners.get(("initiative", ident), ""),
                )
            )
        return GoalData(
            number,
            title,
            kind,
            level,
            analysis,
            actions,
            tuple(metrics.get((number, None), ())),
            tuple(rows.get((number, None), ())),
            tuple(initiatives),
            owners.get(("goal", number), ""),
        )

    goals = {number: goal_data(number, title, kind) for number, title, kind in outline_goals}
    groups: list[FocusGroup] = []
    grouped: set[str] = set()
    for focus in reader.focus_records():
        members = tuple(goals[n] for n in focus.goals if n in goals)
        grouped.update(focus.goals)
        groups.append(FocusGroup(focus.title, members, focus.intro, tuple(focus.items)))
    rest = tuple(g for number, g in goals.items() if number not in grouped)
    if rest:
        groups.append(FocusGroup(None, rest))
    changes = None
    if previous is not None:
        changes = _changes(reader, previous, activities, assessed, scale, goals)
    return ReportData(
        organisation=plan.organisation,
        plan_title=plan.title,
        period=period,
        made_on=made_on,
        made_by=made_by,
        freeze=freeze,
        groups=tuple(groups),
        municipality=plan.municipality,
        changes=changes,
        economy=_economy(reader, period, last_ready, strings),
        scale=scale,
    )


def _in_plan_order(
    by_owner: Mapping[Owner, list[ActivityChange]], goals: Mapping[str, GoalData]
) -> tuple[ActivityChange, ...]:
    """The changes of every owner, in the plan's order: a goal's own, then its initiatives'."""
    ordered: list[ActivityChange] = []
    for number, goal in goals.items():
        ordered += by_owner.get((number, None), ())
        for initiative in goal.initiatives:
            ordered += by_owner.get((number, initiative.id), ())
    return tuple(ordered)


def _changes(
    reader: ReportReader,
    previous: Period,
    activities: _Activities,
    assessed: Mapping[str, tuple[str, str, str]],
    scale: Scale,
    goals: Mapping[str, GoalData],
) -> Changes:
    finished = _in_plan_order(activities.finished, goals)
    delayed = _in_plan_order(activities.delayed, goals)
    moved: list[AssessmentMove] = []
    earlier_ready = reader.last_ready_mark(previous.id)
    earlier = _assessed(reader, previous, earlier_ready)
    names = {n: f"{n} {g.title}" for n, g in goals.items()}
    names.update({i.id: i.title for g in goals.values() for i in g.initiatives})
    for target, name in names.items():
        old, new = earlier.get(target), assessed.get(target)
        if (old and old[0]) != (new and new[0]):
            moved.append(
                AssessmentMove(
                    name,
                    scale.level(old[0]) if old else None,
                    scale.level(new[0]) if new else None,
                )
            )
    return Changes(previous, tuple(moved), finished, delayed)
