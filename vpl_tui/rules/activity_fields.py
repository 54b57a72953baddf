"""An activity's fields as the plan file allows them, checked without pydantic.

One rule, one place: the plan file's models take their limits and the end-before-start
rule from here (`vpl_tui.model.Activity`, `Name`, `Responsible`, `ActivityKind`), and
`vpl edit`, `vpl add`, `vpl move`, `vpl cancel` and the app's activity form check their
values here, so that those commands import neither pydantic nor sqlite-utils and a value
is refused in the same words as a plan file refuses it (tests/test_plan_edit_rules.py
holds the two to the same messages, in Swedish and English).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from vpl_tui.errors import VplError
from vpl_tui.safetext import clean

MAX_NAME = 10_000
"""The longest title (a name: an activity's, a goal's, a metric's) a plan file holds."""
MAX_RESPONSIBLE = 200
"""The longest responsible (ansvarig: a person or a unit) a plan file holds."""
KINDS = ("activity", "investigation")
"""An activity's kinds: `investigation` is an utredningsuppdrag."""
ACTIVITY_FIELDS = ("title", "kind", "start", "end", "responsible")
"""The fields of an activity that `vpl edit` and the app's form change."""

_ISO_DAY = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def as_day(value: object) -> object:
    """A date written `YYYY-MM-DD` as the date it names; anything else as it is (refused)."""
    if isinstance(value, str) and _ISO_DAY.match(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return value  # 2023-02-30: refused with the plan file's message
    return value


def got_shown(value: object) -> str:
    """The value refused, as an error shows it: its repr, short (`(fick '1/3')`)."""
    text = repr(value)
    return clean(text[:57] + "..." if len(text) > 60 else text)


def shorten(text: str, width: int) -> str:
    """`text` cut to `width` characters with an ellipsis, so an error stays one short line."""
    return text if len(text) <= width else text[: width - 1] + "…"


def before_start(start: date, end: date) -> VplError | None:
    """The plan file's rule: an activity does not end before it starts."""
    return VplError("plan.before_start", end=end, start=start) if end < start else None


def _plural(count: int) -> str:
    return "character" if count == 1 else "characters"


def _length(value: str, least: int, most: int) -> VplError | None:
    """The plan file's words for a text too short or too long (pydantic's, translated)."""
    if len(value) < least:
        reason = VplError(
            "plan.pydantic.string_too_short",
            said=f"string should have at least {least} {_plural(least)}",
            min_length=str(least),
        )
    elif len(value) > most:
        reason = VplError(
            "plan.pydantic.string_too_long",
            said=f"string should have at most {most} {_plural(most)}",
            max_length=str(most),
        )
    else:
        return None
    return VplError("plan.got", reason=reason, got=got_shown(value))


def _kind(value: object) -> VplError | None:
    if value in KINDS:
        return None
    expected = " or ".join(repr(kind) for kind in KINDS)
    reason = VplError(
        "plan.pydantic.literal_error",
        said=f"input should be {expected}",
        expected=expected.replace(" or ", " eller "),
    )
    return VplError("plan.got", reason=reason, got=got_shown(value))


def _text(value: object, least: int, most: int) -> VplError | None:
    if not isinstance(value, str):
        reason = VplError("plan.pydantic.string_type", said="input should be a valid string")
        return VplError("plan.got", reason=reason, got=got_shown(value))
    return _length(value, least, most)


def responsible_problem(value: object) -> VplError | None:
    """What the plan file says of a responsible (an activity's, a goal's, an initiative's)."""
    return _text(value, 0, MAX_RESPONSIBLE)


def activity_field_problems(values: dict[str, Any]) -> dict[str, VplError]:
    """What the plan file would say of an activity with these fields: a reason per field.

    `values` holds some of `title`, `kind`, `start`, `end` (dates, or text `YYYY-MM-DD`)
    and `responsible`; the end is checked against the start when both are dates.
    """
    found: dict[str, VplError] = {}
    checks = {
        "title": lambda v: _text(v, 1, MAX_NAME),
        "kind": _kind,
        "responsible": lambda v: _text(v, 0, MAX_RESPONSIBLE),
    }
    for field in ACTIVITY_FIELDS:
        if field not in values:
            continue
        value = values[field]
        if field in ("start", "end"):
            day = as_day(value)
            if not isinstance(day, date):
                found[field] = VplError(
                    "plan.got", reason=VplError("plan.date"), got=got_shown(day)
                )
            continue
        reason = checks[field](value)
        if reason is not None:
            found[field] = reason
    start, end = as_day(values.get("start")), as_day(values.get("end"))
    if "end" not in found and isinstance(start, date) and isinstance(end, date):
        reason = before_start(start, end)
        if reason is not None:
            found["end"] = reason
    return found


def parsed_activity(values: dict[str, Any]) -> dict[str, Any]:
    """The fields as the store keeps them (dates as ISO text), once they have no problems."""
    return {
        key: day.isoformat() if isinstance(day := as_day(value), date) else value
        for key, value in values.items()
    }
