"""The board report of the current period, previewed and saved from the app (key `p`).

`p` builds the report in a worker, as `vpl report` builds it (`gather_report`, then
`build_report`), on a connection of its own, and then shows it as plain text in a
read-only TextArea, which parses no markup (`views/report_text.py`): the same sections
as every format. (Shown once built, as the summary is: a `q` typed meanwhile still quits.) `m`, `h`, `w` and `d` save it as Markdown, HTML, Word (DOCX) or PDF into the
report folder the screen shows (`vpl_tui.settings`), each as a new file
(`files.save_new`): an earlier file of the same name is never replaced, and the notice
says so when the new one got a number. `P` opens the quick status summary instead.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Footer, Static, TextArea
from textual.worker import get_current_worker

from vpl_tui.db.store import Store
from vpl_tui.errors import VplError
from vpl_tui.report import SUFFIXES, Document
from vpl_tui.rules.periods import Period, current_period
from vpl_tui.safetext import clean
from vpl_tui.screens.keys import localise_bindings
from vpl_tui.screens.safe import plain
from vpl_tui.strings import Strings
from vpl_tui.views.report_text import default_name, report_text

SUMMARY = "summary"
"""What the preview is dismissed with when `P` asks for the status summary instead."""
if TYPE_CHECKING:
    from vpl_tui.screens.plan import PlanScreen

FORMAT_NAMES = {"markdown": "Markdown", "html": "HTML", "docx": "Word (DOCX)", "pdf": "PDF"}


def report_period(store: Store, today: date, period_id: str | None) -> Period | None:
    """The period the app reports on: the one the header shows (`VplApp.period_id`), or
    the plan's current one when the app has none chosen."""
    periods = list(store.periods())
    chosen = next((p for p in periods if p.id == period_id), None)
    return chosen if chosen is not None else current_period(periods, today)


@dataclass(frozen=True)
class BuiltReport:
    """A report built for the preview: its document and the name its files get."""

    document: Document
    period: Period
    stem_title: str


def build_preview(
    path: Path, today: date, strings: Strings, period_id: str | None = None
) -> BuiltReport:
    """In a worker: the period's report (see `report_period`), as `vpl report` makes it."""
    from vpl_tui.db.changes import current_user
    from vpl_tui.report import report_of

    with Store.open(path) as store:
        period = report_period(store, today, period_id)
        if period is None:
            raise VplError("report_app.no_period")
        document = report_of(store, period, made_on=today, made_by=current_user(), strings=strings)
        title = store.plan_record().title
    return BuiltReport(document, period, title)


def save_report(built: BuiltReport, fmt: str, folder: Path) -> tuple[Path, str]:
    """In a worker: the report rendered in `fmt`, saved as a new file in `folder`.

    Returns where, and the name it would have had (another name: that one was taken).
    """
    from vpl_tui.files import save_new
    from vpl_tui.report import render

    name = default_name(built.stem_title, built.period.id, SUFFIXES[fmt])
    return save_new(folder, name, render(built.document, fmt)), name


class ReportPreview(ModalScreen[str | None]):
    """The board report of the current period, scrollable, and saved in a chosen format."""

    CSS_PATH = "report_preview.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Close", tooltip="Back to the plan", id="close"),
        Binding("m", "save('markdown')", "Markdown", tooltip="Save as Markdown", id="save-md"),
        Binding("h", "save('html')", "HTML", tooltip="Save as HTML", id="save-html"),
        Binding("w", "save('docx')", "Word", tooltip="Save as Word (DOCX)", id="save-docx"),
        Binding("d", "save('pdf')", "PDF", tooltip="Save as PDF", id="save-pdf"),
        Binding("P", "summary", "Status", tooltip="The quick status summary", id="status"),
    ]

    class Saved(Message):
        def __init__(self, fmt: str, path: Path | None, name: str, error: str | None) -> None:
            super().__init__()
            self.fmt, self.path, self.name, self.error = fmt, path, name, error

    def __init__(self, built: BuiltReport, strings: Strings, folder: Path) -> None:
        super().__init__()
        self.built = built
        self.strings = strings
        self.folder = folder
        self._width = 0
        localise_bindings(self, strings)

    def compose(self) -> ComposeResult:
        s = self.strings
        heading = s("report_app.heading_period", period=self.built.period.name)
        yield Static(plain(heading), id="report-heading")
        where = s("report_app.folder", folder=clean(str(self.folder)))
        yield Static(plain(where), id="report-folder")
        yield TextArea(
            "", read_only=True, soft_wrap=False, show_line_numbers=False, id="report-text"
        )
        yield Footer()

    @property
    def area(self) -> TextArea:
        return self.query_one("#report-text", TextArea)

    @property
    def text(self) -> str:
        """The report as shown."""
        return self.area.text

    def on_resize(self) -> None:
        width = max(self.size.width - 6, 40)  # the border, padding and scrollbar
        if width != self._width:
            self._width = width
            self.area.load_text(report_text(self.built.document, width))

    def action_save(self, fmt: str) -> None:
        """Save the report as `fmt` in the report folder, as a new file."""
        self._save(self.built, fmt, self.folder)

    @work(thread=True, group="report-save")
    def _save(self, built: BuiltReport, fmt: str, folder: Path) -> None:
        name = default_name(built.stem_title, built.period.id, SUFFIXES[fmt])
        try:
            path, name = save_report(built, fmt, folder)
        except VplError as error:
            reason = clean(str(error.values.get("reason") or error.render(self.strings)))
            self.post_message(self.Saved(fmt, None, name, reason))
            return
        self.post_message(self.Saved(fmt, path, name, None))

    @on(Saved)
    def _saved(self, message: Saved) -> None:
        s = self.strings
        shown = FORMAT_NAMES[message.fmt]
        if message.path is None:
            text = s("report_app.not_saved", format=shown, reason=message.error or "")
            self.app.notify(text, severity="error", markup=False)
            return
        path = clean(str(message.path))
        if message.path.name != message.name:  # an earlier file has that name: kept
            text = s("report_app.saved_beside", format=shown, path=path, taken=message.name)
        else:
            text = s("report_app.saved", format=shown, path=path)
        self.app.notify(text, markup=False)

    def action_summary(self) -> None:
        """The quick status summary instead (`vpl summary`), as `P` opens it on the plan."""
        self.dismiss(SUMMARY)

    def action_close(self) -> None:
        """Back to the plan."""
        self.dismiss(None)


def open_report(screen: PlanScreen, folder: Path) -> None:
    """Key `p` on the plan: build the current period's report in a worker, then show it.

    `P` in the preview (dismissed with `SUMMARY`) opens the status summary instead.
    """
    app, strings = screen.app, screen.strings
    path, today = screen.store.path, screen.today
    period_id = getattr(app, "period_id", None)  # the header's period (screens/app.py)
    app.notify(strings("report_app.building"), markup=False, timeout=2)

    def closed(result: str | None) -> None:
        if result == SUMMARY:
            screen.action_summary()

    def show(built: BuiltReport) -> None:
        app.push_screen(ReportPreview(built, strings, folder), closed)

    def build() -> None:
        try:
            built = build_preview(path, today, strings, period_id)
        except VplError as error:
            said = clean(strings("report_app.not_built", reason=error.render(strings)))
            outcome = partial(app.notify, said, severity="error", markup=False)
        else:
            outcome = partial(show, built)
        if get_current_worker().is_cancelled or not app.is_running:
            return  # the app quit, or the screen went, while the report was made
        with suppress(RuntimeError):  # the app ended between the check and the call
            app.call_from_thread(outcome)

    screen.run_worker(build, thread=True, exclusive=True, group="report", exit_on_error=False)
