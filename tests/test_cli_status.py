"""`vpl set`, `vpl undo` and `vpl history` through the real entry point, and what every
command's start costs: no Textual but in the app, no pydantic for the commands a
controller runs again and again (measured with -X importtime)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from helpers.cli import assert_refused, seeded_fixture, snapshot  # noqa: F401
from helpers.imports import VPL, packages_imported, slow_imports

from vpl_tui.db.store import Store
from vpl_tui.planfile import dumps_plan

CHOICES_SV = (
    "not_started (Ej påbörjad), in_progress (Pågår), done (Klar), delayed (Försenad), "
    "cancelled (Avbruten)"
)


def prepared(seeded: Path, tmp_path: Path, args: list[str]) -> list[str]:
    """`args` made ready to run: a plan file for `load --check`, a change for `undo`."""
    if args == ["undo"]:
        assert run_vpl_plain(seeded, "set", "1.1.1-3", "done").returncode == 0
    if "BUNDLED" not in args:
        return args
    bundled = tmp_path / "bundled.toml"
    with Store.open(seeded) as store:
        bundled.write_text(dumps_plan(store.export_plan()), encoding="utf-8")
    return [str(bundled) if arg == "BUNDLED" else arg for arg in args]


@pytest.mark.parametrize(
    "args",
    [
        ["set", "1.1.1-1", "done"],
        ["undo"],
        ["history"],
        ["history", "1.1.1-1"],
        ["export"],
        ["schema"],
        ["load", "--check", "BUNDLED"],
        ["--version"],
    ],
    ids=" ".join,
)
def test_no_command_but_the_app_imports_textual(
    seeded: Path, tmp_path: Path, args: list[str]
) -> None:
    # Measured on the real entry point, as a user starts it: Textual is only for the app.
    imported = packages_imported("--db", str(seeded), *prepared(seeded, tmp_path, args))
    assert "textual" not in imported


@pytest.mark.parametrize(
    "args",
    [
        ["set", "1.1.1-1", "done"],
        ["undo"],
        ["history"],
        ["history", "1.1.1-1"],
    ],
    ids=" ".join,
)
def test_set_undo_and_history_start_without_pydantic(
    seeded: Path, tmp_path: Path, args: list[str]
) -> None:
    # The commands a controller runs again and again need neither the app nor the plan
    # file's models.
    assert slow_imports("--db", str(seeded), *prepared(seeded, tmp_path, args)) == []


def run_vpl_plain(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`vpl --db DB ARGS` as the user the import checks run as."""
    env = {**os.environ, "VPL_USER": "kontroller", "NO_COLOR": "1"}
    return subprocess.run(
        [VPL, "--db", str(db), *args], capture_output=True, text=True, env=env, timeout=120
    )


# -- set, undo, history -----------------------------------------------------------------------


def test_set_undo_and_history_as_a_controller_uses_them(run_vpl, seeded: Path) -> None:
    done = run_vpl("set", "1.1.1-1", "done", "--note", "Klart i mars")
    assert (done.returncode, done.stdout) == (0, "1.1.1-1: Ej påbörjad → Klar\n")
    started = run_vpl("set", "1.1.1-2", "Pågår")  # a Swedish label works as well as a code
    assert started.stdout == "1.1.1-2: Ej påbörjad → Pågår\n"
    back = run_vpl("set", "1.1.1-2", "ej", "påbörjad")  # unquoted words, any case
    assert back.stdout == "1.1.1-2: Pågår → Ej påbörjad\n"
    again = run_vpl("set", "1.1.1-1", "klar")
    assert (again.returncode, again.stdout) == (0, "1.1.1-1: redan Klar\n")

    undone = run_vpl("undo")
    assert (undone.returncode, undone.stdout) == (0, "ångrade 1.1.1-2: Ej påbörjad → Pågår\n")

    history = run_vpl("history")
    lines = history.stdout.splitlines()
    assert len(lines) == 4
    assert lines[0].endswith("  1.1.1-1  Ej påbörjad → Klar  kontroller  Klart i mars")
    assert lines[3].endswith("  1.1.1-2  Ej påbörjad → Pågår ↶  kontroller")
    assert lines[0][:19] <= lines[3][:19]  # UTC times, oldest first
    assert run_vpl("history", "-n", "2").stdout.splitlines() == lines[2:]

    one = run_vpl("--lang", "en", "history", "1.1.1-1")
    assert one.stdout.endswith("  1.1.1-1  Not started → Done  kontroller  Klart i mars\n")
    assert len(one.stdout.splitlines()) == 1


def test_undo_as_another_user_has_nothing_to_undo(run_vpl, seeded: Path) -> None:
    run_vpl("set", "smart-1", "done")
    other = run_vpl("undo", env={"VPL_USER": "bo"})
    assert_refused(other, "vpl: inget att ångra")


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (("set", "9.9.9-9", "done"), "vpl: {db}: ingen aktivitet '9.9.9-9'"),
        (("set", "1.1.1-1", "finished"), f"vpl: okänd status 'finished': välj {CHOICES_SV}"),
        (("history", "9.9.9-9"), "vpl: {db}: ingen aktivitet '9.9.9-9'"),
        (("undo",), "vpl: inget att ångra"),
        (("--lang", "fr", "summary"), "vpl: okänt språk 'fr': välj sv eller en"),
        (("--lang", "en", "set", "1.1.1-1", "x"), "vpl: unknown status 'x': choose "),
    ],
)
def test_refused_commands_say_why_in_one_line_and_change_nothing(
    run_vpl, seeded: Path, args: tuple[str, ...], line: str
) -> None:
    before = snapshot(seeded)
    result = run_vpl(*args)
    expected = line.format(db=seeded)
    if expected.endswith(": choose "):
        assert (result.returncode, result.stdout) == (2, "")
        assert result.stderr.startswith(expected) and result.stderr.count("\n") == 1
    else:
        assert_refused(result, expected)
    assert snapshot(seeded) == before
