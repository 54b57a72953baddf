"""Budget tables as published: units and decimals, the driftredovisning and its checks.

The rules as pure functions (rounding by a table's unit and decimals, the definitions),
and the issue's "second plan" (another board's, in mnkr with one decimal) through the
real `vpl` entry point: it loads, reconciles with its 0,1 mnkr differences as avrundning,
and exports byte for byte.
"""

from __future__ import annotations

import json
import sqlite3
from decimal import Decimal as D
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vpl_tui.budget import reconcile
from vpl_tui.budget.accounts import drift_reconciliation
from vpl_tui.budget.check import FigureAddress, Term, compare
from vpl_tui.model.drift import DriftLine, DriftStatement
from vpl_tui.numbers import format_published
from vpl_tui.planfile import PlanFileError, parse_plan
from vpl_tui.rules.figures import figure_problem, rounding_step

SECOND_PLAN = Path(__file__).parent / "fixtures" / "second-plan-mnkr.toml"


def _check(published: str, terms: list[str], unit: str, decimals: int):
    address = FigureAddress("operating", "result", 2022)
    return compare(
        id="x",
        group="operating",
        key="budget.check.operating_result",
        values={},
        year=2022,
        unit=unit,  # type: ignore[arg-type]
        decimals=decimals,
        published=D(published),
        published_label="",
        target=address,
        terms=[Term(address, "", D(t)) for t in terms],
    )


def test_the_rounding_step_is_the_tables_last_decimal_and_mkr_has_none() -> None:
    assert rounding_step("tkr") == 1 and rounding_step("mnkr") == 1
    assert rounding_step("mnkr", 1) == D("0.1") and rounding_step("tkr", 2) == D("0.01")
    assert rounding_step("mkr", 1) == 0  # the pot's decisions are exact, never rounded


@given(st.integers(-6, 6), st.integers(1, 5), st.integers(0, 3))
def test_a_difference_of_n_half_steps_is_rounding_in_any_unit_and_decimals(
    steps: int, terms: int, decimals: int
) -> None:
    step = rounding_step("mnkr", decimals)
    status = _check(str(100 + steps * step), ["100"] + ["0"] * (terms - 1), "mnkr", decimals)
    figures = terms + 1
    if steps == 0:
        assert status.status == "pass"
    elif abs(steps) * 2 <= figures:
        assert status.status == "rounding"
    else:
        assert status.status == "fail"


def test_an_mnkr_table_with_one_decimal_rounds_where_mkr_never_does() -> None:
    assert _check("176.0", ["175.9"], "mnkr", 1).status == "rounding"  # 0,1 ≤ 2 × 0,05
    assert _check("176.1", ["175.9"], "mnkr", 1).status == "fail"
    assert _check("176.0", ["175.9"], "mkr", 1).status == "fail"
    assert _check("176.0", ["175.9"], "mnkr", 1).amount(D(176)) == "176,0"


def test_a_figure_may_have_the_tables_decimals_and_no_more() -> None:
    assert figure_problem("mnkr", D("175.9"), 1) is None
    assert figure_problem("mnkr", D("175.95"), 1) == "figure.too_many_decimals"
    assert figure_problem("mnkr", D("175.9"), 0) == "figure.too_many_decimals"
    assert figure_problem("tkr", D("1.5")) == "figure.whole_tkr"
    assert figure_problem("mnkr", D("1" * 15), 1) == "figure.too_large"  # 16 digits in all
    assert format_published(D(176), 1) == "176,0" and format_published(D(279191)) == "279 191"


def _line(name: str, **figures: str) -> DriftLine:
    return DriftLine(name=name, year=2022, **{k: D(v) for k, v in figures.items()})


def test_the_driftredovisnings_definitions_with_positive_income_and_costs() -> None:
    kultur = _line(
        "Kultur",
        income="5.1",
        costs="40.3",
        net_costs="35.3",  # 40,3 − 5,1 = 35,2: three printed figures' rounding
        grant="35.0",
        result="-0.3",
        disposition="0",
        opening_result="1.0",
        closing_result="0.8",  # 1,0 − 0,3 − 0 = 0,7: off by 0,1 over four figures, rounding
    )
    wrong = _line("Fritid", income="20.3", costs="160.9", net_costs="141.0")
    only_grant = _line("Stab", grant="10.0")
    drift = DriftStatement(unit="mnkr", decimals=1, lines=[kultur, wrong, only_grant])
    status = {check.id: check.status for check in drift_reconciliation(drift)}
    assert status["drift.net_costs.Kultur.2022"] == "rounding"
    assert status["drift.result.Kultur.2022"] == "pass"
    assert status["drift.closing_result.Kultur.2022"] == "rounding"
    assert status["drift.net_costs.Fritid.2022"] == "fail"  # 0,4 off
    assert status["drift.result.Stab.2022"] == "unchecked"  # no net cost printed
    assert status["drift.closing_result.Fritid.2022"] == "unchecked"  # Kultur prints them
    bare = DriftStatement(unit="mnkr", decimals=1, lines=[wrong])
    assert {c.id for c in drift_reconciliation(bare)} == {"drift.net_costs.Fritid.2022"}


def test_the_second_plan_loads_reconciles_with_rounding_and_exports_byte_for_byte(
    run_vpl, tmp_path: Path
) -> None:
    db = tmp_path / "second.db"
    loaded = run_vpl("load", str(SECOND_PLAN), db=db)
    assert loaded.returncode == 0, loaded.stderr
    text = run_vpl("budget", db=db)
    assert text.returncode == 0, text.stderr
    lines = text.stdout.splitlines()
    assert lines[0] == (
        "Budgetavstämning: 24 kontroller, 21 stämmer, 0 avviker, 3 avrundning, "
        "0 kan inte kontrolleras"
    )
    rounding = [line for line in lines if line.startswith("≈ Avrundning")]
    assert [line.split()[2] for line in rounding] == [
        "units.sum.2023",
        "drift.net_costs.Kultur.2022",
        "drift.net_costs.total.2022",
    ]
    assert "182,4     182,5      −0,1  mnkr" in rounding[0]
    assert any("drift.sum.grant.2022" in line and "176,0" in line for line in lines)
    statement = lines[lines.index("Driftredovisning i mnkr, som publicerad (decimaler: 1)") :]
    assert statement[2].split()[:4] == ["Enhet", "År", "Intäkter", "Kostnader"]
    assert statement[3].split() == [
        "Kultur",
        "2022",
        "5,1",
        "40,3",
        "35,3",
        "35,0",
        "−0,3",
        "0,0",
        "1,0",
        "0,7",
    ]
    assert statement[5].startswith("Summa   2022      25,4      201,2         175,9")
    data = json.loads(run_vpl("budget", "--format", "json", db=db).stdout)
    assert data["ok"] is True
    by_id = {check["id"]: check for check in data["checks"]}
    assert by_id["units.sum.2023"]["difference"] == -0.1
    assert by_id["units.sum.2023"]["unit"] == "mnkr"
    assert data["drift"]["unit"] == "mnkr" and data["drift"]["lines"][0]["net_costs"] == 35.3
    exported = run_vpl("export", "-o", str(tmp_path / "out.toml"), db=db)
    assert exported.returncode == 0, exported.stderr
    assert (tmp_path / "out.toml").read_bytes() == SECOND_PLAN.read_bytes()
    with sqlite3.connect(db) as conn:  # exact as published, never a float's tail
        assert conn.execute(
            "SELECT value FROM budget_figure WHERE line = 'Kultur' AND year = 2022"
        ).fetchone() == (35.3,)


def test_a_figure_with_more_decimals_than_its_table_is_refused_naming_the_place() -> None:
    text = SECOND_PLAN.read_text(encoding="utf-8").replace("2022 = 35.3", "2022 = 35.25", 1)
    with pytest.raises(PlanFileError) as refused:
        parse_plan(text, "second.toml")
    assert refused.value.problems == [
        "second.toml:43: budget.units.units[0].net_costs.2022: more decimals (or digits) than "
        "the table's 1 in mnkr (got 35.25)"
    ]


def test_a_plan_without_units_declared_is_whole_tkr_as_before(seed_plan) -> None:
    budget = seed_plan.budget
    assert (budget.operating.unit, budget.operating.decimals) == ("tkr", 0)
    assert budget.drift is None
    statuses = {check.id: check.status for check in reconcile(budget, [])}
    assert statuses["operating.result.2021"] == "rounding"  # +1 tkr over three figures


def test_an_mnkr_figure_is_edited_in_its_form_and_more_decimals_refused(
    run_vpl, tmp_path: Path
) -> None:
    from vpl_tui.db.store import Store
    from vpl_tui.errors import VplError

    db = tmp_path / "second.db"
    assert run_vpl("load", str(SECOND_PLAN), db=db).returncode == 0
    with Store.open(db) as store:
        change = store.set_figure("units", "Kultur", 2023, D("36.3"), user="anna")
        assert change is not None and change.to_value == D("36.3")
        with pytest.raises(VplError) as refused:
            store.set_figure("units", "Kultur", 2023, D("36.35"), user="anna")
        assert refused.value.key == "error.figure_form"
        assert store.budget().units.units[0].net_costs["2023"] == D("36.3")
