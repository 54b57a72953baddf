"""What the plan tree shows of a search: the goals that match, and the narrowed tree.

A part of `vpl_tui.views.plan_tree.PlanView` (its base): the search under the filter, by
the same rules (`vpl_tui.rules.progress.activity_shown`).
"""

from __future__ import annotations

from datetime import date

from vpl_tui.records import ActivityRecord, GoalRecord, InitiativeRecord
from vpl_tui.rules.progress import MINE, Filter, activity_shown
from vpl_tui.safetext import normalise
from vpl_tui.views.plan_items import (
    ActivityItem,
    GoalItem,
    InitiativeItem,
    Item,
    Key,
    MetricItem,
    SearchResult,
)


class PlanSearchView:
    """The search part of the plan's view-model (`PlanView` has the state it reads)."""

    filter: Filter
    user: str
    goals: dict[str, GoalRecord]
    _folded_goals: list[tuple[str, str]] | None

    @property
    def today(self) -> date:
        raise NotImplementedError

    def shown_goals(self) -> dict[str, GoalRecord]:
        """The goals with the counts the filter shows (`PlanView.shown_goals`)."""
        raise NotImplementedError

    def shown_initiative(self, record: InitiativeRecord) -> InitiativeRecord:
        """The initiative with the counts the filter shows (`PlanView.shown_initiative`)."""
        raise NotImplementedError

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
        wanted, today, user = self.filter, self.today, self.user
        everything = wanted == "all"
        by_goal: dict[str, list[ActivityRecord]] = {}
        for activity in result.activities:
            if activity_shown(wanted, activity, today, user):
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
        initiatives = result.initiatives
        if wanted == MINE:  # their counts are of the user's activities
            initiatives = {key: self.shown_initiative(i) for key, i in initiatives.items()}
        outline: list[tuple[Key | None, Item]] = []
        for goal in self.shown_goals().values():
            number = goal.number
            found = by_goal.get(number, [])
            under = found or named.get(number) or any(key[0] == number for key in metrics)
            if not under and not (number in titled and everything):
                continue
            outline += _goal_matches(goal, found, metrics, named.get(number, []), initiatives)
        return outline


def _goal_matches(
    goal: GoalRecord,
    found: list[ActivityRecord],
    metrics: dict[tuple[str, str | None], list[MetricItem]],
    named: list[str],
    initiatives: dict[str, InitiativeRecord],
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
            record = initiatives[initiative_id]
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
