"""What every `vpl` command shares: where the database is, the language, and how a
command fails (one line on stderr, exit code 2).

Nothing here is imported that a command does not need: the store, the plan file reader
and platformdirs are imported when a command first asks for them. Nor click: the fast
path of `vpl set`, `vpl history` and `vpl undo` (`quick`) uses this module without it,
so a line is written with `echo`, which writes where click's `echo` would.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, NoReturn

from vpl_tui.safetext import clean, one_line
from vpl_tui.strings import DEFAULT_LANG, Strings

if TYPE_CHECKING:
    from pathlib import Path

    import click

    from vpl_tui.db.plan_edit import PlanEdit
    from vpl_tui.db.status_store import StatusStore
    from vpl_tui.db.store import Store
    from vpl_tui.model import Plan

BUNDLED_PLAN = "verksamhetsplan-2023.toml"


def default_db_path() -> Path:
    """The database used without `--db`: one file in the user's data folder."""
    import platformdirs

    return platformdirs.user_data_path("vpl-tui", appauthor=False) / "vpl.db"


def bundled_plan() -> Plan:
    """The plan shipped with vpl: Luleå kommun's KS-Kommunstaben Verksamhetsplan 2023."""
    from importlib.resources import files

    from vpl_tui.planfile import parse_plan

    resource = files("vpl_tui.seed").joinpath(BUNDLED_PLAN)
    return parse_plan(resource.read_bytes(), BUNDLED_PLAN)


class Env:
    """What every command needs: where the database is and which language to speak.

    A plain class, not a dataclass: `dataclasses` imports `inspect`, milliseconds of
    every start for three attributes.
    """

    __slots__ = ("_db_path", "db_file", "explicit_db", "strings")

    def __init__(self, db_path: Path | str, explicit_db: bool, strings: Strings) -> None:
        self.db_file = db_path
        """The database as given (`--db` is a string): `vpl set` opens it without pathlib."""
        self._db_path: Path | None = None
        self.explicit_db = explicit_db
        self.strings = strings

    @property
    def db_path(self) -> Path:
        """The database file as a `Path`, made when a command first asks for it."""
        if self._db_path is None:
            from pathlib import Path

            self._db_path = Path(self.db_file)
        return self._db_path

    def open_store(self, *, seed: bool = True) -> Store:
        """Open the database, creating it from the bundled plan when it holds no plan yet."""
        from vpl_tui.db.store import Store

        return Store.open(
            self.db_path,
            seed=bundled_plan if seed else None,
            create_folder=not self.explicit_db,
        )

    def open_status_store(self, *, plan_edits: bool = True) -> StatusStore | PlanEdit | Store:
        """The store's status part, for `vpl set`, `vpl undo`, `vpl history` and the plan edits.

        Importing only that part spares these commands the budget, load and export; a database
        that does not exist yet, or holds no plan, is created and seeded by the whole store.
        `plan_edits=False`: without the plan's own history and edits (`vpl set`, `vpl
        history`), whose modules the commands that only change or read a status never need.
        """
        from vpl_tui.db.status_store import open_status_store

        store = open_status_store(
            self.db_file, create_folder=not self.explicit_db, plan_edits=plan_edits
        )
        return store if store is not None else self.open_store()


def strings_of(ctx: click.Context) -> Strings:
    """The language of the command line, or Swedish before `--lang` has been read."""
    return ctx.obj.strings if isinstance(ctx.obj, Env) else Strings(DEFAULT_LANG)


def echo(line: str, *, err: bool = False) -> None:
    """Write one line on standard output (or error) and flush it, as `click.echo` does.

    The streams are looked up at each call, so a test's captured streams get the line.
    """
    stream = sys.stderr if err else sys.stdout
    stream.write(f"{line}\n")
    stream.flush()


def fail(message: str) -> NoReturn:
    """Print one line on stderr and exit with code 2."""
    echo(f"vpl: {one_line(message)}", err=True)
    sys.exit(2)


def fail_on(error: Exception, env: Env | None, strings: Strings) -> None:
    """Exit with the error's one line (or lines) and code 2 if a person can act on it.

    A plan file's problems (a line each), vpl's own errors, and a database that opened
    but failed on a query (a page damaged in the middle of the file, a full disk). Returns
    if the error is none of these: the caller raises it. The click group and the fast
    path both end here, so an error reads the same whichever parsed the command line.
    """
    from vpl_tui.errors import PlanFileError, VplError

    if isinstance(error, PlanFileError):
        for line in error.render(strings):
            echo(line, err=True)
        sys.exit(2)
    if isinstance(error, VplError):
        fail(error.render(strings))
    # sqlite3 is loaded by then if the error is one of its own; `vpl --help` need not load it.
    sqlite3 = sys.modules.get("sqlite3")
    if sqlite3 is not None and isinstance(error, sqlite3.DatabaseError) and env is not None:
        from vpl_tui.db.store import database_error

        fail(database_error(error, env.db_path).render(env.strings))


OUTPUT_HELP = "Write to FILE (`-` is standard output); a file is replaced atomically."


def write_output(env: Env, output: str, text: str) -> None:
    """Write `text` where `-o` names and say so on stderr; one line if it fails.

    `vpl_tui.files.write_output` decides how: standard output, a link's target, a device,
    or a regular file replaced atomically; the database itself is refused.
    """
    from vpl_tui import files

    written = files.write_output(output, text, protected=[env.db_path], stdout=sys.stdout)
    if written is not None:
        echo(env.strings("cli.exported", file=clean(output)), err=True)


def no_cycle_collection() -> None:
    """Turn off Python's cycle collector for the rest of this (short-lived) command.

    Reading or writing a whole plan makes millions of objects that live until the command
    ends and hold no cycles; at 100 000 activities the collector would spend a third of
    `vpl load`'s time walking them again and again, for nothing to collect.
    """
    import gc

    gc.disable()
