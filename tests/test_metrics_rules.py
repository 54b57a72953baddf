"""The metrics' pure rules: generated ids, the outcome timeline, a metric judged for a period."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from vpl_tui.model import Plan
from vpl_tui.model.metrics import Metric, OutcomeChange, OutcomeEntry, outcome_problems
from vpl_tui.rules.outcomes import (
    MetricInfo,
    Outcome,
    generated_metric_id,
    judge_metric,
    outcome_number,
    value_problem,
)
from vpl_tui.rules.periods import default_periods
from vpl_tui.rules.targets import JUDGEMENTS

PERIODS = default_periods(2023)
T1, DELAR, AR = PERIODS


def test_a_metric_without_an_id_is_named_by_its_owner_and_place() -> None:
    assert generated_metric_id("1.1.3", 0) == "1.1.3-m1"
    assert generated_metric_id("smart", 1) == "smart-m2"


def test_the_bundled_plans_metrics_have_the_ids_a_file_without_ids_gives(seed_plan: Plan) -> None:
    from vpl_tui.model.metrics import metric_ids

    ids, problems = metric_ids(seed_plan.goals)
    assert problems == []
    assert ids[:2] == ["1.1.1-m1", "1.1.1-m2"]
    assert "accelererad-m1" in ids and "smart-m1" in ids
    assert len(set(ids)) == len(ids) == 14
    assert seed_plan.plan.municipality_code == "2580"


def outcome(value: str, *, period: str | None = None, year: int | None = None, **kw) -> Outcome:  # noqa: ANN003
    return Outcome("m", value, period, year, **kw)


def test_an_increase_is_judged_against_the_outcome_before_it() -> None:
    targets = {"2023": "Öka"}
    found = judge_metric(
        [outcome("44 418", year=2021), outcome("45 000", period="t1")], T1, PERIODS, targets
    )
    assert found.judgement == "improving"
    assert (found.outcome.value, found.previous.value) == ("45 000", "44 418")
    assert found.target == "Öka"


def test_the_outcome_of_a_period_is_the_latest_at_or_before_its_end() -> None:
    later = outcome("10", period="delar")
    found = judge_metric([outcome("12", period="t1"), later], T1, PERIODS, {"2023": "Minska"})
    assert found.outcome.value == "12" and found.previous is None
    assert found.judgement == "not_judgeable"  # nothing before to compare with
    at_delar = judge_metric([outcome("12", period="t1"), later], DELAR, PERIODS, {"2023": "Minska"})
    assert at_delar.judgement == "improving"


def test_a_year_and_the_year_end_period_the_period_is_later() -> None:
    found = judge_metric(
        [outcome("5", year=2023), outcome("7", period="ar")], AR, PERIODS, {"2023": "Högst 6"}
    )
    assert found.outcome.value == "7" and found.judgement == "not_met"
    assert found.previous is None  # the same day is no earlier outcome to compare with


def test_only_totals_are_judged_and_a_bare_number_takes_the_metrics_unit() -> None:
    found = judge_metric(
        [outcome("60", period="t1", gender="K"), outcome("40", period="t1")],
        T1,
        PERIODS,
        {"2023": "50 %"},
        unit="%",
        higher_is_better=False,
    )
    assert found.outcome.value == "40" and found.judgement == "met"
    assert outcome_number("40", "procent").unit == "%"


def test_an_outcome_in_words_cannot_be_judged_and_none_is_no_outcome() -> None:
    assert judge_metric(
        [outcome("Tas fram", year=2022)], T1, PERIODS, {"2023": "Högst 5"}
    ).judgement == ("not_judgeable")
    assert judge_metric([], T1, PERIODS, {"2023": "Högst 5"}).judgement == "no_outcome"
    assert judge_metric([], T1, PERIODS, {"2023": "Tas fram"}).judgement == "not_judgeable"


def test_a_published_outcome_without_a_year_comes_before_every_recorded_one() -> None:
    info = MetricInfo("smart-m1", "1.1.4", "smart", "D", "", None, True, "49,4 procent", None, {})
    published = info.published()
    assert published is not None and published.point == ""
    found = judge_metric([published, outcome("51,0 %", period="t1")], T1, PERIODS, {"2023": "Öka"})
    assert found.judgement == "improving" and found.previous == published


def test_an_outcome_value_must_be_given_and_short() -> None:
    assert value_problem(" ") == "error.outcome_empty"
    assert value_problem("x" * 201) == "error.outcome_too_long"
    assert value_problem("44 418") is None


def test_an_outcome_entry_names_a_period_or_a_year_and_its_undos_restore() -> None:
    at = "2023-05-01T10:00:00Z"
    entry = OutcomeEntry(
        metric="m",
        period="t1",
        year=2023,
        history=[
            OutcomeChange(at=at, value="5"),
            OutcomeChange(at=at, value="4", undoes=0),
        ],
    )
    problems = outcome_problems([entry], {"t1"})
    assert ("outcomes[0]", "give a period or a year, not both") in problems
    assert any("restores the entry before it" in reason for _, reason in problems)
    assert Metric(name="x").higher_is_better is True


@given(
    st.lists(
        st.tuples(
            st.one_of(st.text(max_size=12), st.sampled_from(["44 418", "49,4 %", "−3", "12"])),
            st.one_of(st.sampled_from(["t1", "delar", "ar", "gone"]), st.integers(2019, 2024)),
            st.sampled_from(["T", "K", "M"]),
        ),
        max_size=6,
    ),
    st.one_of(st.none(), st.text(max_size=20), st.sampled_from(["Öka", "Minska", "Högst 50"])),
)
def test_judging_never_crashes_and_words_are_never_judged(values, target) -> None:  # noqa: ANN001
    outcomes = [
        Outcome("m", v, p if isinstance(p, str) else None, p if isinstance(p, int) else None, g)
        for v, p, g in values
    ]
    targets = {} if target is None else {"2023": target}
    for period in PERIODS:
        found = judge_metric(outcomes, period, PERIODS, targets)
        assert found.judgement in JUDGEMENTS
        if found.outcome is not None:
            assert found.outcome.gender == "T"
            assert found.outcome.day(PERIODS) <= period.end
            if outcome_number(found.outcome.value) is None:
                assert found.judgement in ("not_judgeable",)
        if found.previous is not None:
            assert found.previous.day(PERIODS) < found.outcome.day(PERIODS)


def test_a_period_outcome_stands_at_its_end() -> None:
    assert outcome("1", period="t1").day(PERIODS) == date(2023, 4, 30)
    assert outcome("1", year=2021).day(PERIODS) == date(2021, 12, 31)
    assert outcome("1", period="gone").day(PERIODS) is None
