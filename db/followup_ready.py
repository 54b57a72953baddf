"""Ready marks: a follow-up marked ready is read-only until it is reopened.

Both are rows of `ready_history` (who, when); the follow-up's state is its latest row.
A write to a follow-up marked ready (an assessment, a note on one of its activities, an
outcome of one of its metrics) is refused with `FollowupReadOnly`, which says who marked
it ready and on which day, so that the controller knows whom to ask before reopening it.
The rule that a follow-up marked ready is read-only is the core's (`editable`).
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from vpl_tui.db.followup_periods import FollowupPeriods
from vpl_tui.errors import VplError
from vpl_tui.rules.assessments import editable
from vpl_tui.rules.periods import Period
from vpl_tui.safetext import clean, one_line


class ReadyMark(NamedTuple):
    """A follow-up's latest ready mark: marked ready (or reopened), by whom, when."""

    ready: bool
    user: str
    at: str
    """As stored (UTC, `db.changes.TIME_FORMAT`)."""

    @property
    def day(self) -> str:
        """The day it was made, in local time: `2023-04-28`."""
        from vpl_tui.db.changes import parse_time

        return parse_time(self.at).astimezone().date().isoformat()


class FollowupReadOnly(VplError):
    """A write to a follow-up marked ready: it names who marked it ready and the day."""

    def __init__(self, target: str, period: Period, mark: ReadyMark) -> None:
        super().__init__(
            "error.followup_ready",
            target=clean(target),
            period=one_line(period.name),
            period_id=clean(period.id),
            user=clean(mark.user),
            date=mark.day,
        )
        self.mark = mark


class ReadyMarks(FollowupPeriods):
    """The ready marks' reads, and the refusal of a write to a follow-up marked ready."""

    def ready_mark(self, target: str, period: str) -> ReadyMark | None:
        """The latest ready mark of `target` for `period`, or None before the first."""
        if not self._has_followup():
            return None
        row = self.db.execute(
            "SELECT ready, user, at FROM ready_history WHERE target = ? AND period = ? "
            "ORDER BY id DESC LIMIT 1",
            (target, period),
        ).fetchone()
        return None if row is None else ReadyMark(bool(row[0]), row[1], row[2])

    def is_ready(self, target: str, period: str) -> bool:
        mark = self.ready_mark(target, period)
        return mark is not None and mark.ready

    def last_ready_mark(self, period: str) -> datetime | None:
        """When a follow-up of `period` was last marked ready (the report freezes there)."""
        from vpl_tui.db.changes import parse_time

        if not self._has_followup():
            return None
        row = self.db.execute(
            "SELECT MAX(at) FROM ready_history WHERE period = ? AND ready", (period,)
        ).fetchone()
        return parse_time(row[0]) if row and row[0] else None

    def _ready_now(self, period: str) -> dict[str, bool]:
        if not self._has_followup():
            return {}
        rows = self.db.execute(
            "SELECT target, ready FROM ready_history WHERE id IN "
            "(SELECT MAX(id) FROM ready_history WHERE period = ? GROUP BY target)",
            (period,),
        )
        return {target: bool(flag) for target, flag in rows}

    def _check_open(self, target: str, period: str) -> None:
        """Refuse a write to a follow-up marked ready (read-only until it is reopened)."""
        mark = self.ready_mark(target, period)
        if mark is not None and not editable(mark.ready):
            found = next(p for p in self.periods() if p.id == period)
            raise FollowupReadOnly(target, found, mark)
