"""The budget screen's edits as a controller meets them: a note with the change, the history
newest first, the explanation of the figure being edited, and one notice per outside change."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from test_app_support import settle
from test_budget_screen import app_for, explanation, notices, open_budget, place
from textual.widgets import Input

from vpl_tui.budget import FigureAddress
from vpl_tui.db.store import Store
from vpl_tui.screens.widgets.figure_tables import FigureTable


@pytest.fixture(autouse=True)
def _user(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VPL_USER", "kontroller")


async def test_an_edit_keeps_its_note_explains_itself_and_is_noticed_once(
    store: Store, db_path: Path
) -> None:
    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_budget(pilot)
        await pilot.press("1")
        table = screen.query_one("#table-operating", FigureTable)
        grant = place(table, FigureAddress("operating", "grant", 2022))
        table.move_cursor(row=grant.row, column=grant.column)
        await pilot.press("enter")
        await settle(pilot)
        # While editing, the pane describes the figure being edited and its check (Drift
        # 2022), not the check under the list's cursor (units.sum.2024).
        assert screen.focused is screen.query_one("#budget-edit-input", Input)
        said = explanation(screen)
        assert "Kommunbidrag, Prognos 2022: 286 398 tkr" in said, said
        assert "Drift 2022" in said and "2024" not in said
        # The note typed beside the figure is kept with the change.
        screen.query_one("#budget-edit-input", Input).value = "286 500"
        await pilot.press("tab")
        await pilot.press(*"Nytt beslut i KS", "enter")
        await settle(pilot)
        [change] = store.figure_history("operating", "grant", 2022)
        assert (change.to_value, change.note) == (Decimal(286500), "Nytt beslut i KS")
        # A second edit: the history is shown newest first, each with its note.
        await pilot.press("enter")
        await settle(pilot)
        screen.query_one("#budget-edit-input", Input).value = "286 600"
        await pilot.press("enter")
        await settle(pilot)
        lines = [line for line in explanation(screen).splitlines() if "kontroller" in line]
        assert [("286 500 → 286 600" in lines[0]), ("286 398 → 286 500" in lines[1])] == [
            True,
            True,
        ]
        assert lines[1].endswith("Nytt beslut i KS")
        # One change made elsewhere: one notice, though the plan screen under this one
        # looks for outside changes too.
        with Store.open(db_path) as other:
            other.set_figure("operating", "net_costs", 2022, Decimal(272000), user="kollega")
        plan_screen = app.screen_stack[-2]
        plan_screen.check_for_changes()
        screen.look_for_outside_changes()
        await settle(pilot)
        await settle(pilot)
        outside = [n for n in notices(app) if "ändra" in n and "→" not in n]
        assert outside == ["Budgeten har ändrats i en annan session; siffrorna är uppdaterade."]
