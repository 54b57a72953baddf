"""Key `p`: the status summary built in a worker, saved as Markdown, shown at the pane's width;
and key `b`, the budget (`PlanSummaryActions`, a base of `PlanScreen`).

The summary itself (`vpl_tui.summary.Summary`) goes to the screen, not only its text: the
view renders it at the width it has (`render_text(width=...)`), again when the terminal is
resized, so titles use the room there is and no line wraps.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from textual import work

from vpl_tui.db.store import Store
from vpl_tui.errors import VplError
from vpl_tui.safetext import clean
from vpl_tui.strings import Strings
from vpl_tui.summary import Summary


@dataclass(frozen=True)
class ShownSummary:
    """The summary to show, and where its Markdown was written."""

    summary: Summary
    path: Path
    error: str | None
    """Why the file could not be written, or None."""

    def notice(self, strings: Strings) -> str:
        """One line that says where the file went, or why it is not there."""
        if self.error is None:
            return strings("app.summary.saved_to", path=clean(str(self.path)))
        return strings("app.summary.not_saved", path=clean(str(self.path)), reason=self.error)


def prepare_summary(path: Path, today: date, strings: Strings, folder: Path) -> ShownSummary:
    """In a worker: build the summary and save it as a new Markdown file in `folder`.

    The file never replaces one already there (the day's second summary is `-2`), and a
    link at its name is not followed (`save_new`); a file that cannot be written is
    reported in the result, and the summary is shown all the same.
    """
    from vpl_tui.files import save_new
    from vpl_tui.summary import build_summary, render

    with Store.open(path) as store:
        summary = build_summary(store, today)
    name = strings("app.summary.file", date=today.isoformat())
    target = folder / name
    error = None
    try:
        target = save_new(folder, name, render(summary, "markdown", strings))
    except VplError as problem:
        error = clean(str(problem.values.get("reason") or problem.render(strings)))
    return ShownSummary(summary, target, error)


class PlanSummaryActions:
    """The plan screen's keys for the summary and the budget (the screen has what they use)."""

    store: Store
    strings: Strings
    app: Any
    _summary_dir: Callable[[], Path]
    SummaryDone: Any
    """The screen's message for a built summary (handled by `PlanScreen._summary_done`)."""

    @property
    def today(self) -> date:
        raise NotImplementedError

    def _post(self, read: Callable[[], Any], done: Callable[[Any], Any]) -> None:
        raise NotImplementedError

    def action_summary(self) -> None:
        """Build the status summary, save it as Markdown and show it."""
        self.app.notify(self.strings("app.summary.working"), markup=False, timeout=2)
        self._summary_worker(self.today, self._summary_dir())

    @work(thread=True, exclusive=True, group="summary")
    def _summary_worker(self, today: date, folder: Path) -> None:
        self._post(
            lambda: prepare_summary(self.store.path, today, self.strings, folder),
            self.SummaryDone,
        )

    def action_budget(self) -> None:
        """Open the budget reconciliation."""
        try:
            from vpl_tui.screens.budget import BudgetScreen
        except ImportError:
            self.app.notify(self.strings("app.budget.missing"), severity="warning", markup=False)
            return
        self.app.push_screen(BudgetScreen(store=self.store, strings=self.strings))
