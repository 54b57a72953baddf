"""Metrics edited where one works: the app's form, `vpl add --metric`/`vpl edit METRIC-ID`,
undo, the plan file's round trip and `vpl load`'s merge, on real databases.

One Pilot story walks the form: a new metric (`M`) gets the next id of its pattern and a
hostile name shown as typed; the form says of each target as it is typed whether it can be
judged; an edit beaten by a second store is refused with what is there now.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_app_support import (
    SIZE,
    cursor_key,
    detail_text,
    go_to_activity,
    make_app,
    notifications,
    plan,
    settle,
    tree_lines,
)
from textual.widgets import Input, Static

from vpl_tui.db.plan_edit import StalePlanChange
from vpl_tui.db.store import Store
from vpl_tui.errors import VplError
from vpl_tui.planfile import parse_plan
from vpl_tui.screens.dialogs.confirm_dialog import ConfirmDialog
from vpl_tui.screens.dialogs.metric_form import MetricForm
from vpl_tui.screens.dialogs.text_form import TextForm

HOSTILE = "[bold]Nöjda[/] \x1b[31mröd"


@pytest.fixture(autouse=True)
def user(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("VPL_USER", "kontroller")
    return "kontroller"


def _text(app, where: str) -> str:  # noqa: ANN001
    return str(app.screen.query_one(where, Static).render())


async def test_a_controller_adds_and_edits_a_metric_in_its_form(
    store: Store, tmp_path: Path, db_path: Path
) -> None:
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = plan(app)
        screen.jump_to(screen.tree.index.item(("goal", "1.1.1")))
        await pilot.pause()
        await pilot.press("M")
        assert isinstance(app.screen, MetricForm)
        assert "Får id 1.1.1-m3" in _text(app, "#dialog-subject")
        app.screen.query_one("#name", Input).value = HOSTILE
        app.screen.query_one("#target-2023", Input).value = "Högst 50"
        app.screen.query_one("#target-2024", Input).value = "Tas fram"
        await pilot.pause()
        assert _text(app, "#judged-2023") == "kan bedömas: Högst 50"
        assert _text(app, "#judged-2024") == "kan inte bedömas"
        await pilot.press("ctrl+s")
        await settle(pilot)
        added = store.metric_info("1.1.1-m3")
        assert (added.name, added.targets) == (HOSTILE, {"2023": "Högst 50", "2024": "Tas fram"})
        assert cursor_key(app) == ("metric", "1.1.1", "", "2")  # the cursor on it
        assert any("[bold]Nöjda[/]" in line for line in tree_lines(app))  # as typed
        # -- edit it (e on its line): an empty name is refused in the plan file's words
        await pilot.press("e")
        assert isinstance(app.screen, MetricForm)
        app.screen.query_one("#name", Input).value = ""
        await pilot.pause()
        assert "ska ha minst 1 tecken" in _text(app, "#error-name")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, MetricForm)  # refused: the form stays
        app.screen.query_one("#name", Input).value = "Nöjda brukare"
        # -- a second store changes it first: refused, and what it is now is said
        with Store.open(db_path) as other:
            other.edit_metric("1.1.1-m3", {"name": "Deras namn"}, user="bo")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert any("någon annan" in n and "Deras namn" in n for n in notifications(app))
        assert store.metric_info("1.1.1-m3").name == "Deras namn"
        # -- undo (u) of the user's own add: refused, as bo's edit of it stands
        await pilot.press("u")
        await settle(pilot)
        assert any("kan inte ångra ändringen av 1.1.1-m3" in n for n in notifications(app))
        assert store.metric_info("1.1.1-m3").name == "Deras namn"
        # -- x on an activity without any history removes it (said so); u puts it back
        await go_to_activity(pilot, "1.1.1-4")
        await pilot.press("x")
        assert isinstance(app.screen, ConfirmDialog)
        assert "Ta bort 1.1.1-4?" in _text(app, "#dialog-heading")
        await pilot.press("y")
        await settle(pilot)
        with pytest.raises(VplError, match="no activity"):
            store.activity("1.1.1-4")
        assert ("activity", "1.1.1-4") not in screen.tree.index
        await pilot.press("u")
        await settle(pilot)
        assert store.activity("1.1.1-4").status == "not_started"
        assert ("activity", "1.1.1-4") in screen.tree.index
        # -- one with a history is cancelled instead, as before
        await go_to_activity(pilot, "1.1.1-4")
        await pilot.press("x")
        assert "Avbryta 1.1.1-4?" in _text(app, "#dialog-heading")
        await pilot.press("n")
        # -- a goal's responsible, in its text form and its detail pane
        screen.jump_to(screen.tree.index.item(("goal", "1.1.2")))
        await pilot.pause()
        await pilot.press("e")
        assert isinstance(app.screen, TextForm)
        app.screen.query_one("#responsible", Input).value = "[i]HR-chefen"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert store.owner_responsible("goal", "1.1.2") == "[i]HR-chefen"
        assert "Ansvarig" in detail_text(app) and "[i]HR-chefen" in detail_text(app)


def test_metric_changes_are_undone_refused_when_stale_and_survive_export_and_load(
    store: Store, tmp_path: Path
) -> None:
    added = store.add_metric("smart", {"name": "Andel", "unit": "%"}, user="anna")
    assert added.id == "smart-m2"
    store.edit_metric(added.id, {"target:2024": "Minst 20", "kolada_kpi": "N00945"}, user="anna")
    version = store.text_version("metric", added.id)
    store.edit_metric(added.id, {"higher_is_better": "false"}, user="bo")
    with pytest.raises(StalePlanChange, match="Andel"):
        store.edit_metric(added.id, {"name": "X"}, user="anna", expected_version=version)
    store.undo(user="bo")
    assert store.metric_info(added.id).higher_is_better is True
    with pytest.raises(VplError, match="target:20x4: key '20x4' is not a year"):
        store.edit_metric(added.id, {"target:2024": "", "target:20x4": "Öka"}, user="anna")
    assert store.metric_info(added.id).targets == {"2024": "Minst 20"}  # nothing written
    text = store.export_text()
    with Store.open(tmp_path / "again.db", seed=lambda: parse_plan(text)) as again:
        assert again.export_text() == text  # byte for byte
    exported = parse_plan(text)
    later = store.add_metric("1.1.2", {"name": "Senare", "target:2023": "Öka"}, user="anna")
    store.edit_metric(added.id, {"unit": "procent"}, user="anna")
    store.load_plan(exported)  # the file from before: the database's newer changes kept
    assert store.metric_info(later.id).targets == {"2023": "Öka"}
    assert store.metric_info(added.id).unit == "procent"
    again_text = store.export_text()
    store.load_plan(parse_plan(again_text))
    assert store.export_text() == again_text


def test_the_metric_commands_through_the_real_entry_point(run_vpl, tmp_path: Path) -> None:  # noqa: ANN001
    made = run_vpl("add", "1.1.1", "--metric", "--name", "[red]Antal", "--target", "2023=Högst 5")
    assert made.returncode == 0, made.stderr
    assert made.stdout.splitlines() == [
        "lade till 1.1.1-m3 under 1.1.1: [red]Antal",
        "  2023: Högst 5 (kan bedömas: Högst 5)",
    ]
    edited = run_vpl("edit", "1.1.1-m3", "--target", "2024=Tas fram", "--format", "json")
    assert edited.returncode == 0, edited.stderr
    payload = json.loads(edited.stdout)
    assert payload["metric"]["targets"] == {"2023": "Högst 5", "2024": "Tas fram"}
    assert [c["field"] for c in payload["changes"]] == ["target:2024"]
    refused = run_vpl("edit", "1.1.1-m3", "--name", "")
    assert (refused.returncode, refused.stdout) == (2, "")
    assert refused.stderr == "vpl: name: ska ha minst 1 tecken (fick '')\n"
    undone = run_vpl("undo")
    assert undone.stdout == "ångrade 1.1.1-m3: mål 2024 Tas fram → –\n"


def test_vpl_cancel_remove_removes_only_an_activity_without_history(run_vpl) -> None:  # noqa: ANN001
    removed = run_vpl("cancel", "1.1.1-1", "--remove")
    assert (removed.returncode, removed.stdout) == (0, "tog bort 1.1.1-1\n"), removed.stderr
    assert run_vpl("undo").stdout.startswith("ångrade 1.1.1-1: borttagen – → Tillsammans")
    run_vpl("set", "1.1.1-2", "in_progress")
    refused = run_vpl("cancel", "1.1.1-2", "--remove")
    assert (refused.returncode, refused.stdout) == (2, "")
    assert refused.stderr == (
        "vpl: 1.1.1-2 har en historik och tas inte bort: avbryt den i stället "
        "(vpl cancel 1.1.1-2)\n"
    )


def test_a_goals_and_an_initiatives_responsible_from_the_command_line_kept_by_load(
    run_vpl, db_path: Path, tmp_path: Path
) -> None:  # noqa: ANN001
    assert run_vpl("edit", "1.1.1", "--responsible", "HR-chefen").stdout == (
        "1.1.1: ansvarig – → HR-chefen\n"
    )
    assert run_vpl("edit", "SMART", "--responsible", "IT").stdout == "smart: ansvarig – → IT\n"
    refused = run_vpl("edit", "1.1.1", "--end", "2023-01-01")
    assert (refused.returncode, refused.stderr) == (2, "vpl: --end gäller inte 1.1.1\n")
    run_vpl("export", "-o", "plan.toml")
    text = (tmp_path / "plan.toml").read_text(encoding="utf-8")
    assert 'responsible = "HR-chefen"' in text and 'responsible = "IT"' in text
    run_vpl("edit", "1.1.1", "--responsible", "Ny chef")
    assert run_vpl("load", "plan.toml").returncode == 0  # the older file: the newer change kept
    with Store.open(db_path) as store:
        assert store.owner_responsible("goal", "1.1.1") == "Ny chef"
        assert store.owner_responsible("initiative", "smart") == "IT"
        again = store.export_text()
    with Store.open(tmp_path / "b.db", seed=lambda: parse_plan(again)) as other:
        assert other.export_text() == again  # byte for byte
