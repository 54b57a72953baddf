"""Follow-up periods (tertial, delårsrapport, årsredovisning) and which one is current.

A plan file may list its periods (`[[periods]]`); a plan without them gets the three a
Swedish municipality reports at, for the plan's year: Tertial 1 (January–April),
Delårsrapport (January–August, the report the law requires, with a full-year forecast) and
Årsredovisning (the year). During the year an assessment is a forecast ("bedöms
uppfyllas"); at the year's end it is the verdict ("uppfyllt").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

MAX_PERIODS = 24
"""The most periods a plan may have: monthly follow-up for two years."""


@dataclass(frozen=True, slots=True)
class Period:
    """One follow-up point of the plan."""

    id: str
    """Short and stable, used on the command line: `t1`, `delar`, `ar`."""
    name: str
    """As the plan writes it, e.g. "Tertial 1"; plan text, shown as written."""
    end: date
    """The last day the period covers: statuses and outcomes are read as of this day."""
    deadline: date | None = None
    """When the follow-up is due (the board's papers); None when the plan does not say."""
    verdict: bool = False
    """True for the year's verdict (årsredovisning); False for a forecast during the year."""

    def days_to_deadline(self, today: date) -> int | None:
        """Days left until the deadline (0 on the day, negative once passed), or None."""
        return None if self.deadline is None else (self.deadline - today).days


TOTAL = "T"
"""An outcome for both genders together (Swedish statistics split a figure T, K, M:
`vpl_tui.rules.outcomes.GENDERS`): the one a period's follow-up asks for."""


def outcome_points(period: Period) -> tuple[tuple[str | None, int | None], ...]:
    """Where an outcome *for* `period` stands, as (period id, year): the period's own, or
    its year's (as Kolada and the published plan give them). The completeness view's rule:
    a metric with a total (`TOTAL`) outcome at none of these lacks one for the period (an
    older outcome may still be judged, but it is not this round's). Here, not with the
    outcomes' judging (`vpl_tui.rules.outcomes`, which names it too), so that `vpl
    followup` builds its query without importing the targets' parser."""
    return ((period.id, None), (None, period.end.year))


def default_periods(year: int) -> tuple[Period, ...]:
    """The three periods of `year`, with the deadlines a board usually meets.

    The deadlines are when a controller's part is due for the board's next meeting: mid-May,
    mid-September, and the end of January after the year (the annual report is adopted in
    the spring; the follow-up itself is due first). A plan file states its own.
    """
    return (
        Period("t1", "Tertial 1", date(year, 4, 30), date(year, 5, 15), verdict=False),
        Period("delar", "Delårsrapport", date(year, 8, 31), date(year, 9, 15), verdict=False),
        Period("ar", "Årsredovisning", date(year, 12, 31), date(year + 1, 1, 31), verdict=True),
    )


def current_period(periods: Sequence[Period], today: date) -> Period | None:
    """The period whose end comes next (today included), else the last; None without periods."""
    if not periods:
        return None
    upcoming = [p for p in periods if p.end >= today]
    return min(upcoming, key=lambda p: p.end) if upcoming else max(periods, key=lambda p: p.end)


def previous_period(periods: Sequence[Period], period: Period) -> Period | None:
    """The period that ended last before `period`, or None for the first."""
    earlier = [p for p in periods if p.end < period.end]
    return max(earlier, key=lambda p: p.end) if earlier else None


def find_period(periods: Sequence[Period], wanted: str) -> Period | None:
    """A period by its id or its name, in any case (`T1`, `tertial 1`, `Delårsrapport`)."""
    folded = " ".join(wanted.split()).casefold()
    for period in periods:
        if folded in (period.id.casefold(), " ".join(period.name.split()).casefold()):
            return period
    return None


Reason = tuple[str, str, dict[str, object]]
"""A problem as (field, catalog key, values): the plan file's reader words it in the
interface's language (`vpl_tui.catalog.plan_checks`); field "" is the whole list."""


def period_reasons(periods: Sequence[Period]) -> list[Reason]:
    """What is wrong with a plan's list of periods, one problem each."""
    problems: list[Reason] = []
    if len(periods) > MAX_PERIODS:
        problems.append(("", "plan.periods.too_many", {"limit": MAX_PERIODS}))
    seen: set[str] = set()
    for index, period in enumerate(periods):
        where = f"periods[{index}]"
        if period.id.casefold() in seen:
            problems.append((f"{where}.id", "plan.periods.id_twice", {"id": repr(period.id)}))
        seen.add(period.id.casefold())
        if period.deadline is not None and period.deadline < period.end:
            values = {"deadline": period.deadline, "end": period.end}
            problems.append((f"{where}.deadline", "plan.periods.deadline_before_end", values))
    ends = [p.end for p in periods]
    if ends != sorted(ends) or len(set(ends)) != len(ends):
        problems.append(("periods", "plan.periods.ends_in_order", {}))
    if sum(p.verdict for p in periods) > 1:
        problems.append(("periods", "plan.periods.one_verdict", {}))
    return problems


def period_problems(periods: Sequence[Period]) -> list[str]:
    """`period_reasons` as lines in English (`field: reason`)."""
    return [english_line(reason) for reason in period_reasons(periods)]


def english_line(reason: Reason) -> str:
    """A problem as one English line, `field: reason` (`reason` alone for field "")."""
    from vpl_tui.strings import Strings  # the catalog: only when a problem is worded

    field, key, values = reason
    said = Strings("en")(key, **values)
    return f"{field}: {said}" if field else said
