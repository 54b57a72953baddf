"""`vpl forecast` and `vpl budget --period`: the economy's follow-up per period.

    vpl forecast UNIT --period P --outcome X --forecast Y [--comment TEXT]
    vpl forecast UNIT --period P --undo | --history
    vpl forecast import FILE.csv

UNIT is a unit of the budget's net costs by unit, in any case, or an operating row
(nettokostnad, kommunbidrag, resultat). Amounts are tkr in the forms a Swede types
(`282 000`, `-3 000`, `−3 000`); a forecast is kept apart from the plan's published
figures, with its history, and never changes them. An import writes every line of the
file or, when any line is wrong, none, naming each wrong line.
"""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from vpl_tui.cli.env import Env, fail
from vpl_tui.safetext import clean, one_line

if TYPE_CHECKING:
    from vpl_tui.db.forecasts import ForecastRecord
    from vpl_tui.db.store import Store

PERIOD_HELP = "The period's id or name (default: the current period)."
MAX_SHOWN_PROBLEMS = 20
"""An import names this many wrong lines, then how many more there are."""


def _amount(env: Env, option: str, text: str | None) -> Decimal | None:
    """An amount option, checked for size and form before it is converted."""
    if text is None:
        return None
    from vpl_tui.numbers import parse_amount
    from vpl_tui.rules.figures import figure_problem

    try:
        value = parse_amount(text)
    except ValueError:
        value = None
    if value is None or figure_problem("tkr", value) is not None:
        fail(env.strings("error.forecast_number", option=option, value=clean(text[:40])))
    return value


def _today(value: str | None) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{clean(value)}: not a date (YYYY-MM-DD)") from None


@click.command()
@click.argument("unit")
@click.argument("file", required=False)
@click.option("--period", "period_name", metavar="PERIOD", help=PERIOD_HELP)
@click.option("--outcome", metavar="TKR", help="Utfall t.o.m. the period, tkr.")
@click.option("--forecast", "forecast_text", metavar="TKR", help="Prognos for the year, tkr.")
@click.option("--comment", help="Why the forecast deviates from the budget.")
@click.option("--undo", is_flag=True, help="Revert the latest change, with a new history row.")
@click.option("--history", "show_history", is_flag=True, help="Show the history, newest first.")
@click.option(
    "--version", "expected", type=click.IntRange(0, 10**9), help="Refuse unless at this version."
)
@click.option("--today", metavar="YYYY-MM-DD", help="Count the current period from this day.")
@click.pass_obj
def forecast(
    env: Env,
    unit: str,
    file: str | None,
    period_name: str | None,
    outcome: str | None,
    forecast_text: str | None,
    comment: str | None,
    undo: bool,
    show_history: bool,
    expected: int | None,
    today: str | None,
) -> None:
    """Enter a unit's outcome to date and full-year forecast for a period, or import a CSV."""
    s = env.strings
    if unit == "import":
        if file is None:
            fail(s("error.forecast_import_unit"))
        _import(env, Path(file))
        return
    if file is not None:
        fail(s("error.forecast_import_unit"))
    outcome_value = _amount(env, "--outcome", outcome)
    forecast_value = _amount(env, "--forecast", forecast_text)
    if not (undo or show_history) and outcome_value is forecast_value is comment is None:
        fail(s("error.forecast_nothing"))
    with env.open_store() as store:
        period = store.period(period_name, _today(today))
        table, line = store.forecast_line(unit)
        if show_history:
            _print_history(env, store, table, line, period.id)
            return
        if undo:
            record = store.undo_forecast(table, line, period.id)
            key = "forecast.undone"
        else:
            record = store.set_forecast(
                table,
                line,
                period.id,
                outcome=outcome_value,
                forecast=forecast_value,
                comment=comment,
                expected_version=expected,
            )
            key = "forecast.saved"
    click.echo(_saved(env, key, record))


def _saved(env: Env, key: str, record: ForecastRecord) -> str:
    from vpl_tui.budget.followup_output import amount

    line = env.strings(f"budget.line.{record.line}") if record.table == "operating" else record.line
    return env.strings(
        key,
        line=clean(line),
        period=clean(record.period),
        outcome=amount(record.forecast.outcome),
        forecast=amount(record.forecast.forecast),
        version=record.version,
    )


def _print_history(env: Env, store: Store, table: str, line: str, period: str) -> None:
    from vpl_tui.budget.followup_output import amount

    rows = store.forecast_history(table, line, period)
    if not rows:
        click.echo(env.strings("forecast.no_history"))
    for row in reversed(rows):  # newest first, as an activity's history is shown
        click.echo(
            env.strings(
                "forecast.history_row",
                at=row.at[:16].replace("T", " "),
                user=clean(row.user),
                outcome=amount(row.outcome),
                forecast=amount(row.forecast),
                undo=env.strings("forecast.history_undo") if row.undo_of is not None else "",
                comment=one_line(row.comment, 60),
            ).rstrip()
        )


def _refuse(env: Env, problems: list[str]) -> NoReturn:
    for problem in problems[:MAX_SHOWN_PROBLEMS]:
        click.echo(f"vpl forecast: {one_line(problem)}", err=True)
    if len(problems) > MAX_SHOWN_PROBLEMS:
        more = env.strings("csv.more", count=len(problems) - MAX_SHOWN_PROBLEMS)
        click.echo(f"vpl forecast: {more}", err=True)
    click.echo(f"vpl forecast: {env.strings('csv.refused', count=len(problems))}", err=True)
    sys.exit(2)


def _import(env: Env, path: Path) -> None:
    """Import every line of a CSV file, or none: each wrong line named, nothing written."""
    from vpl_tui.budget.forecast_csv import MAX_BYTES, read_forecast_csv
    from vpl_tui.db.forecast_lines import fold_name
    from vpl_tui.db.forecasts import NewForecast

    s = env.strings
    shown = clean(str(path))
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)  # no more than the limit is ever read
    except OSError as error:
        fail(s("csv.unreadable", file=shown, reason=clean(str(error.strerror or error))))
    read = read_forecast_csv(data, shown)
    problems = [problem.render(s) for problem in read.problems]
    with env.open_store() as store:
        lines = store.forecast_lines()
        periods = store.periods()
        by_name = {p.id.casefold(): p.id for p in periods}
        by_name.update({" ".join(p.name.split()).casefold(): p.id for p in periods})
        choices = ", ".join(p.id for p in periods)
        new = []
        for row in read.rows:
            where = lines.get(fold_name(row.unit))
            period = by_name.get(" ".join(row.period.split()).casefold())
            if where is None:
                problems.append(
                    s("csv.unknown_unit", file=shown, line=row.line, unit=clean(row.unit))
                )
            if period is None:
                problems.append(
                    s(
                        "csv.unknown_period",
                        file=shown,
                        line=row.line,
                        period=clean(row.period),
                        choices=choices,
                    )
                )
            if where is not None and period is not None:
                new.append(NewForecast(*where, period, row.outcome, row.forecast, row.comment))
        if problems:
            _refuse(env, problems)
        count = store.import_forecasts(new)
    click.echo(s("forecast.imported", count=count, file=shown))


def show_followup(env: Env, period_name: str, fmt: str, strict: bool, today: date) -> None:
    """`vpl budget --period P`: the period's follow-up table (`vpl_tui.cli.report.budget`)."""
    from vpl_tui.budget.followup_output import render_followup_json, render_followup_text
    from vpl_tui.cli.report import output_style
    from vpl_tui.rules.checks import any_failed
    from vpl_tui.styles import plain

    with env.open_store() as store:
        period = store.period(period_name, today)
        table = store.followup_table(period)
    if table is None:
        fail(env.strings("error.budget_no_plan_budget"))
    if fmt == "json":
        click.echo(render_followup_json(table), nl=False)
    else:
        style = output_style(True)
        click.echo(
            render_followup_text(table, env.strings, style=style),
            nl=False,
            color=style is not plain,
        )
    if strict and any_failed(table.checks):
        sys.exit(1)
