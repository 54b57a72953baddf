"""The fast start of `vpl set`, `vpl history` and `vpl undo`: without click.

Scripts and integrations call these in loops, and importing click alone takes longer than
the whole durable UPDATE and INSERT that `vpl set` makes (issue 12: `vpl set` within 2×
that floor). A command line in the plain form these commands are written in,

    vpl [--db DB] [--lang LANG] set REF STATUS... [--note TEXT]
    vpl [--db DB] [--lang LANG] history [REF] [-n N | --limit N]
    vpl [--db DB] [--lang LANG] undo

is recognised here and runs the commands' own code (`status_run`), as the click command
would have. Anything else (help, `--version`, an option this module does not know, one
given twice, a missing or empty value, a number out of range, `--`) is not recognised,
and the click group parses it and words it as always. So this module never words an
error of the command line itself: it only steps aside. `tests/test_cli_quick.py` holds
it to the click commands' options and runs both paths on the same command lines.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

GROUP_OPTIONS: dict[str, str] = {"--db": "db_path", "--lang": "lang"}
"""The group's options the fast path knows: the spelling → the parameter's name."""

DB_ENVVAR = "VPL_DB"
"""Where `--db` is read from when it is not given, as the group's option declares."""

COMMAND_OPTIONS: dict[str, dict[str, str]] = {
    "set": {"--note": "note"},
    "history": {"-n": "limit", "--limit": "limit"},
    "undo": {},
}
"""Each fast command's options: the spelling → the parameter's name (all take a value)."""

ARGUMENTS: dict[str, tuple[int, int | None]] = {
    "set": (2, None),  # REF and at least one word of STATUS ("Ej påbörjad" is two)
    "history": (0, 1),  # [REF]
    "undo": (0, 0),
}
"""Each fast command's fewest and most positional arguments (None: no limit)."""


class QuickCommand:
    """A command line the fast path recognised.

    A plain class: a named tuple's class is made with `exec` when this module loads,
    which every `vpl set` would pay for one object.
    """

    __slots__ = ("arguments", "command", "group", "options")

    def __init__(
        self, command: str, group: dict[str, str], options: dict[str, str], arguments: list[str]
    ) -> None:
        self.command = command
        self.group = group
        """The group's options given, by parameter name."""
        self.options = options
        """The command's options given, by parameter name."""
        self.arguments = arguments


def _option(args: Sequence[str], at: int, known: dict[str, str]) -> tuple[str, str, int] | None:
    """The option at `args[at]` as (name, value, next index), or None if not plain.

    `--note TEXT` and `--note=TEXT` (a long option) or `-n N`; a value that is empty or
    looks like an option is left to click, which decides what it means.
    """
    arg = args[at]
    spelling, equals, value = arg.partition("=")
    if equals and spelling.startswith("--") and spelling in known:
        following = at + 1
    elif arg in known and at + 1 < len(args):
        value, following = args[at + 1], at + 2
    else:
        return None
    if not value or value.startswith("-"):
        return None
    return known[spelling if equals else arg], value, following


def recognise(args: Sequence[str]) -> QuickCommand | None:
    """The command line as a fast command, or None if click must parse it."""
    group: dict[str, str] = {}
    at = 0
    while at < len(args) and args[at].startswith("-"):
        found = _option(args, at, GROUP_OPTIONS)
        if found is None or found[0] in group:
            return None
        name, value, at = found
        group[name] = value
    if at == len(args) or args[at] not in COMMAND_OPTIONS:
        return None
    command = args[at]
    known = COMMAND_OPTIONS[command]
    options: dict[str, str] = {}
    arguments: list[str] = []
    at += 1
    while at < len(args):
        if not args[at].startswith("-"):
            arguments.append(args[at])
            at += 1
            continue
        found = _option(args, at, known)
        if found is None or found[0] in options:
            return None
        name, value, at = found
        options[name] = value
    fewest, most = ARGUMENTS[command]
    if len(arguments) < fewest or (most is not None and len(arguments) > most):
        return None
    if "limit" in options and _limit(options["limit"]) is None:
        return None
    return QuickCommand(command, group, options, arguments)


def _limit(text: str) -> int | None:
    """`-n`'s number if click's IntRange would take it as it is, else None."""
    from vpl_tui.cli.status_run import HISTORY_LIMIT_MAX

    if not (text.isascii() and text.isdigit()):
        return None
    number = int(text)
    return number if 1 <= number <= HISTORY_LIMIT_MAX else None


def run_quick(argv: Sequence[str]) -> bool:
    """Run a plain `vpl set`, `history` or `undo` and return True; False if not one.

    What the click group does around a command is done here the same way: the output
    streams made safe, the arguments decoded as typed, the language and the database
    from the options, then from VPL_LANG and VPL_DB, and every error a person can act on
    in one line with exit code 2 (`env.fail_on`). Exits with code 1 on a closed pipe or
    Ctrl-C, as click does.
    """
    from vpl_tui.cli.streams import utf8_argument

    args = [utf8_argument(arg) for arg in argv]
    quick = recognise(args)
    if quick is None:
        return False
    from vpl_tui.cli.streams import plain_output_when_needed

    plain_output_when_needed()
    try:
        _run(quick)
    except BrokenPipeError:
        # Like click: the reader went away (`vpl history | head`); say nothing more.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
    except KeyboardInterrupt:
        sys.stderr.write("Aborted!\n")
        sys.exit(1)
    return True


def _run(quick: QuickCommand) -> None:
    from vpl_tui.cli import status_run
    from vpl_tui.cli.env import Env, default_db_path, echo, fail, fail_on
    from vpl_tui.strings import Strings, lang_from_env

    try:
        strings = Strings(lang_from_env(quick.group.get("lang")))
    except ValueError as error:
        fail(str(error))
    db_path = quick.group.get("db_path") or os.environ.get(DB_ENVVAR) or None
    env = Env(
        db_path=db_path or default_db_path(), explicit_db=db_path is not None, strings=strings
    )
    try:
        if quick.command == "set":
            ref, *status = quick.arguments
            lines = status_run.set_status(env, ref, status, quick.options.get("note", ""))
        elif quick.command == "history":
            ref = quick.arguments[0] if quick.arguments else None
            limit = int(quick.options.get("limit", status_run.HISTORY_LIMIT_DEFAULT))
            lines = status_run.history(env, ref, limit)
        else:
            lines = status_run.undo(env)
    except Exception as error:
        fail_on(error, env, strings)
        raise
    for line in lines:
        echo(line)
