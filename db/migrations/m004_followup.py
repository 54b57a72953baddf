"""Migration 4.

Follow-up rounds (`db/followup.py`). The periods and the scale are the plan file's own;
without rows, the core's defaults apply. Assessments, notes and ready marks are append-
only histories: the current one is a target's latest row for the period.
"""

from __future__ import annotations

SQL = """
    CREATE TABLE followup_period (
        id TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        "end" TEXT NOT NULL,
        deadline TEXT,
        verdict INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE scale_level (
        code TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        label_sv TEXT NOT NULL,
        label_en TEXT NOT NULL,
        forecast_sv TEXT NOT NULL,
        forecast_en TEXT NOT NULL,
        colour TEXT NOT NULL,
        symbol TEXT NOT NULL,
        assessed INTEGER NOT NULL DEFAULT 1
    );
    CREATE TABLE scale_action (
        position INTEGER PRIMARY KEY,
        code TEXT NOT NULL REFERENCES scale_level(code)
    );
    CREATE TABLE assessment_history (
        id INTEGER PRIMARY KEY,
        target TEXT NOT NULL,
        period TEXT NOT NULL,
        at TEXT NOT NULL,
        level TEXT NOT NULL,
        analysis TEXT NOT NULL DEFAULT '',
        actions TEXT NOT NULL DEFAULT '',
        user TEXT NOT NULL DEFAULT '',
        undo_of INTEGER REFERENCES assessment_history(id)
    );
    CREATE INDEX assessment_by_period ON assessment_history(period, target, id);
    CREATE TABLE note_history (
        id INTEGER PRIMARY KEY,
        ref TEXT NOT NULL,
        period TEXT NOT NULL,
        at TEXT NOT NULL,
        text TEXT NOT NULL DEFAULT '',
        user TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX note_by_period ON note_history(period, ref, id);
    CREATE TABLE ready_history (
        id INTEGER PRIMARY KEY,
        target TEXT NOT NULL,
        period TEXT NOT NULL,
        at TEXT NOT NULL,
        ready INTEGER NOT NULL CHECK (ready IN (0, 1)),
        user TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX ready_by_period ON ready_history(period, target, id);
    CREATE TRIGGER assessment_history_no_update BEFORE UPDATE ON assessment_history
    BEGIN SELECT RAISE(ABORT, 'assessment_history is append-only'); END;
    CREATE TRIGGER assessment_history_no_delete BEFORE DELETE ON assessment_history
    WHEN NOT EXISTS (SELECT 1 FROM plan_replacement)
    BEGIN SELECT RAISE(ABORT, 'assessment_history is append-only'); END;
    CREATE TRIGGER note_history_no_update BEFORE UPDATE ON note_history
    BEGIN SELECT RAISE(ABORT, 'note_history is append-only'); END;
    CREATE TRIGGER note_history_no_delete BEFORE DELETE ON note_history
    WHEN NOT EXISTS (SELECT 1 FROM plan_replacement)
    BEGIN SELECT RAISE(ABORT, 'note_history is append-only'); END;
    CREATE TRIGGER ready_history_no_update BEFORE UPDATE ON ready_history
    BEGIN SELECT RAISE(ABORT, 'ready_history is append-only'); END;
    CREATE TRIGGER ready_history_no_delete BEFORE DELETE ON ready_history
    WHEN NOT EXISTS (SELECT 1 FROM plan_replacement)
    BEGIN SELECT RAISE(ABORT, 'ready_history is append-only'); END;
    """
