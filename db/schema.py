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
from vpl_tui.db.migrations import LATEST_VERSION, migration_sql
from vpl_tui.errors import VplError
from vpl_tui.safetext import clean

if TYPE_CHECKING:
    from vpl_tui.db.connection import Connected

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
        for number in range(version + 1, LATEST_VERSION + 1):
            for statement in split_statements(migration_sql(number)):
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
