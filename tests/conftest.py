"""Shared fixtures: a real SQLite file in tmp_path, the bundled plan, the real `vpl` command."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from vpl_tui.cli import bundled_plan
from vpl_tui.db.store import Store
from vpl_tui.model import Plan

VPL = str(Path(sys.executable).with_name("vpl"))
"""The installed console script: CLI tests run the real entry point, as a user would."""


@pytest.fixture(autouse=True)
def own_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test its own settings file: a developer's own (a theme chosen, a report folder)
    must not change what the app shows in a test. Tests about settings set `VPL_CONFIG`
    themselves; this only sets where an unset one points."""
    settings = tmp_path / "vpl-config" / "settings.toml"
    monkeypatch.setenv("VPL_CONFIG", str(settings))
    return settings


@pytest.fixture(scope="session")
def seed_plan() -> Plan:
    """The bundled Luleå plan, parsed once per test session (tests must not mutate it)."""
    return bundled_plan()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "plan.db"


@pytest.fixture
def store(db_path: Path, seed_plan: Plan):
    """A store on a fresh database file holding the bundled plan."""
    with Store.open(db_path, seed=lambda: seed_plan) as opened:
        yield opened


@pytest.fixture
def run_vpl(db_path: Path, tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run the real `vpl` command on the test's database, in the test's folder."""

    def run(
        *args: str,
        input: str | None = None,
        env: dict[str, str] | None = None,
        db: Path | None = db_path,
        cwd: Path = tmp_path,
    ) -> subprocess.CompletedProcess[str]:
        environment = {
            k: v for k, v in os.environ.items() if k not in {"VPL_DB", "VPL_LANG", "VPL_USER"}
        }
        environment.update({"VPL_USER": "kontroller", "NO_COLOR": "1", "HOME": str(tmp_path)})
        environment["XDG_DATA_HOME"] = str(tmp_path / "xdg-data")
        environment.update(env or {})
        command = [VPL, *(["--db", str(db)] if db is not None else []), *args]
        return subprocess.run(
            command,
            capture_output=True,
            text=True,
            input=input,
            env=environment,
            timeout=120,
            cwd=cwd,  # what a command writes by default lands in the test's folder, not the checkout
        )

    return run
