"""`backup_database`: a consistent copy of a live database, never half a file."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from vpl_tui.db.backup import backup_database, default_backup_path
from vpl_tui.db.store import Store
from vpl_tui.errors import VplError


def rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql).fetchall()


def test_the_backup_holds_the_plan_and_its_history(store: Store, db_path: Path) -> None:
    store.set_status("smart-2", "done", user="anna")
    copy = backup_database(db_path, db_path.with_name("copy.db"))
    with Store.open(copy) as restored:
        assert restored.activity("smart-2").status == "done"
        assert [h.user for h in restored.history("smart-2")][-1] == "anna"
    assert rows(copy, "PRAGMA integrity_check") == [("ok",)]
    assert not list(db_path.parent.glob("*.tmp"))


def test_the_default_name_is_beside_the_database() -> None:
    moment = datetime(2023, 12, 15, 10, 15, tzinfo=UTC)
    assert default_backup_path(Path("/x/plan.db"), moment) == Path(
        "/x/plan-backup-20231215T101500Z.db"
    )


def test_a_backup_while_another_connection_writes_is_one_moment(
    store: Store, db_path: Path
) -> None:
    refs = [a.ref for a in store.activities()][:40]
    stop = threading.Event()

    def write() -> None:
        with Store.open(db_path) as writer:
            while not stop.is_set():
                for ref in refs:
                    writer.toggle_done(ref, user="bo")

    thread = threading.Thread(target=write)
    thread.start()
    try:
        copies = [backup_database(db_path, db_path.with_name(f"c{i}.db")) for i in range(5)]
    finally:
        stop.set()
        thread.join()
    for copy in copies:
        # Consistent: every status matches the last history row written for it.
        current = dict(rows(copy, "SELECT ref, status FROM activity"))
        for ref, to_status in rows(
            copy,
            "SELECT ref, to_status FROM status_history h WHERE id = "
            "(SELECT MAX(id) FROM status_history WHERE ref = h.ref)",
        ):
            assert current[ref] == to_status


def test_a_missing_database_is_one_line_and_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(VplError) as caught:
        backup_database(tmp_path / "none.db", tmp_path / "copy.db")
    assert "none.db" in str(caught.value)
    assert list(tmp_path.iterdir()) == []
