"""What the reliability tests share: the real `vpl` command, file snapshots, figures.

The figures (inputs tried, changes made, kills survived) are stored in pytest's cache
under `reliability/...`, so that docs/reliability.md quotes a real run:
`python -m tests.helpers.figures` prints them.
"""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from vpl_tui.safetext import is_clean

VPL = str(Path(sys.executable).with_name("vpl"))
"""The installed console script, as a user runs it."""
PYTHON = sys.executable

TRACEBACK = "Traceback (most recent call last)"

FULL_DISK_TRIGGER = (
    "CREATE {temp} TRIGGER full_disk BEFORE INSERT ON status_history "
    "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
)
"""Fails every history insert as a disk that fills up would; `temp`: "TEMP" or ""."""


def vpl_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment `vpl` runs in: no inherited VPL_* settings, a private HOME."""
    environment = {
        k: v for k, v in os.environ.items() if k not in {"VPL_DB", "VPL_LANG", "VPL_USER"}
    }
    environment.update(
        {
            "VPL_USER": "kontroller",
            "NO_COLOR": "1",
            "HOME": str(home),
            "XDG_DATA_HOME": str(home / "xdg-data"),
        }
    )
    environment.update(extra)
    return environment


def run_vpl(
    *args: str,
    db: Path | None,
    home: Path,
    env: dict[str, str] | None = None,
    unprivileged: bool = False,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    """Run the real `vpl` command; `unprivileged` makes file permissions apply even to root."""
    command = [VPL, *(["--db", str(db)] if db is not None else []), *args]
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        env=vpl_env(home, **(env or {})),
        timeout=timeout,
        preexec_fn=drop_permission_override if unprivileged else None,
    )


_PR_CAPBSET_DROP = 24
_PERMISSION_CAPABILITIES = (1, 2, 3)  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER


def drop_permission_override() -> None:
    """In a child before exec: drop the capabilities that let root ignore file modes.

    Tests of read-only files and folders must mean something when the suite runs as
    root (in a container, say): root keeps its uid but loses the power to write a file
    it has no write permission for, exactly like any other user. A no-op for non-root.
    """
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in _PERMISSION_CAPABILITIES:
        if libc.prctl(_PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def database_files(db: Path) -> dict[str, bytes | None]:
    """The bytes of the database and its -wal and -shm files (None where absent)."""
    files: dict[str, bytes | None] = {}
    for suffix in ("", "-wal", "-shm"):
        path = db.with_name(db.name + suffix)
        files[suffix or "db"] = path.read_bytes() if path.exists() else None
    return files


def assert_one_line_errors(
    stderr: str, *, starts: Sequence[str] = ("vpl: ",), max_lines: int = 20
) -> list[str]:
    """Stderr holds only clean, one-line error messages, each starting with one of `starts`."""
    assert TRACEBACK not in stderr, stderr
    lines = stderr.splitlines()
    assert 1 <= len(lines) <= max_lines, stderr
    for line in lines:
        assert is_clean(line), repr(line)
        assert line.startswith(tuple(starts)), repr(line)
        assert len(line) <= 500, f"error line too long ({len(line)} characters)"
    return lines


def record_figure(config: pytest.Config, key: str, value: Any) -> None:
    """Keep a figure of this run (for docs/reliability.md) in pytest's cache."""
    cache = getattr(config, "cache", None)
    if cache is not None:
        cache.set(f"reliability/{key}", value)


FigureRecorder = Callable[[str, Any], None]
