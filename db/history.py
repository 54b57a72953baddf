"""Status changes, their history and undo: the writes of `vpl set`, `vpl undo` and Space.

Each change updates the activity and appends its history row in one transaction
(`Connected._write`); a change checks the version the caller last saw, and if someone
else changed the activity in between, `StaleChange` says so and nothing is written.
History is append-only: an undo is a new row naming the one it reverts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from vpl_tui.db.activity_reads import ActivityReads
from vpl_tui.db.changes import check_note_and_user, current_user, not_before, parse_time
from vpl_tui.errors import VplError
from vpl_tui.records import ActivityRecord, HistoryRecord
from vpl_tui.rules.statuses import DONE, toggle_target
from vpl_tui.safetext import clean

if TYPE_CHECKING:
    from vpl_tui.records import PlanChangeRecord


class StaleChange(VplError):
    """The activity changed since the caller saw it; `current` is what it is now."""

    def __init__(self, ref: str, current: ActivityRecord) -> None:
        super().__init__("error.stale", ref=clean(ref), status=current.status)
        self.current = current


class PlanChangeIsLatest(Exception):
    """The user's latest change is a plan change, which the status part cannot undo.

    Raised inside `undo`'s transaction, so nothing is written: the caller opens the store
    with the plan's own history (`PlanEdit`), whose `undo` looks again and undoes it.
    """


class StatusHistory(ActivityReads):
    """Changing an activity's status, undoing a change, and reading the history."""

    def set_status(
        self,
        ref: str,
        status: str,
        *,
        note: str = "",
        user: str | None = None,
        expected_version: int | None = None,
    ) -> HistoryRecord | None:
        """Change an activity's status and append its history row, in one transaction.

        Args:
            ref: The activity.
            status: The new status code.
            note: Why, in the controller's words.
            user: Who; defaults to `current_user()`.
            expected_version: The version the caller last saw; if the activity has changed
                since, nothing is written and `StaleChange` is raised.

        Returns:
            The history row written, or None when the status was already `status`.
        """
        with self._write():
            current = self.activity(ref)
            if expected_version is not None and current.version != expected_version:
                raise StaleChange(ref, current)
            if current.status == status:
                return None
            return self._append_change(current, status, note, user or current_user(), None)

    def add_note(
        self,
        ref: str,
        note: str,
        *,
        user: str | None = None,
        expected_version: int | None = None,
    ) -> HistoryRecord:
        """A note on its own ("läget just nu"): a history row from and to the current status.

        Like any change it is appended (never edited), and the activity's version goes up
        by one, so that a screen that saw the activity before sees that it has moved on.
        An undo of it marks it undone with a row of its own; the status stays the same.

        Raises:
            StaleChange: the activity changed since `expected_version`.
            VplError: the note is empty, too long, or not printable.
        """
        if not note.strip():
            raise VplError("error.note_empty")
        with self._write():
            current = self.activity(ref)
            if expected_version is not None and current.version != expected_version:
                raise StaleChange(ref, current)
            return self._append_change(current, current.status, note, user or current_user(), None)

    def toggle_done(
        self, ref: str, *, user: str | None = None, expected_version: int | None = None
    ) -> HistoryRecord | None:
        """Mark done; on a done activity, go back to the status it had before it was done."""
        with self._write():
            current = self.activity(ref)
            if expected_version is not None and current.version != expected_version:
                raise StaleChange(ref, current)
            before_done = None
            if current.status == DONE:
                row = self.db.execute(
                    "SELECT from_status FROM status_history WHERE ref = ? AND to_status = ? "
                    "ORDER BY id DESC LIMIT 1",
                    (current.ref, DONE),
                ).fetchone()
                before_done = row[0] if row else None
            target = toggle_target(current.status, before_done)
            return self._append_change(current, target, "", user or current_user(), None)

    def undo(self, *, user: str | None = None) -> HistoryRecord | PlanChangeRecord:
        """Revert `user`'s latest change not yet undone, with a new row: a status change
        here, a plan change (`vpl edit`, `vpl move`, ...) by `_undo_plan_change`.

        Raises:
            VplError: nothing to undo, or the thing has been changed since (by anyone),
                in which case undoing would overwrite a change the user did not see.
            PlanChangeIsLatest: the latest is a plan change and this store has no
                plan-change part (`vpl undo` then opens one).
        """
        who = user or current_user()
        with self._write():
            plan_change = self._latest_plan_change(who)
            if plan_change is not None:
                return self._undo_plan_change(plan_change, who)
            row = self.db.execute(
                "SELECT id FROM status_history h WHERE user = ? AND undo_of IS NULL "
                "AND NOT EXISTS (SELECT 1 FROM status_history u WHERE u.undo_of = h.id) "
                "ORDER BY id DESC LIMIT 1",
                (who,),
            ).fetchone()
            if row is None:
                raise VplError("error.nothing_to_undo")
            target = self._history_row(row[0])
            current = self.activity(target.ref)
            if current.status != target.to_status:
                raise VplError("error.undo_conflict", ref=clean(target.ref), status=current.status)
            return self._append_change(current, target.from_status, "", who, target.id)

    def _latest_plan_change(self, who: str) -> int | None:
        """The id of `who`'s latest plan change not yet undone, if it is newer than their
        latest such status change (a tie goes to the plan change, the later kind to be
        added); None if their latest is a status change, or they made no plan change."""
        conn = self.db.conn
        has_table = conn.execute(  # a read-only database from before migration 7 has none
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'plan_change'"
        ).fetchone()
        if has_table is None:
            return None
        plan = conn.execute(
            "SELECT id, at FROM plan_change p WHERE user = ? AND undo_of IS NULL "
            "AND NOT EXISTS (SELECT 1 FROM plan_change u WHERE u.undo_of = p.id) "
            "ORDER BY at DESC, id DESC LIMIT 1",
            (who,),
        ).fetchone()
        if plan is None:
            return None
        status = conn.execute(
            "SELECT MAX(at) FROM status_history h WHERE user = ? AND undo_of IS NULL "
            "AND NOT EXISTS (SELECT 1 FROM status_history u WHERE u.undo_of = h.id)",
            (who,),
        ).fetchone()[0]
        return plan[0] if status is None or plan[1] >= status else None

    def _undo_plan_change(self, row_id: int, who: str) -> PlanChangeRecord:
        """Undo plan change `row_id`: the plan-change part's (`PlanHistory`); not here."""
        raise PlanChangeIsLatest(row_id)

    def _append_change(
        self, current: ActivityRecord, status: str, note: str, user: str, undo_of: int | None
    ) -> HistoryRecord:
        check_note_and_user(note, user)
        execute = self.db.conn.execute  # inside `_write`'s transaction
        at = not_before(
            self.db.conn, "SELECT MAX(at) FROM status_history WHERE ref = ?", (current.ref,)
        )
        execute(
            "UPDATE activity SET status = ?, version = version + 1 WHERE ref = ?",
            (status, current.ref),
        )
        cursor = execute(
            "INSERT INTO status_history (ref, at, from_status, to_status, note, user, undo_of) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (current.ref, at, current.status, status, note, user, undo_of),
        )
        return self._history_row(cursor.lastrowid)

    def _history_row(self, row_id: int | None) -> HistoryRecord:
        rows = list(self.db.query("SELECT * FROM status_history WHERE id = ?", (row_id,)))
        return history_record(rows[0])

    def history(self, ref: str | None = None, limit: int | None = None) -> list[HistoryRecord]:
        """Status history, oldest first: of one activity, or the whole plan's latest `limit`."""
        if ref is not None:
            # An unknown ref is an error, not an empty history; `klimat-5` as the plan spells it.
            ref = self.activity(ref).ref
            rows = self.db.query("SELECT * FROM status_history WHERE ref = ? ORDER BY id", (ref,))
            return [history_record(row) for row in rows]
        if limit is None:
            rows = self.db.query("SELECT * FROM status_history ORDER BY id")
            return [history_record(row) for row in rows]
        rows = self.db.query(
            "SELECT * FROM (SELECT * FROM status_history ORDER BY id DESC LIMIT ?) ORDER BY id",
            (limit,),
        )
        return [history_record(row) for row in rows]


def history_record(row: dict[str, Any]) -> HistoryRecord:
    return HistoryRecord(
        id=row["id"],
        ref=row["ref"],
        at=parse_time(row["at"]),
        from_status=row["from_status"],
        to_status=row["to_status"],
        note=row["note"],
        user=row["user"],
        undo_of=row["undo_of"],
    )
