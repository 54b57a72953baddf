"""Floor for `vpl edit REF --end DAY`: one field of an activity and its plan change row, in one
durable transaction, as vpl stores them.

python benchmarks/floors/edit_sqlite.py DB REF DAY
"""

import sqlite3
import sys
from datetime import UTC, datetime


def main() -> None:
    path, ref, day = sys.argv[1:4]
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA synchronous = FULL")
    db.execute("BEGIN IMMEDIATE")
    before, version = db.execute(
        'SELECT "end", version FROM activity WHERE ref = ?', (ref,)
    ).fetchone()
    db.execute('UPDATE activity SET "end" = ?, version = version + 1 WHERE ref = ?', (day, ref))
    at = datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")
    db.execute(
        "INSERT INTO plan_change (target_kind, target, at, field, from_value, to_value, user, "
        "version) VALUES ('activity', ?, ?, 'end', ?, ?, 'bench', ?)",
        (ref, at, before, day, version),
    )
    db.execute("COMMIT")
    print(f"{ref}: end {before} -> {day}")


if __name__ == "__main__":
    main()
