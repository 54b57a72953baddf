"""The plan tree's view-model, driven directly on a real SQLite store: no terminal, no Pilot.

`PlanView` decides what the tree shows under each filter, what to open to reach an item
and how one status change moves the counts; `NodeIndex` finds a line by its key. The
tree widget only draws what these give it, so what a user sees in the tree is pinned here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import pytest

from vpl_tui.db.store import Store
from vpl_tui.rules.progress import FILTERS
from vpl_tui.screens.controllers.reads import read_top_level, search_activities
from vpl_tui.views.node_index import NodeIndex
from vpl_tui.views.plan_items import (
    ActivityItem,
    FocusItem,
    GoalItem,
    InitiativeItem,
    Item,
    MetricItem,
)
from vpl_tui.views.plan_tree import PlanView

TODAY = date(2024, 3, 1)
"""After every end date of the bundled plan: each open activity is overdue."""


def view_of(store: Store, wanted: str = "all") -> PlanView:
    view = PlanView(lambda: TODAY)
    view.set_top(read_top_level(store.path, TODAY))
    view.filter = wanted  # type: ignore[assignment]
    return view


def keys(items: Sequence[Item]) -> list[tuple[str, ...]]:
    return [item.key for item in items]


def goal(view: PlanView, number: str) -> GoalItem:
    return GoalItem(view.goals[number])


@dataclass(eq=False)
class Line:
    """A tree line as the index sees one: its item, whether it is open, the lines under it.

    The index takes any node with these three (Textual's `TreeNode` has them); this is
    the smallest such node, so the index's rules can be checked without a terminal.
    """

    data: Item | None
    is_expanded: bool = False
    children: list[Line] = field(default_factory=list)


# -- what the tree shows -----------------------------------------------------------------------


def test_the_first_level_is_the_mandate_the_focus_list_and_the_goals_outside_it(
    store: Store,
) -> None:
    view = view_of(store)
    assert keys(view.top_items()) == [
        ("mandate",),
        ("focus", "0"),
        ("goal", "1.1.4"),
        ("goal", "1.1.5"),
    ]
    assert view.title == "KS-Kommunstaben · Verksamhetsplan 2023 (2023-2025)"


def test_under_open_a_goal_whose_activities_are_all_cancelled_is_not_shown(store: Store) -> None:
    for activity in store.activities(goal_number="1.1.5"):
        store.set_status(activity.ref, "cancelled")
    view = view_of(store, "open")
    assert ("goal", "1.1.5") not in keys(view.top_items())
    assert not view.shows(goal(view, "1.1.5"))
    # Nothing under it is open either: the filter and the goal's counts agree.
    assert view.children_of(store, goal(view, "1.1.5")) == []
    # Under "all" it is there, with its five cancelled activities.
    view.filter = "all"
    assert ("goal", "1.1.5") in keys(view.top_items())
    shown = view.children_of(store, goal(view, "1.1.5"))
    assert [i.record.status for i in shown if isinstance(i, ActivityItem)] == ["cancelled"] * 5


def test_a_filter_shows_a_goal_exactly_when_it_shows_an_activity_under_it(store: Store) -> None:
    store.set_status("1.1.5-1", "done")
    store.set_status("1.1.5-2", "cancelled")
    store.set_status("accelererad-2", "done")
    for wanted in FILTERS:
        view = view_of(store, wanted)
        shown_goals = {number for number in view.goals if view.shows(goal(view, number))}
        with_activity = {
            activity.goal_number
            for activity in store.activities()
            if view.shows(ActivityItem(activity))
        }
        assert shown_goals == with_activity, wanted


def test_a_goals_children_metrics_activities_then_initiatives_under_each_filter(
    store: Store,
) -> None:
    store.set_status("1.1.5-1", "done")
    store.set_status("1.1.5-2", "cancelled")
    view = view_of(store)
    assert keys(view.children_of(store, goal(view, "1.1.5"))) == [
        ("metric", "1.1.5", "", "0"),
        ("metric", "1.1.5", "", "1"),
        *[("activity", f"1.1.5-{n}") for n in range(1, 6)],
    ]
    view.filter = "open"  # no metrics, neither done nor cancelled activities
    assert keys(view.children_of(store, goal(view, "1.1.5"))) == [
        ("activity", f"1.1.5-{n}") for n in range(3, 6)
    ]
    view.filter = "done"
    assert keys(view.children_of(store, goal(view, "1.1.5"))) == [("activity", "1.1.5-1")]
    view.filter = "overdue"  # a cancelled activity is never overdue
    assert ("activity", "1.1.5-2") not in keys(view.children_of(store, goal(view, "1.1.5")))


def test_initiatives_are_shown_when_the_filter_shows_something_under_them(store: Store) -> None:
    store.set_status("accelererad-2", "done")
    view = view_of(store, "done")
    assert keys(view.children_of(store, goal(view, "1.1.4"))) == [("initiative", "accelererad")]
    (initiative,) = view.children_of(store, goal(view, "1.1.4"))
    assert isinstance(initiative, InitiativeItem)
    assert keys(view.children_of(store, initiative)) == [("activity", "accelererad-2")]


def test_a_focus_list_holds_its_goals_as_the_filter_shows_them(store: Store) -> None:
    for activity in store.activities(goal_number="1.1.2"):
        store.set_status(activity.ref, "done")
    view = view_of(store)
    focus = next(i for i in view.top_items() if isinstance(i, FocusItem))
    assert keys(view.children_of(store, focus)) == [("goal", f"1.1.{n}") for n in (1, 2, 3)]
    view.filter = "open"
    assert keys(view.children_of(store, focus)) == [("goal", "1.1.1"), ("goal", "1.1.3")]


# -- the way to an item ------------------------------------------------------------------------


def test_the_lines_above_an_item_top_down(store: Store) -> None:
    view = view_of(store)
    in_focus = ActivityItem(store.activity("1.1.1-1"))
    assert view.ancestors(in_focus) == [("focus", "0"), ("goal", "1.1.1")]
    under_initiative = ActivityItem(store.activity("accelererad-2"))
    assert view.ancestors(under_initiative) == [("goal", "1.1.4"), ("initiative", "accelererad")]
    metric = next(i for i in view.children_of(store, goal(view, "1.1.5")))
    assert isinstance(metric, MetricItem)
    assert view.ancestors(metric) == [("goal", "1.1.5")]
    assert view.ancestors(goal(view, "1.1.2")) == [("focus", "0")]
    assert view.ancestors(goal(view, "1.1.4")) == []


def test_the_filter_says_whether_an_item_can_be_reached(store: Store) -> None:
    store.set_status("1.1.1-1", "done")
    view = view_of(store, "open")
    assert not view.shows(ActivityItem(store.activity("1.1.1-1")))
    assert view.shows(ActivityItem(store.activity("1.1.1-2")))
    metric = MetricItem(store.metrics("1.1.5")[0], "1.1.5", None, 0)
    assert not view.shows(metric)  # metrics are shown without a filter only
    view.filter = "all"
    assert view.shows(metric)


# -- one status change -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ref", "status"),
    [
        ("1.1.1-1", "done"),
        ("accelererad-2", "cancelled"),
        ("1.1.5-3", "in_progress"),
        ("kompetensattraktion-1", "delayed"),
    ],
)
def test_the_counts_after_a_change_are_those_the_store_counts(
    store: Store, ref: str, status: str
) -> None:
    view = view_of(store)
    index: NodeIndex[Line] = NodeIndex()
    before = store.activity(ref)
    shown_goal = goal(view, before.goal_number)
    lines = [Line(ActivityItem(before)), Line(shown_goal)]
    initiative = None
    if before.initiative_id is not None:
        initiative = next(
            i for i in store.initiatives(before.goal_number, TODAY) if i.id == before.initiative_id
        )
        lines.append(Line(InitiativeItem(initiative)))
    index.add(lines)
    store.set_status(ref, status)
    after = store.activity(ref)
    changed = view.account(before, after, index)
    # The lines to repaint: the activity, its initiative, its goal (and its focus list,
    # which is not in this index).
    expected = [("activity", ref)]
    if initiative is not None:
        expected.append(("initiative", initiative.id))
    assert changed == [*expected, ("goal", before.goal_number)]
    assert (
        view.goals[before.goal_number].progress
        == {g.number: g for g in store.goals(TODAY)}[before.goal_number].progress
    )
    assert shown_goal.record.progress == view.goals[before.goal_number].progress
    item = index.item(("activity", ref))
    assert isinstance(item, ActivityItem) and item.record.status == status
    if initiative is not None:
        fresh = next(
            i for i in store.initiatives(before.goal_number, TODAY) if i.id == initiative.id
        )
        shown = index.item(("initiative", initiative.id))
        assert isinstance(shown, InitiativeItem) and shown.record.progress == fresh.progress


def test_a_change_under_a_focus_list_repaints_the_list_too(store: Store) -> None:
    view = view_of(store)
    index: NodeIndex[Line] = NodeIndex()
    index.add(Line(item) for item in view.top_items())
    before = store.activity("1.1.1-1")
    after = before._replace(status="done", version=before.version + 1)
    assert view.account(before, after, index) == [("focus", "0")]  # the goal is not shown
    focus = index.item(("focus", "0"))
    assert isinstance(focus, FocusItem) and focus.progress.done == 1


# -- the index of the tree's lines -------------------------------------------------------------


def test_the_index_finds_lines_by_key_and_forgets_those_removed(store: Store) -> None:
    view = view_of(store)
    index: NodeIndex[Line] = NodeIndex()
    top = [Line(item) for item in view.top_items()]
    index.add(top)
    goal_line = next(line for line in top if line.data and line.data.key == ("goal", "1.1.5"))
    assert goal_line.data is not None
    goal_line.children = [Line(item) for item in view.children_of(store, goal_line.data)]
    goal_line.data.loaded = True
    index.add(goal_line.children)
    assert index.get(("activity", "1.1.5-3")) is goal_line.children[4]
    assert index.first("activity") is goal_line.children[2]  # after the two metrics
    assert len(index) == 4 + 7
    index.forget_below(goal_line)
    assert ("activity", "1.1.5-3") not in index and ("goal", "1.1.5") in index
    assert index.first("activity") is None


def test_the_index_remembers_what_was_open_while_a_filter_hides_it(store: Store) -> None:
    view = view_of(store)
    index: NodeIndex[Line] = NodeIndex()
    lines = [Line(item, is_expanded=item.key == ("goal", "1.1.5")) for item in view.top_items()]
    index.add(lines)
    assert index.open_keys() == {("goal", "1.1.5")}
    index.clear()  # the tree rebuilt under a filter that hides 1.1.5
    index.add([Line(item) for item in view.top_items() if item.key != ("goal", "1.1.5")])
    assert index.open_keys() == {("goal", "1.1.5")}  # still to be opened when it comes back
    index.clear()
    index.add([Line(item) for item in view.top_items()])  # back, and the user left it closed
    assert index.open_keys() == set()


def test_closed_lines_with_children_read_are_the_stale_ones(store: Store) -> None:
    view = view_of(store)
    index: NodeIndex[Line] = NodeIndex()
    lines = [Line(item) for item in view.top_items()]
    for line in lines:
        if line.data is not None and not isinstance(line.data, FocusItem):
            line.data.loaded = True
    lines[-1].is_expanded = True  # 1.1.5 open: read again with the plan
    index.add(lines)
    stale = index.closed_with_children(fresh={("goal", "1.1.5")})
    assert [line.data.key for line in stale if line.data] == [("mandate",), ("goal", "1.1.4")]


# -- search ------------------------------------------------------------------------------------


def test_goals_match_by_number_or_title_ignoring_case_and_accents(store: Store) -> None:
    view = view_of(store)
    assert [g.number for g in view.goals_matching("DELAKTIGA i samhallets")] == ["1.1.5"]
    assert [g.number for g in view.goals_matching("1.1.")] == [f"1.1.{n}" for n in range(1, 6)]
    assert [g.number for g in view.goals_matching("1.1.", limit=2)] == ["1.1.1", "1.1.2"]
    assert view.goals_matching("   ") == []


def test_a_search_shows_each_match_under_its_goal_and_initiative(store: Store) -> None:
    view = view_of(store)
    result = search_activities(store.path, "industri", 200, TODAY)
    outline = [(parent, item.key) for parent, item in view.search_outline(result)]
    assert outline == [
        (None, ("goal", "1.1.4")),
        (("goal", "1.1.4"), ("initiative", "accelererad")),
        (("initiative", "accelererad"), ("activity", "accelererad-2")),
    ]
    store.set_status("accelererad-2", "done")
    view.filter = "open"  # the match is done now: nothing to show
    result = search_activities(store.path, "industri", 200, TODAY)
    assert view.search_outline(result) == []


def test_a_goal_whose_title_matches_is_shown_without_a_filter(store: Store) -> None:
    view = view_of(store)
    result = search_activities(store.path, "delaktiga i samhallets", 200, TODAY)
    assert [item.key for _, item in view.search_outline(result)] == [("goal", "1.1.5")]
    view.filter = "overdue"
    assert view.search_outline(result) == []


def test_a_changed_first_level_rebuilds_the_tree(store: Store, seed_plan) -> None:
    view = view_of(store)
    shown = keys(view.top_items())
    before = view.top
    view.set_top(read_top_level(store.path, TODAY))
    assert not view.needs_rebuild(before, shown)  # the same plan read again
    store.replace_plan(seed_plan.model_copy(update={"goals": seed_plan.goals[3:], "focus": []}))
    view.set_top(read_top_level(store.path, TODAY))
    assert view.needs_rebuild(before, shown)
