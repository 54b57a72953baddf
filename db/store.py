"""The Store: the only place that speaks SQL. It turns rows into records and models and back.

`Store` is a facade: one class, one sqlite3 connection, assembled from one part per
concern, each a class of its own module that builds on `Connected` (the connection and
its write transaction):

    connection.py  Connected    the connection, read-only detection, `_write()` with the
                                busy loop, SQLite's errors in one line
    schema.py      prepare()    the migrations, and checking a file is vpl's
    activity_reads.py ActivityReads  one activity by its ref (all a status change reads)
    tree_reads.py  TreeReads    the plan's head, goals, initiatives, activities, metrics
    history.py     StatusHistory  status changes, undo, the history (uses ActivityReads)
    status_store.py StatusStore  that part alone, for `vpl set`, `vpl undo`, `vpl history`
    replay.py      AsOfReplay   statuses, progress and overdue as of a past day
    budget.py      BudgetStore  the budget's figures and editing one
    load.py        PlanLoad     `vpl load`: replacing the whole plan
    export.py      PlanExport   `vpl export`: the whole plan (uses BudgetStore, TreeReads)
    followup.py    FollowupStore  periods, scale, assessments, notes, ready marks
    outcomes.py    OutcomeStore  metric outcomes: recorded, undone, imported, judged
    plan_edit.py   PlanEdit     adding, editing, moving activities; texts; their history
    mine_reads.py  MineReads    the counts of the filter "mina" (one user's activities)

beside the helpers they share: `changes.py` (who and when of a change row, the text
forms of times and amounts), `sql_rules.py` (SQL built from the core's rules),
`rows.py` and `bulk.py` (a plan as table rows), `export_toml.py` (the export's TOML).

The parts share state only through `Connected` (`self.db`, `self.path`, `self.read_only`)
and call one another's methods only where a part names another as its base, so each
module reads on its own. Mixins rather than objects the facade delegates to: the public
methods are written once, where they work, and `Store` stays a list of its parts. Nothing a part imports at the top loads pydantic or sqlite-utils: `vpl set`,
`vpl history` and `vpl undo` import neither; the parts that build models import them
inside the methods that do.

Every write takes SQLite's write lock up front (`BEGIN IMMEDIATE`) and runs in one
transaction, so a change and its history row land together or not at all, and two
controllers on one database queue for the lock instead of failing.

A `Store` is bound to the thread that opened it (as its sqlite3 connection is); a worker
thread opens its own with `Store.open(store.path)`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from vpl_tui.db.budget import StaleFigure
from vpl_tui.db.changes import current_user, end_of_day_utc, parse_time, utc_now
from vpl_tui.db.connection import (
    BUSY_TIMEOUT_MS,
    YIELD_AFTER_WRITE,
    database_error,
    translate,
)
from vpl_tui.db.export import PlanExport
from vpl_tui.db.followup import FollowupStore
from vpl_tui.db.forecasts import ForecastStore
from vpl_tui.db.history import StaleChange
from vpl_tui.db.load import CHECKED_AFTER_LOAD, LOAD_CACHE_KIB, PlanLoad
from vpl_tui.db.mine_reads import MineReads
from vpl_tui.db.opening import open_prepared
from vpl_tui.db.outcomes import OutcomeStore
from vpl_tui.db.plan_edit import PlanEdit
from vpl_tui.db.replay import AsOfReplay

if TYPE_CHECKING:
    from vpl_tui.model import Plan

__all__ = [
    "BUSY_TIMEOUT_MS",
    "CHECKED_AFTER_LOAD",
    "LOAD_CACHE_KIB",
    "YIELD_AFTER_WRITE",
    "StaleChange",
    "StaleFigure",
    "Store",
    "current_user",
    "database_error",
    "end_of_day_utc",
    "parse_time",
    "utc_now",
]


class Store(
    MineReads,
    PlanExport,
    PlanLoad,
    PlanEdit,
    AsOfReplay,
    OutcomeStore,
    FollowupStore,
    ForecastStore,
):
    """A plan database on disk. Open with `Store.open(path)`.

    Its methods are its parts' (BudgetStore and TreeReads come in through PlanExport, the
    status history, `StatusHistory`, through PlanEdit, whose plan changes build on it).
    """

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        seed: Callable[[], Plan] | None = None,
        create_folder: bool = False,
    ) -> Store:
        """Open (and create or upgrade) the database at `path`.

        Args:
            path: The database file. It is created when missing.
            seed: Called for the plan to load when the database holds none yet.
            create_folder: Create missing parent folders (for the default location only;
                a mistyped `--db` folder is an error, not a new folder).

        Raises:
            VplError: not a SQLite file, another program's database, a newer schema,
                a missing folder, or a file that cannot be written.
        """
        store = open_prepared(cls, Path(path), create_folder=create_folder)
        try:
            if seed is not None and not store.has_plan():
                store._seed(seed)
        except sqlite3.DatabaseError as error:
            store.close()
            raise translate(error, store.display_name) from None
        except BaseException:
            store.close()
            raise
        return store

    def _seed(self, seed: Callable[[], Plan]) -> None:
        plan = seed()
        with self._write():
            if not self.has_plan():  # another process may have seeded it meanwhile
                self._replace_plan(plan, source="bundled")
                self._write_forecasts(self._forecasts_after_load(plan.budget, merge=False))

    def __enter__(self) -> Store:
        return self
