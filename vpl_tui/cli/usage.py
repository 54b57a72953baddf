"""The command line in the interface's language: `--help` and click's usage errors.

Click words its help and errors in English; the texts a person reads come from the
catalog (`vpl_tui.catalog.cli_help`) instead: each command's and option's help under
`help.COMMAND` and `help.COMMAND.OPTION`, click's headings, and the reasons of the
common usage errors (no such command or option, a missing or bad argument, an extra
one). The language is known before click parses anything (`early_lang`), so an error
in the arguments themselves is in it too.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from typing import Any

import click

from vpl_tui.strings import DEFAULT_LANG, LANGS, Lang, Strings

# Matched only when a usage error is worded (re's own cache compiles them then), not
# compiled at every start.
_NOT_A_CHOICE = r"^(?P<value>.*?) is not (one of|)"
_EXTRA = r"^Got unexpected extra arguments? \((?P<args>.*)\)$"


def early_lang(args: Sequence[str]) -> Lang:
    """The language `--lang` or VPL_LANG asks for, read before click parses the arguments.

    Anything odd gives Swedish: the group's own check of `--lang` says what was wrong.
    """
    wanted: str | None = None
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(args):
            wanted = args[index + 1]
        elif arg.startswith("--lang="):
            wanted = arg.removeprefix("--lang=")
    value = (wanted or os.environ.get("VPL_LANG") or DEFAULT_LANG).strip().lower()
    value = value.split("_")[0].split(".")[0]
    return value if value in LANGS else DEFAULT_LANG  # type: ignore[return-value]


HELP_NAMES: dict[str, Any] = {"help_option_names": ["-h", "--help"]}
"""How `--help` is asked for, in every command: the group's context settings."""


def _help_key(command: click.Command, group: click.Command) -> str:
    return "help.main" if command is group else f"help.{command.name}"


def localise(
    group: click.Group, strings: Strings, only: Sequence[click.Command] | None = None
) -> None:
    """Set every command's and option's help text from the catalog, in `strings`' language.

    `only`: these commands (a command loaded when it runs), not the group and all of its.
    """
    from vpl_tui.strings import CATALOG

    commands = [group, *group.commands.values()] if only is None else list(only)
    for command in commands:
        key = _help_key(command, group)
        if key in CATALOG:
            command.help = strings(key)
            command.short_help = None
        help_option = command.get_help_option(click.Context(command, **HELP_NAMES))
        if help_option is not None:
            help_option.help = strings("help.help")
        for param in command.params:
            if not isinstance(param, click.Option):
                continue
            own = f"{key}.{param.name}"
            if param.name == "output":
                param.help = strings("help.output")
            elif own in CATALOG:
                param.help = strings(own)
        command.context_class = context_class(strings)


def context_class(strings: Strings) -> type[click.Context]:
    """A click context whose --help is worded in `strings`' language."""

    class Formatter(click.HelpFormatter):
        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            super().write_usage(prog, args, prefix=strings("help.usage"))

        def write_dl(self, rows: Sequence[tuple[str, str]], *args: Any, **kwargs: Any) -> None:
            default = f"[{strings('help.default')}: "
            rows = [(term, text.replace("[default: ", default)) for term, text in rows]
            super().write_dl(rows, *args, **kwargs)

        def write_heading(self, heading: str) -> None:
            key = f"help.heading.{heading}"
            super().write_heading(strings(key) if _known(key) else heading)

    class Context(click.Context):
        formatter_class = Formatter

    return Context


def _known(key: str) -> bool:
    from vpl_tui.strings import CATALOG

    return key in CATALOG


def usage_reason(error: click.UsageError, strings: Strings) -> str:
    """Click's reason for a usage error, in `strings`' language (English: click's own)."""
    said = error.format_message()
    if strings.lang == "en":
        return said
    if isinstance(error, click.NoSuchOption):
        text = strings("usage.no_such_option", name=error.option_name, said=said)
        return _with_possibilities(text, error.possibilities, strings)
    if isinstance(error, click.exceptions.NoSuchCommand):
        text = strings("usage.no_such_command", name=error.command_name, said=said)
        return _with_possibilities(text, error.possibilities, strings)
    if isinstance(error, click.MissingParameter) and error.param is not None:
        hint = error.param.get_error_hint(error.ctx) if error.ctx else error.param.name
        kind = "argument" if isinstance(error.param, click.Argument) else "option"
        return strings(f"usage.missing_{kind}", name=hint, said=said)
    if isinstance(error, click.BadParameter):
        choice = re.match(_NOT_A_CHOICE, error.message)
        if choice and error.param is not None and isinstance(error.param.type, click.Choice):
            choices = ", ".join(f"'{option}'" for option in error.param.type.choices)
            error.message = strings("usage.not_a_choice", value=choice["value"], choices=choices)
        if error.param is not None and error.ctx is not None:
            hint = error.param.get_error_hint(error.ctx)
        else:
            hint = str(error.param_hint or "")
        return strings("usage.invalid_value", name=hint, reason=error.message, said=said)
    if isinstance(error, click.BadOptionUsage) and said.endswith("requires an argument."):
        return strings("usage.requires_value", name=error.option_name, said=said)
    extra = re.match(_EXTRA, said)
    if extra:
        return strings("usage.extra_arguments", args=extra["args"], said=said)
    return said


def _with_possibilities(text: str, possibilities: Sequence[str], strings: Strings) -> str:
    if not possibilities:
        return text
    names = ", ".join(f"'{name}'" for name in sorted(possibilities))
    return f"{text} {strings('usage.did_you_mean', names=names, said='')}"


class Bounded(click.ParamType):
    """A whole number between `low` and `high`, refused in one line in the user's language.

    click.IntRange says "x is not in the range 1<=x<=10000." in English only.
    """

    name = "integer"

    def __init__(self, low: int, high: int) -> None:
        self.low, self.high = low, high

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        strings = _strings_of(ctx)
        try:
            number = int(value)
        except (TypeError, ValueError):
            self.fail(strings("usage.not_a_number", value=str(value)), param, ctx)
        if not self.low <= number <= self.high:
            self.fail(
                strings("usage.not_in_range", value=number, low=self.low, high=self.high),
                param,
                ctx,
            )
        return number

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str:
        return f"{self.low}-{self.high}"


def _strings_of(ctx: click.Context | None) -> Strings:
    from vpl_tui.cli.env import strings_of

    return strings_of(ctx) if ctx is not None else Strings(DEFAULT_LANG)


def numeric_params(
    group: click.Group, only: Sequence[click.Command] | None = None
) -> list[tuple[str, click.Parameter]]:
    """Every option or argument of the group and its commands (or `only` these) that takes
    a number."""
    found = []
    for command in [group, *group.commands.values()] if only is None else only:
        for param in command.params:
            if isinstance(param.type, (click.types._NumberParamTypeBase, Bounded)):
                found.append((command.name or "vpl", param))
    return found


def bound_numbers(group: click.Group, only: Sequence[click.Command] | None = None) -> None:
    """Word every numeric option's refusal in one line of the user's language.

    Each is declared with `click.IntRange(min=..., max=...)` beside its command; its
    bounds are kept, and a number outside them is refused in our words, not click's.
    """
    for command_name, param in numeric_params(group, only):
        declared = param.type
        if isinstance(declared, Bounded):
            continue
        low = getattr(declared, "min", None)
        high = getattr(declared, "max", None)
        if not isinstance(declared, click.IntRange) or low is None or high is None:
            raise TypeError(f"{command_name} {param.name}: a number needs both bounds")
        param.type = Bounded(int(low), int(high))
