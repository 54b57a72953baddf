"""The Store: the only place that speaks SQL. It turns rows into models and records and back.

Every write takes SQLite's write lock up front (`BEGIN IMMEDIATE`) and runs inside one
`db.atomic()`, so a change and its history row land together or not at all, and two
controllers on one database queue for the lock instead of failing. A status change checks
the status the caller last saw; if someone else changed it in between, `StaleChange` says
so and nothing is written.

A `Store` is bound to the thread that opened it (as its sqlite3 connection is); a worker
thread opens its own with `Store.open(store.path)`.
"""

from __future__ import annotations

import getpass
import json
import os
import random
import sqlite3
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, get_args

from vpl_tui.db.rows import format_time, number_text
from vpl_tui.db.schema import LATEST_VERSION, MIGRATIONS, OWN_TABLES
from vpl_tui.db.sql_rules import open_sql, overdue_sql, progress_columns
from vpl_tui.errors import VplError
from vpl_tui.figures import figure_problem, unit_of
from vpl_tui.numbers import format_amount
from vpl_tui.progress import Progress
from vpl_tui.records import (
    ActivityRecord,
    AllocationFigure,
    BudgetFigures,
    Earmark,
    FigureChangeRecord,
    FigureRecord,
    FocusRecord,
    GoalHead,
    GoalRecord,
    HistoryRecord,
    InitiativeHead,
    InitiativeRecord,
    InvestmentLineFigures,
    InvestmentTable,
    MetricRecord,
    OperatingFigures,
    OverdueRecord,
    PlanRecord,
    PotFigures,
    UnitFigures,
    UnitTable,
)
from vpl_tui.safetext import clean, normalise
from vpl_tui.statuses import DONE, INITIAL_STATUS, STATUSES, toggle_target

# The pydantic models are imported where they are built, not here: pydantic costs every
# start ~100 ms, and the summary reads nothing that needs a model.
if TYPE_CHECKING:
    import sqlite_utils

    from vpl_tui.db.rows import PlanRows
    from vpl_tui.model import (
        Activity,
        Budget,
        FigureChange,
        Focus,
        HistoryEntry,
        Metric,
        Plan,
        PlanInfo,
    )

BUSY_TIMEOUT_MS = 30_000
"""How long a writer waits for another's lock before giving up (SQLite's busy handler)."""
YIELD_AFTER_WRITE = 0.001
"""Seconds a writer pauses after its commit, so that another waiting for the lock gets it."""
CHECKED_AFTER_LOAD = (
    "focus_item",
    "focus_goal",
    "initiative",
    "metric",
    "metric_target",
    "budget_figure",
    "budget_history",
    "pot_allocation_funds",
)
"""Tables whose references `replace_plan` checks before it commits: all but the two large
tables, whose rows refer only to what they are nested under in the plan file."""
LOAD_CACHE_KIB = -131_072
"""SQLite's page cache while a plan is replaced (negative: KiB), at most 128 MiB."""
_TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


class _Database:
    """The store's sqlite-utils `Database`, made on the first write; reads go to sqlite3.

    Importing sqlite-utils costs ~60 ms (it loads click, dateutil and its plugin hooks):
    a third of `vpl summary` on a region's plan, and part of every start of the app. The
    store's reads are plain SELECTs, for which sqlite-utils' `query()` and `execute()` do
    what sqlite3 does (a dict per row, a cursor); so those run here, and everything else
    (writes, `atomic()`) goes to sqlite-utils, imported when first needed.
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
        if not _is_select(sql):
            return self.full.execute(sql, params)
        return self.conn.execute(sql, () if params is None else params)

    def atomic(self) -> Any:
        return self.full.atomic()

    def close(self) -> None:
        self.conn.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.full, name)


def _is_select(sql: str) -> bool:
    return sql.lstrip()[:6].upper() == "SELECT"


class StaleChange(VplError):
    """The activity changed since the caller saw it; `current` is what it is now."""

    def __init__(self, ref: str, current: ActivityRecord) -> None:
        super().__init__("error.stale", ref=clean(ref), status=current.status)
        self.current = current


class StaleFigure(VplError):
    """The budget figure changed since the caller saw it."""

    def __init__(self, address: str, current: Decimal) -> None:
        shown = format_amount(current)
        super().__init__("error.stale_figure", address=clean(address), value=shown)
        self.current = current


def current_user() -> str:
    """Who is making changes: `VPL_USER`, else the login name."""
    explicit = os.environ.get("VPL_USER")
    if explicit:
        return explicit
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def utc_now() -> datetime:
    return datetime.now(UTC)


def parse_time(text: str) -> datetime:
    return datetime.strptime(text, _TIME_FORMAT).replace(tzinfo=UTC)


def end_of_day_utc(day: date) -> str:
    """The stored-time text of the end of `day` in the local time zone (exclusive bound)."""
    local_midnight = datetime.combine(day + timedelta(days=1), datetime.min.time()).astimezone()
    return format_time(local_midnight)


def _decimal(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


class _BudgetKinds(NamedTuple):
    """What `Store._read_budget` builds a budget of: the models, or the plain records."""

    budget: Callable[..., Any]
    operating: Callable[..., Any]
    units: Callable[..., Any]
    unit: Callable[..., Any]
    pot: Callable[..., Any]
    allocation: Callable[..., Any]
    investments: Callable[..., Any]
    line: Callable[..., Any]


_LIGHT_BUDGET = _BudgetKinds(
    budget=BudgetFigures,
    operating=OperatingFigures,
    units=UnitTable,
    unit=UnitFigures,
    pot=PotFigures,
    allocation=AllocationFigure,
    investments=InvestmentTable,
    line=InvestmentLineFigures,
)


class Store:
    """A plan database on disk. Open with `Store.open(path)`."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self.db = _Database(connection)
        self.db.conn.create_function("vpl_fold", 1, _fold, deterministic=True)
        self.display_name = clean(str(path))

    # -- opening ------------------------------------------------------------------------

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
        path = Path(path)
        shown = clean(str(path))
        if not path.parent.exists():
            if not create_folder:
                raise VplError("error.db_no_folder", db=shown, folder=clean(str(path.parent)))
            path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_dir():
            raise VplError("error.db_cannot_open", db=shown, reason="is a folder")
        read_only = _read_only_error(path, shown)
        if read_only is not None and not path.exists():
            raise read_only  # nothing to read, and no file can be created
        try:
            if read_only is None:
                connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
            else:
                connection = sqlite3.connect(
                    _read_only_uri(path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000
                )
        except sqlite3.Error as error:
            raise VplError("error.db_cannot_open", db=shown, reason=clean(str(error))) from None
        store = cls(path, connection)
        store.read_only = read_only
        try:
            store._prepare()
            if seed is not None and not store.has_plan():
                store._seed(seed)
        except sqlite3.DatabaseError as error:
            connection.close()
            raise _translate(error, shown) from None
        except BaseException:
            connection.close()
            raise
        return store

    read_only: VplError | None = None
    """Why this database cannot be written (its file or folder is read-only), or None.

    Such a database is opened read-only, so that the summary, the history and the export
    still work; every write raises this error before it touches anything.
    """

    def _prepare(self) -> None:
        conn = self.db.conn
        # Reading the schema first turns "file is not a database" into a clear error early.
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        self._check_not_foreign(version)
        if version > LATEST_VERSION:
            raise VplError(
                "error.db_too_new", db=self.display_name, found=version, known=LATEST_VERSION
            )
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if self.read_only is not None:
            if version < LATEST_VERSION:  # it would need creating or upgrading: a write
                raise self.read_only
            return
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
        if mode != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        # FULL: a change that was reported saved survives a power cut, not only a crash.
        conn.execute("PRAGMA synchronous = FULL")
        if version < LATEST_VERSION:
            self._migrate()

    def _check_not_foreign(self, version: int) -> None:
        # At any version: other programs set user_version too (1 is a popular choice),
        # and a database without vpl's tables is not vpl's, whatever its number says.
        tables = {row["name"] for row in self.db.query("SELECT name FROM sqlite_master")}
        tables = {name for name in tables if not name.startswith("sqlite_")}
        if (tables or version != 0) and not tables >= OWN_TABLES:
            shown = ", ".join(sorted(clean(name) for name in tables)[:5]) or "-"
            raise VplError("error.db_foreign", db=self.display_name, tables=shown)

    def _migrate(self) -> None:
        with self._write():
            # Another process may have migrated while this one waited for the lock.
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
            if version > LATEST_VERSION:
                raise VplError(
                    "error.db_too_new", db=self.display_name, found=version, known=LATEST_VERSION
                )
            for number in range(version, LATEST_VERSION):
                for statement in _split_statements(MIGRATIONS[number]):
                    self.db.execute(statement)
            self.db.execute(f"PRAGMA user_version = {LATEST_VERSION}")

    def _seed(self, seed: Callable[[], Plan]) -> None:
        plan = seed()
        with self._write():
            if not self.has_plan():  # another process may have seeded it meanwhile
                self._replace_plan(plan, source="bundled")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions --------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[None]:
        """One write transaction holding SQLite's write lock from its first statement.

        A plain BEGIN would take the lock at the first write, and a reader that wants to
        write after another process committed would fail at once instead of waiting.
        """
        if self.read_only is not None:
            raise self.read_only
        conn = self.db.conn
        if conn.in_transaction:
            with self.db.atomic():
                yield
            return
        try:
            self._begin_immediate()
            try:
                with self.db.atomic():
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
        # Let a writer that waits have its turn before this one writes again.
        time.sleep(YIELD_AFTER_WRITE)

    def _begin_immediate(self) -> None:
        """BEGIN IMMEDIATE, waiting up to BUSY_TIMEOUT_MS for another writer's lock.

        SQLite's own busy handler sleeps longer and longer between tries (100 ms at the
        end), so a writer waiting behind one that writes in a loop kept missing the short
        moments the lock was free: in the reliability test a `vpl set` waited for all
        500 changes of another process, and a longer loop would have made it fail with
        "busy". Trying every fraction of a millisecond, with the pause every writer takes
        after its commit (YIELD_AFTER_WRITE), the two take turns.
        """
        conn = self.db.conn
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
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
                    time.sleep(random.uniform(0.0002, 0.001))
        finally:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    def data_version(self) -> int:
        """Changes whenever another connection commits: cheap to poll for outside changes."""
        # On the connection itself: `_Database.execute` hands anything but a SELECT to
        # sqlite-utils, whose import would cost the app's start ~60 ms.
        return self.db.conn.execute("PRAGMA data_version").fetchone()[0]

    # -- the whole plan ------------------------------------------------------------------

    def has_plan(self) -> bool:
        return self.db.execute("SELECT EXISTS (SELECT 1 FROM plan)").fetchone()[0] == 1

    def replace_plan(self, plan: Plan | PlanRows, *, source: str = "") -> None:
        """Replace everything in the database with `plan`, in one transaction.

        `plan` is a validated plan or its rows (`db/bulk.py` reads a region's plan file
        straight into rows, in several processes).
        """
        conn = self.db.conn
        cache_size = conn.execute("PRAGMA cache_size").fetchone()[0]
        # A region's plan is 50 MB of pages: with room for all of them, SQLite does not
        # write half-made pages out and read them back while the rows go in.
        conn.execute(f"PRAGMA cache_size = {LOAD_CACHE_KIB}")
        # The rows of activities and their history refer to what they are written under
        # in the file (goal, initiative, activity, the change an undo reverts), so they
        # cannot point at nothing; checking each of 230 000 references as it goes in is a
        # tenth of `vpl load` at 100 000 activities. The other tables' references are
        # checked before the commit (`_check_references`). Outside a transaction only:
        # SQLite ignores the setting inside one.
        conn.execute("PRAGMA foreign_keys = OFF")
        try:
            with self._write():
                self._replace_plan(plan, source=source)
                self._check_references(CHECKED_AFTER_LOAD)
        finally:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute(f"PRAGMA cache_size = {int(cache_size)}")

    def _check_activity_values(self) -> None:
        """Refuse to commit an activity whose kind or status the table's CHECKs forbid."""
        from vpl_tui.model import ActivityKind

        kinds, statuses = get_args(ActivityKind), STATUSES
        broken = self.db.conn.execute(
            f"SELECT ref FROM activity WHERE kind NOT IN ({', '.join('?' * len(kinds))}) "
            f"OR status NOT IN ({', '.join('?' * len(statuses))}) LIMIT 1",
            (*kinds, *statuses),
        ).fetchone()
        if broken is not None:
            raise sqlite3.IntegrityError(f"CHECK constraint failed: activity {broken[0]}")

    def _check_references(self, tables: Iterable[str]) -> None:
        """Refuse to commit rows of `tables` whose references point at nothing (a bug)."""
        for table in tables:
            broken = self.db.conn.execute(f'PRAGMA foreign_key_check("{table}")').fetchone()
            if broken is not None:
                raise sqlite3.IntegrityError(f"{table} refers to a missing {broken[2]} row")

    def _replace_plan(self, plan: Plan | PlanRows, *, source: str) -> None:
        from vpl_tui.db.rows import PlanRows, history_rows, plan_rows

        rows = plan if isinstance(plan, PlanRows) else plan_rows(plan)
        execute, many = self.db.execute, self.db.conn.executemany
        execute("INSERT INTO plan_replacement (id) VALUES (1)")
        for table in (
            "budget_history",
            "budget_figure",
            "budget_line",
            "budget_column",
            "budget",
            "pot_allocation_funds",
            "pot_allocation",
            "earmarked_pot",
            "status_history",
            "metric_target",
            "metric",
            "activity",
            "initiative",
            "focus_goal",
            "focus_item",
            "focus",
            "goal",
            "mandate",
            "plan",
        ):
            execute(f"DELETE FROM {table}")
        info = rows.info
        execute(
            "INSERT INTO plan (id, title, organisation, municipality, year, period, "
            "currency_unit, loaded_at, source) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                info.title,
                info.organisation,
                info.municipality,
                info.year,
                info.period,
                info.currency_unit,
                format_time(utc_now()),
                source,
            ),
        )
        many(
            "INSERT INTO mandate (part, position, body) VALUES (?, ?, ?)",
            [
                (part, position, getattr(rows.mandate, part))
                for position, part in enumerate(type(rows.mandate).model_fields)
            ],
        )
        goals = rows.goals
        many("INSERT INTO goal VALUES (?, ?, ?, ?, ?, ?, ?, ?)", goals.goals)
        many("INSERT INTO initiative VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", goals.initiatives)
        many("INSERT INTO metric VALUES (?, ?, ?, ?, ?, ?, ?)", goals.metrics)
        many("INSERT INTO metric_target VALUES (?, ?, ?)", goals.targets)
        # The indexes of the two big tables are dropped and made again once their rows are
        # in: SQLite builds an index from all its rows at once twice as fast as it grows one
        # row by row, which is a second of `vpl load` at 100 000 activities.
        indexes = execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            "AND tbl_name IN ('activity', 'status_history')"
        ).fetchall()
        for name, _ in indexes:
            execute(f'DROP INDEX "{name}"')
        # SQLite evaluates the CHECKs' IN lists (kind, status) for every row, half the time
        # of this insert at 100 000 activities (0.45 s); one query checks them all after.
        execute("PRAGMA ignore_check_constraints = ON")
        try:
            many(
                'INSERT INTO activity (ref, goal_number, initiative_id, position, title, kind, start, "end", '
                "status, version, title_folded) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                sorted(goals.activities, key=itemgetter(0)),  # by ref: see `goal_rows`
            )
        finally:
            execute("PRAGMA ignore_check_constraints = OFF")
        self._check_activity_values()
        many(
            "INSERT INTO status_history (id, ref, at, from_status, to_status, note, user, undo_of)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            history_rows(goals.histories),
        )
        for _, sql in indexes:
            execute(sql)
        for f_position, focus in enumerate(rows.focus):
            execute(
                "INSERT INTO focus (id, position, title, intro) VALUES (?, ?, ?, ?)",
                (f_position + 1, f_position, focus.title, focus.intro),
            )
            many(
                "INSERT INTO focus_item VALUES (?, ?, ?)",
                [(f_position + 1, i, text) for i, text in enumerate(focus.items)],
            )
            many(
                "INSERT INTO focus_goal VALUES (?, ?, ?)",
                [(f_position + 1, i, number) for i, number in enumerate(focus.goals)],
            )
        if rows.budget is not None:
            self._insert_budget(rows.budget)
        execute("DELETE FROM plan_replacement")

    def _insert_budget(self, budget: Budget) -> None:
        from vpl_tui.model import OPERATING_LINES, figure_values

        execute, many = self.db.execute, self.db.conn.executemany
        execute(
            "INSERT INTO budget (id, unit, explanation, investments_explanation) VALUES (1, ?, ?, ?)",
            (
                budget.unit,
                budget.explanation,
                budget.investments.explanation if budget.investments else "",
            ),
        )
        columns = [("operating", int(y), k) for y, k in budget.operating.columns.items()]
        lines = [("operating", line, i, "") for i, line in enumerate(OPERATING_LINES)]
        if budget.units is not None:
            columns += [("units", int(y), k) for y, k in budget.units.columns.items()]
            lines += [("units", u.name, i, "") for i, u in enumerate(budget.units.units)]
            lines.append(("units", "total", len(budget.units.units), ""))
        if budget.investments is not None:
            inv = budget.investments
            columns += [("investments", int(y), k) for y, k in inv.columns.items()]
            lines.append(("investments", "net_investments", 0, ""))
            lines += [
                ("investments", line.name, i + 1, line.description)
                for i, line in enumerate(inv.lines)
            ]
            lines.append(("investments", "total", len(inv.lines) + 1, ""))
        if budget.pot is not None:
            pot = budget.pot
            execute(
                "INSERT INTO earmarked_pot (id, name, period, year) VALUES (1, ?, ?, ?)",
                (pot.name, pot.period, pot.year),
            )
            many(
                "INSERT INTO pot_allocation VALUES (?, ?, ?)",
                [(a.id, i, a.title) for i, a in enumerate(pot.allocations)],
            )
            many(
                "INSERT INTO pot_allocation_funds VALUES (?, ?, ?)",
                [(a.id, i, target) for a in pot.allocations for i, target in enumerate(a.funds)],
            )
            lines.append(("pot", "total", 0, ""))
            lines += [("pot", a.id, i + 1, "") for i, a in enumerate(pot.allocations)]
        many("INSERT INTO budget_column VALUES (?, ?, ?)", columns)
        many("INSERT INTO budget_line VALUES (?, ?, ?, ?)", lines)
        current = figure_values(budget)
        # The published figure is where a figure's first change started from.
        published = dict(current)
        for change in reversed(budget.changes):
            published[(change.table, change.line, change.year)] = change.from_value
        many(
            "INSERT INTO budget_figure VALUES (?, ?, ?, ?, ?)",
            [
                (table, line, year, number_text(value), number_text(published[(table, line, year)]))
                for (table, line, year), value in current.items()
            ],
        )
        many(
            "INSERT INTO budget_history (table_name, line, year, at, from_value, to_value, note, "
            "user) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    c.table,
                    c.line,
                    c.year,
                    format_time(c.at),
                    number_text(c.from_value),
                    number_text(c.to),
                    c.note,
                    c.user,
                )
                for c in budget.changes
            ],
        )

    def export_plan(self) -> Plan:
        """The whole plan as it stands, with statuses and history, as a validated model."""
        from vpl_tui.model import Activity, Goal, Initiative, Mandate, Plan, PlanInfo

        self._require_plan()
        query = self.db.query
        # One read transaction, so the export is one consistent moment even with writers.
        with self.db.atomic():
            info = next(query("SELECT * FROM plan WHERE id = 1"))
            mandate = {
                row["part"]: row["body"]
                for row in query("SELECT part, body FROM mandate ORDER BY position")
            }
            metrics = self._metrics_by_owner()
            history = self._history_by_ref()
            activities: dict[tuple[str, str | None], list[Activity]] = defaultdict(list)
            for row in query(
                "SELECT * FROM activity ORDER BY goal_number, initiative_id, position"
            ):
                entries = history.get(row["ref"], [])
                activities[(row["goal_number"], row["initiative_id"])].append(
                    Activity(
                        ref=row["ref"],
                        title=row["title"],
                        kind=row["kind"],
                        start=date.fromisoformat(row["start"]),
                        end=date.fromisoformat(row["end"]),
                        status=row["status"],
                        history=entries,
                    )
                )
            initiatives: dict[str, list[Initiative]] = defaultdict(list)
            for row in query("SELECT * FROM initiative ORDER BY goal_number, position"):
                initiatives[row["goal_number"]].append(
                    Initiative(
                        id=row["id"],
                        title=row["title"],
                        purpose=row["purpose"],
                        resources=row["resources"],
                        earmarked_mkr=_decimal(row["earmarked_mkr"]),
                        council_goal=row["council_goal"],
                        comment=row["comment"],
                        metrics_note=row["metrics_note"],
                        metrics=metrics.get((row["goal_number"], row["id"]), []),
                        activities=activities.get((row["goal_number"], row["id"]), []),
                    )
                )
            goals = [
                Goal(
                    number=row["number"],
                    kind=row["kind"],
                    title=row["title"],
                    description=row["description"],
                    resources=row["resources"],
                    earmarked_mkr=_decimal(row["earmarked_mkr"]),
                    council_goal=row["council_goal"],
                    metrics=metrics.get((row["number"], None), []),
                    initiatives=initiatives.get(row["number"], []),
                    activities=activities.get((row["number"], None), []),
                )
                for row in query("SELECT * FROM goal ORDER BY position")
            ]
            budget = self.budget()
        return Plan.model_construct(
            plan=PlanInfo(
                title=info["title"],
                organisation=info["organisation"],
                municipality=info["municipality"],
                year=info["year"],
                period=info["period"],
                currency_unit=info["currency_unit"],
            ),
            mandate=Mandate(**mandate),
            focus=self.focus_lists(),
            goals=goals,
            budget=budget,
        )

    def _metrics_by_owner(self) -> dict[tuple[str, str | None], list[Metric]]:
        from vpl_tui.model import Metric

        targets: dict[int, dict[str, str]] = defaultdict(dict)
        for row in self.db.query("SELECT * FROM metric_target ORDER BY metric_id, year"):
            targets[row["metric_id"]][str(row["year"])] = row["target"]
        metrics: dict[tuple[str, str | None], list[Metric]] = defaultdict(list)
        for row in self.db.query(
            "SELECT * FROM metric ORDER BY goal_number, initiative_id, position"
        ):
            metrics[(row["goal_number"], row["initiative_id"])].append(
                Metric(
                    name=row["name"],
                    latest=row["latest"],
                    latest_year=row["latest_year"],
                    targets=targets.get(row["id"], {}),
                )
            )
        return metrics

    def _history_by_ref(self) -> dict[str, list[HistoryEntry]]:
        from vpl_tui.model import HistoryEntry

        entries: dict[str, list[HistoryEntry]] = defaultdict(list)
        index_of: dict[int, int] = {}
        for row in self.db.query("SELECT * FROM status_history ORDER BY ref, id"):
            index_of[row["id"]] = len(entries[row["ref"]])
            entries[row["ref"]].append(
                HistoryEntry.model_construct(
                    at=parse_time(row["at"]),
                    from_status=row["from_status"],
                    to=row["to_status"],
                    note=row["note"],
                    user=row["user"],
                    undoes=None if row["undo_of"] is None else index_of[row["undo_of"]],
                )
            )
        return entries

    def _require_plan(self) -> None:
        if not self.has_plan():
            raise VplError("error.db_empty", db=self.display_name)

    # -- reading, one level at a time ---------------------------------------------------

    def plan_info(self) -> PlanInfo:
        from vpl_tui.model import PlanInfo

        self._require_plan()
        row = next(self.db.query("SELECT * FROM plan WHERE id = 1"))
        # model_construct here and below: what the store reads was validated on its way
        # in, and building pydantic's validators costs the summary and the app's first
        # screen ~100 ms when nothing else needs them.
        return PlanInfo.model_construct(
            title=row["title"],
            organisation=row["organisation"],
            municipality=row["municipality"],
            year=row["year"],
            period=row["period"],
            currency_unit=row["currency_unit"],
        )

    def plan_record(self) -> PlanRecord:
        """What `plan_info()` gives, as a plain record: for what must start without pydantic."""
        self._require_plan()
        row = self.db.execute(
            "SELECT title, organisation, municipality, year, period, currency_unit "
            "FROM plan WHERE id = 1"
        ).fetchone()
        return PlanRecord(*row)

    def mandate_texts(self) -> dict[str, str]:
        """The mandate's parts (the field names of `model.Mandate`) and texts, in plan order.

        Read without pydantic: the app's first screen shows the mandate.
        """
        rows = self.db.execute("SELECT part, body FROM mandate ORDER BY position")
        return {part: body for part, body in rows}

    def focus_lists(self) -> list[Focus]:
        from vpl_tui.model import Focus

        return [
            Focus.model_construct(
                title=focus.title,
                intro=focus.intro,
                items=list(focus.items),
                goals=list(focus.goals),
            )
            for focus in self.focus_records()
        ]

    def focus_records(self) -> list[FocusRecord]:
        """What `focus_lists()` gives, as plain records: the app starts without pydantic."""
        items: dict[int, list[str]] = defaultdict(list)
        for row in self.db.query("SELECT * FROM focus_item ORDER BY focus_id, position"):
            items[row["focus_id"]].append(row["text"])
        goals: dict[int, list[str]] = defaultdict(list)
        for row in self.db.query("SELECT * FROM focus_goal ORDER BY focus_id, position"):
            goals[row["focus_id"]].append(row["goal_number"])
        return [
            FocusRecord(
                title=row["title"],
                intro=row["intro"],
                items=tuple(items.get(row["id"], [])),
                goals=tuple(goals.get(row["id"], [])),
            )
            for row in self.db.query("SELECT * FROM focus ORDER BY position")
        ]

    _PROGRESS = progress_columns("a.", ":today")

    def goals(self, today: date | None = None) -> list[GoalRecord]:
        """Every goal with the progress of all activities under it (its initiatives' too).

        The goals come back as one row, a JSON array, rather than a row each: sqlite3 lets
        go of the GIL for every row it steps to and must take it back, and in a worker
        beside a busy event loop (the app's first screen reads this while Textual starts)
        each taking back waits its turn, which made the read two to three times slower.
        """
        today_text = (today or date.today()).isoformat()
        sql = f"""
            SELECT json_group_array(json_array(
                position, number, kind, title, description, resources, council_goal,
                total, done, overdue, cancelled, initiatives, metrics))
            FROM (
                SELECT g.*, {self._PROGRESS},
                    (SELECT COUNT(*) FROM initiative i WHERE i.goal_number = g.number)
                        AS initiatives,
                    (SELECT COUNT(*) FROM metric m WHERE m.goal_number = g.number
                        AND m.initiative_id IS NULL) AS metrics
                FROM goal g LEFT JOIN activity a ON a.goal_number = g.number
                GROUP BY g.number
            )
        """
        (rows,) = self.db.execute(sql, {"today": today_text}).fetchone()
        # Amounts are read as every other read takes them (Python's float, then Decimal):
        # SQLite writes a REAL into JSON with 15 digits, which could show a figure here
        # that the budget screen and the export show otherwise.
        earmarks = dict(
            self.db.execute(
                "SELECT number, earmarked_mkr FROM goal WHERE earmarked_mkr IS NOT NULL"
            ).fetchall()
        )
        # Sorted here: SQLite 3.40 cannot order the elements of an aggregate.
        return [
            GoalRecord(
                number=number,
                kind=kind,
                title=title,
                description=description,
                resources=resources,
                earmarked_mkr=_decimal(earmarks.get(number)),
                council_goal=council_goal,
                progress=Progress(total, done, overdue, cancelled),
                initiative_count=initiatives,
                metric_count=metrics,
            )
            for (
                _,
                number,
                kind,
                title,
                description,
                resources,
                council_goal,
                total,
                done,
                overdue,
                cancelled,
                initiatives,
                metrics,
            ) in sorted(json.loads(rows), key=itemgetter(0))
        ]

    def initiatives(self, goal_number: str, today: date | None = None) -> list[InitiativeRecord]:
        """The initiatives of a goal, each with the progress of its activities."""
        today_text = (today or date.today()).isoformat()
        sql = f"""
            SELECT i.*, {self._PROGRESS},
                (SELECT COUNT(*) FROM metric m WHERE m.initiative_id = i.id) AS metrics
            FROM initiative i LEFT JOIN activity a ON a.initiative_id = i.id
            WHERE i.goal_number = :goal
            GROUP BY i.id ORDER BY i.position
        """
        return [
            InitiativeRecord(
                id=row["id"],
                goal_number=row["goal_number"],
                title=row["title"],
                purpose=row["purpose"],
                resources=row["resources"],
                earmarked_mkr=_decimal(row["earmarked_mkr"]),
                council_goal=row["council_goal"],
                comment=row["comment"],
                metrics_note=row["metrics_note"],
                progress=Progress(row["total"], row["done"], row["overdue"], row["cancelled"]),
                metric_count=row["metrics"],
            )
            for row in self.db.query(sql, {"goal": goal_number, "today": today_text})
        ]

    def initiative(self, initiative_id: str, today: date | None = None) -> InitiativeRecord:
        row = self.db.execute(
            "SELECT goal_number FROM initiative WHERE id = ?", (initiative_id,)
        ).fetchone()
        if row is None:
            raise VplError("error.unknown_ref", db=self.display_name, ref=clean(initiative_id))
        return next(i for i in self.initiatives(row[0], today) if i.id == initiative_id)

    def goal(self, number: str, today: date | None = None) -> GoalRecord:
        for goal in self.goals(today):
            if goal.number == number:
                return goal
        raise VplError("error.unknown_ref", db=self.display_name, ref=clean(number))

    def activities(
        self, goal_number: str | None = None, initiative_id: str | None = None
    ) -> list[ActivityRecord]:
        """Activities in plan order: of one initiative, of a goal (not its initiatives'), or all."""
        # Qualified names: the initiative table joined below has a goal_number column too.
        if initiative_id is not None:
            where, params = "a.initiative_id = ?", (initiative_id,)
        elif goal_number is not None:
            where, params = "a.goal_number = ? AND a.initiative_id IS NULL", (goal_number,)
        else:
            where, params = "1", ()
        sql = (
            f"SELECT a.* FROM activity a JOIN goal g ON g.number = a.goal_number "
            f"LEFT JOIN initiative i ON i.id = a.initiative_id WHERE {where} "
            f"ORDER BY g.position, a.initiative_id IS NOT NULL, i.position, a.position"
        )
        return [_activity(row) for row in self.db.query(sql, params)]

    def activity(self, ref: str) -> ActivityRecord:
        rows = list(self.db.query("SELECT * FROM activity WHERE ref = ?", (ref,)))
        if not rows:
            raise VplError("error.unknown_ref", db=self.display_name, ref=clean(ref))
        return _activity(rows[0])

    def metrics(self, goal_number: str, initiative_id: str | None = None) -> list[MetricRecord]:
        """The metrics of a goal (not its initiatives') or of one initiative.

        Plain records (the attributes of `model.Metric`): the app shows them as the cursor
        moves, and building pydantic models would load pydantic on the first goal shown.
        """
        if initiative_id is None:
            where, params = "goal_number = ? AND initiative_id IS NULL", (goal_number,)
        else:
            where, params = "initiative_id = ?", (initiative_id,)
        rows = list(self.db.query(f"SELECT * FROM metric WHERE {where} ORDER BY position", params))
        targets: dict[int, dict[str, str]] = defaultdict(dict)
        if rows:
            ids = [row["id"] for row in rows]
            marks = ",".join("?" * len(ids))
            for target in self.db.query(
                f"SELECT * FROM metric_target WHERE metric_id IN ({marks}) ORDER BY year", ids
            ):
                targets[target["metric_id"]][str(target["year"])] = target["target"]
        return [
            MetricRecord(row["name"], row["latest"], row["latest_year"], targets.get(row["id"], {}))
            for row in rows
        ]

    def status_counts(self) -> dict[str, int]:
        return {
            row["status"]: row["n"]
            for row in self.db.query("SELECT status, COUNT(*) AS n FROM activity GROUP BY status")
        }

    def search(self, text: str, limit: int = 500) -> list[ActivityRecord]:
        """Activities whose title or ref contains `text`, ignoring case and accents."""
        needle = f"%{_escape_like(normalise(text))}%"
        sql = (
            "SELECT a.* FROM activity a JOIN goal g ON g.number = a.goal_number "
            "LEFT JOIN initiative i ON i.id = a.initiative_id "
            # title_folded is vpl_fold(title), stored; refs are ASCII, for which LIKE
            # ignores case just as folding would.
            "WHERE a.title_folded LIKE :needle ESCAPE '\\' "
            "OR a.ref LIKE :needle ESCAPE '\\' "
            "ORDER BY g.position, a.initiative_id IS NOT NULL, i.position, a.position LIMIT :limit"
        )
        return [_activity(row) for row in self.db.query(sql, {"needle": needle, "limit": limit})]

    # -- status changes -------------------------------------------------------------------

    def set_status(
        self,
        ref: str,
        status: str,
        *,
        note: str = "",
        user: str | None = None,
        expected_version: int | None = None,
    ) -> HistoryRecord | None:
        """Change an activity's status and append its history row, in one transaction.

        Args:
            ref: The activity.
            status: The new status code.
            note: Why, in the controller's words.
            user: Who; defaults to `current_user()`.
            expected_version: The version the caller last saw; if the activity has changed
                since, nothing is written and `StaleChange` is raised.

        Returns:
            The history row written, or None when the status was already `status`.
        """
        with self._write():
            current = self.activity(ref)
            if expected_version is not None and current.version != expected_version:
                raise StaleChange(ref, current)
            if current.status == status:
                return None
            return self._append_change(current, status, note, user or current_user(), None)

    def toggle_done(
        self, ref: str, *, user: str | None = None, expected_version: int | None = None
    ) -> HistoryRecord | None:
        """Mark done; on a done activity, go back to the status it had before it was done."""
        with self._write():
            current = self.activity(ref)
            if expected_version is not None and current.version != expected_version:
                raise StaleChange(ref, current)
            before_done = None
            if current.status == DONE:
                row = self.db.execute(
                    "SELECT from_status FROM status_history WHERE ref = ? AND to_status = ? "
                    "ORDER BY id DESC LIMIT 1",
                    (ref, DONE),
                ).fetchone()
                before_done = row[0] if row else None
            target = toggle_target(current.status, before_done)
            return self._append_change(current, target, "", user or current_user(), None)

    def undo(self, *, user: str | None = None) -> HistoryRecord:
        """Revert `user`'s last status change that is not yet undone, with a new history row.

        Raises:
            VplError: nothing to undo, or the activity has been changed since (by anyone),
                in which case undoing would overwrite a change the user did not see.
        """
        who = user or current_user()
        with self._write():
            row = self.db.execute(
                "SELECT id FROM status_history h WHERE user = ? AND undo_of IS NULL "
                "AND NOT EXISTS (SELECT 1 FROM status_history u WHERE u.undo_of = h.id) "
                "ORDER BY id DESC LIMIT 1",
                (who,),
            ).fetchone()
            if row is None:
                raise VplError("error.nothing_to_undo")
            target = self._history_row(row[0])
            current = self.activity(target.ref)
            if current.status != target.to_status:
                raise VplError("error.undo_conflict", ref=clean(target.ref), status=current.status)
            return self._append_change(current, target.from_status, "", who, target.id)

    def _append_change(
        self, current: ActivityRecord, status: str, note: str, user: str, undo_of: int | None
    ) -> HistoryRecord:
        _check_note_and_user(note, user)
        at = self._not_before("SELECT MAX(at) FROM status_history WHERE ref = ?", (current.ref,))
        self.db.execute(
            "UPDATE activity SET status = ?, version = version + 1 WHERE ref = ?",
            (status, current.ref),
        )
        cursor = self.db.execute(
            "INSERT INTO status_history (ref, at, from_status, to_status, note, user, undo_of) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (current.ref, at, current.status, status, note, user, undo_of),
        )
        return self._history_row(cursor.lastrowid)

    def _not_before(self, latest_sql: str, params: tuple[Any, ...]) -> str:
        """The time for a new history row: now, or the latest earlier row's time if later.

        Two controllers' clocks can disagree by seconds; a history that went back in time
        would make the exported plan file fail its own validation on the next load.
        """
        latest = self.db.execute(latest_sql, params).fetchone()[0]
        return max(format_time(utc_now()), latest or "")

    def _history_row(self, row_id: int | None) -> HistoryRecord:
        rows = list(self.db.query("SELECT * FROM status_history WHERE id = ?", (row_id,)))
        return _history(rows[0])

    def history(self, ref: str | None = None, limit: int | None = None) -> list[HistoryRecord]:
        """Status history, oldest first: of one activity, or the whole plan's latest `limit`."""
        if ref is not None:
            self.activity(ref)  # an unknown ref is an error, not an empty history
            rows = self.db.query("SELECT * FROM status_history WHERE ref = ? ORDER BY id", (ref,))
            return [_history(row) for row in rows]
        if limit is None:
            return [
                _history(row) for row in self.db.query("SELECT * FROM status_history ORDER BY id")
            ]
        rows = self.db.query(
            "SELECT * FROM (SELECT * FROM status_history ORDER BY id DESC LIMIT ?) ORDER BY id",
            (limit,),
        )
        return [_history(row) for row in rows]

    # -- status as of a day, for the summary -------------------------------------------

    def _status_expression(self, as_of: date | None) -> tuple[str, dict[str, str]]:
        if as_of is None or as_of >= date.today():
            return "a.status", {}
        return (
            "COALESCE((SELECT h.to_status FROM status_history h WHERE h.ref = a.ref "
            "AND h.at < :cutoff ORDER BY h.id DESC LIMIT 1), :initial)",
            {"cutoff": end_of_day_utc(as_of), "initial": INITIAL_STATUS},
        )

    def activities_as_of(self, as_of: date) -> list[ActivityRecord]:
        """Every activity in plan order, with the status it had at the end of `as_of`."""
        expression, params = self._status_expression(as_of)
        sql = (
            f'SELECT a.ref, a.goal_number, a.initiative_id, a.title, a.kind, a.start, a."end", '
            f"a.version, {expression} AS status FROM activity a "
            f"JOIN goal g ON g.number = a.goal_number "
            f"LEFT JOIN initiative i ON i.id = a.initiative_id "
            f"ORDER BY g.position, a.initiative_id IS NOT NULL, i.position, a.position"
        )
        return _activities(self.db.execute(sql, params))

    def progress_as_of(self, as_of: date) -> dict[tuple[str, str | None], dict[str, int]]:
        """Counts by status for each goal's own activities and each initiative's, as of a day.

        Keys are (goal number, initiative id or None); values map every status → count and
        `overdue` → count. SQLite does the counting, so this stays fast at any size.
        """
        expression, params = self._status_expression(as_of)
        # One row per goal or initiative, a sum per status: grouped in the order of the
        # activity_by_owner index, which SQLite then needs no sorting for, and a fifth of
        # the rows a (goal, initiative, status) grouping gives Python.
        sums = ", ".join(f"SUM(status = '{status}')" for status in STATUSES)
        sql = (
            f"SELECT goal_number, initiative_id, {sums}, "
            f"SUM({overdue_sql()}) "
            f'FROM (SELECT a.goal_number, a.initiative_id, a."end", {expression} AS status '
            f"FROM activity a{_once(params)}) GROUP BY goal_number, initiative_id"
        )
        keys = (*STATUSES, "overdue")
        return {
            (goal_number, initiative_id): dict(zip(keys, counts, strict=True))
            for goal_number, initiative_id, *counts in self.db.execute(
                sql, {**params, "day": as_of.isoformat()}
            )
        }

    def overdue_as_of(self, as_of: date) -> list[OverdueRecord]:
        """Activities past their end date on `as_of` and neither done nor cancelled.

        In the order the summary lists them: by end date, then in plan order.
        """
        expression, params = self._status_expression(as_of)
        # Only the columns shown: SQLite sorts these rows, and narrower rows sort faster.
        sql = (
            f'SELECT ref, title, "end", status FROM (SELECT a.ref, a.title, a."end", '
            f"{expression} AS status, g.position AS gp, a.initiative_id IS NOT NULL AS own, "
            f"i.position AS ip, a.position AS ap FROM activity a "
            f"JOIN goal g ON g.number = a.goal_number "
            f'LEFT JOIN initiative i ON i.id = a.initiative_id WHERE a."end" < :day'
            f'{_once(params)}) WHERE {open_sql()} ORDER BY "end", gp, own, ip, ap'
        )
        day = date.fromisoformat
        return [
            OverdueRecord(ref, title, day(end), status)
            for ref, title, end, status in self.db.execute(
                sql, {**params, "day": as_of.isoformat()}
            )
        ]

    def all_metrics(self) -> list[tuple[str, str | None, MetricRecord]]:
        """Every metric with the goal number and initiative id it belongs to, in plan order."""
        targets: dict[int, dict[str, str]] = defaultdict(dict)
        for metric_id, year, target in self.db.execute(
            "SELECT metric_id, year, target FROM metric_target ORDER BY metric_id, year"
        ):
            targets[metric_id][str(year)] = target
        sql = (
            "SELECT m.id, m.goal_number, m.initiative_id, m.name, m.latest, m.latest_year "
            "FROM metric m JOIN goal g ON g.number = m.goal_number "
            "LEFT JOIN initiative i ON i.id = m.initiative_id "
            "ORDER BY g.position, m.initiative_id IS NOT NULL, i.position, m.position"
        )
        # Records, not models: the JSON summary reads them, and needs no pydantic.
        return [
            (
                goal_number,
                initiative_id,
                MetricRecord(name, latest, latest_year, targets.get(metric_id, {})),
            )
            for metric_id, goal_number, initiative_id, name, latest, latest_year in self.db.execute(
                sql
            )
        ]

    def outline(self) -> list[tuple[GoalHead, list[InitiativeHead]]]:
        """Every goal with its initiatives, in plan order: numbers, kinds and titles only.

        For what counts activities by itself (the summary): no activity is read.
        """
        initiatives: dict[str, list[InitiativeHead]] = defaultdict(list)
        for ident, goal_number, title in self.db.execute(
            "SELECT id, goal_number, title FROM initiative ORDER BY goal_number, position"
        ):
            initiatives[goal_number].append(InitiativeHead(ident, title))
        return [
            (GoalHead(number, kind, title), initiatives.get(number, []))
            for number, kind, title in self.db.execute(
                "SELECT number, kind, title FROM goal ORDER BY position"
            )
        ]

    # -- the budget -------------------------------------------------------------------------

    def budget(self) -> Budget | None:
        """The budget with its current figures and the history of edits, or None."""
        from vpl_tui import model

        def budget(**fields: Any) -> Budget:
            return model.Budget.model_construct(**fields, changes=self._figure_changes())

        # model_construct: the figures were validated on their way in.
        return self._read_budget(
            _BudgetKinds(
                budget=budget,
                operating=model.OperatingBudget.model_construct,
                units=model.UnitBreakdown.model_construct,
                unit=model.UnitCosts.model_construct,
                pot=model.EarmarkedPot.model_construct,
                allocation=model.Allocation.model_construct,
                investments=model.Investments.model_construct,
                line=model.InvestmentLine.model_construct,
            )
        )

    def budget_figures(self) -> BudgetFigures | None:
        """The budget's current figures as plain records (no history), or None.

        What `vpl_tui.budget.reconcile` reads, with the same attributes as `budget()`
        gives, for the summary: it costs no pydantic, which would double the start of
        `vpl summary`. The figures are read as they stand now, like `budget()`'s.
        """
        return self._read_budget(_LIGHT_BUDGET)

    def _read_budget(self, kinds: _BudgetKinds) -> Any:
        """The budget built of `kinds` (the models or the records), or None without one."""
        head = list(self.db.query("SELECT * FROM budget WHERE id = 1"))
        if not head:
            return None
        columns: dict[str, dict[str, str]] = defaultdict(dict)
        for row in self.db.query("SELECT * FROM budget_column ORDER BY table_name, year"):
            columns[row["table_name"]][str(row["year"])] = row["kind"]
        figures: dict[tuple[str, str], dict[str, Decimal]] = defaultdict(dict)
        for row in self.db.query("SELECT * FROM budget_figure ORDER BY table_name, line, year"):
            figures[(row["table_name"], row["line"])][str(row["year"])] = Decimal(str(row["value"]))
        lines: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in self.db.query("SELECT * FROM budget_line ORDER BY table_name, position"):
            lines[row["table_name"]].append(row)

        def whole(table: str, line: str) -> dict[str, int]:
            return {year: int(value) for year, value in figures.get((table, line), {}).items()}

        operating = kinds.operating(
            columns=columns["operating"],
            # Its lines are net_costs, grant and result (model.OPERATING_LINES), each with
            # a budget_line row since `vpl load`.
            **{row["line"]: whole("operating", row["line"]) for row in lines["operating"]},
        )
        units = None
        if "units" in columns:
            units = kinds.units(
                columns=columns["units"],
                units=[
                    kinds.unit(name=row["line"], net_costs=whole("units", row["line"]))
                    for row in lines["units"]
                    if row["line"] != "total"
                ],
                total=whole("units", "total"),
            )
        investments = None
        if "investments" in columns:
            investments = kinds.investments(
                columns=columns["investments"],
                net_investments=whole("investments", "net_investments"),
                lines=[
                    kinds.line(
                        name=row["line"],
                        description=row["description"],
                        amounts=whole("investments", row["line"]),
                    )
                    for row in lines["investments"]
                    if row["line"] not in ("total", "net_investments")
                ],
                total=whole("investments", "total"),
                explanation=head[0]["investments_explanation"],
            )
        pot = None
        pot_rows = list(self.db.query("SELECT * FROM earmarked_pot WHERE id = 1"))
        if pot_rows:
            year = str(pot_rows[0]["year"])
            funds: dict[str, list[str]] = defaultdict(list)
            for row in self.db.query(
                "SELECT * FROM pot_allocation_funds ORDER BY allocation_id, position"
            ):
                funds[row["allocation_id"]].append(row["target"])
            pot = kinds.pot(
                name=pot_rows[0]["name"],
                period=pot_rows[0]["period"],
                year=pot_rows[0]["year"],
                total_mkr=figures[("pot", "total")][year],
                allocations=[
                    kinds.allocation(
                        id=row["id"],
                        title=row["title"],
                        amount_mkr=figures[("pot", row["id"])][year],
                        funds=funds.get(row["id"], []),
                    )
                    for row in self.db.query("SELECT * FROM pot_allocation ORDER BY position")
                ],
            )
        return kinds.budget(
            unit=head[0]["unit"],
            explanation=head[0]["explanation"],
            operating=operating,
            units=units,
            pot=pot,
            investments=investments,
        )

    def _figure_changes(self) -> list[FigureChange]:
        from vpl_tui.model import FigureChange

        return [
            FigureChange.model_construct(
                table=row["table_name"],
                line=row["line"],
                year=row["year"],
                at=parse_time(row["at"]),
                from_value=Decimal(str(row["from_value"])),
                to=Decimal(str(row["to_value"])),
                note=row["note"],
                user=row["user"],
            )
            for row in self.db.query("SELECT * FROM budget_history ORDER BY id")
        ]

    def earmarks(self) -> list[Earmark]:
        """Every goal's and initiative's stated earmark, in plan order (None where not stated)."""
        result: list[Earmark] = []
        # One query for all: a region's plan has thousands of initiatives.
        rows = self.db.execute(
            "SELECT g.number, g.title, g.earmarked_mkr, i.id, i.title, i.earmarked_mkr "
            "FROM goal g LEFT JOIN initiative i ON i.goal_number = g.number "
            "ORDER BY g.position, i.position"
        )
        previous = None
        for number, title, stated, initiative_id, initiative_title, initiative_stated in rows:
            if number != previous:
                result.append(Earmark(number, title, _decimal(stated), None))
                previous = number
            if initiative_id is not None:
                result.append(
                    Earmark(initiative_id, initiative_title, _decimal(initiative_stated), number)
                )
        return result

    def figures(self) -> list[FigureRecord]:
        """Every budget figure, current and published, in table and line order."""
        sql = (
            "SELECT f.* FROM budget_figure f JOIN budget_line l "
            "ON l.table_name = f.table_name AND l.line = f.line "
            "ORDER BY f.table_name, l.position, f.year"
        )
        return [
            FigureRecord(
                table=row["table_name"],
                line=row["line"],
                year=row["year"],
                value=Decimal(str(row["value"])),
                published=Decimal(str(row["published"])),
            )
            for row in self.db.query(sql)
        ]

    def set_figure(
        self,
        table: str,
        line: str,
        year: int,
        value: Decimal,
        *,
        note: str = "",
        user: str | None = None,
        expected: Decimal | None = None,
    ) -> FigureChangeRecord | None:
        """Edit one budget figure and append its history row, in one transaction.

        Raises:
            VplError: no such figure.
            StaleFigure: the figure is no longer `expected` (someone else edited it).
        """
        address = f"{table}/{line}/{year}"
        with self._write():
            row = self.db.execute(
                "SELECT value FROM budget_figure WHERE table_name = ? AND line = ? AND year = ?",
                (table, line, year),
            ).fetchone()
            if row is None:
                raise VplError("error.unknown_figure", address=clean(address))
            _check_note_and_user(note, user or current_user())
            problem = _figure_problem(table, value)
            if problem is not None:
                raise VplError(problem, address=clean(address), value=value)
            current = Decimal(str(row[0]))
            if expected is not None and current != expected:
                raise StaleFigure(address, current)
            if current == value:
                return None
            self.db.execute(
                "UPDATE budget_figure SET value = ? WHERE table_name = ? AND line = ? AND year = ?",
                (number_text(value), table, line, year),
            )
            cursor = self.db.execute(
                "INSERT INTO budget_history (table_name, line, year, at, from_value, to_value, "
                "note, user) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    table,
                    line,
                    year,
                    self._not_before(
                        "SELECT MAX(at) FROM budget_history "
                        "WHERE table_name = ? AND line = ? AND year = ?",
                        (table, line, year),
                    ),
                    number_text(current),
                    number_text(value),
                    note,
                    user or current_user(),
                ),
            )
            return self.figure_history(row_id=cursor.lastrowid)[0]

    def figure_history(
        self,
        table: str | None = None,
        line: str | None = None,
        year: int | None = None,
        *,
        row_id: int | None = None,
    ) -> list[FigureChangeRecord]:
        """Edits of budget figures, oldest first, optionally of one figure."""
        clauses, params = [], []
        for column, value in (
            ("table_name", table),
            ("line", line),
            ("year", year),
            ("id", row_id),
        ):
            if value is not None:
                clauses.append(f"{column} = ?")
                params.append(value)
        where = " AND ".join(clauses) or "1"
        return [
            FigureChangeRecord(
                id=row["id"],
                table=row["table_name"],
                line=row["line"],
                year=row["year"],
                at=parse_time(row["at"]),
                from_value=Decimal(str(row["from_value"])),
                to_value=Decimal(str(row["to_value"])),
                note=row["note"],
                user=row["user"],
            )
            for row in self.db.query(
                f"SELECT * FROM budget_history WHERE {where} ORDER BY id", params
            )
        ]


def _once(replay_params: dict[str, str]) -> str:
    """`LIMIT -1` for a subquery whose status is replayed from the history, else "".

    A replayed status is a subquery per activity; SQLite copies a plain subquery's
    columns into every place the outer query uses them, and would run it once for each
    (six times in `progress_as_of`). A LIMIT keeps the subquery apart, run once per row.
    """
    return " LIMIT -1" if replay_params else ""


def _activity(row: dict[str, Any]) -> ActivityRecord:
    return ActivityRecord(
        ref=row["ref"],
        title=row["title"],
        kind=row["kind"],
        start=date.fromisoformat(row["start"]),
        end=date.fromisoformat(row["end"]),
        status=row["status"],
        version=row["version"],
        goal_number=row["goal_number"],
        initiative_id=row["initiative_id"],
    )


def _activities(rows: Iterable[tuple[Any, ...]]) -> list[ActivityRecord]:
    """Records from rows (ref, goal_number, initiative_id, title, kind, start, end, version,
    status, ...): tuples, which come faster than dicts for the summary's thousands."""
    day = date.fromisoformat
    return [
        ActivityRecord(ref, title, kind, day(start), day(end), status, version, goal, initiative)
        for ref, goal, initiative, title, kind, start, end, version, status, *_ in rows
    ]


def _history(row: dict[str, Any]) -> HistoryRecord:
    return HistoryRecord(
        id=row["id"],
        ref=row["ref"],
        at=parse_time(row["at"]),
        from_status=row["from_status"],
        to_status=row["to_status"],
        note=row["note"],
        user=row["user"],
        undo_of=row["undo_of"],
    )


def _check_note_and_user(note: str, user: str) -> None:
    """Refuse what a plan file could not hold, so that every export loads again."""
    from vpl_tui.model import MAX_TEXT, MAX_USER

    if len(note) > MAX_TEXT:
        raise VplError("error.note_too_long", limit=MAX_TEXT)
    if len(user) > MAX_USER:
        raise VplError("error.user_too_long", limit=MAX_USER)


def _figure_problem(table: str, value: Decimal) -> str | None:
    """Why a plan file could not hold `value` in `table` (a catalog key), or None.

    Refused when edited rather than found at the next `vpl load`: an export must load again.
    The rule is the core's (`vpl_tui.figures`), the one the budget screen checks as you type.
    """
    unit = unit_of(table)
    if figure_problem(unit, value) is None:
        return None
    return "error.figure_mkr" if unit == "mkr" else "error.figure_whole_tkr"


def _fold(text: str | None) -> str:
    return normalise(text or "")


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _split_statements(script: str) -> Iterable[str]:
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


def _translate(
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
    return _translate(error, clean(str(db)), otherwise="error.db_failed")


def _read_only_error(path: Path, shown: str) -> VplError | None:
    """Why `path` cannot be written by this user, or None when it can."""
    if path.exists() and not os.access(path, os.W_OK):
        return VplError("error.db_read_only_file", db=shown)
    # WAL mode writes two files beside the database: its folder must be writable too.
    if not os.access(path.parent, os.W_OK):
        return VplError("error.db_read_only_folder", db=shown, folder=clean(str(path.parent)))
    return None


def _read_only_uri(path: Path) -> str:
    """The URI that opens `path` for reading only, creating no file beside it.

    Without a -wal file nothing is pending outside the database file, and `immutable`
    lets SQLite read it with no -shm either (which a read-only folder could not hold and
    which would otherwise be left behind, read-only, for the next writer to trip on).
    With a -wal file (a writer is at work, or crashed) it is read through the WAL.
    """
    uri = path.resolve().as_uri() + "?mode=ro"
    if not path.with_name(path.name + "-wal").exists():
        uri += "&immutable=1"
    return uri
