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
from pathlib import Path

import pytest

from vpl_tui import __version__
from vpl_tui.db.schema import LATEST_VERSION
from vpl_tui.db.store import Store
from vpl_tui.planfile import dumps_plan, parse_plan

CHOICES_SV = (
    "not_started (Ej påbörjad), in_progress (Pågår), done (Klar), delayed (Försenad), "
    "cancelled (Avbruten)"
)

HISTORY_PLAN = """\
[plan]
title = "Uppföljningsplan"
organisation = "Staben"
municipality = "Exempelby kommun"
year = 2023
period = "2023-2025"

[[goals]]
number = "1"
kind = "council"
title = "Attraktiv arbetsgivare"

[[goals.metrics]]
name = "Sökande per annons"
latest = "11"
targets = { 2023 = "Öka" }

[[goals.activities]]
ref = "a"
title = "Klar i mars"
start = 2023-01-01
end = 2023-03-31
status = "done"

[[goals.activities.history]]
at = 2023-03-01T12:00:00Z
from = "not_started"
to = "in_progress"
user = "anna"

[[goals.activities.history]]
at = 2023-03-15T12:00:00Z
from = "in_progress"
to = "done"
user = "anna"

[[goals.activities]]
ref = "b"
title = "Sen <b>utredning</b> & [bold]markup[/]"
kind = "investigation"
start = 2023-01-01
end = 2023-03-31

[[goals.initiatives]]
id = "ini"
title = "Initiativet"

[[goals.initiatives.activities]]
ref = "c"
title = "Pågår hela året"
start = 2023-01-01
end = 2023-12-31
status = "in_progress"

[[goals.initiatives.activities.history]]
at = 2023-02-01T12:00:00Z
from = "not_started"
to = "in_progress"
user = "bo"
"""


def snapshot(path: Path) -> dict[str, bytes]:
    """The database and its WAL side files, byte for byte."""
    return {
        p.name: p.read_bytes() for p in sorted(path.parent.glob(path.name + "*")) if p.is_file()
    }


def assert_refused(result: subprocess.CompletedProcess[str], line: str) -> None:
    """Exit code 2, nothing on stdout, exactly `line` on stderr, no traceback."""
    assert (result.returncode, result.stdout, result.stderr) == (2, "", line + "\n")


@pytest.fixture
def seeded(store, db_path: Path) -> Path:
    """The bundled plan in the test's database, with no connection left open."""
    store.close()
    return db_path


@pytest.fixture
def history_db(db_path: Path) -> Path:
    with Store.open(db_path) as store:
        store.replace_plan(parse_plan(HISTORY_PLAN))
    return db_path


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


def test_read_and_print_commands_never_import_textual(seeded: Path, tmp_path: Path) -> None:
    bundled = tmp_path / "bundled.toml"
    with Store.open(seeded) as store:
        bundled.write_text(dumps_plan(store.export_plan()), encoding="utf-8")
    script = f"""
import sys
from vpl_tui.cli import main
db = {str(seeded)!r}
for args in (["summary"], ["summary", "--format", "html"], ["summary", "--format", "json"],
             ["export"], ["history"], ["schema"], ["load", "--check", {str(bundled)!r}],
             ["set", "1.1.1-1", "done"], ["undo"], ["history", "1.1.1-1"], ["--version"]):
    try:
        main(["--db", db, *args], standalone_mode=False)
    except SystemExit:
        pass
loaded = sorted(name for name in sys.modules if name.split(".")[0] == "textual")
print("TEXTUAL:", loaded, file=sys.stderr)
"""
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={**os.environ, "VPL_USER": "kontroller"},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "TEXTUAL: []" in result.stderr


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
    bad.write_text(
        HISTORY_PLAN.replace("end = 2023-12-31", "end = 2022-12-31")
        .replace('kind = "investigation"', 'kind = "utredning"')
        .replace('ref = "b"', 'ref = "a"')
        .replace('title = "Initiativet"', 'title = "Initiativet"\nowner = "Bo"'),
        encoding="utf-8",
    )
    before = snapshot(seeded)
    result = run_vpl("load", str(bad))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [
        f"{bad}: goals[0].initiatives[0].activities[0].end: 2022-12-31 is before start 2023-01-01",
        f"{bad}: goals[0].initiatives[0].owner: unknown key",
        f"{bad}: goals[0].activities[1].kind: input should be 'activity' or 'investigation' "
        "(got 'utredning')",
    ]
    assert "Traceback" not in result.stderr
    assert snapshot(seeded) == before

    bad.write_text(HISTORY_PLAN.replace('ref = "b"', 'ref = "a"'), encoding="utf-8")
    duplicate = run_vpl("load", "--check", str(bad))
    assert_refused(
        duplicate, f"{bad}: goals[0].activities[1].ref: a is a duplicate of goals[0].activities[0]"
    )


def test_a_toml_syntax_error_gives_line_and_column(run_vpl, tmp_path: Path) -> None:
    bad = tmp_path / "syntax.toml"
    bad.write_text('[plan]\ntitle = "Plan\norganisation = "Staben"\n', encoding="utf-8")
    result = run_vpl("load", str(bad))
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
        f"{plan}: loaded 1 goals, 1 initiatives, 3 activities into {seeded}\n",
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


# -- summary --------------------------------------------------------------------------------------


def test_text_summary_of_the_bundled_plan_is_plain_when_piped(run_vpl, seeded: Path) -> None:
    run_vpl("set", "smart-1", "done")
    result = run_vpl("summary", "--as-of", "2023-06-30")
    assert result.returncode == 0
    text = result.stdout
    assert "\x1b" not in text
    assert (
        "Statusrapport: Luleå kommun · KS-Kommunstaben · Verksamhetsplan 2023 (2023-2025)" in text
    )
    assert "Per 2023-06-30" in text
    assert "Aktiviteter: 52" in text
    assert "Försenade enligt slutdatum: 0" in text
    [smart] = [line for line in text.splitlines() if line.startswith("    Smart kommun ")]
    assert smart.endswith(" 0/4")  # set done today: not done yet at the end of June 2023
    now = run_vpl("summary").stdout
    [smart] = [line for line in now.splitlines() if line.startswith("    Smart kommun ")]
    assert smart.endswith(" 1/4")
    later = run_vpl("--lang", "en", "summary", "--as-of", "2024-01-01").stdout
    assert "Overdue: 52" in later
    assert "  1.1.1-1          2023-12-31  Not started  Tillsammans med" in later


def test_json_summary_replays_history_to_the_end_of_the_day(run_vpl, history_db: Path) -> None:
    result = run_vpl("summary", "--format", "json", "--as-of", "2023-04-01", env={"TZ": "UTC"})
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["plan"]["title"] == "Uppföljningsplan"
    assert data["as_of"] == "2023-04-01"
    assert data["totals"] == {
        "activities": 3,
        "by_status": {
            "not_started": 1,
            "in_progress": 1,
            "done": 1,
            "delayed": 0,
            "cancelled": 0,
        },
        "overdue": 1,
    }
    [goal] = data["goals"]
    assert {k: goal[k] for k in ("number", "title", "activities", "done")} == {
        "number": "1",
        "title": "Attraktiv arbetsgivare",
        "activities": 3,
        "done": 1,
    }
    assert [{k: i[k] for k in ("title", "activities", "done")} for i in goal["initiatives"]] == [
        {"title": "Initiativet", "activities": 1, "done": 0}
    ]
    activities = {a["ref"]: a for a in data["activities"]}
    assert activities["b"] == {
        "ref": "b",
        "title": "Sen <b>utredning</b> & [bold]markup[/]",
        "kind": "investigation",
        "goal": "1",
        "initiative": None,
        "start": "2023-01-01",
        "end": "2023-03-31",
        "status": "not_started",
        "overdue": True,
    }
    assert (activities["a"]["status"], activities["a"]["overdue"]) == ("done", False)
    assert activities["c"]["initiative"] == "ini"
    [metric] = data["metrics"]
    assert {k: metric[k] for k in ("name", "goal", "initiative", "latest", "targets")} == {
        "name": "Sökande per annons",
        "goal": "1",
        "initiative": None,
        "latest": "11",
        "targets": {"2023": "Öka"},
    }

    before = json.loads(
        run_vpl("summary", "--format", "json", "--as-of", "2023-03-14", env={"TZ": "UTC"}).stdout
    )
    assert before["totals"]["by_status"]["in_progress"] == 2  # a was not done until 15 March
    assert before["totals"]["overdue"] == 0


def test_markdown_and_html_summaries_escape_plan_text(
    run_vpl, history_db: Path, tmp_path: Path
) -> None:
    markdown = run_vpl("--lang", "en", "summary", "--format", "markdown", "--as-of", "2023-04-01")
    assert markdown.returncode == 0
    assert markdown.stdout.startswith("# Status summary: Exempelby kommun")
    assert "| Done | 1 |" in markdown.stdout
    assert r"Sen \<b\>utredning\</b\> \& \[bold\]markup\[/\]" in markdown.stdout

    page = tmp_path / "rapport.html"
    html = run_vpl("summary", "--format", "html", "--as-of", "2023-04-01", "-o", str(page))
    assert (html.returncode, html.stdout, html.stderr) == (0, "", f"skrev {page}\n")
    text = page.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    assert '<html lang="sv">' in text and "@media print" in text
    assert "Sen &lt;b&gt;utredning&lt;/b&gt; &amp; [bold]markup[/]" in text
    assert "<b>utredning</b>" not in text


def test_vpl_lang_switches_the_interface_but_not_json_keys(run_vpl, history_db: Path) -> None:
    english = run_vpl("summary", "--as-of", "2023-04-01", env={"VPL_LANG": "en"})
    assert "Status summary: " in english.stdout and "Overdue: 1" in english.stdout
    data = json.loads(run_vpl("summary", "--format", "json", env={"VPL_LANG": "en"}).stdout)
    assert set(data["totals"]["by_status"]) == {
        "not_started",
        "in_progress",
        "done",
        "delayed",
        "cancelled",
    }
    assert {a["status"] for a in data["activities"]} == {"done", "not_started", "in_progress"}
    assert data["goals"][0]["kind"] == "council"


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
            "vpl summary: Invalid value for '--as-of': '2023-02-30' är inte ett datum "
            "(ÅÅÅÅ-MM-DD) (vpl summary --help)",
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
    result = run_vpl(*args)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", line + "\n")
    assert history_db.read_bytes() == before


def run_in_terminal(args: list[str], env: dict[str, str]) -> str:
    """Run `vpl` with its stdout on a pseudo-terminal and return what it wrote there."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen(args, stdout=terminal, stderr=subprocess.PIPE, env=env)
    os.close(terminal)
    output = b""
    while True:
        ready, _, _ = select.select([controller], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal closed: the process is done
            break
        if not chunk:
            break
        output += chunk
    process.wait(timeout=60)
    os.close(controller)
    return output.decode("utf-8")


def test_text_summary_has_colour_on_a_terminal_unless_no_color(
    history_db: Path, tmp_path: Path
) -> None:
    vpl = str(Path(sys.executable).with_name("vpl"))
    env = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "VPL_LANG", "VPL_DB"}}
    env["HOME"] = str(tmp_path)
    args = [vpl, "--db", str(history_db), "summary", "--as-of", "2023-04-01"]
    assert "\x1b[" in run_in_terminal(args, env)
    assert "\x1b[" not in run_in_terminal(args, {**env, "NO_COLOR": "1"})


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
