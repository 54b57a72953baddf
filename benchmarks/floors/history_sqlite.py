"""Floor for `vpl history`: the latest 50 status changes of the plan, one line each,
as vpl prints them.

python benchmarks/floors/history_sqlite.py DB
"""

import sqlite3
import sys
from datetime import datetime

LABELS = {
    "not_started": "Ej påbörjad",
    "in_progress": "Pågår",
    "done": "Klar",
    "delayed": "Försenad",
    "cancelled": "Avbruten",
}
"""The statuses' Swedish labels, as vpl prints them."""


def main() -> None:
    db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
    rows = db.execute(
        "SELECT at, ref, from_status, to_status, undo_of, user, note FROM "
        "(SELECT * FROM status_history ORDER BY id DESC LIMIT 50) ORDER BY id"
    ).fetchall()
    for at, ref, before, after, undo_of, user, note in rows:
        shown = datetime.fromisoformat(at).strftime("%Y-%m-%d %H:%M:%S")
        mark = " ↶" if undo_of is not None else ""
        print(f"{shown}  {ref}  {LABELS[before]} → {LABELS[after]}{mark}  {user}  {note}".rstrip())


if __name__ == "__main__":
    main()
