"""What the plan tree shows: the top level, a node's children under the filter, the way to an item.

The plan screen keeps one `PlanView`: the top level as last read (with the screen's own
status changes counted in), the filter, and the rules for what a filter shows, which are
`vpl_tui.rules.progress`'s (`activity_shown`, `progress_shown`): a goal or initiative is shown
exactly when something under it is. A status change moves the counts by
`Progress.after_change`, so the screen shows it without reading the plan again.

The tree's nodes are found by the key of their item in a `NodeIndex` (`node_index`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Protocol

from vpl_tui.records import ActivityRecord, GoalRecord, InitiativeRecord, MetricRecord
from vpl_tui.rules.progress import Filter, Progress, activity_shown, progress_shown
from vpl_tui.safetext import clean, normalise
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


class PlanReader(Protocol):
    """The reads a node's children come from (`vpl_tui.db.store.Store` has them)."""

    def metrics(self, goal_number: str, initiative_id: str | None = None) -> list[MetricRecord]: ...

    def activities(
        self, goal_number: str | None = None, initiative_id: str | None = None
    ) -> list[ActivityRecord]: ...

    def initiatives(
        self, goal_number: str, today: date | None = None
    ) -> list[InitiativeRecord]: ...


class PlanView:
    """The plan as the tree shows it: the top level, the filter, and the counts."""

    def __init__(self, today: Callable[[], date]) -> None:
        """
        Args:
            today: The day that decides what is overdue (read each time it is needed).
        """
        self._today = today
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
        self._focus_of = {}
        for index, focus in enumerate(top.focus):
            for number in focus.goals:
                self._focus_of.setdefault(number, index)

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
        wanted = self.filter  # read once: a plan may have thousands of goals
        items: list[Item] = [MandateItem()]
        placed: set[int] = set()
        for read in self.top.goals:
            goal = self.goals[read.number]  # with this screen's own changes counted
            if not self.in_scope(goal.number):
                continue
            index = self._focus_of.get(goal.number)
            if index is None:
                if progress_shown(wanted, goal.progress):
                    items.append(GoalItem(goal))
            elif index not in placed:
                placed.add(index)
                focus = FocusItem(index, self.top.focus[index], self.goals)
                numbers = [n for n in focus.goal_numbers if self.in_scope(n)]
                if any(progress_shown(wanted, self.goals[n].progress) for n in numbers):
                    items.append(focus)
        return items

    def children_of(self, reader: PlanReader, item: Item) -> list[Item]:
        """The children of `item` as the filter shows them, read from `reader`.

        Takes the reader as an argument so that a worker thread can call it with its own
        connection; the filter is read once, at the start.
        """
        wanted, today = self.filter, self.today
        children: list[Item] = []
        if isinstance(item, FocusItem):
            for number in item.goal_numbers:
                goal = self.goals[number]
                if self.in_scope(number) and progress_shown(wanted, goal.progress):
                    children.append(GoalItem(goal))
        elif isinstance(item, GoalItem) and self.initiative is not None:
            # Narrowed to one initiative: the goal shows that initiative and nothing else.
            scope = self.initiative.id
            children += [
                InitiativeItem(initiative)
                for initiative in reader.initiatives(item.record.number, today)
                if initiative.id == scope and progress_shown(wanted, initiative.progress)
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
                if activity_shown(wanted, activity, today)
            ]
            if goal.initiative_count:
                children += [
                    InitiativeItem(initiative)
                    for initiative in reader.initiatives(goal.number, today)
                    if progress_shown(wanted, initiative.progress)
                ]
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
                if activity_shown(wanted, activity, today)
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
            return activity_shown(wanted, item.record, self.today)
        if isinstance(item, GoalItem):
            goal = self.goals.get(item.record.number, item.record)
            return progress_shown(wanted, goal.progress)
        if isinstance(item, InitiativeItem):
            return progress_shown(wanted, item.record.progress)
        if isinstance(item, MetricItem):
            return wanted == "all"
        if isinstance(item, FocusItem):
            return any(progress_shown(wanted, self.goals[n].progress) for n in item.goal_numbers)
        return True

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
        today = self.today

        def adjusted(progress: Progress) -> Progress:
            return progress.after_change(before, after, today)

        changed: list[Key] = []
        activity = index.item(("activity", after.ref))
        if isinstance(activity, ActivityItem):
            activity.record = after
            changed.append(activity.key)
        if after.initiative_id is not None:
            initiative = index.item(("initiative", after.initiative_id))
            if isinstance(initiative, InitiativeItem):
                record = initiative.record
                initiative.record = record._replace(progress=adjusted(record.progress))
                changed.append(initiative.key)
        goal = self.goals.get(after.goal_number)
        if goal is not None:
            changed += self.set_goal(goal._replace(progress=adjusted(goal.progress)), index)
        return changed

    def set_goal(self, goal: GoalRecord, index: NodeIndex[N]) -> list[Key]:
        """Take `goal` as its current record; the keys of the lines that show its counts."""
        self.goals[goal.number] = goal
        changed: list[Key] = []
        item = index.item(("goal", goal.number))
        if isinstance(item, GoalItem):
            item.record = goal
            changed.append(item.key)
        focus = self._focus_of.get(goal.number)
        if focus is not None and ("focus", str(focus)) in index:
            changed.append(("focus", str(focus)))
        return changed

    # -- search -----------------------------------------------------------------------------

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

    def search_outline(self, result: SearchResult) -> list[tuple[Key | None, Item]]:
        """The narrowed tree of a search: each item with the key of its parent, in order.

        A goal is shown when something under it matches (an activity the filter shows, an
        initiative or a metric), or, with no filter, when its own number or title matches.
        Initiatives and metrics matched by their own name show with no filter only, as
        goals do. The goals and initiatives shown come open, with only their matches under
        them; an initiative matched by its title alone comes closed, to be opened in full.
        """
        titled = {goal.number for goal in self.goals_matching(result.text)}
        wanted, today = self.filter, self.today
        everything = wanted == "all"
        by_goal: dict[str, list[ActivityRecord]] = {}
        for activity in result.activities:
            if activity_shown(wanted, activity, today):
                by_goal.setdefault(activity.goal_number, []).append(activity)
        metrics: dict[tuple[str, str | None], list[MetricItem]] = {}
        named: dict[str, list[str]] = {}  # goal number: initiatives matched by title
        if everything:
            for hit in result.metrics:
                item = MetricItem(hit.record, hit.goal_number, hit.initiative_id, hit.position)
                metrics.setdefault((hit.goal_number, hit.initiative_id), []).append(item)
            for initiative_id in result.matched_initiatives:
                record = result.initiatives.get(initiative_id)
                if record is not None:
                    named.setdefault(record.goal_number, []).append(initiative_id)
        outline: list[tuple[Key | None, Item]] = []
        for goal in self.goals.values():
            number = goal.number
            found = by_goal.get(number, [])
            under = found or named.get(number) or any(key[0] == number for key in metrics)
            if not under and not (number in titled and everything):
                continue
            outline += _goal_matches(goal, found, metrics, named.get(number, []), result)
        return outline


def _goal_matches(
    goal: GoalRecord,
    found: list[ActivityRecord],
    metrics: dict[tuple[str, str | None], list[MetricItem]],
    named: list[str],
    result: SearchResult,
) -> list[tuple[Key | None, Item]]:
    """One goal of a search's narrowed tree: its matched metrics, activities, initiatives."""
    number = goal.number
    goal_item = GoalItem(goal, loaded=True)
    outline: list[tuple[Key | None, Item]] = [(None, goal_item)]
    outline += [(goal_item.key, item) for item in metrics.get((number, None), [])]
    placed: set[str] = set()

    def place(initiative_id: str, *, whole: bool = False) -> Key:
        key: Key = ("initiative", initiative_id)
        if initiative_id not in placed:
            placed.add(initiative_id)
            record = result.initiatives[initiative_id]
            outline.append((goal_item.key, InitiativeItem(record, loaded=not whole)))
            outline.extend((key, item) for item in metrics.get((number, initiative_id), []))
        return key

    for activity in found:
        parent = goal_item.key
        if activity.initiative_id is not None:
            parent = place(activity.initiative_id)
        outline.append((parent, ActivityItem(activity)))
    for goal_number, initiative_id in metrics:
        if goal_number == number and initiative_id is not None:
            place(initiative_id)
    for initiative_id in named:
        place(initiative_id, whole=initiative_id not in placed)
    return outline


def same_keys(shown: Iterable[Item | None], items: Iterable[Item]) -> bool:
    """Whether `shown` (a node's children now) and `items` (read again) are the same lines."""
    return [item.key for item in shown if item is not None] == [item.key for item in items]
