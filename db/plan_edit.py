"""Changing the plan where one works: `vpl add`, `vpl edit`, `vpl move`, `vpl cancel`, the forms.

Every change writes the plan's row and appends a `plan_change` row per field in one
transaction (`Connected._write`), carrying the version of the thing it was made on: an
activity's `version` (which status changes raise too), or for a goal or an initiative
how many changes it has had. A change made on a version someone else has changed since is
refused with `StalePlanChange`, which holds what the thing is now. The history, its
undo and the writes of single fields are in `db/plan_history.py`.

An activity's values are checked by the plan file's own rules, without pydantic
(`vpl_tui.rules.activity_fields`, which the models use too), so what a form or `vpl edit`
accepts is what a plan file accepts, in the same words. Refs of new
activities come from `vpl_tui.rules.refs`: the next number under the goal or initiative,
never one used before.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from vpl_tui.db.changes import check_note_and_user, current_user
from vpl_tui.db.history import StaleChange
from vpl_tui.db.metric_edit import MetricEdit
from vpl_tui.db.plan_history import (
    EDITABLE,
    StalePlanChange,
    fields_of,
    text_of,
)
from vpl_tui.errors import VplError
from vpl_tui.records import ActivityRecord, HistoryRecord, PlanChangeRecord
from vpl_tui.rules.statuses import CANCELLED
from vpl_tui.safetext import clean, normalise

__all__ = ["EDITABLE", "PlanEdit", "StalePlanChange"]


class PlanEdit(MetricEdit):
    """Adding, editing, moving and cancelling activities; editing goals' and initiatives' texts."""

    # -- activities --------------------------------------------------------------------------

    def add_activity(
        self,
        place: str,
        *,
        title: str,
        start: str | date,
        end: str | date,
        kind: str = "activity",
        responsible: str = "",
        user: str | None = None,
    ) -> ActivityRecord:
        """Add an activity under a goal or initiative, with the next ref of its pattern.

        Raises:
            VplError: an unknown goal or initiative, or a value the plan file refuses.
        """
        who = user or current_user()
        check_note_and_user("", who)
        with self._write():
            goal, initiative = self.place_of(place)
            ref = self.next_ref(initiative or goal)
            values = _checked(
                {
                    "ref": ref,
                    "title": title,
                    "kind": kind,
                    "start": text_of(start),
                    "end": text_of(end),
                    "responsible": responsible,
                }
            )
            execute = self.db.conn.execute
            position = execute(
                "SELECT COALESCE(MAX(position) + 1, 0) FROM activity "
                "WHERE goal_number = ? AND initiative_id IS ?",
                (goal, initiative),
            ).fetchone()[0]
            execute(
                "INSERT INTO activity (ref, goal_number, initiative_id, position, title, kind, "
                'start, "end", status, version, title_folded, responsible) '
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'not_started', 1, ?, ?)",
                (
                    ref,
                    goal,
                    initiative,
                    position,
                    values["title"],
                    values["kind"],
                    values["start"],
                    values["end"],
                    normalise(values["title"]),
                    values["responsible"],
                ),
            )
            self._append_plan_change("activity", ref, "added", "", initiative or goal, who, 0)
            return self.activity(ref)

    def edit_activity(
        self,
        ref: str,
        values: dict[str, Any],
        *,
        user: str | None = None,
        expected_version: int | None = None,
    ) -> list[PlanChangeRecord]:
        """Change some of an activity's title, kind, start, end and responsible.

        Returns the change rows written, one per field that changed (none: nothing did).

        Raises:
            StalePlanChange: the activity changed since `expected_version`.
            VplError: a value the plan file refuses (nothing is written).
        """
        unknown = set(values) - set(EDITABLE)
        if unknown:
            raise VplError("plan_edit.unknown_field", field=clean(sorted(unknown)[0]))
        who = user or current_user()
        check_note_and_user("", who)
        with self._write():
            current = self.activity(ref)
            if expected_version is not None and current.version != expected_version:
                raise StalePlanChange(current.ref, current)
            before = fields_of(current)
            after = _checked({**before, **{k: text_of(v) for k, v in values.items()}})
            written = []
            for field in EDITABLE:
                if after[field] != before[field]:
                    written.append(
                        self._set_activity_field(current, field, before[field], after[field], who)
                    )
            return written

    def move_activity(
        self,
        ref: str,
        place: str,
        *,
        user: str | None = None,
        expected_version: int | None = None,
    ) -> PlanChangeRecord | None:
        """Move an activity to another goal or initiative (it keeps its ref: refs are stable).

        Returns the change row, or None when it is already there.
        """
        who = user or current_user()
        with self._write():
            current = self.activity(ref)
            if expected_version is not None and current.version != expected_version:
                raise StalePlanChange(current.ref, current)
            goal, initiative = self.place_of(place)
            old = current.initiative_id or current.goal_number
            new = initiative or goal
            if new == old:
                return None
            return self._set_activity_field(current, "place", old, new, who)

    def cancel_activity(
        self, ref: str, *, user: str | None = None, expected_version: int | None = None
    ) -> HistoryRecord | None:
        """Cancel an activity: a status change, so that its record and history are kept.

        None when it was already cancelled.
        """
        try:
            return self.set_status(
                ref, CANCELLED, user=user, expected_version=expected_version, note=""
            )
        except StalePlanChange:
            raise
        except StaleChange as stale:
            raise StalePlanChange(stale.current.ref, stale.current) from None

    def owner_kind(self, wanted: str) -> str | None:
        """`goal` or `initiative` when `wanted` names one (and no activity), else None."""
        folded = wanted.strip()
        if self.db.execute(
            "SELECT 1 FROM activity WHERE ref = ? COLLATE NOCASE", (folded,)
        ).fetchone():
            return None
        if self.db.execute(
            "SELECT 1 FROM goal WHERE number = ? COLLATE NOCASE", (folded,)
        ).fetchone():
            return "goal"
        if self.db.execute(
            "SELECT 1 FROM initiative WHERE id = ? COLLATE NOCASE", (folded,)
        ).fetchone():
            return "initiative"
        return None

    def has_history(self, ref: str) -> bool:
        """Whether an activity has any history: a status change, a note, a plan change but
        its own adding. One without may be removed (`remove_activity`); one with is not."""
        current = self.activity(ref)
        counts = "(SELECT COUNT(*) FROM status_history WHERE ref = :ref)"
        if self._has_table("note_history"):
            counts += " + (SELECT COUNT(*) FROM note_history WHERE ref = :ref)"
        if self._has_plan_changes():
            counts += (
                " + (SELECT COUNT(*) FROM plan_change WHERE target_kind = 'activity' "
                "AND target = :ref AND field != 'added')"
            )
        return bool(self.db.conn.execute(f"SELECT {counts}", {"ref": current.ref}).fetchone()[0])

    def remove_activity(
        self, ref: str, *, user: str | None = None, expected_version: int | None = None
    ) -> PlanChangeRecord:
        """Remove an activity that has no history at all (`has_history`); its fields are kept
        in the change row (`removed`), so that `undo` puts it back as it was.

        Raises:
            StalePlanChange: it changed since `expected_version`.
            VplError: it has a history: cancel it instead.
        """
        import json

        who = user or current_user()
        check_note_and_user("", who)
        with self._write():
            current = self.activity(ref)
            if expected_version is not None and current.version != expected_version:
                raise StalePlanChange(current.ref, current)
            if self.has_history(current.ref):
                raise VplError("plan_edit.has_history", ref=clean(current.ref))
            (position,) = self.db.conn.execute(
                "SELECT position FROM activity WHERE ref = ?", (current.ref,)
            ).fetchone()
            kept = fields_of(current) | {
                "place": current.initiative_id or current.goal_number,
                "position": position,
                "carried_from": current.carried_from,
            }
            self.db.conn.execute("DELETE FROM activity WHERE ref = ?", (current.ref,))
            return self._append_plan_change(
                "activity",
                current.ref,
                "removed",
                json.dumps(kept, ensure_ascii=False, sort_keys=True),
                "",
                who,
                current.version,
            )

    def _has_table(self, name: str) -> bool:
        return (
            self.db.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
            ).fetchone()
            is not None
        )

    # -- goals and initiatives ------------------------------------------------------------------

    def edit_text(
        self,
        kind: str,
        target: str,
        values: dict[str, str],
        *,
        user: str | None = None,
        expected_version: int | None = None,
    ) -> list[PlanChangeRecord]:
        """Change a goal's title or description, or an initiative's title or purpose."""
        from vpl_tui.model.plan_changes import TEXT_FIELDS, text_problem
        from vpl_tui.rules.activity_fields import responsible_problem

        allowed = (*TEXT_FIELDS[kind], "responsible")
        unknown = set(values) - set(allowed)
        if unknown:
            raise VplError("plan_edit.unknown_field", field=clean(sorted(unknown)[0]))
        for field, value in values.items():
            if field == "responsible":
                reason = responsible_problem(value)
            else:
                reason = text_problem(value, required=field == "title")
            if reason is not None:
                raise VplError("plan_edit.invalid", field=field, reason=reason)
        who = user or current_user()
        check_note_and_user("", who)
        with self._write():
            texts = self.texts_now(kind, target)
            ident = texts["number" if kind == "goal" else "id"]
            version = self.text_version(kind, ident)
            if expected_version is not None and version != expected_version:
                raise StalePlanChange(ident, None, texts)
            written = []
            for field in allowed:
                if field in values and values[field] != texts[field]:
                    self._set_text(kind, ident, field, values[field])
                    written.append(
                        self._append_plan_change(
                            kind, ident, field, texts[field], values[field], who, version
                        )
                    )
                    version += 1
            return written


def _checked(values: dict[str, Any]) -> dict[str, Any]:
    """`values` as the plan file's rules accept them (dates as ISO text), or the first reason."""
    from vpl_tui.rules.activity_fields import activity_field_problems, parsed_activity

    problems = activity_field_problems(values)
    if problems:
        field, reason = next(iter(problems.items()))
        raise VplError("plan_edit.invalid", field=field, reason=reason)
    return {key: text_of(value) for key, value in parsed_activity(values).items()}
