"""The plan tree: mandate, focus lists, goals, initiatives, metrics and activities.

The tree only displays what the plan screen gives it: each node carries an `Item` (the
record it shows, `vpl_tui.views.plan_items`), and `index` finds the node of an item by
its key. The label is drawn from that item every time the line is painted,
with styles from the widget's component classes (theme variables in the screen's
.tcss), so a theme change recolours every badge without rebuilding anything.

Labels are cut to the width of the tree with an ellipsis; the detail pane shows the
full text. Plan text goes through `plain()`: never markup, never terminal control.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import ClassVar, Self

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from vpl_tui.rules.progress import Progress
from vpl_tui.rules.statuses import STATUSES
from vpl_tui.screens.keys import localise_bindings
from vpl_tui.screens.safe import plain
from vpl_tui.screens.widgets.followup_badge import badge_text
from vpl_tui.screens.widgets.plan_labels import (
    JUDGEMENT_TONES,
    activity_label,
    budget_hit_label,
    metric_label,
)
from vpl_tui.strings import Strings
from vpl_tui.views.budget_hits import BudgetLineItem
from vpl_tui.views.followup import BADGE_COLOURS, Badge
from vpl_tui.views.node_index import NodeIndex
from vpl_tui.views.plan_items import (
    ActivityItem,
    FocusItem,
    GoalItem,
    InitiativeItem,
    Item,
    MandateItem,
    MetricItem,
)


class PlanTree(Tree[Item], inherit_bindings=False):
    """The plan as a tree that is filled level by level, as nodes are first expanded."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Down", show=False, tooltip="Next line", id="cursor-down"),
        Binding("up,k", "cursor_up", "Up", show=False, tooltip="Previous line", id="cursor-up"),
        Binding(
            "left,h",
            "collapse_or_parent",
            "Collapse / parent",
            show=False,
            tooltip="Collapse the item, or go to the level above",
            id="collapse",
        ),
        Binding(
            "right,l",
            "expand_or_child",
            "Expand / first child",
            show=False,
            tooltip="Expand the item, or go to its first child",
            id="expand",
        ),
        Binding(
            "enter",
            "select_cursor",
            "Expand/collapse",
            show=False,
            tooltip="Expand or collapse the item",
            id="toggle-node",
        ),
        Binding("home", "scroll_home", "First", show=False, tooltip="First line", id="first"),
        Binding("end", "scroll_end", "Last", show=False, tooltip="Last line", id="last"),
        Binding("pageup", "page_up", "Page up", show=False, tooltip="One page up", id="page-up"),
        Binding(
            "pagedown",
            "page_down",
            "Page down",
            show=False,
            tooltip="One page down",
            id="page-down",
        ),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *(f"plan-tree--status-{status}" for status in STATUSES),
        "plan-tree--overdue",
        "plan-tree--count",
        "plan-tree--number",
        "plan-tree--heading",
        "plan-tree--metric",
        *(f"plan-tree--level-{colour}" for colour in BADGE_COLOURS),
        *(f"plan-tree--judgement-{tone}" for tone in set(JUDGEMENT_TONES.values())),
    }
    """
    | Class | Description |
    | :- | :- |
    | `plan-tree--status-<code>` | The status badge of an activity, one class per status. |
    | `plan-tree--overdue` | The `!` mark of an activity or count past its end date. |
    | `plan-tree--count` | The done/total count of a goal, initiative or focus list (and the cancelled). |
    | `plan-tree--number` | A goal's number. |
    | `plan-tree--heading` | The mandate and focus list labels. |
    | `plan-tree--metric` | Metric lines. |
    | `plan-tree--level-<colour>` | A goal's or initiative's assessment badge, by the scale's colour. |
    | `plan-tree--judgement-<tone>` | A metric's judgement badge: good, mixed, bad or none. |
    """

    def __init__(
        self,
        strings: Strings,
        today: date,
        *,
        load_children: Callable[[TreeNode[Item]], object],
        id: str | None = None,
    ) -> None:
        """
        Args:
            strings: The interface language.
            today: The day that decides what is overdue.
            load_children: Called with a node just before it is first expanded, to add
                its children (the screen reads them, at once or in a worker); called
                again it does nothing.
            id: The widget id.
        """
        super().__init__("", id=id)
        self.strings = strings
        self._load_children = load_children
        self.today = today
        """The day that decides what is overdue (set by the screen)."""
        self.index: NodeIndex[TreeNode[Item]] = NodeIndex()
        """The nodes by the key of their item."""
        self.show_root = False
        self.guide_depth = 3
        self._badge_width = max(len(strings.status(status)) for status in STATUSES)
        self._highlighted = False
        self._styles: dict[tuple[str, bool, Style], Style] = {}
        self.badges: Mapping[str, Badge] = {}
        """The period's assessments by target (set by `controllers.plan_followup`)."""
        self.badge_width = 0
        self.judge_metrics: Callable[[list[MetricItem]], object] | None = None
        """Gives metric lines added without one their judgement (`controllers.plan_outcomes`)."""
        localise_bindings(self, strings)

    # -- labels ---------------------------------------------------------------------------

    def render_label(self, node: TreeNode[Item], base_style: Style, style: Style) -> Text:
        """Draw the node's label from its item, cut to the room left on its line."""
        item = node.data
        # The cursor line (and the hovered one) has a background of its own: there the
        # counts, numbers and marks take the cursor's colour, readable on it in every theme;
        # only the badges, with their own background, keep their colours.
        highlighted = style.bgcolor is not None
        label = self.label_for(item, highlighted) if item is not None else node.label.copy()
        # Under the badge colours, so that the cursor line keeps its status colour.
        label.stylize_before(style)
        if node.allow_expand:
            # Tree's own label of a node whose label is blank (see `add_items`) is its
            # expand icon, styled so that a click on it expands or collapses the node.
            label = super().render_label(node, base_style, style).append_text(label)
        room = self.scrollable_content_region.width - self._guide_width(node)
        if room > 8 and label.cell_len > room:
            label.truncate(room, overflow="ellipsis")
        return label

    def process_label(self, label: str | Text) -> Text:
        # The shared blank label of `add_items` needs no parsing (and there are many).
        return label if label is _BLANK else super().process_label(label)

    def _on_resize(self, event: events.Resize) -> None:
        # Private: overrides Tree's own handler of the event (there is no public hook)
        # and grows its line cache as it would; tests/test_textual_private.py checks both.
        # Tree forgets every line it drew when its size changes, and the first layout's
        # Resize comes after the first paint at that very size: every line drawn twice at
        # start. Lines are cached by width, and nothing else here depends on the size
        # (labels are cut as they are drawn and claim no width, see `get_label_width`),
        # so a resize only changes how many lines the cache holds. This holds while
        # plan.tcss gives the tree `scrollbar-gutter: stable` and `overflow-x: hidden`:
        # the width lines are drawn at must not change when the scrollbar comes or goes.
        event.prevent_default()
        self._line_cache.grow(event.size.height)

    def get_label_width(self, node: TreeNode[Item]) -> int:
        # Labels are cut to the visible width, so the tree never scrolls sideways;
        # answering without drawing keeps a tree of many thousand lines cheap to lay out.
        return 0

    def label_for(self, item: Item, highlighted: bool = False) -> Text:
        """The label of one item, without the expand icon (`highlighted`: the cursor line)."""
        self._highlighted = highlighted
        s = self.strings
        if isinstance(item, ActivityItem):
            return activity_label(item, s, self._style, self._badge_width, self.today)
        if isinstance(item, GoalItem):
            number = plain(item.record.number, self._style("plan-tree--number"))
            return Text.assemble(
                number,
                " ",
                self._badge(item.record.number),
                self._counts(item.record.progress),
                plain(item.record.title),
            )
        if isinstance(item, InitiativeItem):
            return Text.assemble(
                self._badge(item.record.id),
                self._counts(item.record.progress),
                plain(item.record.title),
            )
        if isinstance(item, FocusItem):
            heading = plain(item.focus.title, self._style("plan-tree--heading"))
            return Text.assemble(self._counts(item.progress), heading)
        if isinstance(item, MetricItem):
            return metric_label(item, s, self._style)
        if isinstance(item, MandateItem):
            return Text(s("app.mandate"), style=self._style("plan-tree--heading"))
        if isinstance(item, BudgetLineItem):  # a search's budget hit (views/budget_hits.py)
            return budget_hit_label(item, self._style)
        return Text("")

    def _badge(self, target: str) -> Text:
        found = self.badges.get(target)
        return Text("") if found is None else badge_text(found, self.badge_width, self._style)

    def _counts(self, progress: Progress) -> Text:
        counts = Text(f"{progress.done}/{progress.total} ", style=self._style("plan-tree--count"))
        if progress.cancelled:  # apart: a cancelled activity is neither done nor left to do
            cancelled = self.strings("app.tree.cancelled", count=progress.cancelled)
            counts.append(f"· {cancelled} ", style=self._style("plan-tree--count"))
        if progress.overdue:
            counts.append(f"!{progress.overdue} ", style=self._style("plan-tree--overdue"))
        counts.append(" ")
        return counts

    def _style(self, component: str) -> Style:
        """The component's style with its colours resolved against the tree's background.

        Resolved, not partial: a partial style leaves a theme's "auto" text colours (such as
        `$text-muted`) to be worked out against no background, which gives white, unreadable
        on a light theme. A component without a background of its own gets no background,
        so that the line's shows through; on a highlighted line it gets no colour either.
        Kept by the resolved style (Textual's own cache of it is emptied when the CSS or the
        theme changes, so a new theme gives new keys): this is asked for every span painted.
        """
        full = self.get_component_rich_style(component, partial=False)
        key = (component, self._highlighted, full)
        known = self._styles.get(key)
        if known is None:
            if self.get_component_styles(component).has_rule("background"):
                known = full
            else:
                shape = Style(bold=full.bold, italic=full.italic, strike=full.strike)
                known = shape if self._highlighted else Style(color=full.color) + shape
            self._styles[key] = known
        return known

    def _guide_width(self, node: TreeNode[Item]) -> int:
        depth = 0
        parent = node.parent
        while parent is not None and parent is not self.root:
            depth += 1
            parent = parent.parent
        return depth * self.guide_depth

    # -- building -------------------------------------------------------------------------

    def add_items(self, parent: TreeNode[Item], items: Iterable[Item]) -> list[TreeNode[Item]]:
        """Add nodes showing `items` under `parent` (their children come later, on expand).

        `TreeNode.add` parses the label and lays the tree out again for every node; this
        adds them all and lays out once, so that a level of thousands of goals or
        activities opens in a blink. The node's own label stays blank: the label that is
        drawn comes from the item (see `label_for`).
        """
        # Private: Textual has no public way to add many nodes at once, and `TreeNode.add`
        # invalidates the whole tree for each node (7 to 10 times as slow for a level of
        # 5 000). tests/test_textual_private.py fails if these names change.
        nodes = []
        items = list(items)
        unjudged = [i for i in items if isinstance(i, MetricItem) and i.line is None]
        if unjudged and self.judge_metrics is not None:
            self.judge_metrics(unjudged)
        for item in items:
            node = self._add_node(parent, _BLANK, item)
            node.allow_expand = item.expandable
            parent._children.append(node)
            nodes.append(node)
        parent._updates += 1
        self._invalidate()
        self.index.add(nodes)
        return nodes

    def clear(self) -> Self:
        """Remove every node (and forget them in `index`)."""
        self.index.clear()
        return super().clear()

    def remove_items_below(self, node: TreeNode[Item]) -> None:
        """Remove the children of `node`; it reads them again when next opened."""
        self.index.forget_below(node)
        self._drop_below(node)
        node._updates += 1
        self._invalidate()
        if node.data is not None:
            node.data.loaded = False

    def replace_items_below(self, node: TreeNode[Item], items: Iterable[Item]) -> None:
        """Show `items` as the children of `node` in place of those it has, in one step.

        A refresh after another process's change replaces every child of an opened goal
        whose lines differ: for a goal of 200 000 activities, in time linear in them.
        """
        self.index.forget_below(node)
        self._drop_below(node)
        self.add_items(node, items)
        if node.data is not None:
            node.data.loaded = True

    def _drop_below(self, node: TreeNode[Item]) -> None:
        # Private: `TreeNode.remove_children` removes one child at a time, each looked
        # up by `list.index` in its parent's children from the start, last child first:
        # quadratic, minutes for a goal of 200 000 activities. This drops the same nodes
        # (from the parent's `_children` and the tree's `_tree_nodes`, by `_id`) at once.
        # tests/test_app_reliability.py fails if these names change.
        for child in node._children:
            self._drop_below(child)
            self._tree_nodes.pop(child._id, None)
        node._children.clear()

    def label_text(self, node: TreeNode[Item]) -> str:
        """The node's label as drawn, without styles (what a reader of the screen sees)."""
        return self.render_label(node, Style(), Style()).plain

    def move_cursor_to(self, node: TreeNode[Item]) -> None:
        """Put the cursor on `node` now, even if it was added in this same frame."""
        # A node added since the last frame has no line yet: reading `last_line` lays
        # the lines out (the public way to it), so that `move_cursor` finds the node's.
        self.last_line  # noqa: B018
        self.move_cursor(node)

    def refresh_item(self, node: TreeNode[Item]) -> None:
        """Repaint `node` after its item changed."""
        node.refresh()

    def _toggle_node(self, node: TreeNode[Item]) -> None:
        # Private: every way of expanding (enter, a click on the icon, space) comes through
        # Tree's `_toggle_node`, and `NodeExpanded` comes only after the node is open.
        # Here the children are added before it opens, so keys pressed right after see
        # them. tests/test_textual_private.py fails if Tree stops calling it.
        if node.allow_expand and not node.is_expanded:
            self._load_children(node)
        super()._toggle_node(node)

    def toggle_item(self, node: TreeNode[Item]) -> None:
        """Expand or collapse `node`, adding its children first if needed."""
        self._toggle_node(node)

    def expand_node(self, node: TreeNode[Item]) -> None:
        """Add the node's children if not yet there, then expand it."""
        self._load_children(node)
        node.expand()

    # -- keys -------------------------------------------------------------------------------

    def action_collapse_or_parent(self) -> None:
        """Collapse the item under the cursor, or move to the level above."""
        node = self.cursor_node
        if node is None:
            return
        if node.allow_expand and node.is_expanded:
            node.collapse()
        elif node.parent is not None and node.parent is not self.root:
            self.move_cursor(node.parent)

    def action_expand_or_child(self) -> None:
        """Expand the item under the cursor, or move to its first child."""
        node = self.cursor_node
        if node is None or not node.allow_expand:
            return
        if not node.is_expanded:
            self.expand_node(node)
        elif node.children:
            self.move_cursor_to(node.children[0])


_BLANK = Text("")
"""The label kept on every node; `render_label` draws the real one from the node's item."""
