"""The private parts of Textual the app builds on, checked so that a Textual release that
changes them fails here, loudly, with the name of what changed.

Each is used only where Textual has no public way to do the same (the comment at each
use says why):

- `DOMNode._bindings`: a node's own map of its bindings, where `screens.keys` puts the
  user's language.
- `Tree._add_node`, `TreeNode._children`, `TreeNode._updates`, `Tree._invalidate`: the
  plan tree adds a level of thousands of nodes at once (`PlanTree.add_items`).
- `Tree._toggle_node`: every way of opening a node comes through it; the plan tree adds
  the children before the node opens.
- `Tree._on_resize`, `Tree._line_cache`: the plan tree keeps its drawn lines on a resize.
- `textual.widgets._footer.FooterKey`, `Footer._bindings_ready`: the footer that builds
  its keys once (`widgets.footer.KeyFooter`).

Where a behaviour a user notices rests on one of them, it is checked too.
"""

from __future__ import annotations

import inspect
from pathlib import Path

from test_app_support import SIZE, cursor_key, make_app, plan, settle, tree_lines
from textual.binding import Binding, BindingsMap
from textual.reactive import Reactive
from textual.widget import Widget
from textual.widgets import Footer, Tree
from textual.widgets.tree import TreeNode

from vpl_tui.db.store import Store
from vpl_tui.screens.keys import localise_bindings
from vpl_tui.screens.widgets.plan_tree import PlanTree
from vpl_tui.strings import Strings
from vpl_tui.views.plan_items import GoalItem


def test_a_node_keeps_its_own_map_of_bindings() -> None:
    class Keyed(Widget):
        BINDINGS = [Binding("q", "quit", "Quit", tooltip="Quit", id="quit")]

    node = Keyed()
    assert isinstance(node._bindings, BindingsMap)
    assert isinstance(node._bindings.key_to_bindings, dict)
    localise_bindings(node, Strings("sv"))
    [binding] = node._bindings.key_to_bindings["q"]
    assert (binding.description, binding.id) == ("Avsluta", "quit")
    assert Keyed.BINDINGS[0].description == "Quit"  # the class's own stay as declared


def test_the_tree_internals_the_plan_tree_adds_nodes_with() -> None:
    parameters = list(inspect.signature(Tree._add_node).parameters)
    assert parameters[:4] == ["self", "parent", "label", "data"], parameters
    assert callable(Tree._invalidate)
    tree: Tree[None] = Tree("root")
    node = tree.root.add("child")
    assert isinstance(node._children, list)
    assert isinstance(node._updates, int)
    assert node in tree.root._children


def test_the_tree_toggles_and_resizes_through_the_methods_the_plan_tree_overrides() -> None:
    for name in ("_toggle_node", "_on_resize"):
        assert name in Tree.__dict__, f"Tree no longer defines {name}"
    assert "self._toggle_node(" in inspect.getsource(Tree.action_toggle_node)
    assert "self._toggle_node(" in inspect.getsource(Tree._on_click)
    tree: Tree[None] = Tree("root")
    assert callable(tree._line_cache.grow)


def test_the_footer_internals_the_key_footer_builds_on() -> None:
    from textual.widgets._footer import FooterKey

    assert issubclass(FooterKey, Widget)
    assert isinstance(Footer.__dict__["_bindings_ready"], Reactive)
    assert "_bindings_ready" in inspect.getsource(Footer.compose)


async def test_a_click_on_the_icon_opens_a_goal_with_its_children(
    store: Store, tmp_path: Path
) -> None:
    # The icon is drawn by Tree's own `render_label`, with the style a click looks for.
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        tree = plan(app).tree
        goal = tree.index.get(("goal", "1.1.5"))
        assert goal is not None and not goal.is_expanded
        region = tree.content_region
        await pilot.click(offset=(region.x, region.y + goal.line))
        await pilot.pause()
        assert goal.is_expanded
        assert any("Underlätta genomförande" in line for line in tree_lines(app))


async def test_the_cursor_goes_to_a_node_added_in_the_same_frame(
    store: Store, tmp_path: Path
) -> None:
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        tree = plan(app).tree
        [added] = tree.add_items(tree.root, [GoalItem(plan(app).view.goals["1.1.2"])])
        tree.move_cursor_to(added)
        assert tree.cursor_node is added


async def test_after_a_resize_the_tree_draws_its_lines_at_the_new_width(
    store: Store, tmp_path: Path
) -> None:
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        wide = tree_lines(app)
        await pilot.resize_terminal(80, 30)
        await settle(pilot)
        narrow = tree_lines(app)
        tree = plan(app).tree
        assert max(len(line) for line in narrow) <= tree.size.width
        assert max(len(line) for line in narrow) < max(len(line) for line in wide)
        assert any(line.endswith("…") for line in narrow)  # long titles, cut to the room left
        await pilot.press("down")
        assert cursor_key(app) == ("focus", "0")
        assert isinstance(tree, PlanTree) and isinstance(tree.root, TreeNode)
