"""The history of plan changes: reading it, writing one field with its row, and undo.

`db/plan_edit.py` builds the changes a controller makes from these; `undo` here reverts
the user's latest change of either kind, a status change (`StatusHistory.undo`) or a
plan change, with a new row. The history in and out of the plan file is
`db/plan_change_file.py`'s.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from vpl_tui.db.activity_reads import activity_record
from vpl_tui.db.changes import not_before, parse_time
from vpl_tui.db.history import StaleChange, StatusHistory
from vpl_tui.db.plan_change_file import PlanChangeFile
from vpl_tui.db.tree_reads import PLAN_ORDER
from vpl_tui.errors import VplError
from vpl_tui.records import ActivityRecord, PlanChangeRecord
from vpl_tui.rules.refs import next_activity_ref
from vpl_tui.safetext import clean, normalise

EDITABLE = ("title", "kind", "start", "end", "responsible")
"""The activity's columns `edit_activity` changes (`vpl_tui.rules.activity_fields.ACTIVITY_FIELDS`)."""


RESPONSIBLE_PREFIX = "@"
"""A search for `@NAME` is the responsible filter: the activities NAME is responsible for."""


class StalePlanChange(StaleChange):
    """The thing changed since the caller saw it; `current` is the activity as it is now,
    `texts` a goal's or initiative's texts."""

    def __init__(
        self, target: str, current: ActivityRecord | None, texts: dict[str, str] | None = None
    ) -> None:
        VplError.__init__(
            self,
            "plan_edit.stale",
            target=clean(target),
            now=clean(_shown_now(current, texts or {}))[:200],
        )
        self.current = current  # type: ignore[assignment]
        self.texts = texts or {}


def _shown_now(current: ActivityRecord | None, texts: dict[str, str]) -> str:
    if current is not None:
        who = f", {current.responsible}" if current.responsible else ""
        return f"{current.title} ({current.start}–{current.end}{who}, {current.status})"
    return texts.get("title", "")


def plan_change_record(row: tuple[Any, ...]) -> PlanChangeRecord:
    row_id, kind, target, at, field, before, after, user, version, undo_of = row
    return PlanChangeRecord(
        row_id, kind, target, parse_time(at), field, before, after, user, version, undo_of
    )


_COLUMNS = "id, target_kind, target, at, field, from_value, to_value, user, version, undo_of"


class PlanHistory(PlanChangeFile, StatusHistory):
    """The plan change history, its undo, and the writes of one field each."""

    # -- reading ---------------------------------------------------------------------------

    def plan_changes(
        self, target: str | None = None, kind: str = "activity", limit: int | None = None
    ) -> list[PlanChangeRecord]:
        """Plan changes, oldest first: of one thing, or the whole plan's latest `limit`."""
        if not self._has_plan_changes():
            return []
        if target is not None:
            rows = self.db.execute(
                f"SELECT {_COLUMNS} FROM plan_change WHERE target_kind = ? AND target = ? "
                "ORDER BY id",
                (kind, target),
            )
        else:
            rows = self.db.execute(
                f"SELECT * FROM (SELECT {_COLUMNS} FROM plan_change ORDER BY id DESC LIMIT ?) "
                "ORDER BY id",
                (-1 if limit is None else limit,),
            )
        return [plan_change_record(row) for row in rows]

    def search(self, text: str, limit: int = 500) -> list[ActivityRecord]:
        """`TreeReads.search`; `@NAME` finds the activities NAME is responsible for."""
        if not text.startswith(RESPONSIBLE_PREFIX):
            return super().search(text, limit)
        if not self._has_plan_changes():  # a read-only database from before migration 7
            return []
        from vpl_tui.db.sql_rules import RESPONSIBLE_IN, responsible_names

        sql = (
            "SELECT a.* FROM activity a JOIN goal g ON g.number = a.goal_number "
            f"LEFT JOIN initiative i ON i.id = a.initiative_id WHERE 1{RESPONSIBLE_IN} "
            f"ORDER BY {PLAN_ORDER} LIMIT :limit"
        )
        names = responsible_names(self.db.conn, text.removeprefix(RESPONSIBLE_PREFIX))
        rows = self.db.query(sql, {"names": names, "limit": limit})
        return [activity_record(row) for row in rows]

    def search_owners(self, text: str, limit: int = 500) -> list[tuple[str, str, str | None, int]]:
        """`TreeReads.search_owners`; none for `@NAME`, which names who, not what."""
        if text.startswith(RESPONSIBLE_PREFIX):
            return []
        return super().search_owners(text, limit)

    def responsibles(self) -> list[str]:
        """Every name an activity gives as responsible, sorted, for the filter's choice."""
        if not self._has_plan_changes():  # a read-only database from before migration 7
            return []
        rows = self.db.execute(
            "SELECT DISTINCT responsible FROM activity WHERE responsible != '' ORDER BY 1"
        )
        return [row[0] for row in rows]

    def place_of(self, wanted: str) -> tuple[str, str | None]:
        """A goal by number or an initiative by id (any case): (goal number, initiative id)."""
        folded = wanted.strip()
        row = self.db.execute(
            "SELECT number FROM goal WHERE number = ? COLLATE NOCASE", (folded,)
        ).fetchone()
        if row is not None:
            return row[0], None
        row = self.db.execute(
            "SELECT goal_number, id FROM initiative WHERE id = ? COLLATE NOCASE", (folded,)
        ).fetchone()
        if row is None:
            raise VplError("error.unknown_target", target=clean(wanted)[:80])
        return row[0], row[1]

    def next_ref(self, place: str) -> str:
        """The ref a new activity under `place` gets: the next number, never one used before."""
        goal, initiative = self.place_of(place)
        owner = initiative or goal
        taken = [r[0] for r in self.db.execute("SELECT ref FROM activity")]
        taken += [r[0] for r in self.db.execute("SELECT DISTINCT ref FROM status_history")]
        if self._has_plan_changes():
            taken += [
                r[0]
                for r in self.db.execute(
                    "SELECT DISTINCT target FROM plan_change WHERE target_kind = 'activity'"
                )
            ]
        return next_activity_ref(owner, taken)

    def text_version(self, kind: str, target: str) -> int:
        """A goal's or initiative's version: how many changes it has had."""
        if not self._has_plan_changes():
            return 0
        return self.db.execute(
            "SELECT COUNT(*) FROM plan_change WHERE target_kind = ? AND target = ?", (kind, target)
        ).fetchone()[0]

    def _set_activity_field(
        self,
        current: ActivityRecord,
        field: str,
        before: str,
        after: str,
        who: str,
        undo_of: int | None = None,
    ) -> PlanChangeRecord:
        """Write one field of an activity and its change row (inside `_write`)."""
        execute = self.db.conn.execute
        if field == "place":
            goal, initiative = self.place_of(after)
            position = execute(
                "SELECT COALESCE(MAX(position) + 1, 0) FROM activity "
                "WHERE goal_number = ? AND initiative_id IS ?",
                (goal, initiative),
            ).fetchone()[0]
            execute(
                "UPDATE activity SET goal_number = ?, initiative_id = ?, position = ?, "
                "version = version + 1 WHERE ref = ?",
                (goal, initiative, position, current.ref),
            )
        elif field == "title":
            execute(
                "UPDATE activity SET title = ?, title_folded = ?, version = version + 1 "
                "WHERE ref = ?",
                (after, normalise(after), current.ref),
            )
        else:
            column = '"end"' if field == "end" else field  # one of EDITABLE: never the user's
            execute(
                f"UPDATE activity SET {column} = ?, version = version + 1 WHERE ref = ?",
                (after, current.ref),
            )
        version = execute("SELECT version FROM activity WHERE ref = ?", (current.ref,)).fetchone()
        return self._append_plan_change(
            "activity", current.ref, field, before, after, who, version[0] - 1, undo_of
        )

    def texts_of(self, kind: str, target: str) -> dict[str, str]:
        """A goal's title and description, or an initiative's title and purpose."""
        if kind == "goal":
            row = self.db.execute(
                "SELECT number, title, description FROM goal WHERE number = ? COLLATE NOCASE",
                (target,),
            ).fetchone()
            names = ("number", "title", "description")
        else:
            row = self.db.execute(
                "SELECT id, title, purpose FROM initiative WHERE id = ? COLLATE NOCASE", (target,)
            ).fetchone()
            names = ("id", "title", "purpose")
        if row is None:
            raise VplError("error.unknown_target", target=clean(target)[:80])
        return dict(zip(names, row, strict=True))

    def texts_now(self, kind: str, target: str) -> dict[str, str]:
        """`texts_of`, and who is responsible for it: every field `edit_text` changes."""
        texts = self.texts_of(kind, target)
        ident = texts["number" if kind == "goal" else "id"]
        return texts | {"responsible": self.owner_responsible(kind, ident)}

    def _set_text(self, kind: str, ident: str, field: str, value: str) -> None:
        # `field` is one of TEXT_FIELDS or `responsible`: never the user's text.
        execute = self.db.conn.execute
        if field == "responsible":
            execute("DELETE FROM owner_responsible WHERE kind = ? AND target = ?", (kind, ident))
            if value:
                execute("INSERT INTO owner_responsible VALUES (?, ?, ?)", (kind, ident, value))
            return
        table, key = ("goal", "number") if kind == "goal" else ("initiative", "id")
        execute(f"UPDATE {table} SET {field} = ? WHERE {key} = ?", (value, ident))

    # -- the history and undo --------------------------------------------------------------------

    def _append_plan_change(
        self,
        kind: str,
        target: str,
        field: str,
        before: str,
        after: str,
        who: str,
        version: int,
        undo_of: int | None = None,
    ) -> PlanChangeRecord:
        conn = self.db.conn
        at = not_before(
            conn,
            "SELECT MAX(at) FROM plan_change WHERE target_kind = ? AND target = ?",
            (kind, target),
        )
        cursor = conn.execute(
            "INSERT INTO plan_change (target_kind, target, at, field, from_value, to_value, "
            "user, version, undo_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (kind, target, at, field, before, after, who, version, undo_of),
        )
        row = conn.execute(
            f"SELECT {_COLUMNS} FROM plan_change WHERE id = ?", (cursor.lastrowid,)
        ).fetchone()
        return plan_change_record(row)

    def _undo_removal(self, change: PlanChangeRecord, who: str) -> PlanChangeRecord:
        """Put a removed activity back as it was (its fields are the removal's `from`)."""
        import json

        kept = json.loads(change.from_value)
        goal, initiative = self.place_of(kept["place"])
        version = change.version + 1
        self.db.conn.execute(
            "INSERT INTO activity (ref, goal_number, initiative_id, position, title, kind, "
            'start, "end", status, version, title_folded, responsible, carried_from) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'not_started', ?, ?, ?, ?)",
            (
                change.target,
                goal,
                initiative,
                kept["position"],
                kept["title"],
                kept["kind"],
                kept["start"],
                kept["end"],
                version,
                normalise(kept["title"]),
                kept["responsible"],
                kept["carried_from"],
            ),
        )
        return self._append_plan_change(
            "activity", change.target, "removed", "", change.from_value, who, version - 1, change.id
        )

    def _undo_metric_change(self, change: PlanChangeRecord, who: str) -> PlanChangeRecord:
        """A metric's undo: `db/metric_edit.py`'s, which the store has."""
        raise NotImplementedError

    def _undo_plan_change(self, row_id: int, who: str) -> PlanChangeRecord:
        """Revert the plan change `row_id` with a new row (inside `undo`'s `_write`).

        Raises:
            VplError: the thing has changed since, or (an added activity) it has a history
                of its own by now, so that undoing would lose a change the user did not see.
        """
        conn = self.db.conn
        change = plan_change_record(
            conn.execute(f"SELECT {_COLUMNS} FROM plan_change WHERE id = ?", (row_id,)).fetchone()
        )
        if change.target_kind == "metric":
            return self._undo_metric_change(change, who)
        if change.target_kind != "activity":
            texts = self.texts_now(change.target_kind, change.target)
            if texts[change.field] != change.to_value:
                raise VplError("plan_edit.undo_conflict", target=clean(change.target))
            self._set_text(change.target_kind, change.target, change.field, change.from_value)
            version = self.text_version(change.target_kind, change.target)
            return self._append_plan_change(
                change.target_kind,
                change.target,
                change.field,
                change.to_value,
                change.from_value,
                who,
                version,
                change.id,
            )
        if change.field == "removed":
            return self._undo_removal(change, who)
        current = self.activity(change.target)
        if change.field == "added":
            # Removed only when nothing else it went through stands: no status change,
            # and every later plan change of it undone.
            others = conn.execute(
                "SELECT (SELECT COUNT(*) FROM status_history WHERE ref = :ref) + "
                "(SELECT COUNT(*) FROM plan_change p WHERE target_kind = 'activity' "
                "AND target = :ref AND id != :id AND undo_of IS NULL AND NOT EXISTS "
                "(SELECT 1 FROM plan_change u WHERE u.undo_of = p.id))",
                {"ref": current.ref, "id": row_id},
            ).fetchone()[0]
            if others:
                raise VplError("plan_edit.undo_conflict", target=clean(current.ref))
            conn.execute("DELETE FROM activity WHERE ref = ?", (current.ref,))
            return self._append_plan_change(
                "activity", current.ref, "added", change.to_value, "", who, current.version, row_id
            )
        now = fields_of(current) | {"place": current.initiative_id or current.goal_number}
        if now[change.field] != change.to_value:
            raise VplError("plan_edit.undo_conflict", target=clean(current.ref))
        return self._set_activity_field(
            current, change.field, change.to_value, change.from_value, who, row_id
        )


def text_of(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def fields_of(current: ActivityRecord) -> dict[str, Any]:
    return {
        "ref": current.ref,
        "title": current.title,
        "kind": current.kind,
        "start": current.start.isoformat(),
        "end": current.end.isoformat(),
        "responsible": current.responsible,
    }
