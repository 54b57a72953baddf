"""The main screen: the plan as a tree, the selected item in full, and every status change.

The tree is filled lazily. At start only the top level (mandate, focus lists, goals) is
read, in a thread on its own connection that the app starts as it is created; the
screen waits for it, briefly and without holding up the event loop, so that its first
paint shows the plan. A goal's or initiative's children are read when it is first
opened: at once when they are few, in a worker when there may be thousands. What the
tree shows is worked out by `vpl_tui.views.plan_tree.PlanView`; the screen keeps the
keys, the workers and the widgets, and its parts are in `controllers`: the detail
pane, status changes, search, and changes made by other processes.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import ClassVar, Generic, TypeVar

from textual import on, work
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Header, Input, Tree

from vpl_tui.db.changes import current_user
from vpl_tui.db.store import Store
from vpl_tui.errors import VplError
from vpl_tui.records import InitiativeRecord
from vpl_tui.rules.progress import FILTER_CYCLE
from vpl_tui.screens.controllers.plan_changes import StatusChanges
from vpl_tui.screens.controllers.plan_detail import PlanDetail
from vpl_tui.screens.controllers.plan_edit_keys import PlanEditActions
from vpl_tui.screens.controllers.plan_edits import PlanEdits
from vpl_tui.screens.controllers.plan_followup import PlanFollowup
from vpl_tui.screens.controllers.plan_keys import PLAN_BINDINGS
from vpl_tui.screens.controllers.plan_outcomes import PlanOutcomes
from vpl_tui.screens.controllers.plan_outline import NodeRead, PlanOutline
from vpl_tui.screens.controllers.plan_reload import OutsideChanges, Reload
from vpl_tui.screens.controllers.plan_round_keys import PlanRoundActions
from vpl_tui.screens.controllers.plan_search import PlanSearch, search_plan
from vpl_tui.screens.controllers.plan_settings import ThemeSetting
from vpl_tui.screens.controllers.plan_summary import PlanSummaryActions, ShownSummary
from vpl_tui.screens.controllers.reads import (
    OneAtATime,
    read_children,
    read_top_level,
    result_within,
)
from vpl_tui.screens.guard import KeepsRunning
from vpl_tui.screens.keys import localise_bindings
from vpl_tui.screens.widgets.detail import DetailPane
from vpl_tui.screens.widgets.footer import KeyFooter
from vpl_tui.screens.widgets.plan_tree import PlanTree
from vpl_tui.strings import Strings
from vpl_tui.views.plan_items import Item, SearchResult, TopLevel
from vpl_tui.views.plan_tree import PlanView

SEARCH_LIMIT = 200
"""At most this many matches are shown in the narrowed tree (the count says when more)."""
FIRST_READ_WAIT = 1.0
"""Seconds the screen waits, before its first paint, for the top level the app is reading."""
PLAN_CSS = Path(__file__).with_name("plan.tcss")
"""The screen's layout; the app reads it as it starts (see `VplApp.CSS_PATH`)."""
NARROW_BELOW = 72
"""The tree (at least 40 columns) and the detail pane (30) side by side need this many."""
T = TypeVar("T")


class WorkerRead(Message, Generic[T]):
    """A worker has read something for the plan screen: `result`."""

    def __init__(self, result: T) -> None:
        super().__init__()
        self.result = result


class PlanScreen(PlanEditActions, PlanRoundActions, PlanSummaryActions, KeepsRunning, Screen[None]):
    """Navigate the plan by keyboard and change activity statuses inline."""

    CSS_PATH = PLAN_CSS
    AUTO_FOCUS = "#tree"
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [
        (0, "-narrow"),
        (NARROW_BELOW, "-wide"),
    ]
    """Below `NARROW_BELOW` columns the detail pane goes under the tree (plan.tcss): side by
    side, it was pushed off the screen, and `tab` moved the focus into a pane not shown."""

    BINDINGS: ClassVar[list[BindingType]] = PLAN_BINDINGS

    filter: reactive[str] = reactive("all", init=False)
    """Which activities the tree shows (`vpl_tui.rules.progress.Filter`; key `f`)."""

    class Loaded(Message):
        """The first complete screen is up: the top level of the plan is shown."""

    class TopLevelRead(WorkerRead[TopLevel]):
        """The top level of the plan, for the first screen."""

    class ChildrenRead(WorkerRead[NodeRead]):
        """The children of one node (see `PlanOutline.fill`)."""

    class ReloadRead(WorkerRead[Reload]):
        """What is shown, read again after another process wrote."""

    class SearchDone(WorkerRead[SearchResult]):
        """The activities matching a search."""

    class SummaryDone(WorkerRead[ShownSummary]):
        """The status summary, built and its file saved."""

    class ReadFailed(Message):
        """A worker could not read the database (the error says why, in the catalog)."""

        def __init__(self, error: VplError) -> None:
            super().__init__()
            self.error = error

    def __init__(
        self,
        store: Store,
        strings: Strings,
        *,
        today: Callable[[], date],
        summary_dir: Callable[[], Path],
        poll_interval: float = 1.5,
        first_read: Future[TopLevel] | None = None,
    ) -> None:
        """
        Args:
            store: The plan database (this screen's connection; workers open their own).
            strings: The interface language.
            today: The day that decides what is overdue.
            summary_dir: Where key `p` saves the summary.
            poll_interval: Seconds between checks for changes made by other processes.
            first_read: The top level, already being read (see `start_reading_top_level`).
        """
        super().__init__()
        self._first_read = first_read
        self.store = store
        self.strings = strings
        self._today = today
        self._summary_dir = summary_dir
        self._poll_interval = poll_interval
        self.view = PlanView(
            today, current_user(), lambda: store.mine_counts(current_user(), today())
        )
        self.plan_detail = PlanDetail(self)
        self.changes = StatusChanges(self)
        self.outcomes = PlanOutcomes(self)  # screens/controllers/plan_outcomes.py
        self.plan_edits = PlanEdits(self)
        self.search = PlanSearch(self)
        self.outside = OutsideChanges(self)
        self.outline = PlanOutline(self)
        self.theme_setting = ThemeSetting(self)
        self.followup = PlanFollowup(self)
        self.searcher = OneAtATime()
        localise_bindings(self, strings)

    @property
    def today(self) -> date:
        return self._today()

    @property
    def tree(self) -> PlanTree:
        return self.query_one("#tree", PlanTree)

    @property
    def detail(self) -> DetailPane:
        return self.query_one("#detail", DetailPane)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            with Vertical(id="tree-column"):
                yield Input(placeholder=self.strings("app.search.placeholder"), id="search")
                yield PlanTree(self.strings, self.today, load_children=self.outline.fill, id="tree")
            yield DetailPane(self.strings, id="detail")
        yield KeyFooter(compact=True)

    # -- the first screen ------------------------------------------------------------------

    async def on_mount(self) -> None:
        self.theme_setting.start()
        self.outside.seen_version = self.store.data_version()  # no file read: see `check`
        # Waiting here, before the first paint, means the screen is laid out and painted
        # once, with the plan, rather than once loading and again when the plan comes:
        # the second layout and paint of every widget cost more than the wait. It awaits
        # the reading thread: the event loop goes on meanwhile.
        top = await result_within(self._first_read, FIRST_READ_WAIT)
        if top is not None:
            self.outline.show_first(top)
        else:
            self.tree.loading = True
            self.detail.show_nothing(self.strings("app.loading"))
            self._read_top_level()
        self.followup.start()
        self.outcomes.start()
        self.set_interval(self._poll_interval, self.check_for_changes)

    @work(thread=True, exclusive=True, group="top-level")
    def _read_top_level(self) -> None:
        first = self._first_read
        if first is not None:
            self._post(first.result, self.TopLevelRead)
        else:
            self._post(lambda: read_top_level(self.store.path, self.today), self.TopLevelRead)

    def _post(self, read: Callable[[], T], done: Callable[[T], Message]) -> None:
        """In a worker thread: post `done(read())`, or `ReadFailed` if the database refuses."""
        try:
            result = read()
        except VplError as error:
            self.post_message(self.ReadFailed(error))
            return
        self.post_message(done(result))

    @on(TopLevelRead)
    def _top_level_read(self, message: TopLevelRead) -> None:
        self.outline.show_first(message.result)
        if self.focused is not self.tree:
            self.tree.focus()

    @on(ReadFailed)
    def _read_failed(self, message: ReadFailed) -> None:
        self.tree.loading = False
        self.detail.show_nothing()  # not "reading" any more: the notice says why
        self.app.notify(message.error.render(self.strings), severity="error", markup=False)

    def set_top(self, top: TopLevel) -> None:
        self.view.set_top(top)
        self.title = self.view.title
        self.show_sub_title()

    def show_sub_title(self) -> None:
        parts = (self.view.sub_title(self.strings, self.search.result), self.followup.header())
        self.sub_title = "  ·  ".join(part for part in parts if part)

    # -- the tree ---------------------------------------------------------------------------

    @work(thread=True, group="children")
    def read_children(self, item: Item, asked: NodeRead) -> None:
        """Read the children of `item` (a node of thousands, see `PlanOutline.fill`)."""
        self._post(
            lambda: replace(
                asked, children=read_children(self.store.path, self.view, item, asked.period)
            ),
            self.ChildrenRead,
        )

    @on(ChildrenRead)
    def _children_read(self, message: ChildrenRead) -> None:
        self.outline.children_read(message.result)

    @on(Tree.NodeExpanded, "#tree")
    def _expanded(self, event: Tree.NodeExpanded[Item]) -> None:
        self.outline.fill(event.node)

    def jump_to(self, item: Item) -> None:
        """Go to `item` from anywhere: leave the search, and the filter if it hides the item."""
        self.outline.jump_to(item)

    def cursor_item(self) -> Item | None:
        node = self.tree.cursor_node
        return node.data if node is not None else None

    @on(Tree.NodeHighlighted, "#tree")
    def _highlighted(self) -> None:
        self.plan_detail.cursor_moved()

    # -- status changes ---------------------------------------------------------------------

    def action_toggle_done(self) -> None:
        """Mark the activity done, or back to its status before done (on a goal: open/close)."""
        self.changes.toggle_at_cursor()

    def action_set_status(self) -> None:
        """Choose a status from a small list."""
        self.changes.choose_status()

    def action_note(self) -> None:
        """Change the status with a note, in a dialog."""
        self.changes.choose_with_note()

    def action_undo(self) -> None:
        """Undo your last status change, with a new history row."""
        self.changes.undo()

    # -- changes made by others -------------------------------------------------------------

    def check_for_changes(self) -> None:
        """Re-read what is shown if another process has committed since the last look."""
        self.outside.check()
        self.followup.check()

    @work(thread=True, exclusive=True, group="reload")
    def read_again(self, generation: int, opened: list[Item]) -> None:
        """Read the top level and the children of `opened` again (see `OutsideChanges`)."""
        self._post(lambda: self.outside.read(generation, opened), self.ReloadRead)

    @on(ReloadRead)
    def _reloaded(self, message: ReloadRead) -> None:
        self.outside.reloaded(message.result)

    # -- filter and search ------------------------------------------------------------------

    def action_cycle_filter(self) -> None:
        """Show all → open → in progress → delayed → past end date → done → mine → all."""
        at = FILTER_CYCLE.index(self.filter) if self.filter in FILTER_CYCLE else -1
        self.filter = FILTER_CYCLE[(at + 1) % len(FILTER_CYCLE)]

    def set_filter(self, name: str) -> None:
        self.filter = name

    def set_initiative(self, initiative: InitiativeRecord | None) -> None:
        """Narrow the tree to one initiative (from the palette), or show them all again."""
        self.view.initiative = initiative
        self.outline.filter_changed(self.filter)

    def watch_filter(self) -> None:
        self.outline.filter_changed(self.filter)

    def action_search(self) -> None:
        """Open the search field."""
        self.search.open()

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.search.changed(event.value.strip())

    def action_search_go(self) -> None:
        """Enter in the search field: to the first match. Elsewhere Enter is the tree's."""
        if not self.search.active or self.focused is not self.search.field:
            raise SkipAction()
        self.search.submitted()

    @work(exclusive=True, group="search")
    async def search_for(self, text: str) -> None:
        """Find what matches `text`, in a thread (one search at a time)."""
        result = await self.searcher.run(
            search_plan, self.store.path, text, SEARCH_LIMIT, self.today, self.strings
        )
        self.post_message(self.SearchDone(result))

    @on(SearchDone)
    def _search_done(self, message: SearchDone) -> None:
        self.search.found(message.result)

    def action_clear(self) -> None:
        """Clear the search; with no search, the filter; then the initiative narrowed to."""
        if self.search.active:
            self.search.end(cursor=self.cursor_item())
        elif self.filter != "all":
            self.filter = "all"
        elif self.view.initiative is not None:
            self.set_initiative(None)

    # -- the summary's result (its key and the budget's: `PlanSummaryActions`) -------------------

    @on(SummaryDone)
    def _summary_done(self, message: SummaryDone) -> None:
        from vpl_tui.screens.summary_view import SummaryView  # TextArea: only when needed

        result = message.result
        severity = "information" if result.error is None else "error"
        self.app.notify(result.notice(self.strings), severity=severity, markup=False)
        self.app.push_screen(SummaryView(self.strings, result.summary, result.path, result.error))
