"""What the tests of the `vpl` command share: a small plan with history, byte snapshots of a
database, the shape of a refusal, a pseudo-terminal to run `vpl` on, and the databases
the tests start from (fixtures: import them into the test module)."""

from __future__ import annotations

import os
import pty
import select
import subprocess
from datetime import date
from pathlib import Path

import pytest

from helpers.plans import activity, change, goal, initiative, plan_toml
from vpl_tui.db.store import Store
from vpl_tui.planfile import parse_plan


def history_goals() -> list[dict]:
    """Goal 1 with a metric, activity a (done in March), b (an investigation whose title
    holds markup, never started, overdue from April) and, under initiative ini, c (in
    progress all year). New data each call, for a test to change."""
    return [
        goal(
            "1",
            "Attraktiv arbetsgivare",
            metrics=[{"name": "Sökande per annons", "latest": "11", "targets": {"2023": "Öka"}}],
            activities=[
                activity(
                    "a",
                    "Klar i mars",
                    end=date(2023, 3, 31),
                    status="done",
                    history=[
                        change("2023-03-01T12:00:00Z", "not_started", "in_progress", "anna"),
                        change("2023-03-15T12:00:00Z", "in_progress", "done", "anna"),
                    ],
                ),
                activity(
                    "b",
                    "Sen <b>utredning</b> & [bold]markup[/]",
                    kind="investigation",
                    end=date(2023, 3, 31),
                ),
            ],
            initiatives=[
                initiative(
                    "ini",
                    "Initiativet",
                    activities=[
                        activity(
                            "c",
                            "Pågår hela året",
                            status="in_progress",
                            history=[
                                change("2023-02-01T12:00:00Z", "not_started", "in_progress", "bo")
                            ],
                        )
                    ],
                )
            ],
        )
    ]


def history_plan(goals: list[dict] | None = None) -> str:
    """The plan of `history_goals()` (or of `goals`) as a plan file."""
    return plan_toml(
        title="Uppföljningsplan",
        municipality="Exempelby kommun",
        goals=history_goals() if goals is None else goals,
    )


HISTORY_PLAN = history_plan()


def snapshot(path: Path) -> dict[str, bytes]:
    """The database and its WAL side files, byte for byte."""
    return {
        p.name: p.read_bytes() for p in sorted(path.parent.glob(path.name + "*")) if p.is_file()
    }


def assert_refused(result: subprocess.CompletedProcess[str], line: str) -> None:
    """Exit code 2, nothing on stdout, exactly `line` on stderr, no traceback."""
    assert (result.returncode, result.stdout, result.stderr) == (2, "", line + "\n")


# Fixtures under their own names, so that a test module imports them without shadowing
# the argument names its tests take (pytest finds them by `name`).


@pytest.fixture(name="seeded")
def seeded_fixture(store: Store, db_path: Path) -> Path:
    """The bundled plan in the test's database, with no connection left open."""
    store.close()
    return db_path


@pytest.fixture(name="history_db")
def history_db_fixture(db_path: Path) -> Path:
    """HISTORY_PLAN in the test's database."""
    with Store.open(db_path) as store:
        store.replace_plan(parse_plan(HISTORY_PLAN))
    return db_path


def run_in_terminal(args: list[str], env: dict[str, str]) -> str:
    """Run `vpl` with its stdout on a pseudo-terminal and return what it wrote there."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen(args, stdout=terminal, stderr=subprocess.PIPE, env=env)
    os.close(terminal)
    output = b""
    while True:
        ready, _, _ = select.select([controller], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal closed: the process is done
            break
        if not chunk:
            break
        output += chunk
    process.wait(timeout=60)
    os.close(controller)
    return output.decode("utf-8")
