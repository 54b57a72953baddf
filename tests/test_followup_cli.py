"""The follow-up commands through the real `vpl` entry point, on a real SQLite file."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import pytest

from vpl_tui.db.store import Store
from vpl_tui.planfile import dumps_plan

Run = Callable[..., CompletedProcess[str]]
HOSTILE = "Klart\x1b[2J\x1b]0;pwned\x07 \u202eevil\u202c\r\nrad två"


def rows(db_path: Path, table: str) -> int:
    with sqlite3.connect(db_path) as conn:
        return conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_a_follow_up_round_from_assessment_to_ready(run_vpl: Run) -> None:
    done = run_vpl("assess", "1.1.1", "--period", "t1", "Delvis uppfyllt", "--analysis", "Trögt")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "1.1.1 t1: Bedöms delvis uppfyllas ◐ (version 1)\n"
    english = run_vpl("--lang", "en", "assess", "1.1.1", "--period", "TERTIAL 1", "met")
    assert english.stdout == "1.1.1 t1: Expected to be met ● (version 2)\n"
    assert run_vpl("ready", "1.1.1", "--period", "t1").returncode == 2  # no analysis now
    run_vpl("assess", "1.1.1", "--period", "t1", "uppfyllt", "--analysis", "Bra")
    marked = run_vpl("ready", "1.1.1", "--period", "t1")
    assert marked.stdout == "1.1.1 t1: klarmarkerad\n"
    shown = run_vpl("followup", "--period", "t1", "--today", "2023-05-02")
    assert shown.returncode == 0
    lines = shown.stdout.splitlines()
    assert lines[0] == "Uppföljning Tertial 1: 1 av 11 klarmarkerade"
    assert lines[1] == "Deadline 2023-05-15: 13 dagar kvar"
    assert "  1.1.1  Bedöms uppfyllas ●  – klar" in lines
    assert "  1.1.2  ingen bedömning  – bedömning saknas, ej klarmarkerad" in lines
    data = json.loads(run_vpl("followup", "--period", "t1", "--format", "json").stdout)
    assert (data["ready"], data["total"]) == (1, 11)
    assert data["targets"][0]["gaps"] == [] and data["targets"][1]["level"] is None


def test_ready_is_read_only_until_reopened_and_undo_is_a_row(run_vpl: Run, db_path: Path) -> None:
    run_vpl("assess", "1.1.1", "--period", "t1", "met", "--analysis", "Bra")
    run_vpl("ready", "1.1.1", "--period", "t1")
    refused = run_vpl("assess", "1.1.1", "--period", "t1", "ej uppfyllt", "--actions", "x")
    assert refused.returncode == 2
    assert refused.stderr.count("\n") == 1 and "klarmarkerad" in refused.stderr
    assert rows(db_path, "assessment_history") == 1
    assert run_vpl("ready", "1.1.1", "--period", "t1", "--reopen").stdout == (
        "1.1.1 t1: öppnad igen\n"
    )
    undone = run_vpl("assess", "1.1.1", "--period", "t1", "--undo")
    assert undone.stdout == "ångrade bedömningen av 1.1.1 t1: nu ingen bedömning (version 2)\n"
    assert rows(db_path, "assessment_history") == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("assess", "9.9", "--period", "t1", "met"), "inget mål eller initiativ 9.9"),
        (("assess", "1.1.1", "--period", "t9", "met"), "ingen period t9"),
        (("assess", "1.1.1", "--period", "t1", "grönt"), "okänd bedömning grönt"),
        (("assess", "1.1.1", "--period", "t1", "not_met"), "kräver åtgärder"),
        (("assess", "1.1.1", "--period", "t1"), "ange en bedömning"),
        (("note", "nope", "--period", "t1", "x"), "nope"),
        (("ready", "1.1.1", "--period", "t1", "--reopen"), "inte klarmarkerad"),
        (("followup", "--period", "Q5"), "ingen period Q5"),
    ],
)
def test_errors_are_one_line_exit_2_and_write_nothing(
    run_vpl: Run, db_path: Path, args: tuple[str, ...], message: str
) -> None:
    run_vpl("periods")  # the database exists, with the bundled plan
    refused = run_vpl(*args)
    assert refused.returncode == 2
    assert refused.stdout == ""
    assert refused.stderr.startswith("vpl: ") and refused.stderr.count("\n") == 1
    assert message in refused.stderr
    for table in ("assessment_history", "note_history", "ready_history"):
        assert rows(db_path, table) == 0


def test_hostile_analyses_and_notes_are_printed_literally(run_vpl: Run, tmp_path: Path) -> None:
    analysis = tmp_path / "analys.txt"
    analysis.write_text(HOSTILE, encoding="utf-8")
    done = run_vpl(
        "assess", "accelererad", "--period", "t1", "met", "--analysis-file", str(analysis)
    )
    assert done.returncode == 0, done.stderr
    assert run_vpl("note", "1.1.1-1", "--period", "t1", HOSTILE).returncode == 0
    shown = run_vpl("followup", "--period", "t1")
    assert "\x1b" not in shown.stdout and "\u202e" not in shown.stdout and "\r" not in shown.stdout
    assert "Analys: Klart\\x1b[2J" in shown.stdout
    assert "  1.1.1-1: Klart\\x1b[2J" in shown.stdout
    data = json.loads(run_vpl("followup", "--period", "t1", "--format", "json").stdout)
    assert data["notes"]["1.1.1-1"] == HOSTILE  # JSON escapes what a terminal would act on
    read_as_text = HOSTILE.replace("\r\n", "\n")  # a text file's lines, as Python reads them
    assert data["targets"][4]["analysis"] == read_as_text


def test_the_summary_shows_each_assessed_goal(run_vpl: Run) -> None:
    run_vpl("assess", "1.1.2", "--period", "ar", "ej uppfyllt", "--actions", "Ny plan")
    lines = run_vpl("summary").stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("  1.1.2 "))
    assert lines[at + 1] == "    Årsredovisning: Ej uppfyllt ○"
    assert not any("Tertial 1:" in line for line in lines)
    past = run_vpl("summary", "--as-of", "2023-03-01").stdout
    assert "Årsredovisning:" not in past  # assessed today, not yet then


def test_the_fast_export_matches_the_model_with_follow_up(run_vpl: Run, db_path: Path) -> None:
    run_vpl("assess", "1.1.1", "--period", "t1", "met", "--analysis", HOSTILE)
    run_vpl("note", "1.1.1-1", "--period", "t1", "gjort")
    run_vpl("ready", "1.1.1", "--period", "t1")
    with Store.open(db_path) as store:
        assert store.export_text() == dumps_plan(store.export_plan())
