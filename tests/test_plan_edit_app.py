"""Changing the plan in the app, on a real database: one controller's morning, key by key.

Every form is driven through Pilot: the activity form (edit with `e`, add with `+`), the
move dialog (`m`), the cancel question (`x`), the goal's text form (`e` on a goal), undo
(`u`) of either kind, and the responsible filter (`R`). A hostile title is shown as it
is, and an edit someone else beat in a second store is refused with what is there now.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_app_support import (
    SIZE,
    cursor_key,
    detail_text,
    go_to_activity,
    line_of,
    make_app,
    notifications,
    plan,
    settle,
    tree_lines,
)
from textual.widgets import Input, OptionList, Static, TextArea

from vpl_tui.db.store import Store
from vpl_tui.screens.dialogs.activity_form import ActivityForm
from vpl_tui.screens.dialogs.confirm_dialog import ConfirmDialog
from vpl_tui.screens.dialogs.move_dialog import MoveDialog
from vpl_tui.screens.dialogs.text_form import TextForm

HOSTILE = "[bold]x[/] \x1b[31mröd"


@pytest.fixture(autouse=True)
def user(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("VPL_USER", "kontroller")
    return "kontroller"


def form_field(app, name: str) -> Input:  # noqa: ANN001
    return app.screen.query_one(f"#{name}", Input)


def form_error(app, name: str) -> str:  # noqa: ANN001
    return str(app.screen.query_one(f"#error-{name}", Static).render())


async def test_a_controller_edits_adds_moves_cancels_and_undoes_in_the_app(
    store: Store, tmp_path: Path, db_path: Path
) -> None:
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # -- edit: checked as typed, in the plan file's words; a hostile title literally
        await go_to_activity(pilot, "1.1.1-1")
        await pilot.press("e")
        assert isinstance(app.screen, ActivityForm)
        form_field(app, "end").value = "2022-12-31"
        await pilot.pause()
        assert form_error(app, "end") == "2022-12-31 är före start 2023-01-01"
        await pilot.press("ctrl+s")  # refused: the form stays, nothing is written
        assert isinstance(app.screen, ActivityForm) and store.plan_changes() == []
        form_field(app, "end").value = "2023-10-31"
        form_field(app, "title").value = HOSTILE
        form_field(app, "responsible").value = "kontroller"
        await pilot.pause()
        assert form_error(app, "end") == ""
        await pilot.press("ctrl+s")
        await settle(pilot)
        edited = store.activity("1.1.1-1")
        assert (edited.title, edited.end.isoformat(), edited.responsible) == (
            HOSTILE,
            "2023-10-31",
            "kontroller",
        )
        line = line_of(app, "[bold]x[/]")
        assert "\\x1b[31mröd" in line and "· kontroller" in line  # as typed, never parsed
        assert "Planändringar" in detail_text(app) and "Slut: 2023-12-31 → 2023-10-31" in (
            detail_text(app)
        )
        assert not any("någon annan" in n for n in notifications(app))  # its own change
        # -- a second store changes it first: refused, and what is there now is shown
        with Store.open(db_path) as other:
            other.edit_activity("1.1.1-1", {"title": "Deras titel"}, user="bo")
        await pilot.press("e")
        form_field(app, "responsible").value = "någon"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert any(
            "har ändrats av någon annan" in n and "Deras titel" in n for n in notifications(app)
        )
        assert store.activity("1.1.1-1").responsible == "kontroller"
        assert "Deras titel" in line_of(app, "Deras titel")
        # -- add under the goal: the ref it gets is shown before it is saved
        plan(app).jump_to(plan(app).tree.index.item(("goal", "1.1.1")))
        await pilot.pause()
        await pilot.press("plus")
        assert isinstance(app.screen, ActivityForm)
        assert "Får ref 1.1.1-5" in str(app.screen.query_one("#dialog-subject", Static).render())
        form_field(app, "title").value = "Ny aktivitet"
        form_field(app, "start").value = "2023-04-01"
        form_field(app, "end").value = "2023-05-31"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert store.activity("1.1.1-5").title == "Ny aktivitet"
        assert cursor_key(app) == ("activity", "1.1.1-5")
        # -- move it to goal 1.1.2, cancel it, and undo both (a status, then a plan change)
        await pilot.press("m")
        assert isinstance(app.screen, MoveDialog)
        places = app.screen.query_one("#places", OptionList)
        places.highlighted = [o.id for o in places.options].index("1.1.2")
        await pilot.press("enter")
        await settle(pilot)
        assert store.activity("1.1.1-5").goal_number == "1.1.2"
        assert cursor_key(app) == ("activity", "1.1.1-5")
        await pilot.press("x")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        assert store.activity("1.1.1-5").status == "cancelled"
        await pilot.press("u", "u")
        await settle(pilot)
        back = store.activity("1.1.1-5")
        assert (back.status, back.goal_number) == ("not_started", "1.1.1")
        # -- a goal's texts
        plan(app).jump_to(plan(app).tree.index.item(("goal", "1.1.3")))
        await pilot.pause()
        await pilot.press("e")
        assert isinstance(app.screen, TextForm)
        form_field(app, "title").value = ""
        await pilot.pause()
        assert "ska ha minst 1 tecken" in form_error(app, "title")
        form_field(app, "title").value = "Ett kortare mål"
        app.screen.query_one("#text", TextArea).text = "Beskrivning"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert store.texts_of("goal", "1.1.3") == {
            "number": "1.1.3",
            "title": "Ett kortare mål",
            "description": "Beskrivning",
        }
        assert "1.1.3" in line_of(app, "Ett kortare mål")
        assert "Planändringar" in detail_text(app) and "→ Ett kortare mål" in detail_text(app)
        # -- only mine: the one activity kontroller is responsible for
        await pilot.press("R")
        await settle(pilot)
        activities = [line for line in tree_lines(app) if "påbörjad" in line or "Klar" in line]
        assert len(activities) == 1 and "Deras titel" in activities[0]
        await pilot.press("R")
        await settle(pilot)
        assert len([line for line in tree_lines(app) if "påbörjad" in line]) > 1
