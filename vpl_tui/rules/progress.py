"""How activities are counted under a goal, an initiative or a focus list, and what a filter shows.

The one home of these rules:

- `Progress` counts the activities under something: all of them, done, cancelled,
  overdue, in progress and delayed. `open` is what is neither done nor cancelled, and
  `not_started` what is left.
- `Progress.after_change` is how one status change moves the counts, so a screen can show a
  change without reading the plan again.
- `activity_shown` and `progress_shown` decide what a filter shows; they agree by
  construction: a goal is shown under a filter exactly when some activity under it is.
  The filter `mine` ("mina") shows the user's: an activity whose responsible is the user,
  and a goal or initiative that is the user's itself or has one of the user's activities;
  its counts are of the user's activities only (`counted`, `owner_shown`).
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

StatusFilter = Literal[
    "all", "open", "in_progress", "delayed", "overdue", "done", "not_started", "cancelled"
]
"""A filter by status: everything, open activities, those past their end date, or the
activities of one status (the status codes of `vpl_tui.rules.statuses`)."""
MINE: Literal["mine"] = "mine"
"""The filter "mina": what the user (`VPL_USER`) is responsible for."""
Filter = Literal[StatusFilter, "mine"]
"""What the tree shows: a filter by status, or the user's (`MINE`)."""
FILTERS: tuple[StatusFilter, ...] = get_args(StatusFilter)
"""Every filter by status, in the palette's order (the palette's `R` command is `MINE`)."""
FILTER_CYCLE: tuple[Filter, ...] = (*FILTERS[:6], MINE)
"""The filter cycle of key `f`, in order: the rarer statuses are in the palette."""


class Dated(Protocol):
    """What the rules need of an activity: its status and its end date."""

    @property
    def status(self) -> str: ...

    @property
    def end(self) -> date: ...


class Owned(Dated, Protocol):
    """An activity as the filter `mine` needs it: also who is responsible for it."""

    @property
    def responsible(self) -> str: ...


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

    def __sub__(self, other: Progress) -> Progress:
        return Progress(*(mine - theirs for mine, theirs in zip(self, other, strict=True)))

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

    def after_change_of(self, before: Owned, after: Owned, as_of: date, user: str) -> Progress:
        """The counts of `user`'s activities (`counted` under `MINE`) once one activity has
        gone from `before` to `after`: its status, and who is responsible, may have changed."""
        result = self
        if is_responsible(before.responsible, user):
            result = result - count([before], as_of)
        if is_responsible(after.responsible, user):
            result = result + count([after], as_of)
        return result


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


def activity_shown(wanted: str, activity: Owned, as_of: date, user: str = "") -> bool:
    """Whether the filter `wanted` shows `activity` on the day `as_of` to `user`."""
    if wanted == MINE:
        return is_responsible(activity.responsible, user)
    if wanted == "open":
        return is_open(activity.status)
    if wanted == "overdue":
        return is_overdue(activity.end, activity.status, as_of)
    if wanted == "all":
        return True
    return activity.status == wanted  # one status


def progress_shown(wanted: str, progress: Progress, own: bool = False) -> bool:
    """Whether the filter `wanted` shows a goal or initiative with `progress`.

    `progress` counts what `counted` counts under the filter (under `MINE`, the user's
    activities only). True exactly when `activity_shown` is true for one of them; under
    `MINE` also when the goal or initiative is the user's itself (`own`).
    """
    if wanted == MINE:
        return own or progress.total > 0
    if wanted == "open":
        return progress.open > 0
    if wanted == "overdue":
        return progress.overdue > 0
    if wanted == "all":
        return True
    return progress.of_status(wanted) > 0


def counted(wanted: str, activities: Iterable[Owned], as_of: date, user: str = "") -> Progress:
    """The counts a goal or initiative shows under the filter `wanted`: of every activity
    under it, but under `MINE` of `user`'s only (`2/3` of mine)."""
    if wanted == MINE:
        activities = [a for a in activities if is_responsible(a.responsible, user)]
    return count(activities, as_of)


def owner_shown(
    wanted: str, responsible: str, activities: Iterable[Owned], as_of: date, user: str = ""
) -> bool:
    """Whether the filter `wanted` shows a goal or initiative whose own responsible is
    `responsible` and under which are `activities` (every one, its initiatives' too)."""
    own = wanted == MINE and is_responsible(responsible, user)
    return progress_shown(wanted, counted(wanted, activities, as_of, user), own)


class MineCounts(NamedTuple):
    """What the filter `MINE` needs of the plan, as the store reads it for one user."""

    progress: dict[tuple[str, str], Progress]
    """`counted` under `MINE`, by ("goal", number) and ("initiative", id); none: nothing."""
    own: frozenset[tuple[str, str]]
    """The goals and initiatives whose own responsible is the user."""

    def of(self, kind: str, ident: str) -> Progress:
        """The counts of the user's activities under the goal or initiative."""
        return self.progress.get((kind, ident), Progress())

    def shown(self, kind: str, ident: str) -> bool:
        """Whether `MINE` shows the goal or initiative (`progress_shown`)."""
        return progress_shown(MINE, self.of(kind, ident), (kind, ident) in self.own)


def responsible_key(name: str) -> str:
    """What a responsible name is compared by: case, accents and the spaces around it aside.

    `Anna Berg`, `anna berg ` and `ANNA BERG` are one person. The store asks
    `is_responsible` of each name the plan gives (`db/sql_rules.responsible_names`)
    rather than retyping this in SQL.
    """
    return normalise(name.strip())


def is_responsible(responsible: str, wanted: str) -> bool:
    """Whether an activity whose responsible is `responsible` is `wanted`'s."""
    return bool(wanted.strip()) and responsible_key(responsible) == responsible_key(wanted)
