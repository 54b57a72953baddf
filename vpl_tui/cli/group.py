"""The `vpl` command's click group: its options, its commands, its error handling.

The commands are thin wrappers over the store, the plan file reader and the summary, in
modules of their own (`plan`: load, export, schema, backup; `status`: set, undo,
history; `report`: summary, budget; `followup`; `board_report`; ...); `env` holds what
they share. A command's module is imported only when that command runs, or for `--help`
(`LAZY_COMMANDS`), and each imports what it needs inside the command, so a command pays
only for itself: no command but the app itself imports Textual. Every error a person can
fix prints one line on stderr and exits with code 2; nothing is written when a command
fails. (`vpl set`, `history` and `undo` in their plain form do not come here at all: see
`vpl_tui.cli.quick`.)
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import click

# BUNDLED_PLAN and bundled_plan are re-exported: tests and scripts import them from here.
from vpl_tui.cli.env import (  # noqa: F401
    BUNDLED_PLAN,
    Env,
    bundled_plan,
    default_db_path,
    fail,
    fail_on,
    strings_of,
)
from vpl_tui.cli.streams import plain_output_when_needed, utf8_argument
from vpl_tui.cli.usage import HELP_NAMES, bound_numbers, early_lang, localise, usage_reason
from vpl_tui.safetext import one_line
from vpl_tui.strings import Strings, lang_from_env


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


LAZY_COMMANDS: dict[str, str] = {
    "load": "vpl_tui.cli.plan:load",
    "export": "vpl_tui.cli.plan:export",
    "schema": "vpl_tui.cli.plan:schema",
    "backup": "vpl_tui.cli.plan:backup",
    "set": "vpl_tui.cli.status:set_status",
    "undo": "vpl_tui.cli.status:undo",
    "history": "vpl_tui.cli.status:history",
    "summary": "vpl_tui.cli.report:summary",
    "budget": "vpl_tui.cli.report:budget",
    "periods": "vpl_tui.cli.followup:periods",
    "assess": "vpl_tui.cli.followup:assess",
    "ready": "vpl_tui.cli.followup:ready",
    "note": "vpl_tui.cli.followup:note",
    "followup": "vpl_tui.cli.followup:followup",
    "outcome": "vpl_tui.cli.metrics:outcome",
    "metrics": "vpl_tui.cli.metrics:metrics",
    "report": "vpl_tui.cli.board_report:report_command",
    "add": "vpl_tui.cli.plan_edit:add",
    "edit": "vpl_tui.cli.plan_edit:edit",
    "move": "vpl_tui.cli.plan_edit:move",
    "cancel": "vpl_tui.cli.plan_edit:cancel",
    "forecast": "vpl_tui.cli.economy:forecast",
}
"""Every command of `vpl`: its name → `module:attribute` of its click command, imported
only when it runs (or for `--help`, which lists them all). A new command is one line
here (`--help` lists them by name)."""


class LazyCommands(dict[str, click.Command]):
    """The group's commands by name, each imported the first time it is looked up.

    Click asks `group.commands` for a command by name (`get`), for the names (`--help`,
    the list of commands) and for them all (`values`); a command added the usual way
    (`add_command`) is kept as in a plain dict. `loaded` is called with each command
    imported, to word its help and bound its numbers as the group's own.
    """

    def __init__(self, paths: Mapping[str, str]) -> None:
        super().__init__()
        self.paths = dict(paths)
        self.loaded: Callable[[click.Command], None] | None = None

    def __missing__(self, name: str) -> click.Command:
        if name not in self.paths:
            raise KeyError(name)
        from importlib import import_module

        module, _, attribute = self.paths[name].partition(":")
        command = getattr(import_module(module), attribute)
        if command.name != name:  # the name typed must be the name --help shows
            raise TypeError(f"{self.paths[name]} is named {command.name!r}, not {name!r}")
        self[name] = command
        if self.loaded is not None:
            self.loaded(command)
        return command

    def get(self, name: str, default: Any = None) -> Any:  # type: ignore[override]
        try:
            return self[name]
        except KeyError:
            return default

    def __contains__(self, name: object) -> bool:
        return super().__contains__(name) or name in self.paths

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys())

    def __len__(self) -> int:
        return len(self.keys())

    def keys(self) -> list[str]:  # type: ignore[override]
        return list(dict.fromkeys([*self.paths, *super().keys()]))

    def values(self) -> list[click.Command]:  # type: ignore[override]
        return [self[name] for name in self.keys()]

    def items(self) -> list[tuple[str, click.Command]]:  # type: ignore[override]
        return [(name, self[name]) for name in self.keys()]


_HELP_ARGS = frozenset(HELP_NAMES["help_option_names"])


class VplGroup(click.Group):
    """A group that turns the errors a person can act on into one line and exit code 2.

    Before anything is parsed, it sets the output streams to write what their encoding
    cannot hold in a plain form (`streams`), and words the help and click's errors in
    the interface's language (`usage`).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        commands = LazyCommands(LAZY_COMMANDS)
        commands.update(self.commands)
        commands.loaded = self._prepare
        self.commands = commands

    def main(self, args: Sequence[str] | None = None, *rest: Any, **extra: Any) -> Any:
        plain_output_when_needed()
        given = [utf8_argument(arg) for arg in (sys.argv[1:] if args is None else args)]
        self.strings = Strings(early_lang(given))
        # The help texts are read only when help may be shown: `vpl set` words one line
        # and need not load the help's catalog area. `-h` after `--`, or as an option's
        # value, words them for nothing, which does no harm.
        self.wants_help = any(arg in _HELP_ARGS for arg in given)
        # The group and the commands loaded so far; the others as they are loaded.
        loaded = list(dict.values(self.commands))
        if self.wants_help:
            localise(self, self.strings, [self, *loaded])
        bound_numbers(self, [self, *loaded])
        return super().main(given, *rest, **extra)

    def _prepare(self, command: click.Command) -> None:
        """A command just imported: its help in the interface's language, its numbers bound."""
        if getattr(self, "wants_help", True):  # True: looked up before `main` (a test)
            localise(self, getattr(self, "strings", None) or Strings(early_lang([])), [command])
        bound_numbers(self, [command])

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
        except Exception as error:
            fail_on(error, ctx.obj if isinstance(ctx.obj, Env) else None, strings_of(ctx))
            raise

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
    # where click would print its three-line usage error. A string, not a `Path`:
    # `Env.db_path` makes one when a command asks (pathlib is ~3 ms of `vpl set`'s start).
    type=click.Path(),
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
def main(ctx: click.Context, db_path: str | None, lang: str | None) -> None:
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


COMMANDS: tuple[click.Command, ...] = ()
"""Commands added as objects (imported with `vpl_tui.cli`); prefer `LAZY_COMMANDS`."""
for _command in COMMANDS:
    main.add_command(_command)


if __name__ == "__main__":  # pragma: no cover
    main()
