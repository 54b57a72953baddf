"""`vpl load` and the follow-up's histories: assessments, notes and ready marks are kept.

Each of the three tables is read whole (they hold one row a change of a goal's, an
initiative's or an activity's follow-up, a few per target and period), keyed by what
its rows belong to (target or activity, and period), and met with the file's by the
generic rule (`db/history_merge.py`). A history belongs to the file when its target
(activity) and its period are still in it; the file's periods are its own, or the
year's three when it lists none, as the core says (`plan_periods`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from vpl_tui.db.changes import format_time, parse_time
from vpl_tui.db.history_merge import KeyedMerge, merge_keyed_histories
from vpl_tui.rules.merge import Conflict

if TYPE_CHECKING:
    from vpl_tui.db.rows import PlanRows
    from vpl_tui.model.followup import FollowUp

Owner = tuple[str, str]
"""What a follow-up history belongs to: (target or activity ref, period id)."""
Entry = tuple[Any, ...]


@dataclass
class FollowupMerge:
    """The follow-up to write, what of it the database kept, and what conflicts."""

    followup: FollowUp | None
    kept: dict[str, list[str]] = field(default_factory=dict)
    """By table (`assessment`, `note`, `ready`): the histories, named `1 (t1)`, whose
    newer rows the database kept."""
    conflicts: list[tuple[str, str, Conflict]] = field(default_factory=list)
    """(what, name, conflict): `assessment`, `note` or `ready`; `1 (t1)`; `diverged`."""


def owner_name(owner: Owner) -> str:
    """A follow-up history as a load's line names it: `1 (t1)`."""
    return f"{owner[0]} ({owner[1]})"


def merge_followup(conn: sqlite3.Connection, rows: PlanRows) -> FollowupMerge:
    """The file's follow-up met with the database's histories, in the caller's transaction."""
    from vpl_tui.model.followup import FollowUp, plan_periods

    followup = rows.followup
    database = _database_histories(conn)
    if not any(database.values()):
        return FollowupMerge(followup)
    periods = {p.id for p in plan_periods(followup.periods if followup else [], rows.info.year)}
    targets = {goal[0] for goal in rows.goals.goals} | {i[0] for i in rows.goals.initiatives}
    refs = {activity[0] for activity in rows.goals.activities}

    def belongs_to(known: set[str]) -> Callable[[Owner], bool]:
        return lambda owner: owner[0] in known and owner[1] in periods

    outcome = FollowupMerge(followup)
    merged: dict[str, KeyedMerge[Owner, Entry]] = {}
    for what, known in (("assessment", targets), ("note", refs), ("ready", targets)):
        file = _file_histories(what, followup)
        merged[what] = table = merge_keyed_histories(database[what], file, belongs_to(known))
        outcome.conflicts += [(what, owner_name(key), kind) for key, kind in table.conflicts]
        outcome.kept[what] = [owner_name(key) for key in table.kept]
    if outcome.conflicts or not any(outcome.kept.values()):
        return outcome
    outcome.followup = FollowUp(
        followup.periods if followup else [],
        followup.scale if followup else None,
        _entries("assessment", merged["assessment"]),
        _entries("note", merged["note"]),
        _entries("ready", merged["ready"]),
    )
    return outcome


def _database_histories(conn: sqlite3.Connection) -> dict[str, dict[Owner, list[Entry]]]:
    """The three tables' histories, an undo naming the entry it reverts by its index."""
    assessments: dict[Owner, list[Entry]] = {}
    index_of: dict[int, int] = {}
    for row_id, target, period, at, level, analysis, actions, user, undo_of in conn.execute(
        "SELECT id, target, period, at, level, analysis, actions, user, undo_of "
        "FROM assessment_history ORDER BY id"
    ):
        entries = assessments.setdefault((target, period), [])
        index_of[row_id] = len(entries)
        undoes = None if undo_of is None else index_of[undo_of]
        entries.append((at, level, analysis, actions, user, undoes))
    notes: dict[Owner, list[Entry]] = {}
    for ref, period, at, text, user in conn.execute(
        "SELECT ref, period, at, text, user FROM note_history ORDER BY id"
    ):
        notes.setdefault((ref, period), []).append((at, text, user))
    ready: dict[Owner, list[Entry]] = {}
    for target, period, at, flag, user in conn.execute(
        "SELECT target, period, at, ready, user FROM ready_history ORDER BY id"
    ):
        ready.setdefault((target, period), []).append((at, bool(flag), user))
    return {"assessment": assessments, "note": notes, "ready": ready}


def _file_histories(what: str, followup: FollowUp | None) -> dict[Owner, list[Entry]]:
    """One table's histories as the file gives them, in the database's entry shape."""
    if followup is None:
        return {}
    if what == "assessment":
        return {
            (e.target, e.period): [
                (format_time(c.at), c.level, c.analysis, c.actions, c.user, c.undoes)
                for c in e.history
            ]
            for e in followup.assessments
        }
    if what == "note":
        return {
            (e.ref, e.period): [(format_time(c.at), c.text, c.user) for c in e.history]
            for e in followup.notes
        }
    return {
        (e.target, e.period): [(format_time(c.at), c.ready, c.user) for c in e.history]
        for e in followup.ready
    }


def _entries(what: str, merged: KeyedMerge[Owner, Entry]) -> list[Any]:
    """The merged histories as the plan file's models, for `_replace_followup`."""
    from vpl_tui.model.followup import (
        AssessmentChange,
        AssessmentEntry,
        NoteChange,
        NoteEntry,
        ReadyChange,
        ReadyEntry,
    )

    made: list[Any] = []
    for (owner, period), history in merged.histories.items():
        if what == "assessment":
            made.append(
                AssessmentEntry.model_construct(
                    target=owner,
                    period=period,
                    history=[
                        AssessmentChange.model_construct(
                            at=parse_time(at),
                            level=level,
                            analysis=analysis,
                            actions=actions,
                            user=user,
                            undoes=undoes,
                        )
                        for at, level, analysis, actions, user, undoes in history
                    ],
                )
            )
        elif what == "note":
            made.append(
                NoteEntry.model_construct(
                    ref=owner,
                    period=period,
                    history=[
                        NoteChange.model_construct(at=parse_time(at), text=text, user=user)
                        for at, text, user in history
                    ],
                )
            )
        else:
            made.append(
                ReadyEntry.model_construct(
                    target=owner,
                    period=period,
                    history=[
                        ReadyChange.model_construct(at=parse_time(at), ready=flag, user=user)
                        for at, flag, user in history
                    ],
                )
            )
    return made
