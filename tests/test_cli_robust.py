"""The command line under odd conditions: any output encoding, numbers out of range, refs
in another case, and every message in the interface's language (issue 13, §4).

Through the real `vpl` entry point, on a real database file.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import click
import pytest
from helpers.cli import (  # noqa: F401  (the fixtures)
    history_db_fixture,
    history_goals,
    history_plan,
    seeded_fixture,
    snapshot,
)

from vpl_tui.cli import main
from vpl_tui.cli.usage import Bounded, bound_numbers, numeric_params
from vpl_tui.db.store import Store
from vpl_tui.errors import VplError, os_reason
from vpl_tui.strings import Strings

VPL = str(Path(sys.executable).with_name("vpl"))


def run_bytes(
    db: Path, home: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run `vpl` and keep its output as bytes: the encoding is what is tested."""
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in {"VPL_DB", "VPL_LANG", "LANG", "LC_ALL", "LC_CTYPE", "PYTHONIOENCODING"}
    }
    environment.update({"VPL_USER": "kontroller", "NO_COLOR": "1", "HOME": str(home)})
    environment.update(env or {})
    return subprocess.run(
        [VPL, "--db", str(db), *args], capture_output=True, env=environment, timeout=120
    )


# -- 1. an output encoding that cannot show å, → or … ------------------------------------------

ENCODINGS = {
    "ascii": ({"PYTHONIOENCODING": "ascii"}, "ascii"),
    "latin-1": ({"PYTHONIOENCODING": "latin-1"}, "latin-1"),
    # The C locale without Python's UTF-8 mode: ASCII, as on an old server.
    "C locale": ({"LC_ALL": "C", "PYTHONUTF8": "0"}, "ascii"),
}


@pytest.mark.parametrize("name", list(ENCODINGS))
def test_a_narrow_encoding_gets_plain_forms_after_a_committed_change(
    seeded: Path, tmp_path: Path, name: str
) -> None:
    env, encoding = ENCODINGS[name]
    result = run_bytes(seeded, tmp_path, "set", "1.1.1-1", "pågår", env=env)
    assert b"Traceback" not in result.stderr, result.stderr.decode(errors="replace")
    assert result.returncode == 0
    shown = result.stdout.decode(encoding)  # what the terminal can show, nothing else
    expected = "Ej påbörjad -> Pågår" if encoding == "latin-1" else "Ej paborjad -> Pagar"
    assert shown == f"1.1.1-1: {expected}\n"
    with Store.open(seeded) as store:
        assert store.activity("1.1.1-1").status == "in_progress"
    history = run_bytes(seeded, tmp_path, "history", env=env)
    assert (history.returncode, history.stderr) == (0, b"")
    assert "-> " in history.stdout.decode(encoding)
    # An error line on stderr as well: one line, in the terminal's encoding.
    refused = run_bytes(seeded, tmp_path, "set", "åtta-1", "klar", env=env)
    assert refused.returncode == 2
    line = refused.stderr.decode(encoding)
    assert line.count("\n") == 1 and "Traceback" not in line
    assert ("åtta-1" if encoding == "latin-1" else "atta-1") in line


# -- 2. numbers out of range -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ("history", "-n", "0"),
            "vpl history: Ogiltigt värde för '-n' / '--limit': 0 ligger inte mellan 1 och "
            "100000 (vpl history --help)",
        ),
        (
            ("history", "--limit", "100001"),
            "vpl history: Ogiltigt värde för '-n' / '--limit': 100001 ligger inte mellan 1 och "
            "100000 (vpl history --help)",
        ),
        (
            ("--lang", "en", "history", "-n", "-5"),
            "vpl history: Invalid value for '-n' / '--limit': -5 is not between 1 and 100000 "
            "(vpl history --help)",
        ),
        (
            ("summary", "--as-of", "0023-01-01"),
            "vpl summary: Ogiltigt värde för '--as-of': 0023-01-01 ligger inte mellan "
            "1900-01-01 och 2200-12-31 (vpl summary --help)",
        ),
    ],
)
def test_a_number_out_of_range_is_refused_in_one_line(
    run_vpl, history_db: Path, args: tuple[str, ...], line: str
) -> None:
    before = snapshot(history_db)
    result = run_vpl(*args)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", line + "\n")
    assert snapshot(history_db) == before


def test_every_numeric_option_has_both_bounds() -> None:
    bound_numbers(main)  # raises for a number without both bounds
    found = numeric_params(main)
    assert found, "history --limit at least"
    assert all(isinstance(param.type, Bounded) for _, param in found)


def test_a_number_within_its_bounds_is_taken(run_vpl, history_db: Path) -> None:
    result = run_vpl("--lang", "en", "history", "-n", "1")
    assert result.returncode == 0 and len(result.stdout.splitlines()) == 1


# -- 4. refs in any case -----------------------------------------------------------------------


def test_a_ref_is_found_whatever_its_case(run_vpl, seeded: Path) -> None:
    result = run_vpl("--lang", "en", "set", "ACCELERERAD-2", "done")
    assert (result.returncode, result.stdout) == (0, "accelererad-2: Not started → Done\n")
    with Store.open(seeded) as store:
        assert store.activity("Accelererad-2").ref == "accelererad-2"
        assert store.activity("accelererad-2").status == "done"
    history = run_vpl("--lang", "en", "history", "Accelererad-2")
    assert "accelererad-2  Not started → Done" in history.stdout
    again = run_vpl("--lang", "en", "set", "accelererad-2", "DONE")
    assert again.stdout == "accelererad-2: already Done\n"


# -- 5. the interface's language ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["sumary"], "vpl: okänt kommando 'sumary'. Menade du 'summary'? (vpl --help)"),
        (["set"], "vpl set: argumentet 'REF' saknas. (vpl set --help)"),
        (["--bogus"], "vpl: okänd flagga '--bogus'. (vpl --help)"),
        (["budget", "extra"], "vpl budget: oväntat extra argument (extra) (vpl budget --help)"),
        (
            ["summary", "--format", "pdf"],
            "vpl summary: Ogiltigt värde för '--format': 'pdf' är inget av 'text', 'markdown', "
            "'json', 'html' (vpl summary --help)",
        ),
        (
            ["summary", "--as-of", "2023-02-30"],
            "vpl summary: Ogiltigt värde för '--as-of': '2023-02-30' är inte ett datum "
            "(ÅÅÅÅ-MM-DD) (vpl summary --help)",
        ),
        (["history", "-n"], "vpl history: flaggan '-n' behöver ett värde. (vpl history --help)"),
    ],
)
def test_a_usage_error_is_in_swedish_by_default(
    run_vpl, history_db: Path, args: list[str], line: str
) -> None:
    result = run_vpl(*args)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", line + "\n")


def test_english_usage_errors_with_vpl_lang(run_vpl, history_db: Path) -> None:
    result = run_vpl("set", env={"VPL_LANG": "en"})
    assert result.stderr == "vpl set: Missing argument 'REF'. (vpl set --help)\n"


@pytest.mark.parametrize(
    ("args", "env", "texts"),
    [
        (
            ["--help"],
            {},
            ["Användning: vpl", "Flaggor:", "Kommandon:", "Plandatabasen (även VPL_DB)"],
        ),
        (["--help"], {"VPL_LANG": "en"}, ["Usage: vpl", "Options:", "Commands:", "The plan db"]),
        (
            ["history", "--help"],
            {},
            ["Visa statushistoriken för REF", "[standard: 50]", "Visa den här hjälpen"],
        ),
        (
            ["--lang", "en", "set", "-h"],
            {},
            ["Set activity REF to STATUS", "Why: kept in the history", "Show this message"],
        ),
    ],
)
def test_help_is_in_the_interface_language(
    run_vpl, history_db: Path, args: list[str], env: dict[str, str], texts: list[str]
) -> None:
    result = run_vpl(*args, env=env)
    assert result.returncode == 0, result.stderr
    shown = " ".join(result.stdout.split())  # click wraps lines
    for text in texts:
        assert " ".join(text.split()) in shown.replace("The plan database", "The plan db"), text


def test_plan_file_reasons_are_in_swedish_with_their_lines(
    run_vpl, history_db: Path, tmp_path: Path
) -> None:
    goals = history_goals()
    goals[0]["activities"][1]["kind"] = "utredning"
    del goals[0]["initiatives"][0]["title"]
    goals[0]["activities"][0]["title"] = "x" * 10_001
    bad = tmp_path / "plan.toml"
    bad.write_text(history_plan(goals), encoding="utf-8")
    before = snapshot(history_db)
    result = run_vpl("load", str(bad))
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert lines[0] == f"{bad}:34: goals[0].initiatives[0].title: obligatoriskt fält saknas"
    assert lines[1].startswith(
        f"{bad}:18: goals[0].activities[0].title: får ha högst 10000 tecken (fick 'xxx"
    )
    assert lines[2] == (
        f"{bad}:30: goals[0].activities[1].kind: ska vara 'activity' eller 'investigation' "
        "(fick 'utredning')"
    )
    assert snapshot(history_db) == before


def test_the_plan_checks_of_vpl_itself_are_in_swedish(
    run_vpl, history_db: Path, tmp_path: Path
) -> None:
    goals = history_goals()
    goals[0]["initiatives"][0]["activities"][0]["ref"] = "A"  # activity a's, in capitals
    goals[0]["activities"][1]["end"] = date(2022, 1, 1)
    bad = tmp_path / "plan.toml"
    bad.write_text(history_plan(goals), encoding="utf-8")
    result = run_vpl("load", str(bad))
    assert result.stderr.splitlines() == [
        f"{bad}:32: goals[0].activities[1].end: 2022-01-01 är före start 2023-01-01",
    ]
    goals[0]["activities"][1]["end"] = date(2023, 3, 31)
    bad.write_text(history_plan(goals), encoding="utf-8")
    result = run_vpl("load", str(bad))
    assert result.stderr.splitlines() == [
        f"{bad}:39: goals[0].initiatives[0].activities[0].ref: A finns redan i "
        "goals[0].activities[0]",
    ]


def test_system_errors_are_in_the_interface_language(
    run_vpl, history_db: Path, tmp_path: Path
) -> None:
    missing = run_vpl("load", str(tmp_path / "saknas.toml"))
    assert missing.stderr == f"{tmp_path / 'saknas.toml'}: filen finns inte\n"
    target = tmp_path / "ingen-mapp" / "plan.toml"
    written = run_vpl("export", "-o", str(target))
    assert written.returncode == 2
    assert written.stderr == (
        f"vpl: {target}: kunde inte skrivas (filen eller mappen finns inte); inget ändrades\n"
    )
    english = run_vpl("--lang", "en", "export", "-o", str(target))
    assert "(no such file or folder)" in english.stderr


@pytest.mark.parametrize(
    ("number", "swedish", "english"),
    [
        (errno.ENOENT, "filen eller mappen finns inte", "no such file or folder"),
        (errno.EACCES, "åtkomst nekad", "permission denied"),
        (errno.EISDIR, "är en mapp", "is a folder"),
        (errno.ENOSPC, "disken är full", "no space left on the disk"),
        (errno.EROFS, "filsystemet är skrivskyddat", "the file system is read-only"),
        (errno.ECONNRESET, "Connection reset by peer", "Connection reset by peer"),
    ],
)
def test_the_common_system_errors_are_worded_by_the_catalog(
    number: int, swedish: str, english: str
) -> None:
    reason = os_reason(
        OSError(number, os.strerror(number) if number != errno.ECONNRESET else english)
    )
    assert (reason.render(Strings("sv")), str(reason)) == (swedish, english)
    nested = VplError("error.write_failed", path="x", reason=reason)
    assert nested.render(Strings("sv")) == f"x: kunde inte skrivas ({swedish}); inget ändrades"


def test_click_messages_are_untouched_in_english() -> None:
    # The English of a usage error is click's own: a test that fails if click changes it.
    error = click.UsageError("Got unexpected extra argument (x)")
    from vpl_tui.cli.usage import usage_reason

    assert usage_reason(error, Strings("en")) == "Got unexpected extra argument (x)"
    assert usage_reason(error, Strings("sv")) == "oväntat extra argument (x)"
