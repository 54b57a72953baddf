"""The `vpl` command: `run` is what the installed `vpl` calls.

The command line is parsed by the click group in `group` (`main`: its options, its
commands, its error handling). The status commands a script calls in a loop (`vpl set`,
`vpl history`, `vpl undo`), written in their plain form, start without click: `quick`
recognises them and runs the same code the click commands run (`status_run`); any other
command line, or one of those written otherwise, goes to the group (issue 12).

This package's `__init__` imports nothing, so that the fast path pays for none of the
group: `main`, `LAZY_COMMANDS`, `BUNDLED_PLAN` and the others are looked up in their
modules the first time they are asked for (`from vpl_tui.cli import main`).
"""

from __future__ import annotations

import sys

_FROM_GROUP = frozenset({"main", "LAZY_COMMANDS", "COMMANDS", "VplGroup", "LazyCommands"})
_FROM_ENV = frozenset({"BUNDLED_PLAN", "bundled_plan", "Env", "default_db_path", "fail"})


def run() -> None:
    """The `vpl` command: the fast path for a plain status command, else the click group."""
    from vpl_tui.cli.quick import run_quick

    if run_quick(sys.argv[1:]):
        return
    from vpl_tui.cli.group import main

    main()


def __getattr__(name: str) -> object:
    """The group's and the environment's names, imported when first asked for."""
    if name in _FROM_GROUP:
        from vpl_tui.cli import group

        return getattr(group, name)
    if name in _FROM_ENV:
        from vpl_tui.cli import env

        return getattr(env, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


if __name__ == "__main__":  # pragma: no cover
    run()
