"""One activity by its ref, and activities from rows: what a status change reads.

`vpl set`, `vpl history` and `vpl undo` read one activity and nothing else of the plan;
the plan's levels (`tree_reads`), with their records and the progress SQL, are not
imported for them.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from vpl_tui.db.connection import Connected
from vpl_tui.errors import VplError
from vpl_tui.records import ActivityRecord
from vpl_tui.safetext import clean


class ActivityReads(Connected):
    """An activity by its ref, in any case."""

    def activity(self, ref: str) -> ActivityRecord:
        """The activity `ref` names, without regard to case: `KLIMAT-5` finds `klimat-5`.

        The exact ref is looked up first, through the primary key's index; only a ref
        written in another case than the plan's is looked for again, ignoring case (refs
        are ASCII, for which NOCASE is `same_ref`'s casefold), by scanning the table: the
        index compares bytes. A plan never holds two refs that differ only in case.
        """
        rows = list(self.db.query("SELECT * FROM activity WHERE ref = ?", (ref,)))
        if not rows and ref.isascii():
            rows = list(
                self.db.query("SELECT * FROM activity WHERE ref = ? COLLATE NOCASE LIMIT 1", (ref,))
            )
        if not rows:
            raise VplError("error.unknown_ref", db=self.display_name, ref=clean(ref))
        return activity_record(rows[0])


def activity_record(row: dict[str, Any]) -> ActivityRecord:
    return ActivityRecord(
        ref=row["ref"],
        title=row["title"],
        kind=row["kind"],
        start=date.fromisoformat(row["start"]),
        end=date.fromisoformat(row["end"]),
        status=row["status"],
        version=row["version"],
        goal_number=row["goal_number"],
        initiative_id=row["initiative_id"],
        responsible=row.get("responsible", ""),  # a read-only database before migration 7
        carried_from=row.get("carried_from", ""),
    )


def activity_records(rows: Iterable[tuple[Any, ...]]) -> list[ActivityRecord]:
    """Records from rows (ref, goal_number, initiative_id, title, kind, start, end, version,
    status, responsible): tuples, which come faster than dicts for the summary's thousands."""
    day = date.fromisoformat
    return [
        ActivityRecord(
            ref, title, kind, day(start), day(end), status, version, goal, initiative, who
        )
        for ref, goal, initiative, title, kind, start, end, version, status, who in rows
    ]
