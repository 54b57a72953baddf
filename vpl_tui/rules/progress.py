"""How activities are counted under a goal, an initiative or a focus list, and what a filter shows.

The one home of these rules:

- `Progress` counts the activities under something: all of them, done, cancelled,
  overdue, in progress and delayed. `open` is what is neither done nor cancelled, and
  `not_started` what is left.
- `Progress.after_change` is how one status change moves the counts, so a screen can show a
  change without reading the plan again.
- `activity_shown` and `progress_shown` decide what a filter shows; they agree by
  construction: a goal is shown under a filter exactly when some activity under it is.
- `responsible_key` is what names of who is responsible (ansvarig) are compared by, for
  the responsible filter and `vpl summary --responsible`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Literal, NamedTuple, Protocol, get_args

from vpl_tui.rules.statuses import CANCELLED, DONE, is_open, is_overdue
from vpl_tui.safetext import normalise

DELAYED = "delayed"
IN_PROGRESS = "in_progress"
NOT_STARTED = "not_started"

Filter = Literal[
    "all", "open", "in_progress", "delayed", "overdue", "done", "not_started", "cancelled"
]
"""What the tree shows: everything, open activities, those past their end date, or the
activities of one status (the status codes of `vpl_tui.rules.statuses`)."""
FILTERS: tuple[Filter, ...] = get_args(Filter)
"""Every filter, in the palette's order."""
FILTER_CYCLE: tuple[Filter, ...] = FILTERS[:6]
"""The filter cycle of key `f`, in order: the rarer statuses are in the palette."""


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
    in_progress: int = 0
    delayed: int = 0

    @property
    def open(self) -> int:
        """Neither done nor cancelled."""
        return self.total - self.done - self.cancelled

    @property
    def not_started(self) -> int:
        """Open, and neither in progress nor delayed."""
        return self.open - self.in_progress - self.delayed

    def of_status(self, status: str) -> int:
        """How many have `status` (a status code)."""
        return {
            DONE: self.done,
            CANCELLED: self.cancelled,
            IN_PROGRESS: self.in_progress,
            DELAYED: self.delayed,
            NOT_STARTED: self.not_started,
        }[status]

    def __add__(self, other: Progress) -> Progress:
        return Progress(
            self.total + other.total,
            self.done + other.done,
            self.overdue + other.overdue,
            self.cancelled + other.cancelled,
            self.in_progress + other.in_progress,
            self.delayed + other.delayed,
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
            in_progress=self.in_progress
            + (after.status == IN_PROGRESS)
            - (before.status == IN_PROGRESS),
            delayed=self.delayed + (after.status == DELAYED) - (before.status == DELAYED),
        )


def total_progress(parts: Iterable[Progress]) -> Progress:
    """The counts of several goals or initiatives together (a focus list, the plan)."""
    result = Progress()
    for part in parts:
        result = result + part
    return result


def count(activities: Iterable[Dated], as_of: date) -> Progress:
    """Count `activities` as the store's SQL does (see `vpl_tui.db.sql.PROGRESS_COLUMNS`)."""
    total = done = overdue = cancelled = in_progress = delayed = 0
    for activity in activities:
        total += 1
        done += activity.status == DONE
        cancelled += activity.status == CANCELLED
        in_progress += activity.status == IN_PROGRESS
        delayed += activity.status == DELAYED
        overdue += is_overdue(activity.end, activity.status, as_of)
    return Progress(total, done, overdue, cancelled, in_progress, delayed)


def activity_shown(wanted: str, activity: Dated, as_of: date) -> bool:
    """Whether the filter `wanted` shows `activity` on the day `as_of`."""
    if wanted == "open":
        return is_open(activity.status)
    if wanted == "overdue":
        return is_overdue(activity.end, activity.status, as_of)
    if wanted == "all":
        return True
    return activity.status == wanted  # one status


def progress_shown(wanted: str, progress: Progress) -> bool:
    """Whether the filter `wanted` shows anything under a goal or initiative with `progress`.

    True exactly when `activity_shown` is true for one of the activities counted.
    """
    if wanted == "open":
        return progress.open > 0
    if wanted == "overdue":
        return progress.overdue > 0
    if wanted == "all":
        return True
    return progress.of_status(wanted) > 0


def responsible_key(name: str) -> str:
    """What a responsible name is compared by: case, accents and the spaces around it aside.

    `Anna Berg`, `anna berg ` and `ANNA BERG` are one person; the store compares
    `vpl_fold(trim(responsible))` with this key (`vpl_fold` is `normalise`).
    """
    return normalise(name.strip())


def is_responsible(responsible: str, wanted: str) -> bool:
    """Whether an activity whose responsible is `responsible` is `wanted`'s."""
    return bool(wanted.strip()) and responsible_key(responsible) == responsible_key(wanted)
