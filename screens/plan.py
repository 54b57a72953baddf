"""The main screen: the plan as a tree, the selected item in full, and every status change.

The tree is filled lazily: at start only the top level (mandate, focus lists, goals) is
read, in a thread on its own connection that the app starts as it is created (the
screen waits for it, briefly, so that its first paint shows the plan), and a goal's or
initiative's children are read when it is first expanded. A status change writes one
transaction through the store and then repaints only the lines it affects (the
activity, its initiative, its goal and focus list), with counts adjusted from the change
itself instead of counted again. Changes written by another process are noticed through `Store.data_version()`
and re-read, in a worker, for the nodes that have been opened; the cursor stays put.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import Future
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Header, Input, Tree
from textual.widgets.tree import TreeNode
from textual.worker import WorkerState

from vpl_tui.db.store import StaleChange, Store
from vpl_tui.errors import VplError
from vpl_tui.progress import FILTERS, Progress, activity_shown, progress_shown
from vpl_tui.records import ActivityRecord, GoalRecord, HistoryRecord
from vpl_tui.safetext import clean, normalise
from vpl_tui.screens._background import (
    OneAtATime,
    SearchResult,
    SummaryResult,
    TopLevel,
    prepare_summary,
    read_top_level,
    search_activities,
)
from vpl_tui.screens._detail import DetailPane
from vpl_tui.screens._footer import KeyFooter
from vpl_tui.screens._keys import localise_bindings
from vpl_tui.screens._tree import (
    ActivityItem,
    FocusItem,
    GoalItem,
    InitiativeItem,
    Item,
    Key,
    MandateItem,
    MetricItem,
    PlanTree,
)
from vpl_tui.screens.help import KeyHelp
from vpl_tui.strings import Strings

SEARCH_LIMIT = 200
"""At most this many matches are shown in the narrowed tree (the count says when more)."""
FIRST_READ_WAIT = 1.0
"""Seconds the screen waits, before its first paint, for the top level the app is reading."""
PLAN_CSS = Path(__file__).with_name("plan.tcss")
"""The screen's layout; the app reads it as it starts (see `VplApp.CSS_PATH`)."""


@dataclass(frozen=True)
class Command:
    """An entry of the command palette."""

    title: str
    help: str
    run: Callable[[], object]


@dataclass(frozen=True)
class Reload:
    """What a background re-read found: the top level and the children of opened nodes."""

    generation: int
    top: TopLevel
    children: dict[Key, list[Item]]


class PlanScreen(Screen[None]):
    """Navigate the plan by keyboard and change activity statuses inline."""

    CSS_PATH = PLAN_CSS
    AUTO_FOCUS = "#tree"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "space",
            "toggle_done",
            "Done/undo",
            tooltip="Mark the activity done, or back to its status before done",
            id="toggle-done",
        ),
        Binding("s", "set_status", "Status", tooltip="Choose a new status", id="set-status"),
        Binding("n", "note", "Note", tooltip="Change the status with a note", id="note"),
        Binding("u", "undo", "Undo", tooltip="Undo your last status change", id="undo"),
        Binding("slash", "search", "Search", tooltip="Find by part of a title", id="search"),
        Binding("f", "cycle_filter", "Filter", tooltip="all → open → overdue → done", id="filter"),
        Binding(
            "p", "summary", "Summary", tooltip="Show and save the status summary", id="summary"
        ),
        Binding("b", "budget", "Budget", tooltip="The budget reconciliation", id="budget"),
        Binding(
            "escape", "clear", "Clear", show=False, tooltip="Clear search or filter", id="clear"
        ),
        Binding(
            "tab",
            "app.focus_next",
            "Switch pane",
            show=False,
            tooltip="Between the tree and the detail pane, whose text the arrow keys scroll",
            id="switch-pane",
        ),
    ]

    filter: reactive[str] = reactive("all", init=False)
    """Which activities the tree shows: all, open, overdue or done (key `f`)."""

    class Loaded(Message):
        """The first complete screen is up: the top level of the plan is shown."""

    class TopLevelRead(Message):
        """A worker has read the top level of the plan, for the first screen."""

        def __init__(self, top: TopLevel) -> None:
            super().__init__()
            self.top = top

    class ReloadRead(Message):
        """A worker has read again what is shown, after another process wrote."""

        def __init__(self, reload: Reload) -> None:
            super().__init__()
            self.reload = reload

    class SearchDone(Message):
        """A worker has found the activities matching a search."""

        def __init__(self, result: SearchResult) -> None:
            super().__init__()
            self.result = result

    class SummaryDone(Message):
        """A worker has built the status summary and saved its file."""

        def __init__(self, result: SummaryResult) -> None:
            super().__init__()
            self.result = result

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
        self.top: TopLevel | None = None
        self.goals: dict[str, GoalRecord] = {}
        """The goals as last read, adjusted in place by this screen's own changes."""
        self._by_key: dict[Key, TreeNode[Item]] = {}
        self._focus_of: dict[str, int] = {}
        self._search: SearchResult | None = None
        self._searching = False
        self._jump_when_found = False
        self._expanded_before_search: set[Key] = set()
        self._expanded: set[Key] = set()
        self._history: tuple[str, list[HistoryRecord]] | None = None
        self._shown_item: Item | None = None
        """The item the detail pane shows."""
        self._folded_goals: list[tuple[str, str]] | None = None
        """Goal labels folded for search, made on first use after each read of the plan."""
        self._seen_version = 0
        self._generation = 0
        """Bumped by every change this screen makes, so a re-read started before it is dropped."""
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

    # -- start ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            with Vertical(id="tree-column"):
                yield Input(placeholder=self.strings("app.search.placeholder"), id="search")
                yield PlanTree(self.strings, self.today, load_children=self._fill, id="tree")
            yield DetailPane(self.strings, id="detail")
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        self._seen_version = self.store.data_version()
        top = self._top_level_if_ready()
        if top is not None:
            self._show_top_level(top)
        else:
            self.tree.loading = True
            self.detail.show_nothing(self.strings("app.loading"))
            self._read_top_level()
        self.set_interval(self._poll_interval, self.check_for_changes)

    def _top_level_if_ready(self) -> TopLevel | None:
        """The top level the app started reading, if it comes within `FIRST_READ_WAIT`.

        Waiting here, before the first paint, means the screen is laid out and painted
        once, with the plan, rather than once loading and again when the plan comes:
        the second layout and paint of every widget cost more than the wait. A slower
        read (or none started) shows the loading indicator until a worker has it.
        """
        if self._first_read is None:
            return None
        try:
            return self._first_read.result(timeout=FIRST_READ_WAIT)
        except Exception:  # too slow, or failed: the worker waits or reports it, as usual
            return None

    @work(thread=True, exclusive=True, group="top-level")
    def _read_top_level(self) -> None:
        try:
            if self._first_read is not None:
                top = self._first_read.result()
            else:
                top = read_top_level(self.store.path, self.today)
        except VplError as error:
            self.post_message(self.ReadFailed(error))
            return
        self.post_message(self.TopLevelRead(top))

    @on(TopLevelRead)
    def _top_level_read(self, message: TopLevelRead) -> None:
        self._show_top_level(message.top)
        if self.focused is not self.tree:
            self.tree.focus()

    def _show_top_level(self, top: TopLevel) -> None:
        """Show the plan's top level for the first time, and say that the screen is up.

        The tree has the focus from the start (`AUTO_FOCUS`): each change of focus
        restyles the screen and rebuilds the footer's keys.
        """
        self._set_top(top)
        self._build()
        tree = self.tree
        tree.loading = False
        if tree.root.children:
            tree.move_cursor_to(tree.root.children[0])
        self._show_detail()
        self.post_message(self.Loaded())

    @on(ReadFailed)
    def _read_failed(self, message: ReadFailed) -> None:
        self.tree.loading = False
        self.detail.show_nothing()  # not "reading" any more: the notice says why
        self.app.notify(message.error.render(self.strings), severity="error", markup=False)

    def _set_top(self, top: TopLevel) -> None:
        self.top = top
        info = top.info
        self.title = clean(f"{info.organisation} · {info.title} ({info.period})")
        # In place: focus list items hold this very dict, to sum their goals' counts.
        self.goals.clear()
        self.goals.update((goal.number, goal) for goal in top.goals)
        self._folded_goals = None
        self._focus_of = {}
        for index, focus in enumerate(top.focus):
            for number in focus.goals:
                self._focus_of.setdefault(number, index)
        self._update_sub_title()

    # -- what the tree shows ------------------------------------------------------------------

    def _shows_activity(self, activity: ActivityRecord) -> bool:
        return activity_shown(self.filter, activity, self.today)

    def _shows_progress(self, progress: Progress) -> bool:
        """Whether a goal or initiative can hold anything the filter shows."""
        return progress_shown(self.filter, progress)

    def _top_items(self) -> list[Item]:
        assert self.top is not None
        wanted = self.filter  # read once: a plan may have thousands of goals
        items: list[Item] = [MandateItem()]
        placed: set[int] = set()
        for read in self.top.goals:
            goal = self.goals[read.number]  # with this screen's own changes counted
            index = self._focus_of.get(goal.number)
            if index is None:
                if progress_shown(wanted, goal.progress):
                    items.append(GoalItem(goal))
            elif index not in placed:
                placed.add(index)
                focus = FocusItem(index, self.top.focus[index], self.goals)
                numbers = focus.goal_numbers
                if any(progress_shown(wanted, self.goals[n].progress) for n in numbers):
                    items.append(focus)
        return items

    def children_of(self, store: Store, item: Item) -> list[Item]:
        """The children of `item` as the filter shows them, read from `store`.

        Takes the store as an argument so that a worker thread can call it on its own.
        """
        today = self.today
        children: list[Item] = []
        if isinstance(item, FocusItem):
            for number in item.goal_numbers:
                goal = self.goals[number]
                if self._shows_progress(goal.progress):
                    children.append(GoalItem(goal))
        elif isinstance(item, GoalItem):
            goal = item.record
            if self.filter == "all" and goal.metric_count:
                children += [
                    MetricItem(metric, goal.number, None, position)
                    for position, metric in enumerate(store.metrics(goal.number))
                ]
            children += [
                ActivityItem(activity)
                for activity in store.activities(goal_number=goal.number)
                if self._shows_activity(activity)
            ]
            if goal.initiative_count:
                children += [
                    InitiativeItem(initiative)
                    for initiative in store.initiatives(goal.number, today)
                    if self._shows_progress(initiative.progress)
                ]
        elif isinstance(item, InitiativeItem):
            initiative = item.record
            if self.filter == "all" and initiative.metric_count:
                children += [
                    MetricItem(metric, initiative.goal_number, initiative.id, position)
                    for position, metric in enumerate(
                        store.metrics(initiative.goal_number, initiative.id)
                    )
                ]
            children += [
                ActivityItem(activity)
                for activity in store.activities(initiative_id=initiative.id)
                if self._shows_activity(activity)
            ]
        return children

    def _add(self, parent: TreeNode[Item], items: Iterable[Item]) -> list[TreeNode[Item]]:
        nodes = self.tree.add_items(parent, items)
        for node in nodes:
            if node.data is not None:
                self._by_key[node.data.key] = node
        return nodes

    def _fill(self, node: TreeNode[Item], children: list[Item] | None = None) -> None:
        """Add the children of `node` (read now unless given), once."""
        item = node.data
        if item is None or item.loaded:
            return
        self._add(node, children if children is not None else self.children_of(self.store, item))
        item.loaded = True

    def _forget(self, node: TreeNode[Item]) -> None:
        for child in node.children:
            self._forget(child)
            if child.data is not None and self._by_key.get(child.data.key) is child:
                del self._by_key[child.data.key]

    def _build(self, expanded: set[Key] | None = None, cursor: Item | None = None) -> None:
        """(Re)build the whole tree, opening `expanded` again and keeping the cursor."""
        tree = self.tree
        tree.today = self.today
        tree.clear()
        self._by_key.clear()
        self._generation += 1
        self._add(tree.root, self._top_items())
        if expanded is None:  # the first screen: open the focus lists
            expanded = {key for key in self._by_key if key[0] == "focus"}
        self._open(tree.root, expanded)
        if (cursor is None or not self.reveal(cursor)) and tree.root.children:
            tree.move_cursor_to(tree.root.children[0])

    def _open(self, node: TreeNode[Item], expanded: set[Key]) -> None:
        for child in node.children:
            if child.data is not None and child.data.key in expanded:
                self._fill(child)
                child.expand()
                self._open(child, expanded)

    def _expanded_keys(self) -> set[Key]:
        """What is open now, and what was open but is hidden by the filter for the moment."""
        present = {key: node.is_expanded for key, node in self._by_key.items()}
        self._expanded = {key for key in self._expanded if key not in present} | {
            key for key, is_open in present.items() if is_open
        }
        return set(self._expanded)

    @on(Tree.NodeExpanded, "#tree")
    def _expanded(self, event: Tree.NodeExpanded[Item]) -> None:
        self._fill(event.node)

    # -- going to an item -----------------------------------------------------------------------

    def _ancestors(self, item: Item) -> list[Key]:
        """The keys of the nodes above `item`, top down."""
        if isinstance(item, ActivityItem | MetricItem):
            if isinstance(item, ActivityItem):
                goal, initiative = item.record.goal_number, item.record.initiative_id
            else:
                goal, initiative = item.goal_number, item.initiative_id
            above = self._ancestors(GoalItem(self.goals[goal])) if goal in self.goals else []
            above.append(("goal", goal))
            if initiative is not None:
                above.append(("initiative", initiative))
            return above
        if isinstance(item, InitiativeItem):
            goal = item.record.goal_number
            above = self._ancestors(GoalItem(self.goals[goal])) if goal in self.goals else []
            return [*above, ("goal", goal)]
        if isinstance(item, GoalItem) and item.record.number in self._focus_of:
            return [("focus", str(self._focus_of[item.record.number]))]
        return []

    def reveal(self, item: Item) -> bool:
        """Open the nodes above `item` and put the cursor on it; False if it is not shown."""
        for key in self._ancestors(item):
            node = self._by_key.get(key)
            if node is None:
                return False
            self._fill(node)
            node.expand()
        node = self._by_key.get(item.key)
        if node is None:
            return False
        self.tree.move_cursor_to(node)
        return True

    def jump_to(self, item: Item) -> None:
        """Go to `item` from anywhere: leave the search, and the filter if it hides the item."""
        if self._searching:
            self._end_search(cursor=None)
        if not self.reveal(item) and self.filter != "all":
            self.filter = "all"  # rebuilds the tree
            self.reveal(item)
        self.tree.focus()
        self._show_detail()

    # -- the detail pane --------------------------------------------------------------------------

    @on(Tree.NodeHighlighted, "#tree")
    def _highlighted(self) -> None:
        if self.top is None:
            return  # still reading the plan: the pane says so until it is read
        node = self.tree.cursor_node
        if node is not None and node.data is not None and node.data is self._shown_item:
            return  # shown already: the cursor was put back where it was (a rebuild, the start)
        self._show_detail()

    def _show_detail(self) -> None:
        node = self.tree.cursor_node
        item = node.data if node is not None else None
        self._shown_item = item
        detail = self.detail
        store = self.store
        if isinstance(item, ActivityItem):
            record = item.record
            detail.show_activity(record, self._owner(node), self._history_of(record), self.today)
        elif isinstance(item, GoalItem):
            goal = item.record
            detail.show_goal(goal, store.metrics(goal.number) if goal.metric_count else [])
        elif isinstance(item, InitiativeItem):
            initiative = item.record
            goal = self.goals.get(initiative.goal_number)
            metrics = (
                store.metrics(initiative.goal_number, initiative.id)
                if initiative.metric_count
                else []
            )
            detail.show_initiative(initiative, goal.title if goal else "", metrics)
        elif isinstance(item, MetricItem):
            detail.show_metric(item.metric, self._owner(node))
        elif isinstance(item, FocusItem):
            detail.show_focus(item.focus, item.progress)
        elif isinstance(item, MandateItem) and self.top is not None:
            detail.show_mandate(self.top.mandate, self.top.info)
        else:
            detail.show_nothing()

    def _history_of(self, activity: ActivityRecord) -> list[HistoryRecord]:
        """The status history of the activity shown, read once and kept while it is shown."""
        if self._history is None or self._history[0] != activity.ref:
            self._history = (activity.ref, self.store.history(activity.ref))
        return self._history[1]

    def _owner(self, node: TreeNode[Item] | None) -> str:
        parent = node.parent.data if node is not None and node.parent is not None else None
        if isinstance(parent, GoalItem):
            return f"{parent.record.number} {parent.record.title}"
        if isinstance(parent, InitiativeItem):
            return parent.record.title
        return ""

    def _cursor_item(self) -> Item | None:
        node = self.tree.cursor_node
        return node.data if node is not None else None

    def _cursor_activity(self) -> ActivityRecord | None:
        item = self._cursor_item()
        if isinstance(item, ActivityItem):
            return item.record
        self.app.notify(self.strings("app.select_activity"), severity="warning", markup=False)
        return None

    # -- status changes -------------------------------------------------------------------------

    def action_toggle_done(self) -> None:
        """Mark the activity done, or back to its status before done (on a goal: open/close)."""
        item = self._cursor_item()
        node = self.tree.cursor_node
        if node is not None and not isinstance(item, ActivityItem) and node.allow_expand:
            self.tree.toggle_item(node)
            return
        activity = self._cursor_activity()
        if activity is None:
            return
        self._change(
            activity,
            lambda: self.store.toggle_done(activity.ref, expected_version=activity.version),
        )

    def action_set_status(self) -> None:
        """Choose a status from a small list."""
        activity = self._cursor_activity()
        if activity is None:
            return

        def chosen(status: str | None) -> None:
            if status is not None:
                self._set_status(activity, status, "")

        from vpl_tui.screens.status_dialog import StatusDialog

        self.app.push_screen(StatusDialog(self.strings, activity), chosen)

    def action_note(self) -> None:
        """Change the status with a note, in a dialog."""
        activity = self._cursor_activity()
        if activity is None:
            return

        def chosen(result: tuple[str, str] | None) -> None:
            if result is not None:
                self._set_status(activity, *result)

        from vpl_tui.screens.note_dialog import NoteDialog

        self.app.push_screen(NoteDialog(self.strings, activity), chosen)

    def _set_status(self, activity: ActivityRecord, status: str, note: str) -> None:
        changed = self._change(
            activity,
            lambda: self.store.set_status(
                activity.ref, status, note=note, expected_version=activity.version
            ),
        )
        if changed is False:
            label = self.strings.status(status)
            message = self.strings("app.unchanged", ref=clean(activity.ref), label=label)
            self.app.notify(message, markup=False)

    def _change(
        self, activity: ActivityRecord, write: Callable[[], HistoryRecord | None]
    ) -> bool | None:
        """Run one write for `activity`; True if it changed, False if not, None on a conflict."""
        try:
            change = write()
        except StaleChange as stale:
            self._stale(activity, stale.current)
            return None
        except VplError as error:
            self.app.notify(error.render(self.strings), severity="error", markup=False)
            return None
        if change is None:
            return False
        after = replace(activity, status=change.to_status, version=activity.version + 1)
        self._account(activity, after, change)
        return True

    def action_undo(self) -> None:
        """Undo your last status change, with a new history row."""
        try:
            change = self.store.undo()
        except VplError as error:
            self.app.notify(error.render(self.strings), severity="warning", markup=False)
            return
        now = self.store.activity(change.ref)
        before = replace(now, status=change.from_status, version=now.version - 1)
        self._account(before, now, change)
        s = self.strings
        message = s(
            "cli.undone",
            ref=clean(change.ref),
            from_label=s.status(change.from_status),
            to_label=s.status(change.to_status),
        )
        self.app.notify(message, markup=False)
        item = self._cursor_item()
        if not (isinstance(item, ActivityItem) and item.record.ref == now.ref):
            self.reveal(ActivityItem(now))
            self._show_detail()

    def _stale(self, seen: ActivityRecord, current: ActivityRecord) -> None:
        s = self.strings
        message = s("app.stale", ref=clean(seen.ref), label=s.status(current.status))
        self.app.notify(message, severity="warning", markup=False, timeout=8)
        self._history = None  # it has changed, so its history has too
        self._account(seen, current)
        self._reload()  # whatever else changed meanwhile shows up too

    def _account(
        self, before: ActivityRecord, after: ActivityRecord, change: HistoryRecord | None = None
    ) -> None:
        """Show one activity's change: its line, and the counts of its initiative and goal.

        The counts are adjusted from the change itself and the history row written is
        added to the one shown: nothing is read again, so marking an activity done costs
        the same on a plan of any size and for an activity with a long history.
        """
        self._generation += 1
        today = self.today

        def adjusted(progress: Progress) -> Progress:
            return progress.after_change(before, after, today)

        tree = self.tree
        node = self._by_key.get(("activity", after.ref))
        if node is not None and isinstance(node.data, ActivityItem):
            node.data.record = after
            tree.refresh_item(node)
        if after.initiative_id is not None:
            node = self._by_key.get(("initiative", after.initiative_id))
            if node is not None and isinstance(node.data, InitiativeItem):
                record = node.data.record
                node.data.record = replace(record, progress=adjusted(record.progress))
                tree.refresh_item(node)
        goal = self.goals.get(after.goal_number)
        if goal is not None:
            self._set_goal(replace(goal, progress=adjusted(goal.progress)))
        if self._history is not None and self._history[0] == after.ref:
            self._history = (after.ref, [*self._history[1], change]) if change else None
        item = self._cursor_item()
        if isinstance(item, ActivityItem) and item.record.ref == after.ref:
            self.detail.update_activity(after, self._history_of(after), today)
        elif isinstance(item, InitiativeItem | GoalItem | FocusItem):
            self._show_detail()

    def _set_goal(self, goal: GoalRecord) -> None:
        self.goals[goal.number] = goal
        node = self._by_key.get(("goal", goal.number))
        if node is not None and isinstance(node.data, GoalItem):
            node.data.record = goal
            self.tree.refresh_item(node)
        index = self._focus_of.get(goal.number)
        focus = self._by_key.get(("focus", str(index))) if index is not None else None
        if focus is not None:
            self.tree.refresh_item(focus)

    # -- changes made by others -----------------------------------------------------------------

    def check_for_changes(self) -> None:
        """Re-read what is shown if another process has committed since the last look."""
        version = self.store.data_version()
        if version != self._seen_version or self.tree.today != self.today:
            self._seen_version = version
            self.tree.today = self.today  # past midnight, more may be overdue
            self._reload()

    def _reload(self) -> None:
        if self.top is None:
            return
        if self._searching and self._search is not None:
            self._run_search(self._search.text)
        # Only what is open on screen is read again; what is closed is read when opened.
        opened = [
            node.data
            for node in self._by_key.values()
            if node.data is not None and node.data.loaded and node.is_expanded
        ]
        if self._searching:
            opened = []
        self._read_again(self._generation, opened)

    @work(thread=True, exclusive=True, group="reload")
    def _read_again(self, generation: int, opened: list[Item]) -> None:
        try:
            top = read_top_level(self.store.path, self.today)
            with Store.open(self.store.path) as store:
                children = {
                    item.key: self.children_of(store, item)
                    for item in opened
                    if not isinstance(item, FocusItem)  # a focus list's goals are in `top`
                }
        except VplError as error:
            self.post_message(self.ReadFailed(error))
            return
        self.post_message(self.ReloadRead(Reload(generation, top, children)))

    @on(ReloadRead)
    def _reloaded(self, message: ReloadRead) -> None:
        reload = message.reload
        if reload.generation != self._generation:
            self._reload()  # this screen changed something meanwhile: read once more
            return
        before = self.top
        top = reload.top
        cursor = self._cursor_item()
        self._history = None
        self._set_top(top)
        if not self._searching:
            for goal in top.goals:
                self._set_goal(goal)
            shown = [child.data.key for child in self.tree.root.children if child.data]
            same_shape = before is not None and [f.goals for f in top.focus] == [
                f.goals for f in before.focus
            ]
            if not same_shape or shown != [item.key for item in self._top_items()]:
                self._build(self._expanded_keys(), cursor)
            else:
                for key, children in reload.children.items():
                    node = self._by_key.get(key)
                    if node is not None:
                        self._replace_children(node, children)
                self._unload_closed(set(reload.children))
        self._show_detail()
        self.app.notify(self.strings("app.external"), markup=False, timeout=3)

    def _unload_closed(self, fresh: set[Key]) -> None:
        """Drop the children of closed nodes that were not read again: they are read on open."""
        for key, node in list(self._by_key.items()):
            item = node.data
            if (
                item is not None
                and item.loaded
                and key not in fresh
                and not node.is_expanded
                and not isinstance(item, FocusItem)
                and self._by_key.get(key) is node
            ):
                self._forget(node)
                node.remove_children()
                item.loaded = False

    def _replace_children(self, node: TreeNode[Item], children: list[Item]) -> None:
        """Update the children of an opened node in place, or rebuild them if they differ."""
        current = [child for child in node.children if child.data is not None]
        if [child.data.key for child in current if child.data] == [i.key for i in children]:
            for child, item in zip(current, children, strict=True):
                item.loaded = child.data.loaded if child.data else False
                child.data = item
                self.tree.refresh_item(child)
            return
        cursor = self._cursor_item()
        expanded = self._expanded_keys()
        self._forget(node)
        node.remove_children()
        if node.data is not None:
            node.data.loaded = False
        self._fill(node, children)
        self._open(node, expanded)
        if cursor is not None and cursor.key in self._by_key:
            self.tree.move_cursor_to(self._by_key[cursor.key])
        elif self.tree.cursor_node is None:
            self.tree.move_cursor_to(node)

    # -- filter -------------------------------------------------------------------------------------

    def action_cycle_filter(self) -> None:
        """Show all → open → overdue → done → all."""
        self.filter = FILTERS[(FILTERS.index(self.filter) + 1) % len(FILTERS)]

    def set_filter(self, name: str) -> None:
        self.filter = name

    def watch_filter(self) -> None:
        self._update_sub_title()
        if self.top is None:
            return
        if self._searching:
            if self._search is not None:
                self._show_search(self._search)
            return
        cursor = self._cursor_item()
        self._build(self._expanded_keys(), cursor)
        if self.tree.cursor_node is None and self.tree.root.children:
            self.tree.move_cursor_to(self.tree.root.children[0])
        self._show_detail()

    def _update_sub_title(self) -> None:
        s = self.strings
        parts = []
        if self.filter != "all":
            parts.append(s("app.filter.label", name=s(f"app.filter.{self.filter}")))
        if self._searching and self._search is not None:
            result = self._search
            key = "app.search.more" if result.limited else "app.search.label"
            parts.append(clean(s(key, text=result.text, count=len(result.activities))))
        self.sub_title = "  ·  ".join(parts)

    # -- search ----------------------------------------------------------------------------------

    def action_search(self) -> None:
        """Open the search field."""
        field = self.query_one("#search", Input)
        if not self._searching:
            self._expanded_before_search = self._expanded_keys()
            self._searching = True
        field.display = True
        field.focus()

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        text = event.value.strip()
        if text:
            self._run_search(text)
        elif self._search is not None:
            self._search = None
            self._build(self._expanded_before_search, self._cursor_item())
            self._update_sub_title()

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        if self.workers_busy("search"):
            self._jump_when_found = True
        else:
            self._jump_to_first_match()

    def workers_busy(self, group: str) -> bool:
        return any(
            worker.group == group and worker.state in (WorkerState.PENDING, WorkerState.RUNNING)
            for worker in self.workers
        )

    def _run_search(self, text: str) -> None:
        self.sub_title = clean(self.strings("app.search.busy", text=text))
        self._search_worker(text)

    @work(exclusive=True, group="search")
    async def _search_worker(self, text: str) -> None:
        result = await self.searcher.run(
            search_activities, self.store.path, text, SEARCH_LIMIT, self.today
        )
        self.post_message(self.SearchDone(result))

    @on(SearchDone)
    def _search_done(self, message: SearchDone) -> None:
        field = self.query_one("#search", Input)
        if not self._searching or message.result.text != field.value.strip():
            return  # an older search, or the search was closed meanwhile
        self._search = message.result
        self._show_search(message.result)
        if self._jump_when_found:
            self._jump_when_found = False
            self._jump_to_first_match()

    def _show_search(self, result: SearchResult) -> None:
        """Narrow the tree to the goals, initiatives and activities that match."""
        tree = self.tree
        cursor = self._cursor_item()  # kept when a re-read shows the same matches again
        tree.clear()
        self._by_key.clear()
        titled = {goal.number for goal in self.goals_matching(result.text)}
        by_goal: dict[str, list[ActivityRecord]] = {}
        for activity in result.activities:
            if self._shows_activity(activity):
                by_goal.setdefault(activity.goal_number, []).append(activity)
        for goal in self.goals.values():
            found = by_goal.get(goal.number, [])
            if not found and not (goal.number in titled and self.filter == "all"):
                continue
            (goal_node,) = self._add(tree.root, [GoalItem(goal, loaded=True)])
            initiative_nodes: dict[str, TreeNode[Item]] = {}
            for activity in found:
                parent = goal_node
                if activity.initiative_id is not None:
                    parent = initiative_nodes.get(activity.initiative_id)
                    if parent is None:
                        record = result.initiatives[activity.initiative_id]
                        (parent,) = self._add(goal_node, [InitiativeItem(record, loaded=True)])
                        initiative_nodes[activity.initiative_id] = parent
                        parent.expand()
                self._add(parent, [ActivityItem(activity)])
            goal_node.expand()
        self._update_sub_title()
        if cursor is not None and cursor.key in self._by_key:
            tree.move_cursor_to(self._by_key[cursor.key])
        elif tree.root.children:
            tree.move_cursor_to(tree.root.children[0])
        self._show_detail()

    def _jump_to_first_match(self) -> None:
        first = next(
            (node for key, node in self._by_key.items() if key[0] == "activity"),
            self.tree.root.children[0] if self.tree.root.children else None,
        )
        if first is not None:
            self.tree.move_cursor_to(first)
        self.tree.focus()
        self._show_detail()

    def action_clear(self) -> None:
        """Clear the search; with no search, clear the filter."""
        if self._searching:
            self._end_search(cursor=self._cursor_item())
        elif self.filter != "all":
            self.filter = "all"

    def _end_search(self, cursor: Item | None) -> None:
        field = self.query_one("#search", Input)
        self._searching = False
        self._search = None
        self._jump_when_found = False
        with field.prevent(Input.Changed):
            field.value = ""
        field.display = False
        self._build(self._expanded_before_search, cursor)
        self.tree.focus()
        self._update_sub_title()
        self._show_detail()

    # -- summary, budget --------------------------------------------------------------------------

    def action_summary(self) -> None:
        """Build the status summary, save it as Markdown and show it."""
        self.app.notify(self.strings("app.summary.working"), markup=False, timeout=2)
        self._summary_worker(self.today, self._summary_dir())

    @work(thread=True, exclusive=True, group="summary")
    def _summary_worker(self, today: date, folder: Path) -> None:
        try:
            result = prepare_summary(self.store.path, today, self.strings, folder)
        except VplError as error:
            self.post_message(self.ReadFailed(error))
            return
        self.post_message(self.SummaryDone(result))

    @on(SummaryDone)
    def _summary_done(self, message: SummaryDone) -> None:
        from vpl_tui.screens.summary_view import SummaryView  # TextArea: only when needed

        result = message.result
        self.app.push_screen(SummaryView(self.strings, result.text, result.path, result.error))

    def action_budget(self) -> None:
        """Open the budget reconciliation."""
        try:
            from vpl_tui.screens.budget import BudgetScreen
        except ImportError:
            self.app.notify(self.strings("app.budget.missing"), severity="warning", markup=False)
            return
        self.app.push_screen(BudgetScreen(store=self.store, strings=self.strings))

    # -- help and the command palette -----------------------------------------------------------

    def key_help(self) -> list[tuple[str, list[KeyHelp]]]:
        """The keys of this screen, its tree and the app, in sections for the help screen."""
        s = self.strings
        by_id: dict[str, KeyHelp] = {}
        for _, binding in [*self.tree._bindings, *self._bindings, *self.app._bindings]:
            if binding.id is None:
                continue
            shown = self.app.get_key_display(binding)
            known = by_id.get(binding.id)
            keys = f"{known.keys} {shown}" if known else shown
            by_id[binding.id] = KeyHelp(keys, binding.description, binding.tooltip)
        palette = self.app.COMMAND_PALETTE_BINDING
        by_id["palette"] = KeyHelp(
            self.app.get_key_display(Binding(palette, "command_palette")),
            s("app.key.palette"),
            s("app.tip.palette"),
        )
        sections = {
            "move": (
                "cursor-up",
                "cursor-down",
                "collapse",
                "expand",
                "toggle-node",
                "first",
                "last",
                "page-up",
                "page-down",
            ),
            "change": ("toggle-done", "set-status", "note", "undo"),
            "find": ("search", "filter", "clear"),
            "other": ("switch-pane", "summary", "budget", "palette", "help", "quit"),
        }
        return [
            (s(f"app.help.section.{name}"), [by_id[i] for i in ids if i in by_id])
            for name, ids in sections.items()
        ]

    def commands(self) -> list[Command]:
        """The app's own commands for the palette: the keys, and each filter by name."""
        s = self.strings
        result = []
        for name in (
            "toggle-done",
            "set-status",
            "note",
            "undo",
            "search",
            "filter",
            "summary",
            "budget",
        ):
            binding = next((b for _, b in self._bindings if b.id == name), None)
            if binding is None:
                continue
            help_text = f"{self.app.get_key_display(binding)} · {binding.tooltip}"
            result.append(Command(binding.description, help_text, self._action(binding.action)))
        for name in FILTERS:
            title = s("app.filter.command", name=s(f"app.filter.{name}"))
            result.append(
                Command(title, s("app.tip.filter"), lambda name=name: self.set_filter(name))
            )
        return result

    def _action(self, action: str) -> Callable[[], object]:
        return lambda: self.run_action(action)

    def goals_matching(self, text: str, limit: int | None = None) -> list[GoalRecord]:
        """Goals whose number or title contains `text`, ignoring case and accents."""
        folded = normalise(text.strip())
        if not folded:
            return []
        if self._folded_goals is None:  # once per plan read, not once per keystroke
            self._folded_goals = [
                (normalise(f"{goal.number} {goal.title}"), goal.number)
                for goal in self.goals.values()
            ]
        found = [self.goals[n] for label, n in self._folded_goals if folded in label]
        return found[:limit] if limit is not None else found
