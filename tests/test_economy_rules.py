"""Pure rules of the economy's follow-up: rounding in the checks, the follow-up table, the CSV."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from hypothesis import given
from hypothesis import strategies as st

from vpl_tui.budget.check import FigureAddress, Term, compare
from vpl_tui.budget.followup import Forecast, build_followup, threshold_share
from vpl_tui.budget.forecast_csv import read_forecast_csv
from vpl_tui.records import BudgetFigures, OperatingFigures, UnitFigures, UnitTable
from vpl_tui.rules.checks import failures_first, tally
from vpl_tui.rules.figures import editable_column
from vpl_tui.rules.periods import Period
from vpl_tui.strings import Strings


def _check(published: int | None, terms: list[int], unit: str = "tkr"):
    address = FigureAddress("operating", "result", 2021)
    return compare(
        id="x",
        group="operating",
        key="budget.check.operating_result",
        values={},
        year=2021,
        unit=unit,  # type: ignore[arg-type]
        published=None if published is None else D(published),
        published_label="",
        target=address,
        terms=[Term(address, "", D(t)) for t in terms],
    )


def test_the_bundled_plans_one_tkr_over_three_figures_is_rounding() -> None:
    assert _check(20283, [270866, -250584]).status == "rounding"  # 1 ≤ 3 × ½
    assert _check(20284, [270866, -250584]).status == "fail"  # 2 > 1,5
    assert _check(20282, [270866, -250584]).status == "pass"
    assert _check(None, [1]).status == "unchecked"


@given(st.integers(-10, 10), st.integers(1, 6))
def test_rounding_is_a_difference_of_at_most_half_a_tkr_per_printed_figure(
    difference: int, terms: int
) -> None:
    parts = [1000] + [0] * (terms - 1)
    status = _check(1000 + difference, parts).status
    figures = terms + 1
    if difference == 0:
        assert status == "pass"
    elif abs(difference) * 2 <= figures:
        assert status == "rounding"
    else:
        assert status == "fail"


def test_mkr_figures_are_never_rounding_and_rounding_is_counted_apart() -> None:
    assert _check(3, [2], unit="mkr").status == "fail"
    checks = [_check(20283, [270866, -250584]), _check(5, [5]), _check(9, [5])]
    counts = tally(checks)
    assert (counts.passed, counts.failed, counts.rounding, counts.total) == (1, 1, 1, 3)
    assert [c.status for c in failures_first(checks)] == ["fail", "rounding", "pass"]
    assert checks[0].explain(Strings("sv"))[-1].startswith("≈ Avrundning")


def test_actual_columns_are_read_only() -> None:
    assert not editable_column("actual")
    assert editable_column("forecast") and editable_column("budget") and editable_column(None)


BUDGET = BudgetFigures(
    unit="tkr",
    explanation="",
    operating=OperatingFigures(
        columns={"2023": "budget"},
        net_costs={"2023": 300},
        grant={"2023": 300},
        result={"2023": 0},
    ),
    units=UnitTable(
        columns={"2023": "budget"},
        units=[UnitFigures("A", {"2023": 100}), UnitFigures("B", {"2023": 200})],
        total={"2023": 300},
    ),
    pot=None,
    investments=None,
)
T1 = Period("t1", "Tertial 1", date(2023, 4, 30))
AR = Period("ar", "Årsredovisning", date(2023, 12, 31), verdict=True)


def test_the_follow_up_table_checks_totals_result_and_comments() -> None:
    entered = {
        ("units", "A"): Forecast(D(30), D(110), ""),
        ("units", "B"): Forecast(D(60), D(200), ""),
        ("operating", "net_costs"): Forecast(None, D(310), ""),
        ("operating", "result"): Forecast(None, D(-10), ""),
    }
    table = build_followup(BUDGET, 2023, T1, entered, threshold=threshold_share(None))
    assert [r.deviation for r in table.rows] == [D(-10), D(0)]
    assert table.total.forecast == D(310) and table.total.outcome == D(90)
    statuses = {c.id: c.status for c in table.checks}
    assert statuses == {
        "economy.add_up": "pass",
        "economy.result": "pass",
        "economy.comments": "fail",
    }
    assert table.needs_comment == frozenset({"A"})  # 10 > 1 % of 100
    wrong = {**entered, ("operating", "result"): Forecast(None, D(0), "")}
    check = next(
        c for c in build_followup(BUDGET, 2023, T1, wrong).checks if c.id == "economy.result"
    )
    assert (check.status, check.difference) == ("fail", D(10))


def test_forecast_accuracy_once_the_years_outcome_exists() -> None:
    made = {("units", "A"): Forecast(None, D(110), "")}
    final = {("units", "A"): Forecast(D(100), None, "")}
    table = build_followup(
        BUDGET, 2023, T1, made, year_outcomes=final, accuracy_period=T1, accuracy_forecasts=made
    )
    [unit] = table.accuracy
    assert (unit.unit, unit.accuracy.difference, unit.accuracy.share) == ("A", D(10), D("0.1"))
    assert build_followup(BUDGET, 2023, T1, made).accuracy == []


def test_a_csv_is_read_with_either_separator_and_its_problems_named_by_line() -> None:
    good = read_forecast_csv("enhet;period;utfall;prognos\nA;t1;1 000;−2 000\n".encode(), "f")
    assert good.problems == [] and good.rows[0].forecast == D(-2000)
    comma = read_forecast_csv(b'unit,period,outcome,forecast\nA,t1,"1 000",5\n', "f")
    assert comma.rows[0].outcome == D(1000)
    bad = read_forecast_csv(b"unit;period;outcome;forecast\nA;t1;1,5;x\nA;t1;1\n", "f")
    said = [p.render(Strings("en")) for p in bad.problems]
    assert said == [
        "f:2: outcome 1,5 is not an amount in whole tkr",
        "f:2: forecast x is not an amount in whole tkr",
        "f:3: 3 fields, expected 4",
    ]


def test_a_driftredovisning_in_mnkr_with_one_decimal_checks_its_definitions() -> None:
    from vpl_tui.budget.accounts import DriftRow, PublishedUnit, drift_checks

    unit = PublishedUnit("mnkr", 1)
    assert unit.step == D("0.1") and unit.to_tkr(D("175.9")) == D(175900)
    fritid = DriftRow(
        "Fritid",
        {
            "income": D("20.3"),
            "costs": D("196.2"),
            "net_costs": D("175.9"),
            "grant": D("176.0"),
            "result": D("0.1"),
            "disposition": D("0.0"),
            "opening_result": D("2.0"),
            "closing_result": D("2.1"),
        },
    )
    # Kultur prints a net cost 0,1 off its parts: the rounding of three printed figures.
    kultur = DriftRow(
        "Kultur",
        {"income": D("5.1"), "costs": D("40.3"), "net_costs": D("35.3"), "grant": D("35.0")},
    )
    total = DriftRow("Summa", {"net_costs": D("211.2"), "grant": D("211.0"), "result": D("-0.2")})
    checks = {(c.row, c.column): c for c in drift_checks([fritid, kultur], unit, total)}
    assert checks[("Fritid", "net_costs")].status == "pass"
    assert checks[("Fritid", "closing_result")].status == "pass"
    assert checks[("Kultur", "net_costs")].status == "rounding"  # 35,3 vs 35,2: 0,1 ≤ 3 × 0,05
    assert checks[("Kultur", "result")].status == "unchecked"  # no result printed
    assert checks[("Summa", "sum.net_costs")].status == "pass"
    assert checks[("Summa", "result")].status == "pass"
    wrong = DriftRow("Fritid", {**fritid.figures, "net_costs": D("176.2")})
    assert {(c.column, c.status) for c in drift_checks([wrong], unit)} >= {("net_costs", "fail")}
