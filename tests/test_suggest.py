"""The suggested assessment: the rule the docs state, example by example."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from vpl_tui.rules.assessments import DEFAULT_SCALE
from vpl_tui.rules.suggest import suggest

END = date(2023, 8, 31)


@dataclass(frozen=True)
class A:
    status: str
    end: date = date(2023, 12, 31)


def test_the_docs_example_is_partly_met() -> None:
    activities = [A("done")] * 6 + [A("in_progress", date(2023, 6, 1))] * 2
    found = suggest(DEFAULT_SCALE, ["met", "improving", "not_met"], activities, END, verdict=True)
    assert found is not None
    assert found.level.code == "partly_met"
    assert (found.metrics_favourable, found.metrics_judged) == (2, 3)
    assert (found.activities_on_track, found.activities_counted) == (6, 8)


def test_all_well_is_met_and_nothing_is_not_met() -> None:
    assert suggest(DEFAULT_SCALE, ["met"], [A("done")], END, verdict=True).level.code == "met"
    late = [A("delayed", date(2023, 5, 1))] * 3
    assert suggest(DEFAULT_SCALE, ["not_met"], late, END, verdict=False).level.code == "not_met"


def test_during_the_year_activities_on_time_count() -> None:
    on_time = [A("in_progress")] * 4
    assert suggest(DEFAULT_SCALE, [], on_time, END, verdict=False).level.code == "met"
    assert suggest(DEFAULT_SCALE, [], on_time, END, verdict=True).level.code == "not_met"


def test_cancelled_and_unjudgeable_are_left_out() -> None:
    found = suggest(
        DEFAULT_SCALE, ["not_judgeable", "no_outcome"], [A("cancelled")], END, verdict=True
    )
    assert found is None
    found = suggest(DEFAULT_SCALE, ["not_judgeable", "met"], [A("cancelled")], END, verdict=True)
    assert found is not None and found.metrics_judged == 1 and found.activities_counted == 0


def test_the_thresholds() -> None:
    def level(done: int, of: int) -> str:
        activities = [A("done")] * done + [A("not_started", date(2023, 1, 1))] * (of - done)
        return suggest(DEFAULT_SCALE, [], activities, END, verdict=True).level.code

    assert [level(n, 4) for n in range(5)] == [
        "not_met",  # 0
        "partly_met",  # 0.25
        "partly_met",  # 0.5
        "met",  # 0.75
        "met",  # 1
    ]
