"""The plan's change history in and out of the plan file, and how `vpl load` keeps it.

The history goes into `plan_change` entry by entry, in file order (one `[[changes]]`
table per changed thing), so that an export lists it in the order it read it and
export, load, export gives the same bytes. An undo's `undoes` (an index in its thing's
history) becomes the row id it names.

`vpl load` over a database with plan changes compares each thing's history with the
file's by the core's rule (`vpl_tui.rules.merge.merge_histories`): where the database's
goes on after the file's, the database's rows stay and so does what they changed (the
activity's title, dates, responsible and place; the goal's or initiative's texts), in
place of the file's; where they have diverged, or the file lacks a history the database
holds, the load is refused before a row is written.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from vpl_tui.db.changes import format_time, parse_time
from vpl_tui.db.tree_reads import TreeReads
from vpl_tui.rules.merge import merge_histories

if TYPE_CHECKING:
    from vpl_tui.db.rows import GoalRows, PlanRows, Row
    from vpl_tui.model.plan_changes import PlanChanges

Key = tuple[str, str]
"""A changed thing: (kind, target)."""
Entry = tuple[Any, ...]
"""(at, field, from, to, user, version, undoes) as both sides are compared."""

_ACTIVITY_COLUMNS = (
    'ref, goal_number, initiative_id, position, title, kind, start, "end", status, version, '
    "title_folded, responsible, carried_from"
)
"""An activity's row in `GoalRows.activities`' order."""
_TEXT_COLUMNS = {"goal": {"title": 3, "description": 4}, "initiative": {"title": 3, "purpose": 4}}
"""Where a goal's and an initiative's texts are in their `GoalRows` rows."""


def plan_columns(conn: sqlite3.Connection) -> str:
    """`responsible, carried_from` of activity `a`, or two empty texts in a database without
    them: one made before migration 7 and opened read-only, as it is (`READS_AS_IT_IS`)."""
    names = {row[1] for row in conn.execute("PRAGMA table_info(activity)")}
    return "a.responsible, a.carried_from" if "responsible" in names else "'', ''"


class PlanChangeFile(TreeReads):
    """The `[[changes]]` of the plan file: written by `vpl load`, read by `vpl export`."""

    def _has_plan_changes(self) -> bool:
        """Whether this database has the plan change table (a read-only older one may not)."""
        return (
            self.db.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'plan_change'"
            ).fetchone()
            is not None
        )

    def owner_responsible(self, kind: str, ident: str) -> str:
        """Who is responsible for a goal or an initiative ("" for nobody named)."""
        try:
            row = self.db.execute(
                "SELECT responsible FROM owner_responsible WHERE kind = ? AND target = ?",
                (kind, ident),
            ).fetchone()
        except sqlite3.OperationalError:  # a read-only database from before migration 9
            return ""
        return row[0] if row else ""

    def owner_responsibles(self) -> dict[tuple[str, str], str]:
        """Who is responsible for each goal and initiative that names one: (kind, id) → name."""
        exists = self.db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'owner_responsible'"
        ).fetchone()
        if exists is None:  # a read-only database from before migration 9
            return {}
        rows = self.db.execute("SELECT kind, target, responsible FROM owner_responsible")
        return {(kind, target): name for kind, target, name in rows}

    def _database_plan_changes(self) -> dict[Key, list[Entry]]:
        """Every thing's history in the database, in the order of its first row."""
        histories: dict[Key, list[Entry]] = {}
        index_of: dict[int, int] = {}
        for (
            row_id,
            kind,
            target,
            at,
            field,
            before,
            after,
            user,
            version,
            undo_of,
        ) in self.db.conn.execute(
            "SELECT id, target_kind, target, at, field, from_value, to_value, user, "
            "version, undo_of FROM plan_change ORDER BY id"
        ):
            entries = histories.setdefault((kind, target), [])
            index_of[row_id] = len(entries)
            undoes = None if undo_of is None else index_of[undo_of]
            entries.append((at, field, before, after, user, version, undoes))
        return histories

    def _replace_plan_changes(self, changes: list[PlanChanges]) -> None:
        """Replace the plan change table with a loaded plan's, inside `vpl load`'s transaction."""
        execute = self.db.conn.execute
        execute("DELETE FROM plan_change")
        next_id = 1
        counts: list[tuple[int, str]] = []
        for entry in changes:
            ids: list[int] = []
            for change in entry.history:
                undo_of = None if change.undoes is None else ids[change.undoes]
                execute(
                    "INSERT INTO plan_change (id, target_kind, target, at, field, from_value, "
                    "to_value, user, version, undo_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        next_id,
                        entry.kind,
                        entry.target,
                        format_time(change.at),
                        change.field,
                        change.from_value,
                        change.to,
                        change.user,
                        change.version,
                        undo_of,
                    ),
                )
                ids.append(next_id)
                next_id += 1
            if entry.kind == "activity":
                counts.append((len(ids), entry.target))
        # An activity's version counts its plan changes as well as its status changes, as
        # the edits that made them raised it: a screen that saw it before sees it moved on.
        self.db.conn.executemany("UPDATE activity SET version = version + ? WHERE ref = ?", counts)

    def _plan_change_fields(self) -> dict[str, Any]:
        """The plan file's `changes`, as a `Plan` field (left out when there are none)."""
        if not self._has_plan_changes():
            return {}
        histories = self._database_plan_changes()
        if not histories:
            return {}
        return {"changes": [_as_model(key, entries) for key, entries in histories.items()]}

    def _merge_plan_changes(self, rows: PlanRows, *, source: str = "") -> PlanRows:
        """`rows` with the database's newer plan changes and what they changed kept.

        Raises:
            LoadRefused: a history diverged, or the file lacks one; nothing was written.
        """
        if not self._has_plan_changes():
            return rows
        database = self._database_plan_changes()
        if not database:
            return rows
        from vpl_tui.db.load_merge import LoadConflict, LoadRefused

        file = {
            (entry.kind, entry.target): [
                (
                    format_time(c.at),
                    c.field,
                    c.from_value,
                    c.to,
                    c.user,
                    c.version,
                    c.undoes,
                )
                for c in entry.history
            ]
            for entry in rows.changes
        }
        # A thing the file has no changes of was changed after the file was exported: its
        # history in the file is the empty beginning of the database's, which is kept.
        for key in database:
            file.setdefault(key, [])
        merge = merge_histories(database, file)
        if merge.conflicts:
            raise LoadRefused(
                [
                    LoadConflict("plan_change", target, kind)
                    for (_, target), kind in merge.conflicts
                ],
                source,
            )
        kept = merge.database_kept
        if not kept:
            return rows
        changes = [entry for entry in rows.changes if (entry.kind, entry.target) not in kept]
        changes += [_as_model(key, database[key]) for key in kept]
        return self._keep_database_plan(replace(rows, changes=changes), kept)

    def _keep_database_plan(self, rows: PlanRows, kept: list[Key]) -> PlanRows:
        """The database's activities and texts in place of the file's, for `kept`."""
        goals = rows.goals
        refs = {target for kind, target in kept if kind == "activity"}
        activities: list[Row] = [row for row in goals.activities if row[0] not in refs]
        in_file = {row[0]: row for row in goals.activities if row[0] in refs}
        for ref in refs:
            row = self.db.conn.execute(
                f"SELECT {_ACTIVITY_COLUMNS} FROM activity WHERE ref = ?", (ref,)
            ).fetchone()
            if row is None:
                continue  # an added activity whose adding was undone
            theirs = in_file.get(ref)
            if theirs is not None:  # status and version: the status history's merge decides
                row = (*row[:8], theirs[8], theirs[9], *row[10:])
            activities.append(tuple(row))
        texts = {kind: {t for k, t in kept if k == kind} for kind in _TEXT_COLUMNS}
        new_goals = [self._kept_texts("goal", row, texts["goal"]) for row in goals.goals]
        new_initiatives = [
            self._kept_texts("initiative", row, texts["initiative"]) for row in goals.initiatives
        ]
        metrics, targets = self._kept_metrics(goals, {t for k, t in kept if k == "metric"})
        owners = {(kind, target) for kind, target in kept if kind in _TEXT_COLUMNS}
        now = self.owner_responsibles()
        responsibles = [row for row in goals.responsibles if (row[0], row[1]) not in owners]
        responsibles += [(*owner, now[owner]) for owner in sorted(owners) if owner in now]
        return replace(
            rows,
            goals=replace(
                goals,
                activities=activities,
                goals=new_goals,
                initiatives=new_initiatives,
                metrics=metrics,
                targets=targets,
                responsibles=responsibles,
            ),
        )

    def _kept_metrics(self, goals: GoalRows, kept: set[str]) -> tuple[list[Row], list[Row]]:
        """The file's metric rows and targets with the database's in place of them for
        `kept` (a metric added since the file was written goes last under its owner)."""
        if not kept:
            return goals.metrics, goals.targets
        metrics = list(goals.metrics)
        at = {row[7]: index for index, row in enumerate(metrics)}
        dropped: set[int] = set()
        targets: list[Row] = []
        next_id = max((row[0] for row in metrics), default=0) + 1
        for ident in sorted(kept):
            row = self.db.conn.execute(
                "SELECT m.id, m.goal_number, m.initiative_id, m.name, m.latest, m.latest_year, "
                "d.unit, d.kolada_kpi, d.higher_is_better FROM metric m "
                "JOIN metric_detail d ON d.metric_id = m.id WHERE d.ident = ?",
                (ident,),
            ).fetchone()
            if row is None:
                continue  # an added metric whose adding was undone
            here, goal, initiative, name, latest, year, unit, kpi, higher = row
            if ident in at:
                old = metrics[at[ident]]
                metric_id, position = old[0], old[3]
            else:
                metric_id, next_id = next_id, next_id + 1
                position = 1 + max(
                    (m[3] for m in metrics if (m[1], m[2]) == (goal, initiative)), default=-1
                )
            new = (metric_id, goal, initiative, position, name, latest, year, ident, unit, kpi)
            new += (higher,)
            if ident in at:
                metrics[at[ident]] = new
            else:
                metrics.append(new)
            dropped.add(metric_id)
            targets += [
                (metric_id, year, text)
                for year, text in self.db.conn.execute(
                    "SELECT year, target FROM metric_target WHERE metric_id = ? ORDER BY year",
                    (here,),
                )
            ]
        targets = [row for row in goals.targets if row[0] not in dropped] + targets
        return metrics, sorted(targets, key=lambda row: (row[0], row[1]))

    def _kept_texts(self, kind: str, row: Row, kept: set[str]) -> Row:
        if row[0] not in kept:
            return row
        table, key = ("goal", "number") if kind == "goal" else ("initiative", "id")
        columns = _TEXT_COLUMNS[kind]
        # The column names are this module's own (`_TEXT_COLUMNS`), never a file's.
        now = self.db.conn.execute(
            f"SELECT {', '.join(columns)} FROM {table} WHERE {key} = ?", (row[0],)
        ).fetchone()
        if now is None:
            return row
        new = list(row)
        for (_, place), value in zip(columns.items(), now, strict=True):
            new[place] = value
        return tuple(new)


def _as_model(key: Key, entries: list[Entry]) -> PlanChanges:
    from vpl_tui.model.plan_changes import PlanChangeEntry, PlanChanges

    kind, target = key
    return PlanChanges.model_construct(
        target=target,
        kind=kind,
        history=[
            PlanChangeEntry.model_construct(
                at=parse_time(at),
                field=field,
                from_value=before,
                to=after,
                user=user,
                version=version,
                undoes=undoes,
            )
            for at, field, before, after, user, version, undoes in entries
        ],
    )
