"""A plan's validation errors as problems a person editing TOML can act on.

Pydantic words its errors for Python ("instance of Decimal", "valid dictionary"); these
are TOML's words instead, in Swedish or English (`vpl_tui.catalog.cli_help`), each
naming the file, the line (when the file's text is at hand) and the TOML path.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError

from vpl_tui.errors import PlanProblem, VplError
from vpl_tui.model.toml_lines import TomlLines, parse_path
from vpl_tui.rules.activity_fields import got_shown, shorten
from vpl_tui.safetext import clean

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")

_TYPE_REASONS = {
    "model_type": "plan.table",
    "dict_type": "plan.table",
    "list_type": "plan.array",
    "date_type": "plan.date",
    "datetime_type": "plan.datetime",
}
"""Pydantic's error types that name a Python type, and the TOML words for them."""

TRANSLATED = frozenset(
    {
        "string_type",
        "int_type",
        "bool_type",
        "string_too_long",
        "string_too_short",
        "string_pattern_mismatch",
        "literal_error",
        "greater_than_equal",
        "less_than_equal",
        "greater_than",
        "less_than",
        "decimal_max_digits",
        "decimal_max_places",
        "date_from_datetime_inexact",
        "too_long",
        "too_short",
    }
)
"""Pydantic's error types with a Swedish reason in the catalog (`plan.pydantic.TYPE`)."""


def problems_of(error: ValidationError, name: str, text: str | None = None) -> list[PlanProblem]:
    """Every problem of a validation error; with the file's `text`, each with its line."""
    lines = TomlLines(text) if text is not None else None
    problems: list[PlanProblem] = []

    def add(location: Sequence[int | str], reason: VplError) -> None:
        line = lines.line_of(location) if lines is not None else None
        where = toml_path(location)
        problems.append(PlanProblem(name, line, where, reason))

    for item in error.errors(include_url=False):
        location = tuple(item["loc"])
        context = item.get("ctx") or {}
        if item["type"] == "vpl_problems":
            for field, reason in context["problems"]:
                add((*location, *parse_path(field)), _said(reason))
        elif item["type"] == "vpl_problem":
            add((*location, *parse_path(context["field"])), _said(context["reason"]))
        else:
            add(location, reason_of(item))
    return problems


def _said(text: str | VplError) -> VplError:
    """A reason of a model's own check: a catalog message, or English shown as it is."""
    if isinstance(text, VplError):
        return text
    return VplError("plan.said", text=shorten(clean(text), 300))


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def reason_of(item: Any) -> VplError:
    """The reason of one of pydantic's errors, in TOML's words."""
    kind = item["type"]
    if kind == "missing":
        return VplError("plan.missing")
    if kind == "extra_forbidden":
        return VplError("plan.unknown_key")
    context = item.get("ctx") or {}
    message = _lower_first(str(item["msg"]).removeprefix("Value error, "))
    if kind == "is_instance_of" and context.get("class") == "Decimal":
        reason = VplError("plan.number")
    elif kind in _TYPE_REASONS:
        reason = VplError(_TYPE_REASONS[kind])
    elif kind in TRANSLATED:
        values = {key: shorten(clean(str(value)), 200) for key, value in context.items()}
        if "expected" in values:  # "'a' or 'b'": Swedish joins the choices with "eller"
            values["expected"] = values["expected"].replace(" or ", " eller ")
        reason = VplError(f"plan.pydantic.{kind}", said=shorten(clean(message), 300), **values)
    else:
        reason = _said(message)
    if "input" not in item or kind == "value_error":
        return reason
    return VplError("plan.got", reason=reason, got=_shown(item["input"]))


def _shown(value: Any) -> VplError | str:
    """The value a file held, as an error shows it: short, and a table as `a table`."""
    if isinstance(value, dict):
        return VplError("plan.got_table")
    if isinstance(value, list):
        return VplError("plan.got_array")
    return got_shown(value)  # the rule's one place, without pydantic


def toml_path(location: Sequence[int | str]) -> str:
    """`("goals", 2, "activities", 0)` → `goals[2].activities[0]`; odd keys are quoted."""
    text = ""
    for part in location:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            key = part if _BARE_KEY.match(part) else json.dumps(part, ensure_ascii=False)
            # An unknown key is the file's text: JSON quoting leaves DEL, C1 and bidi
            # controls as they are, and a key may be a megabyte long.
            key = shorten(clean(key), 60)
            text += f".{key}" if text else key
    return text
