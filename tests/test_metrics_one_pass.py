"""The outcome and the previous one found in one pass, as the timeline's rule states them.

`judge_metric` finds a metric's outcome and previous outcome without sorting them all; these
tests hold it to the rule as the module states it (placed on the timeline by day, then
rank, of equal places the later given; the previous the latest at an earlier day), to rows
judged as `Outcome`s are, and the text's outcome to what `one_line` and `clean` give.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from vpl_tui.rules.outcomes import Outcome, as_outcome, judge_metric
from vpl_tui.rules.periods import Period, default_periods
from vpl_tui.safetext import clean, one_line

# Two periods end the same day as the year does: ties of day (and of day and rank).
PERIODS = (*default_periods(2023), Period("bokslut", "Bokslut", date(2023, 12, 31)))
ENDS = {p.id: p.end for p in PERIODS}


def _placed_by_sorting(outcomes: list[Outcome], end: date) -> tuple[Outcome | None, ...]:
    """The rule as the module states it, by placing every outcome and sorting (stable)."""
    placed = []
    for outcome in outcomes:
        if outcome.gender != "T" or not outcome.value:
            continue
        if outcome.year is not None:
            day, rank = date(outcome.year, 12, 31), 0
        elif outcome.period is None:
            day, rank = date.min, 0
        elif outcome.period in ENDS:
            day, rank = ENDS[outcome.period], 1
        else:
            continue
        if day <= end:
            placed.append((day, rank, outcome))
    placed.sort(key=lambda item: (item[0], item[1]))
    if not placed:
        return None, None
    day = placed[-1][0]
    previous = next((item[2] for item in reversed(placed) if item[0] < day), None)
    return placed[-1][2], previous


_POINTS = st.one_of(
    st.sampled_from(["t1", "delar", "ar", "bokslut", "gone", None]),
    st.integers(2020, 2024),
)


@given(
    st.lists(
        st.tuples(st.sampled_from(["", "1", "2", "3,5", "ord"]), _POINTS, st.sampled_from("TTK")),
        max_size=8,
    )
)
def test_one_pass_finds_what_placing_and_sorting_finds(values) -> None:  # noqa: ANN001
    outcomes = [
        Outcome(f"m{i}", v, p if isinstance(p, str) else None, p if isinstance(p, int) else None, g)
        for i, (v, p, g) in enumerate(values)
    ]
    rows = [tuple(o[:6]) for o in outcomes]  # as the database gives them
    for period in PERIODS:
        expected = _placed_by_sorting(outcomes, period.end)
        judged = judge_metric(outcomes, period, PERIODS, {"2023": "Öka"})
        assert (judged.outcome, judged.previous) == expected
        from_rows = judge_metric(rows, period, PERIODS, {"2023": "Öka"})
        assert from_rows == judged
        assert from_rows.outcome is None or type(from_rows.outcome) is Outcome


def test_a_row_becomes_an_outcome_without_who_or_when() -> None:
    found = as_outcome(("m", "12", None, 2022, "T", "Kolada"))
    assert found == Outcome("m", "12", None, 2022, "T", "Kolada")
    assert (found.user, found.at, found.version) == ("", "", 0)
    assert as_outcome(found) is found


@given(st.text(max_size=80), st.sampled_from([0, 10, 60]))
def test_one_line_is_clean_already(text: str, width: int) -> None:
    """The text's outcome is `one_line` alone (`summary.metrics.shown`): cleaning it again
    changes nothing."""
    assert clean(one_line(text, width)) == one_line(text, width)
