"""The budget checks (vpl_tui.budget) on small budgets built here; the bundled plan is in
test_budget_bundled.py."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from vpl_tui.budget import (
    Check,
    FigureAddress,
    failures_first,
    reconcile,
    render_json,
    render_text,
)
from vpl_tui.model import Budget
from vpl_tui.records import Earmark
from vpl_tui.strings import Strings

SV, EN = Strings("sv"), Strings("en")


def make_budget(**parts: Any) -> Budget:
    """A budget with a two-year operating table that adds up; `parts` replace or add tables."""
    data: dict[str, Any] = {
        "operating": {
            "columns": {"2022": "forecast", "2023": "budget"},
            "net_costs": {"2022": 900, "2023": 1000},
            "grant": {"2022": 1000, "2023": 1000},
            "result": {"2022": 100, "2023": 0},
        }
    }
    data.update(parts)
    return Budget.model_validate(data)


def by_id(checks: list[Check]) -> dict[str, Check]:
    return {check.id: check for check in checks}


def one(budget: Budget, check_id: str, earmarks: list[Earmark] | None = None) -> Check:
    return by_id(reconcile(budget, earmarks or []))[check_id]


# -- 1. operating ---------------------------------------------------------------------------------


def test_operating_result_passes_when_grant_minus_net_costs_is_the_result() -> None:
    check = one(make_budget(), "operating.result.2022")
    assert (check.status, check.published, check.computed, check.difference) == (
        "pass",
        Decimal(100),
        Decimal(100),
        Decimal(0),
    )
    assert check.unit == "tkr" and check.year == 2022
    assert check.target == FigureAddress("operating", "result", 2022)
    assert set(check.addresses) == {
        FigureAddress("operating", "result", 2022),
        FigureAddress("operating", "grant", 2022),
        FigureAddress("operating", "net_costs", 2022),
    }


def test_operating_result_fails_by_the_difference_published_minus_computed() -> None:
    budget = make_budget()
    budget.operating.result["2023"] = -7
    check = one(budget, "operating.result.2023")
    assert (check.status, check.computed, check.difference) == ("fail", 0, Decimal(-7))


def test_operating_result_is_unchecked_when_a_year_lacks_the_grant() -> None:
    budget = make_budget()
    del budget.operating.grant["2023"]
    check = one(budget, "operating.result.2023")
    assert (check.status, check.computed, check.difference) == ("unchecked", None, None)
    assert check.published == 0


# -- 2. units -------------------------------------------------------------------------------------


UNITS = {
    "columns": {"2022": "forecast", "2023": "budget"},
    "units": [
        {"name": "Stab", "net_costs": {"2022": 600, "2023": 700}},
        {"name": "Service", "net_costs": {"2022": 300, "2023": 300}},
    ],
    "total": {"2022": 900, "2023": 1000},
}


def test_units_add_up_to_their_total_and_the_total_to_the_operating_net_costs() -> None:
    checks = by_id(reconcile(make_budget(units=UNITS), []))
    assert checks["units.sum.2022"].status == "pass"
    assert checks["units.sum.2023"].computed == 1000
    assert checks["units.net_costs.2023"].status == "pass"
    assert FigureAddress("units", "Stab", 2023) in checks["units.sum.2023"].addresses


def test_units_that_do_not_add_up_fail_by_the_missing_amount() -> None:
    units = json.loads(json.dumps(UNITS))
    units["units"][0]["net_costs"]["2023"] = 690
    check = one(make_budget(units=units), "units.sum.2023")
    assert (check.status, check.published, check.computed, check.difference) == (
        "fail",
        1000,
        990,
        10,
    )
    assert check.target == FigureAddress("units", "total", 2023)


def test_a_units_total_that_differs_from_the_operating_net_costs_fails() -> None:
    units = json.loads(json.dumps(UNITS))
    units["total"]["2022"] = 950
    units["units"][0]["net_costs"]["2022"] = 650
    checks = by_id(reconcile(make_budget(units=units), []))
    assert checks["units.sum.2022"].status == "pass"
    net = checks["units.net_costs.2022"]
    assert (net.status, net.published, net.computed, net.difference) == ("fail", 900, 950, -50)
    assert net.target == FigureAddress("operating", "net_costs", 2022)


def test_a_year_without_a_unit_breakdown_cannot_be_checked() -> None:
    units = json.loads(json.dumps(UNITS))
    units["columns"] = {"2022": "forecast"}
    for unit in units["units"]:
        del unit["net_costs"]["2023"]
    del units["total"]["2023"]
    checks = by_id(reconcile(make_budget(units=units), []))
    assert checks["units.sum.2023"].status == "unchecked"
    # The figure it could not break down is the operating net costs.
    assert checks["units.sum.2023"].target == FigureAddress("operating", "net_costs", 2023)
    assert "units.net_costs.2023" not in checks


def test_units_without_a_total_for_a_year_are_checked_against_the_operating_net_costs() -> None:
    units = json.loads(json.dumps(UNITS))
    del units["total"]["2023"]
    check = one(make_budget(units=units), "units.sum.2023")
    assert (check.status, check.published) == ("pass", 1000)
    assert check.target == FigureAddress("operating", "net_costs", 2023)


# -- 3. the pot and the earmarks -------------------------------------------------------------------


POT = {
    "name": "Potten",
    "year": 2023,
    "total_mkr": 10,
    "allocations": [
        {"id": "a", "title": "Del A", "amount_mkr": 4.5, "funds": ["i1", "i2"]},
        {"id": "b", "title": "Del B", "amount_mkr": 2, "funds": ["i2"]},
        {"id": "c", "title": "Del C", "amount_mkr": 3.5, "funds": ["1.1"]},
    ],
}


def earmarks(**stated: str | None) -> list[Earmark]:
    """Goal 1.1 (no initiatives), goal 1.2 owning initiatives i1 and i2, goal 1.3."""
    value = {key: None if v is None else Decimal(v) for key, v in stated.items()}
    return [
        Earmark("1.1", "Mål ett", value.get("g11"), None),
        Earmark("1.2", "Mål två", value.get("g12"), None),
        Earmark("i1", "Initiativ ett", value.get("i1"), "1.2"),
        Earmark("i2", "Initiativ två", value.get("i2"), "1.2"),
        Earmark("1.3", "Mål tre", value.get("g13"), None),
    ]


def test_pot_allocations_add_up_to_the_pot() -> None:
    check = one(make_budget(pot=POT), "pot.total")
    assert (check.status, check.computed, check.unit, check.year) == ("pass", 10, "mkr", 2023)
    assert check.target == FigureAddress("pot", "total", 2023)


def test_pot_allocations_that_fall_short_fail_in_mkr() -> None:
    pot = {**POT, "total_mkr": 12}
    check = one(make_budget(pot=pot), "pot.total")
    assert (check.status, check.difference) == ("fail", Decimal(2))


def test_the_initiatives_share_counts_a_shared_allocation_once() -> None:
    marks = earmarks(g11="3.5", g12="6.5", i1="4.5", i2="6.5")
    checks = by_id(reconcile(make_budget(pot=POT), marks))
    share = checks["pot.initiatives"]
    assert (share.status, share.published, share.computed) == ("pass", Decimal("6.5"), 6.5)
    # The owning goal is checked as the initiatives' share, not a second time on its own.
    assert "earmark.1.2" not in checks
    assert checks["earmark.i1"].status == "pass"  # "del av 4,5 mkr": the whole shared 4,5
    assert checks["earmark.i2"].computed == Decimal("6.5")
    assert checks["earmark.1.1"].status == "pass"


def test_a_stated_earmark_that_no_allocation_covers_fails_by_the_stated_amount() -> None:
    marks = earmarks(g11="3.5", g12="6.5", i1="4.5", i2="6.5", g13="2")
    check = one(make_budget(pot=POT), "earmark.1.3", marks)
    assert (check.status, check.published, check.computed, check.difference) == (
        "fail",
        2,
        0,
        2,
    )


def test_funding_a_target_that_states_no_earmark_fails_with_no_published_figure() -> None:
    marks = earmarks(g11=None, g12="6.5", i1="4.5", i2="6.5")
    check = one(make_budget(pot=POT), "earmark.1.1", marks)
    assert (check.status, check.published, check.computed, check.difference) == (
        "fail",
        None,
        Decimal("3.5"),
        Decimal("-3.5"),
    )


def test_a_target_with_neither_earmark_nor_allocation_has_no_check() -> None:
    marks = earmarks(g11="3.5", g12="6.5", i1="4.5", i2="6.5")
    assert "earmark.1.3" not in by_id(reconcile(make_budget(pot=POT), marks))


def test_stated_earmarks_without_a_pot_cannot_be_checked() -> None:
    checks = by_id(reconcile(make_budget(), earmarks(g11="3.5")))
    assert checks["earmark.1.1"].status == "unchecked"
    assert "pot.total" not in checks


# -- 4. investments --------------------------------------------------------------------------------


INVESTMENTS = {
    "columns": {"2022": "forecast", "2023": "budget"},
    "net_investments": {"2022": 500, "2023": 1500},
    "lines": [
        {"name": "Datorer", "amounts": {"2023": 2000}},
        {"name": "Markförsäljning", "amounts": {"2023": -500}},
        {"name": "Växel", "amounts": {}},
    ],
    "total": {"2023": 1500},
}


def test_investment_lines_add_up_and_blank_cells_count_as_nothing() -> None:
    checks = by_id(reconcile(make_budget(investments=INVESTMENTS), []))
    assert (checks["investments.sum.2023"].status, checks["investments.sum.2023"].computed) == (
        "pass",
        1500,
    )
    assert checks["investments.net.2023"].status == "pass"
    assert checks["investments.sum.2022"].status == "unchecked"
    assert checks["investments.sum.2022"].target == FigureAddress(
        "investments", "net_investments", 2022
    )


def test_investment_lines_that_miss_the_total_fail() -> None:
    inv = json.loads(json.dumps(INVESTMENTS))
    inv["lines"][1]["amounts"]["2023"] = -400
    inv["net_investments"]["2023"] = 1600
    checks = by_id(reconcile(make_budget(investments=inv), []))
    assert (checks["investments.sum.2023"].status, checks["investments.sum.2023"].difference) == (
        "fail",
        -100,
    )
    assert (checks["investments.net.2023"].status, checks["investments.net.2023"].difference) == (
        "fail",
        100,
    )


# -- 5. columns ------------------------------------------------------------------------------------


def test_columns_that_agree_pass() -> None:
    checks = by_id(reconcile(make_budget(units=UNITS, investments=INVESTMENTS), []))
    assert checks["columns.units"].status == "pass"
    assert checks["columns.investments"].status == "pass"
    assert checks["columns.units"].describe(EN) == (
        "Columns: net costs by unit (2022–2023) has the operating budget's years and column kinds"
    )


def test_columns_that_disagree_fail_and_say_where() -> None:
    units = json.loads(json.dumps(UNITS))
    units["columns"] = {"2022": "actual", "2023": "budget", "2024": "budget"}
    units["units"][0]["net_costs"]["2021"] = 5
    check = one(make_budget(units=units), "columns.units")
    assert check.status == "fail"
    text = check.describe(EN)
    assert "2022 is Actual here but Forecast in the operating budget" in text
    assert "2024 is not in the operating budget" in text
    assert "figures for 2021 without a column" in text
    assert "2022 är Bokslut här men Prognos i driftbudgeten" in check.describe(SV)


# -- descriptions, order, output --------------------------------------------------------------------


def test_descriptions_and_explanations_follow_the_language() -> None:
    budget = make_budget()
    budget.operating.result["2023"] = 1534
    check = one(budget, "operating.result.2023")
    assert check.describe(SV) == "Drift 2023: kommunbidrag − nettokostnader = resultat"
    assert check.describe(EN) == "Operating budget 2023: grant − net costs = result"
    explanation = "\n".join(check.explain(SV))
    assert "+ 1 000 tkr  Kommunbidrag" in explanation
    assert "− 1 000 tkr  Nettokostnader" in explanation
    assert "Resultat, publicerat: 1 534 tkr" in explanation
    assert "Skillnad (publicerat − beräknat): +1 534 tkr" in explanation
    assert "Avviker" in explanation


def test_failures_come_first_then_unchecked_then_passes() -> None:
    budget = make_budget(units=UNITS)
    budget.operating.result["2023"] = 3
    del budget.operating.grant["2022"]
    ordered = [c.status for c in failures_first(reconcile(budget, []))]
    assert ordered == sorted(ordered, key=["fail", "unchecked", "pass"].index)
    assert ordered[0] == "fail"


def test_text_output_is_a_table_with_the_difference_on_the_failing_row() -> None:
    budget = make_budget()
    budget.operating.result["2022"] = 98  # 2 tkr: more than three figures' rounding
    lines = render_text(reconcile(budget, []), EN).splitlines()
    assert lines[0] == (
        "Budget reconciliation: 2 checks, 1 pass, 1 fail, 0 rounding, 0 cannot be checked"
    )
    assert lines[2].split()[:3] == ["Status", "Id", "Published"]
    assert lines[3].startswith("✗ Fail")
    assert lines[3].split()[2:7] == ["operating.result.2022", "98", "100", "−2", "tkr"]


def test_text_output_names_each_checks_role_for_the_colour_the_cli_gives() -> None:
    budget = make_budget()
    budget.operating.result["2022"] = 98
    checks = reconcile(budget, [])
    lines = render_text(checks, EN, style=lambda text, role: f"<{role}>{text}</>").splitlines()
    assert lines[2].startswith("Status")  # the header has no role
    assert lines[3].startswith("<check.fail>✗ Fail") and lines[3].endswith("</>")
    assert lines[4].startswith("<check.pass>✓ Pass")
    plain = render_text(checks, EN).splitlines()
    assert [line.removeprefix("<check.fail>").removeprefix("<check.pass>") for line in lines] == [
        line + "</>" if line.startswith(("✗", "✓")) else line for line in plain
    ]


def test_json_output_has_the_documented_keys_and_numbers() -> None:
    marks = earmarks(g11="3.5", g12="6.5", i1="4.5", i2="6.5")
    data = json.loads(render_json(reconcile(make_budget(pot=POT), marks), EN))
    assert data["ok"] is True
    pot = next(c for c in data["checks"] if c["id"] == "pot.total")
    assert pot == {
        "id": "pot.total",
        "description": "Earmarked pot 2023: the allocations add up to the pot",
        "year": 2023,
        "unit": "mkr",
        "published": 10,
        "computed": 10,
        "difference": 0,
        "status": "pass",
    }
    earmark = next(c for c in data["checks"] if c["id"] == "earmark.1.1")
    assert earmark["published"] == 3.5
    marks[0] = Earmark("1.1", "Mål ett", Decimal(3), None)
    assert json.loads(render_json(reconcile(make_budget(pot=POT), marks), EN))["ok"] is False


def test_plan_text_in_descriptions_cannot_reach_the_terminal() -> None:
    marks = [Earmark("i1", "Evil\x1b]52;c;aGk=\x07[/]", Decimal(1), "1.2")]
    checks = reconcile(make_budget(pot=POT), marks)
    text = render_text(checks, EN)
    assert "\x1b" not in text and "\x07" not in text
    assert "\\x1b" in text
    assert "\x1b" not in render_json(checks, EN)
