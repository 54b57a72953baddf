"""`vpl set`, `vpl undo` and `vpl history` as click commands: their options and help.

What they do is in `status_run`, which the fast path (`quick`) calls too; `quick` knows
these commands' options by the names declared here (a test holds the two to the same).
"""

from __future__ import annotations

import click

from vpl_tui.cli import status_run
from vpl_tui.cli.env import Env, echo


def _echo_all(lines: list[str]) -> None:
    for line in lines:
        echo(line)


@click.command("set")
@click.argument("ref")
@click.argument("status", nargs=-1, required=True)
@click.option("--note", default="", help="Why: kept in the history with the change.")
@click.pass_obj
def set_status(env: Env, ref: str, status: tuple[str, ...], note: str) -> None:
    """Set activity REF to STATUS: not_started, in_progress, done, delayed, cancelled.

    The Swedish labels work too: "Ej påbörjad", Pågår, Klar, Försenad, Avbruten.
    """
    _echo_all(status_run.set_status(env, ref, status, note))


@click.command()
@click.pass_obj
def undo(env: Env) -> None:
    """Undo your last change (of a status or of the plan), with a new row (nothing is deleted)."""
    _echo_all(status_run.undo(env))


@click.command()
@click.argument("ref", required=False)
@click.option(
    "-n",
    "--limit",
    type=click.IntRange(min=1, max=status_run.HISTORY_LIMIT_MAX),
    default=status_run.HISTORY_LIMIT_DEFAULT,
    show_default=True,
    help="How many of the latest changes to show (without REF).",
)
@click.pass_obj
def history(env: Env, ref: str | None, limit: int) -> None:
    """Show the status history of REF, or the latest changes of the whole plan."""
    _echo_all(status_run.history(env, ref, limit))
