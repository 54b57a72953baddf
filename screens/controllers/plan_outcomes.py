"""A metric's outcome in the app: shown in the detail pane, entered with key `o`.

The period is the app's current one (`App.period_id` when the app has one, else the
period whose end comes next after the app's today, `rules.periods.current_period`). The
outcome is written in a worker thread on its own connection, with the version the dialog
was opened on: a change made meanwhile by someone else is refused with what it is now.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vpl_tui.rules.outcomes import MetricLine, Outcome
from vpl_tui.rules.periods import Period, current_period
from vpl_tui.safetext import clean
from vpl_tui.views.plan_items import MetricItem

if TYPE_CHECKING:
    from vpl_tui.screens.plan import PlanScreen


class PlanOutcomes:
    """The plan screen's metric outcomes: the pane's facts and the `o` dialog."""

    def __init__(self, screen: PlanScreen) -> None:
        self.screen = screen

    def period(self) -> Period | None:
        """The app's current period."""
        periods = self.screen.store.periods()
        wanted = getattr(self.screen.app, "period_id", None)
        for period in periods:
            if period.id == wanted:
                return period
        return current_period(periods, self.screen.today)

    def judged(self, item: MetricItem) -> tuple[str, MetricLine] | None:
        """The metric judged for the current period, for the detail pane (None: no period)."""
        period = self.period()
        if period is None:
            return None
        line = self.screen.store.metric_line_at(
            item.goal_number, item.initiative_id, item.position, period
        )
        return None if line is None else (period.name, line)

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
        if isinstance(screen.cursor_item(), MetricItem):
            screen.plan_detail.show()

    def _failed(self, error: Exception) -> None:
        from vpl_tui.errors import VplError

        message = error.render(self.screen.strings) if isinstance(error, VplError) else str(error)
        self.screen.app.notify(message, severity="error", markup=False)
