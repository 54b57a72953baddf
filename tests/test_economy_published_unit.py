"""The economy's follow-up of a plan published in mnkr with one decimal (the issue's second
plan): forecasts are entered in tkr and compared with the budget in tkr (36,2 mnkr is
36 200 tkr), and the board report shows the table as the plan printed it, in mnkr with
its one decimal, as the budget screen and `vpl budget` show the published tables."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

SECOND_PLAN = Path(__file__).parent / "fixtures" / "second-plan-mnkr.toml"


def _forecasts(run_vpl: Callable) -> None:
    assert run_vpl("load", str(SECOND_PLAN)).returncode == 0
    for unit, outcome, forecast, comment in (
        ("Kultur", "12000", "37000", "Fler besökare"),
        ("Fritid", "50000", "146300", ""),
        ("net_costs", "62000", "183300", ""),
    ):
        entered = run_vpl(
            "forecast",
            unit,
            "--period",
            "t1",
            "--outcome",
            outcome,
            "--forecast",
            forecast,
            "--comment",
            comment,
        )
        assert entered.returncode == 0, entered.stderr


def test_an_mnkr_budget_is_followed_up_in_tkr_and_reported_in_mnkr(run_vpl: Callable) -> None:
    _forecasts(run_vpl)
    followup = run_vpl("budget", "--period", "t1").stdout
    kultur = next(line for line in followup.splitlines() if line.startswith("Kultur"))
    assert kultur.split()[:6] == ["Kultur", "36", "200", "12", "000", "37"], kultur
    assert "−800" in kultur  # 36 200 − 37 000, not 36,2 − 37 000
    report = run_vpl("report", "--period", "t1", "-o", "-")
    assert report.returncode == 0, report.stderr
    text = report.stdout
    assert "**Ekonomisk uppföljning (mnkr)**" in text
    # The material deviation's "!" is bound to its figure by a no-break space.
    assert "| Kultur | 36,2 | 12,0 | 37,0 | !\u00a0−0,8 | Fler besökare |" in text
    assert "| Fritid | 146,3 | 50,0 | 146,3 | 0,0 |" in text
    assert "| Summa | 182,4 | 62,0 | 183,3 | −0,9 |" in text
