"""The plan screen's actions for the follow-up round: assessing, what is missing, the
period, a metric's outcome and the board report. A base of `PlanScreen`, as
`PlanEditActions` is; each action asks the controller that does the work."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vpl_tui.screens.controllers.plan_followup import PlanFollowup
    from vpl_tui.screens.controllers.plan_outcomes import PlanOutcomes


class PlanRoundActions:
    """The keys `a`, `c`, `[`, `]`, `o` and `p` (bindings: `controllers/plan_keys.py`)."""

    followup: PlanFollowup
    outcomes: PlanOutcomes

    _summary_dir: Callable[[], Path]
    """Where reports are saved (the screen's, from the app's settings)."""

    def action_followup(self) -> None:
        """Open the follow-up view of the goal or initiative under the cursor."""
        self.followup.open_followup()

    def action_completeness(self) -> None:
        """Show what the period's follow-up still lacks."""
        self.followup.open_completeness()

    def action_period(self, step: int) -> None:
        """Switch to the period before (-1) or after (+1)."""
        self.followup.step(step)

    def action_outcome(self) -> None:
        """Enter the outcome of the metric under the cursor for the current period."""
        self.outcomes.enter()

    def action_report(self) -> None:
        """The board report of the current period: a preview, saved in a chosen format."""
        from vpl_tui.screens.report_preview import open_report

        open_report(self, self._summary_dir())  # type: ignore[arg-type]  # a PlanScreen
