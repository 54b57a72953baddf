"""SQL built from the core's rules (`vpl_tui.rules.statuses`, `vpl_tui.rules.progress`), never retyped.

What "closed" and "overdue" mean is decided once, in Python, in the core; every query that
needs the rule takes its SQL text from here, so the database and the screens can never
disagree about which activity is overdue. Tests compare these expressions with the Python
rules row by row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vpl_tui.rules.progress import DELAYED, IN_PROGRESS, Progress
from vpl_tui.rules.statuses import CANCELLED, CLOSED_STATUSES, DONE, STATUSES

if TYPE_CHECKING:
    import sqlite3


def _quoted(values: frozenset[str] | tuple[str, ...]) -> str:
    return ", ".join(f"'{value}'" for value in values)


CLOSED_SQL = f"({_quoted(tuple(sorted(CLOSED_STATUSES)))})"
"""The closed statuses as an SQL list: `status NOT IN {CLOSED_SQL}` is "open"."""
STATUSES_SQL = f"({_quoted(STATUSES)})"
"""Every status code as an SQL list, in the core's order: the activity table's CHECK."""


def open_sql(status: str = "status") -> str:
    """True for an open activity (`vpl_tui.rules.statuses.is_open`)."""
    return f"{status} NOT IN {CLOSED_SQL}"


def past_end_sql(end: str = '"end"', day: str = ":day") -> str:
    """True for an activity whose end date is before `day` (the end day itself is not past)."""
    return f"{end} < {day}"


def overdue_sql(end: str = '"end"', status: str = "status", day: str = ":day") -> str:
    """True for an activity overdue on `day` (`vpl_tui.rules.statuses.is_overdue`)."""
    return f"({past_end_sql(end, day)} AND {open_sql(status)})"


PROGRESS_FIELDS: tuple[str, ...] = Progress._fields
"""The columns of `progress_columns`, by name: `Progress`'s fields, in order."""


def progress_columns(prefix: str = "a.", day: str = ":today") -> str:
    """`total, done, overdue, cancelled, in_progress, delayed` over joined activities
    (`vpl_tui.rules.progress.count`), in the order of `Progress`'s fields.

    `prefix` names the activity table's alias; a LEFT JOIN that finds no activity counts 0.
    """
    status = f"{prefix}status"
    return (
        f"COUNT({prefix}ref) AS total, "
        f"COALESCE(SUM({status} = '{DONE}'), 0) AS done, "
        f"COALESCE(SUM({overdue_sql(f'{prefix}{chr(34)}end{chr(34)}', status, day)}), 0) AS overdue, "
        f"COALESCE(SUM({status} = '{CANCELLED}'), 0) AS cancelled, "
        f"COALESCE(SUM({status} = '{IN_PROGRESS}'), 0) AS in_progress, "
        f"COALESCE(SUM({status} = '{DELAYED}'), 0) AS delayed"
    )
    # The columns must stay `Progress`'s fields, in order (a test builds `Progress(*row)`).


# -- the filter "mina": who is responsible (`vpl_tui.rules.progress.is_responsible`) ----------


RESPONSIBLE_IN = " AND a.responsible IN (SELECT value FROM json_each(:names))"
"""Activity `a` is the wanted person's: `:names` is `responsible_names(...)`."""


def responsible_names(conn: sqlite3.Connection, wanted: str) -> str:
    """The responsible names the plan gives that are `wanted`'s by the core's rule
    (`is_responsible`: case, accents and whitespace around aside), as a JSON array for
    `:names` in `RESPONSIBLE_IN` and `mine_progress_sql`.

    The rule is asked of each distinct name (by the partial index of responsibles, a few
    hundred at most), never retyped in SQL: SQLite's `trim` strips only spaces, the
    core's `strip` every kind of whitespace.
    """
    import json  # here: the stores of `vpl set` and `vpl history` need no JSON

    from vpl_tui.rules.progress import is_responsible

    rows = conn.execute("SELECT DISTINCT responsible FROM activity WHERE responsible != ''")
    return json.dumps([name for (name,) in rows if is_responsible(name, wanted)])


def mine_progress_sql(one_goal: bool = False) -> str:
    """The counts of one user's activities (`counted` under `MINE`), a row per goal and
    initiative (NULL: the goal's own): `goal_number, initiative_id, total, done, …`
    (`Progress`'s fields).

    Which names are the user's is the core's rule itself: the store asks it of each name
    the plan gives (a few hundred at most) and passes those that are, as the JSON array
    `:names`, so that no row calls back into Python. Parameters `:names`, `:today`, and
    with `one_goal` `:goal`: that goal's alone (its initiatives', as the tree opens it).
    """
    where = (
        "a.goal_number = :goal"  # by the index of owners
        if one_goal
        else "a.responsible != ''"  # by the partial index of responsibles
    )
    return (
        f"SELECT a.goal_number, a.initiative_id, {progress_columns('a.', ':today')} "
        f"FROM activity a WHERE {where}{RESPONSIBLE_IN} "
        "GROUP BY a.goal_number, a.initiative_id"
    )
