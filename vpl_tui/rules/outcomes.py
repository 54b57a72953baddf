"""Metric ids, outcomes on a timeline, and a metric judged for a follow-up period.

A metric (mätetal) is named by a stable id: the plan file's `id`, or, without one, its
goal's number or initiative's id and its place (`1.1.3-m1`, `smart-m1`), so that plan
files written before metrics had ids keep loading and keep their meaning.

An outcome (utfall) is recorded for a follow-up period of the plan (`t1`, `delar`, `ar`)
or for a calendar year (as Kolada and the published plan give them), optionally split by
gender (T total, K kvinnor, M män). On the timeline a period stands at its end date and a
year at its last day; of two outcomes at the same day, the period's is the later.

A metric's published latest outcome (`latest`, with `latest_year`) is its outcome of that
year until one is recorded there; one published without a year stands before every
recorded outcome, so that "Öka" compares the first outcome recorded with it.

For a period P, a metric's *outcome* is its latest total (T) outcome at or before P's end,
its *previous outcome* the latest one at a day before that, and its *target* the plan's
target for P's year. The judgement is `vpl_tui.rules.targets.judge` of those: an outcome
in words ("Tas fram") cannot be judged.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from functools import lru_cache, partial
from typing import NamedTuple

from vpl_tui.rules.periods import TOTAL, Period, outcome_points  # the periods' rules, here too
from vpl_tui.rules.targets import Judgement, Value, judge, parse_target, parse_value

GENDERS = (TOTAL, "K", "M")
"""Total, kvinnor, män: as Swedish statistics split a figure."""
MAX_VALUE = 200
"""The longest outcome text: a number with its unit, or a few words."""
MAX_UNIT = 40
MAX_SOURCE = 64
"""The longest source: "Kolada", "SCB", a file's name (cut to this)."""


def generated_metric_id(owner: str, index: int) -> str:
    """The id of a metric without one in its plan file: owner and place, `1.1.3-m1`."""
    return f"{owner}-m{index + 1}"


class Outcome(NamedTuple):
    """One outcome as it stands (its history's last entry), or as the plan published it.

    A named tuple: `vpl metrics` makes one of each of a region's 100 000 outcomes.
    """

    metric: str
    value: str
    """As written: `44 418`, `49,4 %`, `198 personer`, or words. Never empty."""
    period: str | None = None
    """The follow-up period's id, or None for a year's outcome."""
    year: int | None = None
    gender: str = TOTAL
    source: str = ""
    """`Kolada`, `SCB`, a file's name, or "" (the controller's own, or the plan's)."""
    comment: str = ""
    user: str = ""
    at: str = ""
    version: int = 0
    """How many rows its history has (0: the plan's published outcome)."""

    def day(self, periods: Sequence[Period]) -> date | None:
        """Where it stands on the timeline; None for a period the plan no longer has."""
        if self.year is not None:
            return date(self.year, 12, 31)
        if self.period is None:  # published without a year: before anything recorded
            return date.min
        for period in periods:
            if period.id == self.period:
                return period.end
        return None

    @property
    def point(self) -> str:
        """The period's id or the year, as shown: `t1`, `2021`; "" for one published
        without a year."""
        if self.period is not None:
            return self.period
        return "" if self.year is None else str(self.year)


_outcome = partial(tuple.__new__, Outcome)
"""`Outcome` of a full tuple (every field, in order) without its Python `__new__`."""

_parsed_value = lru_cache(maxsize=1 << 15)(parse_value)
"""Outcome texts repeat across metrics and years (`100`, `Tas fram`): each is read once
(a `Value` is frozen, so one can be shared). Room for the 15 000 different figures of a
region's 100 000 outcomes: a cache smaller than that misses on most of them."""


def outcome_number(value: str, unit: str = "") -> Value | None:
    """An outcome's number, or None for one in words; a bare number takes the metric's unit."""
    parsed = _parsed_value(value)
    if parsed is None:
        return None
    if not parsed.unit and unit:
        return Value(parsed.number, "%" if unit.casefold() == "procent" else unit)
    return parsed


class MetricJudged(NamedTuple):
    """A metric for one period: its outcome and the one before, its target, the judgement."""

    outcome: Outcome | None
    previous: Outcome | None
    target: str | None
    judgement: Judgement


_parsed_target = lru_cache(maxsize=4096)(parse_target)
"""Targets repeat ("Öka" on every other metric): each text is read once."""
_TRENDS = ("increase", "decrease")
_year_end = lru_cache(maxsize=1024)(lambda year: date(year, 12, 31))
"""Where a year's outcome stands: its last day (made once a year, not once an outcome)."""
_judged = partial(tuple.__new__, MetricJudged)
"""`MetricJudged` of a tuple without its Python `__new__` (20 000 metrics are judged at once)."""


def period_ends(periods: Sequence[Period]) -> dict[str, date]:
    """Each period's end by its id: where an outcome of the period stands on the timeline."""
    return {p.id: p.end for p in periods}


OutcomeFields = tuple[str, str, str | None, int | None, str, str]
"""An outcome as a database row gives it: `Outcome`'s first fields, in its order (metric,
value, period, year, gender, source). An `Outcome` serves as one; `judge_metric` judges
either, so that a read of 100 000 rows makes an `Outcome` only of the two it shows."""
_NOT_READ = ("", "", "", 0)
"""A row's comment, user, time and version, which it does not carry."""


def as_outcome(row: Outcome | OutcomeFields) -> Outcome:
    """An `Outcome` of a row (`OutcomeFields`), without comment, user, time or version; an
    `Outcome` as it is."""
    if isinstance(row, Outcome):
        return row
    return _outcome(row + _NOT_READ)


def _latest_two(
    outcomes: Iterable[Outcome | OutcomeFields], ends: dict[str, date], end: date
) -> tuple[Outcome | OutcomeFields | None, Outcome | OutcomeFields | None]:
    """The outcome and the previous outcome at `end` (the module's rule), in one pass.

    On the timeline the total outcomes stand at (day, rank): a year's at its last day, a
    period's at its end a rank later, one published without a year at `date.min`; one of a
    period the plan no longer has, or after `end`, is not on it. The outcome is the latest
    there (of equal places, the later given); the previous outcome the latest at a day
    before the outcome's day. Found without placing and sorting them all: as each comes,
    it either takes the latest's place (the latest becoming the previous, when its day is
    earlier) or, at an earlier day than the latest's, may take the previous one's.
    """
    latest = previous = None
    latest_day = previous_day = date.min
    latest_rank = previous_rank = 0
    for outcome in outcomes:
        # By place, not by name: a row (`OutcomeFields`) has `Outcome`'s order, not its names.
        if outcome[4] != TOTAL or not outcome[1]:  # gender, value
            continue
        year = outcome[3]
        if year is not None:
            day, rank = _year_end(year), 0
        elif outcome[2] is None:  # no period either: published without a year
            day, rank = date.min, 0
        else:
            found = ends.get(outcome[2])
            if found is None:
                continue
            day, rank = found, 1
        if day > end:
            continue
        if latest is None or day > latest_day or (day == latest_day and rank >= latest_rank):
            if latest is not None and day > latest_day:
                previous, previous_day, previous_rank = latest, latest_day, latest_rank
            latest, latest_day, latest_rank = outcome, day, rank
        elif day < latest_day and (
            previous is None
            or day > previous_day
            or (day == previous_day and rank >= previous_rank)
        ):
            previous, previous_day, previous_rank = outcome, day, rank
    return latest, previous


def judge_metric(
    outcomes: Iterable[Outcome | OutcomeFields],
    period: Period,
    periods: Sequence[Period],
    targets: dict[str, str],
    *,
    unit: str = "",
    higher_is_better: bool = True,
    ends: dict[str, date] | None = None,
) -> MetricJudged:
    """A metric's outcome, previous outcome and judgement for `period` (the module's rule).

    `outcomes`: `Outcome`s or rows of them (`OutcomeFields`); the two judged are given as
    `Outcome`s. `ends`: each period's end by id (`period_ends(periods)`), when the caller
    judges many."""
    end = period.end
    found, before_it = _latest_two(outcomes, period_ends(periods) if ends is None else ends, end)
    target = targets.get(str(end.year))
    parsed = _parsed_target(target) if target is not None else None
    if found is None:
        return _judged((None, None, target, judge(parsed, None)))
    outcome = as_outcome(found)
    previous = None if before_it is None else as_outcome(before_it)
    value = outcome_number(outcome.value, unit)
    if value is None:
        return _judged((outcome, previous, target, "not_judgeable"))  # words: no number
    before = None
    if parsed is not None and parsed.comparison in _TRENDS and previous is not None:
        number = outcome_number(previous.value, unit)
        before = number.number if number is not None else None
    judgement = judge(parsed, value.number, before, higher_is_better=higher_is_better)
    return _judged((outcome, previous, target, judgement))


def value_problem(value: str, source: str = "") -> str | None:
    """Why an outcome text (and its source) cannot be recorded (a catalog key), or None."""
    if not value.strip():
        return "error.outcome_empty"
    if len(value) > MAX_VALUE:
        return "error.outcome_too_long"
    if len(source) > MAX_SOURCE:
        return "error.outcome_source_too_long"
    return None


class MetricInfo(NamedTuple):
    """A metric as the outcomes see it: its id, owner, name, unit and targets."""

    id: str
    goal_number: str
    initiative_id: str | None
    name: str
    unit: str
    kolada_kpi: str | None
    higher_is_better: bool
    latest: str
    latest_year: int | None
    targets: dict[str, str]

    @property
    def owner(self) -> str:
        """The goal or initiative whose follow-up it belongs to."""
        return self.initiative_id or self.goal_number

    def published(self) -> Outcome | None:
        """The plan's published latest outcome: of its year, or, without a year, the
        earliest outcome known (what a later one is compared with)."""
        value = self.latest.strip()
        if not value:
            return None
        # `Outcome(self.id, value, year=…)` without its Python `__new__`: one a metric.
        return _outcome((self.id, value, None, self.latest_year, TOTAL, "", "", "", "", 0))


class MetricLine(NamedTuple):
    """One metric for a period: what it is, and its outcome, target and judgement."""

    metric: MetricInfo
    judged: MetricJudged
    split: tuple[Outcome, ...] = ()
    """Its outcomes by gender (K, M) at the judged outcome's period or year."""


def has_outcome_for(outcomes: Iterable[Outcome], period: Period) -> bool:
    """Whether any of `outcomes` (recorded or published) is a total outcome for `period`."""
    points = outcome_points(period)
    return any(
        o.gender == TOTAL and bool(o.value.strip()) and (o.period, o.year) in points
        for o in outcomes
    )
