"""Changes written by other processes (`vpl set`, another app), shown on the plan screen.

The screen's timer asks `check` every `poll_interval` seconds. `PRAGMA data_version`
changes when another connection commits, and answers from the connection without
reading the file, so asking costs nothing on the event loop. When it has changed, a
worker reads the top level and the children of every opened node again, and `reloaded`
puts what it read in place: the lines that are still there keep their place, the
cursor stays put, and the children of closed nodes are dropped, to be read when opened.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.widgets.tree import TreeNode

from vpl_tui.db.store import Store
from vpl_tui.rules.progress import MINE, MineCounts
from vpl_tui.screens.controllers.plan_outcomes import judge_read
from vpl_tui.screens.controllers.reads import read_top_level
from vpl_tui.views.plan_items import FocusItem, Item, Key, TopLevel
from vpl_tui.views.plan_tree import same_keys

if TYPE_CHECKING:
    from vpl_tui.screens.plan import PlanScreen


@dataclass(frozen=True)
class Reload:
    """What a background re-read found: the top level and the children of opened nodes."""

    generation: int
    top: TopLevel
    children: dict[Key, list[Item]]
    mine: MineCounts | None = None
    """The user's counts, under the filter "mina"."""


class OutsideChanges:
    """Notices other processes' commits and shows them on one plan screen."""

    def __init__(self, screen: PlanScreen) -> None:
        self.screen = screen
        self.seen_version = 0
        """The store's `data_version` when the plan was last read."""

    def check(self) -> None:
        """Read again if another process has committed since the last look, or it is a new day."""
        screen = self.screen
        version = screen.store.data_version()  # no file read: see the module's docstring
        if version != self.seen_version or screen.tree.today != screen.today:
            self.seen_version = version
            screen.tree.today = screen.today  # past midnight, more may be overdue
            self.reload()

    def reload(self) -> None:
        """Start reading again what is shown, in a worker."""
        screen = self.screen
        opened = [
            node.data
            for node in screen.tree.index.nodes()
            if node.data is not None
            and node.data.loaded
            and node.is_expanded
            and not isinstance(node.data, FocusItem)  # a focus list's goals are in the top
        ]
        if screen.search.active:
            opened = []
        screen.read_again(screen.outline.generation, opened)

    def read(self, generation: int, opened: list[Item]) -> Reload:
        """In the worker: the top level and the children of `opened`, on a new connection."""
        screen = self.screen
        top = read_top_level(screen.store.path, screen.today)
        with Store.open(screen.store.path) as store:
            children = {item.key: screen.view.children_of(store, item) for item in opened}
            judge_read(store, children.values(), screen)  # their metric lines too
            view = screen.view
            mine = store.mine_counts(view.user, screen.today) if view.filter == MINE else None
        return Reload(generation, top, children, mine)

    def reloaded(self, reload: Reload) -> None:
        """Show what the worker read, keeping the cursor and what is open."""
        screen = self.screen
        if reload.generation != screen.outline.generation:
            self.reload()  # this screen changed something meanwhile: read once more
            return
        view, tree = screen.view, screen.tree
        before = view.top
        cursor = screen.cursor_item()
        # The keys from the cursor's line up to the first level: if the line is gone (a
        # plan loaded elsewhere without it), the cursor goes to the nearest that is left.
        trail = _trail(tree.cursor_node)
        screen.plan_detail.forget_history()
        screen.set_top(reload.top)
        view.set_mine(reload.mine)
        if not screen.search.active:
            for goal in reload.top.goals:
                for key in view.set_goal(goal, tree.index):
                    node = tree.index.get(key)
                    if node is not None:
                        tree.refresh_item(node)
            shown = [child.data.key for child in tree.root.children if child.data]
            if view.needs_rebuild(before, shown):
                screen.outline.build(tree.index.open_keys(), cursor)
            else:
                for key, children in reload.children.items():
                    node = tree.index.get(key)
                    if node is not None:
                        self.replace_children(node, children)
                for node in tree.index.closed_with_children(set(reload.children)):
                    tree.remove_items_below(node)
            self._cursor_back(trail)
        screen.plan_detail.show()
        if screen.is_active:  # a screen on top (the budget's) says so itself: one notice
            screen.app.notify(screen.strings("app.external"), markup=False, timeout=3)

    def replace_children(self, node: TreeNode[Item], children: list[Item]) -> None:
        """Update the children of an opened node in place, or replace them if they differ."""
        screen, tree = self.screen, self.screen.tree
        current = [child for child in node.children if child.data is not None]
        if same_keys((child.data for child in current), children):
            for child, item in zip(current, children, strict=True):
                item.loaded = child.data.loaded if child.data else False
                child.data = item
                tree.refresh_item(child)
            return
        trail = _trail(tree.cursor_node)
        expanded = tree.index.open_keys()
        tree.replace_items_below(node, children)  # in one step: a goal of 200 000, say
        screen.outline.open_again(node, expanded)
        self._cursor_back(trail)

    def _cursor_back(self, trail: list[Key]) -> None:
        """Put the cursor on the first line of `trail` still in the tree (its own, or above)."""
        tree = self.screen.tree
        for key in trail:
            found = tree.index.get(key)
            if found is not None:
                tree.move_cursor_to(found)  # the same line: nothing moves
                return
        if tree.root.children:
            tree.move_cursor_to(tree.root.children[0])


def _trail(node: TreeNode[Item] | None) -> list[Key]:
    """The keys of `node` and of every line above it, nearest first."""
    keys: list[Key] = []
    while node is not None and node.data is not None:
        keys.append(node.data.key)
        node = node.parent
    return keys
