"""Targets read as comparisons and outcomes judged: every target text of the bundled plan."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vpl_tui.rules.targets import Target, Value, judge, parse_target, parse_value

D = Decimal


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # Every target text the bundled plan has:
        ("Öka", Target("increase")),
        ("Högst 50", Target("at_most", Value(D(50)))),
        ("Högst 10", Target("at_most", Value(D(10)))),
        ("Lägre än 134", Target("below", Value(D(134)))),
        ("Tas fram", None),
        # And the other forms plans write:
        ("Minska", Target("decrease")),
        ("minst 20", Target("at_least", Value(D(20)))),
        ("Högre än 3,5", Target("above", Value(D("3.5")))),
        ("50", Target("reach", Value(D(50)))),
        ("49,4 procent", Target("reach", Value(D("49.4"), "%"))),
        ("75 %", Target("reach", Value(D(75), "%"))),
        ("44 418", Target("reach", Value(D(44418)))),
        ("Tas fram under 2023", None),
        ("Plats 10", None),
        ("", None),
    ],
)
def test_target_texts(text: str, target: Target | None) -> None:
    assert parse_target(text) == target


def test_every_target_of_the_bundled_plan_is_parsed_or_not_judgeable(seed_plan) -> None:  # noqa: ANN001
    texts = {
        text
        for goal in seed_plan.goals
        for metric in [*goal.metrics, *(m for i in goal.initiatives for m in i.metrics)]
        for text in metric.targets.values()
    }
    assert texts == {"Öka", "Högst 50", "Högst 10", "Lägre än 134", "Tas fram"}
    assert {t: parse_target(t) is not None for t in texts} == {
        "Öka": True,
        "Högst 50": True,
        "Högst 10": True,
        "Lägre än 134": True,
        "Tas fram": False,
    }


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("44 418", Value(D(44418))),
        ("198 personer", Value(D(198), "personer")),
        ("49,4 procent", Value(D("49.4"), "%")),
        ("29,7 procent", Value(D("29.7"), "%")),
        ("−3", Value(D(-3))),
        ("134", Value(D(134))),
        ("Plats 120", None),
        ("Betyg 2,45 av 6", None),
        ("Tas fram", None),
    ],
)
def test_outcome_values(text: str, value: Value | None) -> None:
    assert parse_value(text) == value


@pytest.mark.parametrize(
    ("target", "outcome", "previous", "judgement"),
    [
        ("Högst 50", 267, None, "not_met"),
        ("Högst 50", 50, None, "met"),
        ("Lägre än 134", 134, None, "not_met"),
        ("Lägre än 134", 120, None, "met"),
        ("Minst 20", 20, None, "met"),
        ("Högre än 20", 20, None, "not_met"),
        ("Öka", 45000, 44418, "improving"),
        ("Öka", 44418, 44418, "unchanged"),
        ("Öka", 40000, 44418, "worsening"),
        ("Öka", 40000, None, "not_judgeable"),
        ("Minska", 100, 134, "improving"),
        ("Tas fram", 5, None, "not_judgeable"),
        ("Högst 50", None, None, "no_outcome"),
        ("50", 60, None, "met"),
    ],
)
def test_judgements(target: str, outcome: int | None, previous: int | None, judgement: str) -> None:
    value = None if outcome is None else D(outcome)
    before = None if previous is None else D(previous)
    assert judge(parse_target(target), value, before) == judgement


def test_a_bare_number_where_lower_is_better() -> None:
    assert judge(parse_target("50"), D(60), higher_is_better=False) == "not_met"
    assert judge(parse_target("50"), D(40), higher_is_better=False) == "met"


@given(st.text(max_size=300), st.decimals(allow_nan=False, allow_infinity=False, places=2))
def test_the_parser_never_crashes_and_never_judges_an_unparsed_text(
    text: str, outcome: Decimal
) -> None:
    target = parse_target(text)
    parse_value(text)
    if target is None:
        assert judge(target, outcome) == "not_judgeable"
