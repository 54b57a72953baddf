"""Floor for `vpl undo`: revert the user's last change not yet undone, in one durable transaction.

python benchmarks/floors/undo_sqlite.py DB USER
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


def main() -> None:
    path, user = sys.argv[1:3]
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA synchronous = FULL")
    db.execute("BEGIN IMMEDIATE")
    # Like vpl: the user's latest change may be one of the plan's (`vpl edit`); the bench
    # makes none, but the floor looks, as vpl does.
    plan_change = db.execute(
        "SELECT id, at FROM plan_change p WHERE user = ? AND undo_of IS NULL "
        "AND NOT EXISTS (SELECT 1 FROM plan_change u WHERE u.undo_of = p.id) "
        "ORDER BY at DESC, id DESC LIMIT 1",
        (user,),
    ).fetchone()
    if plan_change is not None:
        db.execute("ROLLBACK")
        sys.exit("the latest change is a plan change: not what this floor undoes")
    change_id, ref, before, after = db.execute(
        "SELECT id, ref, from_status, to_status FROM status_history h "
        "WHERE user = ? AND undo_of IS NULL "
        "AND NOT EXISTS (SELECT 1 FROM status_history u WHERE u.undo_of = h.id) "
        "ORDER BY id DESC LIMIT 1",
        (user,),
    ).fetchone()
    (now,) = db.execute("SELECT status FROM activity WHERE ref = ?", (ref,)).fetchone()
    if now != after:
        db.execute("ROLLBACK")
        sys.exit(f"{ref} has changed since")
    db.execute("UPDATE activity SET status = ?, version = version + 1 WHERE ref = ?", (before, ref))
    at = datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")
    db.execute(
        "INSERT INTO status_history (ref, at, from_status, to_status, user, undo_of) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (ref, at, after, before, user, change_id),
    )
    db.execute("COMMIT")
    print(f"ångrade {ref}: {LABELS[after]} → {LABELS[before]}")  # the line vpl prints


if __name__ == "__main__":
    main()
