"""The terminal app: `vpl` without a command opens it on the plan database.

The app itself is small: it holds the store and the strings, pushes the plan screen and
answers the keys that work everywhere (help, quit). Everything a controller does with
the plan is handled by `vpl_tui.screens.plan.PlanScreen`, which owns those keys.
The app's keys are in the user's language as every other key (`keys.localise_bindings`),
the command palette's too: it is one of the app's own bindings, so Textual adds none.
"""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import Future
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from vpl_tui.db.store import Store
from vpl_tui.errors import VplError
from vpl_tui.screens.controllers.plan_keys import key_help
from vpl_tui.screens.controllers.reads import start_reading_top_level
from vpl_tui.screens.help import HelpScreen
from vpl_tui.screens.keys import localise_bindings
from vpl_tui.screens.plan import PLAN_CSS, PlanScreen
from vpl_tui.strings import Strings
from vpl_tui.views.plan_items import TopLevel

if TYPE_CHECKING:
    from textual.command import Provider

WRITE_WAIT = 1.0
"""Seconds a change made in the app waits for another process's write lock."""


def _plan_commands() -> type[Provider]:
    # Imported when the palette first opens: textual.command is not needed to start.
    from vpl_tui.screens.dialogs.palette import PlanCommands

    return PlanCommands


class VplApp(App[None]):
    """Follow up an operational plan from the keyboard."""

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

    def on_mount(self) -> None:
        self.plan_screen = PlanScreen(
            self.store,
            self.strings,
            today=lambda: self.today,
            summary_dir=self.summary_dir,
            poll_interval=self._poll_interval,
            first_read=self._first_read,
        )
        self.push_screen(self.plan_screen)

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
    """
    try:
        VplApp(store, strings, first_read=first_read).run()
    finally:
        store.close()
