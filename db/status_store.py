"""The part of the store that `vpl set`, `vpl undo` and `vpl history` use, opened on its own.

`Store` (`db/store.py`) is every part at once, and importing it imports every part: the
budget, the load, the export, the replay, with the modules they need (decimal, the
figures' rules). These three commands change or read one activity's status; opening a
`StatusStore` imports the connection, the schema check, the tree reads and the history
only, a few milliseconds less of a start that is mostly Python's and click's. `vpl undo`
(which may undo a plan change: `vpl edit`, `vpl move`) and the plan-edit commands open
`PlanEdit` (`db/plan_edit.py`), which adds the plan's own history, imported only then.

`open_prepared` is how both open a file: the connection, the read-only detection and the
schema's migrations, with SQLite's errors in one line.
"""

from __future__ import annotations

import os
import sqlite3
from typing import TYPE_CHECKING, TypeVar

from vpl_tui.db.connection import Connected, connect, translate
from vpl_tui.db.history import StatusHistory
from vpl_tui.db.schema import prepare

if TYPE_CHECKING:
    from pathlib import Path

    from vpl_tui.db.plan_edit import PlanEdit

Opened = TypeVar("Opened", bound=Connected)


class StatusStore(StatusHistory):
    """An activity's status, its changes and the history (`vpl set`, `vpl history`)."""

    def __enter__(self) -> StatusStore:
        return self


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


def open_status_store(
    path: Path | str, *, create_folder: bool, plan_edits: bool = False
) -> StatusStore | PlanEdit | None:
    """The status part of the plan database at `path`, or None when it holds no plan yet.

    `plan_edits`: a `PlanEdit`, with the plan's own history and edits too, for `vpl undo` and
    the plan-edit commands.

    None leaves creating and seeding the database to `Store.open`, which has the load;
    a database that holds a plan, the usual case, is opened once, here.
    """
    if not os.path.isfile(path):
        return None
    cls: type[StatusStore | PlanEdit] = StatusStore
    if plan_edits:  # imported only then: `vpl set` needs none of the plan-change modules
        from vpl_tui.db.plan_edit import PlanEdit

        cls = PlanEdit
    store = open_prepared(cls, path, create_folder=create_folder)
    try:
        if store.has_plan():
            return store
    except sqlite3.DatabaseError as error:
        store.close()
        raise translate(error, store.display_name) from None
    store.close()
    return None
