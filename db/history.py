"""Status changes, their history and undo: the writes of `vpl set`, `vpl undo` and Space.

Each change updates the activity and appends its history row in one transaction
(`Connected._write`); a change checks the version the caller last saw, and if someone
else changed the activity in between, `StaleChange` says so and nothing is written.
History is append-only: an undo is a new row naming the one it reverts.
"""

from __future__ import annotations

from typing import Any

from vpl_tui.db.changes import check_note_and_user, current_user, not_before, parse_time
from vpl_tui.db.tree_reads import TreeReads
from vpl_tui.errors import VplError
from vpl_tui.records import ActivityRecord, HistoryRecord
from vpl_tui.rules.statuses import DONE, toggle_target
from vpl_tui.safetext import clean


class StaleChange(VplError):
    """The activity changed since the caller saw it; `current` is what it is now."""

    def __init__(self, ref: str, current: ActivityRecord) -> None:
        super().__init__("error.stale", ref=clean(ref), status=current.status)
        self.current = current


class StatusHistory(TreeReads):
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

    def undo(self, *, user: str | None = None) -> HistoryRecord:
        """Revert `user`'s last status change that is not yet undone, with a new history row.

        Raises:
            VplError: nothing to undo, or the activity has been changed since (by anyone),
                in which case undoing would overwrite a change the user did not see.
        """
        who = user or current_user()
        with self._write():
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
