"""`vpl set`, `vpl undo` and `vpl history`: one status change, its undo, the history.

These are the commands a controller runs again and again, so they start light: click,
the string catalog and the store's status part (`StatusStore`), nothing of the plan
file's models, the summary, or the store's other parts.
"""

from __future__ import annotations

import click

from vpl_tui.cli.env import Env, fail
from vpl_tui.records import HistoryRecord
from vpl_tui.safetext import clean, one_line
from vpl_tui.strings import parse_status, status_choices


@click.command("set")
@click.argument("ref")
@click.argument("status", nargs=-1, required=True)
@click.option("--note", default="", help="Why: kept in the history with the change.")
@click.pass_obj
def set_status(env: Env, ref: str, status: tuple[str, ...], note: str) -> None:
    """Set activity REF to STATUS: not_started, in_progress, done, delayed, cancelled.

    The Swedish labels work too: "Ej påbörjad", Pågår, Klar, Försenad, Avbruten.
    """
    s = env.strings
    wanted = " ".join(status)
    code = parse_status(wanted)
    if code is None:
        fail(s("error.unknown_status", value=clean(wanted), choices=status_choices(s.lang)))
    with env.open_status_store(plan_edits=False) as store:
        before = store.activity(ref)
        change = store.set_status(ref, code, note=note)
    if change is None:
        click.echo(s("cli.unchanged", ref=clean(before.ref), label=s.status(before.status)))
        return
    click.echo(
        s(
            "cli.set",
            ref=clean(change.ref),  # as the plan spells it, whatever the case typed
            from_label=s.status(change.from_status),
            to_label=s.status(code),
        )
    )


@click.command()
@click.pass_obj
def undo(env: Env) -> None:
    """Undo your last change (of a status or of the plan), with a new row (nothing is deleted)."""
    s = env.strings
    with env.open_status_store() as store:
        change = store.undo()
    if not isinstance(change, HistoryRecord):  # a plan change (`vpl edit`, `vpl move`, ...)
        from vpl_tui.views.plan_changes import undone_line

        click.echo(undone_line(s, change))
        return
    click.echo(
        s(
            "cli.undone",
            ref=clean(change.ref),
            from_label=s.status(change.from_status),
            to_label=s.status(change.to_status),
        )
    )


@click.command()
@click.argument("ref", required=False)
@click.option(
    "-n",
    "--limit",
    type=click.IntRange(min=1, max=100_000),
    default=50,
    show_default=True,
    help="How many of the latest changes to show (without REF).",
)
@click.pass_obj
def history(env: Env, ref: str | None, limit: int) -> None:
    """Show the status history of REF, or the latest changes of the whole plan."""
    s = env.strings
    with env.open_status_store(plan_edits=False) as store:
        rows = store.history(ref) if ref else store.history(limit=limit)
    if not rows:
        click.echo(s("cli.no_history"))
        return
    for row in rows:
        undo_mark = " ↶" if row.undo_of is not None else ""
        note = f"  {one_line(row.note)}" if row.note else ""
        click.echo(
            f"{row.at.strftime('%Y-%m-%d %H:%M:%S')}  {clean(row.ref)}  "
            f"{s.status(row.from_status)} → {s.status(row.to_status)}{undo_mark}  "
            f"{clean(row.user)}{note}"
        )
