"""An empty cell of a table with a breakdown, filled: in the store (one transaction, a history
row that starts from nothing, stale protection), through a database of the previous schema
(migration 10), in the plan file (export → load → export byte for byte), and on the budget
screen, where the footer offers it and the explanation says the cell was empty. The
driftredovisning stays read-only, and says why."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from test_app_support import settle
from test_budget_screen import (
    app_for,
    cell_text,
    explanation,
    footer_keys,
    notices,
    open_budget,
    place,
)
from textual.coordinate import Coordinate
from textual.widgets import Input

from vpl_tui.budget import FigureAddress, reconcile
from vpl_tui.budget.accounts import drift_address
from vpl_tui.db.connection import _fold
from vpl_tui.db.migrations import migration_sql
from vpl_tui.db.schema import split_statements
from vpl_tui.db.store import StaleFigure, Store
from vpl_tui.errors import VplError
from vpl_tui.model import Plan
from vpl_tui.planfile import PlanFileError, parse_plan, read_plan
from vpl_tui.screens.widgets.figure_tables import FigureTable

SECOND_PLAN = Path(__file__).parent / "fixtures" / "second-plan-mnkr.toml"
EMPTY = ("units", "Kommundirektör", 2024)
"""A cell the bundled plan leaves empty: it has no breakdown by unit for 2024."""


@pytest.fixture(autouse=True)
def _user(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VPL_USER", "kontroller")


def test_an_empty_cell_is_filled_with_a_history_row_and_no_published_figure(
    store: Store,
) -> None:
    assert EMPTY not in {(f.table, f.line, f.year) for f in store.figures()}
    change = store.set_figure(*EMPTY, Decimal(9500), note="Ny fördelning", expect_empty=True)
    assert change is not None
    assert (change.from_value, change.to_value, change.note) == (None, 9500, "Ny fördelning")
    [figure] = [f for f in store.figures() if (f.table, f.line, f.year) == EMPTY]
    assert (figure.value, figure.published) == (9500, None)
    # Then edited as any figure is: its history goes on from the filled value.
    store.set_figure(*EMPTY, Decimal(9600), expected=Decimal(9500))
    assert [(c.from_value, c.to_value) for c in store.figure_history(*EMPTY)] == [
        (None, 9500),
        (9500, 9600),
    ]
    # The reconciliation reads it: the units of 2024 now have a sum (and it is short).
    [units_2024] = [
        c for c in reconcile(store.budget(), store.earmarks()) if c.id == "units.sum.2024"
    ]
    assert (units_2024.status, units_2024.computed) == ("fail", 9600)


def test_a_cell_filled_meanwhile_is_stale_and_what_has_no_cell_is_refused(store: Store) -> None:
    store.set_figure(*EMPTY, Decimal(9500), user="kollega", expect_empty=True)
    with pytest.raises(StaleFigure) as stale:
        store.set_figure(*EMPTY, Decimal(9000), expect_empty=True)
    assert stale.value.current == 9500
    refused = {
        "a unit not in the plan": ("units", "Ingen sådan enhet", 2024),
        "a year no table shows": ("units", "Kommundirektör", 2031),
        "the operating budget, no breakdown": ("operating", "grant", 2026),
        "the pot": ("pot", "innovation", 2024),
    }
    for place_, (table, line, year) in refused.items():
        with pytest.raises(VplError, match="ingen budgetsiffra|no budget figure"):
            store.set_figure(table, line, year, Decimal(1), expect_empty=True)
        assert store.figure_history(table, line, year) == [], place_
    assert len(store.figure_history()) == 1


def _database_of_schema_9(path: Path) -> None:
    """A database as the previous vpl made it, with one figure and one edit."""
    with sqlite3.connect(path) as connection:
        connection.create_function("vpl_fold", 1, _fold)
        for number in range(1, 10):
            for statement in split_statements(migration_sql(number)):
                connection.execute(statement)
        connection.execute("INSERT INTO budget_line VALUES ('units', 'A', 0, '')")
        connection.execute("INSERT INTO budget_figure VALUES ('units', 'A', 2023, 5, 4)")
        connection.execute(
            "INSERT INTO budget_history (id, table_name, line, year, at, from_value, to_value, "
            "note, user) VALUES (7, 'units', 'A', 2023, '2023-01-01T00:00:00.000000Z', 4, 5, 'n', 'u')"
        )
        connection.execute("PRAGMA user_version = 9")
    connection.close()


def test_migration_10_keeps_the_figures_and_their_history_append_only(tmp_path: Path) -> None:
    path = tmp_path / "schema9.db"
    _database_of_schema_9(path)
    with Store.open(path) as upgraded:
        conn = upgraded.db.conn
        assert conn.execute("SELECT * FROM budget_figure").fetchall() == [
            ("units", "A", 2023, 5, 4)
        ]
        [change] = upgraded.figure_history()
        assert (change.id, change.from_value, change.to_value, change.note) == (7, 4, 5, "n")
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        conn.execute("INSERT INTO budget_figure VALUES ('units', 'A', 2024, 3, NULL)")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("UPDATE budget_history SET note = 'x'")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("DELETE FROM budget_history")
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
            conn.execute(
                "INSERT INTO budget_history (table_name, line, year, at, to_value) "
                "VALUES ('units', 'A', 1999, '2023-01-01T00:00:00.000000Z', 1)"
            )
        conn.rollback()


def test_a_filled_cell_round_trips_through_the_plan_file_byte_for_byte(
    store: Store, run_vpl: Callable, tmp_path: Path, seed_plan: Plan
) -> None:
    store.set_figure(*EMPTY, Decimal(9500), note="Ny fördelning", expect_empty=True)
    store.close()
    first, second = tmp_path / "first.toml", tmp_path / "second.toml"
    assert run_vpl("export", "-o", str(first)).returncode == 0
    text = first.read_text(encoding="utf-8")
    # The plan file holds the figure in its table and a first change without `from`.
    change = text[text.index('line = "Kommundirektör"') - 40 :]
    assert "from =" not in change.split("[[", 1)[0] and "to = 9500" in change
    other = tmp_path / "other.db"
    assert run_vpl("load", str(first), db=other).returncode == 0
    assert run_vpl("export", "-o", str(second), db=other).returncode == 0
    assert second.read_bytes() == first.read_bytes()
    with Store.open(other) as loaded:
        [figure] = [f for f in loaded.figures() if (f.table, f.line, f.year) == EMPTY]
        assert (figure.value, figure.published) == (9500, None)
    # The plan as published, loaded again over the filled cell: the cell stays filled.
    with Store.open(tmp_path / "plan.db") as again:
        merged = again.load_plan(seed_plan)
        assert merged.figures == ["units/Kommundirektör/2024"]
        assert again.export_text() == text


def test_only_a_first_change_may_fill_an_empty_cell(store: Store) -> None:
    store.set_figure(*EMPTY, Decimal(9500), expect_empty=True)
    store.set_figure(*EMPTY, Decimal(9600))
    text = store.export_text()
    assert "from = 9500" in text
    with pytest.raises(PlanFileError, match="from"):
        parse_plan(text.replace("from = 9500\n", "", 1))


async def test_an_empty_cell_is_offered_filled_explained_and_rechecked(store: Store) -> None:
    app = app_for(store)
    async with app.run_test(size=(140, 44)) as pilot:
        screen = await open_budget(pilot)
        await pilot.press("2")
        await settle(pilot)
        table = screen.query_one("#table-units", FigureTable)
        cell = place(table, FigureAddress(*EMPTY))
        table.move_cursor(row=cell.row, column=cell.column)
        await settle(pilot)
        assert "Ändra" in footer_keys(screen)
        said = explanation(screen)
        assert "Kommundirektör, Budget 2024: tom i den publicerade planen" in said, said
        await pilot.press("p")  # nothing published to put back: says so, writes nothing
        await settle(pilot)
        assert notices(app)[-1].startswith("Kommundirektör Budget 2024 var tom i den publicerade")
        await pilot.press("enter")
        await settle(pilot)
        field = screen.query_one("#budget-edit-input", Input)
        assert field.value == ""
        field.value = "9 500"
        await pilot.press("tab", *"Ny fördelning", "enter")
        await settle(pilot)
        assert notices(app)[-1] == (
            "Kommundirektör Budget 2024: ifylld med 9 500 tkr (tom i den publicerade planen)"
        )
        [change] = store.figure_history(*EMPTY)
        assert (change.from_value, change.to_value, change.note) == (None, 9500, "Ny fördelning")
        assert cell_text(table, cell) == "✎ 9 500"
        said = explanation(screen)
        assert "ifylld: cellen var tom i den publicerade planen" in said, said
        assert "tom → 9 500  Ny fördelning" in said
        # The checks ran again: the units of 2024 no longer sum to the operating net costs.
        assert "Nettokostnader per enhet 2024: enheterna summerar till summan" in said
        total = place(table, FigureAddress("units", "total", 2024))
        computed = Coordinate(total.row + 1, total.column)  # the `= computed` row under it
        assert cell_text(table, computed) == "✗ 9 500"


async def test_the_driftredovisning_is_read_only_and_says_why(tmp_path: Path) -> None:
    with Store.open(tmp_path / "second.db", seed=lambda: read_plan(SECOND_PLAN)) as store:
        app = app_for(store)
        async with app.run_test(size=(140, 44)) as pilot:
            screen = await open_budget(pilot)
            await pilot.press("7")
            await settle(pilot)
            drift = screen.query_one("#table-drift", FigureTable)
            grant = place(drift, drift_address("Kultur", "grant", 2022))
            drift.move_cursor(row=grant.row, column=grant.column)
            await settle(pilot)
            assert "Ändra" not in footer_keys(screen)
            assert "Driftredovisningen visas som den publicerades" in explanation(screen)
            await pilot.press("enter")
            await settle(pilot)
            assert notices(app)[-1].startswith("Driftredovisningen är som publicerad")
            assert not screen.query_one("#budget-edit").display
