"""Migration 1.

The plan, its goals, initiatives, metrics, activities, history and budget. The status
codes come from the core (`vpl_tui.rules.statuses`), in its order: the text is the one
this migration always wrote. A new status needs a migration of its own that rebuilds the
activity table, or databases made before it would refuse it.
"""

from __future__ import annotations

from vpl_tui.db.sql_rules import STATUSES_SQL

SQL = f"""
    CREATE TABLE plan (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        title TEXT NOT NULL,
        organisation TEXT NOT NULL,
        municipality TEXT NOT NULL DEFAULT '',
        year INTEGER NOT NULL,
        period TEXT NOT NULL,
        currency_unit TEXT NOT NULL DEFAULT 'tkr',
        loaded_at TEXT NOT NULL,
        source TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE mandate (
        part TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        body TEXT NOT NULL
    );
    CREATE TABLE goal (
        number TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('council', 'board')),
        title TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        resources TEXT NOT NULL DEFAULT '',
        earmarked_mkr NUMERIC,
        council_goal TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE focus (
        id INTEGER PRIMARY KEY,
        position INTEGER NOT NULL,
        title TEXT NOT NULL,
        intro TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE focus_item (
        focus_id INTEGER NOT NULL REFERENCES focus(id),
        position INTEGER NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (focus_id, position)
    );
    CREATE TABLE focus_goal (
        focus_id INTEGER NOT NULL REFERENCES focus(id),
        position INTEGER NOT NULL,
        goal_number TEXT NOT NULL REFERENCES goal(number),
        PRIMARY KEY (focus_id, position)
    );
    CREATE TABLE initiative (
        id TEXT PRIMARY KEY,
        goal_number TEXT NOT NULL REFERENCES goal(number),
        position INTEGER NOT NULL,
        title TEXT NOT NULL,
        purpose TEXT NOT NULL DEFAULT '',
        resources TEXT NOT NULL DEFAULT '',
        earmarked_mkr NUMERIC,
        council_goal TEXT NOT NULL DEFAULT '',
        comment TEXT NOT NULL DEFAULT '',
        metrics_note TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX initiative_by_goal ON initiative(goal_number, position);
    CREATE TABLE metric (
        id INTEGER PRIMARY KEY,
        goal_number TEXT NOT NULL REFERENCES goal(number),
        initiative_id TEXT REFERENCES initiative(id),
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        latest TEXT NOT NULL DEFAULT '',
        latest_year INTEGER
    );
    CREATE INDEX metric_by_owner ON metric(goal_number, initiative_id, position);
    CREATE TABLE metric_target (
        metric_id INTEGER NOT NULL REFERENCES metric(id),
        year INTEGER NOT NULL,
        target TEXT NOT NULL,
        PRIMARY KEY (metric_id, year)
    );
    CREATE TABLE activity (
        ref TEXT PRIMARY KEY,
        goal_number TEXT NOT NULL REFERENCES goal(number),
        initiative_id TEXT REFERENCES initiative(id),
        position INTEGER NOT NULL,
        title TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('activity', 'investigation')),
        start TEXT NOT NULL,
        "end" TEXT NOT NULL,
        status TEXT NOT NULL CHECK (
            status IN {STATUSES_SQL}
        ),
        version INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX activity_by_owner ON activity(goal_number, initiative_id, position);
    CREATE INDEX activity_by_status ON activity(status, "end");
    CREATE TABLE status_history (
        id INTEGER PRIMARY KEY,
        ref TEXT NOT NULL REFERENCES activity(ref),
        at TEXT NOT NULL,
        from_status TEXT NOT NULL,
        to_status TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        user TEXT NOT NULL DEFAULT '',
        undo_of INTEGER REFERENCES status_history(id)
    );
    CREATE INDEX status_history_by_ref ON status_history(ref, id);
    CREATE INDEX status_history_by_user ON status_history(user, id);
    CREATE TABLE budget (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        unit TEXT NOT NULL DEFAULT 'tkr',
        explanation TEXT NOT NULL DEFAULT '',
        investments_explanation TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE budget_column (
        table_name TEXT NOT NULL CHECK (table_name IN ('operating', 'units', 'investments')),
        year INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('actual', 'forecast', 'budget')),
        PRIMARY KEY (table_name, year)
    );
    CREATE TABLE budget_line (
        table_name TEXT NOT NULL CHECK (table_name IN ('operating', 'units', 'investments', 'pot')),
        line TEXT NOT NULL,
        position INTEGER NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (table_name, line)
    );
    CREATE TABLE budget_figure (
        table_name TEXT NOT NULL,
        line TEXT NOT NULL,
        year INTEGER NOT NULL,
        value NUMERIC NOT NULL,
        published NUMERIC NOT NULL,
        PRIMARY KEY (table_name, line, year),
        FOREIGN KEY (table_name, line) REFERENCES budget_line(table_name, line)
    );
    CREATE TABLE earmarked_pot (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL,
        period TEXT NOT NULL DEFAULT '',
        year INTEGER NOT NULL
    );
    CREATE TABLE pot_allocation (
        id TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        title TEXT NOT NULL
    );
    CREATE TABLE pot_allocation_funds (
        allocation_id TEXT NOT NULL REFERENCES pot_allocation(id),
        position INTEGER NOT NULL,
        target TEXT NOT NULL,
        PRIMARY KEY (allocation_id, position)
    );
    CREATE TABLE budget_history (
        id INTEGER PRIMARY KEY,
        table_name TEXT NOT NULL,
        line TEXT NOT NULL,
        year INTEGER NOT NULL,
        at TEXT NOT NULL,
        from_value NUMERIC NOT NULL,
        to_value NUMERIC NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        user TEXT NOT NULL DEFAULT '',
        FOREIGN KEY (table_name, line, year) REFERENCES budget_figure(table_name, line, year)
    );
    CREATE INDEX budget_history_by_figure ON budget_history(table_name, line, year, id);
    CREATE TABLE plan_replacement (id INTEGER PRIMARY KEY CHECK (id = 1));
    CREATE TRIGGER status_history_no_update BEFORE UPDATE ON status_history
    BEGIN SELECT RAISE(ABORT, 'status_history is append-only'); END;
    CREATE TRIGGER status_history_no_delete BEFORE DELETE ON status_history
    WHEN NOT EXISTS (SELECT 1 FROM plan_replacement)
    BEGIN SELECT RAISE(ABORT, 'status_history is append-only'); END;
    CREATE TRIGGER budget_history_no_update BEFORE UPDATE ON budget_history
    BEGIN SELECT RAISE(ABORT, 'budget_history is append-only'); END;
    CREATE TRIGGER budget_history_no_delete BEFORE DELETE ON budget_history
    WHEN NOT EXISTS (SELECT 1 FROM plan_replacement)
    BEGIN SELECT RAISE(ABORT, 'budget_history is append-only'); END;
    """
