"""What the detail pane says of the plan's own changes: who is responsible, where an activity
was carried from, and the history of its plan changes under its status history.

Every value comes from the plan (a title, a name) and goes through `plain()`.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from vpl_tui.records import ActivityRecord, PlanChangeRecord
from vpl_tui.screens.safe import plain
from vpl_tui.strings import Strings
from vpl_tui.views.plan_changes import change_value, field_label

VALUE_SHOWN = 60
"""A changed value (a title) is cut to this in the pane; `vpl export` has it whole."""


def activity_facts(strings: Strings, activity: ActivityRecord) -> list[tuple[str, Text]]:
    """The activity's responsible and where it was carried from, when it has them."""
    facts = []
    if activity.responsible:
        facts.append((strings("field.responsible"), plain(activity.responsible)))
    if activity.carried_from:
        facts.append((strings("field.carried_from"), plain(activity.carried_from)))
    return facts


def _value(text: str) -> Text:
    one = " ".join(text.split())
    shown = one if len(one) <= VALUE_SHOWN else one[: VALUE_SHOWN - 1] + "…"
    return plain(shown) if shown else Text("–")


def plan_change_lines(
    strings: Strings, changes: Sequence[PlanChangeRecord], shown: int
) -> list[Text]:
    """The plan changes, newest first, as lines for the pane (none: no lines at all)."""
    if not changes:
        return []
    s = strings
    lines = [Text(""), Text(s("app.plan_changes"), style="bold")]
    for change in reversed(changes[-shown:]):
        lines.append(
            Text.assemble(
                (change.at.astimezone().strftime("%Y-%m-%d %H:%M"), "bold"),
                "  ",
                plain(change.user),
            )
        )
        line = Text(f"  {field_label(s, change.field)}: ")
        if change.field in ("added", "removed"):
            value = change_value(change.field, change.to_value or change.from_value)
            line.append_text(_value(value))
        else:
            line.append_text(
                Text.assemble(_value(change.from_value), " → ", _value(change.to_value))
            )
        if change.undo_of is not None:
            line.append(f" ({s('app.history.undo')})", style="italic")
        lines.append(line)
    if len(changes) > shown:
        lines.append(plain(s("app.plan_changes.older"), "italic"))
    return lines
