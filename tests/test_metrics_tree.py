"""The metrics in the tree and the completeness view, as one user story through Pilot: a
metric's line shows its judgement for the header's period, changes with the period and
with an outcome entered with `o`; the completeness view lists a metric without an outcome,
Enter goes to it, and once it has one the view no longer lists it. Hostile text in a
metric's name and in an outcome is shown as it is, never as markup."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from test_app_support import SIZE, cursor_key, make_app, plan, settle

from vpl_tui.db.store import Store
from vpl_tui.planfile import dumps_plan, parse_plan
from vpl_tui.screens.dialogs.outcome_dialog import OutcomeDialog
from vpl_tui.screens.followup_round import CompletenessScreen
from vpl_tui.views.plan_items import MetricItem

HOSTILE_NAME = "[bold]Röd[/bold] [link=https://x]länk[/link]"


@pytest.fixture(autouse=True)
def user(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("VPL_USER", "kontroller")
    monkeypatch.setenv("VPL_CONFIG", str(tmp_path / "settings.toml"))


@pytest.fixture
def hostile_store(tmp_path: Path, seed_plan) -> Store:  # noqa: ANN001
    """The bundled plan with markup in the name of metric klimat-m1."""
    text = dumps_plan(seed_plan).replace(
        'name = "Indikatorerna för övergripande målet Klimat"', f'name = "{HOSTILE_NAME}"', 1
    )
    assert HOSTILE_NAME in text
    with Store.open(tmp_path / "hostile.db", seed=lambda: parse_plan(text)) as opened:
        yield opened


def line(app, key: tuple[str, ...]) -> str:  # noqa: ANN001
    """The line's whole label (the tree cuts it to its width; the detail pane has all)."""
    tree = plan(app).tree
    return tree.label_for(tree.index.get(key).data).plain


async def test_a_metrics_tree_line_follows_the_period_and_o_and_completeness(
    hostile_store: Store, tmp_path: Path
) -> None:
    store = hostile_store
    store.import_outcomes([("klimat-m2", 2022, "T", "120", "Kolada")])
    store.record_outcome("klimat-m2", "150", period="delar")
    app = make_app(store, tmp_path, today=date(2023, 4, 20))  # Tertial 1 is current
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = plan(app)
        second = ("metric", "1.1.4", "klimat", "1")
        screen.jump_to(MetricItem(store.metrics("1.1.4", "klimat")[1], "1.1.4", "klimat", 1))
        await settle(pilot)
        assert cursor_key(app) == second
        shown = line(app, second)  # Lägre än 134: 120 is met
        assert " uppfyllt " in shown and "utfall 120 (2022)" in shown
        assert "mål Lägre än 134" in shown and "Källa: Kolada" in shown
        first = ("metric", "1.1.4", "klimat", "0")
        assert f"{HOSTILE_NAME}" in line(app, first)  # literally, never markup
        assert "kan inte bedömas" in line(app, first)

        # The next period: its outcome, 150, is not met.
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert app.period_id == "delar"
        shown = line(app, second)
        assert "ej uppfyllt" in shown and "utfall 150 (delar)" in shown
        assert "Källa: Kolada" not in shown

        # `o` enters 100 for Delårsrapport: the line says so at once.
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, OutcomeDialog)
        await pilot.press("ctrl+u", "1", "0", "0", "enter")
        await settle(pilot)
        shown = line(app, second)
        assert "utfall 100 (delar)" in shown and "ej uppfyllt" not in shown
        assert " uppfyllt " in shown

        # The completeness view lists klimat-m1, which has no outcome for the period.
        await pilot.press("c")
        await settle(pilot)
        view = app.screen
        assert isinstance(view, CompletenessScreen) and view.shown is not None
        assert "Mätetal utan utfall för perioden: 13 av 14" in view.shown.metrics
        rows = [row.target for row in view.shown.rows if row.kind == "metric"]
        assert "klimat-m1" in rows and "klimat-m2" not in rows
        row_text = next(r.text for r in view.shown.rows if r.target == "klimat-m1")
        assert HOSTILE_NAME in row_text
        options = view.query_one("#cp-list")
        options.highlighted = next(
            i for i, row in enumerate(view.shown.rows) if row.target == "klimat-m1"
        )
        await pilot.press("enter")  # goes to the metric in the tree
        await settle(pilot)
        assert app.screen is screen and cursor_key(app) == first
        await pilot.press("o")
        await settle(pilot)
        await pilot.press(*"[red]klart[/red]", "enter")  # words: recorded, not judged
        await settle(pilot)
        assert "utfall [red]klart[/red] (delar)" in line(app, first)
        await pilot.press("c")
        await settle(pilot)
        view = app.screen
        assert isinstance(view, CompletenessScreen) and view.shown is not None
        assert "klimat-m1" not in [row.target for row in view.shown.rows if row.kind == "metric"]
        assert "12 av 14" in view.shown.metrics
    assert store.outcome("klimat-m1", ("delar", None, "T")).value == "[red]klart[/red]"
