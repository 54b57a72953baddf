"""`vpl summary` and `vpl budget`: the status summary and the budget reconciliation.

Colour is decided here, never in the core: on a terminal, and never when NO_COLOR is set
(https://no-color.org), the renderers get a `Style` made with `click.style`, which maps
each role they name (`vpl_tui.styles`) to the colour a person sees.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from typing import Any

import click

from vpl_tui.cli.env import OUTPUT_HELP, Env, strings_of, write_output
from vpl_tui.rules.limits import FIRST_YEAR, LAST_YEAR
from vpl_tui.safetext import clean
from vpl_tui.styles import Style, plain

ROLE_STYLES: dict[str, dict[str, Any]] = {
    "heading": {"bold": True},
    "overdue": {"fg": "red"},
    "status.not_started": {"dim": True},
    "status.in_progress": {"fg": "cyan"},
    "status.done": {"fg": "green"},
    "status.delayed": {"fg": "yellow"},
    "status.cancelled": {"dim": True},
    "check.pass": {"fg": "green"},
    "check.fail": {"fg": "red", "bold": True},
    "check.unchecked": {"fg": "yellow"},
    "check.rounding": {"fg": "blue"},
}
"""How each role of `vpl_tui.styles` looks on a terminal: click.style's arguments."""


def terminal_style(text: str, role: str) -> str:
    """`text` coloured for its role, with click."""
    return click.style(text, **ROLE_STYLES[role])


def output_style(to_terminal: bool) -> Style:
    """Colour for a terminal, unless NO_COLOR is set; plain text for a pipe or a file."""
    if to_terminal and sys.stdout.isatty() and not os.environ.get("NO_COLOR"):
        return terminal_style
    return plain


def _parse_day(ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    strings = strings_of(ctx)
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(strings("error.bad_date", value=clean(value))) from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:  # a typo (0023-01-01), as in a plan file
        low, high = date(FIRST_YEAR, 1, 1), date(LAST_YEAR, 12, 31)
        raise click.BadParameter(strings("usage.day_out_of_range", value=day, low=low, high=high))
    return day


@click.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "json", "html"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--as-of",
    callback=_parse_day,
    metavar="YYYY-MM-DD",
    help="Show the plan as it stood at the end of that day (default: today).",
)
@click.option("-o", "--output", metavar="FILE", help=OUTPUT_HELP)
@click.option(
    "--responsible", metavar="NAME", help="Count only the activities NAME is responsible for."
)
@click.pass_obj
def summary(
    env: Env, fmt: str, as_of: date | None, output: str | None, responsible: str | None
) -> None:
    """Print the status summary for the board."""
    from vpl_tui.summary import build_summary, render

    with env.open_store() as store:
        store.responsible = responsible  # db/replay.py: only that person's or unit's
        result = build_summary(
            store, as_of or date.today(), with_activities=fmt == "json", with_details=fmt == "html"
        )
    style = output_style(fmt == "text" and output is None)
    text = render(result, fmt, env.strings, style=style)  # type: ignore[arg-type]
    if output is None:
        click.echo(text, nl=False, color=style is not plain)
        return
    write_output(env, output, text)


@click.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format (json descriptions follow --lang).",
)
@click.option("--strict", is_flag=True, help="Exit with code 1 when any check fails.")
@click.option(
    "--period",
    "period_name",
    metavar="PERIOD",
    help="Show the period's follow-up: budget, outcome, forecast and deviation per unit.",
)
@click.option(
    "--today", callback=_parse_day, metavar="YYYY-MM-DD", help="Count periods from this day."
)
@click.pass_obj
def budget(env: Env, fmt: str, strict: bool, period_name: str | None, today: date | None) -> None:
    """Reconcile the budget: do the published figures add up? Failures first.

    With --period, the period's economic follow-up instead (vpl forecast enters it)."""
    if period_name is not None:
        from vpl_tui.cli.economy import show_followup

        show_followup(env, period_name, fmt, strict, today or date.today())
        return
    from vpl_tui.budget import reconcile
    from vpl_tui.budget.output import render_json, render_text
    from vpl_tui.rules.checks import any_failed

    with env.open_store() as store:
        plan_budget = store.budget_figures()  # the figures, without pydantic's start-up cost
        checks = [] if plan_budget is None else reconcile(plan_budget, store.earmarks())
    drift = None if plan_budget is None else plan_budget.drift  # the driftredovisning
    if fmt == "json":
        click.echo(render_json(checks, env.strings, drift=drift), nl=False)
    elif plan_budget is None:
        click.echo(env.strings("summary.no_budget"))
    else:
        from vpl_tui.budget.drift_output import render_drift

        style = output_style(True)
        text = render_text(checks, env.strings, style=style)
        if drift is not None:
            text += "\n" + render_drift(drift, env.strings)
        click.echo(text, nl=False, color=style is not plain)
    if strict and any_failed(checks):
        sys.exit(1)
