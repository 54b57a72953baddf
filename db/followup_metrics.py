"""The completeness view's metrics: which of a period's metrics have no outcome for it.

The rule is the core's (`vpl_tui.rules.periods.outcome_points`, `has_outcome_for`): a
metric lacks an outcome for a period when neither the period's own nor its year's total
outcome is recorded (its latest row not an undo to nothing) or published. The SQL
(`db/followup_rows.py`, `without_outcome_sql`) is built from those points, so that it
cannot drift from the rule.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from vpl_tui.db.followup_rows import FollowupRows, without_outcome_sql
from vpl_tui.rules.periods import Period


@dataclass(frozen=True, slots=True)
class MissingMetric:
    """A metric with no outcome for the period, and where it is in the tree."""

    ident: str
    name: str
    goal_number: str
    initiative_id: str | None
    position: int


class FollowupMetrics(FollowupRows):
    """The metrics part of a follow-up round (mixed into `FollowupStore`)."""

    def metric_count(self) -> int:
        """How many metrics the plan has."""
        return int(self.db.execute("SELECT COUNT(*) FROM metric").fetchone()[0])

    def metrics_without_outcome(self, period: Period) -> dict[str, list[MissingMetric]]:
        """By goal number or initiative id, its metrics without an outcome for `period`,
        in plan order (none for an older database without outcomes)."""
        if not self._has_outcomes():
            return {}
        sql, params = without_outcome_sql(
            period, "d.ident, m.name, m.goal_number, m.initiative_id, m.position"
        )
        found: dict[str, list[MissingMetric]] = defaultdict(list)
        for ident, name, goal, initiative, position in self.db.execute(sql, params):
            found[initiative or goal].append(MissingMetric(ident, name, goal, initiative, position))
        return dict(found)
