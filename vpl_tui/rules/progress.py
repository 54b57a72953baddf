"""How activities are counted under a goal, an initiative or a focus list, and what a filter shows.

The one home of these rules:

- `Progress` counts the activities under something: all of them, done, cancelled and
  overdue. `open` is what is neither done nor cancelled.
- `Progress.after_change` is how one status change moves the counts, so a screen can show a
  change without reading the plan again.
- `activity_shown` and `progress_shown` decide what a filter shows; they agree by
  construction: a goal is shown under a filter exactly when some activity under it is.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Literal, NamedTuple, Protocol, get_args

from vpl_tui.rules.statuses import CANCELLED, DONE, is_open, is_overdue

Filter = Literal["all", "open", "overdue", "done"]
"""What the tree shows: everything, open activities, overdue ones, done ones."""
FILTERS: tuple[Filter, ...] = get_args(Filter)
"""The filter cycle of key `f`, in order."""


class Dated(Protocol):
    """What the rules need of an activity: its status and its end date."""

    @property
    def status(self) -> str: ...

    @property
    def end(self) -> date: ...


class Progress(NamedTuple):
    """Activities under a goal or initiative: how many, done, cancelled and overdue.

    A named tuple, not a dataclass: `vpl set` imports this module, and neither it nor the
    records that carry a Progress need `dataclasses` at start. `+` adds the counts.
    """

    total: int = 0
    done: int = 0
    overdue: int = 0
    cancelled: int = 0

    @property
    def open(self) -> int:
        """Neither done nor cancelled."""
        return self.total - self.done - self.cancelled

    def __add__(self, other: Progress) -> Progress:
        return Progress(
            self.total + other.total,
            self.done + other.done,
            self.overdue + other.overdue,
            self.cancelled + other.cancelled,
        )

    def after_change(self, before: Dated, after: Dated, as_of: date) -> Progress:
        """The counts once one activity under it has gone from `before` to `after`."""
        return Progress(
            total=self.total,
            done=self.done + (after.status == DONE) - (before.status == DONE),
            overdue=self.overdue
            + is_overdue(after.end, after.status, as_of)
            - is_overdue(before.end, before.status, as_of),
            cancelled=self.cancelled + (after.status == CANCELLED) - (before.status == CANCELLED),
        )


def total_progress(parts: Iterable[Progress]) -> Progress:
    """The counts of several goals or initiatives together (a focus list, the plan)."""
    result = Progress()
    for part in parts:
        result = result + part
    return result


def count(activities: Iterable[Dated], as_of: date) -> Progress:
    """Count `activities` as the store's SQL does (see `vpl_tui.db.sql.PROGRESS_COLUMNS`)."""
    total = done = overdue = cancelled = 0
    for activity in activities:
        total += 1
        done += activity.status == DONE
        cancelled += activity.status == CANCELLED
        overdue += is_overdue(activity.end, activity.status, as_of)
    return Progress(total, done, overdue, cancelled)


def activity_shown(wanted: str, activity: Dated, as_of: date) -> bool:
    """Whether the filter `wanted` shows `activity` on the day `as_of`."""
    if wanted == "open":
        return is_open(activity.status)
    if wanted == "overdue":
        return is_overdue(activity.end, activity.status, as_of)
    if wanted == "done":
        return activity.status == DONE
    return True


def progress_shown(wanted: str, progress: Progress) -> bool:
    """Whether the filter `wanted` shows anything under a goal or initiative with `progress`.

    True exactly when `activity_shown` is true for one of the activities counted.
    """
    if wanted == "open":
        return progress.open > 0
    if wanted == "overdue":
        return progress.overdue > 0
    if wanted == "done":
        return progress.done > 0
    return True
