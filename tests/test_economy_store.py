"""Follow-up figures in the store: history, stale changes, undo, export/load round trip, merge."""

from __future__ import annotations

import sqlite3
from decimal import Decimal as D
from pathlib import Path

import pytest

from vpl_tui.db.forecasts import StaleForecast
from vpl_tui.db.load_merge import LoadRefused
from vpl_tui.db.store import Store
from vpl_tui.errors import VplError
from vpl_tui.planfile import parse_plan


def _reload(text: str) -> object:
    return parse_plan(text.encode(), "plan.toml")


def test_a_forecast_has_a_history_an_undo_and_refuses_a_stale_change(store: Store) -> None:
    published = store.figures()
    first = store.set_forecast(
        "units", "Personal", "t1", outcome=D(12500), forecast=D(40000), comment="Två tjänster"
    )
    assert first.version == 1
    second = store.set_forecast("units", "Personal", "t1", forecast=D(39000), expected_version=1)
    assert second.forecast == (D(12500), D(39000), "Två tjänster")  # the rest kept
    with pytest.raises(StaleForecast) as stale:
        store.set_forecast("units", "Personal", "t1", forecast=D(1), expected_version=1)
    assert stale.value.current.version == 2
    undone = store.undo_forecast("units", "Personal", "t1")
    assert undone.forecast.forecast == D(40000) and undone.version == 3
    assert [row.forecast for row in store.forecast_history("units", "Personal", "t1")] == [
        D(40000),
        D(39000),
        D(40000),
    ]
    assert store.figures() == published  # a forecast never changes a published figure
    with pytest.raises(sqlite3.IntegrityError):
        store.db.conn.execute("UPDATE forecast_history SET forecast = 1")
    with pytest.raises(sqlite3.IntegrityError):
        store.db.conn.execute("DELETE FROM forecast_history")


def test_unknown_units_periods_and_figures_are_refused(store: Store) -> None:
    for call in (
        lambda: store.set_forecast("units", "Ingen", "t1", forecast=D(1)),
        lambda: store.set_forecast("units", "Personal", "q9", forecast=D(1)),
        lambda: store.set_forecast("units", "Personal", "t1", forecast=D("1.5")),
        lambda: store.forecast_line("Ingen sådan"),
    ):
        with pytest.raises(VplError):
            call()
    assert store.forecast_line("  PERSONAL ") == ("units", "Personal")
    assert store.forecast_line("Kommunbidrag") == ("operating", "grant")
    assert store.forecast_history("units", "Personal", "t1") == []


def test_forecasts_round_trip_and_vpl_load_never_loses_them(store: Store, tmp_path: Path) -> None:
    store.set_forecast("units", "Personal", "t1", outcome=D(12500), forecast=D(40000), comment="x")
    store.set_forecast("operating", "net_costs", "t1", forecast=D(281000))
    store.undo_forecast("operating", "net_costs", "t1")
    exported = store.export_text()
    assert "[[budget.forecasts]]" in exported
    other = Store.open(tmp_path / "other.db", seed=lambda: _reload(exported))
    assert other.export_text() == exported  # byte for byte
    # The database's newer change survives a load of the older file.
    store.set_forecast("units", "Personal", "t1", forecast=D(41000))
    store.load_plan(_reload(exported))
    assert store.forecast("units", "Personal", "t1").forecast.forecast == D(41000)
    # The file's newer change is taken.
    other.load_plan(_reload(store.export_text()))
    assert other.forecast("units", "Personal", "t1").forecast.forecast == D(41000)
    # Diverged: refused, nothing written.
    other.set_forecast("units", "Personal", "t1", forecast=D(1))
    before = other.export_text()
    store.set_forecast("units", "Personal", "t1", forecast=D(2))
    with pytest.raises(LoadRefused) as refused:
        other.load_plan(_reload(store.export_text()))
    assert refused.value.conflicts[0].what == "forecast"
    assert other.export_text() == before
    # A file without the forecasts would drop them: refused too; --replace replaces.
    plain = exported.split("[[budget.forecasts]]")[0]
    with pytest.raises(LoadRefused):
        other.load_plan(_reload(plain))
    other.replace_plan(_reload(plain), backup=False)
    assert other.forecasts("t1") == {}


def test_the_threshold_comes_from_the_plan_file(store: Store, tmp_path: Path) -> None:
    text = store.export_text().replace(
        "[budget.operating.columns]",
        "material_deviation_percent = 5\n\n[budget.operating.columns]",
        1,
    )
    other = Store.open(tmp_path / "five.db", seed=lambda: _reload(text))
    assert other.material_percent() == D(5)
    other.set_forecast("units", "Personal", "t1", forecast=D(40000))  # +2.9 %: not material
    table = other.followup_table(other.period("t1", None))
    assert table is not None and table.needs_comment == frozenset()
    assert (
        other.export_text()
        == Store.open(
            tmp_path / "again.db", seed=lambda: _reload(other.export_text())
        ).export_text()
    )
