"""The budget screen, driven through the real app with Pilot: key `b`, checks, jumps, edits."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pytest
from rich.console import Console
from test_app_support import settle
from textual.coordinate import Coordinate
from textual.widgets import Input, Static, TabbedContent

from vpl_tui.budget import FigureAddress
from vpl_tui.db.store import Store
from vpl_tui.model import Plan
from vpl_tui.screens.app import VplApp
from vpl_tui.screens.budget import BudgetScreen
from vpl_tui.screens.widgets.budget_charts import BarChart
from vpl_tui.screens.widgets.figure_tables import CheckList, FigureTable
from vpl_tui.strings import Strings

SIZE = (120, 40)


@pytest.fixture(autouse=True)
def _user(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VPL_USER", "kontroller")


@pytest.fixture
def off_store(db_path: Path, seed_plan: Plan):
    """The bundled plan with a real discrepancy: Resultat 2022 published as 14 010, 10 tkr
    more than grant − net costs. (Its one difference, 2021's +1 tkr over three printed
    figures, is rounding, not a failure; and 2021 is an actual, read-only column.)"""
    plan = seed_plan.model_copy(deep=True)
    assert plan.budget is not None
    plan.budget.operating.result["2022"] = 14010
    with Store.open(db_path, seed=lambda: plan) as opened:
        yield opened


def app_for(store: Store, lang: str = "sv") -> VplApp:
    # A long poll interval: the tests make outside changes themselves, at known moments.
    return VplApp(store=store, strings=Strings(lang), poll_interval=3600)


async def open_budget(pilot) -> BudgetScreen:
    await settle(pilot)
    await pilot.press("b")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, BudgetScreen)
    return screen


def counts(screen: BudgetScreen) -> str:
    return str(screen.query_one("#budget-counts", Static).render())


def explanation(screen: BudgetScreen) -> str:
    return str(screen.query_one("#budget-explain-text", Static).render())


def cell_text(table: FigureTable, coordinate: Coordinate | None = None) -> str:
    return table.get_cell_at(coordinate or table.cursor_coordinate).plain


def notices(app: VplApp) -> list[str]:
    return [notification.message for notification in app._notifications]


def place(table: FigureTable, address: FigureAddress) -> Coordinate:
    assert table.spec is not None
    where = table.spec.find(address)
    assert where is not None, address
    return Coordinate(*where)


async def test_the_screen_opens_with_the_failure_on_top_and_goes_back(off_store: Store) -> None:
    app = app_for(off_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_budget(pilot)
        assert counts(screen) == (
            "31 kontroller:  ✓ 25 stämmer   ✗ 1 avviker   ≈ 1 avrundning   "
            "? 4 kan inte kontrolleras"
        )
        checks = screen.query_one(CheckList)
        assert screen.focused is checks
        assert [c.id for c in checks.checks[:6]] == [
            "operating.result.2022",
            "units.sum.2024",
            "units.sum.2025",
            "investments.sum.2021",
            "investments.sum.2022",
            "operating.result.2021",  # rounding: after what cannot be checked
        ]
        assert checks.get_cell_at(Coordinate(0, 0)).plain == "✗ Avviker"
        assert checks.get_cell_at(Coordinate(5, 0)).plain == "≈ Avrundning"
        # The explanation of the check under the cursor is already showing.
        assert "Skillnad (publicerat − beräknat): +10 tkr" in explanation(screen)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, BudgetScreen)


async def test_enter_on_a_failing_check_jumps_to_its_marked_cell(off_store: Store) -> None:
    app = app_for(off_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_budget(pilot)
        await pilot.press("down", "up", "enter")  # move about the list, back to the failure
        await settle(pilot)
        table = screen.query_one("#table-operating", FigureTable)
        assert screen.query_one(TabbedContent).active == "section-operating"
        assert screen.focused is table
        cell = screen.current_cell
        assert cell is not None and cell.address == FigureAddress("operating", "result", 2022)
        # Marked with a sign as well as a colour, and so is its row and the computed figure.
        assert cell_text(table) == "✗ 14 010"
        row = table.cursor_coordinate.row
        assert table.spec is not None
        assert table.spec.rows[row].label == "Resultat"
        assert cell_text(table, Coordinate(row + 1, 0)) == "≈ 20 282"  # 2021: rounding
        assert cell_text(table, Coordinate(row + 1, 1)) == "✗ 14 000"
        assert cell_text(table, Coordinate(row + 1, 2)) == "✓ 0"
        assert "Resultat, publicerat: 14 010 tkr" in explanation(screen)


async def test_a_check_that_cannot_be_made_jumps_to_the_figure_it_cannot_break_down(
    off_store: Store,
) -> None:
    app = app_for(off_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_budget(pilot)
        await pilot.press("down", "enter")  # units.sum.2024
        await settle(pilot)
        assert screen.query_one(TabbedContent).active == "section-units"
        table = screen.query_one("#table-units", FigureTable)
        assert screen.current_cell is not None
        assert screen.current_cell.address == FigureAddress("operating", "net_costs", 2024)
        assert cell_text(table) == "? 281 078"
        assert "Kan inte kontrolleras" in explanation(screen)


async def test_editing_a_figure_reruns_the_checks_and_writes_history(off_store: Store) -> None:
    store = off_store
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_budget(pilot)
        await pilot.press("enter")  # jump from the failing check to its cell, Resultat 2022
        await pilot.press("up")  # Kommunbidrag 2022, the forecast a controller updates
        await settle(pilot)
        table = screen.query_one("#table-operating", FigureTable)
        assert screen.focused is table
        assert screen.current_cell is not None
        assert screen.current_cell.address == FigureAddress("operating", "grant", 2022)
        await pilot.press("enter")
        await settle(pilot)
        field = screen.query_one("#budget-edit-input", Input)
        assert screen.focused is field
        assert field.value == "286 398"  # as shown, the Swedish way
        field.value = ""
        await pilot.press(*"286 408", "enter")
        await settle(pilot)
        # Saved, with who, when, the old and the new value; the published figure is kept.
        history = store.figure_history("operating", "grant", 2022)
        assert [(h.from_value, h.to_value, h.user) for h in history] == [
            (Decimal(286398), Decimal(286408), "kontroller")
        ]
        record = next(
            f for f in store.figures() if (f.table, f.line, f.year) == ("operating", "grant", 2022)
        )
        assert (record.value, record.published) == (Decimal(286408), Decimal(286398))
        # The checks ran again at once: 286 408 − 272 398 = 14 010, as published.
        assert counts(screen) == (
            "31 kontroller:  ✓ 26 stämmer   ✗ 0 avviker   ≈ 1 avrundning   "
            "? 4 kan inte kontrolleras"
        )
        assert screen.focused is table
        assert cell_text(table) == "✎ 286 408"
        assert "286 398 → 286 408" in explanation(screen)
        assert "kontroller" in explanation(screen)
        assert any("286 398 → 286 408 tkr" in n for n in notices(app))
        # The edit travels with the plan: `vpl export` writes Budget.changes.
        exported = store.export_plan().budget
        assert exported is not None and [(c.line, c.to) for c in exported.changes] == [
            ("grant", Decimal(286408))
        ]


async def test_p_restores_the_published_figure_with_a_new_history_row(store: Store) -> None:
    store.set_figure("operating", "grant", 2022, Decimal(290000), user="someone")
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_budget(pilot)
        await pilot.press("1")
        table = screen.query_one("#table-operating", FigureTable)
        grant = place(table, FigureAddress("operating", "grant", 2022))
        table.move_cursor(row=grant.row, column=grant.column)
        await settle(pilot)
        assert cell_text(table) == "✎ 290 000"
        assert "publicerat: 286 398 tkr" in explanation(screen)
        await pilot.press("p")
        await settle(pilot)
        assert cell_text(table) == "286 398"
        history = store.figure_history("operating", "grant", 2022)
        assert [(h.to_value, h.note) for h in history] == [
            (Decimal(290000), ""),
            (Decimal(286398), "publicerad siffra återställd"),
        ]


async def test_bad_input_is_refused_and_nothing_is_written(store: Store) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_budget(pilot)
        await pilot.press("1", "right")  # Nettokostnader 2022, a forecast
        table = screen.query_one("#table-operating", FigureTable)
        await pilot.press("enter")
        await settle(pilot)
        field = screen.query_one("#budget-edit-input", Input)
        for typed, notice in (
            ("tjugo", "'tjugo' är inte ett tal"),
            ("12,5", "Tabellen är i hela tkr: skriv ett heltal"),
            # An exponent once kept the screen busy for ever, building a billion digits.
            ("1e999999999", "'1e999999999' är inte ett tal"),
            ("1E+999999999", "'1E+999999999' är inte ett tal"),
            ("NaN", "'NaN' är inte ett tal"),
            ("-Infinity", "'-Infinity' är inte ett tal"),
            ("1 000 000 000 000 000", "För stort tal för tabellen"),
            ("9" * 5000, "är inte ett tal"),
            ("1,2,3", "'1,2,3' är inte ett tal"),
            ("12 34", "'12 34' är inte ett tal"),
        ):
            field.value = typed
            await pilot.press("enter")
            await settle(pilot)
            said = notices(app)[-1]
            assert notice in said and "\n" not in said and len(said) < 200, said
            assert screen.focused is field  # still editing, the typed text kept
        await pilot.press("escape")  # cancels the edit, stays on the screen
        await settle(pilot)
        assert screen.focused is table
        assert isinstance(app.screen, BudgetScreen)
        assert store.figure_history() == []


@pytest.mark.parametrize(
    ("table_id", "address", "typed", "saved"),
    [
        ("operating", FigureAddress("operating", "net_costs", 2022), "282 000", 282000),
        ("operating", FigureAddress("operating", "result", 2022), "-3 000", -3000),
        ("operating", FigureAddress("operating", "result", 2023), "\u22123 000", -3000),
        ("operating", FigureAddress("operating", "grant", 2023), "279\u00a0192", 279192),
        ("pot", None, "4,5", Decimal("4.5")),
    ],
)
async def test_figures_are_typed_the_swedish_way(
    store: Store, table_id: str, address: FigureAddress | None, typed: str, saved: Decimal
) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_budget(pilot)
        await pilot.press("3" if table_id == "pot" else "1")
        table = screen.query_one(f"#table-{table_id}", FigureTable)
        if address is not None:
            where = place(table, address)
            table.move_cursor(row=where.row, column=where.column)
        else:  # the first allocation of the pot
            row = next(r for r, spec in enumerate(table.spec.rows) if spec.cells[0].editable)
            table.move_cursor(row=row, column=0)
        await settle(pilot)
        edited = screen.current_cell
        assert edited is not None and edited.address is not None
        await pilot.press("enter")
        await settle(pilot)
        screen.query_one("#budget-edit-input", Input).value = typed
        await pilot.press("enter")
        await settle(pilot)
        [change] = store.figure_history()
        assert change.to_value == Decimal(saved)
        assert (change.table, change.line, change.year) == (
            edited.address.table,
            edited.address.line,
            edited.address.year,
        )


async def test_actuals_are_not_editable_and_the_footer_says_so(store: Store) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_budget(pilot)
        await pilot.press("1")  # the cursor on Nettokostnader 2021, Bokslut
        table = screen.query_one("#table-operating", FigureTable)
        await settle(pilot)
        assert table.column_label(table.cursor_coordinate.column).startswith("Bokslut")
        assert "Ändra" not in footer_keys(screen)
        await pilot.press("enter")
        await settle(pilot)
        assert notices(app)[-1].startswith("Bokslut är utfall och kan inte ändras")
        assert screen.query_one("#budget-edit").display is False
        assert screen.focused is table
        await pilot.press("p")  # restoring the published figure is an edit too
        await settle(pilot)
        assert notices(app)[-1].startswith("Bokslut är utfall")
        await pilot.press("right")  # Prognos 2022: editable, and the footer offers it
        await settle(pilot)
        assert "Ändra" in footer_keys(screen)
        await pilot.press("down", "down", "down")  # the computed row: not editable
        await settle(pilot)
        assert "Ändra" not in footer_keys(screen)
        assert store.figure_history() == []


def footer_keys(screen: BudgetScreen) -> list[str]:
    """The descriptions of the keys the footer offers now."""
    return [
        active.binding.description
        for active in screen.active_bindings.values()
        if active.binding.show and active.enabled
    ]


async def test_a_figure_changed_meanwhile_is_not_overwritten(store: Store, db_path: Path) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_budget(pilot)
        await pilot.press("1")
        table = screen.query_one("#table-operating", FigureTable)
        net = place(table, FigureAddress("operating", "net_costs", 2022))
        table.move_cursor(row=net.row, column=net.column)
        await pilot.press("enter")
        await settle(pilot)
        with Store.open(db_path) as other:  # another controller saves first
            other.set_figure("operating", "net_costs", 2022, Decimal(272000), user="kollega")
        screen.query_one("#budget-edit-input", Input).value = "273 000"
        await pilot.press("enter")
        await settle(pilot)
        assert any("den är nu 272 000 tkr" in n for n in notices(app))
        assert cell_text(table, net) == "✎ 272 000"  # the current figure is shown
        history = store.figure_history("operating", "net_costs", 2022)
        assert [(h.to_value, h.user) for h in history] == [(Decimal(272000), "kollega")]
        # And the checks follow the colleague's figure: 286 398 − 272 000 ≠ 14 000, and the
        # units' Summa 272 398 no longer equals the net costs.
        failing = [c.id for c in screen.checks if c.status == "fail"]
        assert failing == ["operating.result.2022", "units.net_costs.2022"]
        assert [c.id for c in screen.checks if c.status == "rounding"] == ["operating.result.2021"]


async def test_another_sessions_edit_shows_up_with_the_checks_rerun(
    off_store: Store, db_path: Path
) -> None:
    app = app_for(off_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_budget(pilot)
        screen.look_for_outside_changes()  # nothing changed: nothing redrawn, nothing said
        assert notices(app) == []
        with Store.open(db_path) as other:
            other.set_figure("operating", "result", 2022, Decimal(14000), user="kollega")
        screen.look_for_outside_changes()  # what the screen's timer does every two seconds
        await settle(pilot)
        assert "✗ 0 avviker" in counts(screen)
        assert "Budgeten har ändrats i en annan session; siffrorna är uppdaterade." in notices(app)


async def test_the_pot_and_earmarks_are_reconciled_in_mkr(store: Store) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_budget(pilot)
        await pilot.press("3")
        await settle(pilot)
        pot = screen.query_one("#table-pot", FigureTable)
        assert screen.focused is pot
        total = place(pot, FigureAddress("pot", "total", 2023))
        assert cell_text(pot, total) == "28"
        assert cell_text(pot, Coordinate(total.row + 1, 0)) == "✓ 28"
        multikort = place(pot, FigureAddress("pot", "multikort", 2023))
        pot.move_cursor(row=multikort.row, column=0)
        await pilot.press("enter")
        await settle(pilot)
        field = screen.query_one("#budget-edit-input", Input)
        assert field.value == "3,5"
        field.value = "4"
        await pilot.press("enter")
        await settle(pilot)
        assert cell_text(pot, Coordinate(total.row + 1, 0)) == "✗ 28,5"
        earmarks = screen.query_one("#table-earmarks", FigureTable)
        smart = place(earmarks, FigureAddress("earmarks", "smart", 2023))
        assert cell_text(earmarks, smart) == "✗ 15,5"
        assert cell_text(earmarks, Coordinate(smart.row, 2)) == "−0,5"
        failing = [c.id for c in screen.checks if c.status == "fail"]
        assert failing == ["pot.total", "pot.initiatives", "earmark.smart"]
        assert [c.id for c in screen.checks if c.status == "rounding"] == ["operating.result.2021"]


async def test_charts_show_net_costs_by_unit_and_investments_by_line(store: Store) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_budget(pilot)
        await pilot.press("5")
        await settle(pilot)
        assert screen.query_one(TabbedContent).active == "section-charts"
        units = screen.query_one("#budget-chart-units", BarChart)
        assert units.data is not None
        assert [y for y, _ in units.data.columns] == ["2021", "2022", "2023"]
        rows = dict(units.data.rows)
        assert rows["Demokrati och Samhälle"]["2023"] == 68111
        investments = screen.query_one("#budget-chart-investments", BarChart)
        assert investments.data is not None
        assert dict(investments.data.rows)["Markförsäljning/Friköp/fastighetsförsäljning"] == {
            "2023": -3000,
            "2024": -3000,
        }
        console = Console(width=units.size.width, record=True, file=io.StringIO())
        console.print(units.render())
        shown = console.export_text()
        assert "Demokrati och Samhälle" in shown and "68 111" in shown and "█" in shown
        assert "Budget 2023" in shown


@pytest.mark.parametrize(
    ("check_id", "section", "table_id"),
    [
        ("earmark.smart", "section-pot", "table-earmarks"),
        ("pot.total", "section-pot", "table-pot"),
        ("investments.sum.2021", "section-investments", "table-investments"),
        ("columns.units", "section-units", "table-units"),
    ],
)
async def test_every_kind_of_check_jumps_to_its_table(
    store: Store, check_id: str, section: str, table_id: str
) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_budget(pilot)
        screen.query_one(CheckList).select_check(check_id)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.query_one(TabbedContent).active == section
        assert screen.focused is screen.query_one(f"#{table_id}", FigureTable)
        check = next(c for c in screen.checks if c.id == check_id)
        if check.target is not None:  # a column check has no cell of its own: just the table
            assert check.describe(Strings("sv")) in explanation(screen)


async def test_i_hides_and_shows_the_explanation(off_store: Store) -> None:
    app = app_for(off_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_budget(pilot)
        pane = screen.query_one("#budget-explain")
        assert pane.display
        await pilot.press("i")
        assert not pane.display
        await pilot.press("i")
        await settle(pilot)
        assert pane.display and "Drift 2022" in explanation(screen)


def test_every_budget_binding_has_a_description_tooltip_and_id_in_both_languages() -> None:
    from vpl_tui.screens.keys import localised

    bindings = [b for cls in (BudgetScreen, FigureTable, CheckList) for b in cls.BINDINGS]
    ids = set()
    for binding in bindings:
        assert binding.id and binding.id.startswith("budget.")
        ids.add(binding.id)
        swedish, english = (localised(binding, Strings(lang)) for lang in ("sv", "en"))
        assert swedish.description and english.description, binding
        assert swedish.tooltip and english.tooltip and swedish.tooltip != english.tooltip
    assert len(ids) == len(bindings)  # remappable one by one with a keymap


async def test_the_screen_speaks_english_with_lang_en(store: Store) -> None:
    app = app_for(store, "en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_budget(pilot)
        assert counts(screen) == (
            "31 checks:  ✓ 26 pass   ✗ 0 fail   ≈ 1 rounding   ? 4 cannot be checked"
        )
        table = screen.query_one("#table-operating", FigureTable)
        assert table.spec is not None
        assert [c.label for c in table.spec.columns][:2] == ["Actual 2021", "Forecast 2022"]


async def test_plan_text_in_the_budget_is_shown_as_text(db_path: Path, seed_plan: Plan) -> None:
    plan = seed_plan.model_copy(deep=True)
    assert plan.budget is not None and plan.budget.units is not None
    evil = "Enhet [/] [@click=app.quit]x[/] \x1b]52;c;aGk=\x07"
    plan.budget.units.units[0].name = evil
    with Store.open(db_path) as store:
        store.replace_plan(plan)
        app = app_for(store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_budget(pilot)
            await pilot.press("2")
            await settle(pilot)
            table = screen.query_one("#table-units", FigureTable)
            label = table.rows[next(iter(table.rows))].label
            assert label is not None
            assert "[@click=app.quit]x[/]" in label.plain
            assert "\x1b" not in label.plain and "\\x1b" in label.plain
            assert isinstance(app.screen, BudgetScreen)  # nothing ran, nothing crashed


async def test_a_plan_without_a_budget_says_so(db_path: Path, seed_plan: Plan) -> None:
    with Store.open(db_path) as store:
        store.replace_plan(seed_plan.model_copy(update={"budget": None}))
        app = app_for(store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_budget(pilot)
            assert counts(screen) == "Planen har ingen budget att stämma av."
            await pilot.press("3", "enter", "p")  # nothing to edit, nothing breaks
            await settle(pilot)
            assert store.figure_history() == []
