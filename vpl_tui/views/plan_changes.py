"""How a plan change is said in one line: by `vpl edit`, `vpl undo` and the app's `u`."""

from __future__ import annotations

from vpl_tui.records import PlanChangeRecord
from vpl_tui.safetext import clean
from vpl_tui.strings import Strings


def shown_value(text: str, width: int = 80) -> str:
    """A value (a title, a date) on one line, cut with an ellipsis past `width`."""
    shown = clean(" ".join(text.split()))
    return shown if len(shown) <= width else shown[: width - 1] + "…"


def field_label(strings: Strings, field: str) -> str:
    """A changed field's name as the history shows it: `Slut`, `Mål 2024` (a metric's target)."""
    if field.startswith("target:"):
        return strings("field.target", year=field.removeprefix("target:"))
    return strings(f"field.{field}")


def change_value(field: str, text: str) -> str:
    """A change's `from` or `to` as shown: a removed activity's title, not all its fields."""
    if field == "removed" and text.startswith("{"):
        import json

        try:
            return str(json.loads(text).get("title", ""))
        except (ValueError, AttributeError):
            return text
    return text


def undone_line(strings: Strings, change: PlanChangeRecord) -> str:
    """What undoing `change` (the undo's own row) did: `ångrade 1.1.1-5: slut … → …`."""
    return strings(
        "plan_edit.undone",
        ref=clean(change.target),
        field=field_label(strings, change.field).lower(),
        before=shown_value(change_value(change.field, change.from_value), 40) or "–",
        after=shown_value(change_value(change.field, change.to_value), 40) or "–",
    )
