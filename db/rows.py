"""A plan in the shape of the database's tables: the rows `vpl load` inserts.

The store inserts a plan from `PlanRows`, never from the models directly, so that the
rows of a region's plan can be made in several processes at once (see `db/bulk.py`)
and merged: each process turns the goals it read into `GoalRows`, and `merge_goal_rows`
joins them as if one process had read the whole file.

Plain tuples, in the tables' column order: they cross a process boundary cheaply, and
SQLite's `executemany` takes them as they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from vpl_tui.db.changes import format_time, number_text
from vpl_tui.rules.outcomes import generated_metric_id
from vpl_tui.safetext import normalise

if TYPE_CHECKING:
    from vpl_tui.model import (
        Activity,
        Budget,
        Focus,
        Goal,
        Mandate,
        Metric,
        OutcomeEntry,
        Plan,
        PlanInfo,
    )
    from vpl_tui.model.followup import FollowUp
    from vpl_tui.model.plan_changes import PlanChanges

Row = tuple[Any, ...]

_REF = itemgetter(0)
HISTORY_ORDER = itemgetter(0, 1, 2, 3)
"""A history row's sort key: time, part, activity order, index in the activity's history."""


class Folder:
    """`normalise()` for many titles at once, word by word with a cache of words seen.

    Folding is per character (case folding, compatibility decomposition, dropping the
    combining marks, which never cross a space), so folding words between spaces gives
    the same text; plan titles repeat their words, so 100 000 titles fold in a tenth of
    the time.
    """

    def __init__(self) -> None:
        self._words: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        words = self._words
        folded = []
        for word in text.split(" "):
            done = words.get(word)
            if done is None:
                done = words[word] = normalise(word)
            folded.append(done)
        return " ".join(folded)


@dataclass
class GoalRows:
    """The rows of consecutive goals of a plan, with everything under them.

    Numbering that spans the whole plan is local here and made global by
    `merge_goal_rows`: goal positions count from 0, metric ids from 1, and a history row
    starts with its sort key (time, part, activity order, index in the activity's
    history) instead of its id.
    """

    goals: list[Row] = field(default_factory=list)
    """(number, position, kind, title, description, resources, earmarked_mkr, council_goal)"""
    initiatives: list[Row] = field(default_factory=list)
    """(id, goal_number, position, title, purpose, resources, earmarked_mkr, council_goal,
    comment, metrics_note)"""
    metrics: list[Row] = field(default_factory=list)
    """(id, goal_number, initiative_id, position, name, latest, latest_year, ident, unit,
    kolada_kpi, higher_is_better): `ident` is the metric's stable id (`db/outcomes.py`)"""
    targets: list[Row] = field(default_factory=list)
    """(metric_id, year, target)"""
    responsibles: list[Row] = field(default_factory=list)
    """(kind, goal number or initiative id, responsible): the goals and initiatives with one"""
    activities: list[Row] = field(default_factory=list)
    """(ref, goal_number, initiative_id, position, title, kind, start, end, status, version,
    title_folded, responsible, carried_from)"""
    histories: list[Row] = field(default_factory=list)
    """(at, part, activity order, index, ref, from_status, to_status, note, user, undoes)"""


@dataclass
class PlanRows:
    """A whole plan: its small parts as models, its goals and activities as rows."""

    info: PlanInfo
    mandate: Mandate
    focus: list[Focus]
    budget: Budget | None
    goals: GoalRows
    followup: FollowUp | None = None
    """The follow-up rounds' periods, scale and histories (`db/followup.py` writes them)."""
    outcomes: Sequence[OutcomeEntry] = ()
    """The metrics' outcomes with their histories (`db/outcomes.py` writes them)."""
    changes: list[PlanChanges] = field(default_factory=list)
    """The plan's own change history (`db/plan_edit.py` writes it)."""

    @property
    def counts(self) -> dict[str, int]:
        """How many goals, initiatives and activities the plan has (for `vpl load`'s line)."""
        return {
            "goals": len(self.goals.goals),
            "initiatives": len(self.goals.initiatives),
            "activities": len(self.goals.activities),
        }


def plan_rows(plan: Plan) -> PlanRows:
    """The rows of a validated plan."""
    return PlanRows(
        info=plan.plan,
        mandate=plan.mandate,
        focus=plan.focus,
        budget=plan.budget,
        goals=goal_rows(plan.goals),
        followup=_followup_of(plan),
        outcomes=plan.outcomes,
        changes=plan.changes,
    )


def _followup_of(plan: Plan) -> FollowUp:
    from vpl_tui.model.followup import followup_of

    return followup_of(plan)


def goal_rows(goals: Sequence[Goal], part: int = 0) -> GoalRows:
    """The rows of `goals` and everything under them; `part` orders history across parts."""
    rows = GoalRows()
    fold = Folder()
    metric_id = 0
    activity_order = 0

    def add_metrics(goal_number: str, initiative_id: str | None, items: list[Metric]) -> None:
        nonlocal metric_id
        owner = goal_number if initiative_id is None else initiative_id
        for position, metric in enumerate(items):
            metric_id += 1
            rows.metrics.append(
                (
                    metric_id,
                    goal_number,
                    initiative_id,
                    position,
                    metric.name,
                    metric.latest,
                    metric.latest_year,
                    metric.id or generated_metric_id(owner, position),
                    metric.unit,
                    metric.kolada_kpi,
                    int(metric.higher_is_better),
                )
            )
            rows.targets.extend(
                (metric_id, int(year), target) for year, target in metric.targets.items()
            )

    def add_activities(goal_number: str, initiative_id: str | None, items: list[Activity]):
        nonlocal activity_order
        activities, histories = rows.activities, rows.histories
        for position, activity in enumerate(items):
            activity_order += 1
            ref = activity.ref
            activities.append(
                (
                    ref,
                    goal_number,
                    initiative_id,
                    position,
                    activity.title,
                    activity.kind,
                    activity.start.isoformat(),
                    activity.end.isoformat(),
                    activity.status,
                    len(activity.history),
                    fold(activity.title),
                    activity.responsible,
                    activity.carried_from,
                )
            )
            for index, entry in enumerate(activity.history):
                histories.append(
                    (
                        format_time(entry.at),
                        part,
                        activity_order,
                        index,
                        ref,
                        entry.from_status,
                        entry.to,
                        entry.note,
                        entry.user,
                        entry.undoes,
                    )
                )

    for g_position, goal in enumerate(goals):
        rows.goals.append(
            (
                goal.number,
                g_position,
                goal.kind,
                goal.title,
                goal.description,
                goal.resources,
                number_text(goal.earmarked_mkr),
                goal.council_goal,
            )
        )
        if goal.responsible:
            rows.responsibles.append(("goal", goal.number, goal.responsible))
        add_metrics(goal.number, None, goal.metrics)
        add_activities(goal.number, None, goal.activities)
        for i_position, initiative in enumerate(goal.initiatives):
            rows.initiatives.append(
                (
                    initiative.id,
                    goal.number,
                    i_position,
                    initiative.title,
                    initiative.purpose,
                    initiative.resources,
                    number_text(initiative.earmarked_mkr),
                    initiative.council_goal,
                    initiative.comment,
                    initiative.metrics_note,
                )
            )
            if initiative.responsible:
                rows.responsibles.append(("initiative", initiative.id, initiative.responsible))
            add_metrics(goal.number, initiative.id, initiative.metrics)
            add_activities(goal.number, initiative.id, initiative.activities)
    # Sorted here, in the process that read these goals: merging sorted parts is quick.
    # Activities go in by ref, the order of the table's primary key index, which SQLite
    # then fills page by page instead of splitting pages all over it.
    rows.activities.sort(key=_REF)
    rows.histories.sort(key=HISTORY_ORDER)
    return rows


def merge_goal_rows(parts: Sequence[GoalRows]) -> GoalRows:
    """Join the rows of consecutive parts of a plan, numbering them across the whole plan."""
    if len(parts) == 1:
        return parts[0]
    merged = GoalRows()
    goal_offset = metric_offset = 0
    for rows in parts:
        merged.goals += [(g[0], g[1] + goal_offset, *g[2:]) for g in rows.goals]
        merged.metrics += [(m[0] + metric_offset, *m[1:]) for m in rows.metrics]
        merged.targets += [(t[0] + metric_offset, *t[1:]) for t in rows.targets]
        merged.initiatives += rows.initiatives
        merged.responsibles += rows.responsibles
        merged.activities += rows.activities
        merged.histories += rows.histories
        goal_offset += len(rows.goals)
        metric_offset += len(rows.metrics)
    return merged


def history_rows(histories: list[Row]) -> list[Row]:
    """The status_history rows: ids in time order across activities, as they were written.

    An undo names the index, in its activity's history, of the change it reverts; the
    row names that change's id.
    """
    histories = sorted(histories, key=HISTORY_ORDER)
    undone = {(row[4], row[9]) for row in histories if row[9] is not None}
    ids = (
        {
            (row[4], row[3]): row_id
            for row_id, row in enumerate(histories, start=1)
            if (row[4], row[3]) in undone
        }
        if undone
        else {}
    )
    return [
        (
            row_id,
            row[4],
            row[0],
            row[5],
            row[6],
            row[7],
            row[8],
            None if row[9] is None else ids[(row[4], row[9])],
        )
        for row_id, row in enumerate(histories, start=1)
    ]
