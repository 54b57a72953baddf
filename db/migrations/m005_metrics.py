"""Migration 5.

Metrics get a stable id (`metric_detail.ident`: the plan file's, or `<owner>-m<n>` for
the metrics of databases made before, as `vpl_tui.rules.outcomes.generated_metric_id`
makes it), a unit, a Kolada KPI id and which way is better; the plan its municipality
code (`plan_code`). Tables of their own, beside `metric` and `plan`: those stay as every
earlier vpl wrote them. Written so that it can run over its own tables (IF NOT EXISTS):
a database put back to an earlier version number by hand upgrades again. Outcomes
(`db/outcomes.py`) are an append-only history per metric, period or year, and gender:
the current outcome is the latest row, an undo a new row naming the one it reverts.
"""

from __future__ import annotations

SQL = """
    CREATE TABLE IF NOT EXISTS plan_code (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        municipality_code TEXT
    );
    CREATE TABLE IF NOT EXISTS metric_detail (
        ident TEXT PRIMARY KEY,
        metric_id INTEGER NOT NULL UNIQUE,
        unit TEXT NOT NULL DEFAULT '',
        kolada_kpi TEXT,
        higher_is_better INTEGER NOT NULL DEFAULT 1
    );
    INSERT OR IGNORE INTO metric_detail (ident, metric_id)
    SELECT COALESCE(initiative_id, goal_number) || '-m' || (position + 1), id FROM metric;
    CREATE TABLE IF NOT EXISTS outcome_history (
        id INTEGER PRIMARY KEY,
        metric TEXT NOT NULL,
        period TEXT,
        year INTEGER,
        gender TEXT NOT NULL DEFAULT 'T' CHECK (gender IN ('T', 'K', 'M')),
        at TEXT NOT NULL,
        value TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT '',
        comment TEXT NOT NULL DEFAULT '',
        user TEXT NOT NULL DEFAULT '',
        undo_of INTEGER REFERENCES outcome_history(id),
        CHECK ((period IS NULL) <> (year IS NULL))
    );
    CREATE INDEX IF NOT EXISTS outcome_by_metric ON outcome_history(metric, period, year, gender, id);
    CREATE TRIGGER IF NOT EXISTS outcome_history_no_update BEFORE UPDATE ON outcome_history
    BEGIN SELECT RAISE(ABORT, 'outcome_history is append-only'); END;
    CREATE TRIGGER IF NOT EXISTS outcome_history_no_delete BEFORE DELETE ON outcome_history
    WHEN NOT EXISTS (SELECT 1 FROM plan_replacement)
    BEGIN SELECT RAISE(ABORT, 'outcome_history is append-only'); END;
    """
