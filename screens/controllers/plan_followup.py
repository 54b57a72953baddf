"""The follow-up round on the plan screen: the period in the header, the badges, keys a c [ ].

The app holds the current period (`VplApp.period_id`); this follows it: the header names
it, and the tree's goals and initiatives show their assessment for it as a badge. The
badges are one grouped, indexed query (`Store.assessment_as_of`) on the event loop, read
again when the period changes, when a follow-up view saves, and when another process has
written (the screen's poll; `PRAGMA data_version` costs no file read).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vpl_tui.errors import VplError
from vpl_tui.rules.assessments import DEFAULT_SCALE, Assessment
from vpl_tui.safetext import one_line
from vpl_tui.views.followup import badge, badges, period_header, step_period
from vpl_tui.views.plan_items import GoalItem, InitiativeItem, Item

if TYPE_CHECKING:
    from vpl_tui.rules.periods import Period
    from vpl_tui.screens.app import VplApp
    from vpl_tui.screens.plan import PlanScreen


class PlanFollowup:
    """The follow-up keys and badges of one plan screen."""

    def __init__(self, screen: PlanScreen) -> None:
        self.screen = screen
        self._seen_version: int | None = None
        self._scale = DEFAULT_SCALE

    @property
    def app(self) -> VplApp:
        return self.screen.app  # type: ignore[return-value]

    def period(self) -> Period | None:
        current = getattr(self.app, "current_period", None)
        return current() if current is not None else None

    def start(self) -> None:
        """Follow the app's period from now on (and show the one there is)."""
        self.screen.watch(self.app, "period_id", self.period_changed, init=True)

    def header(self) -> str:
        """The period for the header's sub-title."""
        return period_header(self.period(), self.screen.strings)

    def period_changed(self, _period_id: str | None = None) -> None:
        self.read_badges()
        self.screen.show_sub_title()

    def check(self) -> None:
        """The screen's poll: read the badges again if another process has committed."""
        if self.screen.store.data_version() != self._seen_version:
            self.read_badges()

    def read_badges(self) -> None:
        """The current period's assessments as the tree's badges, and repaint them."""
        screen, tree = self.screen, self.screen.tree
        period = self.period()
        try:
            self._seen_version = screen.store.data_version()
            scale = self._scale = screen.store.scale()
            found = screen.store.assessment_as_of(period.id) if period is not None else {}
        except VplError:
            return  # an older or empty database: no follow-up to show
        lang = screen.strings.lang
        tree.badges = badges(scale, found, lang)
        tree.badge_width = max((len(b.text) for b in tree.badges.values()), default=0)
        self._repaint()

    def saved(self, target: str, assessment: Assessment) -> None:
        """A follow-up view saved `assessment` of `target`: its badge shows it at once."""
        screen, tree = self.screen, self.screen.tree
        shown = dict(tree.badges)
        found = badge(self._scale, assessment, screen.strings.lang)
        if found is None:
            shown.pop(target, None)
        else:
            shown[target] = found
        tree.badges = shown
        width = max((len(b.text) for b in shown.values()), default=0)
        # The write was another connection's: it is no news to this screen.
        self._seen_version = screen.store.data_version()
        screen.outside.seen_version = self._seen_version
        if width != tree.badge_width:  # every badge moves: repaint them all
            tree.badge_width = width
            self._repaint()
            return
        for key in (("goal", target), ("initiative", target)):
            node = tree.index.get(key)
            if node is not None:
                tree.refresh_item(node)

    def _repaint(self) -> None:
        tree = self.screen.tree
        for node in tree.index.nodes():
            if isinstance(node.data, GoalItem | InitiativeItem):
                tree.refresh_item(node)

    # -- keys -------------------------------------------------------------------------------

    def step(self, step: int) -> None:
        """Keys `[` and `]`: the period before or after the current one."""
        s = self.screen.strings
        periods = self.screen.store.periods()
        current = self.period()
        found = step_period(periods, current.id if current else None, step)
        if found is None:
            if current is None:
                self._notify(s("app.period.none"), "warning")
            else:
                key = "app.period.first" if step < 0 else "app.period.last"
                self._notify(s(key, name=one_line(current.name)), "information")
            return
        self.app.period_id = found.id
        self._notify(s("app.period.switched", name=period_header(found, s)), "information")

    def open_followup(self) -> None:
        """Key `a`: the follow-up view of the goal or initiative under the cursor."""
        from vpl_tui.screens.followup import FollowupScreen

        screen = self.screen
        item = screen.cursor_item()
        period = self.period()
        if not isinstance(item, GoalItem | InitiativeItem):
            self._notify(screen.strings("app.followup.select_target"), "warning")
            return
        if period is None:
            self._notify(screen.strings("app.period.none"), "warning")
            return
        target = item.record.number if isinstance(item, GoalItem) else item.record.id
        kind = "goal" if isinstance(item, GoalItem) else "initiative"
        followup = FollowupScreen.for_target(
            screen.store, screen.strings, period, target, kind, item.record.title, screen.today
        )
        followup.on_saved = self.saved
        self.app.push_screen(followup)

    def open_completeness(self) -> None:
        """Key `c`: what the period's follow-up still lacks; Enter goes to the line."""
        from vpl_tui.screens.followup_round import CompletenessScreen

        screen = self.screen
        period = self.period()
        if period is None:
            self._notify(screen.strings("app.period.none"), "warning")
            return

        def chosen(picked: tuple[str, str, str] | None) -> None:
            if picked is not None:
                self.go_to(*picked)

        completeness = CompletenessScreen(screen.store.path, screen.strings, period, screen.today)
        self.app.push_screen(completeness, chosen)

    def go_to(self, kind: str, target: str, goal: str) -> None:
        """Put the cursor on a goal or an initiative, opening what is above it."""
        screen = self.screen
        item: Item | None = None
        if kind == "metric":  # one without an outcome: screens/controllers/plan_outcomes.py
            screen.outcomes.go_to(target)
            return
        if kind == "goal":
            record = screen.view.goals.get(target)
            item = GoalItem(record) if record is not None else None
        else:
            found = [i for i in screen.store.initiatives(goal, screen.today) if i.id == target]
            item = InitiativeItem(found[0]) if found else None
        if item is not None:
            screen.jump_to(item)

    def _notify(self, message: str, severity: str) -> None:
        self.app.notify(message, severity=severity, markup=False, timeout=3)  # type: ignore[arg-type]
