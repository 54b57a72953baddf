"""`vpl backup [FILE]`: a consistent copy of the live database, with the real command."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

from vpl_tui.db.store import Store

RunVpl = Callable[..., CompletedProcess[str]]

WRITER = """
import sys
from pathlib import Path
from vpl_tui.db.store import Store

db, running = Path(sys.argv[1]), Path(sys.argv[2])
with Store.open(db) as store:
    refs = [a.ref for a in store.activities()][:40]
    print("writing", flush=True)
    while running.exists():
        for ref in refs:
            store.toggle_done(ref, user="bo")
"""
"""Another process that toggles activities for as long as its file exists."""


def rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql).fetchall()


def written_to(result: CompletedProcess[str]) -> Path:
    assert result.returncode == 0, result.stderr
    return Path(result.stdout.strip().rsplit(": ", 1)[1])


def test_a_backup_beside_the_database_holds_its_changes(run_vpl: RunVpl, db_path: Path) -> None:
    assert run_vpl("set", "smart-2", "done").returncode == 0
    result = run_vpl("backup")
    assert result.stdout.startswith(f"säkerhetskopia av {db_path}: {db_path.parent}/plan-backup-")
    copy = written_to(result)
    with Store.open(copy) as restored:
        assert restored.activity("smart-2").status == "done"
    # A second one in the same second does not take the first one's place.
    assert written_to(run_vpl("backup")) != copy and copy.exists()


def test_a_backup_to_a_named_file(run_vpl: RunVpl, db_path: Path, tmp_path: Path) -> None:
    run_vpl("set", "smart-2", "done")
    target = tmp_path / "kopia.db"
    result = run_vpl("--lang", "en", "backup", str(target))
    assert result.stdout == f"backup of {db_path}: {target}\n"
    assert rows(target, "SELECT status FROM activity WHERE ref = 'smart-2'") == [("done",)]
    assert rows(target, "PRAGMA integrity_check") == [("ok",)]


def test_a_failed_backup_is_one_line_and_exit_2(run_vpl: RunVpl, tmp_path: Path) -> None:
    missing = run_vpl("backup", str(tmp_path / "x.db"), db=tmp_path / "none.db")
    assert missing.returncode == 2
    assert missing.stderr.startswith("vpl: ") and len(missing.stderr.splitlines()) == 1
    assert not (tmp_path / "x.db").exists()
    run_vpl("history")  # makes the database
    nowhere = run_vpl("--lang", "en", "backup", str(tmp_path / "no-folder" / "x.db"))
    assert nowhere.returncode == 2 and "the backup could not be made" in nowhere.stderr
    itself = run_vpl("--lang", "en", "backup", str(tmp_path / "plan.db"))
    assert itself.returncode == 2 and "is the database itself" in itself.stderr


def test_a_backup_while_another_process_writes_is_one_moment(
    run_vpl: RunVpl, db_path: Path, tmp_path: Path
) -> None:
    run_vpl("history")  # makes the database from the bundled plan
    running = tmp_path / "running"
    running.touch()
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db_path), str(running)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout is not None and writer.stdout.readline() == "writing\n"
        time.sleep(0.2)
        copies = [written_to(run_vpl("backup", str(tmp_path / f"c{i}.db"))) for i in range(4)]
    finally:
        running.unlink()
        writer.wait(timeout=60)
    assert writer.returncode == 0
    changes = [rows(copy, "SELECT COUNT(*) FROM status_history")[0][0] for copy in copies]
    assert changes[-1] > 0, "the writer wrote while the copies were made"
    for copy in copies:
        # Consistent: every status is where the activity's last history row left it.
        current = dict(rows(copy, "SELECT ref, status FROM activity"))
        for ref, to_status in rows(
            copy,
            "SELECT ref, to_status FROM status_history h WHERE id = "
            "(SELECT MAX(id) FROM status_history WHERE ref = h.ref)",
        ):
            assert current[ref] == to_status
        assert rows(copy, "PRAGMA integrity_check") == [("ok",)]
