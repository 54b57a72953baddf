"""Adding and editing metrics on the plan screen: `M` (a new metric) and `e` on a metric's line.

The metric form (`screens/dialogs/metric_form.py`) collects the change; the write runs in
`PlanEdits`' worker on a store of its own, with the version the form was opened on, so
that a change someone else made meanwhile is refused and shown; then the goals' children
are read again, as after an added activity.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vpl_tui.db.metric_edit import metric_values
from vpl_tui.views.plan_items import ActivityItem, GoalItem, InitiativeItem, Item, MetricItem

if TYPE_CHECKING:
    from vpl_tui.db.store import Store
    from vpl_tui.screens.controllers.plan_edits import PlanEdits, Refreshed


class MetricEdits:
    """The metric keys of one plan screen, through its `PlanEdits`."""

    def __init__(self, edits: PlanEdits) -> None:
        self.edits = edits

    def _years(self, targets: dict[str, str]) -> list[str]:
        from vpl_tui.screens.dialogs.metric_form import target_years

        top = self.edits.screen.view.top
        return target_years(top.info.period if top else "", targets)

    def add_at_cursor(self) -> None:
        """`M`: a new metric under the goal or initiative under the cursor (or the owner of
        the metric or activity under it)."""
        from vpl_tui.screens.dialogs.metric_form import MetricForm

        edits = self.edits
        screen, s = edits.screen, edits.screen.strings
        place = _owner_of(screen.cursor_item())
        if place is None:
            edits._notify(s("app.plan_edit.select_place"), severity="warning")
            return
        values = {"name": "", "unit": "", "kolada_kpi": "", "higher_is_better": "true"}
        form = MetricForm(
            s,
            heading=s("app.metric_form.add_title", place=place),
            ident=screen.store.next_metric_id(place),
            values=values,
            years=self._years({}),
            is_new=True,
        )

        def saved(new: dict[str, str] | None) -> None:
            if new is None:
                return
            given = {key: value for key, value in new.items() if value or key == "name"}
            opened = edits._opened()

            def write(store: Store) -> tuple[MetricItem, str]:
                added = store.add_metric(place, given)
                siblings = store.metrics(added.goal_number, added.initiative_id)
                last = len(siblings) - 1  # it goes last under its owner
                item = MetricItem(siblings[last], added.goal_number, added.initiative_id, last)
                return item, added.id

            def done(result: tuple[tuple[MetricItem, str], Refreshed]) -> None:
                (item, ident), refreshed = result
                edits._refreshed(refreshed, s("app.plan_edit.added", ref=ident))
                if screen.outline.reveal(item):
                    screen.plan_detail.show()

            edits._in_worker(lambda store: edits._with_refresh(store, write(store), opened), done)

        screen.app.push_screen(form, saved)

    def edit(self, item: MetricItem) -> None:
        """`e` on a metric's line: its form, opened on its version."""
        from vpl_tui.screens.dialogs.metric_form import MetricForm

        edits = self.edits
        screen, s = edits.screen, edits.screen.strings
        info = screen.store.metric_at(item.goal_number, item.initiative_id, item.position)
        version = screen.store.text_version("metric", info.id)
        before = metric_values(info)
        form = MetricForm(
            s,
            heading=s("app.metric_form.edit_title", ident=info.id),
            ident=info.id,
            values=before,
            years=self._years(info.targets),
        )

        def saved(new: dict[str, str] | None) -> None:
            if new is None:
                return
            changed = {k: v for k, v in new.items() if before.get(k, "") != v}
            if not changed:
                edits._notify(s("app.plan_edit.nothing"))
                return
            opened = edits._opened()
            edits._in_worker(
                lambda store: edits._with_refresh(
                    store,
                    store.edit_metric(info.id, changed, expected_version=version),
                    opened,
                ),
                lambda result: edits._refreshed(result[1], s("app.plan_edit.saved", ref=info.id)),
            )

        screen.app.push_screen(form, saved)


def _owner_of(item: Item | None) -> str | None:
    """The goal or initiative a new metric goes under, from the line under the cursor."""
    if isinstance(item, GoalItem):
        return item.record.number
    if isinstance(item, InitiativeItem):
        return item.record.id
    if isinstance(item, MetricItem):
        return item.initiative_id or item.goal_number
    if isinstance(item, ActivityItem):
        return item.record.initiative_id or item.record.goal_number
    return None
