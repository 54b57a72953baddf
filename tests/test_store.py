"""The Store on real SQLite files: schema, settings, status changes, undo, history, as-of.

Every test works on a database file in tmp_path, most on the bundled plan (`store`
fixture); the tests look at the file with plain `sqlite3` and `sqlite-utils` too, since a
controller may well open it with them.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
import sqlite_utils
from helpers.plan_changes import BEFORE_PLAN_CHANGES

from vpl_tui.db.followup_file import FOLLOWUP_TABLES
from vpl_tui.db.schema import LATEST_VERSION
from vpl_tui.db.store import BUSY_TIMEOUT_MS, StaleChange, Store
from vpl_tui.errors import VplError
from vpl_tui.model import Focus, Plan
from vpl_tui.planfile import dumps_plan, parse_plan
from vpl_tui.strings import Strings

SV, EN = Strings("sv"), Strings("en")

HISTORY_PLAN = """\
[plan]
title = "Historikplan"
organisation = "Staben"
year = 2023
period = "2023-2025"

[[goals]]
number = "1"
kind = "council"
title = "Mål"

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
note = "Levererad"
user = "anna"

[[goals.activities]]
ref = "b"
title = "Avbruten i april"
start = 2023-01-01
end = 2023-03-31
status = "cancelled"

[[goals.activities.history]]
at = 2023-04-10T12:00:00Z
from = "not_started"
to = "cancelled"
user = "bo"

[[goals.initiatives]]
id = "ini"
title = "Initiativ"

[[goals.initiatives.activities]]
ref = "c"
title = "Aldrig påbörjad"
start = 2023-02-01
end = 2023-06-30
"""


def table_rows(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, sorted; the plan row without its load time and source."""
    connection = sqlite3.connect(path)
    try:
        names = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        content = {}
        for name in names:
            if name == "plan":
                sql = "SELECT title, organisation, municipality, year, period, currency_unit FROM plan"
            else:
                sql = f'SELECT * FROM "{name}"'
            content[name] = sorted(connection.execute(sql).fetchall(), key=repr)
        return content
    finally:
        connection.close()


def history_count(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT COUNT(*) FROM status_history").fetchone()[0]


def snapshot(path: Path) -> dict[str, bytes]:
    """The database and its WAL side files, byte for byte."""
    return {
        p.name: p.read_bytes() for p in sorted(path.parent.glob(path.name + "*")) if p.is_file()
    }


@pytest.fixture
def history_store(db_path: Path):
    with Store.open(db_path) as opened:
        opened.replace_plan(parse_plan(HISTORY_PLAN, "history.toml"), source="history.toml")
        yield opened


# -- opening, schema and settings ------------------------------------------------------------


def test_a_new_database_gets_the_latest_schema_wal_foreign_keys_and_busy_timeout(store) -> None:
    pragma = lambda name: store.db.execute(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
    assert pragma("user_version") == LATEST_VERSION
    assert pragma("foreign_keys") == 1
    assert pragma("journal_mode") == "wal"
    assert pragma("busy_timeout") == BUSY_TIMEOUT_MS
    assert store.has_plan()


def test_the_file_is_ordinary_sqlite_for_sqlite3_and_sqlite_utils(store, db_path: Path) -> None:
    store.set_status("1.1.1-1", "done", note="Klart", user="anna")
    store.close()
    db = sqlite_utils.Database(db_path)
    assert {"plan", "goal", "initiative", "activity", "status_history", "metric"} <= set(
        db.table_names()
    )
    assert db["activity"].count == 52
    assert db["goal"].count == 5
    [row] = list(db["status_history"].rows)
    assert (row["ref"], row["from_status"], row["to_status"], row["note"], row["user"]) == (
        "1.1.1-1",
        "not_started",
        "done",
        "Klart",
        "anna",
    )
    with sqlite3.connect(db_path) as plain:
        assert plain.execute("SELECT status FROM activity WHERE ref = '1.1.1-1'").fetchone() == (
            "done",
        )


def test_the_seed_is_used_only_for_a_database_without_plan(store, db_path: Path) -> None:
    store.set_status("1.1.1-1", "done", user="anna")
    store.close()

    def must_not_seed() -> Plan:
        raise AssertionError("seeded a database that already holds a plan")

    with Store.open(db_path, seed=must_not_seed) as again:
        assert again.activity("1.1.1-1").status == "done"


def test_without_seed_a_new_database_is_empty_and_says_so(db_path: Path) -> None:
    with Store.open(db_path) as empty:
        assert not empty.has_plan()
        with pytest.raises(VplError) as caught:
            empty.export_plan()
    assert caught.value.render(EN) == f"{db_path}: holds no plan; load one with vpl load"


def test_a_database_from_a_newer_vpl_is_refused_untouched(store, db_path: Path) -> None:
    store.close()
    with sqlite3.connect(db_path) as connection:
        connection.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    connection.close()
    before = snapshot(db_path)
    with pytest.raises(VplError) as caught:
        Store.open(db_path)
    assert caught.value.render(EN) == (
        f"{db_path}: was written by a newer vpl (schema version {LATEST_VERSION + 1}, "
        f"this one knows up to {LATEST_VERSION}); upgrade vpl"
    )
    assert "nyare vpl" in caught.value.render(SV)
    assert snapshot(db_path) == before


def test_another_programs_database_is_refused_untouched(db_path: Path) -> None:
    with sqlite3.connect(db_path) as connection:
        connection.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY)")
    connection.close()
    before = snapshot(db_path)
    with pytest.raises(VplError) as caught:
        Store.open(db_path)
    assert caught.value.render(EN) == (
        f"{db_path}: is a SQLite database of another program (tables: customers)"
    )
    assert snapshot(db_path) == before


def test_a_file_that_is_not_sqlite_is_refused_untouched(db_path: Path) -> None:
    db_path.write_text("[plan]\ntitle = 'a plan file, not a database'\n")
    before = snapshot(db_path)
    with pytest.raises(VplError) as caught:
        Store.open(db_path)
    assert caught.value.key == "error.db_not_sqlite"
    assert snapshot(db_path) == before


def test_a_missing_folder_is_an_error_unless_asked_to_create_it(tmp_path: Path) -> None:
    path = tmp_path / "no" / "such" / "vpl.db"
    with pytest.raises(VplError) as caught:
        Store.open(path)
    assert caught.value.key == "error.db_no_folder"
    assert not path.parent.exists()
    with Store.open(path, create_folder=True) as created:
        assert not created.has_plan()
    assert path.is_file()


# -- status changes ------------------------------------------------------------------------


def test_set_status_writes_the_status_and_one_history_row(store) -> None:
    before = datetime.now(UTC)
    change = store.set_status("smart-2", "in_progress", note="Startmöte hållet", user="anna")
    assert change is not None
    assert (change.ref, change.from_status, change.to_status) == (
        "smart-2",
        "not_started",
        "in_progress",
    )
    assert (change.note, change.user, change.undo_of) == ("Startmöte hållet", "anna", None)
    assert change.at.tzinfo == UTC
    assert before - timedelta(seconds=1) <= change.at <= datetime.now(UTC) + timedelta(seconds=1)
    activity = store.activity("smart-2")
    assert (activity.status, activity.version) == ("in_progress", 1)
    assert store.history("smart-2") == [change]
    stored_at = store.db.execute("SELECT at FROM status_history").fetchone()[0]
    assert stored_at.endswith("Z")  # UTC on disk, whatever the local zone


def test_setting_the_same_status_writes_nothing(store, db_path: Path) -> None:
    assert store.set_status("smart-2", "not_started", user="anna") is None
    assert store.history() == []
    assert store.activity("smart-2").version == 0


def test_an_unknown_ref_is_an_error_and_writes_nothing(store, db_path: Path) -> None:
    with pytest.raises(VplError) as caught:
        store.set_status("9.9.9-9", "done", user="anna")
    assert caught.value.render(SV) == f"{db_path}: ingen aktivitet '9.9.9-9'"
    with pytest.raises(VplError):
        store.history("9.9.9-9")
    assert history_count(db_path) == 0


def test_a_stale_change_is_refused_with_the_current_state(store, db_path: Path) -> None:
    seen = store.activity("klimat-1").version
    with Store.open(db_path) as colleague:
        colleague.set_status("klimat-1", "delayed", user="bo")
    with pytest.raises(StaleChange) as caught:
        store.set_status("klimat-1", "done", user="anna", expected_version=seen)
    assert caught.value.current.status == "delayed"
    assert caught.value.render(EN) == "klimat-1 was changed by someone else: it is now delayed"
    assert store.activity("klimat-1").status == "delayed"
    assert history_count(db_path) == 1


def test_toggle_done_goes_back_to_the_status_before_done(store) -> None:
    store.set_status("trygg-1", "delayed", user="anna")
    assert store.toggle_done("trygg-1", user="anna").to_status == "done"
    assert store.toggle_done("trygg-1", user="anna").to_status == "delayed"


def test_history_is_append_only_at_the_sqlite_level(store, db_path: Path) -> None:
    store.set_status("1.1.1-1", "done", user="anna")
    store.close()
    connection = sqlite3.connect(db_path)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            connection.execute("UPDATE status_history SET to_status = 'cancelled'")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            connection.execute("DELETE FROM status_history")
    finally:
        connection.close()
    assert history_count(db_path) == 1


# -- undo -------------------------------------------------------------------------------------


def test_undo_adds_a_row_that_restores_the_previous_status(store) -> None:
    first = store.set_status("1.1.5-1", "in_progress", user="anna")
    second = store.set_status("1.1.5-1", "done", note="Klar", user="anna")
    undone = store.undo(user="anna")
    assert (undone.ref, undone.from_status, undone.to_status, undone.undo_of) == (
        "1.1.5-1",
        "done",
        "in_progress",
        second.id,
    )
    again = store.undo(user="anna")
    assert (again.to_status, again.undo_of) == ("not_started", first.id)
    assert store.activity("1.1.5-1").status == "not_started"
    rows = store.history("1.1.5-1")
    assert [row.id for row in rows[:2]] == [first.id, second.id]  # nothing deleted
    assert len(rows) == 4
    with pytest.raises(VplError) as caught:
        store.undo(user="anna")
    assert caught.value.render(SV) == "inget att ångra"


def test_undo_only_reverts_the_users_own_changes(store) -> None:
    store.set_status("smart-1", "done", user="anna")
    store.set_status("smart-3", "delayed", user="bo")
    assert store.undo(user="anna").ref == "smart-1"
    assert store.activity("smart-3").status == "delayed"
    with pytest.raises(VplError):
        store.undo(user="anna")


def test_undo_refuses_to_overwrite_a_later_change_by_someone_else(store) -> None:
    store.set_status("smart-1", "done", user="anna")
    store.set_status("smart-1", "cancelled", user="bo")
    with pytest.raises(VplError) as caught:
        store.undo(user="anna")
    assert caught.value.render(EN) == "cannot undo smart-1: it has changed to cancelled since"
    assert store.activity("smart-1").status == "cancelled"
    assert len(store.history("smart-1")) == 2


# -- transactions ---------------------------------------------------------------------------


def test_a_failing_replace_leaves_the_database_as_it_was(store, db_path: Path, seed_plan) -> None:
    store.set_status("1.1.1-1", "done", user="anna")
    before = table_rows(db_path)
    # Built without validation: the focus list names a goal the plan lacks, which only the
    # database's foreign key notices, after every goal, activity and history row is written.
    broken = Plan.model_construct(
        plan=seed_plan.plan,
        mandate=seed_plan.mandate,
        focus=[Focus(title="Fokus", goals=["9.9"])],
        goals=seed_plan.goals[:2],
        budget=None,
    )
    with pytest.raises(VplError, match="focus_goal refers to a missing goal"):
        store.replace_plan(broken)
    assert table_rows(db_path) == before
    assert store.activity("1.1.1-1").status == "done"
    assert store.budget() is not None


@pytest.mark.parametrize(("column", "value"), [(5, "meeting"), (8, "finished")])
def test_a_replace_with_a_kind_or_status_the_table_forbids_commits_nothing(
    store, db_path: Path, seed_plan, column: int, value: str
) -> None:
    # The load inserts activities without SQLite's CHECKs (they cost half the insert) and
    # checks their values once before the commit: a row that slipped past the models
    # (a bug) must still not reach the database.
    from vpl_tui.db.rows import plan_rows

    before = table_rows(db_path)
    rows = plan_rows(seed_plan)
    activity = list(rows.goals.activities[3])
    activity[column] = value
    rows.goals.activities[3] = tuple(activity)
    with pytest.raises(VplError, match=f"CHECK constraint failed: activity {activity[0]}"):
        store.replace_plan(rows)
    assert table_rows(db_path) == before
    assert store.db.conn.execute("PRAGMA ignore_check_constraints").fetchone()[0] == 0


def test_another_connection_sees_a_commit_through_data_version(store, db_path: Path) -> None:
    seen = store.data_version()
    with Store.open(db_path) as colleague:
        colleague.set_status("1.1.3-2", "in_progress", user="bo")
    assert store.data_version() != seen
    assert store.activity("1.1.3-2").status == "in_progress"


# -- reading --------------------------------------------------------------------------------


def test_goals_and_initiatives_count_progress_and_overdue(store) -> None:
    store.set_status("smart-1", "done", user="anna")
    store.set_status("smart-2", "cancelled", user="anna")
    store.set_status("1.1.5-1", "done", user="anna")
    goals = {goal.number: goal for goal in store.goals(date(2024, 1, 1))}
    assert goals["1.1.4"].progress.total == 33
    assert goals["1.1.4"].progress.done == 1
    assert goals["1.1.4"].progress.overdue == 31  # every open one: all end 2023-12-31
    assert goals["1.1.4"].initiative_count == 6
    assert goals["1.1.5"].progress.done == 1
    assert goals["1.1.5"].metric_count == 2
    smart = next(i for i in store.initiatives("1.1.4", date(2023, 12, 31)) if i.id == "smart")
    assert (smart.progress.total, smart.progress.done, smart.progress.overdue) == (4, 1, 0)
    assert [i.id for i in store.initiatives("1.1.4")] == [
        "accelererad",
        "kompetensattraktion",
        "foretagsklimat",
        "klimat",
        "smart",
        "trygg",
    ]


def test_activities_of_a_goal_leave_out_its_initiatives(store) -> None:
    assert store.activities(goal_number="1.1.4") == []
    assert [a.ref for a in store.activities(initiative_id="trygg")] == [
        "trygg-1",
        "trygg-2",
        "trygg-3",
        "trygg-4",
    ]
    every = store.activities()
    assert len(every) == 52
    assert (every[0].ref, every[-1].ref) == ("1.1.1-1", "1.1.5-5")
    assert store.activity("klimat-9").initiative_id == "klimat"


def test_search_ignores_case_and_accents(store) -> None:
    refs = [a.ref for a in store.search("lulea industripark")]
    assert refs == ["accelererad-2"]
    assert {a.ref for a in store.search("UTREDNINGSUPPDRAG")} >= {"1.1.2-4", "klimat-9"}
    assert store.search("100%") == []


def test_metrics_of_a_goal_and_of_an_initiative(store) -> None:
    [first, second] = store.metrics("1.1.4", "klimat")
    assert first.name == "Indikatorerna för övergripande målet Klimat"
    assert (second.latest, second.latest_year) == ("134", 2022)
    assert second.targets == {"2023": "Lägre än 134", "2024": "Lägre än 134", "2025": "Högst 10"}
    assert [m.name for m in store.metrics("1.1.3")][0] == "Antal sökande per annons"
    assert len(store.all_metrics()) == 14


# -- as of a day --------------------------------------------------------------------------------


@pytest.fixture
def utc_clock(monkeypatch: pytest.MonkeyPatch):
    """Local time is UTC for the test, so that "the end of a day" is unambiguous."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def statuses_on(store: Store, day: date) -> dict[str, str]:
    return {a.ref: a.status for a in store.activities_as_of(day)}


def test_statuses_are_replayed_to_the_end_of_a_day(history_store, utc_clock) -> None:
    assert statuses_on(history_store, date(2023, 2, 28)) == {
        "a": "not_started",
        "b": "not_started",
        "c": "not_started",
    }
    assert statuses_on(history_store, date(2023, 3, 1))["a"] == "in_progress"
    assert statuses_on(history_store, date(2023, 3, 15))["a"] == "done"
    assert statuses_on(history_store, date(2023, 4, 10)) == {
        "a": "done",
        "b": "cancelled",
        "c": "not_started",
    }


def test_overdue_means_past_the_end_and_neither_done_nor_cancelled(
    history_store, utc_clock
) -> None:
    overdue = lambda day: [a.ref for a in history_store.overdue_as_of(day)]  # noqa: E731
    assert overdue(date(2023, 3, 31)) == []  # the end date itself is not overdue
    assert overdue(date(2023, 4, 1)) == ["b"]  # a is done; b is only cancelled on 10 April
    assert overdue(date(2023, 4, 10)) == []
    assert overdue(date(2023, 7, 1)) == ["c"]
    counts = history_store.progress_as_of(date(2023, 4, 1))
    assert counts[("1", None)]["done"] == 1
    assert counts[("1", None)]["overdue"] == 1
    assert counts[("1", "ini")]["not_started"] == 1


def test_the_end_of_a_day_is_local_time(history_store, monkeypatch) -> None:
    # 23:30 UTC on 14 March is already 15 March in Stockholm.
    history_store.replace_plan(
        parse_plan(HISTORY_PLAN.replace("2023-03-15T12:00:00Z", "2023-03-14T23:30:00Z"))
    )
    monkeypatch.setenv("TZ", "Europe/Stockholm")
    time.tzset()
    try:
        assert statuses_on(history_store, date(2023, 3, 14))["a"] == "in_progress"
        assert statuses_on(history_store, date(2023, 3, 15))["a"] == "done"
    finally:
        monkeypatch.undo()
        time.tzset()


# -- round trips ------------------------------------------------------------------------------


def test_load_export_load_gives_the_same_database(tmp_path: Path, seed_plan) -> None:
    first, second = tmp_path / "first.db", tmp_path / "second.db"
    with Store.open(first, seed=lambda: seed_plan) as store:
        store.set_status("1.1.1-1", "in_progress", note="Start", user="anna")
        store.set_status("1.1.1-1", "done", user="anna")
        store.set_status("klimat-3", "delayed", note="Väntar på\nbeslut", user="bo")
        store.undo(user="anna")
        store.set_figure(
            "operating", "net_costs", 2024, Decimal(282000), note="Prognos", user="anna"
        )
        store.set_figure("pot", "multikort", 2023, Decimal("3.25"), user="anna")
        exported = store.export_plan()
    with Store.open(second) as store:
        store.replace_plan(parse_plan(dumps_plan(exported), "export.toml"))
    assert table_rows(second) == table_rows(first)


def test_export_load_export_gives_the_same_bytes(store, tmp_path: Path) -> None:
    store.set_status("trygg-2", "in_progress", note='Citat "så" och \\ snedstreck', user="anna")
    store.undo(user="anna")
    store.set_status("smart-4", "cancelled", note="Två\nrader", user="bo")
    store.set_figure("units", "Personal", 2023, Decimal(39000), user="bo")
    text = dumps_plan(store.export_plan())
    with Store.open(tmp_path / "again.db") as again:
        again.replace_plan(parse_plan(text, "export.toml"))
        assert dumps_plan(again.export_plan()) == text


def test_a_loaded_history_keeps_its_times_notes_users_and_undo_links(history_store) -> None:
    rows = history_store.history()
    assert [(r.ref, r.to_status, r.user) for r in rows] == [
        ("a", "in_progress", "anna"),
        ("a", "done", "anna"),
        ("b", "cancelled", "bo"),
    ]
    assert rows[1].at == datetime(2023, 3, 15, 12, tzinfo=UTC)
    assert rows[1].note == "Levererad"
    assert history_store.activity("a").version == 2
    assert [r.ref for r in history_store.history(limit=1)] == ["b"]


def test_a_change_after_a_later_clock_still_exports_a_loadable_file(history_store) -> None:
    # Another controller's clock ran ahead: the activity's last change is in the future.
    future = HISTORY_PLAN.replace("2023-03-15T12:00:00Z", "2099-01-01T00:00:00Z")
    history_store.replace_plan(parse_plan(future))
    history_store.set_status("a", "in_progress", user="anna")
    rows = history_store.history("a")
    assert rows[-1].at >= rows[-2].at
    reloaded = parse_plan(dumps_plan(history_store.export_plan()), "export.toml")
    assert reloaded.goals[0].activities[0].status == "in_progress"


@pytest.mark.parametrize(
    ("table", "line", "year", "value"),
    [
        ("operating", "net_costs", 2024, Decimal("281078.5")),
        ("investments", "total", 2023, Decimal("1E+20")),
        ("pot", "multikort", 2023, Decimal("-1")),
        ("pot", "multikort", 2023, Decimal("3.1234567890123")),
        # At most three decimals in mkr (whole tkr), as the budget screen says: was accepted.
        ("pot", "total", 2023, Decimal("1.23456")),
        ("pot", "multikort", 2023, Decimal("1E+999999999")),
    ],
)
def test_a_figure_the_plan_file_cannot_hold_is_refused(
    store, db_path: Path, table: str, line: str, year: int, value: Decimal
) -> None:
    before = table_rows(db_path)
    with pytest.raises(VplError) as caught:
        store.set_figure(table, line, year, value, user="anna")
    assert caught.value.render(EN).startswith(f"{table}/{line}/{year}: ")
    assert table_rows(db_path) == before
    parse_plan(dumps_plan(store.export_plan()), "export.toml")


def _modules_imported(db: Path, *args: str) -> set[str]:
    """The modules the real `vpl` entry point imports to run `args` (from -X importtime)."""
    vpl = str(Path(sys.executable).with_name("vpl"))
    result = subprocess.run(
        [sys.executable, "-X", "importtime", vpl, "--db", str(db), *args],
        capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "VPL_USER": "kontroller", "NO_COLOR": "1"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return {
        line.rsplit("|", 1)[1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }


def test_set_history_and_undo_start_without_pydantic_or_sqlite_utils(store, db_path) -> None:
    # Each costs these commands more than their work does (~60 and ~40 ms of start).
    for args in (("set", "1.1.3-2", "done"), ("history",), ("history", "1.1.3-2"), ("undo",)):
        modules = _modules_imported(db_path, *args)
        assert "vpl_tui.db.history" in modules  # the probe sees the store's modules
        heavy = {name for name in modules if name.split(".")[0] in {"pydantic", "sqlite_utils"}}
        assert not heavy, (args, sorted(heavy))
    assert store.activity("1.1.3-2").status == "not_started"  # set, then undone


def test_a_database_of_the_previous_schema_is_upgraded_in_place(store, db_path: Path) -> None:
    store.set_status("1.1.3-2", "done", user="anna")
    store.close()
    with sqlite3.connect(db_path) as connection:  # as vpl left it before migration 3
        connection.execute("DROP INDEX status_history_by_undo")
        for table in FOLLOWUP_TABLES:  # migration 4's
            connection.execute(f"DROP TABLE {table}")
        for statement in BEFORE_PLAN_CHANGES:  # migration 7's
            connection.execute(statement)
        for table in ("forecast_history", "forecast_setting", "budget_table_unit", "drift_line"):
            connection.execute(f"DROP TABLE {table}")
        connection.execute("PRAGMA user_version = 2")
    before = table_rows(db_path)
    with Store.open(db_path) as upgraded:
        assert upgraded.db.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        kept = {
            name: [row[: len(before[name][0])] if before[name] else row for row in rows]
            for name, rows in table_rows(db_path).items()
            if name in before
        }  # columns a later migration adds come after the old ones
        assert kept == before  # every row kept; migration 4 adds the follow-up's tables
        assert upgraded.undo(user="anna").to_status == "not_started"
    with sqlite3.connect(db_path) as connection:
        plan = connection.execute(
            "EXPLAIN QUERY PLAN SELECT 1 FROM status_history WHERE undo_of = 1"
        ).fetchall()
    assert "status_history_by_undo" in str(plan)  # `vpl undo` finds undone changes by index


def test_a_change_inside_an_open_transaction_lands_or_goes_with_it(store, db_path: Path) -> None:
    before = table_rows(db_path)
    with pytest.raises(RuntimeError), store.db.atomic():
        store.set_status("1.1.3-2", "done", user="anna")  # a savepoint in the transaction
        raise RuntimeError("the caller's own step failed")
    assert table_rows(db_path) == before
    with store.db.atomic():
        store.set_status("1.1.3-2", "done", user="anna")
        with pytest.raises(VplError) as refused:  # its savepoint goes, the first change stays
            store.set_status("1.1.3-3", "done", user="x" * 10_000)
        assert refused.value.key == "error.user_too_long"
    assert store.activity("1.1.3-2").status == "done"
    assert [row.ref for row in store.history()][-1] == "1.1.3-2"


def test_a_read_only_database_of_the_previous_schema_reads_as_it_is(
    store, db_path: Path, tmp_path: Path
) -> None:
    # Migration 3 only adds an index: an archived copy made by the previous vpl, which
    # this user cannot write, must still show its summary and history.
    from helpers.reliability import database_files, run_vpl

    store.set_status("1.1.3-2", "done", user="anna", note="Levererad")
    expected = run_vpl("--lang", "en", "history", db=db_path, home=tmp_path).stdout
    store.close()
    with sqlite3.connect(db_path) as connection:
        connection.execute("DROP INDEX status_history_by_undo")
        connection.execute(f"PRAGMA user_version = {LATEST_VERSION - 1}")
        connection.execute("PRAGMA journal_mode = DELETE")  # no -wal beside the archive
    db_path.chmod(0o444)
    try:
        before = database_files(db_path)
        for command in (("history",), ("summary",)):
            result = run_vpl("--lang", "en", *command, db=db_path, home=tmp_path, unprivileged=True)
            assert (result.returncode, result.stderr) == (0, ""), result.stderr
        assert result.stdout.startswith("Status summary")
        history = run_vpl("--lang", "en", "history", db=db_path, home=tmp_path, unprivileged=True)
        assert history.stdout == expected
        assert database_files(db_path) == before  # read as it is: nothing upgraded
    finally:
        db_path.chmod(0o600)
