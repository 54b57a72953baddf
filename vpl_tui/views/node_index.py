"""The plan tree's nodes by the key of the item each shows, and which of them were open.

`NodeIndex` knows a node only by what `ShownNode` says (its item, whether it is open,
its children): Textual's `TreeNode` has all three, so the index works with the
widget's nodes, and needs no terminal to be tested.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Generic, Protocol, TypeVar

from vpl_tui.views.plan_items import FocusItem, Item, Key


class ShownNode(Protocol):
    """What the index needs of a tree node (Textual's `TreeNode` has it)."""

    @property
    def data(self) -> Item | None: ...

    @property
    def is_expanded(self) -> bool: ...

    @property
    def children(self) -> Sequence[ShownNode]: ...


N = TypeVar("N", bound=ShownNode)


class NodeIndex(Generic[N]):
    """The nodes of the tree by the key of their item, and which were open."""

    def __init__(self) -> None:
        self._nodes: dict[Key, N] = {}
        self._open: set[Key] = set()
        """Open when last looked at; kept while a filter or search hides them."""

    def add(self, nodes: Iterable[N]) -> None:
        for node in nodes:
            if node.data is not None:
                self._nodes[node.data.key] = node

    def get(self, key: Key) -> N | None:
        return self._nodes.get(key)

    def item(self, key: Key) -> Item | None:
        """The item shown under `key`, or None when it is not in the tree."""
        node = self._nodes.get(key)
        return node.data if node is not None else None

    def __contains__(self, key: object) -> bool:
        return key in self._nodes

    def __iter__(self) -> Iterator[Key]:
        return iter(self._nodes)

    def __len__(self) -> int:
        return len(self._nodes)

    def nodes(self) -> list[N]:
        """Every node, in the order added."""
        return list(self._nodes.values())

    def clear(self) -> None:
        """Forget every node (the tree was cleared); which were open is kept."""
        self._nodes.clear()

    def forget_below(self, node: N) -> None:
        """Forget the nodes under `node` (its children are about to be removed)."""
        for child in node.children:
            self.forget_below(child)  # type: ignore[arg-type]
            item = child.data
            if item is not None and self._nodes.get(item.key) is child:
                del self._nodes[item.key]

    def first(self, kind: str) -> N | None:
        """The first node, in the order added, whose item is of `kind` ("activity"...)."""
        return next((node for key, node in self._nodes.items() if key[0] == kind), None)

    def open_keys(self) -> set[Key]:
        """What is open now, and what was open but is hidden by the filter for the moment."""
        present = {key: node.is_expanded for key, node in self._nodes.items()}
        self._open = {key for key in self._open if key not in present} | {
            key for key, is_open in present.items() if is_open
        }
        return set(self._open)

    def closed_with_children(self, fresh: set[Key]) -> list[N]:
        """Closed nodes whose children were read but not read again (`fresh`): stale.

        A focus list's children are goals, which the top level holds: never stale.
        """
        return [
            node
            for key, node in self._nodes.items()
            if (item := node.data) is not None
            and item.loaded
            and key not in fresh
            and not node.is_expanded
            and not isinstance(item, FocusItem)
        ]
