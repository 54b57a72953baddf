"""`vpl load` never drops a recorded change (issue 13): the real command on a real file.

A file exported before changes were made keeps them; a file that goes on after the
database's history is taken; a file whose history has diverged, or that leaves out an
activity or budget figure with history, is refused in one line each, and the database
is left exactly as it was. `vpl load --replace` replaces everything after a backup.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from subprocess import CompletedProcess

import pytest
import tomli_w

from vpl_tui.db.bulk import read_plan_rows
from vpl_tui.db.load_merge import LoadRefused
from vpl_tui.db.store import Store
from vpl_tui.model import Plan
from vpl_tui.planfile import dumps_plan, parse_plan, plan_to_data, read_plan

RunVpl = Callable[..., CompletedProcess[str]]
FIGURE = ("operating", "net_costs", 2024)


def dump(db: Path) -> dict[str, list[tuple]]:
    """Every row of every table: what "the database is unchanged" means here."""
    with sqlite3.connect(db) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return {
            table: sorted(connection.execute(f'SELECT * FROM "{table}"'), key=repr)
            for table in tables
        }


def status_and_history(db: Path, ref: str) -> tuple[str, list[tuple[str, str, str]]]:
    with Store.open(db) as store:
        return store.activity(ref).status, [
            (h.from_status, h.to_status, h.user) for h in store.history(ref)
        ]


def ok(result: CompletedProcess[str]) -> CompletedProcess[str]:
    assert result.returncode == 0, result.stderr
    return result


def without_activity(plan_file: Path, ref: str, target: Path) -> Path:
    """The plan file with activity `ref` left out."""
    plan = read_plan(plan_file)
    for goal in plan.goals:
        goal.activities = [a for a in goal.activities if a.ref != ref]
        for initiative in goal.initiatives:
            initiative.activities = [a for a in initiative.activities if a.ref != ref]
    target.write_text(dumps_plan(plan), encoding="utf-8")
    return target


def test_the_issues_scenario_keeps_the_change_and_its_history(
    run_vpl: RunVpl, db_path: Path, tmp_path: Path
) -> None:
    plan = tmp_path / "plan.toml"
    ok(run_vpl("export", "-o", str(plan)))
    ok(run_vpl("set", "smart-2", "done"))
    loaded = ok(run_vpl("load", str(plan)))
    assert status_and_history(db_path, "smart-2") == (
        "done",
        [("not_started", "done", "kontroller")],
    )
    assert "behöll databasens senare ändringar av 1 aktivitet (smart-2)" in loaded.stdout
    # And the database exports as a valid plan that loads again, unchanged.
    again = tmp_path / "again.toml"
    ok(run_vpl("export", "-o", str(again)))
    before = dump(db_path)
    ok(run_vpl("load", str(again)))
    after = dump(db_path)
    assert {t: r for t, r in after.items() if t != "plan"} == {
        t: r for t, r in before.items() if t != "plan"
    }


def test_rows_the_file_adds_after_the_database_are_taken(
    run_vpl: RunVpl, db_path: Path, tmp_path: Path
) -> None:
    base, later = tmp_path / "base.toml", tmp_path / "later.toml"
    ok(run_vpl("export", "-o", str(base)))
    other = tmp_path / "other.db"
    ok(run_vpl("load", str(base), db=other))
    ok(run_vpl("set", "smart-2", "in_progress", db=other))
    ok(run_vpl("set", "smart-2", "done", "--note", "klart", db=other))
    ok(run_vpl("export", "-o", str(later), db=other))
    loaded = ok(run_vpl("load", str(later)))
    assert "behöll" not in loaded.stdout
    assert status_and_history(db_path, "smart-2") == (
        "done",
        [("not_started", "in_progress", "kontroller"), ("in_progress", "done", "kontroller")],
    )


def diverged(run_vpl: RunVpl, tmp_path: Path) -> Path:
    """A file whose smart-2 went on differently from the test database's."""
    base, theirs = tmp_path / "base.toml", tmp_path / "theirs.toml"
    ok(run_vpl("export", "-o", str(base)))
    other = tmp_path / "other.db"
    ok(run_vpl("load", str(base), db=other))
    ok(run_vpl("set", "smart-2", "delayed", db=other))
    ok(run_vpl("export", "-o", str(theirs), db=other))
    ok(run_vpl("set", "smart-2", "done"))
    return theirs


def test_a_diverged_history_is_refused_and_named_and_nothing_is_written(
    run_vpl: RunVpl, db_path: Path, tmp_path: Path
) -> None:
    theirs = diverged(run_vpl, tmp_path)
    before = dump(db_path)
    refused = run_vpl("load", str(theirs))
    assert refused.returncode == 2
    assert refused.stderr.startswith(
        "vpl load: smart-2: filens historik och databasens har gått isär; inget skrevs"
    )
    assert f"vpl load --replace {theirs}" in refused.stderr
    assert len(refused.stderr.splitlines()) == 1 and refused.stdout == ""
    assert dump(db_path) == before
    english = run_vpl("--lang", "en", "load", str(theirs))
    assert english.returncode == 2
    assert english.stderr.startswith(
        "vpl load: smart-2: the file's history and the database's have diverged;"
    )
    assert dump(db_path) == before


def test_leaving_out_an_activity_with_history_is_refused(
    run_vpl: RunVpl, db_path: Path, tmp_path: Path
) -> None:
    ok(run_vpl("set", "smart-2", "done"))
    ok(run_vpl("set", "klimat-5", "in_progress"))
    plan = tmp_path / "plan.toml"
    ok(run_vpl("export", "-o", str(plan)))
    smaller = without_activity(without_activity(plan, "smart-2", plan), "klimat-5", plan)
    before = dump(db_path)
    refused = run_vpl("--lang", "en", "load", str(smaller))
    assert refused.returncode == 2
    lines = refused.stderr.splitlines()
    assert sorted(line.split(":")[1].strip() for line in lines) == ["klimat-5", "smart-2"]
    assert all("cancel it instead" in line for line in lines)
    assert dump(db_path) == before


def test_leaving_out_an_activity_without_history_is_fine(
    run_vpl: RunVpl, db_path: Path, tmp_path: Path
) -> None:
    plan = tmp_path / "plan.toml"
    ok(run_vpl("export", "-o", str(plan)))
    ok(run_vpl("load", str(without_activity(plan, "smart-2", tmp_path / "smaller.toml"))))
    gone = run_vpl("history", "smart-2")
    assert gone.returncode == 2 and "smart-2" in gone.stderr


def set_figure(db: Path, value: str, user: str = "anna") -> None:
    with Store.open(db) as store:
        store.set_figure(*FIGURE, Decimal(value), user=user)


def figure(db: Path) -> tuple[Decimal, list[Decimal]]:
    with Store.open(db) as store:
        current = {(f.table, f.line, f.year): f.value for f in store.figures()}[FIGURE]
        return current, [change.to_value for change in store.figure_history(*FIGURE)]


def test_a_figure_edited_after_the_export_keeps_its_edit(
    run_vpl: RunVpl, db_path: Path, tmp_path: Path
) -> None:
    plan = tmp_path / "plan.toml"
    ok(run_vpl("export", "-o", str(plan)))
    set_figure(db_path, "290000")
    loaded = ok(run_vpl("--lang", "en", "load", str(plan)))
    assert "kept the database's later edits of 1 budget figure" in loaded.stdout
    assert figure(db_path) == (Decimal(290000), [Decimal(290000)])
    budget = ok(run_vpl("budget", "--format", "json"))
    assert budget.returncode == 0


def test_edits_the_file_adds_after_the_database_are_taken(
    run_vpl: RunVpl, db_path: Path, tmp_path: Path
) -> None:
    base, later = tmp_path / "base.toml", tmp_path / "later.toml"
    ok(run_vpl("history"))  # makes the database from the bundled plan
    set_figure(db_path, "280000")
    ok(run_vpl("export", "-o", str(base)))
    other = tmp_path / "other.db"
    ok(run_vpl("load", str(base), db=other))
    set_figure(other, "281500", user="bo")
    ok(run_vpl("export", "-o", str(later), db=other))
    loaded = ok(run_vpl("load", str(later)))
    assert "behöll" not in loaded.stdout
    assert figure(db_path) == (Decimal(281500), [Decimal(280000), Decimal(281500)])


def test_a_diverged_or_dropped_figure_is_refused(
    run_vpl: RunVpl, db_path: Path, tmp_path: Path
) -> None:
    base, theirs = tmp_path / "base.toml", tmp_path / "theirs.toml"
    ok(run_vpl("export", "-o", str(base)))
    other = tmp_path / "other.db"
    ok(run_vpl("load", str(base), db=other))
    set_figure(other, "1")
    ok(run_vpl("export", "-o", str(theirs), db=other))
    set_figure(db_path, "2")
    before = dump(db_path)
    refused = run_vpl("--lang", "en", "load", str(theirs))
    assert refused.returncode == 2
    assert refused.stderr.startswith(
        "vpl load: budget operating/net_costs/2024: the file's edits and the database's "
        "have diverged;"
    )
    plan = read_plan(base)
    no_budget = tmp_path / "no-budget.toml"
    no_budget.write_text(dumps_plan(plan.model_copy(update={"budget": None})), encoding="utf-8")
    dropped = run_vpl("--lang", "en", "load", str(no_budget))
    assert dropped.returncode == 2
    assert "budget operating/net_costs/2024: the file leaves out this figure" in dropped.stderr
    assert dump(db_path) == before


def test_replace_writes_a_backup_then_replaces(
    run_vpl: RunVpl, db_path: Path, tmp_path: Path
) -> None:
    theirs = diverged(run_vpl, tmp_path)
    replaced = ok(run_vpl("--lang", "en", "load", "--replace", str(theirs)))
    first = replaced.stdout.splitlines()[0]
    assert first.startswith(f"backup of {db_path} before the replacement: ")
    backup = Path(first.rsplit(": ", 1)[1])
    assert backup.parent == db_path.parent and backup.name.startswith("plan-backup-")
    assert status_and_history(backup, "smart-2")[0] == "done"
    assert status_and_history(db_path, "smart-2") == (
        "delayed",
        [("not_started", "delayed", "kontroller")],
    )
    # A second replacement in the same second keeps the first copy.
    again = ok(run_vpl("--lang", "en", "load", "--replace", str(theirs)))
    assert Path(again.stdout.splitlines()[0].rsplit(": ", 1)[1]) != backup
    assert status_and_history(backup, "smart-2")[0] == "done"


def test_a_refused_load_is_one_line_each_and_counts_the_rest(
    run_vpl: RunVpl, db_path: Path, tmp_path: Path, seed_plan: Plan
) -> None:
    with Store.open(db_path, seed=lambda: seed_plan) as store:
        refs = [a.ref for a in store.activities()]
        for ref in refs:
            store.set_status(ref, "in_progress", user="anna")
    empty = seed_plan.model_copy(deep=True)
    for goal in empty.goals:
        goal.activities = []
        for initiative in goal.initiatives:
            initiative.activities = []
    plan = tmp_path / "empty.toml"
    plan.write_text(dumps_plan(empty), encoding="utf-8")
    refused = run_vpl("--lang", "en", "load", str(plan))
    lines = refused.stderr.splitlines()
    assert refused.returncode == 2 and len(lines) == 21
    assert lines[-1] == f"vpl load: … and {len(refs) - 20} more; nothing was written"


def test_the_store_keeps_newer_history_from_a_model_and_from_rows_read_in_parts(
    store: Store, seed_plan: Plan, tmp_path: Path
) -> None:
    store.set_status("smart-2", "done", user="anna")
    kept = store.load_plan(seed_plan)
    assert kept.activities == ["smart-2"] and store.activity("smart-2").status == "done"
    path = tmp_path / "plan.toml"
    path.write_text(dumps_plan(seed_plan), encoding="utf-8")
    rows = read_plan_rows(path, processes=2, min_chars=0)
    store.set_status("klimat-5", "delayed", user="anna")
    kept = store.load_plan(rows)
    assert kept.activities == ["klimat-5", "smart-2"]
    assert [h.to_status for h in store.history("smart-2")] == ["done"]
    assert store.activity("klimat-5").status == "delayed"
    assert rows.goals.histories == []  # the caller's rows are left as they were
    with pytest.raises(LoadRefused) as refused:
        store.load_plan(seed_plan.model_copy(update={"goals": []}))
    assert {c.name for c in refused.value.conflicts} >= {"smart-2", "klimat-5"}


def edited(plan: Plan, ref: str, history: list[dict], status: str) -> Plan:
    """`plan` with activity `ref` given `history` and `status` (validated again)."""
    data = plan_to_data(plan)
    for goal in data["goals"]:
        for activity in [
            *goal.get("activities", []),
            *(a for i in goal.get("initiatives", []) for a in i.get("activities", [])),
        ]:
            if activity["ref"] == ref:
                activity.update(history=history, status=status)
    return parse_plan(tomli_w.dumps(data))


def test_an_edited_entry_before_the_last_is_a_divergence_too(
    run_vpl: RunVpl, db_path: Path, tmp_path: Path
) -> None:
    ok(run_vpl("set", "smart-2", "in_progress", "--note", "start"))
    ok(run_vpl("set", "smart-2", "done"))
    plan = tmp_path / "plan.toml"
    ok(run_vpl("export", "-o", str(plan)))
    text = plan.read_text(encoding="utf-8")
    assert text.count('note = "start"') == 1
    plan.write_text(text.replace('note = "start"', 'note = "started"'), encoding="utf-8")
    before = dump(db_path)
    refused = run_vpl("--lang", "en", "load", str(plan))
    assert refused.returncode == 2 and "smart-2: the file's history and the database's" in (
        refused.stderr
    )
    assert dump(db_path) == before


def test_changes_out_of_time_order_and_undos_at_one_moment_are_compared_in_full(
    store: Store, seed_plan: Plan
) -> None:
    # smart-2's history reaches into the future, so its next change is stamped after
    # klimat-5's though written before it: the ids are not in time order.
    future = datetime(2099, 1, 1, tzinfo=UTC)
    plan = edited(
        seed_plan,
        "smart-2",
        [
            {"at": future, "from": "not_started", "to": "done", "user": "anna"},
            {"at": future, "from": "done", "to": "not_started", "user": "anna", "undoes": 0},
        ],
        "not_started",
    )
    store.replace_plan(plan)
    exported = store.export_plan()
    store.set_status("smart-2", "in_progress", user="anna")
    store.set_status("klimat-5", "delayed", user="anna")
    later = store.export_plan()
    assert store.load_plan(later).activities == []
    assert store.load_plan(exported).activities == ["klimat-5", "smart-2"]
    history = store.history("smart-2")
    assert [h.to_status for h in history] == ["done", "not_started", "in_progress"]
    assert history[1].undo_of == history[0].id
    assert store.activity("klimat-5").status == "delayed"
