"""Metric outcomes read: the metrics, their outcomes as of a moment, and their judgements.

The writes are `db/outcomes.py`; which outcome counts for a period and how it is judged
is the core's rule (`vpl_tui.rules.outcomes.judge_metric`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from vpl_tui.db.outcome_lines import MetricLines
from vpl_tui.db.outcomes_file import OutcomesFile
from vpl_tui.errors import VplError
from vpl_tui.rules.outcomes import (
    MetricInfo,
    MetricLine,
    Outcome,
)
from vpl_tui.rules.periods import Period
from vpl_tui.safetext import clean

Point = tuple[str | None, int | None, str]
"""Where an outcome is: (period id or None, year or None, gender)."""


class OutcomeReads(OutcomesFile, MetricLines):
    """The outcomes' reads (the whole plan's metrics judged: `MetricLines`)."""

    def metric_place(self, ident: str) -> tuple[str, str | None, int] | None:
        """Where a metric is in the tree, by its id: (goal, initiative or None, place)."""
        if not self._has_outcomes():
            return None
        row = self.db.execute(
            "SELECT m.goal_number, m.initiative_id, m.position FROM metric_detail d "
            "JOIN metric m ON m.id = d.metric_id WHERE d.ident = ?",
            (ident,),
        ).fetchone()
        return None if row is None else (row[0], row[1], row[2])

    def municipality_code(self) -> str | None:
        """The plan's municipality code (kommunkod), when it gives one."""
        if not self._has_outcomes():
            return None
        row = self.db.execute("SELECT municipality_code FROM plan_code WHERE id = 1").fetchone()
        return row[0] if row else None

    def outcome(self, metric: str, point: Point) -> Outcome | None:
        """The recorded outcome at `point` as it stands (with its version), or None."""
        if not self._has_outcomes():
            return None
        period, year, gender = point
        rows = self.db.execute(
            "SELECT value, source, comment, user, at FROM outcome_history WHERE metric = ? "
            "AND period IS ? AND year IS ? AND gender = ? ORDER BY id",
            (metric, period, year, gender),
        ).fetchall()
        if not rows:
            return None
        value, source, comment, user, at = rows[-1]
        return Outcome(metric, value, period, year, gender, source, comment, user, at, len(rows))

    def outcome_history(self, metric: str, point: Point) -> list[dict[str, object]]:
        """Every row of the outcome at `point`, oldest first."""
        period, year, gender = point
        return list(
            self.db.query(
                "SELECT * FROM outcome_history WHERE metric = ? AND period IS ? AND year IS ? "
                "AND gender = ? ORDER BY id",
                (metric, period, year, gender),
            )
        )

    def metric_lines_of(
        self, goal_number: str, initiative_id: str | None, period: Period
    ) -> dict[int, MetricLine]:
        """The metrics of one goal (not its initiatives') or one initiative, judged for
        `period`, by their place (the tree's lines of the node being opened: read by key,
        in the worker that reads its children, not the whole plan's metrics)."""
        if not self._has_outcomes():
            return {}
        owner = "initiative_id = ?" if initiative_id else "initiative_id IS NULL"
        positions = [
            position
            for (position,) in self.db.execute(
                f"SELECT position FROM metric WHERE goal_number = ? AND {owner} ORDER BY position",
                (goal_number, *([initiative_id] if initiative_id else [])),
            )
        ]
        periods = self.periods()
        found = {}
        for position in positions:
            line = self.metric_line_at(goal_number, initiative_id, position, period, periods)
            if line is not None:
                found[position] = line
        return found

    def metric_line_at(
        self,
        goal_number: str,
        initiative_id: str | None,
        position: int,
        period: Period,
        periods: Sequence[Period] | None = None,
    ) -> MetricLine | None:
        """One metric, by its owner and place, judged for `period` (the app's detail pane:
        read by key as the cursor moves, not the whole plan's metrics).

        `periods`: the plan's periods, when the caller has read them already."""
        if not self._has_outcomes():
            return None
        owner = "m.initiative_id = ?" if initiative_id else "m.initiative_id IS NULL"
        row = self.db.execute(
            "SELECT m.id, m.name, m.latest, m.latest_year, d.ident, d.unit, d.kolada_kpi, "
            "d.higher_is_better FROM metric m JOIN metric_detail d ON d.metric_id = m.id "
            f"WHERE m.goal_number = ? AND {owner} AND m.position = ?",
            (goal_number, *([initiative_id] if initiative_id else []), position),
        ).fetchone()
        if row is None:
            return None
        row_id, name, latest, year, ident, unit, kpi, higher = row
        targets = {
            str(y): t
            for y, t in self.db.execute(
                "SELECT year, target FROM metric_target WHERE metric_id = ? ORDER BY year",
                (row_id,),
            )
        }
        info = MetricInfo(
            ident, goal_number, initiative_id, name, unit, kpi, bool(higher), latest, year, targets
        )
        mine = self.outcomes_as_of(metric=ident, infos=[info]).get(ident, [])
        return self._line(info, mine, period, self.periods() if periods is None else periods)

    def judgements_for(self, period_id: str) -> Mapping[str, list[str]]:
        """For each goal number and initiative id, its metrics' judgements for the period
        (`vpl_tui.rules.targets.Judgement` codes, in plan order): for the suggestion."""
        period = self._period_by_id(period_id)
        found: dict[str, list[str]] = defaultdict(list)
        for line in self.metric_lines(period):
            found[line.metric.owner].append(line.judged.judgement)
        return dict(found)

    def judgements_of(self, target: str, period_id: str) -> list[str]:
        """One goal's or initiative's metric judgements for the period, read by key (the
        app's follow-up view opens on the UI thread: not the whole plan's metrics)."""
        if not self._has_outcomes():
            return []
        period = self._period_by_id(period_id)
        rows = self.db.execute(
            "SELECT goal_number, initiative_id, position FROM metric "
            "WHERE (initiative_id = ?) OR (goal_number = ? AND initiative_id IS NULL) "
            "ORDER BY position",
            (target, target),
        ).fetchall()
        lines = (
            self.metric_line_at(goal, initiative, position, period)
            for goal, initiative, position in rows
        )
        return [line.judged.judgement for line in lines if line is not None]

    def _period_by_id(self, period_id: str) -> Period:
        for period in self.periods():
            if period.id == period_id:
                return period
        raise VplError(
            "error.unknown_period",
            period=clean(period_id),
            choices=", ".join(p.id for p in self.periods()),
        )
