"""The fast start of `vpl set`, `vpl history` and `vpl undo` (issue 12): a plain command
line runs without click, and says and changes exactly what the click group would.

Each command line below is run twice, on two copies of the same database: by the real
`vpl` (which takes the fast path where it can) and by the click group itself. Their
output, exit codes and histories must be the same, line for line.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import click
import pytest
from helpers.cli import seeded_fixture  # noqa: F401
from helpers.imports import VPL, packages_imported

from vpl_tui.cli import main
from vpl_tui.cli.quick import ARGUMENTS, COMMAND_OPTIONS, DB_ENVVAR, GROUP_OPTIONS, recognise

CLICK_ONLY = "import sys; from vpl_tui.cli.group import main; main(sys.argv[1:], prog_name='vpl')"

SEQUENCE: list[list[str]] = [
    ["set", "1.1.1-1", "done"],
    ["set", "1.1.1-1", "done"],  # unchanged
    ["set", "1.1.1-2", "Ej", "påbörjad", "--note", "Väntar på [bold]beslut[/]"],
    ["set", "--note=omtag", "1.1.1-3", "PÅGÅR"],
    ["--lang", "en", "set", "1.1.1-4", "delayed"],
    ["--lang=en", "set", "1.1.1-4", "bogus"],  # an unknown status: one line, exit 2
    ["set", "no-such-ref", "done"],  # an unknown ref
    ["--lang", "xx", "history"],  # an unknown language
    ["history", "-n", "2"],
    ["history", "--limit=3"],
    ["history", "1.1.1-2"],
    ["--lang", "en", "history", "1.1.1-2"],
    ["history", "no-such-ref"],
    ["edit", "1.1.1-5", "--title", "Ny titel"],  # a plan change: click in both runs
    ["undo"],  # undoes the plan change
    ["undo"],  # then 1.1.1-4's status
    ["--lang", "en", "undo"],
    ["history", "-n", "0"],  # out of range: the fast path steps aside, click words it
    ["set", "1.1.1-1"],  # a missing status: click words it
    ["set", "1.1.1-1", "done", "--nte", "x"],  # an unknown option: click
    ["history", "a", "b"],  # one argument too many: click
    ["set", "--help"],
    ["--db"],  # no value
]
"""Command lines in order, each run on the state the earlier ones left."""


def stamp_free(text: str) -> str:
    """Output with its clock times left out: the two runs are seconds apart."""
    return re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", "TIME", text)


def run(db: Path, args: list[str], *, quick: bool) -> tuple[int, str, str]:
    command = [VPL] if quick else [sys.executable, "-c", CLICK_ONLY]
    environment = {k: v for k, v in os.environ.items() if k not in {"VPL_DB", "VPL_LANG"}}
    environment.update({"VPL_USER": "kontroller", "NO_COLOR": "1"})
    db_args = [] if args == ["--db"] else ["--db", str(db)]
    result = subprocess.run(
        [*command, *db_args, *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
        check=False,
    )
    return tuple(  # type: ignore[return-value]
        stamp_free(out).replace(str(db), "DB") if isinstance(out, str) else out
        for out in (result.returncode, result.stdout, result.stderr)
    )


def histories(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        statuses = conn.execute(
            "SELECT ref, from_status, to_status, note, user, undo_of FROM status_history ORDER BY id"
        ).fetchall()
        activities = conn.execute("SELECT ref, status, version, title FROM activity").fetchall()
    return [*statuses, *activities]


def test_the_fast_path_says_and_changes_what_click_does(seeded: Path, tmp_path: Path) -> None:
    fast, slow = tmp_path / "fast.db", tmp_path / "slow.db"
    shutil.copy(seeded, fast)
    shutil.copy(seeded, slow)
    for args in SEQUENCE:
        assert run(fast, args, quick=True) == run(slow, args, quick=False), args
        assert histories(fast) == histories(slow), args
    # The sequence did reach what it means to test.
    rows = histories(fast)
    assert ("1.1.1-2", "not_started", "not_started") not in rows
    assert any(row[:3] == ("1.1.1-4", "delayed", "not_started") for row in rows)  # the undo


def test_the_status_commands_start_without_click_and_the_rest_with_it(seeded: Path) -> None:
    for args in (["set", "1.1.1-1", "done"], ["history", "-n", "3"], ["undo"]):
        assert "click" not in packages_imported("--db", str(seeded), *args), args
    assert "click" in packages_imported("--db", str(seeded), "history", "--help")
    assert "click" in packages_imported("--db", str(seeded), "summary")


def test_a_database_from_the_environment_and_a_damaged_one(seeded: Path, tmp_path: Path) -> None:
    env = {**os.environ, "VPL_DB": str(seeded), "VPL_USER": "kontroller"}
    done = subprocess.run([VPL, "set", "1.1.1-1", "done"], env=env, capture_output=True, text=True)
    assert done.returncode == 0 and "→ Klar" in done.stdout
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"not a database at all " * 200)
    refused = subprocess.run(
        [VPL, "--db", str(damaged), "set", "1.1.1-1", "done"], capture_output=True, text=True
    )
    assert refused.returncode == 2
    assert len(refused.stderr.splitlines()) == 1 and "Traceback" not in refused.stderr


def declared(command: click.Command) -> dict[str, str]:
    return {
        spelling: param.name
        for param in command.params
        if isinstance(param, click.Option) and not param.is_flag
        for spelling in param.opts
    }


def test_the_fast_path_knows_the_click_commands_options_as_declared() -> None:
    assert declared(main) == GROUP_OPTIONS
    envvars = {param.name: param.envvar for param in main.params}
    assert envvars == {"db_path": DB_ENVVAR, "lang": None, "version": None}
    for name, options in COMMAND_OPTIONS.items():
        command = main.commands[name]
        assert declared(command) == options, name
        flags = [p for p in command.params if isinstance(p, click.Option) and p.is_flag]
        assert flags == [], name  # a flag would need a rule here
        arguments = [p for p in command.params if isinstance(p, click.Argument)]
        fewest = sum(1 for p in arguments if p.required)  # nargs=-1 and required: one or more
        most = None if any(p.nargs == -1 for p in arguments) else len(arguments)
        assert ARGUMENTS[name] == (fewest, most), name


@pytest.mark.parametrize(
    ("args", "taken"),
    [
        (["set", "a-1", "done"], True),
        (["--db", "x.db", "--lang", "en", "set", "a-1", "Ej", "påbörjad", "--note", "n"], True),
        (["set", "--note=n", "a-1", "done"], True),
        (["history"], True),
        (["history", "-n", "100000"], True),
        (["undo"], True),
        (["set", "a-1"], False),
        (["set", "a-1", "done", "--note"], False),
        (["set", "a-1", "done", "--note", ""], False),
        (["set", "a-1", "done", "--note", "-x"], False),
        (["set", "a-1", "done", "--note", "a", "--note", "b"], False),
        (["--db", "a", "--db", "b", "undo"], False),
        (["history", "-n", "100001"], False),
        (["history", "-n", "٣"], False),  # a digit, but not one click's int() is given here
        (["history", "-n5"], False),
        (["history", "a", "b"], False),
        (["undo", "x"], False),
        (["-h"], False),
        (["--version"], False),
        (["set", "--", "a-1", "done"], False),
        (["summary"], False),
        ([], False),
    ],
)
def test_what_the_fast_path_takes(args: list[str], taken: bool) -> None:
    assert (recognise(args) is not None) == taken
