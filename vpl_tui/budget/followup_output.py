"""The output of `vpl budget --period`: the period's follow-up table as text or JSON.

unit | budget | utfall t.o.m. | prognos helår | avvikelse | kommentar, then the total, the
result line, the checks (failures first) and, once the year's outcome exists, the forecast
accuracy. Colour is the CLI's to give (`style`), as for `vpl budget`'s reconciliation.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from vpl_tui.budget.followup import TOTAL, FollowUpTable
from vpl_tui.budget.output import SIGNS
from vpl_tui.numbers import format_amount
from vpl_tui.rules.checks import any_failed, failures_first
from vpl_tui.rules.economy import FollowUpRow
from vpl_tui.safetext import escape_serialised, one_line
from vpl_tui.strings import Strings
from vpl_tui.styles import Style, plain

COMMENT_WIDTH = 40
"""A comment is shown on its row cut to this many characters."""
NAME_WIDTH = 32
MAX_NAMED = 10
"""A failed comment check names this many units, then how many more."""


def amount(value: Decimal | None) -> str:
    """A figure the Swedish way, or a dash for one not entered."""
    return "–" if value is None else format_amount(value)


def _percent(share: Decimal) -> str:
    text = f"{share * 100:.1f}".replace(".", ",").replace("-", "−")
    return text.replace(",0", "") if text.endswith(",0") else text


def row_cells(row: FollowUpRow, table: FollowUpTable, s: Strings) -> list[str]:
    """A row's cells as shown: name, budget, outcome, forecast, deviation, comment."""
    name = s("economy.total") if row.unit == TOTAL else one_line(row.unit, NAME_WIDTH)
    comment = one_line(row.comment, COMMENT_WIDTH)
    if row.unit in table.needs_comment and not row.comment.strip():
        comment = f"! {s('economy.comment_needed')}"
    return [
        name,
        format_amount(row.budget),
        amount(row.outcome),
        amount(row.forecast),
        amount(row.deviation),
        comment,
    ]


def render_followup_text(table: FollowUpTable, s: Strings, *, style: Style = plain) -> str:
    """The table for a terminal, the checks failures first, the accuracy when there is one."""
    heading = s("economy.heading", period=one_line(table.period.name), year=table.year)
    header = [
        s(f"economy.col.{c}")
        for c in ("unit", "budget", "outcome", "forecast", "deviation", "comment")
    ]
    body = [row_cells(row, table, s) for row in table.rows]
    total = row_cells(table.total, table, s)
    widths = [max(len(cells[i]) for cells in [header, *body, total]) for i in range(5)]

    def line(cells: list[str]) -> str:
        first = cells[0].ljust(widths[0])
        numbers = "  ".join(cell.rjust(widths[i + 1]) for i, cell in enumerate(cells[1:5]))
        return f"{first}  {numbers}  {cells[5]}".rstrip()

    rule = "-" * (sum(widths) + 2 * 5)
    lines = [style(heading, "heading"), "", line(header), rule, *map(line, body), rule, line(total)]
    operating = table.operating
    result = operating["result"]
    grant = operating["grant"]
    grant_forecast = grant.forecast if grant.forecast is not None else grant.budget
    forecast_result = (
        result.forecast
        if result.forecast is not None
        else (None if table.total.forecast is None else grant_forecast - table.total.forecast)
    )
    lines += [
        "",
        s(
            "economy.result_line",
            budget=format_amount(result.budget),
            forecast=amount(forecast_result),
            grant=format_amount(grant_forecast),
            costs=amount(table.total.forecast),
        ),
        s("economy.threshold", percent=_percent(table.threshold)),
        "",
        style(s("economy.checks"), "heading"),
    ]
    for check in failures_first(table.checks):
        detail = ""
        if check.status == "fail" and check.units:
            named = ", ".join(one_line(unit, NAME_WIDTH) for unit in check.units[:MAX_NAMED])
            more = len(check.units) - MAX_NAMED
            named += f", … (+{more})" if more > 0 else ""
            detail = " – " + s("economy.check.missing", units=named)
        elif check.status == "fail" and check.difference is not None:
            detail = " – " + s("economy.check.difference", value=format_amount(check.difference))
        text = f"  {SIGNS[check.status]} {s(check.id.replace('economy.', 'economy.check.'))}"
        lines.append(style(text + detail, f"check.{check.status}"))
    if table.accuracy and table.accuracy_period is not None:
        lines += [
            "",
            style(s("economy.accuracy", period=one_line(table.accuracy_period.name)), "heading"),
        ]
        for item in table.accuracy:
            share = item.accuracy.share
            lines.append(
                "  "
                + s(
                    "economy.accuracy_row",
                    unit=s("economy.total")
                    if item.unit == TOTAL
                    else one_line(item.unit, NAME_WIDTH),
                    forecast=format_amount(item.forecast),
                    outcome=format_amount(item.outcome),
                    difference=format_amount(item.accuracy.difference),
                    share="" if share is None else f" ({_percent(share)} %)",
                )
            )
    return "\n".join(lines) + "\n"


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _row_data(row: FollowUpRow, table: FollowUpTable) -> dict[str, Any]:
    return {
        "unit": row.unit,
        "budget": _number(row.budget),
        "outcome": _number(row.outcome),
        "forecast": _number(row.forecast),
        "deviation": _number(row.deviation),
        "comment": row.comment,
        "comment_required": row.unit in table.needs_comment,
    }


def followup_data(table: FollowUpTable) -> dict[str, Any]:
    """The follow-up table as JSON data (the board report and `--format json` share it)."""
    return {
        "ok": not any_failed(table.checks),
        "period": {"id": table.period.id, "name": table.period.name},
        "year": table.year,
        "unit": "tkr",
        "threshold": _number(table.threshold),
        "units": [_row_data(row, table) for row in table.rows],
        "total": _row_data(table.total, table),
        "operating": {
            line: {
                "budget": _number(row.budget),
                "outcome": _number(row.outcome),
                "forecast": _number(row.forecast),
            }
            for line, row in table.operating.items()
        },
        "checks": [
            {
                "id": check.id,
                "status": check.status,
                "difference": _number(check.difference),
                "units": list(check.units),
            }
            for check in table.checks
        ],
        "accuracy": [
            {
                "unit": item.unit,
                "forecast": _number(item.forecast),
                "outcome": _number(item.outcome),
                "difference": _number(item.accuracy.difference),
                "share": _number(item.accuracy.share),
            }
            for item in table.accuracy
        ],
        "accuracy_period": table.accuracy_period and table.accuracy_period.id,
    }


def render_followup_json(table: FollowUpTable) -> str:
    text = json.dumps(followup_data(table), indent=2, ensure_ascii=False)
    return escape_serialised(text) + "\n"
