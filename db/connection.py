"""The store's connection: opening a file, read-only detection, transactions, SQLite's errors.

`Connected` is the base every part of the store (`db/store.py`) builds on: it holds the one
sqlite3 connection, behind the small `Database` shim, and the write transaction every
multi-row change runs in (`_write`). Nothing here imports sqlite-utils or pydantic: `vpl
set`, `vpl history` and `vpl undo` open, read and write with this module alone.
"""

from __future__ import annotations

import itertools
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING, Any

from vpl_tui.errors import VplError
from vpl_tui.safetext import clean, normalise

if TYPE_CHECKING:
    from pathlib import Path

    import sqlite_utils

BUSY_TIMEOUT_MS = 30_000
"""How long a writer waits for another's lock before giving up (SQLite's busy handler)."""
YIELD_AFTER_WRITE = 0.001
"""Seconds between a writer's commit and its next write, so that another waiting for the
lock gets it."""
_SAVEPOINTS = itertools.count(1)
"""Numbers for savepoint names: each savepoint open at once needs a name of its own."""


class Database:
    """The store's connection; a sqlite-utils `Database` is made only for what needs one.

    Importing sqlite-utils costs ~60 ms (it loads click, dateutil and its plugin hooks):
    a third of `vpl summary` on a region's plan, part of every start of the app, and
    more than SQLite takes for `vpl set`. The store's reads are plain SELECTs, for which
    sqlite-utils' `query()` and `execute()` do what sqlite3 does (a dict per row, a
    cursor), and its writes run inside a transaction of its own (`Connected._write`),
    where sqlite-utils' `execute()` does nothing but run the statement: those run here.
    `atomic()` is sqlite-utils' own, written out. Anything else (a statement outside a
    transaction, which sqlite-utils commits, or its table API) goes to sqlite-utils,
    imported when first needed.
    """

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.conn = connection
        self._full: sqlite_utils.Database | None = None

    @property
    def full(self) -> sqlite_utils.Database:
        if self._full is None:
            import sqlite_utils

            self._full = sqlite_utils.Database(self.conn)
        return self._full

    def query(self, sql: str, params: Any = None) -> Iterator[dict[str, Any]]:
        if not _is_select(sql):
            return self.full.query(sql, params)
        cursor = self.conn.execute(sql, () if params is None else params)
        keys = [column[0] for column in cursor.description]
        if len(set(keys)) < len(keys):  # sqlite-utils renames repeated names: let it
            return self.full.query(sql, params)
        return (dict(zip(keys, row, strict=True)) for row in cursor)

    def execute(self, sql: str, params: Any = None) -> sqlite3.Cursor:
        if _is_select(sql) or self.conn.in_transaction:
            return self.conn.execute(sql, () if params is None else params)
        return self.full.execute(sql, params)

    @contextmanager
    def atomic(self) -> Iterator[Database]:
        """A transaction, or a savepoint inside an open one (as sqlite-utils' `atomic()`)."""
        conn = self.conn
        if conn.in_transaction:
            savepoint = f"vpl_{next(_SAVEPOINTS)}"
            conn.execute(f"SAVEPOINT {savepoint}")
            try:
                yield self
            except BaseException:
                if conn.in_transaction:  # an error may have ended the transaction already
                    conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                    conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                raise
            conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            return
        conn.execute("BEGIN")
        try:
            yield self
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def close(self) -> None:
        self.conn.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.full, name)


def _is_select(sql: str) -> bool:
    return sql.lstrip()[:6].upper() == "SELECT"


def connect(path: Path | str, *, create_folder: bool) -> tuple[sqlite3.Connection, VplError | None]:
    """A connection to `path`, and why it cannot be written (None when it can).

    A file or folder this user cannot write is opened read-only, so that the summary,
    the history and the export still work.

    The checks use `os.path`: `pathlib` (~3 ms of `vpl set`'s start, with `urllib.parse`
    and `ipaddress`) is for the error messages and the read-only URI only.

    Raises:
        VplError: a missing folder (unless `create_folder`), a folder where the file
            should be, or a file that cannot be opened.
    """
    name = os.fspath(path)
    folder = _folder_of(name)
    if not os.path.exists(folder):
        if not create_folder:
            raise VplError(
                "error.db_no_folder", db=shown_path(name), folder=shown_path(name, folder=True)
            )
        os.makedirs(folder, exist_ok=True)
    if os.path.isdir(name):
        raise VplError("error.db_cannot_open", db=shown_path(name), reason="is a folder")
    read_only = _read_only_error(name, folder)
    if read_only is not None and not os.path.exists(name):
        raise read_only  # nothing to read, and no file can be created
    try:
        if read_only is None:
            connection = sqlite3.connect(name, timeout=BUSY_TIMEOUT_MS / 1000)
        else:
            connection = sqlite3.connect(
                _read_only_uri(name), uri=True, timeout=BUSY_TIMEOUT_MS / 1000
            )
    except sqlite3.Error as error:
        raise VplError(
            "error.db_cannot_open", db=shown_path(name), reason=clean(str(error))
        ) from None
    return connection, read_only


def _folder_of(name: str) -> str:
    """The folder `name` is in, as `Path(name).parent` finds it (`.` for a bare name)."""
    return os.path.dirname(name.rstrip(os.sep)) or os.curdir


def shown_path(name: Path | str, *, folder: bool = False) -> str:
    """A database's path (or its folder) as messages show it: as `pathlib` spells it."""
    from pathlib import Path

    return clean(str(Path(name).parent if folder else Path(name)))


class Connected:
    """A plan database on disk: its connection, and the transactions every part writes in.

    Bound to the thread that opened it (as its sqlite3 connection is); a worker thread
    opens its own with `Store.open(store.path)`.
    """

    read_only: VplError | None = None
    """Why this database cannot be written (its file or folder is read-only), or None.

    Such a database is opened read-only, so that the summary, the history and the export
    still work; every write raises this error before it touches anything.
    """

    write_wait: float = BUSY_TIMEOUT_MS / 1000
    """Seconds a write waits for another's lock before it fails with `error.db_busy`.

    The app waits ~1 s (its writes run on the event loop, which must not freeze);
    a command run from the shell waits the full BUSY_TIMEOUT_MS.
    """

    def __init__(self, path: Path | str, connection: sqlite3.Connection) -> None:
        self._name = os.fspath(path)
        self._path = path
        self.db = Database(connection)
        self.db.conn.create_function("vpl_fold", 1, _fold, deterministic=True)
        self._on_disk = _signature(self._name)
        self._reopened = 0
        self._committed_at: float | None = None
        """When this store's last write committed (monotonic): the next waits its turn."""

    @property
    def path(self) -> Path:
        """The database file (a `Path`, made when first asked for: see `connect`)."""
        from pathlib import Path

        if not isinstance(self._path, Path):
            self._path = Path(self._path)
        return self._path

    @property
    def display_name(self) -> str:
        """The database's path as messages show it."""
        return shown_path(self._name)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Connected:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[None]:
        """One write transaction holding SQLite's write lock from its first statement.

        A plain BEGIN would take the lock at the first write, and a reader that wants to
        write after another process committed would fail at once instead of waiting.
        Inside a transaction already open, a savepoint: all of it lands or none.
        """
        if self.read_only is not None:
            raise self.read_only
        conn = self.db.conn
        if conn.in_transaction:
            with self.db.atomic():
                yield
            return
        if self._committed_at is not None:
            # Let a writer that waits have its turn before this one writes again. Paused
            # before the next write, not after each: a `vpl set`, which writes once and
            # exits, does not wait for nothing.
            rest = self._committed_at + YIELD_AFTER_WRITE - time.monotonic()
            if rest > 0:
                time.sleep(rest)
        try:
            self._begin_immediate()
            try:
                yield
                conn.execute("COMMIT")
            except BaseException:
                # A COMMIT that failed (a full disk) leaves the transaction open, too.
                if conn.in_transaction:
                    with suppress(sqlite3.Error):  # the error to report is the first one
                        conn.execute("ROLLBACK")
                raise
        except sqlite3.DatabaseError as error:
            # A full disk or a page found damaged shows only now, long after the database
            # opened: one line that says so (nothing was written), as every error of vpl.
            raise database_error(error, self.display_name) from error
        self._committed_at = time.monotonic()

    def _begin_immediate(self) -> None:
        """BEGIN IMMEDIATE, waiting up to `write_wait` seconds for another writer's lock.

        SQLite's own busy handler sleeps longer and longer between tries (100 ms at the
        end), so a writer waiting behind one that writes in a loop kept missing the short
        moments the lock was free: in the reliability test a `vpl set` waited for all
        500 changes of another process, and a longer loop would have made it fail with
        "busy". Trying every fraction of a millisecond, with the pause every writer takes
        after its commit (YIELD_AFTER_WRITE), the two take turns.
        """
        conn = self.db.conn
        deadline = time.monotonic() + self.write_wait
        conn.execute("PRAGMA busy_timeout = 0")
        try:
            while True:
                try:
                    conn.execute("BEGIN IMMEDIATE")
                    return
                except sqlite3.OperationalError as error:
                    if "locked" not in str(error) and "busy" not in str(error):
                        raise
                    if time.monotonic() >= deadline:
                        raise VplError("error.db_busy", db=self.display_name) from None
                    import random  # only when another writer holds the lock: 4 ms of start

                    time.sleep(random.uniform(0.0002, 0.001))
        finally:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    def data_version(self) -> int:
        """Changes whenever another connection commits: cheap to poll for outside changes.

        A read-only database may be open `immutable` (see `_read_only_uri`): SQLite then
        never looks at the file again, and its data_version never changes. There the
        file's own signature is compared (a stat of it and its -wal), and when the owner
        has changed it the connection is opened anew, so that what is read is current.
        """
        if self.read_only is not None:
            on_disk = _signature(self._name)
            if on_disk != self._on_disk:
                self._reopen()
                self._on_disk = on_disk
        version = self.db.conn.execute("PRAGMA data_version").fetchone()[0]
        return (self._reopened << 32) | version

    def _reopen(self) -> None:
        """Open the file again (read-only, as it was found); the old connection is closed."""
        from vpl_tui.db.schema import prepare  # the schema module builds on this one

        connection, read_only = connect(self._name, create_folder=False)
        old, self.db = self.db, Database(connection)
        self.db.conn.create_function("vpl_fold", 1, _fold, deterministic=True)
        self.read_only = read_only or self.read_only
        try:
            prepare(self)
        except BaseException:
            self.db.close()
            self.db = old
            raise
        old.close()
        self._reopened += 1

    def has_plan(self) -> bool:
        return self.db.execute("SELECT EXISTS (SELECT 1 FROM plan)").fetchone()[0] == 1

    def _require_plan(self) -> None:
        if not self.has_plan():
            raise VplError("error.db_empty", db=self.display_name)


def _fold(text: str | None) -> str:
    return normalise(text or "")


def translate(
    error: sqlite3.DatabaseError, shown: str, otherwise: str = "error.db_cannot_open"
) -> VplError:
    """The VplError for an error of SQLite's; `otherwise` names the one for the rest."""
    message = str(error)
    if "file is not a database" in message:
        return VplError("error.db_not_sqlite", db=shown)
    if "malformed" in message or getattr(error, "sqlite_errorname", "").startswith(
        "SQLITE_CORRUPT"
    ):
        return VplError("error.db_damaged", db=shown, reason=clean(message))
    if "readonly" in message or "read-only" in message:
        return VplError("error.db_read_only", db=shown, reason=clean(message))
    if "locked" in message or "busy" in message:
        return VplError("error.db_busy", db=shown)
    if getattr(error, "sqlite_errorname", "") == "SQLITE_FULL" or "disk is full" in message:
        return VplError("error.db_full", db=shown)
    return VplError(otherwise, db=shown, reason=clean(message))


def database_error(error: sqlite3.DatabaseError, db: Path | str) -> VplError:
    """What a person is told when SQLite fails after the database opened.

    A page damaged in the middle of the file shows only when a query reads it, and a full
    disk only when a write commits: the interfaces turn such errors into one line.
    """
    return translate(error, clean(str(db)), otherwise="error.db_failed")


def _read_only_error(name: str, folder: str) -> VplError | None:
    """Why the file `name` (in `folder`) cannot be written by this user, or None when it can."""
    if os.path.exists(name) and not os.access(name, os.W_OK):
        return VplError("error.db_read_only_file", db=shown_path(name))
    # WAL mode writes two files beside the database: its folder must be writable too.
    if not os.access(folder, os.W_OK):
        return VplError(
            "error.db_read_only_folder", db=shown_path(name), folder=shown_path(name, folder=True)
        )
    return None


def _signature(name: str) -> tuple[tuple[int, int, int] | None, ...]:
    """What changes when anyone writes `name`: the stat of the file and of its -wal."""

    def stat(file: str) -> tuple[int, int, int] | None:
        try:
            found = os.stat(file)
        except OSError:
            return None
        return (found.st_ino, found.st_size, found.st_mtime_ns)

    return (stat(name), stat(name + "-wal"))


def _read_only_uri(name: str) -> str:
    """The URI that opens `name` for reading only, creating no file beside it.

    Without a -wal file nothing is pending outside the database file, and `immutable`
    lets SQLite read it with no -shm either (which a read-only folder could not hold and
    which would otherwise be left behind, read-only, for the next writer to trip on).
    With a -wal file (a writer is at work, or crashed) it is read through the WAL.
    """
    from pathlib import Path

    uri = Path(name).resolve().as_uri() + "?mode=ro"
    if not os.path.exists(name + "-wal"):
        uri += "&immutable=1"
    return uri
