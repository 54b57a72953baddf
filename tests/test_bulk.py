"""A large plan file read in parts, by several processes, gives exactly the plan read whole.

`vpl load` cuts a large file at `[[goals]]` lines and reads the parts at once. Whatever
the cut, the database must end up as it would from one process, and a bad file must be
refused with exactly the lines the ordinary reading gives (it is read again whole).
"""

from __future__ import annotations

import errno
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from vpl_tui.db import bulk
from vpl_tui.db.bulk import cut_points, read_in_parts, read_plan_rows
from vpl_tui.db.rows import plan_rows
from vpl_tui.db.store import Store
from vpl_tui.errors import VplError
from vpl_tui.model import Plan
from vpl_tui.planfile import PlanFileError, read_plan

MAKE_PLAN = Path(__file__).resolve().parent.parent / "benchmarks" / "make_plan.py"


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A generated plan of 2 600 activities in 4 goals: history with undos, budget, focus."""
    path = tmp_path_factory.mktemp("bulk") / "plan.toml"
    subprocess.run(
        [sys.executable, str(MAKE_PLAN), "2600", "-o", str(path), "--today", "2026-06-01"],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return path.read_text(encoding="utf-8")


Tables = dict[str, list[tuple[object, ...]]]


def tables(db: Path) -> Tables:
    """Every row of every table, in a stable order; the load time and source left out."""
    with sqlite3.connect(db) as conn:
        names = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        found = {name: sorted(conn.execute(f'SELECT * FROM "{name}"'), key=repr) for name in names}
        found["plan"] = [row[:7] for row in found["plan"]]
    return found


def load(db: Path, plan: object) -> Tables:
    """Load `plan` into a new database; every reference in it points at a row."""
    with Store.open(db) as store:
        store.replace_plan(plan)  # type: ignore[arg-type]
        # The load inserts activities and history without checking each reference as it
        # goes; the store checks every write's references again after it.
        assert store.db.conn.execute("PRAGMA foreign_keys").fetchone() == (1,)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        # Nor are the activities' CHECKs evaluated as they go in; this evaluates them all.
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    return tables(db)


def test_every_cut_gives_the_plan_read_whole(generated: str, tmp_path: Path) -> None:
    whole = load(tmp_path / "whole.db", read_plan_from(generated, tmp_path))
    assert len(whole["activity"]) == 2600
    assert any(row[7] is not None for row in whole["status_history"])  # undos are linked
    for parts in (2, 3, 4):
        cuts = cut_points(generated, parts)
        assert 1 <= len(cuts) <= parts - 1  # never two cuts at one goal
        rows = read_in_parts(generated, cuts)
        assert rows is not None, f"{parts} parts fell back to reading the file whole"
        assert load(tmp_path / f"parts-{parts}.db", rows) == whole


def test_vpl_load_reads_a_large_file_in_parts_as_one_process_would(
    generated: str, tmp_path: Path, run_vpl: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    path = tmp_path / "plan.toml"
    # Long texts make the file large enough to be read in parts (2 000 000 characters).
    padded = generated.replace('purpose = "', 'purpose = "' + "Syfte. " * 10_000)
    path.write_text(padded, encoding="utf-8")
    assert len(padded) > 2_000_000
    done = run_vpl("load", str(path))
    assert done.returncode == 0, done.stderr
    assert "2600" in done.stdout
    whole = load(tmp_path / "whole.db", read_plan(path))
    assert tables(tmp_path / "plan.db") == whole


def read_plan_from(text: str, tmp_path: Path) -> object:
    path = tmp_path / "whole.toml"
    path.write_text(text, encoding="utf-8")
    return read_plan(path)


def errors(read: Callable[[], object]) -> list[str]:
    with pytest.raises(PlanFileError) as caught:
        read()
    return caught.value.problems


def last_goal_start(text: str) -> int:
    return text.rindex("\n[[goals]]\n") + 1


BROKEN: dict[str, Callable[[str], str]] = {
    # A reference that is unique within each part, duplicated across two parts.
    "duplicate ref": lambda t: t.replace('ref = "i1-4-1.2"\n', 'ref = "i1-1-1.1"\n', 1),
    "duplicate goal number": lambda t: t.replace('number = "1.4"', 'number = "1.1"', 1),
    # `goals` written as a plain array: the next `[[goals]]` may not append to it.
    "plain goals array": lambda t: t.replace("[mandate]", "goals = []\n\n[mandate]", 1),
    "table in two parts": lambda t: t.replace(
        "[[goals]]", "[budget]\nunit = 'tkr'\n\n[[goals]]", 1
    ),
    "unknown key": lambda t: t + "\n[extra]\nkey = 1\n",
    "bad field in the last goal": lambda t: (
        t[: last_goal_start(t)] + t[last_goal_start(t) :].replace("end = 20", "end = 19", 1)
    ),
    "focus names no goal": lambda t: t.replace('goals = ["1.1"', 'goals = ["9.9"', 1),
    "syntax error at the end": lambda t: t + "\n[[goals]]\nnumber = \n",
}


@pytest.mark.parametrize("kind", list(BROKEN))
def test_a_bad_file_is_refused_with_the_lines_of_the_ordinary_reading(
    generated: str, tmp_path: Path, kind: str
) -> None:
    text = BROKEN[kind](generated)
    assert text != generated
    path = tmp_path / "broken.toml"
    path.write_text(text, encoding="utf-8")
    expected = errors(lambda: read_plan(path))
    assert expected
    for parts in (2, 6):
        assert errors(lambda parts=parts: read_plan_rows(path, processes=parts, min_chars=0)) == (
            expected
        )


def test_a_goals_line_inside_a_multiline_string_is_not_a_cut(
    generated: str, tmp_path: Path
) -> None:
    # Every goal's description holds lines that look like `[[goals]]` tables: a cut there
    # would split the string, so the part before it fails and the file is read whole.
    text = generated.replace(
        'description = "Målet', 'description = """\n[[goals]]\n[[goals]]\nMålet', 100
    ).replace('följs upp varje tertial."', 'följs upp varje tertial."""')
    assert text.count('"""') == 8
    path = tmp_path / "strings.toml"
    path.write_text(text, encoding="utf-8")
    whole = load(tmp_path / "whole.db", read_plan(path))
    assert any("[[goals]]" in row[4] for row in whole["goal"])
    for parts in (2, 3, 8, 20):
        rows = read_plan_rows(path, processes=parts, min_chars=0)
        assert load(tmp_path / f"parts-{parts}.db", rows) == whole


@pytest.fixture
def written(generated: str, tmp_path: Path) -> tuple[Path, Tables]:
    """The generated plan as a file, and the tables it gives when read whole."""
    path = tmp_path / "plan.toml"
    path.write_text(generated, encoding="utf-8")
    return path, load(tmp_path / "whole.db", read_plan(path))


def open_pipes() -> set[str]:
    """The pipes this process has open (what a reading process is talked to through)."""
    pipes = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith("pipe:"):
            pipes.add(f"{fd}:{target}")
    return pipes


@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="needs /proc")
def test_a_reading_process_that_dies_means_the_file_is_read_whole(
    generated: str, written: tuple[Path, Tables], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, whole = written
    part = bulk._part

    def dies_in_a_child(text: str, start: int, end: int, index: int, is_last: bool) -> object:
        if index == 1:  # as the out-of-memory killer would stop it
            os.kill(os.getpid(), signal.SIGKILL)
        return part(text, start, end, index, is_last)

    monkeypatch.setattr(bulk, "_part", dies_in_a_child)
    before = open_pipes()
    assert read_in_parts(generated, cut_points(generated, 3)) is None
    rows = read_plan_rows(path, processes=3, min_chars=0)
    assert load(tmp_path / "parts.db", rows) == whole
    assert open_pipes() <= before


@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="needs /proc")
def test_when_no_process_can_be_started_the_file_is_read_whole(
    written: tuple[Path, Tables], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, whole = written
    forks = 0
    fork = os.fork

    def second_fork_fails() -> int:
        nonlocal forks
        forks += 1
        if forks == 2:
            raise BlockingIOError(errno.EAGAIN, "Resource temporarily unavailable")
        return fork()

    monkeypatch.setattr(bulk.os, "fork", second_fork_fails)
    before = open_pipes()
    rows = read_plan_rows(path, processes=3, min_chars=0)
    assert forks == 2
    assert load(tmp_path / "parts.db", rows) == whole
    assert open_pipes() <= before


def test_rows_that_refer_to_nothing_are_not_committed(tmp_path: Path, seed_plan: Plan) -> None:
    db = tmp_path / "plan.db"
    before = load(db, seed_plan)
    rows = plan_rows(seed_plan)
    rows.goals.initiatives[0] = (
        rows.goals.initiatives[0][0],
        "9.9",
        *rows.goals.initiatives[0][2:],
    )
    with (
        Store.open(db) as store,
        pytest.raises(VplError, match="initiative refers to a missing goal"),
    ):
        store.replace_plan(rows)
    assert tables(db) == before
