"""The database schema, created and upgraded by numbered migrations.

`PRAGMA user_version` holds the number of the last migration applied. A database whose
version is higher than `LATEST_VERSION` was written by a newer vpl and is refused rather
than guessed at. `prepare()` runs on every open: it refuses another program's database
or a newer schema, sets the connection's pragmas and applies the missing migrations in
one write transaction.

The tables are plain and named for what they hold, so that `sqlite3` and `sqlite-utils`
read them as they are. Status changes and budget edits are append-only: triggers refuse
UPDATE and DELETE on the history tables, except while `vpl load` replaces the whole plan
(a row in `plan_replacement` marks that transaction).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import TYPE_CHECKING

from vpl_tui.db.connection import BUSY_TIMEOUT_MS
from vpl_tui.db.sql_rules import STATUSES_SQL
from vpl_tui.errors import VplError
from vpl_tui.safetext import clean

if TYPE_CHECKING:
    from vpl_tui.db.connection import Connected

MIGRATIONS: tuple[str, ...] = (
    # 1: the plan, its goals, initiatives, metrics, activities, history and budget. The
    # status codes come from the core (`vpl_tui.rules.statuses`), in its order: the text is the
    # one this migration always wrote. A new status needs a migration of its own that
    # rebuilds the activity table, or databases made before it would refuse it.
    f"""
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
    """,
    # 2: for plans of a whole region (100 000 activities). An initiative's activities and
    # metrics are found through an index instead of a scan per initiative, and search
    # compares a stored folded title (case and accents removed, as `vpl_fold` does, kept
    # by the store) instead of folding 100 000 titles in Python at every keystroke.
    """
    CREATE INDEX activity_by_initiative ON activity(initiative_id, position);
    CREATE INDEX metric_by_initiative ON metric(initiative_id, position);
    ALTER TABLE activity ADD COLUMN title_folded TEXT NOT NULL DEFAULT '';
    UPDATE activity SET title_folded = vpl_fold(title);
    """,
    # 3: `vpl undo` looks for the user's latest change that no later row undoes. Without an
    # index on undo_of, that is a scan of the whole history for each undone change it
    # passes on the way: 0.3 s at 100 000 activities after a few undos, and growing.
    """
    CREATE INDEX status_history_by_undo ON status_history(undo_of) WHERE undo_of IS NOT NULL;
    """,
    # 4: follow-up rounds (`db/followup.py`). The periods and the scale are the plan file's
    # own; without rows, the core's defaults apply. Assessments, notes and ready marks are
    # append-only histories: the current one is a target's latest row for the period.
    """
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
    """,
)

LATEST_VERSION = len(MIGRATIONS)
"""The schema version this vpl writes."""
READS_AS_IT_IS = 2
"""The oldest version this vpl reads without upgrading it: later migrations only add
indexes. A read-only database (an archived copy, someone else's share) of this version or
later opens as it is; an older one would need its upgrade, which is a write."""

OWN_TABLES = frozenset({"plan", "goal", "activity", "status_history"})
"""Tables whose presence marks a database as vpl's own (for a database without user_version)."""


def prepare(store: Connected) -> None:
    """Check that the database is vpl's and not newer, set its pragmas, and upgrade it.

    Raises:
        VplError: another program's database, a newer schema, or a read-only one that
            would need creating or upgrading.
    """
    conn = store.db.conn
    # Reading the schema first turns "file is not a database" into a clear error early.
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    _check_not_foreign(store, version)
    if version > LATEST_VERSION:
        raise VplError(
            "error.db_too_new", db=store.display_name, found=version, known=LATEST_VERSION
        )
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if store.read_only is not None:
        if version < READS_AS_IT_IS:  # it would need creating or upgrading: a write
            raise store.read_only
        return
    mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    if mode != "wal":
        conn.execute("PRAGMA journal_mode = WAL")
    # FULL: a change that was reported saved survives a power cut, not only a crash.
    conn.execute("PRAGMA synchronous = FULL")
    if version < LATEST_VERSION:
        _migrate(store)


def _check_not_foreign(store: Connected, version: int) -> None:
    # At any version: other programs set user_version too (1 is a popular choice),
    # and a database without vpl's tables is not vpl's, whatever its number says.
    tables = {row[0] for row in store.db.execute("SELECT name FROM sqlite_master")}
    tables = {name for name in tables if not name.startswith("sqlite_")}
    if (tables or version != 0) and not tables >= OWN_TABLES:
        shown = ", ".join(sorted(clean(name) for name in tables)[:5]) or "-"
        raise VplError("error.db_foreign", db=store.display_name, tables=shown)


def _migrate(store: Connected) -> None:
    with store._write():
        # Another process may have migrated while this one waited for the lock.
        conn = store.db.conn
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > LATEST_VERSION:
            raise VplError(
                "error.db_too_new", db=store.display_name, found=version, known=LATEST_VERSION
            )
        for number in range(version, LATEST_VERSION):
            for statement in split_statements(MIGRATIONS[number]):
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {LATEST_VERSION}")


def split_statements(script: str) -> Iterable[str]:
    """Split a migration into statements; trigger bodies keep their inner semicolons."""
    statement: list[str] = []
    for line in script.strip().splitlines():
        statement.append(line)
        joined = "\n".join(statement).strip()
        if joined.endswith(";") and sqlite3.complete_statement(joined):
            yield joined
            statement = []
    if "".join(statement).strip():
        yield "\n".join(statement)
