"""Migration 7.

Changing the plan where one works (`db/plan_edit.py`): who is responsible for an activity,
which activity of last year's plan it was carried from, and the history of changes to the
plan itself (an activity added, edited, moved; a goal's or initiative's texts edited).
That history is append-only, as the status history is: a change is a new row, an undo a
row naming the one it reverts, and `version` is the version of the thing the change was
made on (an activity's `version`, which every status change and plan change raises; for
a goal or initiative, how many changes it had before).
"""

from __future__ import annotations

SQL = """
    ALTER TABLE activity ADD COLUMN responsible TEXT NOT NULL DEFAULT '';
    ALTER TABLE activity ADD COLUMN carried_from TEXT NOT NULL DEFAULT '';
    CREATE INDEX activity_by_responsible ON activity(responsible) WHERE responsible != '';
    CREATE TABLE plan_change (
        id INTEGER PRIMARY KEY,
        target_kind TEXT NOT NULL CHECK (target_kind IN ('activity', 'goal', 'initiative')),
        target TEXT NOT NULL,
        at TEXT NOT NULL,
        field TEXT NOT NULL,
        from_value TEXT NOT NULL DEFAULT '',
        to_value TEXT NOT NULL DEFAULT '',
        user TEXT NOT NULL DEFAULT '',
        version INTEGER NOT NULL DEFAULT 0,
        undo_of INTEGER REFERENCES plan_change(id)
    );
    CREATE INDEX plan_change_by_target ON plan_change(target_kind, target, id);
    CREATE INDEX plan_change_by_user ON plan_change(user, id);
    CREATE INDEX plan_change_by_undo ON plan_change(undo_of) WHERE undo_of IS NOT NULL;
    CREATE TRIGGER plan_change_no_update BEFORE UPDATE ON plan_change
    BEGIN SELECT RAISE(ABORT, 'plan_change is append-only'); END;
    CREATE TRIGGER plan_change_no_delete BEFORE DELETE ON plan_change
    WHEN NOT EXISTS (SELECT 1 FROM plan_replacement)
    BEGIN SELECT RAISE(ABORT, 'plan_change is append-only'); END;
    """
