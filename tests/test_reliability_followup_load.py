"""`vpl load` never loses follow-up work: assessments, notes and ready marks (issue 13).

The README's workflow, through the real `vpl`: a plan is exported, someone assesses a
goal, writes a note and marks the follow-up ready, and the older file is loaded again
(to add an activity typed into it): the work is all still there. A file that carries a
history on is taken; one whose history went another way, or that drops the period with
the work, is refused in one line a conflict, and nothing is written; `--replace` still
replaces everything, after a backup. Also the generic helper other histories use.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from subprocess import CompletedProcess

from vpl_tui.db.history_merge import merge_keyed_histories
from vpl_tui.model.followup import NoteChange, PeriodEntry
from vpl_tui.planfile import dumps_plan, read_plan
from vpl_tui.rules.periods import default_periods

RunVpl = Callable[..., CompletedProcess[str]]
FOLLOWUP = ("assessment_history", "note_history", "ready_history")


def ok(result: CompletedProcess[str]) -> CompletedProcess[str]:
    assert result.returncode == 0, result.stderr
    return result


def work(db: Path) -> dict[str, list[tuple]]:
    """The follow-up's rows, without their ids (a load numbers them anew)."""
    with sqlite3.connect(db) as connection:
        return {
            "assessment_history": connection.execute(
                "SELECT target, period, at, level, analysis, actions, user, undo_of IS NOT NULL "
                "FROM assessment_history ORDER BY id"
            ).fetchall(),
            "note_history": connection.execute(
                "SELECT ref, period, at, text, user FROM note_history ORDER BY id"
            ).fetchall(),
            "ready_history": connection.execute(
                "SELECT target, period, at, ready, user FROM ready_history ORDER BY id"
            ).fetchall(),
        }


def everything(db: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(db) as connection:
        tables = [
            name
            for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        return {t: sorted(connection.execute(f'SELECT * FROM "{t}"'), key=repr) for t in tables}


def follow_up(run_vpl: RunVpl, db: Path | None = None) -> None:
    """Someone assesses a goal (and undoes and redoes it), writes a note, marks it ready."""
    extra = {} if db is None else {"db": db}
    ok(run_vpl("assess", "1.1.1", "met", "--period", "t1", "--analysis", "Bra läge", **extra))
    ok(run_vpl("assess", "1.1.1", "--undo", "--period", "t1", **extra))
    ok(run_vpl("assess", "1.1.1", "partly_met", "--period", "t1", "--analysis", "Nja", **extra))
    ok(run_vpl("note", "smart-2", "Läget just nu", "--period", "t1", **extra))
    ok(run_vpl("ready", "1.1.1", "--period", "t1", **extra))


def test_loading_an_older_file_keeps_every_assessment_note_and_ready_mark(
    run_vpl: RunVpl, db_path: Path, tmp_path: Path
) -> None:
    plan = tmp_path / "plan.toml"
    ok(run_vpl("export", "-o", str(plan)))
    follow_up(run_vpl)
    before = work(db_path)
    assert all(before.values())
    loaded = ok(run_vpl("load", str(plan)))
    assert work(db_path) == before
    assert loaded.stdout.splitlines()[1:] == [
        f"{plan}: behöll databasens senare bedömningar av 1 mål eller initiativ (1.1.1 (t1))",
        f"{plan}: behöll databasens senare anteckningar om 1 aktivitet (smart-2 (t1))",
        f"{plan}: behöll databasens senare klarmarkeringar av 1 mål eller initiativ (1.1.1 (t1))",
    ]
    shown = ok(run_vpl("followup", "--period", "t1")).stdout
    assert "Läget just nu" in shown and "1 av 11 klarmarkerade" in shown
    # What is kept exports, loads and exports again byte for byte.
    first, second = tmp_path / "first.toml", tmp_path / "second.toml"
    ok(run_vpl("export", "-o", str(first)))
    ok(run_vpl("load", str(first)))
    ok(run_vpl("export", "-o", str(second)))
    assert first.read_bytes() == second.read_bytes()
    assert work(db_path) == before


def test_a_file_that_carries_the_follow_up_on_is_taken(
    run_vpl: RunVpl, db_path: Path, tmp_path: Path
) -> None:
    base, later = tmp_path / "base.toml", tmp_path / "later.toml"
    ok(run_vpl("note", "smart-2", "Först", "--period", "t1"))
    ok(run_vpl("export", "-o", str(base)))
    other = tmp_path / "other.db"
    ok(run_vpl("load", str(base), db=other))
    follow_up(run_vpl, other)
    ok(run_vpl("export", "-o", str(later), db=other))
    loaded = ok(run_vpl("load", str(later)))
    assert "behöll" not in loaded.stdout
    assert work(db_path) == work(other)


def test_a_diverged_note_is_refused_named_and_nothing_is_written(
    run_vpl: RunVpl, db_path: Path, tmp_path: Path
) -> None:
    plan = tmp_path / "plan.toml"
    ok(run_vpl("note", "smart-2", "Först", "--period", "t1"))
    ok(run_vpl("export", "-o", str(plan)))
    ok(run_vpl("note", "smart-2", "Databasens", "--period", "t1"))
    theirs = read_plan(plan)
    theirs.notes[0].history.append(
        NoteChange(at=datetime(2099, 1, 1, tzinfo=UTC), text="Filens", user="bo")
    )
    plan.write_text(dumps_plan(theirs), encoding="utf-8")
    before = everything(db_path)
    refused = run_vpl("load", str(plan))
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.stderr.splitlines() == [
        "vpl load: anteckningen om smart-2 (t1): filens historik och databasens har gått isär; "
        f"inget skrevs (ta med databasens historik i filen, eller ersätt allt med "
        f"vpl load --replace {plan})"
    ]
    assert everything(db_path) == before
    english = run_vpl("--lang", "en", "load", str(plan))
    assert english.stderr.startswith("vpl load: the note on smart-2 (t1): the file's history")
    # --replace still replaces everything, after a backup of what was there.
    replaced = ok(run_vpl("load", "--replace", str(plan)))
    backup = Path(replaced.stdout.splitlines()[0].rsplit(": ", 1)[1])
    assert work(backup)["note_history"] == before_notes(before)
    assert [row[3] for row in work(db_path)["note_history"]] == ["Först", "Filens"]


def before_notes(rows: dict[str, list[tuple]]) -> list[tuple]:
    return [row[1:] for row in sorted(rows["note_history"])]


def test_a_file_without_the_period_of_the_work_is_refused(
    run_vpl: RunVpl, db_path: Path, tmp_path: Path
) -> None:
    plan = tmp_path / "plan.toml"
    ok(run_vpl("export", "-o", str(plan)))
    follow_up(run_vpl)
    smaller = read_plan(plan)
    assert smaller.periods == []  # the year's three: t1, delar, ar
    smaller.periods = [
        PeriodEntry(id=p.id, name=p.name, end=p.end, deadline=p.deadline, verdict=p.verdict)
        for p in default_periods(smaller.plan.year)
        if p.id != "t1"
    ]
    plan.write_text(dumps_plan(smaller), encoding="utf-8")
    before = everything(db_path)
    refused = run_vpl("--lang", "en", "load", str(plan))
    assert refused.returncode == 2
    lines = refused.stderr.splitlines()
    assert [line.split(":")[1].strip() for line in lines] == [
        "the assessment of 1.1.1 (t1)",
        "the note on smart-2 (t1)",
        "the ready mark of 1.1.1 (t1)",
    ]
    assert all("leaves out" in line for line in lines)
    assert everything(db_path) == before


def test_the_generic_helper_keeps_takes_and_refuses_by_the_core_rule() -> None:
    database = {("m1", 2024): [("a",), ("b",)], ("m2", 2024): [("x",)], ("m3", 2023): [("q",)]}
    file = {("m1", 2024): [("a",)], ("m2", 2024): [("x",), ("y",)], ("m4", 2024): [("n",)]}
    merged = merge_keyed_histories(database, file, belongs=lambda key: key[0] != "gone")
    assert merged.conflicts == []
    assert merged.kept == [("m1", 2024), ("m3", 2023)]
    assert merged.histories == {
        ("m1", 2024): [("a",), ("b",)],
        ("m2", 2024): [("x",), ("y",)],
        ("m4", 2024): [("n",)],
        ("m3", 2023): [("q",)],
    }
    refused = merge_keyed_histories(
        {("gone", 1): [("a",)], ("m1", 1): [("a",)]},
        {("m1", 1): [("b",)]},
        belongs=lambda key: key[0] != "gone",
    )
    assert refused.conflicts == [(("gone", 1), "dropped"), (("m1", 1), "diverged")]
    assert refused.histories == {}
