"""The architecture's rules that a reader of docs/architecture.md relies on.

`make lint` checks the import contracts themselves (pyproject.toml, [tool.importlinter]);
these tests keep the contracts complete and the rooms small.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DIRS = {
    "vpl_tui": ROOT / "vpl_tui",
    "vpl_tui.db": ROOT / "db",
    "vpl_tui.screens": ROOT / "screens",
}
CLI_MODULES = ("vpl_tui.cli",)
"""The CLI: the one part of vpl_tui/ outside the core (it imports click and the store)."""
MAX_LINES = 400
DATA_MODULES: set[str] = set()
"""Data rather than logic: the string catalog's largest area. (The seed plan is TOML.)"""


def modules(package: str, folder: Path) -> set[str]:
    found = set()
    for path in folder.rglob("*.py"):
        parts = path.relative_to(folder).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found.add(".".join((package, *parts)))
    return found


def contracts() -> dict[str, dict]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return {c["id"]: c for c in config["tool"]["importlinter"]["contracts"]}


def covered(module: str, sources: list[str]) -> bool:
    return any(module == s or module.startswith(s + ".") for s in sources)


def test_every_core_module_is_under_the_core_contract() -> None:
    sources = contracts()["core"]["source_modules"]
    core = {
        m
        for m in modules("vpl_tui", PACKAGE_DIRS["vpl_tui"])
        if m != "vpl_tui"
        and not any(m == c or m.startswith(c + ".") or m.startswith(c + "_") for c in CLI_MODULES)
    }
    missing = sorted(m for m in core if not covered(m, sources))
    assert not missing, f"add to [tool.importlinter] core source_modules: {missing}"


def test_the_db_and_screens_contracts_cover_their_packages() -> None:
    found = contracts()
    assert found["db"]["source_modules"] == ["vpl_tui.db"]
    assert found["screens"]["source_modules"] == ["vpl_tui.screens"]


def test_no_room_is_over_400_lines() -> None:
    big = []
    for folder in (*PACKAGE_DIRS.values(), ROOT / "benchmarks"):
        for path in folder.rglob("*.py"):
            name = path.relative_to(ROOT).as_posix()
            lines = len(path.read_text(encoding="utf-8").splitlines())
            if lines > MAX_LINES and name not in DATA_MODULES:
                big.append(f"{name}: {lines}")
    assert not big, f"split these along their seams: {big}"
