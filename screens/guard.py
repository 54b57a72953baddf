"""Whatever still goes wrong inside the app is one line, never a traceback.

Textual stops the whole app at the first exception a handler, an action or a worker
raises, and prints a traceback. Here an error in an action (every key and palette
command goes through `App.run_action`), in a message handler of the app or one of its
screens (`KeepsRunning`), or in a worker is shown as a one-line notice, and the app
carries on: the screen still answers every key, and what was saved stays saved.
What the app cannot recover from (a widget whose message loop Textual has ended, a
burst of errors) ends the app with status 1 and one line (`VplApp.failure`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

from vpl_tui.errors import VplError
from vpl_tui.safetext import clean
from vpl_tui.strings import Strings

if TYPE_CHECKING:
    from textual.app import App

MAX_REASON = 160
"""Characters of an error's own text shown in the notice (the line stays one line)."""


def one_line(error: BaseException, strings: Strings, key: str = "app.failed") -> str:
    """The error as one line in the user's language: a VplError as it is, others named."""
    if isinstance(error, VplError):
        return error.render(strings)
    text = str(error).strip().splitlines()
    reason = f"{type(error).__name__}: {text[0]}" if text else type(error).__name__
    if len(reason) > MAX_REASON:
        reason = reason[: MAX_REASON - 1] + "…"
    return strings(key, reason=clean(reason))


class KeepsRunning:
    """A mixin for the app and its screens: an error in a handler is a notice.

    Textual ends a node's message loop at the first exception its handler raises (and
    with it the app): here the error goes to the app's `report_failure` instead.
    """

    app: App[None]

    async def _on_message(self, message: Message) -> None:
        # Private: `MessagePump._on_message` is where every event and message of a node
        # is handed to its handlers; Textual has no public hook around it.
        # tests/test_app_reliability.py fails if Textual stops calling it.
        try:
            await super()._on_message(message)  # type: ignore[misc]
        except Exception as error:
            reporter: object = self.app
            if isinstance(reporter, FailureReporter):
                reporter.report_failure(error)
            else:  # not the vpl app (a widget tested alone): Textual's own way
                raise


class FailureReporter:
    """The base of an app that shows failures as notices (`VplApp`); see `KeepsRunning`."""

    def report_failure(self, error: BaseException) -> None:
        raise NotImplementedError
