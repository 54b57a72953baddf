"""The follow-up view (key `a`): one goal's or initiative's assessment for the current period.

The level is one key each (digits 1..n of the scale, when the focus is not in a text); the
analysis and the actions are multi-line editors; Ctrl+R marks the follow-up ready
(read-only from then) or reopens it; Ctrl+G accepts the suggested level. There is no save
step: what is typed is saved half a second after the last keystroke, when the focus
leaves an editor, at once for a level, and before the view closes, each save a new history
row made in a worker on its own connection (`Store.open` in the thread), one at a time,
each on the version the one before left: a change someone else saved meanwhile is refused
(`StaleAssessment`), and what they saved is shown. What is on the screen and what to save
next is `vpl_tui.views.followup.FollowupForm`; `widgets.followup_parts` draws its parts.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Static, TextArea

from vpl_tui.catalog.app_followup import MAX_LEVEL_KEYS
from vpl_tui.db.followup import StaleAssessment
from vpl_tui.db.followup_ready import FollowupReadOnly
from vpl_tui.db.store import Store
from vpl_tui.errors import VplError
from vpl_tui.rules.assessments import Assessment
from vpl_tui.rules.periods import Period
from vpl_tui.screens.followup_io import marked_by, read_suggestion, refusal, write_followup
from vpl_tui.screens.keys import localise_bindings
from vpl_tui.screens.safe import plain
from vpl_tui.screens.widgets.followup_parts import LevelPicker, history_text, suggestion_text
from vpl_tui.strings import Strings
from vpl_tui.views.followup import FollowupForm, Save, period_header

SAVE_AFTER = 0.5
"""Seconds after the last keystroke that what was typed is saved."""


def _level_bindings() -> list[BindingType]:
    return [
        Binding(
            str(n),
            f"level({n})",
            f"Level {n}",
            show=False,
            tooltip=f"The scale's level {n}",
            id=f"level-{n}",
        )
        for n in range(1, MAX_LEVEL_KEYS + 1)
    ]


class FollowupScreen(Screen[None]):
    """Assess one goal or initiative for one period: level, analysis, actions, ready."""

    CSS_PATH = "followup.tcss"
    AUTO_FOCUS = "#fu-levels"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "Back", tooltip="Back to the plan", id="followup-close"),
        Binding(
            "ctrl+r",
            "ready",
            "Ready/reopen",
            tooltip="Mark ready, or reopen",
            id="followup-ready",
            priority=True,  # from the editors too
        ),
        Binding(
            "ctrl+g",
            "accept",
            "Accept suggestion",
            tooltip="Set the suggested level",
            id="followup-accept",
            priority=True,
        ),
        *_level_bindings(),
    ]

    class Written(Message):
        """A worker's write is done: `save` saved at `version`, or the ready mark set."""

        def __init__(
            self,
            save: Save | None,
            version: int,
            history: list[dict[str, object]],
            ready: tuple[bool, str, str] | None = None,
        ) -> None:
            super().__init__()
            self.save, self.version, self.history, self.ready = save, version, history, ready

    class Refused(Message):
        """A worker's write was refused: `stale` (someone else saved first) or `error`."""

        def __init__(self, error: VplError) -> None:
            super().__init__()
            self.error = error

    class Suggested(Message):
        def __init__(self, suggestion: object) -> None:
            super().__init__()
            self.suggestion = suggestion

    def __init__(
        self,
        path: Path,
        strings: Strings,
        form: FollowupForm,
        history: list[dict[str, object]],
        today: date,
    ) -> None:
        super().__init__()
        self.path, self.strings, self.form, self.today = path, strings, form, today
        self.history = history
        self.on_saved: Callable[[str, Assessment], object] | None = None
        """Called with each assessment saved (the plan screen's badge)."""
        self._timer: Timer | None = None
        self._want_ready = False
        self._leaving = False
        self._warned_leaving = False
        localise_bindings(self, strings)

    @classmethod
    def for_target(
        cls,
        store: Store,
        strings: Strings,
        period: Period,
        target: str,
        kind: str,
        title: str,
        today: date,
    ) -> FollowupScreen:
        """The view of `target` as it stands (a few indexed reads, on the caller's store)."""
        record = store.assessment(target, period.id)
        ready, marked = marked_by(store, target, period.id)
        judgements = store.judgements_of(target, period.id)
        form = FollowupForm(
            store.scale(),
            period,
            target,
            kind,
            title,
            None if record is None else record.assessment,
            0 if record is None else record.version,
            ready=ready,
            marked=marked,
            judgements=judgements,
            lang=strings.lang,
        )
        return cls(store.path, strings, form, store.assessment_history(target, period.id), today)

    # -- the parts --------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        s, form = self.strings, self.form
        self.title = s("app.followup.title", period=period_header(form.period, s))
        kind = s(f"app.followup.kind.{form.kind}", target=form.target)
        yield Header()
        # Outside the scrolled body: which goal this is stays in view as the body scrolls.
        yield Static(Text.assemble((kind, "bold"), "  ", plain(form.title)), id="fu-heading")
        yield Static(id="fu-readonly")
        with VerticalScroll(id="fu-body"):
            yield LevelPicker(form, s, id="fu-levels")
            yield Static(Text(s("app.followup.suggestion_reading")), id="fu-suggestion")
            yield Static(id="fu-required")
            yield Static(Text(s("app.followup.analysis"), style="bold"), classes="fu-label")
            yield TextArea(form.analysis, id="fu-analysis", soft_wrap=True)
            yield Static(Text(s("app.followup.actions"), style="bold"), classes="fu-label")
            yield TextArea(form.actions, id="fu-actions", soft_wrap=True)
            yield Static(id="fu-status")
            yield Static(Text(s("app.followup.history"), style="bold"), classes="fu-label")
            yield Static(id="fu-history")
        yield Footer()

    def on_mount(self) -> None:
        self._show()
        self._read_suggestion()

    def on_unmount(self) -> None:
        """Going away another way than Esc (the app quits): what is typed is saved first."""
        save = self.form.next_save()
        if save is not None:
            with contextlib.suppress(VplError):  # refused: nothing can be shown any more
                write_followup(self.path, self.form, save, None)

    @property
    def analysis_area(self) -> TextArea:
        return self.query_one("#fu-analysis", TextArea)

    @property
    def actions_area(self) -> TextArea:
        return self.query_one("#fu-actions", TextArea)

    def _show(self) -> None:
        """Show the form as it is now: level, notices, read-only, status, history."""
        s, form = self.strings, self.form
        self.query_one(LevelPicker).refresh()
        readonly = self.query_one("#fu-readonly", Static)
        readonly.display = not form.editable
        if not form.editable:
            readonly.update(Text(form.read_only_notice(s)))
        for area in (self.analysis_area, self.actions_area):
            area.read_only = not form.editable
        required = self.query_one("#fu-required", Static)
        chosen = form.chosen
        needed = form.actions_needed() and not form.actions.strip() and chosen is not None
        required.display = needed
        if needed and chosen is not None:
            required.update(plain(s("app.followup.actions_required", label=form.word(chosen))))
        self.query_one("#fu-status", Static).update(plain(form.status(s)))
        self.query_one("#fu-history", Static).update(history_text(self.history, form, s))

    def _load_texts(self) -> None:
        """Put the form's texts into the editors (after someone else's change was taken).

        The editors' `Changed` that follows finds their texts the form's: nothing to save.
        """
        self.analysis_area.load_text(self.form.analysis)
        self.actions_area.load_text(self.form.actions)

    # -- typing and keys --------------------------------------------------------------------

    @on(TextArea.Changed)
    def _typed(self) -> None:
        self.form.typed(self.analysis_area.text, self.actions_area.text)
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(SAVE_AFTER, self._timer_fired)
        self._show()

    def _timer_fired(self) -> None:
        self._timer = None
        self.flush()

    def on_descendant_blur(self, event: object) -> None:
        """Leaving an editor saves what it holds."""
        self.flush()

    def action_level(self, digit: int) -> None:
        """A digit: the scale's level of that number, saved at once."""
        if self.form.choose(digit):
            self.flush()

    def action_accept(self) -> None:
        """Ctrl+G: the suggested level (never set without this key)."""
        if self.form.accept_suggestion():
            self.flush()

    def action_ready(self) -> None:
        """Ctrl+R: mark the follow-up ready (what is typed saved first), or reopen it."""
        form = self.form
        if form.saving:
            self._want_ready = True
            return
        if form.ready:
            self._mark(reopen=True)
            return
        if form.dirty:
            problem = form.problem_text(self.strings)
            if problem:
                self.notify(problem, severity="warning", markup=False)
                return
            self._want_ready = True
            self.flush()
            return
        self._mark(reopen=False)

    def action_leave(self) -> None:
        """Esc: back to the plan once what is typed is saved (Esc twice: leave it unsaved)."""
        form = self.form
        self._leaving = True
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        problem = form.problem_text(self.strings) if form.dirty and form.editable else ""
        if problem and not self._warned_leaving:
            self._warned_leaving = True
            message = self.strings("app.followup.leave_unsaved", reason=problem)
            self.notify(message, severity="warning", markup=False)
            return
        if not self.flush() and not form.saving:
            self.dismiss(None)

    # -- saving -----------------------------------------------------------------------------

    def flush(self) -> bool:
        """Save what is on the screen now, if anything can be; True if a save started."""
        save = self.form.next_save()
        if save is None:
            self._show()
            return False
        self.form.saving = True
        self._show()
        self._write(save, None)
        return True

    def _mark(self, *, reopen: bool) -> None:
        self.form.saving = True
        self._show()
        self._write(None, reopen)

    @work(thread=True, group="followup-write")
    def _write(self, save: Save | None, reopen: bool | None) -> None:
        """In a worker, on its own connection: one save, or one ready mark."""
        try:
            version, ready, history = write_followup(self.path, self.form, save, reopen)
        except VplError as error:
            self.post_message(self.Refused(error))
            return
        self.post_message(self.Written(save, version, history, ready))

    @on(Written)
    def _written(self, message: Written) -> None:
        form, s = self.form, self.strings
        self.history = message.history
        form.saving = False
        if message.save is not None:
            form.saved_as(message.save, message.version)
            if self.on_saved is not None:
                self.on_saved(form.target, message.save.assessment)
        if message.ready is not None:
            form.ready, form.marked = message.ready[0], message.ready[1:]
            key = "app.followup.ready_done" if form.ready else "app.followup.reopened"
            self.notify(s(key, target=form.target), markup=False, timeout=3)
        self._after_write()

    @on(Refused)
    def _refused(self, message: Refused) -> None:
        form, s, error = self.form, self.strings, message.error
        form.saving = False
        if isinstance(error, StaleAssessment):
            current = error.current
            form.refused_as_stale(current.assessment, current.version)
            self._load_texts()
            level = form.chosen
            text = s(
                "app.followup.stale",
                target=form.target,
                user=current.user,
                label=form.word(level) if level is not None else "-",
            )
            self.notify(text, severity="warning", markup=False, timeout=8)
            self._want_ready = self._leaving = False
            if self.on_saved is not None:
                self.on_saved(form.target, current.assessment)
        else:
            self._want_ready = self._leaving = False
            if isinstance(error, FollowupReadOnly):  # marked ready elsewhere meanwhile
                form.ready, form.marked = True, (error.mark.user, error.mark.day)
            self.notify(refusal(error, s), severity="error", markup=False, timeout=8)
        self._show()

    def _after_write(self) -> None:
        """What waited for the write: more typed meanwhile, the ready mark, leaving."""
        form = self.form
        if form.dirty and self._timer is None and self.flush():
            return
        if self._want_ready and not form.dirty:
            self._want_ready = False
            if form.ready:
                self._mark(reopen=True)
            else:
                self._mark(reopen=False)
            return
        self._show()
        if self._leaving and not form.dirty and not form.saving:
            self.dismiss(None)

    # -- the suggestion ---------------------------------------------------------------------

    @work(thread=True, group="followup-suggest")
    def _read_suggestion(self) -> None:
        """In a worker: the suggestion from the target's activities at the period's end."""
        try:
            found = read_suggestion(self.path, self.form, self.today)
        except VplError:
            return
        self.post_message(self.Suggested(found))

    @on(Suggested)
    def _suggested(self, message: Suggested) -> None:
        self.form.suggestion = message.suggestion  # type: ignore[assignment]
        self.form.suggestion_read = True
        shown = suggestion_text(self.form, self.strings)
        self.query_one("#fu-suggestion", Static).update(shown)
