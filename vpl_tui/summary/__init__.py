"""The status summary a controller prints for the board, in text, Markdown, JSON and HTML.

`build_summary` asks the store for counts (SQLite does the counting) and `render` turns the
result into one of the formats. Everything from the plan file is escaped for the format it
goes into: control characters become visible escapes, Markdown and HTML are escaped.

What a summary holds is in `vpl_tui.summary.model` (re-exported here); each format has a
module of its own (`summary_text` for text and Markdown, `summary_json`, `summary_html`),
imported only when that format is asked for.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

from vpl_tui.records import (
    ActivityRecord,
    BudgetFigures,
    Earmark,
    GoalHead,
    HistoryRecord,
    InitiativeHead,
    MetricRecord,
    OverdueRecord,
    PlanRecord,
)
from vpl_tui.records import latest_notes as notes_as_of
from vpl_tui.rules.assessments import Assessment, Scale
from vpl_tui.rules.checks import tally
from vpl_tui.rules.outcomes import MetricLine
from vpl_tui.rules.periods import Period, current_period
from vpl_tui.rules.statuses import CANCELLED, STATUSES
from vpl_tui.strings import Strings
from vpl_tui.styles import Style, plain

# Re-exported: the callers of the summary import its parts from here.
from vpl_tui.summary.model import (  # noqa: F401
    FORMATS,
    BudgetStatus,
    Count,
    Format,
    GoalAssessment,
    GoalSummary,
    InitiativeSummary,
    Summary,
    budget_line,
    heading,
)

# Nothing here imports pydantic: a summary reads plain records, and pydantic would be
# half the time of `vpl summary` on a small plan.


class PlanReader(Protocol):
    """What a summary reads: the store's plain-record reads (`vpl_tui.db.store.Store`).

    A protocol, so that the core names what it needs without importing the database layer.
    """

    def plan_record(self) -> PlanRecord: ...
    def progress_as_of(self, as_of: date) -> dict[tuple[str, str | None], dict[str, int]]: ...
    def outline(self) -> list[tuple[GoalHead, list[InitiativeHead]]]: ...
    def owner_responsibles(self) -> dict[tuple[str, str], str]: ...
    def overdue_as_of(self, as_of: date) -> list[OverdueRecord]: ...
    def all_metrics(self) -> list[tuple[str, str | None, MetricRecord]]: ...
    def activities_as_of(self, as_of: date) -> list[ActivityRecord]: ...
    def budget_figures(self) -> BudgetFigures | None: ...
    def earmarks(self) -> list[Earmark]: ...
    def periods(self) -> tuple[Period, ...]: ...
    def scale(self) -> Scale: ...
    def assessment_as_of(self, period: str, day: date | None = None) -> dict[str, Assessment]: ...
    def metric_lines(self, period: Period, moment: date | None = None) -> list[MetricLine]: ...


def goal_assessments(store: PlanReader, as_of: date) -> dict[str, GoalAssessment]:
    """Each goal's assessment for the period current on `as_of`, as it stood then."""
    period = current_period(store.periods(), as_of)
    if period is None:
        return {}
    scale = store.scale()
    found = {}
    for target, assessment in store.assessment_as_of(period.id, as_of).items():
        level = scale.level(assessment.level)
        if level is not None:
            found[target] = GoalAssessment(period.name, level, not period.verdict)
    return found

    def history(self, ref: str | None = None, limit: int | None = None) -> list[HistoryRecord]: ...


def latest_notes(store: PlanReader, refs: list[str], as_of: date) -> dict[str, str]:
    """The latest note written on each of `refs` by the end of `as_of` (none: left out)."""
    notes: dict[str, str] = {}
    for ref in refs:
        notes.update(notes_as_of(store.history(ref), as_of))
    return notes


def budget_status(store: PlanReader) -> BudgetStatus | None:
    """The reconciliation's one line for the summary, or None when the plan has no budget."""
    # Imported here: only the summary needs the reconciliation, not every importer of this module.
    from vpl_tui.budget import reconcile

    budget = store.budget_figures()
    if budget is None:
        return None
    counts = tally(reconcile(budget, store.earmarks()))
    return BudgetStatus(checks=counts.total, failed=counts.failed, unchecked=counts.unchecked)


def build_summary(
    store: PlanReader, as_of: date, *, with_activities: bool = False, with_details: bool = False
) -> Summary:
    """Collect the summary of the plan in `store` as it stood at the end of `as_of`.

    Args:
        store: The plan database.
        as_of: The day; statuses are replayed from the history up to the end of it.
        with_activities: Include every activity and every metric (for JSON); the other
            formats list only the overdue activities, so large plans stay light.
        with_details: Include every metric and the latest note of each overdue activity
            (for the printable HTML page).
    """
    plan = store.plan_record()
    by_status = dict.fromkeys(STATUSES, 0)
    own: dict[tuple[str, str | None], Count] = {}  # each goal's own activities, each initiative's
    under: dict[str, list[int]] = {}  # all under each goal: [activities, done, overdue, cancelled]
    # One pass over what SQLite counted (a row per goal and initiative); the outline
    # below only looks the counts up.
    for key, bucket in store.progress_as_of(as_of).items():
        activities = 0
        for status in STATUSES:
            n = bucket.get(status, 0)
            by_status[status] += n
            activities += n
        count = own[key] = Count(
            activities, bucket.get("done", 0), bucket.get("overdue", 0), bucket.get(CANCELLED, 0)
        )
        totals = under.setdefault(key[0], [0, 0, 0, 0])
        for position, part in enumerate(count):
            totals[position] += part

    no_count = Count()
    owners = store.owner_responsibles()  # (kind, number or id) → who is responsible
    goals: list[GoalSummary] = []
    titles: dict[str, str] = {}
    for goal, initiatives in store.outline():
        titles.update({i.id: i.title for i in initiatives})
        goals.append(
            GoalSummary(
                number=goal.number,
                kind=goal.kind,
                title=goal.title,
                count=Count(*under.get(goal.number, (0, 0, 0, 0))),
                initiatives=[
                    InitiativeSummary(
                        i.id,
                        i.title,
                        own.get((goal.number, i.id), no_count),
                        owners.get(("initiative", i.id), ""),
                    )
                    for i in initiatives
                ],
                responsible=owners.get(("goal", goal.number), ""),
            )
        )
    overdue = store.overdue_as_of(as_of)
    period = current_period(store.periods(), as_of)
    return Summary(
        plan=plan,
        as_of=as_of,
        total=sum(by_status.values()),
        by_status=by_status,
        overdue=overdue,
        goals=goals,
        metrics=store.all_metrics() if with_activities or with_details else [],
        activities=store.activities_as_of(as_of) if with_activities else None,
        budget=budget_status(store),
        initiative_titles=titles,
        assessments=goal_assessments(store, as_of),
        notes=latest_notes(store, [a.ref for a in overdue], as_of) if with_details else {},
        metric_lines=[] if period is None else store.metric_lines(period, as_of),
        metric_period="" if period is None else period.name,
        responsible=getattr(store, "responsible", None),
    )


def render(summary: Summary, fmt: Format, strings: Strings, *, style: Style = plain) -> str:
    """The summary in `fmt`; `style` colours the text format only (see `vpl_tui.styles`)."""
    if fmt == "text":
        from vpl_tui.summary.as_text import render_text

        return render_text(summary, strings, style=style)
    if fmt == "markdown":
        from vpl_tui.summary.as_text import render_markdown

        return render_markdown(summary, strings)
    if fmt == "json":
        from vpl_tui.summary.as_json import render_json

        return render_json(summary)
    if fmt == "html":
        from vpl_tui.summary.as_html import render_html

        return render_html(summary, strings)
    raise ValueError(f"unknown summary format {fmt!r}: choose {', '.join(FORMATS)}")
