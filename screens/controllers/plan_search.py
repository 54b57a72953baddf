"""Search as you type on the plan screen (key `/`): the tree narrows to the matches.

Each keystroke starts a search in a worker (`search_plan`, one at a time); when it is
back and still what the field says, the tree shows only the goals, initiatives, metrics
and activities that match (`PlanView.search_outline`), and after them the budget lines
that do (`views/budget_hits.py`: a hit's figures show in the detail pane). Enter goes to the
first match; escape gives the whole plan back, open as it was, with the cursor on the
match it was on.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from textual.widgets import Input
from textual.worker import WorkerState

from vpl_tui.db.store import Store
from vpl_tui.records import InitiativeRecord, MetricRecord
from vpl_tui.safetext import clean
from vpl_tui.strings import Strings
from vpl_tui.views.budget_hits import BudgetLineItem, budget_matches
from vpl_tui.views.plan_items import (
    ActivityItem,
    Item,
    Key,
    MetricHit,
    MetricItem,
    SearchResult,
)

if TYPE_CHECKING:
    from vpl_tui.screens.plan import PlanScreen


def search_plan(
    path: Path, text: str, limit: int, today: date, strings: Strings | None = None
) -> SearchResult:
    """In a worker: the activities, initiatives, metrics and budget lines matching `text`
    (at most `limit` activities, and `limit` of the others), on a connection of its own.

    `strings`: the interface's, which names the budget's fixed lines (`Nettokostnader`);
    without it, no budget line is looked for."""
    with Store.open(path) as store:
        budget = (
            [] if strings is None else budget_matches(store.budget_lines(), text, strings, limit)
        )
        found = store.search(text, limit + 1)
        owners = store.search_owners(text, limit)
        goals = dict.fromkeys(
            [a.goal_number for a in found[:limit] if a.initiative_id]
            + [goal for _, goal, initiative, _ in owners if initiative is not None]
        )
        initiatives: dict[str, InitiativeRecord] = {}
        for goal_number in goals:
            initiatives.update({i.id: i for i in store.initiatives(goal_number, today)})
        metrics: list[MetricHit] = []
        read: dict[tuple[str, str | None], list[MetricRecord]] = {}
        for kind, goal_number, initiative_id, place in owners:
            if kind == "metric":
                owner = (goal_number, initiative_id)
                if owner not in read:
                    read[owner] = store.metrics(goal_number, initiative_id)
                if place < len(read[owner]):
                    metrics.append(MetricHit(goal_number, initiative_id, place, read[owner][place]))
    return SearchResult(
        text,
        found[:limit],
        initiatives,
        limited=len(found) > limit,
        matched_initiatives=[i for kind, _, i, _ in owners if kind == "initiative" and i],
        metrics=metrics,
        budget=list(budget),
    )


class PlanSearch:
    """The search field of one plan screen and what it has found."""

    def __init__(self, screen: PlanScreen) -> None:
        self.screen = screen
        self.active = False
        """The search field is open (the tree shows matches, or will)."""
        self.result: SearchResult | None = None
        """The matches shown, or None before the first comes back."""
        self._jump_when_found = False
        self._open_before: set[Key] = set()

    @property
    def field(self) -> Input:
        return self.screen.query_one("#search", Input)

    def open(self) -> None:
        """Show the search field and put the focus in it; in the field, `/` is a letter.

        `/` is a priority key (see `PlanScreen.BINDINGS`): it opens the field as soon as
        it is read, so the letters typed right after it go into the field.
        """
        field = self.field
        if self.active and self.screen.focused is field:
            field.insert_text_at_cursor("/")
            return
        if not self.active:
            self._open_before = self.screen.tree.index.open_keys()
            self.active = True
        field.display = True
        # At once, not with `focus()`, which waits for the keys already sent: the letters
        # typed right after `/` go into the field, not to the tree's keys (`u` undoes).
        self.screen.set_focus(field)

    def changed(self, text: str) -> None:
        """The field now says `text`: search for it, or show the whole plan if it is empty."""
        screen = self.screen
        if text:
            screen.sub_title = clean(screen.strings("app.search.busy", text=text))
            screen.search_for(text)
        elif self.result is not None:
            self.result = None
            screen.outline.build(self._open_before, screen.cursor_item())
            screen.show_sub_title()

    def submitted(self) -> None:
        """Enter in the field: to the first match, now or as soon as it is found.

        The focus goes to the tree at once (`set_focus`, not `focus()`, which waits for
        the keys already sent): the keys typed right after Enter move in the tree and
        change statuses, they do not go on into the field.
        """
        self.screen.set_focus(self.screen.tree)
        if any(
            worker.group == "search" and worker.state in (WorkerState.PENDING, WorkerState.RUNNING)
            for worker in self.screen.workers
        ):
            self._jump_when_found = True
        else:
            self.jump_to_first_match()

    def found(self, result: SearchResult) -> None:
        """A worker's matches: shown if they are for what the field says now."""
        if not self.active or result.text != self.field.value.strip():
            return  # an older search, or the search was closed meanwhile
        self.result = result
        self.show(result)
        if self._jump_when_found:
            self._jump_when_found = False
            self.jump_to_first_match()

    def show(self, result: SearchResult) -> None:
        """Narrow the tree to the goals, initiatives and activities that match."""
        screen = self.screen
        tree = screen.tree
        cursor = screen.cursor_item()  # kept when a re-read shows the same matches again
        tree.clear()
        for parent_key, item in screen.view.search_outline(result):
            parent = tree.root if parent_key is None else tree.index.get(parent_key)
            if parent is None:
                continue
            (node,) = tree.add_items(parent, [item])
            if not isinstance(item, ActivityItem | MetricItem) and item.loaded:
                node.expand()
        if screen.view.filter == "all" and screen.view.initiative is None:
            # Budget lines belong to no goal: after them, as the whole plan has the budget
            # after its goals. A filter or an initiative narrowed to leaves them out.
            tree.add_items(tree.root, [i for i in result.budget if isinstance(i, BudgetLineItem)])
        screen.show_sub_title()
        if cursor is not None and (node := tree.index.get(cursor.key)) is not None:
            tree.move_cursor_to(node)
        elif tree.root.children:
            tree.move_cursor_to(tree.root.children[0])
        else:
            # Nothing found: the pane must not go on showing what was under the cursor.
            screen.plan_detail.shown = None
            screen.detail.show_nothing(
                clean(screen.strings("app.search.no_hits", text=result.text))
            )
            return
        screen.plan_detail.show()

    def jump_to_first_match(self) -> None:
        tree = self.screen.tree
        first = tree.index.first("activity")
        if first is None and tree.root.children:
            first = tree.root.children[0]
        if first is not None:
            tree.move_cursor_to(first)
            self.screen.plan_detail.show()
        self.screen.set_focus(tree)

    def end(self, cursor: Item | None) -> None:
        """Close the search: the whole plan again, open as before, the cursor on `cursor`."""
        screen = self.screen
        field = self.field
        self.active = False
        self.result = None
        self._jump_when_found = False
        with field.prevent(Input.Changed):
            field.value = ""
        field.display = False
        screen.outline.build(self._open_before, cursor)
        screen.tree.focus()
        screen.show_sub_title()
        screen.plan_detail.show()
