"""`vpl load`: a plan into the database, in one transaction, losing no recorded change.

`load_plan` keeps the database's newer history and refuses a file that would lose any
(`db/load_merge.py`, by the core's rule); `replace_plan` (`vpl load --replace`) replaces
everything, after a copy of the database (`db/backup.py`).

The plan comes as a validated model or as its rows (`db/rows.py`; `db/bulk.py` reads a
region's plan file straight into rows, in several processes). The two large tables go in
without SQLite's per-row checks, which cost a third of the load at 100 000 activities,
and are checked by one query each before the commit; nothing half-loaded is ever seen.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from operator import itemgetter
from typing import TYPE_CHECKING, get_args

from vpl_tui.db.changes import format_time, number_text, utc_now
from vpl_tui.db.connection import Connected
from vpl_tui.db.published_file import TABLES_CHILDREN_FIRST as PUBLISHED_TABLES
from vpl_tui.db.published_file import insert_published
from vpl_tui.rules.statuses import STATUSES

if TYPE_CHECKING:
    from pathlib import Path

    from vpl_tui.db.load_merge import BudgetMerge, LoadMerge
    from vpl_tui.db.rows import PlanRows
    from vpl_tui.model import Budget, Plan

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
_TABLES_CHILDREN_FIRST = (
    *PUBLISHED_TABLES,  # db/published_file.py
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
)


class PlanLoad(Connected):
    """Loading a plan over the database's, or replacing it whole."""

    def load_plan(self, plan: Plan | PlanRows, *, source: str = "") -> LoadMerge:
        """Load `plan` in one transaction, keeping every change the database recorded.

        Where the database's history of an activity (or a budget figure) goes on after the
        file's, the database's newer rows and the status they end in stay; where the
        file's goes on after the database's, the file's are taken (`db/load_merge.py`).

        Raises:
            LoadRefused: a history diverged, or the file leaves out an activity or figure
                with history; nothing was written.
        """
        return self._load(plan, source=source, merge=True, backup=False)[0]

    def replace_plan(
        self, plan: Plan | PlanRows, *, source: str = "", backup: bool = False
    ) -> Path | None:
        """Replace everything in the database with `plan`, history and all, in one transaction.

        `plan` is a validated plan or its rows (`db/bulk.py` reads a region's plan file
        straight into rows, in several processes).

        Args:
            backup: First copy the database as it stands beside it (`db/backup.py`),
                under the write lock, so that no change lands between the copy and the
                replacement. Returns where; None when the database held no plan.
        """
        return self._load(plan, source=source, merge=False, backup=backup)[1]

    def _load(
        self, plan: Plan | PlanRows, *, source: str, merge: bool, backup: bool
    ) -> tuple[LoadMerge, Path | None]:
        from vpl_tui.db.load_merge import LoadMerge, merge_into_rows
        from vpl_tui.db.rows import PlanRows, plan_rows

        rows = plan if isinstance(plan, PlanRows) else plan_rows(plan)
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
                # Under the write lock: the histories compared, or the copy made, are the
                # ones replaced, whoever else is writing.
                outcome = LoadMerge()
                if merge:
                    rows = self._merge_plan_changes(rows, source=source)  # db/plan_edit.py
                    rows, outcome = merge_into_rows(conn, rows, source=source)
                    rows = self._merge_outcomes(rows, source=source)  # db/outcomes_file.py
                forecasts = self._forecasts_after_load(rows.budget, merge=merge, source=source)
                written = self._backup_before_replace() if backup else None
                self._replace_plan(rows, source=source, budget_merge=outcome.budget)
                self._write_forecasts(forecasts)  # db/forecasts.py
                self._check_references(CHECKED_AFTER_LOAD)
        finally:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute(f"PRAGMA cache_size = {int(cache_size)}")
        return outcome, written

    def _backup_before_replace(self) -> Path | None:
        """A copy of the database as last committed; None when it holds no plan."""
        from vpl_tui.db.backup import backup_database, free_backup_path

        if not self.has_plan():
            return None
        return backup_database(self.path, free_backup_path(self.path))

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

    def _replace_plan(
        self, plan: Plan | PlanRows, *, source: str, budget_merge: BudgetMerge | None = None
    ) -> None:
        """Everything a load writes, inside the caller's transaction.

        `budget_merge`: the figures whose value and edits the database keeps (`load_plan`).
        """
        from vpl_tui.db.rows import PlanRows, history_rows, plan_rows

        rows = plan if isinstance(plan, PlanRows) else plan_rows(plan)
        execute, many = self.db.conn.execute, self.db.conn.executemany
        execute("INSERT INTO plan_replacement (id) VALUES (1)")
        for table in _TABLES_CHILDREN_FIRST:
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
        many("INSERT INTO metric VALUES (?, ?, ?, ?, ?, ?, ?)", [m[:7] for m in goals.metrics])
        many("INSERT INTO metric_target VALUES (?, ?, ?)", goals.targets)
        execute("DELETE FROM owner_responsible")  # db/plan_edit.py: goals' and initiatives'
        many("INSERT INTO owner_responsible VALUES (?, ?, ?)", goals.responsibles)
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
                "status, version, title_folded, responsible, carried_from) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
            self._insert_budget(rows.budget, budget_merge)
        self._replace_followup(rows.followup)  # db/followup.py
        self._replace_outcomes(rows)  # db/outcomes_file.py
        self._replace_plan_changes(rows.changes)  # db/plan_edit.py
        execute("DELETE FROM plan_replacement")

    def _insert_budget(self, budget: Budget, merge: BudgetMerge | None) -> None:
        from vpl_tui.model import OPERATING_LINES, figure_values

        execute, many = self.db.conn.execute, self.db.conn.executemany
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
        insert_published(self.db.conn, budget)  # db/published_file.py
        many("INSERT INTO budget_column VALUES (?, ?, ?)", columns)
        many("INSERT INTO budget_line VALUES (?, ?, ?, ?)", lines)
        current = figure_values(budget)
        changes = budget.changes
        if merge is not None:  # the database's value and edits, where it keeps them
            current |= merge.values
            changes = changes if merge.changes is None else merge.changes
        # The published figure is where a figure's first change started from.
        published = dict(current)
        for change in reversed(changes):
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
                for c in changes
            ],
        )
