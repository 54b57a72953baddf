"""The part of the store that `vpl set`, `vpl undo` and `vpl history` use, opened on its own.

`Store` (`db/store.py`) is every part at once, and importing it imports every part: the
budget, the load, the export, the replay, with the modules they need (decimal, the
figures' rules). These three commands change or read one activity's status; opening a
`StatusStore` imports the connection, the schema check, the tree reads and the history
only, a few milliseconds less of a start that is mostly Python's and click's. `vpl undo`
(which may undo a plan change: `vpl edit`, `vpl move`) and the plan-edit commands open
`PlanEdit` (`db/plan_edit.py`), which adds the plan's own history, imported only then.

Both open a file as `db/opening.py` says (the connection, the read-only detection, the
schema's migrations, SQLite's errors in one line).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vpl_tui.db.history import StatusHistory
from vpl_tui.db.opening import open_plan_part, open_prepared

__all__ = ["StatusStore", "open_prepared", "open_status_store"]

if TYPE_CHECKING:
    from pathlib import Path

    from vpl_tui.db.plan_edit import PlanEdit


class StatusStore(StatusHistory):
    """An activity's status, its changes and the history (`vpl set`, `vpl history`)."""

    def __enter__(self) -> StatusStore:
        return self


def open_status_store(
    path: Path | str, *, create_folder: bool, plan_edits: bool = False
) -> StatusStore | PlanEdit | None:
    """The status part of the plan database at `path`, or None when it holds no plan yet.

    `plan_edits`: a `PlanEdit`, with the plan's own history and edits too, for `vpl undo` and
    the plan-edit commands.

    None leaves creating and seeding the database to `Store.open`, which has the load;
    a database that holds a plan, the usual case, is opened once, here.
    """
    cls: type[StatusStore | PlanEdit] = StatusStore
    if plan_edits:  # imported only then: `vpl set` needs none of the plan-change modules
        from vpl_tui.db.plan_edit import PlanEdit

        cls = PlanEdit
    return open_plan_part(cls, path, create_folder=create_folder)
