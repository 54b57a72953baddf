"""A follow-up round as `vpl followup` prints it: the columns its text shows, as plain rows.

`FollowupStore.followup` builds the whole round (titles, records per target and metric)
for the app's completeness view and the JSON. The text shows less: each target's id and
kind, its latest assessment and ready mark for the period, its metrics without an outcome
(id and name) and the notes. These are read here as tuples, in one transaction, on the
connection alone: at 100 000 activities the round is thousands of rows, and the command
starts on this module, the periods' and the connection's (no plan-tree records). The
metrics' query is `without_outcome_sql`, built from the
core's rule for where a period's outcome stands.
"""

from __future__ import annotations

from typing import NamedTuple

from vpl_tui.db.followup_periods import FollowupPeriods
from vpl_tui.rules.periods import TOTAL, Period, outcome_points


class RoundRows(NamedTuple):
    """A period's round as plain rows, in plan order (each goal before its initiatives)."""

    targets: list[tuple[str, bool]]
    """Each goal's number or initiative's id, and whether it is a goal."""
    assessments: dict[str, tuple[str, str, str]]
    """Each assessed target's latest level code, analysis and actions."""
    ready: frozenset[str]
    """The targets whose follow-up is marked ready."""
    missing: dict[str, list[tuple[str, str]]]
    """By target, its metrics (id, name) without an outcome for the period."""
    metrics: int
    """How many metrics the plan has."""
    notes: list[tuple[str, str]]
    """Each activity's note for the period (ref, text), by ref."""


class FollowupRows(FollowupPeriods):
    """The round's rows (mixed into `FollowupStore`; on its own in `FollowupRowReads`)."""

    def round_rows(self, period: Period) -> RoundRows:
        """`period`'s round: what `vpl followup` prints (see the module)."""
        db, key = self.db, (period.id,)
        has_followup = self._has_followup()
        with db.atomic():  # one consistent moment
            initiatives: dict[str, list[tuple[str, bool]]] = {}
            for ident, goal in db.execute(
                "SELECT id, goal_number FROM initiative ORDER BY goal_number, position"
            ):
                initiatives.setdefault(goal, []).append((ident, False))
            targets: list[tuple[str, bool]] = []
            for (number,) in db.execute("SELECT number FROM goal ORDER BY position"):
                targets.append((number, True))
                targets += initiatives.get(number, ())
            assessments, ready, notes = {}, frozenset[str](), []
            if has_followup:
                assessments = {
                    target: (level, analysis, actions)
                    for target, level, analysis, actions in db.execute(
                        "SELECT target, level, analysis, actions FROM assessment_history "
                        "WHERE id IN (SELECT MAX(id) FROM assessment_history WHERE period = ? "
                        "GROUP BY target)",
                        key,
                    )
                }
                ready = frozenset(
                    target
                    for target, flag in db.execute(
                        "SELECT target, ready FROM ready_history WHERE id IN "
                        "(SELECT MAX(id) FROM ready_history WHERE period = ? GROUP BY target)",
                        key,
                    )
                    if flag
                )
                notes = db.execute(
                    "SELECT ref, text FROM note_history WHERE id IN "
                    "(SELECT MAX(id) FROM note_history WHERE period = ? GROUP BY ref) ORDER BY ref",
                    key,
                ).fetchall()
            missing: dict[str, list[tuple[str, str]]] = {}
            if self._has_outcomes():
                sql, params = without_outcome_sql(
                    period, "d.ident, m.name, COALESCE(m.initiative_id, m.goal_number)"
                )
                for ident, name, owner in db.execute(sql, params):
                    missing.setdefault(owner, []).append((ident, name))
            (metrics,) = db.execute("SELECT COUNT(*) FROM metric").fetchone()
        return RoundRows(targets, assessments, ready, missing, metrics, notes)

    def _has_outcomes(self) -> bool:
        """Whether this database has the outcomes (an older read-only one may not)."""
        known = self.db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'outcome_history'"
        ).fetchone()
        return known is not None


def without_outcome_sql(period: Period, columns: str) -> tuple[str, list[object]]:
    """The query of `period`'s metrics without an outcome (`m` the metric, `d` its
    detail), selecting `columns`, in plan order within each goal and initiative.

    The rule is the core's (`outcome_points`): a metric lacks an outcome for a period
    when neither the period's own nor its year's total outcome is recorded (its latest
    row not an undo to nothing) or published.
    """
    points = outcome_points(period)
    recorded = " OR ".join("(period IS ? AND year IS ?)" for _ in points)
    published = [year for period_id, year in points if period_id is None]
    years = ",".join("?" * len(published)) or "NULL"
    sql = (
        f"SELECT {columns} FROM metric m JOIN metric_detail d ON d.metric_id = m.id "
        f"WHERE NOT (COALESCE(m.latest_year IN ({years}), 0) AND trim(m.latest) != '') "
        "AND d.ident NOT IN (SELECT metric FROM outcome_history WHERE value != '' AND id IN "
        "(SELECT MAX(id) FROM outcome_history "
        f"WHERE gender = ? AND ({recorded}) GROUP BY metric, period, year)) "
        "ORDER BY m.goal_number, m.initiative_id, m.position"
    )
    return sql, [*published, TOTAL, *(value for point in points for value in point)]


class FollowupRowReads(FollowupRows):
    """The periods, the scale and the round's rows alone: `vpl followup` and `vpl periods`."""

    def __enter__(self) -> FollowupRowReads:
        return self
