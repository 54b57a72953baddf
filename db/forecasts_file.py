"""The forecasts in the plan file (`[[budget.forecasts]]`), as `vpl load` and `vpl export` see them.

An export lists each forecast's history in the order the database holds it, its entries
in id order, so export → load → export gives the same bytes. A load over a database that
already holds forecasts merges each history with the database's by the core's rule
(`vpl_tui.rules.merge.merge_histories`): the database's newer rows are kept, the file's
newer rows taken; a diverged history, or one the file leaves out, refuses the whole load
before a row is written (`LoadRefused`, raised inside the load's transaction).
"""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from vpl_tui.db.changes import format_time, number_text, parse_time
from vpl_tui.db.load_merge import LoadConflict, LoadRefused
from vpl_tui.rules.merge import merge_histories

if TYPE_CHECKING:
    from vpl_tui.model.budget import ForecastChange, ForecastEntry

Key = tuple[str, str, str]
"""A forecast's history: (table, line, period)."""
Entry = tuple[Any, ...]
"""One entry as both sides are compared: (at, outcome, forecast, comment, user, undoes)."""

_SELECT = (
    "SELECT id, table_name, line, period, at, outcome, forecast, comment, user, undo_of "
    "FROM forecast_history ORDER BY id"
)


def _number(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _database_histories(conn: sqlite3.Connection) -> dict[Key, list[Entry]]:
    """Every forecast's history in the database, entry by entry, in id order."""
    histories: dict[Key, list[Entry]] = {}
    index_of: dict[int, int] = {}
    for row_id, table, line, period, at, outcome, forecast, comment, user, undo_of in conn.execute(
        _SELECT
    ):
        entries = histories.setdefault((table, line, period), [])
        index_of[row_id] = len(entries)
        undoes = None if undo_of is None else index_of[undo_of]
        entries.append((at, _number(outcome), _number(forecast), comment, user, undoes))
    return histories


def _file_entry(change: ForecastChange) -> Entry:
    return (
        format_time(change.at),
        change.outcome,
        change.forecast,
        change.comment,
        change.user,
        change.undoes,
    )


def merged_forecasts(
    conn: sqlite3.Connection, entries: list[ForecastEntry], source: str = ""
) -> list[ForecastEntry]:
    """The file's forecasts, with the database's history where it goes on after the file's.

    Raises:
        LoadRefused: a history diverged, or the file leaves out one the database holds.
    """
    from vpl_tui.model.budget import ForecastChange, ForecastEntry

    database = _database_histories(conn)
    if not database:
        return entries
    file = {
        (e.table, e.line, e.period): [_file_entry(change) for change in e.history] for e in entries
    }
    merge = merge_histories(database, file)
    if merge.conflicts:
        raise LoadRefused(
            [
                LoadConflict("forecast", f"{period}/{line}", kind)
                for (_, line, period), kind in merge.conflicts
            ],
            source,
        )
    kept = set(merge.database_kept)
    result = []
    for entry in entries:
        key = (entry.table, entry.line, entry.period)
        if key in kept:
            history = [
                ForecastChange.model_construct(
                    at=parse_time(at),
                    outcome=outcome,
                    forecast=forecast,
                    comment=comment,
                    user=user,
                    undoes=undoes,
                )
                for at, outcome, forecast, comment, user, undoes in database[key]
            ]
            entry = ForecastEntry.model_construct(
                table=entry.table, line=entry.line, period=entry.period, history=history
            )
        result.append(entry)
    return result


def write_forecasts(
    conn: sqlite3.Connection, percent: Decimal | None, entries: list[ForecastEntry]
) -> None:
    """Replace the forecast tables' rows, inside the caller's (the load's) transaction."""
    conn.execute("INSERT OR IGNORE INTO plan_replacement (id) VALUES (1)")
    conn.execute("DELETE FROM forecast_history")
    conn.execute("DELETE FROM forecast_setting")
    conn.execute("DELETE FROM plan_replacement")
    if percent is not None:
        conn.execute(
            "INSERT INTO forecast_setting (id, material_percent) VALUES (1, ?)",
            (number_text(percent),),
        )
    next_id = 1
    rows = []
    for entry in entries:
        ids: list[int] = []
        for change in entry.history:
            undo_of = None if change.undoes is None else ids[change.undoes]
            rows.append(
                (
                    next_id,
                    entry.table,
                    entry.line,
                    entry.period,
                    format_time(change.at),
                    number_text(change.outcome),
                    number_text(change.forecast),
                    change.comment,
                    change.user,
                    undo_of,
                )
            )
            ids.append(next_id)
            next_id += 1
    conn.executemany("INSERT INTO forecast_history VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


def read_forecast_fields(conn: sqlite3.Connection) -> dict[str, Any]:
    """The budget's `material_deviation_percent` and `forecasts`, as `Budget` fields."""
    from vpl_tui.model.budget import ForecastChange, ForecastEntry

    has_tables = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'forecast_history'"
    ).fetchone()
    if has_tables is None:
        return {}
    fields: dict[str, Any] = {}
    setting = conn.execute("SELECT material_percent FROM forecast_setting WHERE id = 1").fetchone()
    if setting is not None and setting[0] is not None:
        fields["material_deviation_percent"] = _number(setting[0])
    grouped: dict[Key, list[ForecastChange]] = {}
    index_of: dict[int, int] = {}
    for row_id, table, line, period, at, outcome, forecast, comment, user, undo_of in conn.execute(
        _SELECT
    ):
        changes = grouped.setdefault((table, line, period), [])
        index_of[row_id] = len(changes)
        changes.append(
            ForecastChange.model_construct(
                at=parse_time(at),
                outcome=_number(outcome),
                forecast=_number(forecast),
                comment=comment,
                user=user,
                undoes=None if undo_of is None else index_of[undo_of],
            )
        )
    if grouped:
        fields["forecasts"] = [
            ForecastEntry.model_construct(table=t, line=line, period=p, history=h)
            for (t, line, p), h in grouped.items()
        ]
    return fields
