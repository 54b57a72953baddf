"""Migration 9.

Metrics are edited where one works as activities are (`db/metric_edit.py`): their changes
are rows of the plan change history too, with `target_kind` `metric` and the metric's id
as `target`. SQLite cannot widen a CHECK in place, so the table is made again with the
wider one and its rows copied as they are (ids kept: `undo_of` names them); the copy
keeps the history append-only, with the same indexes and triggers as migration 7 gave it.
(Dropping a table fires no DELETE trigger.) Goals and initiatives get a responsible
(ansvarig) too, in a table of their own beside `goal` and `initiative`, which stay as
every earlier vpl wrote them.
"""

from __future__ import annotations

SQL = """
    CREATE TABLE plan_change_wide (
        id INTEGER PRIMARY KEY,
        target_kind TEXT NOT NULL
            CHECK (target_kind IN ('activity', 'goal', 'initiative', 'metric')),
        target TEXT NOT NULL,
        at TEXT NOT NULL,
        field TEXT NOT NULL,
        from_value TEXT NOT NULL DEFAULT '',
        to_value TEXT NOT NULL DEFAULT '',
        user TEXT NOT NULL DEFAULT '',
        version INTEGER NOT NULL DEFAULT 0,
        undo_of INTEGER REFERENCES plan_change_wide(id)
    );
    INSERT INTO plan_change_wide SELECT id, target_kind, target, at, field, from_value,
        to_value, user, version, undo_of FROM plan_change ORDER BY id;
    DROP TABLE plan_change;
    ALTER TABLE plan_change_wide RENAME TO plan_change;
    CREATE INDEX plan_change_by_target ON plan_change(target_kind, target, id);
    CREATE INDEX plan_change_by_user ON plan_change(user, id);
    CREATE INDEX plan_change_by_undo ON plan_change(undo_of) WHERE undo_of IS NOT NULL;
    CREATE TRIGGER plan_change_no_update BEFORE UPDATE ON plan_change
    BEGIN SELECT RAISE(ABORT, 'plan_change is append-only'); END;
    CREATE TRIGGER plan_change_no_delete BEFORE DELETE ON plan_change
    WHEN NOT EXISTS (SELECT 1 FROM plan_replacement)
    BEGIN SELECT RAISE(ABORT, 'plan_change is append-only'); END;
    CREATE TABLE IF NOT EXISTS owner_responsible (
        kind TEXT NOT NULL CHECK (kind IN ('goal', 'initiative')),
        target TEXT NOT NULL,
        responsible TEXT NOT NULL,
        PRIMARY KEY (kind, target)
    );
    """
