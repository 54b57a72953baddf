"""`vpl set`, `vpl history` and `vpl undo` import only what they run (issue 12): the
group loads a command's module when that command runs (`LAZY_COMMANDS`), and `--help`
still lists, and words in Swedish, every command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from vpl_tui.cli import LAZY_COMMANDS, main
from vpl_tui.db.store import Store
from vpl_tui.model import Plan

SHOW_MODULES = """
import sys
from vpl_tui.cli import main
try:
    main(sys.argv[1:], standalone_mode=False)
finally:
    print(sorted(m for m in sys.modules if m.startswith("vpl_tui.cli.")))
    print(sorted(m for m in ("pydantic", "textual", "rich", "sqlite_utils") if m in sys.modules))
"""


def modules_of(db: Path, *args: str) -> tuple[list[str], list[str]]:
    result = subprocess.run(
        [sys.executable, "-c", SHOW_MODULES, "--db", str(db), *args],
        capture_output=True,
        text=True,
        check=True,
        env={"VPL_USER": "anna", "PATH": "/usr/bin:/bin"},
    )
    *_, cli, heavy = result.stdout.splitlines()
    return eval(cli), eval(heavy)  # noqa: S307 - our own print of two lists


def test_set_history_and_undo_import_no_other_command(db_path: Path, seed_plan: Plan) -> None:
    with Store.open(db_path, seed=lambda: seed_plan):
        pass
    for args in (("set", "smart-2", "done"), ("history",), ("undo",)):
        cli, heavy = modules_of(db_path, *args)
        assert "vpl_tui.cli.status" in cli
        assert not {"vpl_tui.cli.plan", "vpl_tui.cli.report", "vpl_tui.cli.followup"} & set(cli)
        assert "vpl_tui.cli.board_report" not in cli
        assert heavy == []


def test_help_lists_every_command_and_each_is_named_as_typed(run_vpl) -> None:
    shown = run_vpl("--help").stdout
    assert "Kommandon:" in shown
    listed = [line.split()[0] for line in shown.split("Kommandon:")[1].splitlines() if line]
    assert listed == sorted(LAZY_COMMANDS)
    for name in LAZY_COMMANDS:
        assert main.commands[name].name == name
    assert "Sätt aktivitet REF till STATUS" in run_vpl("set", "--help").stdout


SHOW_LIGHT = """
import sys
at_start = set(sys.modules)  # an editable install's path finder imports pathlib itself
from vpl_tui.cli import main
try:
    main(sys.argv[1:], standalone_mode=False)
finally:
    areas = sorted(m for m in sys.modules if m.startswith("vpl_tui.catalog."))
    print(areas)
    light = ("dataclasses", "pathlib", "vpl_tui.db.plan_edit")
    print(sorted(m for m in light if m in set(sys.modules) - at_start))
"""


def test_set_and_history_load_neither_the_plan_edits_nor_the_help_texts(
    db_path: Path, seed_plan: Plan
) -> None:
    """`vpl set` and `vpl history` change or read a status: the plan's own history and edits
    (and `dataclasses` with them) are `vpl undo`'s, the help's texts `--help`'s, `pathlib`
    the error messages'; the catalog's areas are loaded as their keys are asked for
    (issue 12)."""
    with Store.open(db_path, seed=lambda: seed_plan):
        pass
    for args in (("set", "smart-2", "done"), ("history",), ("--lang", "en", "history", "-n", "2")):
        result = subprocess.run(
            [sys.executable, "-c", SHOW_LIGHT, "--db", str(db_path), *args],
            capture_output=True,
            text=True,
            check=True,
            env={"VPL_USER": "anna", "PATH": "/usr/bin:/bin"},
        )
        *_, areas, heavy = result.stdout.splitlines()
        assert heavy == "[]", args
        assert set(eval(areas)) <= {"vpl_tui.catalog.core", "vpl_tui.catalog.cli"}, args  # noqa: S307
    # Help is still worded from the catalog, and undo still undoes a plan change's kind.
    result = subprocess.run(
        [sys.executable, "-c", SHOW_LIGHT, "--db", str(db_path), "history", "--help"],
        capture_output=True,
        text=True,
        check=True,
        env={"VPL_USER": "anna", "PATH": "/usr/bin:/bin"},
    )
    assert "vpl_tui.catalog.cli_help" in result.stdout
    assert "Visa" in result.stdout
