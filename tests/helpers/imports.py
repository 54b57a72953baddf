"""What a command's start costs a person, seen from outside: the packages the real `vpl`
entry point imports, read from Python's own import log (`python -X importtime`).

Not a list of the project's modules (which may be split and merged freely), but the
packages whose import alone a person notices as a slow start: Textual (~200 ms with its
app) and pydantic with its core (~50–100 ms, the plan file's models).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

VPL = str(Path(sys.executable).with_name("vpl"))

SLOW_TO_IMPORT = ("textual", "pydantic", "pydantic_core")
"""Packages a command must not import unless it needs them: each is a start a person waits for."""


def packages_imported(*args: str, env: dict[str, str] | None = None) -> set[str]:
    """The top-level packages `vpl ARGS` imports, run as a user runs it.

    Fails the test when the command itself fails: a command that stops early would
    import less and pass for the wrong reason.
    """
    environment = {k: v for k, v in os.environ.items() if k not in {"VPL_DB", "VPL_LANG"}}
    environment.update({"VPL_USER": "kontroller", "NO_COLOR": "1", **(env or {})})
    result = subprocess.run(
        [sys.executable, "-X", "importtime", VPL, *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=environment,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    names = {
        line.rsplit("|", 1)[1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    assert "vpl_tui" in names, "the import log is empty: -X importtime did not run"
    return {name.split(".")[0] for name in names}


def slow_imports(*args: str, env: dict[str, str] | None = None) -> list[str]:
    """The packages of SLOW_TO_IMPORT that `vpl ARGS` imports, sorted: [] when none."""
    return sorted(set(SLOW_TO_IMPORT) & packages_imported(*args, env=env))
