"""The budget screen's follow-up section: the current period's table, entering a unit's
outcome, forecast and comment, the checks, and the chart of budget against forecast."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from test_app_support import settle
from test_budget_screen import explanation, notices, open_budget
from textual.widgets import DataTable, Input, Static, TabbedContent

from vpl_tui.db.store import Store
from vpl_tui.screens.app import VplApp
from vpl_tui.screens.widgets.budget_charts import BarChart
from vpl_tui.strings import Strings


@pytest.fixture(autouse=True)
def _user(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VPL_USER", "kontroller")


def row_of(grid: DataTable, unit: str) -> list[str]:
    return [str(cell) for cell in grid.get_row(unit)]


async def test_a_units_forecast_is_entered_checked_and_charted(store: Store, db_path: Path) -> None:
    app = VplApp(store=store, strings=Strings("sv"), poll_interval=3600, today=date(2023, 4, 20))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_budget(pilot)
        await pilot.press("6")
        await settle(pilot)
        assert screen.query_one(TabbedContent).active == "section-followup"
        heading = str(screen.query_one("#followup-heading", Static).render())
        assert heading == "Ekonomisk uppföljning Tertial 1: budget 2023 mot prognos, tkr"
        checks = str(screen.query_one("#followup-checks", Static).render())
        assert "\\n" not in checks  # one check a line, not an escaped line break
        assert len(checks.splitlines()) >= 3
        grid = screen.query_one("#followup-table", DataTable)
        assert screen.focused is grid
        assert row_of(grid, "Personal")[:4] == ["Personal", "38 859", "–", "–"]
        grid.move_cursor(row=grid.get_row_index("Personal"))
        await pilot.press("enter")
        await settle(pilot)
        forecast = screen.query_one("#followup-forecast", Input)
        assert screen.focused is forecast
        forecast.value = "4e9"  # refused at once, in one line; nothing written
        await pilot.press("enter")
        await settle(pilot)
        assert "'4e9' är inte ett tal" in notices(app)[-1]
        assert store.forecast("units", "Personal", "t1") is None
        screen.query_one("#followup-outcome", Input).value = "13 400"
        forecast.value = "40 000"
        screen.query_one("#followup-comment", Input).value = "Två nya tjänster"
        await pilot.press("enter")
        await settle(pilot)
        await settle(pilot)
        record = store.forecast("units", "Personal", "t1")
        assert record is not None and record.forecast == (
            Decimal(13400),
            Decimal(40000),
            "Två nya tjänster",
        )
        assert row_of(grid, "Personal") == [
            "Personal",
            "38 859",
            "13 400",
            "40 000",
            "−1 141",
            "Två nya tjänster",
        ]
        assert store.figures() == Store.open(db_path).figures()  # no published figure changed
        chart = screen.query_one("#followup-chart", BarChart)
        assert chart.data is not None
        assert dict(chart.data.rows)["Personal"] == {
            "budget": Decimal(38859),
            "forecast": Decimal(40000),
        }
        assert "Varje väsentlig avvikelse har en kommentar" in explanation(screen)
        # Another session changes the forecast while this one has the fields open: refused,
        # with the current one shown, and the table read again.
        await pilot.press("enter")
        await settle(pilot)
        with Store.open(db_path) as other:
            other.set_forecast("units", "Personal", "t1", forecast=Decimal(39000), user="kollega")
        screen.query_one("#followup-forecast", Input).value = "41 000"
        await pilot.press("enter")
        await settle(pilot)
        await settle(pilot)
        assert any("nu 39 000 (version 2, av kollega)" in n for n in notices(app))
        assert store.forecast("units", "Personal", "t1").forecast.forecast == Decimal(39000)
        await pilot.press("escape")  # out of the screen: no edit open
        await settle(pilot)
        assert app.screen is not screen
