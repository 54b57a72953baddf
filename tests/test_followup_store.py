"""Follow-up rounds in the store: a real SQLite file, two Store objects on one file."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from helpers.plan_changes import BEFORE_PLAN_CHANGES

from vpl_tui.db.followup import StaleAssessment
from vpl_tui.db.store import Store
from vpl_tui.errors import VplError
from vpl_tui.rules.assessments import DEFAULT_SCALE, Assessment
from vpl_tui.rules.periods import default_periods

TODAY = date(2023, 3, 1)


def test_a_plan_without_periods_or_scale_gets_the_defaults(store: Store) -> None:
    assert store.periods() == default_periods(2023)
    assert store.scale() == DEFAULT_SCALE
    assert store.period(None, TODAY).id == "t1"
    assert store.period("DELÅRSRAPPORT", TODAY).id == "delar"
    with pytest.raises(VplError, match="no period t9"):
        store.period("t9", TODAY)


def test_assess_appends_and_counts_versions(store: Store) -> None:
    first = store.assess("1.1.1", "t1", "met", "Går bra", user="anna")
    second = store.assess("1.1.1", "t1", "partly_met", "Trögare", user="bo", expected_version=1)
    assert (first.version, second.version) == (1, 2)
    assert second.assessment == Assessment("partly_met", "Trögare", "")
    assert [row["level"] for row in store.assessment_history("1.1.1", "t1")] == [
        "met",
        "partly_met",
    ]


def test_targets_are_found_in_any_case(store: Store) -> None:
    record = store.assess("ACCELERERAD", "t1", "met", "ok", user="anna")
    assert record.target == "accelererad"
    with pytest.raises(VplError, match="no goal or initiative 9.9"):
        store.assess("9.9", "t1", "met")


def test_a_stale_version_is_refused_showing_the_current_one(db_path: Path, store: Store) -> None:
    other = Store.open(db_path)
    try:
        seen = 0
        store.assess("1.1.1", "t1", "met", "Först", user="anna", expected_version=seen)
        with pytest.raises(StaleAssessment) as refused:
            other.assess("1.1.1", "t1", "not_met", "x", "y", user="bo", expected_version=seen)
        assert refused.value.current.version == 1
        assert refused.value.current.assessment.level == "met"
        assert "version 1" in str(refused.value) and "anna" in str(refused.value)
        assert len(other.assessment_history("1.1.1", "t1")) == 1  # nothing written
    finally:
        other.close()


def test_the_level_needing_actions_is_refused_without_them(store: Store) -> None:
    with pytest.raises(VplError, match="needs actions"):
        store.assess("1.1.1", "t1", "not_met", "Dåligt")
    assert store.assessment("1.1.1", "t1") is None


def test_ready_makes_read_only_until_reopened(store: Store) -> None:
    store.assess("1.1.1", "t1", "met", "Bra", user="anna")
    store.mark_ready("1.1.1", "t1", user="anna")
    for write in (
        lambda: store.assess("1.1.1", "t1", "partly_met", "x"),
        lambda: store.undo_assessment("1.1.1", "t1"),
        lambda: store.note("1.1.1-1", "t1", "gjort"),
    ):
        with pytest.raises(VplError, match="marked ready"):
            write()
    with pytest.raises(VplError, match="already marked ready"):
        store.mark_ready("1.1.1", "t1")
    store.mark_ready("1.1.1", "t1", reopen=True, user="anna")
    assert store.assess("1.1.1", "t1", "partly_met", "Trögare").version == 2
    with pytest.raises(VplError, match="not marked ready"):
        store.mark_ready("1.1.1", "t1", reopen=True)


def test_ready_needs_an_assessment_and_its_analysis(store: Store) -> None:
    with pytest.raises(VplError, match="no assessment"):
        store.mark_ready("1.1.1", "t1")
    store.assess("1.1.1", "t1", "met", "")
    with pytest.raises(VplError, match="no analysis"):
        store.mark_ready("1.1.1", "t1")


def test_undo_is_a_new_row_restoring_the_one_before(store: Store) -> None:
    store.assess("1.1.1", "t1", "met", "Först", user="anna")
    store.assess("1.1.1", "t1", "not_met", "Sen", "Åtgärd", user="anna")
    undone = store.undo_assessment("1.1.1", "t1", user="anna")
    assert undone.assessment == Assessment("met", "Först", "")
    assert undone.version == 3
    again = store.undo_assessment("1.1.1", "t1", user="anna")
    assert again.assessment.level == ""  # back to no assessment
    with pytest.raises(VplError):
        store.undo_assessment("1.1.1", "t1")
    rows = store.assessment_history("1.1.1", "t1")
    assert [row["undo_of"] for row in rows] == [None, None, rows[1]["id"], rows[0]["id"]]


def test_history_tables_are_append_only(store: Store) -> None:
    store.assess("1.1.1", "t1", "met", "Bra")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.db.conn.execute("UPDATE assessment_history SET level = 'not_met'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.db.conn.execute("DELETE FROM assessment_history")


def test_followup_lists_every_goal_and_initiative_with_its_gaps(store: Store) -> None:
    store.assess("1.1.1", "t1", "met", "Bra")
    store.mark_ready("1.1.1", "t1")
    store.assess("1.1.2", "t1", "met", "")
    round_ = store.followup(store.period("t1", TODAY), date(2023, 5, 2))
    assert round_.ready == 1
    assert round_.days_to_deadline == 13
    by_id = {line.target.id: line for line in round_.lines}
    assert len(by_id) == len(store.targets())
    assert by_id["1.1.1"].gaps == []
    assert by_id["1.1.2"].gaps == ["no_analysis", "not_ready"]
    assert by_id["accelererad"].gaps == ["no_assessment", "not_ready"]


def test_assessments_replayed_as_of_a_day(store: Store) -> None:
    store.assess("1.1.1", "t1", "met", "Bra")
    assert store.assessment_as_of("t1", date(2000, 1, 1)) == {}
    assert store.assessment_as_of("t1", date.today()) == {"1.1.1": Assessment("met", "Bra", "")}


def test_notes_keep_their_history(store: Store) -> None:
    store.note("1.1.1-1", "t1", "Annonserat", user="anna")
    store.note("1.1.1-1", "t1", "Annonserat och intervjuat", user="anna")
    assert store.notes("t1") == {"1.1.1-1": "Annonserat och intervjuat"}
    with pytest.raises(VplError):
        store.note("nope", "t1", "x")


def test_a_database_from_before_follow_up_rounds_is_upgraded(db_path: Path, store: Store) -> None:
    from vpl_tui.db.followup_file import FOLLOWUP_TABLES

    store.close()
    with sqlite3.connect(db_path) as conn:  # as vpl wrote it before migration 4
        for table in (
            *FOLLOWUP_TABLES,
            "forecast_history",
            "forecast_setting",
            "drift_line",
            "budget_table_unit",
        ):
            conn.execute(f"DROP TABLE {table}")
        for statement in BEFORE_PLAN_CHANGES:  # and before the later ones
            conn.execute(statement)
        conn.execute("PRAGMA user_version = 3")
    with Store.open(db_path) as upgraded:
        assert upgraded.periods() == default_periods(2023)
        assert upgraded.assess("1.1.1", "t1", "met", "Bra").version == 1


def test_a_read_only_database_from_before_reads_with_the_defaults(
    db_path: Path, store: Store, tmp_path: Path
) -> None:
    from helpers.reliability import database_files, run_vpl

    from vpl_tui.db.followup_file import FOLLOWUP_TABLES

    store.close()
    with sqlite3.connect(db_path) as conn:  # an archived copy made by the previous vpl
        for table in FOLLOWUP_TABLES:
            conn.execute(f"DROP TABLE {table}")
        conn.execute("PRAGMA user_version = 3")
        conn.execute("PRAGMA journal_mode = DELETE")
    db_path.chmod(0o444)
    try:
        before = database_files(db_path)
        for command in (("summary",), ("followup", "--period", "t1"), ("periods",), ("export",)):
            result = run_vpl(*command, db=db_path, home=tmp_path, unprivileged=True)
            assert (result.returncode, result.stderr) == (0, ""), command
        assert database_files(db_path) == before
    finally:
        db_path.chmod(0o600)
