"""The economy's rules: deviation, material deviations, rounding told apart, forecast accuracy."""

from __future__ import annotations

from decimal import Decimal as D

from hypothesis import given
from hypothesis import strategies as st

from vpl_tui.rules.economy import (
    FollowUpRow,
    comment_required,
    deviation,
    difference_kind,
    forecast_accuracy,
    forecasts_add_up,
    missing_comments,
    rounding_tolerance,
)


def test_deviation_is_budget_minus_forecast() -> None:
    assert deviation(D(279191), D(280000)) == D(-809)  # a deficit
    assert deviation(D(1000), D(900)) == D(100)  # a surplus


def test_a_deviation_over_one_percent_needs_a_comment() -> None:
    assert not comment_required(D(100_000), D(101_000))  # exactly 1 %
    assert comment_required(D(100_000), D(101_001))
    assert comment_required(D(100_000), D(98_000), threshold=D("0.015"))
    assert comment_required(D(0), D(1))
    assert not comment_required(D(0), D(0))


def test_the_bundled_plans_one_tkr_in_2021_is_rounding() -> None:
    """Three printed terms, each rounded to whole tkr, can be off by 1,5 tkr together."""
    assert rounding_tolerance(3) == D("1.5")
    assert difference_kind(D(1), terms=3) == "rounding"
    assert difference_kind(D(2), terms=3) == "discrepancy"
    assert difference_kind(D(0), terms=3) == "equal"
    assert difference_kind(D("0.1"), terms=2, unit=D("0.1")) == "rounding"  # mnkr, one decimal
    assert difference_kind(D("0.1"), terms=1, unit=D("0.1")) == "discrepancy"


@given(st.integers(1, 50), st.integers(-10_000, 10_000))
def test_rounding_is_exactly_what_rounded_terms_can_explain(terms: int, tenths: int) -> None:
    difference = D(tenths) / 10
    kind = difference_kind(difference, terms)
    assert (kind == "rounding") == (0 < abs(difference) <= D(terms) / 2)


def test_forecast_accuracy() -> None:
    accuracy = forecast_accuracy(D(102), D(100))
    assert accuracy.difference == D(2) and accuracy.share == D("0.02")
    assert forecast_accuracy(D(5), D(0)).share is None


def test_the_follow_up_table_checks() -> None:
    rows = [
        FollowUpRow("Stab", D(1000), D(300), D(1100), comment=""),
        FollowUpRow("HR", D(2000), D(700), D(2000)),
        FollowUpRow("IT", D(500), None, None),
    ]
    assert rows[0].deviation == D(-100) and rows[2].deviation is None
    assert missing_comments(rows) == ["Stab"]
    assert not forecasts_add_up(rows, D(3100))
    assert forecasts_add_up(rows[:2], D(3100))
