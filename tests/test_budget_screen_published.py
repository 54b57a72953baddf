"""The budget screen on the issue's second plan (mnkr with one decimal): the
driftredovisning in a section of its own, an mnkr figure edited in its own form, and a
figure with more decimals than the table refused at once."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from test_app_support import settle
from test_budget_screen import app_for, cell_text, counts, notices, open_budget, place
from textual.coordinate import Coordinate
from textual.widgets import Input

from vpl_tui.budget import FigureAddress
from vpl_tui.budget.accounts import drift_address
from vpl_tui.db.store import Store
from vpl_tui.planfile import read_plan
from vpl_tui.screens.widgets.figure_tables import FigureTable

SECOND_PLAN = Path(__file__).parent / "fixtures" / "second-plan-mnkr.toml"


@pytest.fixture(autouse=True)
def _user(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VPL_USER", "kontroller")


async def test_the_driftredovisning_and_an_mnkr_figure_edited_in_its_form(tmp_path: Path) -> None:
    with Store.open(tmp_path / "second.db", seed=lambda: read_plan(SECOND_PLAN)) as store:
        app = app_for(store)
        async with app.run_test(size=(140, 44)) as pilot:
            screen = await open_budget(pilot)
            assert counts(screen).startswith("24 kontroller:")
            assert "≈ 3 avrundning" in counts(screen)
            # Key 7: the operating statement, figures as printed, its rounding marked.
            await pilot.press("7")
            await settle(pilot)
            drift = screen.query_one("#table-drift", FigureTable)
            assert [column.label for column in drift.spec.columns][:3] == [
                "Intäkter",
                "Kostnader",
                "Nettokostnad",
            ]
            assert [row.label for row in drift.spec.rows] == ["Kultur", "Fritid", "Summa"]
            kultur_net = place(drift, drift_address("Kultur", "net_costs", 2022))
            assert cell_text(drift, kultur_net) == "≈ 35,3"
            grant = place(drift, drift_address("total", "grant", 2022))
            assert cell_text(drift, grant) == "176,0"
            drift.move_cursor(row=grant.row, column=grant.column)
            await pilot.press("enter")  # read-only: says so, opens nothing
            await settle(pilot)
            assert not screen.query_one("#budget-edit").display
            # Key 2: the units in mnkr; 36,3 is the table's own form.
            await pilot.press("2")
            await settle(pilot)
            units = screen.query_one("#table-units", FigureTable)
            kultur = place(units, FigureAddress("units", "Kultur", 2023))
            assert cell_text(units, kultur) == "36,2"
            units.move_cursor(row=kultur.row, column=kultur.column)
            await pilot.press("enter")
            await settle(pilot)
            field = screen.query_one("#budget-edit-input", Input)
            assert field.value == "36,2"
            field.value = "36,35"  # more decimals than the table: refused at once
            await pilot.press("enter")
            await settle(pilot)
            assert notices(app)[-1] == "Fler decimaler än tabellen publicerades med"
            assert store.figure_history("units", "Kultur", 2023) == []
            field.value = "36,3"
            await pilot.press("enter")
            await settle(pilot)
            [change] = store.figure_history("units", "Kultur", 2023)
            assert change.to_value == Decimal("36.3")
            assert notices(app)[-1] == "Kultur Budget 2023: 36,2 → 36,3 mnkr"
            assert cell_text(units, Coordinate(kultur.row, kultur.column)).endswith("36,3")
