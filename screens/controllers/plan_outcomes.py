"""A metric's outcome in the app: shown in the detail pane, entered with key `o`.

The period is the app's current one (`App.period_id` when the app has one, else the
period whose end comes next after the app's today, `rules.periods.current_period`). The
outcome is written in a worker thread on its own connection, with the version the dialog
was opened on: a change made meanwhile by someone else is refused with what it is now.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from vpl_tui.errors import VplError
from vpl_tui.rules.outcomes import MetricLine, Outcome
from vpl_tui.rules.periods import Period, current_period
from vpl_tui.safetext import clean
from vpl_tui.views.plan_items import Item, MetricItem

if TYPE_CHECKING:
    from vpl_tui.db.store import Store
    from vpl_tui.screens.plan import PlanScreen


def app_period(store: Store, period_id: str | None, today: date) -> Period | None:
    """The period `period_id` names, else the one whose end comes next after `today`."""
    try:
        periods = store.periods()
    except VplError:
        return None  # an older or empty database: no periods
    for period in periods:
        if period.id == period_id:
            return period
    return current_period(periods, today)


def judge_items(store: Store, items: Iterable[Item], period: Period | None) -> None:
    """Give each metric among `items` its line for `period` (`MetricItem.line`).

    Read by key, one goal's or initiative's metrics at a time: the node being opened,
    in the worker that reads its children (or on the loop, when it has few)."""
    owners: dict[tuple[str, str | None], list[MetricItem]] = {}
    for item in items:
        if isinstance(item, MetricItem):
            owners.setdefault((item.goal_number, item.initiative_id), []).append(item)
    for (goal, initiative), metrics in owners.items():
        lines = store.metric_lines_of(goal, initiative, period) if period is not None else {}
        for item in metrics:
            item.line = lines.get(item.position)


def judge_read(store: Store, children: Iterable[list[Item]], screen: PlanScreen) -> None:
    """In a worker that read opened nodes again (a reload, an edit): their metrics judged
    for the app's period, on the worker's own connection (`store`)."""
    period = app_period(store, getattr(screen.app, "period_id", None), screen.today)
    judge_items(store, (item for items in children for item in items), period)


class PlanOutcomes:
    """The plan screen's metric outcomes: the pane's facts and the `o` dialog."""

    def __init__(self, screen: PlanScreen) -> None:
        self.screen = screen

    def period(self) -> Period | None:
        """The app's current period."""
        wanted = getattr(self.screen.app, "period_id", None)
        return app_period(self.screen.store, wanted, self.screen.today)

    def start(self) -> None:
        """Judge each metric line as it comes into the tree, and again whenever the app's
        period changes."""
        self.screen.tree.judge_metrics = self.judge
        self.screen.watch(self.screen.app, "period_id", self.period_changed, init=False)

    def judge(self, items: list[MetricItem]) -> None:
        """Lines added without a judgement (few: a node read on the loop, a reload)."""
        judge_items(self.screen.store, items, self.period())

    def period_changed(self, _period_id: str | None = None) -> None:
        """The lines of the metrics shown (the nodes opened so far), for the new period."""
        self.screen.outline.changed()  # a node being read in a worker is read again
        tree = self.screen.tree
        nodes = [node for node in tree.index.nodes() if isinstance(node.data, MetricItem)]
        judge_items(self.screen.store, (node.data for node in nodes), self.period())
        for node in nodes:
            tree.refresh_item(node)

    def judged(self, item: MetricItem) -> tuple[str, MetricLine] | None:
        """The metric judged for the current period, for the detail pane (None: no period)."""
        period = self.period()
        if period is None:
            return None
        line = self.screen.store.metric_line_at(
            item.goal_number, item.initiative_id, item.position, period
        )
        return None if line is None else (period.name, line)

    def go_to(self, ident: str) -> None:
        """Put the cursor on the metric `ident` (the completeness view's Enter)."""
        screen = self.screen
        place = screen.store.metric_place(ident)
        if place is None:
            return
        goal, initiative, position = place
        records = screen.store.metrics(goal, initiative)
        if position < len(records):
            screen.jump_to(MetricItem(records[position], goal, initiative, position))

    def enter(self) -> None:
        """Open the outcome dialog for the metric under the cursor."""
        from vpl_tui.screens.dialogs.outcome_dialog import OutcomeDialog

        screen, s = self.screen, self.screen.strings
        item = screen.cursor_item()
        period = self.period()
        found = self.judged(item) if isinstance(item, MetricItem) else None
        if period is None or found is None:
            screen.app.notify(s("app.outcome.not_a_metric"), severity="warning", markup=False)
            return
        info = found[1].metric
        current = screen.store.outcome(info.id, (period.id, None, "T"))
        version = 0 if current is None else current.version

        def chosen(result: tuple[str, str] | None) -> None:
            if result is not None:
                self.save(info.id, period, result[0], result[1], version)

        dialog = OutcomeDialog(
            s, f"{info.id} {info.name}", period.name, info.unit, current.value if current else ""
        )
        screen.app.push_screen(dialog, chosen)

    def save(self, metric: str, period: Period, value: str, comment: str, version: int) -> None:
        """Record the outcome in a worker thread; say how it went when it is done."""
        screen = self.screen
        path = screen.store.path

        def write() -> None:
            from vpl_tui.db.store import Store
            from vpl_tui.errors import VplError

            try:
                with Store.open(path) as own:
                    record = own.record_outcome(
                        metric, value, period=period.id, comment=comment, expected_version=version
                    )
            except VplError as error:
                screen.app.call_from_thread(self._failed, error)
                return
            screen.app.call_from_thread(self._saved, record)

        screen.run_worker(write, thread=True, group="outcome", exit_on_error=False)

    def _saved(self, record: Outcome) -> None:
        screen = self.screen
        s = screen.strings
        said = s(
            "app.outcome.saved",
            metric=clean(record.metric),
            period=clean(record.point),
            value=clean(record.value),
        )
        screen.app.notify(said, markup=False)
        tree = screen.tree
        for node in tree.index.nodes():  # its line in the tree shows the new outcome
            item = node.data
            if isinstance(item, MetricItem) and item.line and item.line.metric.id == record.metric:
                judge_items(screen.store, [item], self.period())
                tree.refresh_item(node)
        if isinstance(screen.cursor_item(), MetricItem):
            screen.plan_detail.show()

    def _failed(self, error: Exception) -> None:
        from vpl_tui.errors import VplError
        from vpl_tui.screens.followup_io import refusal  # marked ready: reopened in the view

        message = refusal(error, self.screen.strings) if isinstance(error, VplError) else str(error)
        self.screen.app.notify(message, severity="error", markup=False)
