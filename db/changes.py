"""What every change the store records shares: who made it, when, and how much it may say.

Status changes (`db/history.py`) and budget edits (`db/budget.py`) both append a history
row with a user, a time and a note; the rules for those three live here once, with the
text forms the tables keep times and amounts in.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, date, datetime, timedelta
from typing import Any

from vpl_tui.errors import VplError
from vpl_tui.rules.limits import MAX_TEXT, MAX_USER

TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"
"""How times are stored: fixed-width UTC text, so that text order is time order."""
_STORED_LENGTH = len("2023-03-01T09:30:00.000000Z")


def format_time(moment: datetime) -> str:
    """A time as the store keeps it (`TIME_FORMAT`)."""
    # isoformat is ten times faster than strftime, which tells when `vpl load` writes the
    # history of 100 000 activities.
    return moment.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def number_text(value: Any) -> str | None:
    """A Decimal as the text SQLite's NUMERIC affinity stores: "3" as 3, "4.5" as 4.5."""
    return None if value is None else str(value)


def current_user() -> str:
    """Who is making changes: `VPL_USER`, else the login name."""
    explicit = os.environ.get("VPL_USER")
    if explicit:
        return explicit
    import getpass  # here: it loads the terminal's modules, which VPL_USER never needs

    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def utc_now() -> datetime:
    return datetime.now(UTC)


def parse_time(text: str) -> datetime:
    """A stored time (`TIME_FORMAT`) as an aware datetime in UTC."""
    if len(text) == _STORED_LENGTH and text[-1] == "Z":
        # What the store writes. fromisoformat reads it 20 times as fast as strptime, and
        # `vpl history` need not import strptime's machinery (locale, calendar) for it.
        return datetime.fromisoformat(text)
    return datetime.strptime(text, TIME_FORMAT).replace(tzinfo=UTC)


def end_of_day_utc(day: date) -> str:
    """The stored-time text of the end of `day` in the local time zone (exclusive bound)."""
    local_midnight = datetime.combine(day + timedelta(days=1), datetime.min.time()).astimezone()
    return format_time(local_midnight)


def written_by(moment: date | datetime | None) -> tuple[str, tuple[str, ...]]:
    """SQL (` AND at …`) and its parameter keeping the history rows written by `moment`:
    every row (None), the rows up to and including a moment (a datetime: a ready mark's),
    or those before the end of a day in the local time zone (a date)."""
    if moment is None:
        return "", ()
    if isinstance(moment, datetime):
        return " AND at <= ?", (format_time(moment),)
    return " AND at < ?", (end_of_day_utc(moment),)


def check_note_and_user(note: str, user: str) -> None:
    """Refuse what a plan file could not hold, so that every export loads again."""
    if len(note) > MAX_TEXT:
        raise VplError("error.note_too_long", limit=MAX_TEXT)
    if len(user) > MAX_USER:
        raise VplError("error.user_too_long", limit=MAX_USER)


def not_before(conn: sqlite3.Connection, latest_sql: str, params: tuple[Any, ...]) -> str:
    """The time for a new history row: now, or the latest earlier row's time if later.

    Two controllers' clocks can disagree by seconds; a history that went back in time
    would make the exported plan file fail its own validation on the next load.
    """
    latest = conn.execute(latest_sql, params).fetchone()[0]
    return max(format_time(utc_now()), latest or "")
