"""Floor for `vpl load`: parse the plan file and insert its activities and history, nothing more.

    python benchmarks/floors/load_sqlite.py PLAN.toml DB

No validation, no budget, no metrics: the least any loader of the same file must do. It
parses with the same TOML reader vpl uses (tomli when installed, else tomllib) and writes
with the same durability (WAL, synchronous=FULL, one transaction).
"""

import sqlite3
import sys
from decimal import Decimal

try:
    import tomli as toml
except ImportError:  # pragma: no cover - tomli is a dependency of vpl
    import tomllib as toml

SCHEMA = """
CREATE TABLE activity (ref TEXT PRIMARY KEY, goal_number TEXT, initiative_id TEXT,
    position INTEGER, title TEXT, kind TEXT, start TEXT, "end" TEXT, status TEXT);
CREATE TABLE status_history (id INTEGER PRIMARY KEY, ref TEXT, at TEXT, from_status TEXT,
    to_status TEXT, note TEXT, user TEXT);
"""


def main() -> None:
    with open(sys.argv[1], "rb") as file:
        data = toml.load(file, parse_float=Decimal)
    db = sqlite3.connect(sys.argv[2], isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    db.executescript(SCHEMA)
    activities, history = [], []
    for goal in data["goals"]:
        owners = [(None, goal.get("activities", []))]
        owners += [(i["id"], i.get("activities", [])) for i in goal.get("initiatives", [])]
        for initiative, items in owners:
            for position, a in enumerate(items):
                activities.append(
                    (
                        a["ref"],
                        goal["number"],
                        initiative,
                        position,
                        a["title"],
                        a.get("kind", "activity"),
                        a["start"].isoformat(),
                        a["end"].isoformat(),
                        a.get("status", "not_started"),
                    )
                )
                history += [
                    (
                        a["ref"],
                        h["at"].isoformat(),
                        h["from"],
                        h["to"],
                        h.get("note", ""),
                        h.get("user", ""),
                    )
                    for h in a.get("history", [])
                ]
    db.execute("BEGIN IMMEDIATE")
    db.executemany("INSERT INTO activity VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", activities)
    db.executemany(
        "INSERT INTO status_history (ref, at, from_status, to_status, note, user) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        history,
    )
    db.execute("COMMIT")
    db.close()
    print(f"loaded {len(activities)} activities")


if __name__ == "__main__":
    main()
