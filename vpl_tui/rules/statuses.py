"""An activity's status codes and the rules about them: open, closed, overdue, the toggle.

The one home of these rules. The store builds its SQL from `CLOSED_STATUSES` (see
`vpl_tui.db.sql`), the records, the summary and the screens call the functions here, so
"what is overdue" means the same everywhere.

In a module of its own so that reading it costs nothing: importing the models loads
pydantic (~100 ms); the summary, the string catalog and the store's records need only
these codes and rules, so they import them from here and start without pydantic.
"""

from __future__ import annotations

from datetime import date
from typing import Literal, get_args

Status = Literal["not_started", "in_progress", "done", "delayed", "cancelled"]
"""An activity's status code; the interface shows Swedish or English labels for it."""

STATUSES: tuple[Status, ...] = get_args(Status)
INITIAL_STATUS: Status = "not_started"
DONE: Status = "done"
CANCELLED: Status = "cancelled"
CLOSED_STATUSES: frozenset[str] = frozenset({DONE, CANCELLED})
"""Statuses that end an activity: it is no longer open and can never be overdue."""
REOPENED_STATUS: Status = "in_progress"
"""What the done toggle goes back to when no earlier status is known."""


def is_closed(status: str) -> bool:
    """Done or cancelled: nothing more is expected of the activity."""
    return status in CLOSED_STATUSES


def is_open(status: str) -> bool:
    """Not yet done nor cancelled."""
    return status not in CLOSED_STATUSES


def is_overdue(end: date, status: str, as_of: date) -> bool:
    """Past its end date on `as_of` (the end day itself is not past) and still open."""
    return end < as_of and status not in CLOSED_STATUSES


def toggle_target(current: str, before_done: str | None) -> Status:
    """The status the done toggle (Space) sets.

    An activity that is not done becomes done. A done one goes back to the status it had
    before it was last marked done (`before_done`, from its history), or to "in progress"
    when that is unknown or was itself "done".
    """
    if current != DONE:
        return DONE
    if before_done in STATUSES and before_done != DONE:
        return before_done  # type: ignore[return-value]
    return REOPENED_STATUS
