"""SQL built from the core's rules (`vpl_tui.rules.statuses`, `vpl_tui.rules.progress`), never retyped.

What "closed" and "overdue" mean is decided once, in Python, in the core; every query that
needs the rule takes its SQL text from here, so the database and the screens can never
disagree about which activity is overdue. Tests compare these expressions with the Python
rules row by row.
"""

from __future__ import annotations

from functools import cache

from vpl_tui.rules.progress import DELAYED, IN_PROGRESS, Progress
from vpl_tui.rules.statuses import CANCELLED, CLOSED_STATUSES, DONE, STATUSES


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


# -- the filter "mina": who is responsible (`vpl_tui.rules.progress.responsible_key`) ---------

_SPACES_BELOW = 0x3001
"""Every character `str.isspace` is true of lies below this (U+3000 is the last; a test
checks all of Unicode), so the list of them is built from Python's own rule at once."""


@cache
def _spaces_sql() -> str:
    """`char(…)` of what `str.strip()` strips: SQLite's `trim(x)` strips spaces only."""
    codes = [code for code in range(_SPACES_BELOW) if chr(code).isspace()]
    return f"char({', '.join(map(str, codes))})"


def responsible_key_sql(responsible: str = "a.responsible") -> str:
    """`responsible_key` of a column in SQL: `vpl_fold` is the core's `normalise` (every
    connection has it), over the name stripped as `str.strip()` strips it."""
    return f"vpl_fold(trim({responsible}, {_spaces_sql()}))"


def responsible_sql(responsible: str = "a.responsible", key: str = ":responsible") -> str:
    """True when the activity is `key`'s (`is_responsible`): `key` is `responsible_key(name)`,
    and a blank name is nobody's."""
    return f"({key} != '' AND {responsible_key_sql(responsible)} = {key})"


def mine_progress_sql(goal: bool) -> str:
    """The counts of one user's activities (`counted` under `MINE`), a row per goal or per
    initiative: `kind, id, total, done, …` (`Progress`'s fields). Parameters `:responsible`
    (the user's key), `:today`, and `:goal` (one goal's, or NULL: every goal's)."""
    owner = "a.goal_number" if goal else "a.initiative_id"
    kind = "goal" if goal else "initiative"
    return (
        f"SELECT '{kind}', {owner}, {progress_columns('a.', ':today')} FROM activity a "
        f"WHERE {owner} IS NOT NULL AND (:goal IS NULL OR a.goal_number = :goal) "
        f"AND {responsible_sql('a.responsible', ':responsible')} GROUP BY {owner}"
    )
