"""The command palette (ctrl+p): the app's own commands, going to a goal or an activity, and
narrowing the tree to one initiative.

Hits built from plan text are shown as `plain()` Text: the palette parses a plain string
prompt or help text as markup, so plan text never goes there as a string.
"""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider

from vpl_tui.safetext import clean, normalise
from vpl_tui.screens.controllers.plan_edit_keys import responsible_commands
from vpl_tui.screens.controllers.plan_keys import palette_commands
from vpl_tui.screens.controllers.plan_search import search_plan
from vpl_tui.screens.plan import PlanScreen
from vpl_tui.screens.safe import plain
from vpl_tui.views.plan_items import ActivityItem, GoalItem

MAX_HITS = 20
"""Goals and activities shown per search; type more to narrow."""


class PlanCommands(Provider):
    """Commands of the plan screen, and its goals and activities by title or number."""

    def _plan(self) -> PlanScreen | None:
        screen = self.screen
        return screen if isinstance(screen, PlanScreen) else None

    async def discover(self) -> Hits:
        plan = self._plan()
        if plan is None:
            return
        for command in palette_commands(plan):
            yield DiscoveryHit(
                Text(command.title), command.run, text=command.title, help=command.help
            )

    async def search(self, query: str) -> Hits:
        plan = self._plan()
        if plan is None:
            return
        matcher = self.matcher(query)
        for command in palette_commands(plan):
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(command.title),  # catalog text: no plan text in it
                    command.run,
                    text=command.title,
                    help=command.help,
                )
        strings = plan.strings
        for label, help_text, run in responsible_commands(plan):  # a name is plan text
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, plain(label), run, text=clean(label), help=help_text)
        for goal in plan.view.goals_matching(query, MAX_HITS):
            label = f"{goal.number} {goal.title}"
            yield Hit(
                0.9,
                Text.assemble(plain_prefix(strings("app.kind.goal")), plain(label)),
                partial(plan.jump_to, GoalItem(goal)),
                text=clean(label),
                help=strings("app.palette.goal"),
            )
        if len(normalise(query.strip())) < 2:
            return
        result = await plan.searcher.run(
            search_plan, plan.store.path, query.strip(), MAX_HITS, plan.today
        )
        for initiative_id in result.matched_initiatives:
            initiative = result.initiatives[initiative_id]
            yield Hit(
                0.85,
                Text.assemble(
                    plain_prefix(strings("app.palette.initiative")), plain(initiative.title)
                ),
                partial(plan.set_initiative, initiative),
                text=clean(initiative.title),
                help=strings("app.palette.initiative_help"),
            )
        for activity in result.activities:
            label = f"{activity.ref} {activity.title}"
            yield Hit(
                0.8,
                plain(label),
                partial(plan.jump_to, ActivityItem(activity)),
                text=clean(label),
                help=strings("app.palette.activity", status=strings.status(activity.status)),
            )


def plain_prefix(kind: str) -> Text:
    return Text(f"{kind} ", style="bold")
