"""What the plan tree shows: the top level, a node's children under the filter, the way to an item.

The plan screen keeps one `PlanView`: the top level as last read (with the screen's own
status changes counted in), the filter, and the rules for what a filter shows, which are
`vpl_tui.rules.progress`'s (`activity_shown`, `progress_shown`): a goal or initiative is shown
exactly when something under it is. A status change moves the counts by
`Progress.after_change`, so the screen shows it without reading the plan again.

Under "mina" (`MINE`) goals and initiatives count the user's activities only (`MineCounts`,
read when first needed). The search's part of the view is `plan_search_view`.

The tree's nodes are found by the key of their item in a `NodeIndex` (`node_index`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Protocol

from vpl_tui.records import ActivityRecord, GoalRecord, InitiativeRecord, MetricRecord
from vpl_tui.rules.progress import (
    MINE,
    Filter,
    MineCounts,
    Progress,
    activity_shown,
    progress_shown,
)
from vpl_tui.safetext import clean
from vpl_tui.strings import Strings
from vpl_tui.views.node_index import N, NodeIndex
from vpl_tui.views.plan_items import (
    ActivityItem,
    FocusItem,
    GoalItem,
    InitiativeItem,
    Item,
    Key,
    MandateItem,
    MetricItem,
    SearchResult,
    TopLevel,
)
from vpl_tui.views.plan_search_view import PlanSearchView


class PlanReader(Protocol):
    """The reads a node's children come from (`vpl_tui.db.store.Store` has them)."""

    def metrics(self, goal_number: str, initiative_id: str | None = None) -> list[MetricRecord]: ...

    def activities(
        self, goal_number: str | None = None, initiative_id: str | None = None
    ) -> list[ActivityRecord]: ...

    def initiatives(
        self, goal_number: str, today: date | None = None
    ) -> list[InitiativeRecord]: ...

    def mine_counts(
        self, user: str, today: date | None = None, goal_number: str | None = None
    ) -> MineCounts: ...


class PlanView(PlanSearchView):
    """The plan as the tree shows it: the top level, the filter, and the counts."""

    def __init__(
        self,
        today: Callable[[], date],
        user: str = "",
        mine: Callable[[], MineCounts] | None = None,
    ) -> None:
        """
        Args:
            today: The day that decides what is overdue (read each time it is needed).
            user: Who "mina" (the filter `MINE`) is: `VPL_USER`.
            mine: Reads the user's counts for the whole plan, on the event loop, the
                first time the filter `MINE` needs them after each read of the plan.
        """
        self._today = today
        self.user = user
        self._read_mine = mine
        self._mine: MineCounts | None = None
        self._mine_goals: dict[str, GoalRecord] = {}
        """The goals with the counts of the user's activities: `shown_goals` under `MINE`."""
        self.filter: Filter = "all"
        """Which activities the tree shows (key `f` cycles through `FILTER_CYCLE`)."""
        self.initiative: InitiativeRecord | None = None
        """The one initiative the tree is narrowed to (from the palette), or None: all."""
        self.top: TopLevel | None = None
        self.goals: dict[str, GoalRecord] = {}
        """The goals as last read, adjusted in place by this screen's own changes."""
        self._focus_of: dict[str, int] = {}
        self._folded_goals: list[tuple[str, str]] | None = None

    @property
    def today(self) -> date:
        return self._today()

    def set_top(self, top: TopLevel) -> None:
        """Take a fresh read of the top level; this screen's own changes are in it."""
        self.top = top
        # In place: focus list items hold this very dict, to sum their goals' counts.
        self.goals.clear()
        self.goals.update((goal.number, goal) for goal in top.goals)
        self._folded_goals = None
        self._mine = None  # read again when next needed (or given by `set_mine`)
        self._focus_of = {}
        for index, focus in enumerate(top.focus):
            for number in focus.goals:
                self._focus_of.setdefault(number, index)

    def set_mine(self, mine: MineCounts | None) -> None:
        """Take the user's counts as a worker read them, or None: read when next needed."""
        self._mine = mine
        if mine is not None:
            self._mine_goals.clear()  # in place, as `goals`: focus list items hold it
            self._mine_goals.update(
                (n, goal._replace(progress=mine.of("goal", n))) for n, goal in self.goals.items()
            )

    def mine(self) -> MineCounts:
        """The user's counts, read now if not read since the plan was."""
        if self._mine is None:
            self.set_mine(self._read_mine() if self._read_mine else MineCounts({}, frozenset()))
        return self._mine  # type: ignore[return-value]  # set just above

    def shown_goals(self) -> dict[str, GoalRecord]:
        """The goals with the counts the filter shows: under `MINE`, of the user's only."""
        if self.filter == MINE:
            self.mine()
            return self._mine_goals
        return self.goals

    def shown_initiative(
        self, record: InitiativeRecord, mine: MineCounts | None = None
    ) -> InitiativeRecord:
        """`record` with the counts the filter shows (under `MINE`, from `mine` if given)."""
        if self.filter != MINE:
            return record
        return record._replace(progress=(mine or self.mine()).of("initiative", record.id))

    def _goal_shown(self, goal: GoalRecord) -> bool:
        """Whether the filter shows `goal`, a record of `shown_goals`."""
        own = self.filter == MINE and ("goal", goal.number) in self.mine().own
        return progress_shown(self.filter, goal.progress, own)

    def _initiatives(self, reader: PlanReader, goal_number: str) -> list[InitiativeRecord]:
        """The goal's initiatives the filter shows, with the counts it shows."""
        wanted, read = self.filter, reader.initiatives(goal_number, self.today)
        if wanted != MINE:
            return [i for i in read if progress_shown(wanted, i.progress)]
        mine = reader.mine_counts(self.user, self.today, goal_number)  # a worker's reader
        return [self.shown_initiative(i, mine) for i in read if mine.shown("initiative", i.id)]

    @property
    def title(self) -> str:
        """The plan's name, for the header."""
        if self.top is None:
            return ""
        info = self.top.info
        return clean(f"{info.organisation} · {info.title} ({info.period})")

    def sub_title(self, strings: Strings, search: SearchResult | None) -> str:
        """The filter and the search shown, for the header."""
        parts = []
        if self.filter != "all":
            parts.append(strings("app.filter.label", name=strings(f"app.filter.{self.filter}")))
        if self.initiative is not None:
            parts.append(clean(strings("app.filter.initiative", title=self.initiative.title)))
        if search is not None:
            key = "app.search.more" if search.limited else "app.search.label"
            parts.append(clean(strings(key, text=search.text, count=search.hits)))
        return "  ·  ".join(parts)

    # -- what the tree shows ----------------------------------------------------------------

    def top_items(self) -> list[Item]:
        """The first level: the mandate, then goals and focus lists in plan order."""
        assert self.top is not None
        goals = self.shown_goals()  # read once: a plan may have thousands of goals
        items: list[Item] = [MandateItem()]
        placed: set[int] = set()
        for read in self.top.goals:
            goal = goals[read.number]  # with this screen's own changes counted
            if not self.in_scope(goal.number):
                continue
            index = self._focus_of.get(goal.number)
            if index is None:
                if self._goal_shown(goal):
                    items.append(GoalItem(goal))
            elif index not in placed:
                placed.add(index)
                focus = FocusItem(index, self.top.focus[index], goals)
                numbers = [n for n in focus.goal_numbers if self.in_scope(n)]
                if any(self._goal_shown(goals[n]) for n in numbers):
                    items.append(focus)
        return items

    def children_of(self, reader: PlanReader, item: Item) -> list[Item]:
        """The children of `item` as the filter shows them, read from `reader`.

        Takes the reader as an argument so that a worker thread can call it with its own
        connection; the filter is read once, at the start. Under `MINE` the user's counts
        of the whole plan have been read on the event loop already (`top_items`).
        """
        wanted, today, user = self.filter, self.today, self.user
        children: list[Item] = []
        if isinstance(item, FocusItem):
            for number in item.goal_numbers:
                goal = item.goals[number]  # `shown_goals` when the item was made
                if self.in_scope(number) and self._goal_shown(goal):
                    children.append(GoalItem(goal))
        elif isinstance(item, GoalItem) and self.initiative is not None:
            # Narrowed to one initiative: the goal shows that initiative and nothing else.
            scope = self.initiative.id
            children += [
                InitiativeItem(initiative)
                for initiative in self._initiatives(reader, item.record.number)
                if initiative.id == scope
            ]
        elif isinstance(item, GoalItem):
            goal = item.record
            if wanted == "all" and goal.metric_count:
                children += [
                    MetricItem(metric, goal.number, None, position)
                    for position, metric in enumerate(reader.metrics(goal.number))
                ]
            children += [
                ActivityItem(activity)
                for activity in reader.activities(goal_number=goal.number)
                if activity_shown(wanted, activity, today, user)
            ]
            if goal.initiative_count:
                children += map(InitiativeItem, self._initiatives(reader, goal.number))
        elif isinstance(item, InitiativeItem):
            initiative = item.record
            if wanted == "all" and initiative.metric_count:
                metrics = reader.metrics(initiative.goal_number, initiative.id)
                children += [
                    MetricItem(metric, initiative.goal_number, initiative.id, position)
                    for position, metric in enumerate(metrics)
                ]
            children += [
                ActivityItem(activity)
                for activity in reader.activities(initiative_id=initiative.id)
                if activity_shown(wanted, activity, today, user)
            ]
        return children

    def in_scope(self, goal_number: str) -> bool:
        """Whether the goal is in the tree's scope (all goals, or the initiative's)."""
        return self.initiative is None or self.initiative.goal_number == goal_number

    def shows(self, item: Item) -> bool:
        """Whether the filter lets `item` be in the tree (its lines above it may be closed)."""
        if not self._scope_shows(item):
            return False
        wanted = self.filter
        if isinstance(item, ActivityItem):
            return activity_shown(wanted, item.record, self.today, self.user)
        if isinstance(item, GoalItem):
            goal = self.shown_goals().get(item.record.number)
            return self._goal_shown(goal or self.shown_goal(item.record))
        if isinstance(item, InitiativeItem):
            if wanted == MINE:
                return self.mine().shown("initiative", item.record.id)
            return progress_shown(wanted, item.record.progress)
        if isinstance(item, MetricItem):
            return wanted == "all"
        if isinstance(item, FocusItem):
            goals = self.shown_goals()
            return any(self._goal_shown(goals[n]) for n in item.goal_numbers)
        return True

    def shown_goal(self, goal: GoalRecord) -> GoalRecord:
        """`goal` with the counts the filter shows."""
        if self.filter != MINE:
            return goal
        return goal._replace(progress=self.mine().of("goal", goal.number))

    def _scope_shows(self, item: Item) -> bool:
        scope = self.initiative
        if scope is None:
            return True
        if isinstance(item, ActivityItem):
            return item.record.initiative_id == scope.id
        if isinstance(item, MetricItem):
            return item.initiative_id == scope.id
        if isinstance(item, InitiativeItem):
            return item.record.id == scope.id
        if isinstance(item, GoalItem):
            return item.record.number == scope.goal_number
        if isinstance(item, FocusItem):
            return scope.goal_number in item.goal_numbers
        return True

    def ancestors(self, item: Item) -> list[Key]:
        """The keys of the lines above `item`, top down: what to open to show it."""
        if isinstance(item, ActivityItem | MetricItem):
            if isinstance(item, ActivityItem):
                goal, initiative = item.record.goal_number, item.record.initiative_id
            else:
                goal, initiative = item.goal_number, item.initiative_id
            above = self._above_goal(goal)
            above.append(("goal", goal))
            if initiative is not None:
                above.append(("initiative", initiative))
            return above
        if isinstance(item, InitiativeItem):
            goal = item.record.goal_number
            return [*self._above_goal(goal), ("goal", goal)]
        if isinstance(item, GoalItem):
            return self._above_goal(item.record.number)
        return []

    def _above_goal(self, number: str) -> list[Key]:
        index = self._focus_of.get(number)
        return [("focus", str(index))] if index is not None else []

    def needs_rebuild(self, before: TopLevel | None, shown: list[Key]) -> bool:
        """After a re-read: whether the first level changed, so the tree is built anew.

        Args:
            before: The top level read before this one.
            shown: The keys of the first level as the tree shows it now.
        """
        assert self.top is not None
        same_focus = before is not None and [f.goals for f in self.top.focus] == [
            f.goals for f in before.focus
        ]
        return not same_focus or shown != [item.key for item in self.top_items()]

    # -- one status change --------------------------------------------------------------------

    def account(
        self, before: ActivityRecord, after: ActivityRecord, index: NodeIndex[N]
    ) -> list[Key]:
        """Show one activity's change from `before` to `after` in the items of `index`.

        The counts of its initiative, goal and focus list move by the change itself
        (`Progress.after_change`): nothing is read again. Returns the keys of the lines
        that changed, to repaint.
        """
        today, user = self.today, self.user

        def adjusted(progress: Progress) -> Progress:
            return progress.after_change(before, after, today)

        def adjusted_mine(progress: Progress) -> Progress:
            return progress.after_change_of(before, after, today, user)

        mine = self._mine
        if mine is not None:  # the user's counts move too (read again with the plan)
            for key in (("goal", after.goal_number), ("initiative", after.initiative_id)):
                if key[1] is not None:
                    mine.progress[key] = adjusted_mine(mine.of(*key))  # type: ignore[arg-type]
        changed: list[Key] = []
        activity = index.item(("activity", after.ref))
        if isinstance(activity, ActivityItem):
            activity.record = after
            changed.append(activity.key)
        if after.initiative_id is not None:
            initiative = index.item(("initiative", after.initiative_id))
            if isinstance(initiative, InitiativeItem):
                record = initiative.record
                moved = adjusted_mine if self.filter == MINE else adjusted
                initiative.record = record._replace(progress=moved(record.progress))
                changed.append(initiative.key)
        goal = self.goals.get(after.goal_number)
        if goal is not None:
            changed += self.set_goal(goal._replace(progress=adjusted(goal.progress)), index)
        return changed

    def set_goal(self, goal: GoalRecord, index: NodeIndex[N]) -> list[Key]:
        """Take `goal` as its current record; the keys of the lines that show its counts."""
        self.goals[goal.number] = goal
        if self._mine is not None:
            self._mine_goals[goal.number] = goal._replace(
                progress=self._mine.of("goal", goal.number)
            )
        changed: list[Key] = []
        item = index.item(("goal", goal.number))
        if isinstance(item, GoalItem):
            item.record = self.shown_goal(goal)
            changed.append(item.key)
        focus = self._focus_of.get(goal.number)
        if focus is not None and ("focus", str(focus)) in index:
            changed.append(("focus", str(focus)))
        return changed


def same_keys(shown: Iterable[Item | None], items: Iterable[Item]) -> bool:
    """Whether `shown` (a node's children now) and `items` (read again) are the same lines."""
    return [item.key for item in shown if item is not None] == [item.key for item in items]
