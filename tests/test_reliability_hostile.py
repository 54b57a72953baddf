"""Hostile text: plan text is data, shown as text, never markup and never terminal control.

The hostile plan (tests/helpers/plans.py) puts Rich/Textual markup with an action link,
CSI and OSC sequences (window title, OSC 52 clipboard), NUL, BEL, DEL, a C1 CSI, bidi
overrides, zero-width characters, HTML, Markdown and a 3 000-character line in every
string a person sees, each after a marker (`H01`, `H02`, ...).

* The real app runs in a pseudo-terminal; the test moves through the plan, opens the
  details, the summary, the budget, the search and the command palette, and quits. Every
  byte the app wrote is kept: none of the payloads reaches the terminal raw, their
  visible escapes do, and the app quits normally with `q` (no action from the data ran).
* Every summary format escapes the text for what it is: text and JSON without control
  characters, Markdown with markup escaped, HTML with tags escaped.
* `vpl export` writes TOML that reads back to exactly the same plan, and a second load
  and export gives the same bytes.
"""

from __future__ import annotations

import html.parser
import json
import re
import tomllib
from pathlib import Path

import pytest
from helpers.plans import HOSTILE, hostile_plan
from helpers.reliability import TRACEBACK, VPL, record_figure, run_vpl, vpl_env
from helpers.terminal import Terminal

from vpl_tui.planfile import parse_plan, plan_to_data
from vpl_tui.safetext import clean

RAW_PAYLOADS: dict[str, bytes] = {
    "CSI from the data": b"\x1b[6666m",
    "OSC 52 clipboard write": b"\x1b]52;c;UFdORUQ",
    "OSC 0 window title": b"\x1b]0;PWNED",
    "NUL": b"\x00",
    "DEL": b"\x7f",
    "C1 CSI (U+009B)": "\x9b".encode(),
    "right-to-left override": "\u202e".encode(),
    "left-to-right isolate": "\u2066".encode(),
    "zero-width space": "\u200b".encode(),
}
"""Bytes that must never reach a terminal: each comes only from the hostile data (Textual
itself writes plenty of escape sequences, so the payloads are ones it never writes)."""

VISIBLE: list[bytes] = [
    b"\\x1b[6666m",
    b"\\x1b]52;c;UFdORUQtQ0xJUA==\\x07",
    b"\\u202eDESREVER",
    b"[@click=app.quit]klick[/]",
    b"[bold red]fet[/]",
]
"""What the payloads look like when shown as text: escapes and markup, literally."""


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database holding the hostile plan, loaded with the real `vpl load`."""
    folder = tmp_path_factory.mktemp("hostile")
    plan = folder / "hostile.toml"
    plan.write_text(hostile_plan(), encoding="utf-8")
    db = folder / "plan.db"
    result = run_vpl("load", str(plan), db=db, home=folder)
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    return db


def assert_no_raw_payload(output: bytes, where: str) -> None:
    for name, payload in RAW_PAYLOADS.items():
        assert payload not in output, f"{name} reached the terminal raw in {where}"


# -- the app in a terminal --------------------------------------------------------------------

KEYS: list[tuple[str, bytes, bytes | None]] = [
    # (what, the keys, a marker the app shows in answer: the test waits for it)
    ("down to the focus list", b"j", None),
    ("expand it", b"l", None),
    ("down to the goal", b"j", None),
    ("expand it", b"l", b"H17"),
    ("the metric", b"j", b"H14"),
    ("activity 1-1 and its history", b"j", b"H17"),
    ("activity 1-2, the long title", b"j", b"H20"),
    ("the initiative", b"j", b"H21"),
    ("expand it", b"l", b"H27"),
    ("its activity", b"j", b"H27"),
    ("the status summary", b"P", b"H03"),
    ("back", b"\x1b", None),
    ("the budget", b"b", b"H21"),
    ("back", b"\x1b", None),
    ("search", b"/", None),
    ("type", b"H2", b"H2"),
    ("leave the search", b"\x1b", None),
    ("the command palette", b"\x10", None),
    ("type", b"H1", b"H1"),
    ("close it", b"\x1b", None),
]
"""The walk through the app. The markers (see helpers/plans.py) are fields in plan order:
H10 the goal, H14 its metric, H17 and H20 its activities, H21 the initiative, H27 its
activity, H03 the municipality in the summary's heading."""


@pytest.mark.slow
def test_app_in_a_terminal_shows_hostile_text_as_text(
    hostile_db: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    env = vpl_env(tmp_path, TERM="xterm-256color", COLORTERM="truecolor")
    env.pop("NO_COLOR")
    # The summary (key p) is saved in the working folder: the test's own.
    terminal = Terminal([VPL, "--db", str(hostile_db)], env=env, cwd=tmp_path)
    try:
        assert terminal.wait_for(b"H10"), "the app did not show the plan"
        terminal.settle()
        answered = 0
        for what, key, expect in KEYS:
            answered += terminal.type(key, expect=expect) and expect is not None
            ended = terminal.process.poll()
            tail = terminal.written()[-3000:]
            assert ended is None, f"the app ended ({ended}) at {what!r}: {tail!r}"
        terminal.type(b"q")
    finally:
        code = terminal.close()
    output = terminal.written()
    assert code == 0
    assert TRACEBACK.encode() not in output
    assert_no_raw_payload(output, "the app")
    for shown in VISIBLE:
        assert shown in output, f"{shown!r} was not shown"
    # The tree's titles were shown (which other fields show is the app's layout).
    markers = sorted(set(re.findall(rb"H\d\d", output)))
    for marker in (b"H10", b"H17", b"H20", b"H21"):  # goal, activities, initiative
        assert marker in markers, f"{marker!r} was never shown: {markers}"
    assert b"END-OF-LONG-LINE" not in output or b"LLLL" in output  # wrapped or cut, not lost
    record_figure(
        request.config,
        "hostile/app",
        {
            "keys": len(KEYS) + 1,
            "answers_seen": answered,
            "bytes_written": len(output),
            "hostile_fields_shown": len(markers),
        },
    )


# -- the summary in every format, the history, the export ---------------------------------


def _run(db: Path, home: Path, *args: str) -> str:
    result = run_vpl("--lang", "en", *args, db=db, home=home)
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    return result.stdout


UNSAFE_TEXT = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069]"
)


def test_text_summary_and_history_show_escapes(hostile_db: Path, tmp_path: Path) -> None:
    for output in (_run(hostile_db, tmp_path, "summary"), _run(hostile_db, tmp_path, "history")):
        assert not UNSAFE_TEXT.search(output)
        assert "\\x1b[6666m" in output
        assert "[@click=app.quit]" in output  # text, as written


def test_json_summary_escapes_controls_and_keeps_the_text(hostile_db: Path, tmp_path: Path) -> None:
    output = _run(hostile_db, tmp_path, "summary", "--format", "json")
    assert not UNSAFE_TEXT.search(output)
    data = json.loads(output)
    # JSON is for programs: the text comes back exactly as the plan file had it.
    assert data["plan"]["title"] == f"H01 {HOSTILE}".replace("\r\n", "\n")
    assert any(goal["title"].startswith("H10 [bold red]") for goal in data["goals"])


def test_markdown_summary_escapes_markup(hostile_db: Path, tmp_path: Path) -> None:
    output = _run(hostile_db, tmp_path, "summary", "--format", "markdown")
    assert not UNSAFE_TEXT.search(output)
    # Every character that starts Markdown or HTML, from the data, comes escaped.
    for line in output.splitlines():
        if "H10" in line or "H01" in line:
            assert "\\<script\\>" in line
            # `@` and the dot of a name as character references: no mention, no autolink.
            assert "\\[&#64;click=app&#46;quit\\]" in line
            assert "\\*stjärna\\*" in line and "\\_under\\_" in line and "\\`kod\\`" in line
            assert "\\|" in line and "\\&amp;" in line
            hostile = line[line.index("H") : line.index(" pipe")]
            assert not re.search(r"(?<!\\)[<\[*_`|]", hostile), line
    assert "\\x1b[6666m" in output.replace("\\\\", "\\").replace("\\[", "[").replace("\\]", "]")


class _Collector(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_summary_escapes_tags(hostile_db: Path, tmp_path: Path) -> None:
    output = _run(hostile_db, tmp_path, "summary", "--format", "html")
    assert not UNSAFE_TEXT.search(output)
    page = _Collector()
    page.feed(output)
    assert "script" not in page.tags  # the data's <script> is text, not a tag
    assert "a" not in page.tags
    text = "".join(page.text)
    # What a browser shows is the plan text, control characters as visible escapes.
    assert clean(f"H10 {HOSTILE}".replace("\r\n", "\n")) in text
    assert "&lt;script&gt;" in output and "&amp;amp;" in output


def test_export_is_exact_and_stable(
    hostile_db: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    exported = _run(hostile_db, tmp_path, "export")
    # No raw control or bidi character in the file either: TOML escapes them.
    assert not UNSAFE_TEXT.search(exported)
    original = parse_plan(hostile_plan())
    assert plan_to_data(parse_plan(exported)) == plan_to_data(original)
    assert tomllib.loads(exported)["plan"]["title"] == f"H01 {HOSTILE}".replace("\r\n", "\n")
    # Load the export into a new database and export again: the same bytes.
    again = tmp_path / "again.toml"
    again.write_text(exported, encoding="utf-8")
    second = tmp_path / "second.db"
    result = run_vpl("load", str(again), db=second, home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert _run(second, tmp_path, "export") == exported
    record_figure(request.config, "hostile/export", {"bytes": len(exported), "round_trip": True})


def test_errors_naming_hostile_input_stay_one_clean_line(hostile_db: Path, tmp_path: Path) -> None:
    result = run_vpl(
        "--lang", "en", "set", "\x1b]52;c;UFdORUQ=\x07\u202e", "done", db=hostile_db, home=tmp_path
    )
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert not UNSAFE_TEXT.search(line)
    assert "x1b]52;c;UFdORUQ=" in line and line.startswith(f"vpl: {hostile_db}: no activity")
