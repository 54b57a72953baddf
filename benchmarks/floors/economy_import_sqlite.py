"""Floor for `vpl forecast import`: a CSV's forecasts, checked and inserted in one transaction.

python benchmarks/floors/economy_import_sqlite.py DB FILE.csv

Reads the file, splits each line at `;`, reads the two amounts (spaces taken out, a
decimal comma refused), looks each unit up among the budget's, and inserts every row in
one transaction: the least a Python program must do for it.
"""

import sqlite3
import sys
from datetime import UTC, datetime


def main() -> None:
    db = sqlite3.connect(sys.argv[1])
    units = {
        line.casefold(): line
        for (line,) in db.execute("SELECT line FROM budget_line WHERE table_name = 'units'")
    }
    at = datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")
    rows = []
    with open(sys.argv[2], encoding="utf-8-sig") as handle:
        next(handle)
        for line in handle:
            unit, period, outcome, forecast, comment = line.rstrip("\n").split(";")
            rows.append(
                (
                    units[unit.casefold()],
                    period,
                    at,
                    int(outcome.replace(" ", "")),
                    int(forecast.replace(" ", "")),
                    comment,
                )
            )
    with db:
        db.executemany(
            "INSERT INTO forecast_history (table_name, line, period, at, outcome, forecast, "
            "comment, user) VALUES ('units', ?, ?, ?, ?, ?, ?, 'bench')",
            rows,
        )
    print(f"{len(rows)} imported")


if __name__ == "__main__":
    main()
