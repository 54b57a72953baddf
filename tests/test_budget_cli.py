"""`vpl budget`: the real entry point on a real database (run_vpl fixture)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from vpl_tui.db.store import Store
from vpl_tui.errors import VplError
from vpl_tui.model import Plan

JSON_KEYS = {"id", "description", "year", "unit", "published", "computed", "difference", "status"}


def grant_2023_off(db_path: Path, seed_plan: Plan) -> None:
    """A real discrepancy, in a budget column: the 2023 grant 191 tkr short of the costs."""
    with Store.open(db_path, seed=lambda: seed_plan) as store:
        store.set_figure("operating", "grant", 2023, Decimal(279000), user="kontroller")


def test_text_lists_the_failure_first_with_its_difference(
    run_vpl, db_path: Path, seed_plan: Plan
) -> None:
    grant_2023_off(db_path, seed_plan)
    result = run_vpl("budget")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "Budgetavstämning: 31 kontroller, 25 stämmer, 1 avviker, 1 avrundning, "
        "4 kan inte kontrolleras"
    )
    assert lines[2].split()[:4] == ["Status", "Id", "Publicerat", "Beräknat"]
    failure = lines[3]
    assert failure.startswith("✗ Avviker")
    assert failure.split()[2:5] == ["operating.result.2023", "0", "−191"]
    assert "+191  tkr" in failure
    assert "Drift 2023: kommunbidrag − nettokostnader = resultat" in failure
    # Then the four that cannot be checked, then the rounding, then the passes.
    assert [line.split()[0] for line in lines[4:8]] == ["?"] * 4
    rounding = lines[8]
    assert rounding.startswith("≈ Avrundning")
    assert rounding.split()[2:7] == ["operating.result.2021", "20", "283", "20", "282"]
    assert "+1  tkr" in rounding
    assert all(line.startswith("✓ Stämmer") for line in lines[9:])
    assert len(lines[3:]) == 31


def test_text_in_english(run_vpl) -> None:
    result = run_vpl("--lang", "en", "budget")
    assert result.returncode == 0
    assert result.stdout.splitlines()[0] == (
        "Budget reconciliation: 31 checks, 26 pass, 0 fail, 1 rounding, 4 cannot be checked"
    )
    assert "earmark.smart" in result.stdout and "15,5" in result.stdout


def test_strict_exits_1_while_a_check_fails(run_vpl, db_path: Path, seed_plan: Plan) -> None:
    grant_2023_off(db_path, seed_plan)
    result = run_vpl("budget", "--strict")
    assert result.returncode == 1
    assert "operating.result.2023" in result.stdout  # the report still prints
    assert result.stderr == ""


def test_strict_exits_0_once_the_figures_hold_together(run_vpl, db_path: Path, seed_plan) -> None:
    grant_2023_off(db_path, seed_plan)
    with Store.open(db_path) as store:
        store.set_figure("operating", "grant", 2023, Decimal(279191), user="kontroller")
    result = run_vpl("budget", "--strict", "--format", "json")
    assert result.returncode == 0, result.stdout
    data = json.loads(result.stdout)
    assert data["ok"] is True
    # Rounding (2021's +1 tkr over three printed figures) is not a failure.
    assert {c["status"] for c in data["checks"]} == {"pass", "unchecked", "rounding"}


def test_an_actual_figure_is_read_only(run_vpl, db_path: Path, seed_plan: Plan) -> None:
    with Store.open(db_path, seed=lambda: seed_plan) as store:
        before = store.figures()
        try:
            store.set_figure("operating", "result", 2021, Decimal(20282), user="kontroller")
        except VplError as refused:
            assert refused.key == "error.figure_actual"
        else:
            raise AssertionError("an actual figure was edited")
        assert store.figures() == before and store.figure_history() == []
        store.set_figure("operating", "net_costs", 2022, Decimal(272000), user="kontroller")


def test_json_has_the_documented_shape(run_vpl) -> None:
    result = run_vpl("budget", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"ok", "checks"}
    assert data["ok"] is True  # the one difference is rounding
    assert len(data["checks"]) == 31
    assert all(set(check) == JSON_KEYS for check in data["checks"])
    assert data["checks"][0] == {
        "id": "operating.result.2021",
        "description": "Drift 2021: kommunbidrag − nettokostnader = resultat",
        "year": 2021,
        "unit": "tkr",
        "published": 20283,
        "computed": 20282,
        "difference": 1,
        "status": "rounding",
    }
    smart = next(c for c in data["checks"] if c["id"] == "earmark.smart")
    assert (smart["published"], smart["computed"], smart["unit"]) == (15.5, 15.5, "mkr")
    unchecked = next(c for c in data["checks"] if c["id"] == "units.sum.2024")
    assert (unchecked["status"], unchecked["computed"], unchecked["difference"]) == (
        "unchecked",
        None,
        None,
    )


def test_json_descriptions_follow_lang(run_vpl) -> None:
    data = json.loads(run_vpl("--lang", "en", "budget", "--format", "json").stdout)
    assert data["checks"][0]["description"] == "Operating budget 2021: grant − net costs = result"


def test_a_plan_without_a_budget_has_nothing_to_reconcile(
    run_vpl, db_path: Path, seed_plan: Plan
) -> None:
    with Store.open(db_path) as store:
        store.replace_plan(seed_plan.model_copy(update={"budget": None}))
    text = run_vpl("budget", "--strict")
    assert (text.returncode, text.stdout) == (0, "Planen har ingen budget att stämma av.\n")
    data = json.loads(run_vpl("budget", "--format", "json").stdout)
    assert data == {"ok": True, "checks": []}


def test_the_summary_gives_the_reconciliation_one_line(
    run_vpl, db_path: Path, seed_plan: Plan
) -> None:
    grant_2023_off(db_path, seed_plan)
    result = run_vpl("summary")
    assert result.returncode == 0, result.stderr
    assert "Budgetavstämning: 31 kontroller, 1 avvikelse, 4 kan inte kontrolleras" in (
        result.stdout
    )


def test_an_unknown_format_is_refused_with_exit_2(run_vpl) -> None:
    result = run_vpl("budget", "--format", "html")
    assert result.returncode == 2
    assert "html" in result.stderr
