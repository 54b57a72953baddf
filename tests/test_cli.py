"""The `vpl` command, run as a user runs it: the installed console script in a subprocess.

Databases are prepared in-process with the Store where that is quicker than another
subprocess; every command and every error path goes through the real entry point.
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time
from datetime import date
from pathlib import Path

import pytest
from helpers.cli import (  # noqa: F401  (the fixtures)
    HISTORY_PLAN,
    assert_refused,
    history_db_fixture,
    history_goals,
    history_plan,
    seeded_fixture,
    snapshot,
)

from vpl_tui import __version__
from vpl_tui.db.schema import LATEST_VERSION
from vpl_tui.db.store import Store

# -- the command itself ----------------------------------------------------------------------


def test_version_and_help(run_vpl) -> None:
    version = run_vpl("--version", db=None)
    assert (version.returncode, version.stdout) == (0, f"vpl, version {__version__}\n")
    shown = run_vpl("--help", db=None)
    assert shown.returncode == 0
    for text in ("--db", "VPL_DB", "--lang", "VPL_LANG", "--version"):
        assert text in shown.stdout
    for command in ("load", "export", "schema", "set", "undo", "history", "summary"):
        assert f"\n  {command} " in shown.stdout


def test_first_use_creates_the_default_database_from_the_bundled_plan(
    run_vpl, tmp_path: Path
) -> None:
    result = run_vpl("summary", db=None)
    assert result.returncode == 0, result.stderr
    assert "Aktiviteter: 52" in result.stdout
    default = tmp_path / "xdg-data" / "vpl-tui" / "vpl.db"
    assert default.is_file()
    with Store.open(default) as store:
        assert store.plan_record().organisation == "KS-Kommunstaben"


def test_vpl_db_names_the_database(run_vpl, tmp_path: Path) -> None:
    chosen = tmp_path / "chosen.db"
    result = run_vpl("history", db=None, env={"VPL_DB": str(chosen)})
    assert (result.returncode, result.stdout) == (0, "ingen historik\n")
    assert chosen.is_file()
    assert not (tmp_path / "xdg-data").exists()


# -- the database ------------------------------------------------------------------------------


def test_a_database_from_a_newer_vpl_is_refused_and_left_alone(run_vpl, seeded: Path) -> None:
    import sqlite3

    with sqlite3.connect(seeded) as connection:
        connection.execute(f"PRAGMA user_version = {LATEST_VERSION + 7}")
    connection.close()
    before = snapshot(seeded)
    result = run_vpl("--lang", "en", "set", "1.1.1-1", "done")
    assert_refused(
        result,
        f"vpl: {seeded}: was written by a newer vpl (schema version {LATEST_VERSION + 7}, "
        f"this one knows up to {LATEST_VERSION}); upgrade vpl",
    )
    assert snapshot(seeded) == before


def test_databases_that_cannot_be_used(run_vpl, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder" / "vpl.db"
    assert_refused(
        run_vpl("summary", db=missing),
        f"vpl: {missing}: mappen {missing.parent} finns inte",
    )
    assert not missing.parent.exists()
    text_file = tmp_path / "notes.db"
    text_file.write_text("inte en databas\n" * 100)
    assert_refused(run_vpl("summary", db=text_file), f"vpl: {text_file}: är inte en SQLite-databas")
    assert text_file.read_text() == "inte en databas\n" * 100


# -- load, export, schema ------------------------------------------------------------------------


def test_a_bad_plan_file_is_refused_line_by_line_and_the_database_kept(
    run_vpl, seeded: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "plan.toml"
    goals = history_goals()
    investigation = goals[0]["activities"][1]
    initiative = goals[0]["initiatives"][0]
    initiative["activities"][0]["end"] = date(2022, 12, 31)  # before its start
    investigation.update(kind="utredning", ref="a")  # no such kind; a's ref again
    initiative["owner"] = "Bo"  # no such key
    bad.write_text(history_plan(goals), encoding="utf-8")
    before = snapshot(seeded)
    result = run_vpl("--lang", "en", "load", str(bad))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [
        f"{bad}:47: goals[0].initiatives[0].activities[0].end: 2022-12-31 is before start 2023-01-01",
        f"{bad}:37: goals[0].initiatives[0].owner: unknown key",
        f"{bad}:30: goals[0].activities[1].kind: input should be 'activity' or 'investigation' "
        "(got 'utredning')",
    ]
    assert "Traceback" not in result.stderr
    assert snapshot(seeded) == before

    goals = history_goals()
    goals[0]["activities"][1]["ref"] = "a"
    bad.write_text(history_plan(goals), encoding="utf-8")
    duplicate = run_vpl("--lang", "en", "load", "--check", str(bad))
    assert_refused(
        duplicate,
        f"{bad}:28: goals[0].activities[1].ref: a is a duplicate of goals[0].activities[0]",
    )


def test_a_toml_syntax_error_gives_line_and_column(run_vpl, tmp_path: Path) -> None:
    bad = tmp_path / "syntax.toml"
    bad.write_text('[plan]\ntitle = "Plan\norganisation = "Staben"\n', encoding="utf-8")
    result = run_vpl("--lang", "en", "load", str(bad))
    assert_refused(result, f"{bad}: line 2, column 14: Illegal character '\\n'")
    assert not (tmp_path / "plan.db").exists()  # nothing created for a file that failed


def test_load_check_validates_without_touching_the_database(
    run_vpl, seeded: Path, tmp_path: Path
) -> None:
    plan = tmp_path / "uppfoljning.toml"
    plan.write_text(HISTORY_PLAN, encoding="utf-8")
    before = snapshot(seeded)
    checked = run_vpl("load", "--check", str(plan))
    assert (checked.returncode, checked.stdout) == (
        0,
        f"{plan}: giltig plan (1 mål, 1 initiativ, 3 aktiviteter)\n",
    )
    assert snapshot(seeded) == before


def test_load_replaces_the_plan_and_export_load_export_is_byte_identical(
    run_vpl, seeded: Path, tmp_path: Path
) -> None:
    plan = tmp_path / "uppfoljning.toml"
    plan.write_text(HISTORY_PLAN, encoding="utf-8")
    loaded = run_vpl("--lang", "en", "load", str(plan))
    assert (loaded.returncode, loaded.stdout) == (
        0,
        f"{plan}: loaded 1 goal, 1 initiative, 3 activities into {seeded}\n",
    )
    run_vpl("set", "b", "cancelled", "--note", "Utgår")

    first = tmp_path / "first.toml"
    written = run_vpl("export", "-o", str(first))
    assert (written.returncode, written.stdout, written.stderr) == (0, "", f"skrev {first}\n")
    other = tmp_path / "other.db"
    assert run_vpl("load", str(first), db=other).returncode == 0
    printed = run_vpl("export", db=other)
    assert printed.returncode == 0
    assert printed.stdout == first.read_text(encoding="utf-8")
    assert 'note = "Utgår"' in printed.stdout
    assert "Kommundirektör" not in printed.stdout  # the bundled plan is gone


def test_export_to_a_missing_folder_fails_in_one_line(
    run_vpl, seeded: Path, tmp_path: Path
) -> None:
    target = tmp_path / "missing" / "plan.toml"
    result = run_vpl("export", "-o", str(target))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith(f"vpl: {target}: ")
    assert result.stderr.count("\n") == 1


def test_schema_is_the_plan_files_json_schema(run_vpl) -> None:
    result = run_vpl("schema", db=None)
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "vpl plan file"
    assert {"plan", "goals", "budget", "focus", "mandate"} <= set(schema["properties"])


def test_bad_summary_options_are_usage_errors(run_vpl, history_db: Path) -> None:
    result = run_vpl("summary", "--as-of", "2023-02-30")
    assert (result.returncode, result.stdout) == (2, "")
    assert "'2023-02-30' är inte ett datum (ÅÅÅÅ-MM-DD)" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["summary", "--as-of", "2023-02-30"],
            "vpl summary: Invalid value for '--as-of': '2023-02-30' is not a date "
            "(YYYY-MM-DD) (vpl summary --help)",
        ),
        (["sumary"], "vpl: No such command 'sumary'. Did you mean 'summary'? (vpl --help)"),
        (["set"], "vpl set: Missing argument 'REF'. (vpl set --help)"),
        (["--bogus"], "vpl: No such option '--bogus'. (vpl --help)"),
        (
            ["budget", "extra"],
            "vpl budget: Got unexpected extra argument (extra) (vpl budget --help)",
        ),
    ],
)
def test_a_usage_error_is_one_line_naming_the_command(
    run_vpl, history_db: Path, args: list[str], line: str
) -> None:
    before = history_db.read_bytes()
    result = run_vpl("--lang", "en", *args)  # click's own English (Swedish: test_cli_robust)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", line + "\n")
    assert history_db.read_bytes() == before


def test_vpl_without_a_command_opens_the_app_on_the_plan_and_q_quits(tmp_path: Path) -> None:
    # The real entry point on a real terminal: `vpl` starts reading the plan before it
    # loads Textual and hands that read to the app, whose first screen shows the plan.
    vpl = str(Path(sys.executable).with_name("vpl"))
    env = {k: v for k, v in os.environ.items() if k not in {"VPL_LANG", "VPL_DB"}}
    env.update({"HOME": str(tmp_path), "TERM": "xterm-256color", "NO_COLOR": "1"})
    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    process = subprocess.Popen(
        [vpl, "--db", str(tmp_path / "new.db")],  # a new database: the bundled plan
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,  # where Textual draws
        env=env,
        start_new_session=True,
    )
    os.close(terminal)
    output = b""

    def shown() -> str:  # the text drawn, without the terminal's control sequences
        return re.sub(rb"\x1b\[[0-9;?<>=$]*[a-zA-Z~]", b"", output).decode("utf-8", "replace")

    try:
        deadline = time.monotonic() + 60
        while "Mål för kompetensförsörjningen" not in shown() and time.monotonic() < deadline:
            ready, _, _ = select.select([controller], [], [], 1)
            if ready:
                output += os.read(controller, 65536)
        assert "▼ 0/14 !14  Mål för kompetensförsörjningen" in shown(), shown()[-2000:]
        os.write(controller, b"q")
        while process.poll() is None and time.monotonic() < deadline:
            if select.select([controller], [], [], 0.5)[0]:
                try:
                    os.read(controller, 65536)
                except OSError:
                    break
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
        os.close(controller)
