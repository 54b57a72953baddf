"""`vpl load` over a database that already holds a plan: no recorded change is lost.

The rule is the core's (`vpl_tui.rules.merge.merge_histories`); this module feeds it the
database's histories and the file's, inside the load's own write transaction, and turns
its answer into the rows that go in:

- an activity (a budget figure) whose history in the file is the database's, or an
  earlier part of it, keeps the database's history, and its status (value) follows it;
- one whose history in the file goes on after the database's takes the file's;
- one whose histories have diverged, or that the file leaves out while the database holds
  its history, refuses the whole load (`LoadRefused`) before a single row is written.

Speed at a region's scale (100 000 activities, 130 000 history rows): the database's
history is read in one scan of its table, in id order, which is time order (but for
clocks that disagree); the file's rows are in time order too. A file exported from this database, or the one it was loaded
from, holds the same rows in the same order up to where one side has rows the other
lacks, so the two lists are compared whole (at C speed, halving where they differ), and
only the activities named after that point, usually a handful, are read again and given
to the rule entry by entry. That is about a fifth of what inserting the plan costs, and
exact: no history is judged by a summary (its count and last row) alone.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from operator import itemgetter
from typing import TYPE_CHECKING, Any, TypeVar

from vpl_tui.db.changes import format_time
from vpl_tui.db.followup_merge import merge_followup
from vpl_tui.db.rows import HISTORY_ORDER
from vpl_tui.errors import VplError
from vpl_tui.rules.merge import Conflict, Merge, merge_histories

if TYPE_CHECKING:
    from vpl_tui.db.rows import PlanRows, Row
    from vpl_tui.model import Budget, FigureChange

Entry = tuple[Any, ...]
"""One history entry as both sides are compared: (at, from, to, note, user, undoes)."""
Figure = tuple[str, str, int]
"""A budget figure's address: (table, line, year)."""
Key = TypeVar("Key", str, Figure)


@dataclass(frozen=True)
class LoadConflict:
    """One history that cannot be merged: an activity's ref or a figure's address."""

    what: str
    """`activity`, `figure`, or a follow-up history: `assessment`, `note`, `ready`."""
    name: str
    """The ref, or the figure as `table/line/year`."""
    conflict: Conflict


class LoadRefused(VplError):
    """The file would lose recorded changes: nothing was written."""

    def __init__(self, conflicts: Sequence[LoadConflict], source: str = "") -> None:
        first = conflicts[0]  # what `render` says; `vpl load` names every one
        super().__init__(
            f"load.{first.what}_{first.conflict}", name=first.name, file=source or "FILE"
        )
        self.conflicts = list(conflicts)


@dataclass
class BudgetMerge:
    """The figures whose value and edits the database keeps, for `_insert_budget`."""

    values: dict[Figure, Decimal] = field(default_factory=dict)
    changes: list[FigureChange] | None = None
    """Every edit to insert, in time order; None: the file's as they are."""


@dataclass
class LoadMerge:
    """What loading the file keeps of the database."""

    activities: list[str] = field(default_factory=list)
    """Refs whose newer history (and status) the database kept."""
    figures: list[str] = field(default_factory=list)
    """Figures (`table/line/year`) whose newer edits (and value) the database kept."""
    assessments: list[str] = field(default_factory=list)
    """Assessments (`1 (t1)`: target and period) whose newer history the database kept."""
    notes: list[str] = field(default_factory=list)
    """Activities' notes (`smart-2 (t1)`) whose newer history the database kept."""
    ready: list[str] = field(default_factory=list)
    """Ready marks (`1 (t1)`) whose newer history the database kept."""
    budget: BudgetMerge = field(default_factory=BudgetMerge)


def merge_into_rows(
    conn: sqlite3.Connection, rows: PlanRows, *, source: str = ""
) -> tuple[PlanRows, LoadMerge]:
    """`rows` fitted around the database's histories, read in the caller's transaction.

    Gives the rows to insert (new ones where the database's history is kept; `rows`
    itself is left as it is) and what was kept; the budget's part is for `_insert_budget`.

    Raises:
        LoadRefused: some history diverged or was dropped; nothing was changed.
    """
    # In time order, as the database's ids are (several processes' rows come in runs).
    goals = rows.goals
    rows = replace(rows, goals=replace(goals, histories=sorted(goals.histories, key=HISTORY_ORDER)))
    activity_merge, database_history = _merge_activities(conn, rows)
    figure_merge, database_changes = _merge_figures(conn, rows.budget)
    conflicts = [LoadConflict("activity", ref, kind) for ref, kind in activity_merge.conflicts]
    conflicts += [
        LoadConflict("figure", _address(key), kind) for key, kind in figure_merge.conflicts
    ]
    followup = merge_followup(conn, rows)  # assessments, notes, ready marks
    conflicts += [LoadConflict(*conflict) for conflict in followup.conflicts]
    if conflicts:
        raise LoadRefused(conflicts, source)
    kept_followup = followup.kept
    outcome = LoadMerge(
        assessments=kept_followup.get("assessment", []),
        notes=kept_followup.get("note", []),
        ready=kept_followup.get("ready", []),
    )
    rows = replace(rows, followup=followup.followup)
    kept = activity_merge.database_kept
    if kept:
        rows = _keep_database_history(rows, {ref: database_history[ref] for ref in kept})
        outcome.activities = sorted(kept)
    kept_figures = figure_merge.database_kept
    if kept_figures and rows.budget is not None:
        outcome.budget = _keep_database_edits(
            rows.budget, {key: database_changes[key] for key in kept_figures}
        )
        outcome.figures = sorted(_address(key) for key in kept_figures)
    return rows, outcome


def _differing(
    database: Mapping[Key, list[Entry]], file: Mapping[Key, list[Entry]], present: set[Key]
) -> Merge[Key]:
    """`merge_histories` on the keys whose two histories are not the same.

    A key the same on both sides is one the rule leaves alone (neither kept nor a
    conflict): what is left are the keys that need its decision.
    """
    ours: dict[Key, list[Entry]] = {}
    theirs: dict[Key, list[Entry]] = {}
    for key, history in database.items():
        if key in present:
            other = file.get(key, [])
            if other == history:
                continue
            theirs[key] = other
        ours[key] = history
    return merge_histories(ours, theirs)


def _merge_activities(
    conn: sqlite3.Connection, rows: PlanRows
) -> tuple[Merge[str], dict[str, list[Entry]]]:
    """The rule's answer for every activity with history, and the histories it compared.

    `rows`' history is in time order (`HISTORY_ORDER`), as the database's ids are, so a
    file exported from this database, or one it was loaded from, holds the database's
    rows in the same order, up to where one of the two has rows the other has not. Up to
    there every activity's history is the same on both sides; the activities named in
    the rows after it, on either side, are compared entry by entry.
    """
    database_rows = conn.execute(
        "SELECT h.ref, h.at, h.from_status, h.to_status, h.note, h.user, undone.at "
        "FROM status_history h LEFT JOIN status_history undone ON undone.id = h.undo_of "
        "ORDER BY h.id"
    ).fetchall()
    if not database_rows:
        return Merge(), {}
    histories = rows.goals.histories
    file_rows, shared = _as_the_database_has_them(histories)
    same = _common_start(database_rows, file_rows)
    involved = {row[0] for row in database_rows[same:]}
    involved.update(row[0] for row in file_rows[same:])
    # An undo names the change it reverts by that change's time (ids are the database's
    # own, indexes the file's); where another change of the activity has the same time,
    # that is not enough, and the activity is compared entry by entry.
    involved |= _undos_of_shared_moments(conn) | shared
    if not involved:
        return Merge(), {}
    database = _database_histories(conn, involved)
    file: dict[str, list[Entry]] = {}
    # In time order across activities, so each activity's in its own order.
    for at, _, _, _, ref, before, after, note, user, undoes in [
        row for row in histories if row[4] in database
    ]:
        file.setdefault(ref, []).append((at, before, after, note, user, undoes))
    present = {activity[0] for activity in rows.goals.activities}
    return _differing(database, file, present), database


_AS_THE_DATABASE_HAS_THEM = itemgetter(4, 0, 5, 6, 7, 8, 9)
"""A file's history row (`GoalRows.histories`) as (ref, at, from, to, note, user, undoes)."""


def _as_the_database_has_them(histories: list[Row]) -> tuple[list[Row], set[str]]:
    """The file's history rows in the shape of the database's, where an undo names a time.

    Also gives the activities where that time does not name one change: an undo of a
    change that another change of the activity shares its time with.
    """
    seen = list(map(_AS_THE_DATABASE_HAS_THEM, histories))
    undos = [position for position, row in enumerate(seen) if row[6] is not None]
    if not undos:
        return seen, set()
    refs = {seen[position][0] for position in undos}
    theirs = [row for row in histories if row[4] in refs]
    at_of = {(row[4], row[3]): row[0] for row in theirs}
    moments = Counter((row[4], row[0]) for row in theirs)
    shared: set[str] = set()
    for position in undos:
        ref, *rest = seen[position]
        at = at_of[(ref, rest[5])]
        seen[position] = (ref, *rest[:5], at)
        if moments[(ref, at)] > 1:
            shared.add(ref)
    return seen, shared


def _common_start(ours: list[Row], theirs: list[Row]) -> int:
    """How many rows the two lists start with in common (compared in halves, at C speed)."""
    low, high = 0, min(len(ours), len(theirs))
    if ours[:high] == theirs[:high]:
        return high
    while low < high:  # the first `low` rows are the same; the first `high + 1` are not
        middle = (low + high + 1) // 2
        if ours[low:middle] == theirs[low:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _undos_of_shared_moments(conn: sqlite3.Connection) -> set[str]:
    """Activities with an undo of a change that another change of theirs shares a time with."""
    return {
        ref
        for (ref,) in conn.execute(
            # CROSS JOIN: from the few undos (their index) to what they undo, not the
            # other way round through every row of the table (15 times as long).
            "SELECT DISTINCT undone.ref FROM status_history h "
            "CROSS JOIN status_history undone ON undone.id = h.undo_of "
            "CROSS JOIN status_history other ON other.ref = undone.ref "
            "AND other.at = undone.at AND other.id != undone.id WHERE h.undo_of IS NOT NULL"
        )
    }


MANY_REFS = 2_000
"""Past this many activities, their histories are read in one scan, not by their refs."""


def _database_histories(conn: sqlite3.Connection, refs: set[str]) -> dict[str, list[Entry]]:
    """The database's history of each of `refs` that has one, entry by entry, in order."""
    select = "SELECT id, ref, at, from_status, to_status, note, user, undo_of FROM status_history"
    if len(refs) > MANY_REFS:
        found = [row for row in conn.execute(select) if row[1] in refs]
    else:
        wanted = sorted(refs)
        found = []
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            found += conn.execute(
                f"{select} WHERE ref IN ({', '.join('?' * len(chunk))})", chunk
            ).fetchall()
        found.sort()
    database: dict[str, list[Entry]] = {}
    index_of: dict[int, int] = {}
    for row_id, ref, at, before, after, note, user, undo_of in found:  # in id order
        entries = database.setdefault(ref, [])
        index_of[row_id] = len(entries)
        undoes = None if undo_of is None else index_of[undo_of]
        entries.append((at, before, after, note, user, undoes))
    return database


def _keep_database_history(rows: PlanRows, kept: dict[str, list[Entry]]) -> PlanRows:
    """New rows with the database's history, and the status it ends in, for `kept`."""
    goals = rows.goals
    place: dict[str, tuple[int, int]] = {}
    histories: list[Row] = []
    for row in goals.histories:
        ref = row[4]
        if ref in kept:
            # Where the file's rows of this activity sort among the others' at equal times.
            place.setdefault(ref, (row[1], row[2]))
        else:
            histories.append(row)
    for ref, entries in kept.items():
        part, order = place.get(ref, (0, 0))
        histories.extend(
            (at, part, order, index, ref, before, after, note, user, undoes)
            for index, (at, before, after, note, user, undoes) in enumerate(entries)
        )
    activities = list(goals.activities)
    for position, activity in enumerate(activities):
        entries = kept.get(activity[0])
        if entries is not None:
            # status and version: where the kept history ends, and how long it is
            activities[position] = (*activity[:8], entries[-1][2], len(entries), *activity[10:])
    return replace(rows, goals=replace(goals, activities=activities, histories=histories))


def _merge_figures(
    conn: sqlite3.Connection, budget: Budget | None
) -> tuple[Merge[Figure], dict[Figure, list[Entry]]]:
    """The rule's answer for every budget figure with edits, and the database's edits."""
    database: dict[Figure, list[Entry]] = {}
    for table, line, year, at, before, after, note, user in conn.execute(
        "SELECT table_name, line, year, at, from_value, to_value, note, user "
        "FROM budget_history ORDER BY id"
    ):
        database.setdefault((table, line, year), []).append(
            # NULL `before`: the edit filled a cell the published plan left empty.
            (at, None if before is None else Decimal(str(before)), Decimal(str(after)), note, user)
        )
    if not database:
        return Merge(), database
    file: dict[Figure, list[Entry]] = {}
    present: set[Figure] = set()
    if budget is not None:
        from vpl_tui.model import figure_values

        present = set(figure_values(budget))
        for change in budget.changes:
            file.setdefault((change.table, change.line, change.year), []).append(
                (format_time(change.at), change.from_value, change.to, change.note, change.user)
            )
        # A cell the database filled, empty in a file of the plan as published (its line
        # still there): the file's history of it is empty, a beginning of the database's.
        lines = {(table, line) for table, line, _ in present}
        for key, entries in database.items():
            if key not in present and entries[0][1] is None and key[:2] in lines:
                present.add(key)
    return _differing(database, file, present), database


def _keep_database_edits(budget: Budget, kept: dict[Figure, list[Entry]]) -> BudgetMerge:
    """The database's edits (and the value they end in) in place of the file's."""
    from vpl_tui.db.changes import parse_time
    from vpl_tui.model import FigureChange

    changes = [c for c in budget.changes if (c.table, c.line, c.year) not in kept]
    for (table, line, year), entries in kept.items():
        changes.extend(
            FigureChange.model_construct(
                table=table,
                line=line,
                year=year,
                at=parse_time(at),
                from_value=before,
                to=after,
                note=note,
                user=user,
            )
            for at, before, after, note, user in entries
        )
    changes.sort(key=lambda change: change.at)  # stable: a figure's own order stays
    return BudgetMerge(
        values={key: entries[-1][2] for key, entries in kept.items()}, changes=changes
    )


def _address(key: Figure) -> str:
    table, line, year = key
    return f"{table}/{line}/{year}"
