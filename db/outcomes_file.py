"""The metrics' outcomes as `vpl load` and `vpl export` see them (`[[outcomes]]`).

The histories go in entry by entry, in file order, so that an export lists them in the
order it read them and export, load, export gives the same bytes; an undo's `undoes` (an
index in its entry's history) becomes the row id it names. `vpl load` over a database
with outcomes merges each history by the core's rule (`vpl_tui.rules.merge`): the
database's newer rows are kept, the file's newer rows taken, a history that diverged, or
whose metric the file drops, refuses the whole load.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from vpl_tui.db.followup import FollowupStore

if TYPE_CHECKING:
    from collections.abc import Sequence

    from vpl_tui.db.rows import PlanRows
    from vpl_tui.model.metrics import OutcomeEntry

OUTCOME_TABLES = ("outcome_history", "metric_detail", "plan_code")
"""Migration 5's tables: `vpl load` empties them before it writes."""
Key = tuple[str, str | None, int | None, str]
"""An outcome's place: (metric id, period id or None, year or None, gender)."""


class OutcomesFile(FollowupStore):
    """The outcomes in and out of the plan file."""

    def _outcome_entries(self) -> list[OutcomeEntry]:
        """Every outcome with its history, as the plan file lists them (first row's order)."""
        from vpl_tui.db.changes import parse_time
        from vpl_tui.model.metrics import OutcomeChange, OutcomeEntry

        if not self._has_outcomes():
            return []
        grouped: dict[Key, list[OutcomeChange]] = {}
        index_of: dict[int, int] = {}
        for row in self.db.query("SELECT * FROM outcome_history ORDER BY id"):
            key = (row["metric"], row["period"], row["year"], row["gender"])
            changes = grouped.setdefault(key, [])
            index_of[row["id"]] = len(changes)
            changes.append(
                OutcomeChange.model_construct(
                    at=parse_time(row["at"]),
                    value=row["value"],
                    source=row["source"],
                    comment=row["comment"],
                    user=row["user"],
                    undoes=None if row["undo_of"] is None else index_of[row["undo_of"]],
                )
            )
        return [
            OutcomeEntry.model_construct(
                metric=metric, period=period, year=year, gender=gender, history=history
            )
            for (metric, period, year, gender), history in grouped.items()
        ]

    def year_outcomes_now(self) -> dict[tuple[str, int, str], tuple[str, str]]:
        """Each recorded outcome of a year as it stands: (metric, year, gender) → (value,
        source). `vpl outcome import` skips a figure that is there already, unchanged."""
        if not self._has_outcomes():
            return {}
        rows = self.db.execute(
            "SELECT metric, year, gender, value, source FROM outcome_history WHERE id IN "
            "(SELECT MAX(id) FROM outcome_history WHERE year IS NOT NULL "
            "GROUP BY metric, year, gender)"
        )
        return {(m, y, g): (value, source) for m, y, g, value, source in rows}

    def _outcome_fields(self) -> dict[str, Any]:
        """The plan file's outcomes, as a `Plan` field (none: left out)."""
        entries = self._outcome_entries()
        return {"outcomes": entries} if entries else {}

    def _metric_details(self) -> dict[int, dict[str, Any]]:
        """Each metric's id, unit, KPI id and direction as `Metric` fields, by row id; the
        defaults left out. The id is left out when it is the one a file without ids gives
        it, unless outcomes name it: it is kept then, should the metrics be reordered."""
        from vpl_tui.rules.outcomes import generated_metric_id

        if not self._has_outcomes():
            return {}
        named = {row[0] for row in self.db.execute("SELECT DISTINCT metric FROM outcome_history")}
        details: dict[int, dict[str, Any]] = {}
        for metric_id, owner, position, ident, unit, kpi, higher in self.db.execute(
            "SELECT m.id, COALESCE(m.initiative_id, m.goal_number), m.position, d.ident, "
            "d.unit, d.kolada_kpi, d.higher_is_better FROM metric m "
            "JOIN metric_detail d ON d.metric_id = m.id"
        ):
            fields: dict[str, Any] = {}
            if ident != generated_metric_id(owner, position) or ident in named:
                fields["id"] = ident
            if unit:
                fields["unit"] = unit
            if kpi is not None:
                fields["kolada_kpi"] = kpi
            if not higher:
                fields["higher_is_better"] = False
            details[metric_id] = fields
        return details

    def _merge_outcomes(self, rows: PlanRows, *, source: str = "") -> PlanRows:
        """`rows` with each outcome history merged with the database's (see the module).

        Raises:
            LoadRefused: a history diverged, or its metric is not in the file.
        """
        from vpl_tui.db.load_merge import LoadConflict, LoadRefused
        from vpl_tui.rules.merge import merge_histories

        database = {_key(entry): entry for entry in self._outcome_entries()}
        if not database:
            return rows
        metrics = {row[7] for row in rows.goals.metrics}
        file = {_key(entry): entry for entry in rows.outcomes}
        ours = {key: _entries(entry.history) for key, entry in database.items()}
        theirs = {key: _entries(entry.history) for key, entry in file.items()}
        for key in ours:  # a metric the file keeps, without this outcome: an earlier file
            if key not in theirs and key[0] in metrics:
                theirs[key] = []
        merge = merge_histories(ours, theirs)
        if merge.conflicts:
            raise LoadRefused(
                [LoadConflict("outcome", _name(key), kind) for key, kind in merge.conflicts],
                source,
            )
        merged = [
            database[_key(entry)] if merge.keep.get(_key(entry)) == "database" else entry
            for entry in rows.outcomes
        ]
        merged += [database[key] for key in merge.database_kept if key not in file]
        return dataclasses.replace(rows, outcomes=merged)

    def _replace_outcomes(self, rows: PlanRows) -> None:
        """Replace the outcomes with a loaded plan's, inside `vpl load`'s transaction."""
        from vpl_tui.db.changes import format_time

        execute, many = self.db.conn.execute, self.db.conn.executemany
        for table in OUTCOME_TABLES:
            execute(f"DELETE FROM {table}")
        execute("INSERT INTO plan_code VALUES (1, ?)", (rows.info.municipality_code,))
        # (ident, metric_id, unit, kolada_kpi, higher_is_better) from `db/rows.py`'s rows
        many(
            "INSERT INTO metric_detail VALUES (?, ?, ?, ?, ?)",
            [(m[7], m[0], m[8], m[9], m[10]) for m in rows.goals.metrics],
        )
        next_id = 1
        batch = []
        for entry in rows.outcomes:
            ids: list[int] = []
            for change in entry.history:
                undo_of = None if change.undoes is None else ids[change.undoes]
                batch.append(
                    (
                        next_id,
                        entry.metric,
                        entry.period,
                        entry.year,
                        entry.gender,
                        format_time(change.at),
                        change.value,
                        change.source,
                        change.comment,
                        change.user,
                        undo_of,
                    )
                )
                ids.append(next_id)
                next_id += 1
        many("INSERT INTO outcome_history VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch)


def _key(entry: OutcomeEntry) -> Key:
    return (entry.metric, entry.period, entry.year, entry.gender)


def _name(key: Key) -> str:
    metric, period, year, gender = key
    point = period if period is not None else str(year)
    return f"{metric} {point}" + ("" if gender == "T" else f" {gender}")


def _entries(history: Sequence[Any]) -> list[tuple[Any, ...]]:
    """A history as the merge rule compares it, entry by entry."""
    from vpl_tui.db.changes import format_time

    return [(format_time(c.at), c.value, c.source, c.comment, c.user, c.undoes) for c in history]
