"""Floor for `vpl budget --period`: each unit's budget, latest forecast and deviation, printed.

python benchmarks/floors/economy_budget_sqlite.py DB PERIOD
"""

import sqlite3
import sys


def main() -> None:
    db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
    year = db.execute("SELECT year FROM plan").fetchone()[0]
    latest = {
        line: (outcome, forecast, comment)
        for line, outcome, forecast, comment in db.execute(
            "SELECT line, outcome, forecast, comment FROM forecast_history WHERE id IN "
            "(SELECT MAX(id) FROM forecast_history WHERE period = ? GROUP BY table_name, line)",
            (sys.argv[2],),
        )
    }
    lines = []
    for line, budget in db.execute(
        "SELECT l.line, f.value FROM budget_line l JOIN budget_figure f ON f.table_name = "
        "l.table_name AND f.line = l.line WHERE l.table_name = 'units' AND f.year = ? "
        "ORDER BY l.position",
        (year,),
    ):
        outcome, forecast, comment = latest.get(line, (None, None, ""))
        deviation = "" if forecast is None else budget - forecast
        lines.append(f"{line}  {budget}  {outcome}  {forecast}  {deviation}  {comment}")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
