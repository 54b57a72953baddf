"""Floor for `vpl set`: one status change and its history row, in one durable transaction.

python benchmarks/floors/set_sqlite.py DB REF STATUS
"""

import sqlite3
import sys
from datetime import UTC, datetime

LABELS = {
    "not_started": "Ej påbörjad",
    "in_progress": "Pågår",
    "done": "Klar",
    "delayed": "Försenad",
    "cancelled": "Avbruten",
}
"""The statuses' Swedish labels, as vpl prints them."""


def stored_time(moment: datetime) -> str:
    """The time as vpl stores it, so that `vpl history` and `vpl undo` read these rows too."""
    return moment.isoformat(timespec="microseconds").replace("+00:00", "Z")


def main() -> None:
    path, ref, status = sys.argv[1:4]
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA synchronous = FULL")
    db.execute("BEGIN IMMEDIATE")
    (before,) = db.execute("SELECT status FROM activity WHERE ref = ?", (ref,)).fetchone()
    db.execute("UPDATE activity SET status = ?, version = version + 1 WHERE ref = ?", (status, ref))
    db.execute(
        "INSERT INTO status_history (ref, at, from_status, to_status, user) VALUES (?, ?, ?, ?, ?)",
        (ref, stored_time(datetime.now(UTC)), before, status, "bench"),
    )
    db.execute("COMMIT")
    print(f"{ref}: {LABELS[before]} → {LABELS[status]}")  # the line vpl prints


if __name__ == "__main__":
    main()
