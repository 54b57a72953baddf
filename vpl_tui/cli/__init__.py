"""The `vpl` command: the group, its options, its error handling and `main`.

The commands are thin wrappers over the store, the plan file reader and the summary, in
modules of their own: `cli_plan` (load, export, schema), `cli_status` (set, undo,
history) and `cli_report` (summary, budget); `cli_env` holds what they share. Each
imports what it needs inside the command, so a command pays only for itself: `vpl set`
loads neither the plan file's models nor the summary, and no command but the app itself
imports Textual. Every error a person can fix prints one line on stderr and exits with
code 2; nothing is written when a command fails.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

# report_command: `vpl_tui.cli.report` is the module of summary and budget.
from vpl_tui.cli.board_report import report_command

# BUNDLED_PLAN and bundled_plan are re-exported: tests and scripts import them from here.
from vpl_tui.cli.economy import forecast
from vpl_tui.cli.env import (  # noqa: F401
    BUNDLED_PLAN,
    Env,
    bundled_plan,
    default_db_path,
    fail,
    strings_of,
)
from vpl_tui.cli.followup import assess, followup, note, periods, ready
from vpl_tui.cli.plan import backup, export, load, schema
from vpl_tui.cli.report import budget, summary
from vpl_tui.cli.status import history, set_status, undo
from vpl_tui.cli.streams import plain_output_when_needed
from vpl_tui.cli.usage import HELP_NAMES, bound_numbers, early_lang, localise, usage_reason
from vpl_tui.errors import PlanFileError, VplError
from vpl_tui.safetext import one_line
from vpl_tui.strings import Strings, lang_from_env


def _utf8_argument(arg: str) -> str:
    """An argument as typed: under the C locale Python decodes a typed `å` into two
    stand-in characters (surrogate escapes), which no status or ref would match."""
    try:
        return os.fsencode(arg).decode("utf-8") if not arg.isascii() else arg
    except UnicodeDecodeError:
        return arg


def _print_version(ctx: click.Context, value: bool) -> None:
    """`--version`: like click's version_option, but the version is looked up only when asked."""
    if not value or ctx.resilient_parsing:
        return
    from vpl_tui import __version__

    click.echo(f"vpl, version {__version__}")
    ctx.exit()


class OneLineUsageError(click.ClickException):
    """A usage error (unknown command or option, missing or bad argument) in one line.

    Click prints its usage text, a hint and the error on four lines; here it is the
    command, click's reason and where to read more, like every other error of vpl.
    """

    exit_code = 2

    def __init__(
        self, error: click.UsageError, strings: Strings, command_path: str = "vpl"
    ) -> None:
        super().__init__(usage_reason(error, strings))
        # click's parser leaves out the context of "-n requires an argument": the
        # command being parsed is then the one the group was invoking.
        self.command_path = error.ctx.command_path if error.ctx is not None else command_path

    def show(self, file: Any = None) -> None:
        path = self.command_path
        click.echo(f"{path}: {one_line(self.message)} ({path} --help)", err=True)


class VplGroup(click.Group):
    """A group that turns the errors a person can act on into one line and exit code 2.

    Before anything is parsed, it sets the output streams to write what their encoding
    cannot hold in a plain form (`streams`), and words the help and click's errors in
    the interface's language (`usage`).
    """

    def main(self, args: Sequence[str] | None = None, *rest: Any, **extra: Any) -> Any:
        plain_output_when_needed()
        given = [_utf8_argument(arg) for arg in (sys.argv[1:] if args is None else args)]
        self.strings = Strings(early_lang(given))
        localise(self, self.strings)
        bound_numbers(self)
        return super().main(given, *rest, **extra)

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
            raise OneLineUsageError(error, self._strings(parent)) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as error:  # an unknown command, a command's bad arguments
            command = ctx.invoked_subcommand
            path = f"{ctx.command_path} {command}" if command else ctx.command_path
            raise OneLineUsageError(error, self._strings(ctx), path) from None
        except PlanFileError as error:
            for line in error.render(strings_of(ctx)):
                click.echo(line, err=True)
            sys.exit(2)
        except VplError as error:
            fail(error.render(strings_of(ctx)))
        except Exception as error:
            # A page damaged in the middle of the file, a full disk: found by a query after
            # the database opened. One line, like every other error (no SQL here: the
            # store words it). sqlite3 is loaded by then; `vpl --help` need not load it.
            import sqlite3

            if not isinstance(error, sqlite3.DatabaseError) or not isinstance(ctx.obj, Env):
                raise
            from vpl_tui.db.store import database_error

            fail(database_error(error, ctx.obj.db_path).render(ctx.obj.strings))

    def _strings(self, ctx: click.Context | None) -> Strings:
        """The language of `--lang` once read, else the one `early_lang` found."""
        if ctx is not None and isinstance(ctx.obj, Env):
            return ctx.obj.strings
        return getattr(self, "strings", None) or Strings(early_lang([]))


@click.group(
    cls=VplGroup,
    invoke_without_command=True,
    context_settings=HELP_NAMES,
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

        from vpl_tui.screens.controllers.reads import start_reading_top_level

        store = ctx.obj.open_store()
        # The first screen's query (it counts every activity) starts before Textual is
        # imported: SQLite does it on another processor while the import holds this one,
        # so at 100 000 activities the plan is there by the time the screen is.
        first_read = start_reading_top_level(store.path, date.today())
        from vpl_tui.screens.app import run_app  # the only place the CLI imports Textual

        run_app(store, strings, first_read)


COMMANDS = (
    *(load, export, schema, backup, set_status, undo, history, summary, budget),
    *(periods, assess, ready, note, followup),
    report_command,
    forecast,
)
for _command in COMMANDS:
    main.add_command(_command)


if __name__ == "__main__":  # pragma: no cover
    main()
