"""The completeness view's metrics: which of a period's metrics have no outcome for it.

The rule is the core's (`vpl_tui.rules.outcomes.outcome_points`, `has_outcome_for`): a
metric lacks an outcome for a period when neither the period's own nor its year's total
outcome is recorded (its latest row not an undo to nothing) or published. The SQL below
is built from those points, so that it cannot drift from the rule.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from vpl_tui.rules.outcomes import TOTAL, outcome_points
from vpl_tui.rules.periods import Period

if TYPE_CHECKING:  # the app's start imports this: sqlite-utils is not needed for it
    from sqlite_utils import Database


@dataclass(frozen=True, slots=True)
class MissingMetric:
    """A metric with no outcome for the period, and where it is in the tree."""

    ident: str
    name: str
    goal_number: str
    initiative_id: str | None
    position: int


class FollowupMetrics:
    """The metrics part of a follow-up round (mixed into `FollowupStore`)."""

    db: Database

    def metric_count(self) -> int:
        """How many metrics the plan has."""
        return int(self.db.execute("SELECT COUNT(*) FROM metric").fetchone()[0])

    def metrics_without_outcome(self, period: Period) -> dict[str, list[MissingMetric]]:
        """By goal number or initiative id, its metrics without an outcome for `period`,
        in plan order (none for an older database without outcomes)."""
        known = self.db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'outcome_history'"
        ).fetchone()
        if known is None:
            return {}
        points = outcome_points(period)
        recorded = " OR ".join("(period IS ? AND year IS ?)" for _ in points)
        published = [year for period_id, year in points if period_id is None]
        years = ",".join("?" * len(published)) or "NULL"
        sql = (
            "SELECT d.ident, m.name, m.goal_number, m.initiative_id, m.position "
            "FROM metric m JOIN metric_detail d ON d.metric_id = m.id "
            f"WHERE NOT (COALESCE(m.latest_year IN ({years}), 0) AND trim(m.latest) != '') "
            "AND d.ident NOT IN (SELECT metric FROM outcome_history WHERE value != '' AND id IN "
            "(SELECT MAX(id) FROM outcome_history "
            f"WHERE gender = ? AND ({recorded}) GROUP BY metric, period, year)) "
            "ORDER BY m.goal_number, m.initiative_id, m.position"
        )
        params = [*published, TOTAL, *(value for point in points for value in point)]
        found: dict[str, list[MissingMetric]] = defaultdict(list)
        for ident, name, goal, initiative, position in self.db.execute(sql, params):
            found[initiative or goal].append(MissingMetric(ident, name, goal, initiative, position))
        return dict(found)
