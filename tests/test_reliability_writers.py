"""Two writers at once: no status change is lost, none is out of order, none fails.

Three kinds of writer work on one database file at the same time, each a process of
its own:

* 500 changes through one open `Store` (as the terminal app makes them);
* 500 changes through the `vpl set` command's code, called 500 times in one process
  (each call parses its arguments, opens the database, changes, prints and closes it,
  exactly as `vpl set` does; only the interpreter start is saved, which would make the
  500 take four minutes);
* 30 genuine `vpl set` processes, two at a time.

The first two change the same ten activities, so they contend for the same rows, not
only for the database. Afterwards every change is in the history once, in the order its
writer made it, each activity's history is an unbroken chain (every change starts from
the status the previous one left), the status equals the last history row, and no
writer was told "database is locked" or anything else.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import threading
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from helpers.reliability import PYTHON, TRACEBACK, record_figure, run_vpl

from vpl_tui.db.store import Store
from vpl_tui.model import INITIAL_STATUS, Plan

WRITER = Path(__file__).parent / "helpers" / "writer.py"
CHANGES = 500
"""Changes by each of the two in-process writers."""
VPL_SET_STREAMS = 2
VPL_SET_PER_STREAM = 15


def _start_writer(
    mode: str, db: Path, folder: Path, user: str, prefix: str, statuses: tuple[str, str], refs
) -> tuple[subprocess.Popen[str], Path, Path]:
    ready, out = folder / f"{prefix}.ready", folder / f"{prefix}.jsonl"
    process = subprocess.Popen(
        [PYTHON, str(WRITER), mode, str(db), str(ready), str(folder / "go"), str(out)]
        + [str(CHANGES), user, prefix, *statuses, *refs],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    return process, ready, out


def _vpl_set_stream(
    db: Path, home: Path, refs: list[str], results: list[dict[str, Any]], stream: int
) -> None:
    """Genuine `vpl set` processes, one after another, alternating in_progress/done."""
    for k in range(VPL_SET_PER_STREAM):
        ref = refs[k % len(refs)]
        status = ("in_progress", "done")[(k // len(refs)) % 2]
        note = f"C{stream}-{k:04d}"
        result = run_vpl(
            "--lang", "en", "set", ref, status, "--note", note, db=db, home=home,
            env={"VPL_USER": f"vpl-set-{stream}"},
        )  # fmt: skip
        results.append(
            {
                "k": k,
                "ref": ref,
                "status": status,
                "note": note,
                "code": result.returncode,
                "stdout": result.stdout,
                "stderr": result.stderr,
            }
        )


@pytest.mark.slow
def test_concurrent_writers_lose_nothing(
    tmp_path: Path, seed_plan: Plan, request: pytest.FixtureRequest
) -> None:
    db = tmp_path / "shared.db"
    with Store.open(db, seed=lambda: seed_plan) as store:
        refs = [activity.ref for activity in store.activities()]
    shared, own = refs[:10], refs[10 : 10 + 3 * VPL_SET_STREAMS]

    store_writer, store_ready, store_out = _start_writer(
        "store", db, tmp_path, "store-writer", "A", ("in_progress", "done"), shared
    )
    cli_writer, cli_ready, cli_out = _start_writer(
        "cli", db, tmp_path, "cli-writer", "B", ("delayed", "cancelled"), shared
    )
    deadline = time.monotonic() + 60
    while not (store_ready.exists() and cli_ready.exists()):
        assert store_writer.poll() is None, store_writer.communicate()
        assert cli_writer.poll() is None, cli_writer.communicate()
        assert time.monotonic() < deadline, "the writers did not start"
        time.sleep(0.01)
    (tmp_path / "go").touch()
    started = time.monotonic()
    vpl_set_results: list[list[dict[str, Any]]] = [[] for _ in range(VPL_SET_STREAMS)]
    streams = [
        threading.Thread(
            target=_vpl_set_stream,
            args=(db, tmp_path, own[i::VPL_SET_STREAMS], vpl_set_results[i], i),
        )
        for i in range(VPL_SET_STREAMS)
    ]
    for stream in streams:
        stream.start()
    outputs = {}
    for name, process in (("store", store_writer), ("cli", cli_writer)):
        stdout, stderr = process.communicate(timeout=300)
        outputs[name] = (process.returncode, stdout, stderr)
    writers_done = time.monotonic()
    for stream in streams:
        stream.join(timeout=300)
    all_done = time.monotonic()

    # -- what each writer was told ---------------------------------------------------------
    for name, (code, _stdout, stderr) in outputs.items():
        assert (code, stderr) == (0, ""), f"{name} writer: {stderr}"
    store_log = [json.loads(line) for line in store_out.read_text().splitlines()]
    cli_log = [json.loads(line) for line in cli_out.read_text().splitlines()]
    assert len(store_log) == len(cli_log) == CHANGES
    assert all(entry["id"] is not None for entry in store_log), "a change was not made"
    for entry in cli_log:
        assert (entry["code"], entry["stderr"]) == (0, ""), entry
        assert "→" in entry["stdout"], entry  # "1.1.1-1: Pågår → Försenad": a real change
    vpl_set_log = [entry for results in vpl_set_results for entry in results]
    assert len(vpl_set_log) == VPL_SET_STREAMS * VPL_SET_PER_STREAM
    for entry in vpl_set_log:
        assert (entry["code"], entry["stderr"]) == (0, ""), entry
        assert "→" in entry["stdout"], entry
    everything_said = [e.get("stderr", "") for e in cli_log + vpl_set_log] + [
        stderr for _, _, stderr in outputs.values()
    ]
    assert not any("locked" in said or "busy" in said for said in everything_said)
    assert not any(TRACEBACK in said for said in everything_said)

    # -- what the database holds -------------------------------------------------------------
    connection = sqlite3.connect(db)
    connection.row_factory = sqlite3.Row
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rows = connection.execute("SELECT * FROM status_history ORDER BY id").fetchall()
    activities = {
        row["ref"]: row for row in connection.execute("SELECT ref, status, version FROM activity")
    }
    connection.close()
    made = CHANGES * 2 + len(vpl_set_log)
    assert len(rows) == made, f"{made - len(rows)} changes lost"

    by_note = {row["note"]: row for row in rows}
    assert len(by_note) == made, "a change was recorded twice"
    # Each writer's changes are all there, in the order it made them.
    for prefix, user, log in (("A", "store-writer", store_log), ("B", "cli-writer", cli_log)):
        ids = []
        for entry in log:
            row = by_note[f"{prefix}-{entry['k']:04d}"]
            assert (row["ref"], row["to_status"], row["user"]) == (
                entry["ref"],
                entry["status"],
                user,
            )
            if entry.get("id") is not None:
                assert row["id"] == entry["id"]  # the id the writer was given
            ids.append(row["id"])
        assert ids == sorted(ids), f"writer {prefix}'s changes are out of order"
    for stream, results in enumerate(vpl_set_results):
        ids = [by_note[entry["note"]]["id"] for entry in results]
        assert ids == sorted(ids)
        assert all(by_note[e["note"]]["user"] == f"vpl-set-{stream}" for e in results)

    # Every activity's history is an unbroken chain ending in its status.
    chains: dict[str, list[sqlite3.Row]] = defaultdict(list)
    for row in rows:
        chains[row["ref"]].append(row)
    for ref, chain in chains.items():
        previous = INITIAL_STATUS
        for row in chain:
            assert row["from_status"] == previous, f"{ref}: a change was overwritten unseen"
            previous = row["to_status"]
        assert [row["at"] for row in chain] == sorted(row["at"] for row in chain)
        assert activities[ref]["status"] == chain[-1]["to_status"]
        assert activities[ref]["version"] == len(chain)

    # The two writers really ran at the same time: each began changing before the other
    # had finished, and they took turns. (Before the store's writes took turns, the
    # Store writer's loop kept the lock and `vpl set` waited for nearly all of it: 0 to
    # 10 of its changes came between the other's first and last.)
    a_end = store_log[-1]["began"] + store_log[-1]["seconds"]
    b_end = cli_log[-1]["began"] + cli_log[-1]["seconds"]
    assert cli_log[0]["began"] < a_end and store_log[0]["began"] < b_end
    a_ids = [by_note[f"A-{k:04d}"]["id"] for k in range(CHANGES)]
    b_ids = [by_note[f"B-{k:04d}"]["id"] for k in range(CHANGES)]
    interleaved = sum(1 for b in b_ids if a_ids[0] < b < a_ids[-1])
    assert interleaved >= CHANGES // 20, f"the writers did not take turns ({interleaved})"
    longest_wait = max(entry["seconds"] for entry in store_log + cli_log)
    record_figure(
        request.config,
        "writers",
        {
            "store_changes": CHANGES,
            "cli_code_changes": CHANGES,
            "vpl_set_processes": len(vpl_set_log),
            "made": made,
            "in_history": len(rows),
            "lost": made - len(rows),
            "cli_changes_between_first_and_last_store_change": interleaved,
            "longest_change_seconds": longest_wait,
            "locked_errors": 0,
            "seconds_store_and_cli_writers": round(writers_done - started, 1),
            "seconds_all": round(all_done - started, 1),
        },
    )
    # The command line sees the same: the latest changes, as a user would look at them.
    result = run_vpl("--lang", "en", "history", "-n", "3", db=db, home=tmp_path)
    assert result.returncode == 0 and len(result.stdout.splitlines()) == 3
