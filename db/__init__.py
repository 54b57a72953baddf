"""The plan database: the only package that speaks SQL (SQLite, through sqlite3).

Callers use one class, `vpl_tui.db.store.Store`, whose parts live in a module each:

    store.py       the facade: `Store.open()`, and the names callers import
    connection.py  the connection, read-only files, write transactions, SQLite's errors
    schema.py      tables and migrations; checking that a file is vpl's
    sql_rules.py   SQL built from the core's rules (open, closed, overdue, progress)
    changes.py     who and when of every change row, and the limits of a note
    tree_reads.py  reading the plan level by level (goals, initiatives, activities)
    history.py     status changes, undo and the history
    status_store.py that part alone, opened by `vpl set`, `vpl undo` and `vpl history`
    replay.py      statuses and counts as of a past day (`vpl summary --as-of`)
    budget.py      the budget's figures and figure edits
    load.py        `vpl load`: the plan in one transaction, or replaced whole (--replace)
    load_merge.py  how a loaded file's histories meet the database's (nothing is lost)
    backup.py      a consistent copy of the live database (`vpl backup`, before --replace)
    rows.py        a plan as table rows; bulk.py reads a large plan file into them
    export.py      `vpl export`: the whole plan as it stands
    export_toml.py the export's TOML, byte for byte what tomli-w writes, faster

The modules that `vpl set`, `vpl history` and `vpl undo` need import neither pydantic
nor sqlite-utils; the models are imported where a method builds them (load, export,
the budget as models).
"""
