"""Metric outcomes: recorded, undone, imported, replayed as of a moment, and judged.

An outcome of a metric for a period or a year (and a gender) is its latest
`outcome_history` row, its version the number of its rows; an undo is a new row that
restores the one before (a value of "" is no outcome). A metric's published outcome
(`latest` with `latest_year`) is its outcome of that year until one is recorded there.
Which outcome counts for a period, and how it is judged, is the core's rule
(`vpl_tui.rules.outcomes.judge_metric`).

Each write is one transaction (`Connected._write`): an import of 100 000 outcomes lands
whole or not at all. The plan file's part (`[[outcomes]]`, merged on `vpl load` by the
core's rule) is `db/outcomes_file.py`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from vpl_tui.db.changes import (
    check_note_and_user,
    current_user,
    not_before,
)
from vpl_tui.db.outcome_reads import OutcomeReads, Point
from vpl_tui.errors import VplError
from vpl_tui.rules.outcomes import (
    GENDERS,
    TOTAL,
    MetricInfo,
    Outcome,
    value_problem,
)
from vpl_tui.rules.undo import undo_choice
from vpl_tui.safetext import clean


class StaleOutcome(VplError):
    """The outcome changed since the caller saw it; `current` is what it is now."""

    def __init__(self, current: Outcome) -> None:
        super().__init__(
            "error.stale_outcome",
            metric=clean(current.metric),
            value=clean(current.value) or "-",
            version=current.version,
            user=clean(current.user),
        )
        self.current = current


class OutcomeStore(OutcomeReads):
    """The outcomes' writes (the reads are `OutcomeReads`)."""

    # -- writes --------------------------------------------------------------------------

    def record_outcome(
        self,
        metric: str,
        value: str,
        *,
        period: str | None = None,
        year: int | None = None,
        gender: str = TOTAL,
        source: str = "",
        comment: str = "",
        user: str | None = None,
        expected_version: int | None = None,
    ) -> Outcome:
        """Append an outcome of `metric` for a period or a year.

        Raises:
            StaleOutcome: `expected_version` is not the outcome's version now.
            VplError: an unknown metric or period, no value, both or neither of period and
                year, or a follow-up marked ready (read-only until reopened).
        """
        who = user or current_user()
        problem = value_problem(value, source)
        if problem is not None:
            raise VplError(problem)
        check_note_and_user(comment, who)
        with self._write():
            info, point = self._point(metric, period, year, gender)
            current = self.outcome(info.id, point)
            version = 0 if current is None else current.version
            if expected_version is not None and version != expected_version:
                assert current is not None  # version 0 matches any expected 0
                raise StaleOutcome(current)
            self._append(info.id, point, value.strip(), source, comment, who, None)
            result = self.outcome(info.id, point)
        assert result is not None
        return result

    def undo_outcome(
        self,
        metric: str,
        *,
        period: str | None = None,
        year: int | None = None,
        gender: str = TOTAL,
        user: str | None = None,
    ) -> Outcome:
        """Revert the latest outcome at the point not yet undone, with a new row."""
        who = user or current_user()
        check_note_and_user("", who)
        with self._write():
            info, point = self._point(metric, period, year, gender)
            rows = self.outcome_history(info.id, point)
            choice = undo_choice([(row["id"], row["undo_of"]) for row in rows])
            if choice is None:
                raise VplError("error.nothing_to_undo")
            index, back = choice
            before = None if back is None else rows[back]
            value = "" if before is None else str(before["value"])
            source = "" if before is None else str(before["source"])
            self._append(info.id, point, value, source, "", who, int(str(rows[index]["id"])))
            result = self.outcome(info.id, point)
        assert result is not None
        return result

    def import_outcomes(
        self, outcomes: Iterable[tuple[str, int, str, str, str]], *, user: str | None = None
    ) -> int:
        """Record many year outcomes at once, in one transaction: (metric id, year, gender,
        value, source) each, already matched to the plan's metrics. Gives how many."""
        who = user or current_user()
        check_note_and_user("", who)
        with self._write():
            at = not_before(self.db.conn, "SELECT MAX(at) FROM outcome_history", ())
            rows = [
                (metric, year, gender, at, value, source, who)
                for metric, year, gender, value, source in outcomes
            ]
            self.db.conn.executemany(
                "INSERT INTO outcome_history (metric, period, year, gender, at, value, source, "
                "user) VALUES (?, NULL, ?, ?, ?, ?, ?, ?)",
                rows,
            )
        return len(rows)

    def _point(
        self, metric: str, period: str | None, year: int | None, gender: str
    ) -> tuple[MetricInfo, Point]:
        if (period is None) == (year is None):
            raise VplError("error.outcome_point")
        if gender not in GENDERS:
            raise VplError("error.outcome_gender", gender=clean(gender))
        info = self.metric_info(metric)
        if period is not None:
            found = self.period(period, date.today())
            self._check_open(info.owner, found.id)
            return info, (found.id, None, gender)
        return info, (None, year, gender)

    def _append(
        self,
        metric: str,
        point: Point,
        value: str,
        source: str,
        comment: str,
        user: str,
        undo_of: int | None,
    ) -> None:
        period, year, gender = point
        at = not_before(
            self.db.conn,
            "SELECT MAX(at) FROM outcome_history WHERE metric = ? AND period IS ? AND year IS ? "
            "AND gender = ?",
            (metric, period, year, gender),
        )
        self.db.conn.execute(
            "INSERT INTO outcome_history (metric, period, year, gender, at, value, source, "
            "comment, user, undo_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (metric, period, year, gender, at, value, source, comment, user, undo_of),
        )
