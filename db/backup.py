"""A consistent copy of a live database, with SQLite's backup API: `vpl backup`, and the
copy written before any load that replaces a plan.

The copy is made in one step (all pages under one read transaction), so it is the database
as it stood at one moment even while the app or another `vpl` writes: WAL mode lets the
readers and the one writer go on. It is written under a temporary name beside the target
and renamed when complete, so a backup file is never half a database.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from vpl_tui.errors import VplError

BACKUP_TIMEOUT_S = 30.0
"""How long the copy waits for a writer that holds the lock (a busy database)."""


def default_backup_path(db: Path, now: datetime | None = None) -> Path:
    """`plan.db` → `plan-backup-20231215T101500Z.db` beside it (UTC, sorts by time)."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    return db.with_name(f"{db.stem}-backup-{stamp}{db.suffix or '.db'}")


def backup_database(db: Path, target: Path | None = None) -> Path:
    """Copy the database at `db` to `target` (default: `default_backup_path`); returns it.

    Raises:
        VplError: the database cannot be read, or the copy cannot be written; no file is
            left at `target` then.
    """
    target = Path(target) if target is not None else default_backup_path(db)
    if target.exists() and target.is_dir():
        raise VplError("error.output_is_folder", path=str(target))
    try:
        source = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=BACKUP_TIMEOUT_S)
    except sqlite3.Error as error:
        raise VplError("error.backup_failed", db=str(db), reason=str(error)) from None
    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
        )
        os.close(handle)
        copy = sqlite3.connect(temporary)
        try:
            source.backup(copy)  # every page in one step: one consistent moment
            copy.execute("PRAGMA journal_mode = DELETE")  # a single self-contained file
        finally:
            copy.close()
        with open(temporary, "rb+") as stream:
            os.fsync(stream.fileno())
        os.replace(temporary, target)
        temporary = None
    except (sqlite3.Error, OSError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise VplError("error.backup_failed", db=str(target), reason=reason) from None
    finally:
        source.close()
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
    return target


def free_backup_path(db: Path, now: datetime | None = None) -> Path:
    """`default_backup_path`, or `plan-backup-…-2.db`, … when a copy of that second exists.

    A `vpl load --replace` right after another must not put its copy in place of the
    first one's, which holds the plan from before both.
    """
    first = default_backup_path(db, now)
    candidate, number = first, 1
    while candidate.exists():
        number += 1
        candidate = first.with_name(f"{first.stem}-{number}{first.suffix}")
    return candidate
