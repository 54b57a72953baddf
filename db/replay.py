"""The plan as it stood at the end of a day: statuses replayed from the history.

For `vpl summary --as-of`: an activity's status on a past day is the `to_status` of its
last history row before the end of that day (local time), or the initial status. Today
and later, the stored status is the answer and nothing is replayed. SQLite does the
replaying and the counting, so this stays fast at any size.
"""

from __future__ import annotations

from datetime import date

from vpl_tui.db.activity_reads import activity_records
from vpl_tui.db.changes import end_of_day_utc
from vpl_tui.db.connection import Connected
from vpl_tui.db.sql_rules import overdue_sql, past_end_sql
from vpl_tui.db.tree_reads import PLAN_ORDER
from vpl_tui.records import ActivityRecord, HistoryRecord, OverdueRecord
from vpl_tui.rules.statuses import INITIAL_STATUS, STATUSES

_PAST_END = past_end_sql('a."end"')


ReplayedActivity = tuple[str, str, str | None, str, str, str, str, str | None]
"""(ref, goal number, initiative id or None, title, end as ISO text, responsible, status at
the day's end, status at the earlier day's end or None): a row of `activities_by_owner_as_of`,
a plain tuple as sqlite3 gives it, for the report's hundred thousand rows."""

OutlineGoal = tuple[str, str, str]
"""(number, title, kind) of a goal."""
OutlineInitiative = tuple[str, str, str]
"""(goal number, id, title) of an initiative."""


class AsOfReplay(Connected):
    """Activities, progress and overdue activities as of a day.

    With `responsible` set (`vpl summary --responsible`), only the activities that person
    or unit is responsible for.
    """

    responsible: str | None = None

    def _responsible(self) -> str:
        from vpl_tui.db.plan_change_file import plan_columns

        return plan_columns(self.db.conn).split(",")[0]

    def _scope(self) -> tuple[str, dict[str, str]]:
        if not self.responsible:
            return "", {}
        from vpl_tui.db.sql_rules import RESPONSIBLE_IN, responsible_names

        return RESPONSIBLE_IN, {"names": responsible_names(self.db.conn, self.responsible)}

    def activities_as_of(self, as_of: date) -> list[ActivityRecord]:
        """Every activity in plan order, with the status it had at the end of `as_of`."""
        expression, params = _status_expression(as_of)
        scope, scoped = self._scope()
        sql = (
            f'SELECT a.ref, a.goal_number, a.initiative_id, a.title, a.kind, a.start, a."end", '
            f"a.version, {expression} AS status, {self._responsible()} FROM activity a "
            f"JOIN goal g ON g.number = a.goal_number "
            f"LEFT JOIN initiative i ON i.id = a.initiative_id WHERE 1{scope} "
            f"ORDER BY {PLAN_ORDER}"
        )
        return activity_records(self.db.execute(sql, {**params, **scoped}))

    def activities_by_owner_as_of(
        self, as_of: date, earlier: date | None = None
    ) -> list[ReplayedActivity]:
        """Every activity with its status at the end of `as_of` and, when `earlier` is given,
        at the end of that day too: both replayed in one pass (`ReplayedActivity`).

        By owner, as the `activity_by_owner` index holds them (goal number, initiative id,
        position), so SQLite walks the index and sorts nothing: within a goal's own
        activities and within an initiative's this is the plan's order, and the board report
        lays the owners out in the plan's order itself.
        """
        expression, params = _status_expression(as_of)
        if earlier is not None:
            earlier_expression, earlier_params = _status_expression(earlier, "earlier_cutoff")
        else:
            earlier_expression, earlier_params = "NULL", {}
        scope, scoped = self._scope()
        sql = (
            f'SELECT a.ref, a.goal_number, a.initiative_id, a.title, a."end", '
            f"{self._responsible()}, {expression}, {earlier_expression} FROM activity a "
            f"WHERE 1{scope} ORDER BY a.goal_number, a.initiative_id, a.position"
        )
        return self.db.execute(sql, {**params, **earlier_params, **scoped}).fetchall()

    def noted_history(self) -> list[HistoryRecord]:
        """The status history's rows that carry a note, oldest first: what
        `records.latest_notes` needs, without the many rows that have none."""
        from vpl_tui.db.changes import parse_time

        # Tuples, not the dictionaries `query` makes of each row: a large plan has thousands.
        rows = self.db.execute(
            "SELECT id, ref, at, from_status, to_status, note, user, undo_of "
            "FROM status_history WHERE note != '' ORDER BY id"
        )
        return [
            HistoryRecord(ident, ref, parse_time(at), before, after, note, user, undo_of)
            for ident, ref, at, before, after, note, user, undo_of in rows
        ]

    def plan_outline(self) -> tuple[list[OutlineGoal], list[OutlineInitiative]]:
        """The goals and the initiatives in the plan's order, without today's progress
        (which a report of a past day does not show and `goals()` would count)."""
        goals = self.db.execute("SELECT number, title, kind FROM goal ORDER BY position")
        initiatives = self.db.execute(
            "SELECT goal_number, id, title FROM initiative ORDER BY goal_number, position"
        )
        return goals.fetchall(), initiatives.fetchall()

    def progress_as_of(self, as_of: date) -> dict[tuple[str, str | None], dict[str, int]]:
        """Counts by status for each goal's own activities and each initiative's, as of a day.

        Keys are (goal number, initiative id or None); values map every status → count and
        `overdue` → count.
        """
        expression, params = _status_expression(as_of)
        scope, scoped = self._scope()
        # One row per goal or initiative, a sum per status: grouped in the order of the
        # activity_by_owner index, which SQLite then needs no sorting for, and a fifth of
        # the rows a (goal, initiative, status) grouping gives Python.
        sums = ", ".join(f"SUM(status = '{status}')" for status in STATUSES)
        sql = (
            f"SELECT goal_number, initiative_id, {sums}, "
            f"SUM({overdue_sql()}) "
            f'FROM (SELECT a.goal_number, a.initiative_id, a."end", {expression} AS status '
            f"FROM activity a WHERE 1{scope}{_once(params)}) GROUP BY goal_number, initiative_id"
        )
        keys = (*STATUSES, "overdue")
        return {
            (goal_number, initiative_id): dict(zip(keys, counts, strict=True))
            for goal_number, initiative_id, *counts in self.db.execute(
                sql, {**params, **scoped, "day": as_of.isoformat()}
            )
        }

    def overdue_as_of(self, as_of: date) -> list[OverdueRecord]:
        """Activities past their end date on `as_of` and neither done nor cancelled.

        In the order the summary lists them: by end date, then in plan order.
        """
        expression, params = _status_expression(as_of)
        scope, scoped = self._scope()
        # Only the columns shown: SQLite sorts these rows, and narrower rows sort faster.
        # The inner condition only narrows the rows whose status is replayed (a replayed
        # status is a subquery per row); the rule itself is `overdue_sql`, outside.
        sql = (
            f'SELECT ref, title, "end", status, responsible FROM (SELECT a.ref, a.title, '
            f'a."end", {expression} AS status, {self._responsible()} AS responsible, '
            f"g.position AS gp, "
            f"a.initiative_id IS NOT NULL AS own, i.position AS ip, a.position AS ap "
            f"FROM activity a JOIN goal g ON g.number = a.goal_number "
            f"LEFT JOIN initiative i ON i.id = a.initiative_id WHERE {_PAST_END}{scope}"
            f'{_once(params)}) WHERE {overdue_sql()} ORDER BY "end", gp, own, ip, ap'
        )
        day = date.fromisoformat
        return [
            OverdueRecord(ref, title, day(end), status, responsible)
            for ref, title, end, status, responsible in self.db.execute(
                sql, {**params, **scoped, "day": as_of.isoformat()}
            )
        ]


def _status_expression(as_of: date | None, name: str = "cutoff") -> tuple[str, dict[str, str]]:
    """SQL for activity `a`'s status at the end of `as_of`, and its parameters (the day's
    end is the parameter `name`, so that one query can replay two days)."""
    if as_of is None or as_of >= date.today():
        return "a.status", {}
    return (
        "COALESCE((SELECT h.to_status FROM status_history h WHERE h.ref = a.ref "
        f"AND h.at < :{name} ORDER BY h.id DESC LIMIT 1), :initial)",
        {name: end_of_day_utc(as_of), "initial": INITIAL_STATUS},
    )


def _once(replay_params: dict[str, str]) -> str:
    """`LIMIT -1` for a subquery whose status is replayed from the history, else "".

    A replayed status is a subquery per activity; SQLite copies a plain subquery's
    columns into every place the outer query uses them, and would run it once for each
    (six times in `progress_as_of`). A LIMIT keeps the subquery apart, run once per row.
    """
    return " LIMIT -1" if replay_params else ""
