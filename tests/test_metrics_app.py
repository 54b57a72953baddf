"""The metrics in the app, as one user story through Pilot: a metric's outcome, target and
judgement in the detail pane, and an outcome entered with `o`, checked as it is typed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from test_app_support import SIZE, cursor_key, detail_text, make_app, notifications, plan, settle

from vpl_tui.db.store import Store
from vpl_tui.screens.dialogs.outcome_dialog import OutcomeDialog
from vpl_tui.views.plan_items import MetricItem


@pytest.fixture(autouse=True)
def user(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("VPL_USER", "kontroller")
    monkeypatch.setenv("VPL_CONFIG", str(tmp_path / "settings.toml"))


async def test_a_metrics_outcome_is_shown_and_entered_for_the_current_period(
    store: Store, tmp_path: Path
) -> None:
    store.import_outcomes([("klimat-m2", 2022, "T", "120", "Kolada")])
    app = make_app(store, tmp_path, today=date(2023, 4, 20))  # Tertial 1 is current
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = plan(app)
        screen.jump_to(MetricItem(store.metrics("1.1.4", "klimat")[1], "1.1.4", "klimat", 1))
        await settle(pilot)
        assert cursor_key(app) == ("metric", "1.1.4", "klimat", "1")
        text = detail_text(app)
        assert "Utfall 120 (2022)" in text and "Källa: Kolada" in text
        assert "Bedömning Tertial 1 uppfyllt" in text  # Lägre än 134
        assert "o: ange utfall för Tertial 1" in text
        await pilot.press("o")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, OutcomeDialog)
        await pilot.press("backspace", "backspace", "backspace", "1", "4", "0")
        await pilot.pause()
        check = str(dialog.query_one("#value-check").render())
        assert "Läses som talet 140" in check
        await pilot.press("ctrl+u")
        await pilot.press("space")
        await pilot.pause()
        assert "utfallet är tomt" in str(dialog.query_one("#value-check").render())
        await pilot.press("enter")  # refused as typed: the dialog stays
        await pilot.pause()
        assert isinstance(app.screen, OutcomeDialog)
        for key in "140":
            await pilot.press(key)
        await pilot.press("tab", *"[bold]x")
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, OutcomeDialog)
        assert "Utfallet för klimat-m2 t1 sparades: 140" in notifications(app)
        text = detail_text(app)
        assert "Utfall 140 (t1)" in text and "Föregående utfall 120 (2022)" in text
        assert "Bedömning Tertial 1 ej uppfyllt" in text
        assert "Källa: Kolada" not in text  # the controller's own figure
        assert "Kommentar [bold]x" in text  # plan text shown as it is, never markup
    saved = store.outcome("klimat-m2", ("t1", None, "T"))
    assert (saved.value, saved.comment, saved.user, saved.version) == (
        "140",
        "[bold]x",
        "kontroller",
        1,
    )
