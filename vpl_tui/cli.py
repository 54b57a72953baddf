"""The `vpl` command: thin wrappers over the store, the plan file reader and the summary.

Commands that only read or print never import Textual: the app is imported only when
`vpl` runs without a command. Every error a person can fix prints one line on stderr and
exits with code 2; nothing is written when a command fails.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

import click

from vpl_tui.errors import PlanFileError, VplError
from vpl_tui.safetext import clean, one_line
from vpl_tui.strings import DEFAULT_LANG, Strings, lang_from_env, parse_status, status_choices

BUNDLED_PLAN = "verksamhetsplan-2023.toml"


def default_db_path() -> Path:
    """The database used without `--db`: one file in the user's data folder."""
    import platformdirs

    return platformdirs.user_data_path("vpl-tui", appauthor=False) / "vpl.db"


def bundled_plan():  # -> Plan, imported lazily to keep `vpl --help` fast
    """The plan shipped with vpl: Luleå kommun's KS-Kommunstaben Verksamhetsplan 2023."""
    from importlib.resources import files

    from vpl_tui.planfile import parse_plan

    resource = files("vpl_tui.seed").joinpath(BUNDLED_PLAN)
    return parse_plan(resource.read_bytes(), BUNDLED_PLAN)


@dataclass
class Env:
    """What every command needs: where the database is and which language to speak."""

    db_path: Path
    explicit_db: bool
    strings: Strings

    def open_store(self, *, seed: bool = True):  # -> Store
        """Open the database, creating it from the bundled plan when it holds no plan yet."""
        from vpl_tui.db.store import Store

        return Store.open(
            self.db_path,
            seed=bundled_plan if seed else None,
            create_folder=not self.explicit_db,
        )


def _no_cycle_collection() -> None:
    """Turn off Python's cycle collector for the rest of this (short-lived) command.

    Reading or writing a whole plan makes millions of objects that live until the command
    ends and hold no cycles; at 100 000 activities the collector would spend a third of
    `vpl load`'s time walking them again and again, for nothing to collect.
    """
    import gc

    gc.disable()


def _print_version(ctx: click.Context, value: bool) -> None:
    """`--version`: like click's version_option, but the version is looked up only when asked."""
    if not value or ctx.resilient_parsing:
        return
    from vpl_tui import __version__

    click.echo(f"vpl, version {__version__}")
    ctx.exit()


def fail(message: str) -> NoReturn:
    """Print one line on stderr and exit with code 2."""
    click.echo(f"vpl: {one_line(message)}", err=True)
    sys.exit(2)


class OneLineUsageError(click.ClickException):
    """A usage error (unknown command or option, missing or bad argument) in one line.

    Click prints its usage text, a hint and the error on four lines; here it is the
    command, click's reason and where to read more, like every other error of vpl.
    """

    exit_code = 2

    def __init__(self, error: click.UsageError) -> None:
        super().__init__(error.format_message())
        self.command_path = error.ctx.command_path if error.ctx is not None else "vpl"

    def show(self, file: Any = None) -> None:
        path = self.command_path
        click.echo(f"{path}: {one_line(self.message)} ({path} --help)", err=True)


class VplGroup(click.Group):
    """A group that turns the errors a person can act on into one line and exit code 2."""

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.UsageError as error:  # an unknown or bad option of `vpl` itself
            raise OneLineUsageError(error) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as error:  # an unknown command, a command's bad arguments
            raise OneLineUsageError(error) from None
        except PlanFileError as error:
            for line in error.problems:
                click.echo(line, err=True)
            sys.exit(2)
        except VplError as error:
            strings = ctx.obj.strings if isinstance(ctx.obj, Env) else Strings(DEFAULT_LANG)
            fail(error.render(strings))
        except sqlite3.DatabaseError as error:
            # A page damaged in the middle of the file, a full disk: found by a query after
            # the database opened. One line, like every other error (no SQL here: the
            # store words it).
            if not isinstance(ctx.obj, Env):
                raise
            from vpl_tui.db.store import database_error

            fail(database_error(error, ctx.obj.db_path).render(ctx.obj.strings))


@click.group(
    cls=VplGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--db",
    "db_path",
    # No dir_okay=False: the store says "DB: cannot be opened: is a folder" in one line,
    # where click would print its three-line usage error.
    type=click.Path(path_type=Path),
    envvar="VPL_DB",
    help="The plan database (also VPL_DB). Default: vpl.db in your user data folder.",
)
@click.option("--lang", help="Interface language: sv (default) or en (also VPL_LANG).")
@click.option(
    "-V",
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=lambda ctx, _param, value: _print_version(ctx, value),
    help="Show the version and exit.",
)
@click.pass_context
def main(ctx: click.Context, db_path: Path | None, lang: str | None) -> None:
    """Follow up an operational plan (verksamhetsplan): statuses, summary, budget.

    Without a command, vpl opens the terminal app on the database.
    """
    try:
        strings = Strings(lang_from_env(lang))
    except ValueError as error:
        fail(str(error))
    ctx.obj = Env(
        db_path=db_path or default_db_path(),
        explicit_db=db_path is not None,
        strings=strings,
    )
    if ctx.invoked_subcommand is None:
        from datetime import date

        from vpl_tui.screens._background import start_reading_top_level

        store = ctx.obj.open_store()
        # The first screen's query (it counts every activity) starts before Textual is
        # imported: SQLite does it on another processor while the import holds this one,
        # so at 100 000 activities the plan is there by the time the screen is.
        first_read = start_reading_top_level(store.path, date.today())
        from vpl_tui.app import run_app  # the only place the CLI imports Textual

        run_app(store, strings, first_read)


@main.command()
# readable=False: read_plan says "FILE: cannot read: ..." in one line, not click's usage text.
@click.argument("file", type=click.Path(path_type=Path, readable=False))
@click.option("--check", is_flag=True, help="Only validate the file; change nothing.")
@click.pass_obj
def load(env: Env, file: Path, check: bool) -> None:
    """Validate FILE, then replace the database's plan with it in one transaction."""
    from vpl_tui.db.bulk import read_plan_rows

    _no_cycle_collection()
    # A bad file stops here, before the database is touched; a large one is read by
    # every processor at once.
    plan = read_plan_rows(file)
    counts = plan.counts
    shown = clean(str(file))
    if check:
        click.echo(env.strings("cli.checked", file=shown, **counts))
        return
    with env.open_store(seed=False) as store:
        store.replace_plan(plan, source=str(file))
    click.echo(env.strings("cli.loaded", file=shown, db=clean(str(env.db_path)), **counts))


@main.command()
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to a file."
)
@click.pass_obj
def export(env: Env, output: Path | None) -> None:
    """Print the whole plan with current statuses and history, as a TOML plan file."""
    from vpl_tui.planfile import write_plan

    _no_cycle_collection()
    with env.open_store() as store:
        text = store.export_text()  # what dumps_plan(store.export_plan()) gives, in half the time
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        write_plan(text, output)
    except OSError as error:
        fail(f"{clean(str(output))}: {clean(error.strerror or str(error))}")
    click.echo(env.strings("cli.exported", file=clean(str(output))), err=True)


@main.command()
def schema() -> None:
    """Print the plan file format as JSON Schema."""
    import json

    from vpl_tui.planfile import plan_schema

    click.echo(json.dumps(plan_schema(), indent=2, ensure_ascii=False))


@main.command("set")
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
    with env.open_store() as store:
        before = store.activity(ref)
        change = store.set_status(ref, code, note=note)
    if change is None:
        click.echo(s("cli.unchanged", ref=clean(ref), label=s.status(before.status)))
        return
    click.echo(
        s(
            "cli.set",
            ref=clean(ref),
            from_label=s.status(change.from_status),
            to_label=s.status(code),
        )
    )


@main.command()
@click.pass_obj
def undo(env: Env) -> None:
    """Undo your last status change, with a new history row (nothing is deleted)."""
    s = env.strings
    with env.open_store() as store:
        change = store.undo()
    click.echo(
        s(
            "cli.undone",
            ref=clean(change.ref),
            from_label=s.status(change.from_status),
            to_label=s.status(change.to_status),
        )
    )


@main.command()
@click.argument("ref", required=False)
@click.option(
    "-n",
    "--limit",
    type=click.IntRange(min=1),
    default=50,
    show_default=True,
    help="How many of the latest changes to show (without REF).",
)
@click.pass_obj
def history(env: Env, ref: str | None, limit: int) -> None:
    """Show the status history of REF, or the latest changes of the whole plan."""
    s = env.strings
    with env.open_store() as store:
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


def _parse_day(ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        strings = ctx.obj.strings if isinstance(ctx.obj, Env) else Strings(DEFAULT_LANG)
        raise click.BadParameter(strings("error.bad_date", value=clean(value))) from None


@main.command()
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
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to a file."
)
@click.pass_obj
def summary(env: Env, fmt: str, as_of: date | None, output: Path | None) -> None:
    """Print the status summary for the board."""
    from vpl_tui.summary import build_summary, render

    with env.open_store() as store:
        result = build_summary(store, as_of or date.today(), with_activities=fmt == "json")
    # Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
    color = (
        fmt == "text" and output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    )
    text = render(result, fmt, env.strings, color=color)  # type: ignore[arg-type]
    if output is None:
        click.echo(text, nl=False, color=color)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        fail(f"{clean(str(output))}: {clean(error.strerror or str(error))}")
    click.echo(env.strings("cli.exported", file=clean(str(output))), err=True)


@main.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format (json descriptions follow --lang).",
)
@click.option("--strict", is_flag=True, help="Exit with code 1 when any check fails.")
@click.pass_obj
def budget(env: Env, fmt: str, strict: bool) -> None:
    """Reconcile the budget: do the published figures add up? Failures first."""

    from vpl_tui.budget import reconcile as reconcile_budget
    from vpl_tui.budget import render_json, render_text
    from vpl_tui.checks import any_failed

    with env.open_store() as store:
        plan_budget = store.budget_figures()  # the figures, without pydantic's start-up cost
        checks = [] if plan_budget is None else reconcile_budget(plan_budget, store.earmarks())
    if fmt == "json":
        click.echo(render_json(checks, env.strings), nl=False)
    elif plan_budget is None:
        click.echo(env.strings("summary.no_budget"))
    else:
        color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        click.echo(render_text(checks, env.strings, color=color), nl=False, color=color)
    if strict and any_failed(checks):
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    main()
