"""The completeness view (key `c`): what a period's follow-up still lacks before its deadline.

Built from the store's `FollowupRound` (the gaps are the core's `followup_gaps`, worked out
there): the count ("12 av 17 klarmarkerade"), the days to the deadline, and one row per goal
and initiative, those with something missing marked, in plan order. The texts are the
ones `vpl followup` prints (`views/followup_text.py`: `count_line`, `deadline_line`, and
`word`, an assessment's word for the period), so that the app and the command line say
the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from vpl_tui.rules.assessments import Assessment, Scale
from vpl_tui.rules.periods import Period
from vpl_tui.safetext import one_line
from vpl_tui.strings import Strings
from vpl_tui.views.followup_text import count_line, deadline_line, word

TITLE_WIDTH = 60
"""A row shows this much of its target's title (the tree shows the whole)."""


class TargetLike(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def goal(self) -> str: ...


class MetricLike(Protocol):
    """A metric without an outcome for the period (`db.followup_metrics.MissingMetric`)."""

    @property
    def ident(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def goal_number(self) -> str: ...


class LineLike(Protocol):
    @property
    def target(self) -> TargetLike: ...
    @property
    def assessment(self) -> Assessment | None: ...
    @property
    def ready(self) -> bool: ...
    @property
    def gaps(self) -> Sequence[str]: ...
    @property
    def metrics_missing(self) -> Sequence[MetricLike]: ...


class RoundLike(Protocol):
    """What `vpl_tui.db.followup.FollowupRound` offers."""

    @property
    def period(self) -> Period: ...
    @property
    def scale(self) -> Scale: ...
    @property
    def lines(self) -> Sequence[LineLike]: ...
    @property
    def ready(self) -> int: ...
    @property
    def days_to_deadline(self) -> int | None: ...
    @property
    def metrics(self) -> int: ...


@dataclass(frozen=True, slots=True)
class CompletenessRow:
    """One goal or initiative of the list."""

    target: str
    """The goal's number, the initiative's id, or the metric's id."""
    kind: str
    """`goal`, `initiative` or `metric` (one without an outcome for the period)."""
    goal: str
    text: str
    """The row as shown: id, title, assessment, and what it lacks (or that it is done)."""
    missing: bool


@dataclass(frozen=True, slots=True)
class Completeness:
    heading: str
    count: str
    deadline: str
    rows: list[CompletenessRow]
    metrics: str = ""
    """How many metrics lack an outcome for the period ("" for a plan without metrics)."""

    @property
    def missing(self) -> list[CompletenessRow]:
        """The goals and initiatives whose follow-up lacks something."""
        return [row for row in self.rows if row.missing and row.kind != "metric"]

    @property
    def metrics_missing(self) -> list[CompletenessRow]:
        """The metrics without an outcome for the period."""
        return [row for row in self.rows if row.kind == "metric"]

    @property
    def first(self) -> int | None:
        """The row to start on: the first that lacks something (the follow-ups come before
        the metrics); None when nothing is missing."""
        return next((i for i, row in enumerate(self.rows) if row.missing), None)


def completeness(found: RoundLike, s: Strings) -> Completeness:
    """The completeness view of one period's round."""
    rows: list[CompletenessRow] = []
    lacking: list[CompletenessRow] = []
    for line in found.lines:
        target = line.target
        gaps = ", ".join(s(f"followup.gap.{gap}") for gap in line.gaps) or s("followup.complete")
        assessed = word(found.scale, found.period, line.assessment, s)
        indent = "" if target.kind == "goal" else "  "
        mark = "✗" if line.gaps else "✓"
        title = one_line(target.title, TITLE_WIDTH)
        if line.metrics_missing:
            gaps += " · " + s("followup.metric_gap", lacking=len(line.metrics_missing))
        text = f"{indent}{mark} {one_line(target.id)}  {title}  · {assessed} – {gaps}"
        rows.append(CompletenessRow(target.id, target.kind, target.goal, text, bool(line.gaps)))
        for metric in line.metrics_missing:  # Enter goes to the metric, to enter it (`o`)
            name = one_line(metric.name, TITLE_WIDTH)
            said = s("followup.metric_missing", metric=one_line(metric.ident), name=name)
            row = CompletenessRow(metric.ident, "metric", metric.goal_number, f"◇ {said}", True)
            lacking.append(row)
    rows += lacking  # after the follow-ups, which the deadline asks for first
    metrics = ""
    if found.metrics:
        metrics = s("followup.metrics_missing", lacking=len(lacking), metrics=found.metrics)
    return Completeness(
        s("app.completeness.heading", period=one_line(found.period.name)),
        count_line(found.period, found.ready, len(found.lines), s),
        deadline_line(found.period, found.days_to_deadline, s),
        rows,
        metrics,
    )
