"""Follow-up rules without a terminal or a database: periods, the scale, what a follow-up lacks."""

from __future__ import annotations

from datetime import date

import pytest

from vpl_tui.rules.assessments import (
    DEFAULT_SCALE,
    Assessment,
    Level,
    actions_required,
    assessment_problem,
    editable,
    followup_gaps,
    scale_problems,
)
from vpl_tui.rules.periods import (
    Period,
    current_period,
    default_periods,
    find_period,
    period_problems,
    previous_period,
)

PERIODS = default_periods(2023)


def test_default_periods_of_a_year() -> None:
    assert [(p.id, p.name, p.end) for p in PERIODS] == [
        ("t1", "Tertial 1", date(2023, 4, 30)),
        ("delar", "Delårsrapport", date(2023, 8, 31)),
        ("ar", "Årsredovisning", date(2023, 12, 31)),
    ]
    assert [p.verdict for p in PERIODS] == [False, False, True]
    assert period_problems(PERIODS) == []


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2023, 1, 10), "t1"),
        (date(2023, 4, 30), "t1"),  # the end day is still the period's
        (date(2023, 5, 1), "delar"),
        (date(2023, 12, 31), "ar"),
        (date(2024, 3, 1), "ar"),  # after the last: the last
    ],
)
def test_the_current_period_is_the_one_that_ends_next(today: date, expected: str) -> None:
    current = current_period(PERIODS, today)
    assert current is not None and current.id == expected


def test_no_periods_no_current() -> None:
    assert current_period([], date(2023, 1, 1)) is None


def test_previous_period_and_days_to_the_deadline() -> None:
    t1, delar, _ = PERIODS
    assert previous_period(PERIODS, delar) == t1
    assert previous_period(PERIODS, t1) is None
    assert t1.days_to_deadline(date(2023, 5, 10)) == 5
    assert t1.days_to_deadline(date(2023, 5, 20)) == -5
    assert Period("x", "X", date(2023, 1, 1)).days_to_deadline(date(2023, 1, 1)) is None


def test_a_period_is_found_by_id_or_name_in_any_case() -> None:
    assert find_period(PERIODS, "T1") == PERIODS[0]
    assert find_period(PERIODS, "delårsrapport") == PERIODS[1]
    assert find_period(PERIODS, "  tertial   1 ") == PERIODS[0]
    assert find_period(PERIODS, "q3") is None


def test_bad_periods_are_named() -> None:
    bad = [
        Period("a", "A", date(2023, 5, 1), deadline=date(2023, 4, 1)),
        Period("A", "B", date(2023, 4, 1), verdict=True),
        Period("c", "C", date(2023, 12, 31), verdict=True),
    ]
    assert period_problems(bad) == [
        "periods[0].deadline: 2023-04-01 is before the end 2023-05-01",
        "periods[1].id: 'A' is used twice",
        "periods: end dates must be in order, each later than the one before",
        "periods: at most one period is the year's verdict",
    ]


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("met", "met"),
        ("Uppfyllt", "met"),
        ("DELVIS UPPFYLLT", "partly_met"),
        ("partly met", "partly_met"),
        ("partly_met", "partly_met"),
        ("bedöms inte uppfyllas", "not_met"),
        ("Not met", "not_met"),
        ("ej bedömd", "not_assessed"),
    ],
)
def test_a_level_from_its_code_or_words(typed: str, code: str) -> None:
    level = DEFAULT_SCALE.parse(typed)
    assert level is not None and level.code == code


def test_unknown_words_are_no_level() -> None:
    assert DEFAULT_SCALE.parse("bra") is None


def test_the_default_scale_reads_without_colour() -> None:
    symbols = [level.symbol for level in DEFAULT_SCALE.levels]
    assert len(set(symbols)) == len(symbols) == 4
    assert DEFAULT_SCALE.worst.code == "not_met"
    assert DEFAULT_SCALE.level("met").label("sv", forecast=True) == "Bedöms uppfyllas"
    assert DEFAULT_SCALE.level("met").label("en") == "Met"


def test_actions_are_required_at_the_worst_level() -> None:
    assert actions_required(DEFAULT_SCALE, "not_met")
    assert not actions_required(DEFAULT_SCALE, "partly_met")
    assert assessment_problem(DEFAULT_SCALE, Assessment("not_met", "why")) == (
        "assessment.actions_required"
    )
    assert assessment_problem(DEFAULT_SCALE, Assessment("not_met", "why", "do")) is None
    assert assessment_problem(DEFAULT_SCALE, Assessment("great")) == "assessment.unknown_level"
    assert assessment_problem(DEFAULT_SCALE, Assessment("met", "x" * 20_001)) == (
        "assessment.too_long"
    )


def test_what_a_follow_up_lacks() -> None:
    gaps = followup_gaps
    assert gaps(DEFAULT_SCALE, None, False) == ["no_assessment", "not_ready"]
    assert gaps(DEFAULT_SCALE, Assessment("not_assessed"), False) == [
        "no_assessment",
        "not_ready",
    ]
    assert gaps(DEFAULT_SCALE, Assessment("not_met"), False) == [
        "no_analysis",
        "no_actions",
        "not_ready",
    ]
    assert gaps(DEFAULT_SCALE, Assessment("met", "bra"), True) == []


def test_ready_is_read_only() -> None:
    assert editable(False) and not editable(True)


def test_bad_scales_are_named() -> None:
    level = DEFAULT_SCALE.levels[0]
    unassessed = DEFAULT_SCALE.levels[3]
    broken = Level("met", "a", "a", "a", "a", "red", "ab")
    assert scale_problems([level, broken, unassessed], ["nope"]) == [
        "scale: every level needs its own code",
        "scale.actions_required: 'nope' is not a level of the scale",
        "scale.levels[1].symbol: one character",
    ]
    assert "scale: at least one level must be an assessment" in scale_problems([unassessed], [])
