"""Floor for `vpl summary`: the same aggregate with nothing but Python and sqlite3.

    python benchmarks/floors/summary_sqlite.py DB [text|json]

Counts by status, done/total per goal and per initiative, the overdue list (and, for
json, every activity, as `vpl summary --format json` gives), printed. It is what any
program that shows this summary must at least do, so `vpl summary`'s time is reported
as a ratio to it.
"""

import json
import sqlite3
import sys
from datetime import date


def main() -> None:
    path, fmt = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else "text")
    today = date.today().isoformat()
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    title = db.execute("SELECT title, organisation, period FROM plan").fetchone()
    counts: dict[tuple[str, str | None], dict[str, int]] = {}
    by_status: dict[str, int] = {}
    for goal, initiative, status, n in db.execute(
        "SELECT goal_number, initiative_id, status, COUNT(*) FROM activity "
        "GROUP BY goal_number, initiative_id, status"
    ):
        bucket = counts.setdefault((goal, initiative), {})
        bucket[status] = n
        by_status[status] = by_status.get(status, 0) + n
    overdue = db.execute(
        'SELECT a.ref, a."end", a.status, a.title FROM activity a '
        "JOIN goal g ON g.number = a.goal_number LEFT JOIN initiative i ON i.id = a.initiative_id "
        "WHERE a.\"end\" < ? AND a.status NOT IN ('done', 'cancelled') "
        'ORDER BY a."end", g.position, a.initiative_id IS NOT NULL, i.position, a.position',
        (today,),
    ).fetchall()
    goals = db.execute("SELECT number, title FROM goal ORDER BY position").fetchall()
    initiatives: dict[str, list[tuple[str, str]]] = {}
    for goal, ident, name in db.execute(
        "SELECT goal_number, id, title FROM initiative ORDER BY goal_number, position"
    ):
        initiatives.setdefault(goal, []).append((ident, name))

    def done_total(keys: list[tuple[str, str | None]]) -> tuple[int, int]:
        buckets = [counts.get(key, {}) for key in keys]
        return sum(b.get("done", 0) for b in buckets), sum(sum(b.values()) for b in buckets)

    if fmt == "json":
        activities = [
            dict(
                zip(
                    ("ref", "title", "goal", "initiative", "start", "end", "status"),
                    row,
                    strict=True,
                )
            )
            for row in db.execute(
                'SELECT ref, title, goal_number, initiative_id, start, "end", status FROM activity'
            )
        ]
        data = {
            "plan": title,
            "by_status": by_status,
            "goals": [
                {
                    "number": number,
                    "title": name,
                    "done_total": done_total(
                        [(number, None)] + [(number, i) for i, _ in initiatives.get(number, [])]
                    ),
                    "initiatives": [
                        {"id": i, "title": t, "done_total": done_total([(number, i)])}
                        for i, t in initiatives.get(number, [])
                    ],
                }
                for number, name in goals
            ],
            "overdue": overdue,
            "activities": activities,
        }
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return
    out = [" · ".join(title), f"As of {today}", ""]
    out += [f"  {status:<12} {n:>6}" for status, n in sorted(by_status.items())]
    out += ["", f"Overdue: {len(overdue)}", ""]
    for number, name in goals:
        keys = [(number, None)] + [(number, i) for i, _ in initiatives.get(number, [])]
        done, total = done_total(keys)
        out.append(f"  {number} {name[:60]:<60}  {done}/{total:>6}")
        for ident, iname in initiatives.get(number, []):
            done, total = done_total([(number, ident)])
            out.append(f"    {iname[:58]:<58}  {done}/{total:>6}")
    out.append("")
    out += [f"  {ref:<16} {end}  {status}  {name[:54]}" for ref, end, status, name in overdue]
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
