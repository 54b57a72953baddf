"""Print the figures of the last reliability run, as kept in pytest's cache.

    .venv/bin/python tests/helpers/figures.py

docs/reliability.md quotes this output.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

CACHE = Path(__file__).resolve().parents[2] / ".pytest_cache" / "v" / "reliability"


def _load(name: str) -> dict:
    path = CACHE / name
    return json.loads(path.read_text()) if path.is_file() else {}


def main() -> int:
    if not CACHE.is_dir():
        print("no figures: run `make test` (or the tests/test_reliability_*.py files) first")
        return 1
    planfiles = {p.name: json.loads(p.read_text()) for p in (CACHE / "planfiles").glob("*")}
    generated = planfiles.get("generated", {})
    mutations = planfiles.get("test_bundled_plan_broken_one_field_at_a_time", {})
    through_load = planfiles.get("through vpl load", {})
    odd = planfiles.get("test_odd_files_through_vpl_load", {})
    accepted = planfiles.get("accepted", {})
    inputs = (
        generated.get("generated", 0)
        + mutations.get("mutations", 0)
        + sum(through_load.values())
        + odd.get("odd files", 0)
    )
    print("Bad plan files")
    print(f"  broken inputs tried, all refused:   {inputs}")
    print(f"    generated (hypothesis):           {generated.get('generated', 0)}")
    kinds = {k: v for k, v in generated.items() if k != "generated"}
    for kind, count in sorted(kinds.items(), key=lambda item: -item[1]):
        print(f"      {kind:<32}{count}")
    print(f"    bundled plan, one field at a time: {mutations.get('mutations', 0)}")
    print(f"      of them also as TOML files:     {mutations.get('as TOML file', 0)}")
    print(f"    through the real `vpl load`:      {sum(through_load.values())}")
    print(f"    odd files (folder, device...):    {odd.get('odd files', 0)}")
    print(f"  accepted edits, exact round trip:   {sum(accepted.values())}")
    databases = sum(
        json.loads(p.read_text()).get("refused", 0) for p in (CACHE / "databases").glob("*")
    )
    print(f"Damaged, foreign, read-only databases: {databases} commands refused in one line")
    print(f"Two writers: {json.dumps(_load('writers'))}")
    print(f"Killed mid-write: {json.dumps(_load('kill'))}")
    print(f"Hostile text, app: {json.dumps(_load('hostile/app'))}")
    print(f"Hostile text, export: {json.dumps(_load('hostile/export'))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
