"""A metric's own plan changes in the detail pane, as an activity's are shown: through
Pilot on a real database, a metric renamed and given a target shows both under it."""

from __future__ import annotations

from pathlib import Path

from test_app_support import SIZE, detail_text, make_app, plan, settle

from vpl_tui.db.store import Store
from vpl_tui.views.plan_items import MetricItem


async def test_a_metrics_detail_shows_its_plan_changes(store: Store, tmp_path: Path) -> None:
    store.edit_metric("1.1.5-m1", {"name": "Nöjda medborgare"}, user="lead")
    store.edit_metric("1.1.5-m1", {"target:2026": "Minst 80"}, user="lead")
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = plan(app)
        screen.jump_to(MetricItem(store.metrics("1.1.5")[0], "1.1.5", None, 0))
        await settle(pilot)
        text = detail_text(app)
        assert "Nöjda medborgare" in text and "Planändringar" in text, text
        assert "→ Nöjda medborgare" in text and "Minst 80" in text, text
        assert "lead" in text
        screen.jump_to(MetricItem(store.metrics("1.1.5")[1], "1.1.5", None, 1))
        await settle(pilot)
        assert "Planändringar" not in detail_text(app)  # the other metric has none
