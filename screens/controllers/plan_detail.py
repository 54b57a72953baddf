"""What the plan screen's detail pane shows: the item under the cursor, in full.

The pane is filled as the cursor moves, on the event loop: what it needs beyond the
item's own record is small and read by key (a goal's or initiative's few metrics, one
activity's status history, kept while that activity is shown; the plan changes of an
activity, a goal, an initiative or a metric), and it must be there with the cursor, not a
frame later.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets.tree import TreeNode

from vpl_tui.errors import VplError
from vpl_tui.records import ActivityRecord, HistoryRecord, PlanChangeRecord
from vpl_tui.views.budget_hits import BudgetLineItem
from vpl_tui.views.plan_items import (
    ActivityItem,
    FocusItem,
    GoalItem,
    InitiativeItem,
    Item,
    MandateItem,
    MetricItem,
)

if TYPE_CHECKING:
    from vpl_tui.screens.plan import PlanScreen


class PlanDetail:
    """Fills the detail pane of a plan screen from the item under the tree's cursor."""

    def __init__(self, screen: PlanScreen) -> None:
        self.screen = screen
        self.shown: Item | None = None
        """The item the pane shows."""
        self._history: tuple[str, list[HistoryRecord]] | None = None

    def forget_history(self) -> None:
        """The activity's history may have changed elsewhere: read it again when shown."""
        self._history = None

    def cursor_moved(self) -> None:
        """Show the item under the cursor, unless it is shown already."""
        screen = self.screen
        if screen.view.top is None:
            return  # still reading the plan: the pane says so until it is read
        node = screen.tree.cursor_node
        if node is not None and node.data is not None and node.data is self.shown:
            return  # shown already: the cursor was put back where it was (a rebuild, the start)
        self.show()

    def show(self) -> None:
        """Show the item under the cursor in full."""
        screen = self.screen
        node = screen.tree.cursor_node
        item = node.data if node is not None else None
        self.shown = item
        detail, store, top = screen.detail, screen.store, screen.view.top
        if isinstance(item, ActivityItem):
            record = item.record
            detail.show_activity(
                record,
                _owner(node),
                self.history_of(record),
                screen.today,
                store.plan_changes(record.ref),  # by its index: as quick as the history
            )
        elif isinstance(item, GoalItem):
            goal = item.record
            metrics = store.metrics(goal.number) if goal.metric_count else []
            detail.show_goal(goal, metrics, store.owner_responsible("goal", goal.number))
            detail.show_plan_changes(store.plan_changes(goal.number, kind="goal"))
        elif isinstance(item, InitiativeItem):
            initiative = item.record
            goal = screen.view.goals.get(initiative.goal_number)
            metrics = (
                store.metrics(initiative.goal_number, initiative.id)
                if initiative.metric_count
                else []
            )
            detail.show_initiative(
                initiative,
                goal.title if goal else "",
                metrics,
                store.owner_responsible("initiative", initiative.id),
            )
            detail.show_plan_changes(store.plan_changes(initiative.id, kind="initiative"))
        elif isinstance(item, MetricItem):
            detail.show_metric(item.metric, _owner(node), screen.outcomes.judged(item))
            detail.show_plan_changes(self.metric_changes(item))
        elif isinstance(item, FocusItem):
            detail.show_focus(item.focus, item.progress)
        elif isinstance(item, BudgetLineItem):
            detail.show_budget_line(item)
        elif isinstance(item, MandateItem) and top is not None:
            detail.show_mandate(top.mandate, top.info)
        else:
            detail.show_nothing()

    def metric_changes(self, item: MetricItem) -> list[PlanChangeRecord]:
        """The metric's own plan changes (its name, unit, targets), as an activity's show."""
        store = self.screen.store
        try:
            ident = store.metric_at(item.goal_number, item.initiative_id, item.position).id
        except VplError:  # gone meanwhile: the tree is read again soon
            return []
        return store.plan_changes(ident, kind="metric")

    def history_of(self, activity: ActivityRecord) -> list[HistoryRecord]:
        """The status history of the activity shown, read once and kept while it is shown."""
        if self._history is None or self._history[0] != activity.ref:
            self._history = (activity.ref, self.screen.store.history(activity.ref))
        return self._history[1]

    def changed(self, after: ActivityRecord, change: HistoryRecord | None) -> None:
        """After one activity's status change: its status and history, or the counts shown."""
        if self._history is not None and self._history[0] == after.ref:
            self._history = (after.ref, [*self._history[1], change]) if change else None
        screen = self.screen
        item = screen.cursor_item()
        if isinstance(item, ActivityItem) and item.record.ref == after.ref:
            screen.detail.update_activity(after, self.history_of(after), screen.today)
        elif isinstance(item, InitiativeItem | GoalItem | FocusItem):
            self.show()


def _owner(node: TreeNode[Item] | None) -> str:
    """The goal or initiative a line sits under, as the pane names it."""
    parent = node.parent.data if node is not None and node.parent is not None else None
    if isinstance(parent, GoalItem):
        return f"{parent.record.number} {parent.record.title}"
    if isinstance(parent, InitiativeItem):
        return parent.record.title
    return ""
