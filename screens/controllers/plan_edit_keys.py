"""The plan screen's keys for changing the plan, and the palette's responsible filter.

In English here, like every binding; `keys.localise_bindings` gives them the user's
language from the catalog (`app.key.<id>`, `app.tip.<id>` in `catalog/plan_edit.py`).
They are left out of the footer, which has no room for them: the help (`?`) and the
palette list them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.binding import Binding, BindingType

if TYPE_CHECKING:
    from vpl_tui.screens.controllers.plan_edits import PlanEdits
    from vpl_tui.screens.plan import PlanScreen

PLAN_EDIT_BINDINGS: list[BindingType] = [
    Binding(
        "plus",
        "add_activity",
        "New activity",
        show=False,
        tooltip="Add an activity under the goal or initiative",
        id="add-activity",
    ),
    Binding(
        "M",
        "add_metric",
        "New metric",
        show=False,
        tooltip="Add a metric under the goal or initiative",
        id="add-metric",
    ),
    Binding(
        "e",
        "edit",
        "Edit",
        show=False,
        tooltip="Change the activity, or the goal's or initiative's texts",
        id="edit",
    ),
    Binding(
        "m",
        "move",
        "Move",
        show=False,
        tooltip="Move the activity to another goal or initiative",
        id="move",
    ),
    Binding(
        "x",
        "cancel_activity",
        "Cancel activity",
        show=False,
        tooltip="Cancel the activity: it stays in the plan, with its history",
        id="cancel-activity",
    ),
    Binding(
        "R",
        "responsible_filter",
        "Mine",
        show=False,
        tooltip="Straight to the filter mine (also in f's cycle); again: all",
        id="responsible-filter",
    ),
]
PLAN_EDIT_IDS = ("add-activity", "edit", "move", "cancel-activity", "responsible-filter")
"""Their ids, in the help's order. `add-metric` (`M`) is in the palette, not in the help,
which has no line to spare: one more would push the filter key off both of its pages."""
PLAN_EDIT_COMMANDS = ("add-activity", "add-metric", *PLAN_EDIT_IDS[1:])
"""Their ids, in the palette's order."""


class PlanEditActions:
    """The actions of these keys, a base of `PlanScreen`: each asks its `PlanEdits`."""

    plan_edits: PlanEdits

    def action_add_activity(self) -> None:
        """Add an activity under the goal or initiative under the cursor."""
        self.plan_edits.add_at_cursor()

    def action_add_metric(self) -> None:
        """Add a metric under the goal or initiative under the cursor."""
        self.plan_edits.metrics.add_at_cursor()

    def action_edit(self) -> None:
        """Edit the activity, or the goal's or initiative's texts."""
        self.plan_edits.edit_at_cursor()

    def action_move(self) -> None:
        """Move the activity to another goal or initiative."""
        self.plan_edits.move_at_cursor()

    def action_cancel_activity(self) -> None:
        """Cancel the activity, once confirmed."""
        self.plan_edits.cancel_at_cursor()

    def action_responsible_filter(self) -> None:
        """Straight to the filter "mina" (also in `f`'s cycle); again: all."""
        self.plan_edits.toggle_mine()


def responsible_commands(screen: PlanScreen) -> list[tuple[str, str, Callable[[], object]]]:
    """One palette command per name an activity gives as responsible: show theirs.

    (label, help, run); the label holds plan text (the name), for `plain()`.
    """
    s = screen.strings
    return [
        (s("app.responsible.command", name=name), s("app.responsible.help"), _show(screen, name))
        for name in screen.store.responsibles()
    ]


def _show(screen: PlanScreen, name: str) -> Callable[[], object]:
    return lambda: screen.plan_edits.show_responsible(name)
