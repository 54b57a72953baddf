"""The board report's economy section: budget against forecast per unit, frozen with the round."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from vpl_tui.db.store import Store
from vpl_tui.report.gather import gather_report
from vpl_tui.strings import Strings


def _economy(store: Store):
    period = store.period("t1", date(2023, 4, 20))
    data = gather_report(
        store,
        period,
        list(store.periods()),
        made_on=date(2023, 5, 2),
        made_by="anna",
        strings=Strings("sv"),
        scale=store.scale(),
    )
    assert data.economy is not None
    return data.economy


def test_the_report_shows_the_forecasts_as_they_stood_at_the_ready_mark(store: Store) -> None:
    assert _economy(store).rows == ()  # nothing entered: no table of dashes
    store.set_forecast("units", "Personal", "t1", outcome=D(12500), forecast=D(40000))
    rows = {row.unit: row for row in _economy(store).rows}
    assert rows["Personal"].forecast == D(40000) and rows["Personal"].deviation == D(-1141)
    assert rows["Summa"].budget == D(279191)  # the published total
    assert rows["Kommundirektör"].forecast is None
    store.assess("1.1.1", "t1", "met", "Klart.")
    store.mark_ready("1.1.1", "t1")
    store.set_forecast("units", "Personal", "t1", forecast=D(41000))  # after the ready mark
    frozen = {row.unit: row for row in _economy(store).rows}
    assert frozen["Personal"].forecast == D(40000)
    assert _economy(store).threshold == D("0.01")
