"""Opening a plan database as one part of the store, or as the whole of it.

`open_prepared` is how every store opens a file: the connection, the read-only detection
and the schema's checks and migrations, with SQLite's errors in one line.
`open_plan_part` opens a part alone (`StatusStore` for `vpl set`, the follow-up's and
the metrics' text reads), so that a command imports only the part it runs; a database
that does not exist yet, or holds no plan, is left to `Store.open`, which seeds it.
"""

from __future__ import annotations

import os
import sqlite3
from typing import TYPE_CHECKING, TypeVar

from vpl_tui.db.connection import Connected, connect, translate
from vpl_tui.db.schema import prepare

if TYPE_CHECKING:
    from pathlib import Path

Opened = TypeVar("Opened", bound=Connected)


def open_prepared(cls: type[Opened], path: Path | str, *, create_folder: bool) -> Opened:
    """Open `path` as a `cls`, creating or upgrading its tables.

    Raises:
        VplError: not a SQLite file, another program's database, a newer schema,
            a missing folder, or a file that cannot be written.
    """
    connection, read_only = connect(path, create_folder=create_folder)
    store = cls(path, connection)
    store.read_only = read_only
    try:
        prepare(store)
    except sqlite3.DatabaseError as error:
        connection.close()
        raise translate(error, store.display_name) from None
    except BaseException:
        connection.close()
        raise
    return store


def open_plan_part(cls: type[Opened], path: Path | str, *, create_folder: bool) -> Opened | None:
    """A part of the store (`cls`) opened on the plan database at `path`, or None when the
    file does not exist or holds no plan yet (creating and seeding one is `Store.open`'s)."""
    if not os.path.isfile(path):
        return None
    store = open_prepared(cls, path, create_folder=create_folder)
    try:
        if store.has_plan():
            return store
    except sqlite3.DatabaseError as error:
        store.close()
        raise translate(error, store.display_name) from None
    except BaseException:
        store.close()
        raise
    store.close()
    return None
