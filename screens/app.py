"""The terminal app: `vpl` without a command opens it on the plan database.

The app itself is small: it holds the store and the strings, pushes the plan screen and
answers the keys that work everywhere (help, quit). Everything a controller does with
the plan is handled by `vpl_tui.screens.plan.PlanScreen`, which owns those keys.
The app's keys are in the user's language as every other key (`keys.localise_bindings`),
the command palette's too: it is one of the app's own bindings, so Textual adds none.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from concurrent.futures import Future
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.console import RenderableType
from textual import events
from textual.actions import ActionParseResult
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.reactive import reactive
from textual.screen import Screen
from textual.worker import WorkerFailed

from vpl_tui.db.store import Store
from vpl_tui.errors import VplError
from vpl_tui.rules.periods import Period, current_period
from vpl_tui.screens.controllers.plan_keys import key_help
from vpl_tui.screens.controllers.reads import start_reading_top_level
from vpl_tui.screens.guard import FailureReporter, KeepsRunning, one_line
from vpl_tui.screens.help import HelpScreen
from vpl_tui.screens.keys import localise_bindings
from vpl_tui.screens.plan import PLAN_CSS, PlanScreen
from vpl_tui.strings import Strings
from vpl_tui.views.plan_items import TopLevel

if TYPE_CHECKING:
    from textual.command import Provider

MAX_FAILURES = 20
"""Errors within FAILURE_WINDOW seconds that end the app: something fails in a loop."""
FAILURE_WINDOW = 10.0
WRITE_WAIT = 1.0
"""Seconds a change made in the app waits for another process's write lock."""


def _plan_commands() -> type[Provider]:
    # Imported when the palette first opens: textual.command is not needed to start.
    from vpl_tui.screens.dialogs.palette import PlanCommands

    return PlanCommands


class VplApp(KeepsRunning, FailureReporter, App[None]):
    """Follow up an operational plan from the keyboard.

    An error inside it is one notice and it carries on (`vpl_tui.screens.guard`); what it
    cannot recover from ends it with status 1 and one line, `failure`.
    """

    TITLE = "vpl"

    # The first screen's CSS is read with the app's own: a screen's CSS_PATH read when
    # the screen is pushed makes Textual parse all the CSS read until then once more
    # (~40 ms of the start). Reading it here, pushing the screen finds it already read.
    CSS_PATH = [PLAN_CSS]

    COMMANDS = App.COMMANDS | {_plan_commands}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", tooltip="Show every key", id="help"),
        Binding("q", "quit", "Quit", tooltip="Quit; everything is already saved", id="quit"),
        Binding(
            App.COMMAND_PALETTE_BINDING,
            "command_palette",
            "Commands",
            show=False,
            key_display=App.COMMAND_PALETTE_DISPLAY,
            priority=True,
            tooltip="Every command, and going to a goal or an activity by name",
            id="palette",
        ),
    ]

    period_id: reactive[str | None] = reactive(None, init=False)
    """The follow-up period the app shows (a `Period.id` of the plan), or None before the
    first screen is up or for a plan without periods. The header shows it, the tree's badges
    are its assessments, keys `[` and `]` switch it. At start: the period whose end comes
    next, else the last (`rules.periods.current_period` with the app's `today`). Screens that
    follow it watch it (`self.watch(self.app, "period_id", ...)`) and read it through
    `current_period()`."""

    def __init__(
        self,
        store: Store,
        strings: Strings,
        today: date | None = None,
        *,
        summary_dir: Path | None = None,
        poll_interval: float = 1.5,
        first_read: Future[TopLevel] | None = None,
    ) -> None:
        """
        Args:
            store: The plan database; the app uses it on the thread that runs the app.
            strings: The interface language.
            today: The day that decides what is overdue and dates the summary; by default
                the real date, read each time it is needed (tests and snapshots fix it).
            summary_dir: Where key `p` saves the status summary; by default the user's
                report folder (`vpl_tui.settings.report_folder`).
            poll_interval: Seconds between checks for changes made by other processes.
            first_read: The first screen's read of the plan, if the caller has started it
                already (`vpl` does, before it imports Textual); otherwise it starts now.
        """
        super().__init__()
        # A write that meets another process's lock gives up within a second and says so
        # in a notice (the key can be pressed again): the writes run on the event loop,
        # and 30 s of waiting would freeze every key, `q` too.
        store.write_wait = WRITE_WAIT
        self.store = store
        self.strings = strings
        self._today = today
        self._summary_dir = summary_dir
        self._poll_interval = poll_interval
        self.plan_screen: PlanScreen | None = None
        self.leaving = False
        """The user has quit: keys typed after `q` are dropped, errors on the way out too."""
        self.failure: str | None = None
        """Why the app ended on an error (one line), or None."""
        self._failures: list[float] = []
        # The first screen's query runs in parallel with Textual's own start.
        self._first_read = first_read or start_reading_top_level(store.path, self.today)
        localise_bindings(self, strings)

    @property
    def today(self) -> date:
        return self._today or date.today()

    def summary_dir(self) -> Path:
        """Where key `p` saves the summary: the user's report folder, never the current one.

        The current folder may have been removed since the app started, and is not a
        place a controller looks for reports. Settings that cannot be read are one notice,
        and the summary goes to the default folder.
        """
        if self._summary_dir is not None:
            return self._summary_dir
        from vpl_tui.settings import default_report_folder, load_settings, report_folder

        try:
            return report_folder(load_settings())
        except VplError as error:
            folder = default_report_folder()
            message = self.strings(
                "app.settings_unread", reason=error.render(self.strings), folder=str(folder)
            )
            self.notify(message, severity="warning", markup=False)
            return folder

    def current_period(self) -> Period | None:
        """The period `period_id` names, as the plan defines it (None if there is none)."""
        if self.period_id is None:
            return None
        return next((p for p in self._periods() if p.id == self.period_id), None)

    def _periods(self) -> tuple[Period, ...]:
        try:
            return self.store.periods()
        except VplError:  # a database without a plan: no periods to show
            return ()

    def on_mount(self) -> None:
        first = current_period(self._periods(), self.today)
        self.period_id = first.id if first is not None else None
        self.plan_screen = PlanScreen(
            self.store,
            self.strings,
            today=lambda: self.today,
            summary_dir=self.summary_dir,
            poll_interval=self._poll_interval,
            first_read=self._first_read,
        )
        self.push_screen(self.plan_screen)

    # -- never dies on data: one notice, or one line and status 1 ---------------------------

    def exit(
        self, result: None = None, return_code: int = 0, message: RenderableType | None = None
    ) -> None:
        self.leaving = True
        super().exit(result, return_code, message)

    async def on_event(self, event: events.Event) -> None:
        if self.leaving and isinstance(event, events.InputEvent):
            return  # typed after `q`: the screens they were meant for are going away
        await super().on_event(event)

    async def run_action(
        self,
        action: str | ActionParseResult,
        default_namespace: DOMNode | None = None,
        namespaces: Mapping[str, DOMNode] | None = None,
    ) -> bool:
        """Run an action (every key and palette command comes here); an error is a notice."""
        if self.leaving:
            return True
        try:
            return await super().run_action(action, default_namespace, namespaces)
        except Exception as error:
            self.report_failure(error)
            return True

    def report_failure(self, error: BaseException) -> None:
        """Show `error` as one notice; a burst of them ends the app (status 1, one line)."""
        if self.leaving:
            return
        now = time.monotonic()
        self._failures = [at for at in self._failures if now - at < FAILURE_WINDOW] + [now]
        if len(self._failures) > MAX_FAILURES:
            self.fail(error)
            return
        self.notify(one_line(error, self.strings), severity="error", markup=False, timeout=10)

    def fail(self, error: BaseException) -> None:
        """End the app on `error`: status 1, and `failure` says why in one line."""
        if self.failure is None:
            self.failure = one_line(error, self.strings, "app.failed_exit")
        self.exit(return_code=1)

    def _handle_exception(self, error: Exception) -> None:
        # Private: Textual calls it with every exception nothing else caught, and then ends
        # the app with a traceback (status 1 kept only in `return_code`). Here an error of
        # a worker, a timer or a widget is one notice and the app goes on (`q` still
        # quits); before the first screen is up, or in a burst, the app ends with one
        # line. tests/test_app_reliability.py checks both.
        if self.leaving:
            return
        cause = error.error if isinstance(error, WorkerFailed) else error
        if self.plan_screen is None or not self.plan_screen.is_mounted:
            self.fail(cause)  # before the first screen is up there is nothing to go on with
            return
        self.report_failure(cause)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's own palette commands that matter here, in the user's language."""
        s = self.strings
        yield SystemCommand(s("app.key.help"), s("app.tip.help"), self.action_help)
        yield SystemCommand(
            s("app.palette.theme"), s("app.palette.theme_help"), self.action_change_theme
        )
        yield SystemCommand(s("app.key.quit"), s("app.tip.quit"), self.action_quit)

    def action_command_palette(self) -> None:
        """Show the command palette, with its prompt in the user's language."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            placeholder = self.strings("app.palette.placeholder")
            self.push_screen(CommandPalette(placeholder=placeholder, id="--command-palette"))

    def action_help(self) -> None:
        """Show the help, or close it when it is showing."""
        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)
            return
        if self.plan_screen is not None:
            self.push_screen(HelpScreen(self.strings, key_help(self.plan_screen)))


def run_app(store: Store, strings: Strings, first_read: Future[TopLevel] | None = None) -> None:
    """Run the app on `store` until the user quits; the store is closed afterwards.

    Args:
        store: The plan database.
        strings: The interface language.
        first_read: The top level, already being read (see `start_reading_top_level`).

    Raises:
        SystemExit: the app ended on an error: status 1, and one line on stderr.
    """
    app = VplApp(store, strings, first_read=first_read)
    try:
        app.run()
    except Exception as error:  # Textual itself failed (the terminal, say): one line
        raise SystemExit(one_line(error, strings, "app.failed_exit")) from None
    finally:
        store.close()
    finish(app)


def finish(app: VplApp) -> None:
    """After the app has ended: nothing if the user quit, else status 1 and one line.

    Raises:
        SystemExit: the app ended on an error (`VplApp.failure` is the line).
    """
    if app.return_code:
        raise SystemExit(app.failure or app.strings("app.failed_exit", reason=app.return_code))
