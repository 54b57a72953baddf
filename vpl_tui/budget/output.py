"""The output of `vpl budget`: a table for a terminal, failures first, or JSON.

Colour is the CLI's to give: `render_text` names what each line is (`check.pass`,
`check.fail`, `check.unchecked`) to a `style` function, which the CLI makes with click and
which leaves the text as it is by default.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from vpl_tui.budget.check import Check, signed_amount
from vpl_tui.rules.checks import any_failed, failures_first, tally
from vpl_tui.safetext import clean, escape_serialised, one_line
from vpl_tui.strings import Strings
from vpl_tui.styles import Style, plain

SIGNS: dict[str, str] = {"pass": "✓", "fail": "✗", "unchecked": "?", "rounding": "≈"}
"""The sign of each status, so the output reads the same without colour."""


def _json_number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def check_data(check: Check, strings: Strings) -> dict[str, object]:
    """One check as JSON data; the description is in the language of `strings`."""
    return {
        "id": check.id,
        "description": check.describe(strings),
        "year": check.year,
        "unit": check.unit,
        "published": _json_number(check.published),
        "computed": _json_number(check.computed),
        "difference": _json_number(check.difference),
        "status": check.status,
    }


def render_json(checks: Sequence[Check], strings: Strings, *, drift: Any = None) -> str:
    """`{"ok": ..., "checks": [...]}` in plan order; `ok` is false when any check fails.

    With a driftredovisning, `drift` too: its unit, decimals and lines as printed.

    Plan text stays as written (Swedish letters unescaped); DEL, C1 controls and bidi
    overrides are escaped, since `json.dumps` only escapes C0 controls.
    """
    data = {
        "ok": not any_failed(checks),
        "checks": [check_data(check, strings) for check in checks],
    }
    if drift is not None:
        from vpl_tui.budget.drift_output import drift_data

        data["drift"] = drift_data(drift)
    text = json.dumps(data, indent=2, ensure_ascii=False)
    return escape_serialised(text) + "\n"


def render_text(checks: Sequence[Check], strings: Strings, *, style: Style = plain) -> str:
    """A table, failures first: status, id, published, computed, difference, unit, check.

    Each check's line goes through `style` with its role, `check.<status>`.
    """
    counts = tally(checks)
    lines = [
        strings(
            "budget.heading",
            checks=counts.total,
            passed=counts.passed,
            failed=counts.failed,
            unchecked=counts.unchecked,
            rounding=counts.rounding,
        ),
        "",
    ]
    header = [
        strings("budget.col.status"),
        strings("budget.col.id"),
        strings("budget.col.published"),
        strings("budget.col.computed"),
        strings("budget.col.difference"),
        strings("budget.col.unit"),
        strings("budget.col.check"),
    ]
    rows = [
        [
            f"{SIGNS[check.status]} {strings(f'budget.status.{check.status}')}",
            clean(check.id),
            check.amount(check.published),
            check.amount(check.computed),
            signed_amount(check.difference, check.decimals),
            check.unit or "",
            one_line(check.describe(strings)),
        ]
        for check in failures_first(checks)
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header) - 1)]
    right = {2, 3, 4}  # figures line up on their last digit

    def layout(cells: list[str]) -> str:
        parts = [
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(cells[:-1])
        ]
        return ("  ".join(parts) + "  " + cells[-1]).rstrip()

    lines.append(layout(header))
    for check, row in zip(failures_first(checks), rows, strict=True):
        lines.append(style(layout(row), f"check.{check.status}"))
    return "\n".join(lines) + "\n"
