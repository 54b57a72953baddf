"""Damaged or foreign databases: one clear line each, exit code 2, and nothing written.

Every case runs the real `vpl` command. Where the file is not vpl's to change (another
program's database, a newer vpl's, a damaged one) the test also checks that vpl left it
byte-identical and created no -wal or -shm file beside it.

A read-only database still opens for reading: `vpl summary`, `vpl history` and
`vpl export` work, while `vpl set` and `vpl load` say in one line that changes cannot be
saved. The tests drop root's power to ignore file modes, so they mean the same when the
suite runs as root in a container.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from helpers.plans import SMALL_PLAN
from helpers.reliability import (
    FULL_DISK_TRIGGER,
    TRACEBACK,
    database_files,
    record_figure,
    run_vpl,
)

from vpl_tui.db.schema import LATEST_VERSION
from vpl_tui.db.store import Store
from vpl_tui.errors import VplError
from vpl_tui.model import Plan
from vpl_tui.safetext import is_clean
from vpl_tui.strings import Strings

Make = Callable[[Path, Path], None]
"""Builds the database file (first argument) in a folder of the test's (second)."""


@pytest.fixture
def seeded_file(tmp_path: Path, seed_plan: Plan) -> Path:
    """A closed vpl database holding the bundled plan, to copy or damage."""
    path = tmp_path / "seeded.db"
    with Store.open(path, seed=lambda: seed_plan):
        pass
    return path


def assert_one_clear_line(
    result, db: Path, wanted: str
) -> str:  # result: subprocess.CompletedProcess[str]
    """Exit 2, nothing on stdout, one clean line on stderr naming the database."""
    assert TRACEBACK not in result.stderr, result.stderr
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert is_clean(line)
    assert line.startswith(f"vpl: {db}: "), line
    assert wanted in line, line
    return line


def _sqlite(path: Path, *statements: str) -> None:
    connection = sqlite3.connect(path)
    for statement in statements:
        connection.execute(statement)
    connection.commit()
    connection.close()


def _not_sqlite_text(path: Path, _: Path) -> None:
    path.write_text("Verksamhetsplan 2023\nnot a database\n", encoding="utf-8")


def _random_bytes(path: Path, _: Path) -> None:
    path.write_bytes(bytes((i * 7919 + 13) % 256 for i in range(16384)))


def _pdf(path: Path, _: Path) -> None:
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + b"0" * 5000)


def _foreign(path: Path, _: Path) -> None:
    _sqlite(path, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")


def _foreign_with_version(path: Path, _: Path) -> None:
    # Other programs number their schemas with user_version too.
    _sqlite(path, "CREATE TABLE notes (body TEXT)", "PRAGMA user_version = 1")


def _foreign_with_plan_table(path: Path, _: Path) -> None:
    # A table called plan is not enough to make it vpl's.
    _sqlite(path, "CREATE TABLE plan (id INTEGER)", "CREATE TABLE budget (x)")


def _newer(path: Path, seeded: Path) -> None:
    path.write_bytes(seeded.read_bytes())
    _sqlite(path, f"PRAGMA user_version = {LATEST_VERSION + 1}")


def _damaged(path: Path, seeded: Path) -> None:
    # The header survives, so the file opens; pages in the middle are overwritten, as a
    # failing disk or a careless copy would leave them.
    data = bytearray(seeded.read_bytes())
    for offset in range(4096 * 2, len(data), 4096 * 2):
        data[offset : offset + 1024] = b"\xde\xad\xbe\xef" * 256
    path.write_bytes(bytes(data))


def _truncated(path: Path, seeded: Path) -> None:
    path.write_bytes(seeded.read_bytes()[: 4096 * 3])


CASES: list[tuple[str, Make, str]] = [
    ("text file", _not_sqlite_text, "is not a SQLite database"),
    ("random bytes", _random_bytes, "is not a SQLite database"),
    ("a PDF", _pdf, "is not a SQLite database"),
    ("another program's database", _foreign, "is a SQLite database of another program"),
    ("another program's, user_version 1", _foreign_with_version, "of another program"),
    ("another program's, a plan table", _foreign_with_plan_table, "of another program"),
    ("a newer schema version", _newer, "was written by a newer vpl"),
    ("damaged pages", _damaged, "the database is damaged"),
    ("truncated", _truncated, "the database is damaged"),
]
"""(what it is, how to make it, what the line says)."""

COMMANDS = [("summary",), ("set", "1.1.1-1", "done")]
"""A command that reads and one that writes: every command opens the database the same
way, and each run of `vpl` costs half a second."""


@pytest.fixture
def tally(request: pytest.FixtureRequest) -> Iterator[dict[str, int]]:
    """Counts the commands refused by this test; kept as this run's figures."""
    counts = {"refused": 0}
    yield counts
    record_figure(request.config, f"databases/{request.node.name}", counts)


@pytest.mark.parametrize(("what", "make", "wanted"), CASES, ids=[c[0] for c in CASES])
def test_damaged_or_foreign_database_gives_one_clear_line(
    what: str,
    make: Make,
    wanted: str,
    tmp_path: Path,
    seeded_file: Path,
    tally: dict[str, int],
) -> None:
    db = tmp_path / "case" / "plan.db"
    db.parent.mkdir()
    make(db, seeded_file)
    before = database_files(db)
    for command in COMMANDS:
        result = run_vpl("--lang", "en", *command, db=db, home=tmp_path)
        assert_one_clear_line(result, db, wanted)
        tally["refused"] += 1
    # Nothing was written, not even the WAL files that opening a database in WAL mode leaves.
    assert database_files(db) == before
    if make not in (_foreign, _newer, _damaged):
        return
    # Loading a valid plan into it is refused the same way, and writes nothing either.
    plan = tmp_path / "plan.toml"
    plan.write_text(SMALL_PLAN, encoding="utf-8")
    assert_one_clear_line(
        run_vpl("--lang", "en", "load", str(plan), db=db, home=tmp_path), db, wanted
    )
    assert database_files(db) == before
    tally["refused"] += 1


def test_swedish_is_the_default_for_these_lines_too(tmp_path: Path) -> None:
    db = tmp_path / "plan.db"
    _not_sqlite_text(db, tmp_path)
    line = assert_one_clear_line(run_vpl("summary", db=db, home=tmp_path), db, "")
    assert line == f"vpl: {db}: är inte en SQLite-databas"


def test_missing_folder_is_named_and_not_created(tmp_path: Path, tally: dict[str, int]) -> None:
    db = tmp_path / "no-such-folder" / "plan.db"
    for command in COMMANDS:
        result = run_vpl("--lang", "en", *command, db=db, home=tmp_path)
        line = assert_one_clear_line(result, db, "does not exist")
        assert line == f"vpl: {db}: the folder {db.parent} does not exist"
        tally["refused"] += 1
    assert not db.parent.exists()


def test_a_folder_as_database(tmp_path: Path, tally: dict[str, int]) -> None:
    db = tmp_path / "plan.db"
    db.mkdir()
    for command in COMMANDS:
        assert_one_clear_line(
            run_vpl("--lang", "en", *command, db=db, home=tmp_path), db, "is a folder"
        )
        tally["refused"] += 1


# -- read-only ----------------------------------------------------------------------------

READS = [("summary",), ("export",)]
WRITES = [("set", "1.1.1-1", "done"), ("load", "PLAN")]
"""Each kind of write fails in the one place every write passes (Store._write)."""


@pytest.fixture
def restore_modes() -> Iterator[list[Path]]:
    """Paths made read-only by a test, made writable again so tmp_path can be removed."""
    changed: list[Path] = []
    yield changed
    for path in changed:
        path.chmod(0o700 if path.is_dir() else 0o600)


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory: pytest.TempPathFactory, seed_plan: Plan) -> tuple[Path, dict]:
    """A database with one change in its history, and what the read commands print for it."""
    folder = tmp_path_factory.mktemp("shared")
    db = folder / "plan.db"
    with Store.open(db, seed=lambda: seed_plan) as store:
        store.set_status("1.1.1-1", "in_progress", user="kontroller")
    expected = {
        command: run_vpl("--lang", "en", *command, db=db, home=folder).stdout for command in READS
    }
    return db, expected


@pytest.mark.parametrize("what", ["file", "folder", "file and folder"])
def test_read_only_database_reads_and_refuses_writes_in_one_line(
    what: str,
    tmp_path: Path,
    shared_db: tuple[Path, dict],
    restore_modes: list[Path],
    tally: dict[str, int],
) -> None:
    original, expected = shared_db
    folder = tmp_path / "shared"
    folder.mkdir()
    db = folder / "plan.db"
    db.write_bytes(original.read_bytes())
    if "file" in what:
        db.chmod(0o444)
        restore_modes.append(db)
    if "folder" in what:
        folder.chmod(0o555)
        restore_modes.append(folder)
    before = database_files(db)
    for command in READS:
        result = run_vpl("--lang", "en", *command, db=db, home=tmp_path, unprivileged=True)
        assert (result.returncode, result.stderr) == (0, ""), result.stderr
        # The same as from the writable original (the export names no file, the summary
        # no database: they are equal byte for byte).
        assert result.stdout == expected[command]
    plan = tmp_path / "plan.toml"
    plan.write_text(SMALL_PLAN, encoding="utf-8")
    wanted = "the file is read-only" if "file" in what else "is read-only"
    for command in WRITES:
        command = tuple(str(plan) if part == "PLAN" else part for part in command)
        result = run_vpl("--lang", "en", *command, db=db, home=tmp_path, unprivileged=True)
        line = assert_one_clear_line(result, db, wanted)
        assert line.endswith("changes cannot be saved")
        tally["refused"] += 1
    # Reading left nothing behind: no -wal or -shm for the next writer to trip on.
    assert database_files(db) == before
    # Once writable again, the database takes changes as before.
    for path in restore_modes:
        path.chmod(0o700 if path.is_dir() else 0o600)
    result = run_vpl("--lang", "en", "set", "1.1.1-1", "done", db=db, home=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")


def test_read_only_folder_without_the_database(
    tmp_path: Path, restore_modes: list[Path], tally: dict[str, int]
) -> None:
    folder = tmp_path / "locked"
    folder.mkdir(mode=0o555)
    restore_modes.append(folder)
    db = folder / "plan.db"
    result = run_vpl("--lang", "en", "summary", db=db, home=tmp_path, unprivileged=True)
    line = assert_one_clear_line(result, db, "")
    assert line == f"vpl: {db}: the folder {folder} is read-only; changes cannot be saved"
    assert not db.exists()
    tally["refused"] += 1


def test_a_full_disk_refuses_a_change_in_one_line_and_keeps_the_database_as_it_was(
    seeded_file: Path,
) -> None:
    # A real SQLITE_FULL: the database may not grow by a page (SQLite's max_page_count),
    # so status changes go in until one needs a page more, and that one must leave
    # nothing behind: not its history row, not the status it set first.
    with Store.open(seeded_file) as store:
        pages = store.db.conn.execute("PRAGMA page_count").fetchone()[0]
        store.db.conn.execute(f"PRAGMA max_page_count = {pages}")
        refused = None
        for change in range(2000):
            status = "done" if change % 2 == 0 else "not_started"
            before = (store.activity("1.1.1-1"), len(store.history("1.1.1-1")))
            try:
                store.set_status("1.1.1-1", status, note="x" * 200)
            except VplError as error:
                refused = error
                break
        assert refused is not None, "the database never filled up"
        assert refused.render(Strings("en")) == (
            f"{seeded_file}: the disk is full; the change was not saved"
        )
        assert (store.activity("1.1.1-1"), len(store.history("1.1.1-1"))) == before
        assert not store.db.conn.in_transaction
        # Room again (a disk cleared up): the same change goes in.
        store.db.conn.execute(f"PRAGMA max_page_count = {pages * 10}")
        store.set_status("1.1.1-1", status)
        assert store.activity("1.1.1-1").status == status


def test_vpl_set_that_the_database_refuses_is_one_line_and_changes_nothing(
    seeded_file: Path, tmp_path: Path
) -> None:
    # The history row's insert fails after the status was updated in the same transaction
    # (a trigger in the file stands in for a disk that fills up at that moment).
    _sqlite(seeded_file, FULL_DISK_TRIGGER.format(temp=""))
    result = run_vpl("--lang", "en", "set", "1.1.1-1", "done", db=seeded_file, home=tmp_path)
    line = assert_one_clear_line(result, seeded_file, "")
    assert line == f"vpl: {seeded_file}: the disk is full; the change was not saved"
    with Store.open(seeded_file) as store:
        assert store.activity("1.1.1-1").status == "not_started"
        assert store.history("1.1.1-1") == []
