"""Migration 6.

The economy's follow-up per period (`db/forecasts.py`): per unit (or operating row) and
period, the outcome to date and the full-year forecast, with a comment. Separate from the
plan's published figures, which a forecast never changes. An append-only history like the
status history: the current forecast is the latest row of its (table, line, period), its
version the number of those rows; an undo is a new row naming the one it reverts.
`forecast_setting` holds the plan file's threshold for a material deviation.
"""

from __future__ import annotations

SQL = """
    CREATE TABLE forecast_history (
        id INTEGER PRIMARY KEY,
        table_name TEXT NOT NULL CHECK (table_name IN ('units', 'operating')),
        line TEXT NOT NULL,
        period TEXT NOT NULL,
        at TEXT NOT NULL,
        outcome NUMERIC,
        forecast NUMERIC,
        comment TEXT NOT NULL DEFAULT '',
        user TEXT NOT NULL DEFAULT '',
        undo_of INTEGER REFERENCES forecast_history(id)
    );
    CREATE INDEX forecast_by_period ON forecast_history(period, table_name, line, id);
    CREATE TABLE forecast_setting (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        material_percent NUMERIC
    );
    CREATE TRIGGER forecast_history_no_update BEFORE UPDATE ON forecast_history
    BEGIN SELECT RAISE(ABORT, 'forecast_history is append-only'); END;
    CREATE TRIGGER forecast_history_no_delete BEFORE DELETE ON forecast_history
    WHEN NOT EXISTS (SELECT 1 FROM plan_replacement)
    BEGIN SELECT RAISE(ABORT, 'forecast_history is append-only'); END;
    """
