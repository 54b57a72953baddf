"""The items of the plan tree, and the reads the plan screen shows them from.

Each line of the tree shows one `Item`: the record it stands for, and whether its
children have been added. Items are plain data; the tree widget draws a line from its
item each time it paints, so changing an item's record and repainting the line is how a
status change shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from vpl_tui.records import (
    ActivityRecord,
    FocusRecord,
    GoalRecord,
    InitiativeRecord,
    MetricRecord,
    PlanRecord,
)
from vpl_tui.rules.progress import Progress, total_progress

if TYPE_CHECKING:  # the judging rules are not needed to start the app
    from vpl_tui.rules.outcomes import MetricLine

Key = tuple[str, ...]
"""Identifies a line across rebuilds: ("goal", "1.1.4"), ("activity", "1.1.1-2")..."""


@dataclass(eq=False)
class Item:
    """What a tree line shows. `loaded` is set once its children have been added."""

    loaded: bool = field(default=False, kw_only=True)

    @property
    def key(self) -> Key:
        raise NotImplementedError

    @property
    def expandable(self) -> bool:
        return False

    @property
    def most_children(self) -> int:
        """At most how many lines opening it adds (what reading them may cost)."""
        return 0


@dataclass(eq=False)
class MandateItem(Item):
    """Section 1.1 Uppdrag (a leaf: its text is in the detail pane)."""

    @property
    def key(self) -> Key:
        return ("mandate",)


@dataclass(eq=False)
class FocusItem(Item):
    """A focus list grouping goals; `goals` is the view's map of goal records by number."""

    index: int
    focus: FocusRecord
    goals: dict[str, GoalRecord]

    @property
    def key(self) -> Key:
        return ("focus", str(self.index))

    @property
    def goal_numbers(self) -> list[str]:
        return [number for number in self.focus.goals if number in self.goals]

    @property
    def expandable(self) -> bool:
        return bool(self.goal_numbers)

    @property
    def progress(self) -> Progress:
        return total_progress(self.goals[number].progress for number in self.goal_numbers)


@dataclass(eq=False)
class GoalItem(Item):
    record: GoalRecord

    @property
    def key(self) -> Key:
        return ("goal", self.record.number)

    @property
    def expandable(self) -> bool:
        return bool(self.most_children)

    @property
    def most_children(self) -> int:
        # Every activity under the goal counts, its initiatives' too: an upper bound.
        r = self.record
        return r.progress.total + r.initiative_count + r.metric_count


@dataclass(eq=False)
class InitiativeItem(Item):
    record: InitiativeRecord

    @property
    def key(self) -> Key:
        return ("initiative", self.record.id)

    @property
    def expandable(self) -> bool:
        return bool(self.most_children)

    @property
    def most_children(self) -> int:
        return self.record.progress.total + self.record.metric_count


@dataclass(eq=False)
class MetricItem(Item):
    metric: MetricRecord
    goal_number: str
    initiative_id: str | None
    position: int
    line: MetricLine | None = field(default=None, kw_only=True)
    """Its outcome, target and judgement for the app's period, once read (the tree's line)."""

    @property
    def key(self) -> Key:
        return ("metric", self.goal_number, self.initiative_id or "", str(self.position))


@dataclass(eq=False)
class ActivityItem(Item):
    record: ActivityRecord

    @property
    def key(self) -> Key:
        return ("activity", self.record.ref)


@dataclass(frozen=True)
class TopLevel:
    """What the first screen needs: the plan, its mandate, focus lists and goals."""

    info: PlanRecord
    mandate: dict[str, str]
    """The mandate's texts by part, in plan order."""
    focus: list[FocusRecord]
    goals: list[GoalRecord]


class MetricHit(NamedTuple):
    """A metric whose name matches a search: where it is, and what it says."""

    goal_number: str
    initiative_id: str | None
    position: int
    """Its place among its goal's or initiative's metrics (`MetricItem.position`)."""
    record: MetricRecord


@dataclass(frozen=True)
class SearchResult:
    """What matches a search: activities, initiatives and metrics, with the initiatives
    they sit under (goals are matched by the view, which has them all)."""

    text: str
    activities: list[ActivityRecord]
    initiatives: dict[str, InitiativeRecord]
    """The initiatives of the goals with a match, by id (the matched ones among them)."""
    limited: bool
    """True when there were more matches than were asked for."""
    matched_initiatives: list[str] = field(default_factory=list)
    """The ids of the initiatives whose own title matches, in plan order."""
    metrics: list[MetricHit] = field(default_factory=list)
    budget: list[Item] = field(default_factory=list)
    """The budget lines that match (`views/budget_hits.py`), in budget order."""

    @property
    def hits(self) -> int:
        """How many lines match (the goals the view matches not counted)."""
        found = len(self.activities) + len(self.matched_initiatives) + len(self.metrics)
        return found + len(self.budget)
