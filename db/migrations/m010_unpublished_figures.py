"""Migration 10.

A budget figure may exist without a published one: an empty cell of a table with a
breakdown (a unit without a figure for a year, say) can be filled in the budget screen
(`db/budget_edit.py`). Its `published` is NULL, and the first row of its history has a
NULL `from_value`: the cell was empty in the published plan. SQLite cannot drop a NOT
NULL in place, so both tables are made again without it and their rows copied as they
are (the history's ids kept, in order). The order keeps every foreign key satisfied while
foreign keys are on: the copies are made first, the history's copy referring to the
figures' copy; then the old history, then the old figures, are dropped (a child before
its parent), and the renames carry the reference over to the new names. The history
stays append-only, with the index and triggers migration 1 gave it. (Dropping a table
fires no DELETE trigger.)
"""

from __future__ import annotations

SQL = """
    CREATE TABLE budget_figure_open (
        table_name TEXT NOT NULL,
        line TEXT NOT NULL,
        year INTEGER NOT NULL,
        value NUMERIC NOT NULL,
        published NUMERIC,
        PRIMARY KEY (table_name, line, year),
        FOREIGN KEY (table_name, line) REFERENCES budget_line(table_name, line)
    );
    INSERT INTO budget_figure_open SELECT table_name, line, year, value, published
        FROM budget_figure;
    CREATE TABLE budget_history_open (
        id INTEGER PRIMARY KEY,
        table_name TEXT NOT NULL,
        line TEXT NOT NULL,
        year INTEGER NOT NULL,
        at TEXT NOT NULL,
        from_value NUMERIC,
        to_value NUMERIC NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        user TEXT NOT NULL DEFAULT '',
        FOREIGN KEY (table_name, line, year)
            REFERENCES budget_figure_open(table_name, line, year)
    );
    INSERT INTO budget_history_open SELECT id, table_name, line, year, at, from_value,
        to_value, note, user FROM budget_history ORDER BY id;
    DROP TABLE budget_history;
    DROP TABLE budget_figure;
    ALTER TABLE budget_figure_open RENAME TO budget_figure;
    ALTER TABLE budget_history_open RENAME TO budget_history;
    CREATE INDEX budget_history_by_figure ON budget_history(table_name, line, year, id);
    CREATE TRIGGER budget_history_no_update BEFORE UPDATE ON budget_history
    BEGIN SELECT RAISE(ABORT, 'budget_history is append-only'); END;
    CREATE TRIGGER budget_history_no_delete BEFORE DELETE ON budget_history
    WHEN NOT EXISTS (SELECT 1 FROM plan_replacement)
    BEGIN SELECT RAISE(ABORT, 'budget_history is append-only'); END;
    """
