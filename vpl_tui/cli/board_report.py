"""`vpl report`: the board's report for a follow-up period, in Markdown, HTML, Word or PDF.

Markdown goes to standard output unless `-o` names a file. Word and PDF are files: `-o
FILE`, or `<plan>-<period>.<ext>` in the current folder, never over an earlier file (a
number is added), and the command says where it wrote.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from vpl_tui.cli.env import OUTPUT_HELP, Env, write_output
from vpl_tui.errors import VplError
from vpl_tui.safetext import clean
from vpl_tui.views.report_text import default_name  # the app's preview names files alike

if TYPE_CHECKING:
    from vpl_tui.records import PlanRecord
    from vpl_tui.rules.periods import Period

BINARY_FORMATS = ("docx", "pdf")


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused while the report is made.

    The report holds a few hundred thousand rows and cells at once, and the collector,
    started again and again by the allocations, walks all of them each time it looks at
    the oldest generation: a third of the time of a region's report. Nothing the report
    makes needs collecting before the command ends (its data are trees, without cycles).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@click.command()
@click.option(
    "--period", "period_name", metavar="PERIOD", help="Period id or name (default: the current)."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "html", "docx", "pdf"]),
    default="markdown",
    show_default=True,
    help="Output format.",
)
@click.option("-o", "--output", metavar="FILE", help=OUTPUT_HELP)
@click.pass_obj
def report_command(env: Env, period_name: str | None, fmt: str, output: str | None) -> None:
    """The board's report for a period: assessments, metrics, activities, the economy."""
    from vpl_tui import files
    from vpl_tui.report import SUFFIXES

    with _no_cycle_collection():
        rendered, plan, period = _make(env, period_name, fmt)
    if isinstance(rendered, str) and fmt not in BINARY_FORMATS:
        if output is None:
            click.echo(rendered, nl=False)
        else:
            write_output(env, output, rendered)
        return
    assert isinstance(rendered, bytes)
    if output is not None:
        if output in files.STDOUT_NAMES and sys.stdout.isatty():
            raise VplError("report.binary_to_terminal", format=fmt)
        written = files.write_output(output, rendered, protected=[env.db_path])
        if written is None:
            return
    else:
        name = default_name(plan.title, period.id, SUFFIXES[fmt])
        written = files.save_new(Path.cwd(), name, rendered)
    click.echo(env.strings("cli.exported", file=clean(str(written))), err=True)


def _make(env: Env, period_name: str | None, fmt: str) -> tuple[str | bytes, PlanRecord, Period]:
    """The report of the period asked for (else the current one) in `fmt`, with its plan
    and period: what `report_command` writes and names its file after."""
    from vpl_tui.db.changes import current_user
    from vpl_tui.report import render, report_of
    from vpl_tui.rules.periods import current_period, find_period

    strings = env.strings
    today = date.today()
    with env.open_store() as store:
        plan = store.plan_record()
        periods = list(store.periods())  # the plan's, or the defaults of its year
        if period_name is None:
            period = current_period(periods, today)
        else:
            period = find_period(periods, period_name)
        if period is None:
            choices = ", ".join(f"{p.id} ({p.name})" for p in periods)
            raise VplError("report.unknown_period", value=clean(period_name or ""), choices=choices)
        document = report_of(store, period, made_on=today, made_by=current_user(), strings=strings)
    return render(document, fmt), plan, period
