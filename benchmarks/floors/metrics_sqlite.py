"""Floors for `vpl metrics` and `vpl outcome import`: the least a Python program must do.

python benchmarks/floors/metrics_sqlite.py metrics DB PERIOD
python benchmarks/floors/metrics_sqlite.py import DB FILE

`metrics`: the rows `vpl metrics --period PERIOD` reads (every metric with its targets, its
published outcome and the latest row of each of its outcomes), each metric's latest total
outcome at or before the period's end and the one before it, the target of the period's
year compared (Öka, Högst N), and a line a metric printed.
`import`: a saved Kolada answer read with `json`, each value matched to its metric by KPI
id, and the same rows inserted in one transaction.
"""

import json
import sqlite3
import sys
from datetime import UTC, date, datetime


def number(text):
    try:
        return float(text.replace(" ", "").replace(",", "."))
    except ValueError:
        return None


def metrics(db_path, period_id):
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    year = db.execute("SELECT year FROM plan").fetchone()[0]
    ends = {"t1": date(year, 4, 30), "delar": date(year, 8, 31), "ar": date(year, 12, 31)}
    ends.update(
        {i: date.fromisoformat(e) for i, e in db.execute('SELECT id, "end" FROM followup_period')}
    )
    end = ends[period_id]
    targets = {}
    for metric_id, target_year, target in db.execute(
        "SELECT metric_id, year, target FROM metric_target"
    ):
        targets.setdefault(metric_id, {})[target_year] = target
    outcomes = {}
    for metric, period, out_year, value in db.execute(
        "SELECT metric, period, year, value FROM outcome_history WHERE id IN "
        "(SELECT MAX(id) FROM outcome_history GROUP BY metric, period, year, gender) AND gender = 'T'"
    ):
        day = date(out_year, 12, 31) if out_year is not None else ends.get(period)
        if value and day is not None and day <= end:
            outcomes.setdefault(metric, []).append((day, value))
    lines = []
    for row_id, ident, name, latest, latest_year in db.execute(
        "SELECT m.id, d.ident, m.name, m.latest, m.latest_year FROM metric m "
        "JOIN metric_detail d ON d.metric_id = m.id JOIN goal g ON g.number = m.goal_number "
        "LEFT JOIN initiative i ON i.id = m.initiative_id "
        "ORDER BY g.position, m.initiative_id IS NOT NULL, i.position, m.position"
    ):
        found = sorted(outcomes.get(ident, []))
        if latest and latest_year is not None:
            found.insert(0, (date(latest_year, 12, 31), latest))
        target = targets.get(row_id, {}).get(end.year)
        current = found[-1] if found else None
        previous = found[-2] if len(found) > 1 else None
        word = "utfall saknas"
        if current is not None and target == "Öka" and previous is not None:
            word = "förbättras" if number(current[1]) > number(previous[1]) else "försämras"
        elif current is not None and target and target.startswith("Högst "):
            word = "uppfyllt" if number(current[1]) <= number(target[6:]) else "ej uppfyllt"
        lines.append(
            f"  {ident}  {name[:48]}\n      utfall {current and current[1]} · mål {target} · {word}"
        )
    print(f"Mätetal för {period_id}: {len(lines)}")
    print("\n".join(lines))


def import_file(db_path, file):
    with open(file, encoding="utf-8") as handle:
        answer = json.load(handle)
    db = sqlite3.connect(db_path, isolation_level=None)
    code = db.execute("SELECT municipality_code FROM plan_code").fetchone()[0]
    by_kpi = dict(
        db.execute("SELECT kolada_kpi, ident FROM metric_detail WHERE kolada_kpi IS NOT NULL")
    )
    at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    rows = []
    for entry in answer["values"]:
        ident = by_kpi.get(entry["kpi"])
        if ident is None or entry["municipality"] != code:
            continue
        for cell in entry["values"]:
            if cell.get("value") is not None and cell.get("status") != "Missing":
                value = f"{cell['value']}".replace(".", ",")
                rows.append(
                    (ident, entry["period"], cell.get("gender", "T"), at, value, "Kolada", "bench")
                )
    db.execute("BEGIN IMMEDIATE")
    db.executemany(
        "INSERT INTO outcome_history (metric, period, year, gender, at, value, source, user) "
        "VALUES (?, NULL, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    db.execute("COMMIT")
    print(f"{file}: {len(rows)} utfall sparade")


if __name__ == "__main__":
    if sys.argv[1] == "metrics":
        metrics(sys.argv[2], sys.argv[3])
    else:
        import_file(sys.argv[2], sys.argv[3])
