"""Building the plan screen's tree: the first level, each node's children, the way to an item.

What the tree shows comes from `PlanView`; this puts it in the widget. A node's children
are added when it is first opened. When they are few they are read at once, on the
event loop (`READ_ON_THE_LOOP`), so keys pressed right after opening find them there; a
node that may hold thousands is read in a worker, and its lines appear when read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textual.widgets.tree import TreeNode

from vpl_tui.rules.periods import Period
from vpl_tui.views.plan_items import Item, Key, TopLevel

if TYPE_CHECKING:
    from vpl_tui.screens.plan import PlanScreen

READ_ON_THE_LOOP = 300
"""Children read on the event loop at most: one indexed query of that many rows takes a
few milliseconds. A node that may hold more is read in a worker."""


@dataclass(frozen=True)
class NodeRead:
    """What a worker read for one node, and what to do once its children are in."""

    generation: int
    key: Key
    children: list[Item]
    then_open: set[Key] = field(default_factory=set)
    """Open these below it again, as they were (a rebuild)."""
    then_reveal: Item | None = None
    """Put the cursor on this item, under it (a jump)."""
    period: Period | None = None
    """The app's period its metrics are judged for."""


class PlanOutline:
    """Fills the tree of one plan screen."""

    def __init__(self, screen: PlanScreen) -> None:
        self.screen = screen
        self.generation = 0
        """Bumped by every rebuild and change, so that a read started before it is dropped."""
        self._reading: set[Key] = set()

    def show_first(self, top: TopLevel) -> None:
        """Show the plan's top level for the first time, and say that the screen is up.

        The tree has the focus from the start (`AUTO_FOCUS`): each change of focus
        restyles the screen and rebuilds the footer's keys.
        """
        screen = self.screen
        screen.set_top(top)
        self.build()
        tree = screen.tree
        tree.loading = False
        if tree.root.children:
            tree.move_cursor_to(tree.root.children[0])
        screen.plan_detail.show()
        screen.post_message(screen.Loaded())

    def filter_changed(self, wanted: str) -> None:
        """Show what the filter `wanted` shows, keeping what is open and the cursor."""
        screen = self.screen
        screen.view.filter = wanted  # type: ignore[assignment]
        screen.show_sub_title()
        if screen.view.top is None:
            return
        if screen.search.active:
            if screen.search.result is not None:
                screen.search.show(screen.search.result)
            return
        self.build(screen.tree.index.open_keys(), screen.cursor_item())
        screen.plan_detail.show()

    def jump_to(self, item: Item) -> None:
        """Go to `item` from anywhere: leave the search, and the filter if it hides the item."""
        screen = self.screen
        if screen.search.active:
            screen.search.end(cursor=None)
        if not screen.view.shows(item):
            screen.view.initiative = None  # the filter below rebuilds the tree
            if screen.filter == "all":
                self.filter_changed("all")
            screen.filter = "all"  # rebuilds the tree
        if not self.reveal(item) and screen.filter != "all":
            screen.filter = "all"  # the item had changed meanwhile: the filter hides it
            self.reveal(item)
        screen.tree.focus()
        screen.plan_detail.show()

    def changed(self) -> None:
        """Something shown changed: reads started before now are out of date."""
        self.generation += 1

    def fill(
        self,
        node: TreeNode[Item],
        children: list[Item] | None = None,
        *,
        then_open: set[Key] | None = None,
        then_reveal: Item | None = None,
    ) -> bool:
        """Add the children of `node` (read now unless given), once.

        False when they are being read in a worker: they are added when read, and then
        `then_open` is opened below and the cursor goes to `then_reveal`.
        """
        item = node.data
        if item is None or item.loaded:
            return True
        screen = self.screen
        if children is None and item.most_children > READ_ON_THE_LOOP:
            if item.key not in self._reading:
                self._reading.add(item.key)
                period = screen.outcomes.period()
                asked = NodeRead(
                    self.generation, item.key, [], then_open or set(), then_reveal, period
                )
                screen.read_children(item, asked)
            return False
        if children is None:
            children = screen.view.children_of(screen.store, item)  # few: READ_ON_THE_LOOP
        screen.tree.add_items(node, children)
        item.loaded = True
        return True

    def children_read(self, read: NodeRead) -> None:
        """A worker's read of one node: added if still wanted, else read again if open."""
        self._reading.discard(read.key)
        screen = self.screen
        node = screen.tree.index.get(read.key)
        if node is None or node.data is None or node.data.loaded:
            return  # rebuilt meanwhile, or read already
        if read.generation != self.generation:  # something changed meanwhile
            if node.is_expanded:
                self.fill(node, then_open=read.then_open, then_reveal=read.then_reveal)
            return
        self.fill(node, read.children)
        self.open_again(node, read.then_open)
        if read.then_reveal is not None and self.reveal(read.then_reveal):
            screen.plan_detail.show()

    def build(self, expanded: set[Key] | None = None, cursor: Item | None = None) -> None:
        """(Re)build the whole tree, opening `expanded` again and keeping the cursor."""
        screen = self.screen
        tree = screen.tree
        tree.today = screen.today
        tree.clear()
        self.changed()
        tree.add_items(tree.root, screen.view.top_items())
        if expanded is None:  # the first screen: open the focus lists
            expanded = {key for key in tree.index if key[0] == "focus"}
        self.open_again(tree.root, expanded)
        if (cursor is None or not self.reveal(cursor)) and tree.root.children:
            tree.move_cursor_to(tree.root.children[0])

    def open_again(self, node: TreeNode[Item], expanded: set[Key]) -> None:
        """Open the nodes below `node` whose keys are in `expanded`, as they were."""
        for child in node.children:
            if child.data is not None and child.data.key in expanded:
                filled = self.fill(child, then_open=expanded)
                child.expand()
                if filled:
                    self.open_again(child, expanded)

    def reveal(self, item: Item) -> bool:
        """Open the nodes above `item` and put the cursor on it; False if it is not there.

        If a node above it is being read in a worker, the cursor waits on that node and
        goes to `item` once it has been read.
        """
        screen = self.screen
        tree = screen.tree
        for key in screen.view.ancestors(item):
            node = tree.index.get(key)
            if node is None:
                return False
            filled = self.fill(node, then_reveal=item)
            node.expand()
            if not filled:
                tree.move_cursor_to(node)
                return True
        node = tree.index.get(item.key)
        if node is None:
            return False
        tree.move_cursor_to(node)
        return True
