"""Floor for `vpl report`: the same rows read with sqlite3, written out as Markdown.

    python benchmarks/floors/report_sqlite.py DB PERIOD_END PREVIOUS_END > report.md

What the board report reads, with nothing but Python and sqlite3: the plan, its goals
and initiatives in order, every activity's status as it stood at the period's end and
at the previous period's end (replayed from the status history, as `vpl report` does),
the latest note of each activity up to the end (the whole history, read once), the
metrics with their targets, the latest assessment and ready mark of each goal and
initiative, and the budget's figures; then per goal and initiative a table of its
metrics and one of its activities, `|` escaped. No document model, no formatting rules,
no checks: what any program that writes this report must at least do.
"""

import sqlite3
import sys
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta

REPLAYED = (
    'SELECT a.ref, a.goal_number, a.initiative_id, a.title, a."end", '
    "COALESCE((SELECT h.to_status FROM status_history h WHERE h.ref = a.ref AND h.at < ? "
    "ORDER BY h.id DESC LIMIT 1), 'not_started') FROM activity a "
    "JOIN goal g ON g.number = a.goal_number LEFT JOIN initiative i ON i.id = a.initiative_id "
    "ORDER BY g.position, a.initiative_id IS NOT NULL, i.position, a.position"
)


def cutoff(day: str) -> str:
    """The end of `day` in local time, as the stored UTC text (exclusive)."""
    midnight = datetime.combine(date.fromisoformat(day) + timedelta(days=1), datetime.min.time())
    return midnight.astimezone().isoformat(timespec="microseconds").replace("+00:00", "Z")


def cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def main() -> None:
    path, end, previous_end = sys.argv[1:4]
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    title, organisation = db.execute("SELECT title, organisation FROM plan").fetchone()
    goals = db.execute("SELECT number, title, description FROM goal ORDER BY position").fetchall()
    initiatives: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for goal, ident, name in db.execute(
        "SELECT goal_number, id, title FROM initiative ORDER BY goal_number, position"
    ):
        initiatives[goal].append((ident, name))
    activities = db.execute(REPLAYED, (cutoff(end),)).fetchall()
    before = {row[0]: row[5] for row in db.execute(REPLAYED, (cutoff(previous_end),))}
    notes: dict[str, str] = {}
    for ref, at, note in db.execute("SELECT ref, at, note FROM status_history ORDER BY id"):
        if note and at[:10] <= end:
            notes[ref] = note
    metrics: dict[tuple[str, str | None], list[tuple]] = defaultdict(list)
    targets = {
        (metric, year): target
        for metric, year, target in db.execute("SELECT metric_id, year, target FROM metric_target")
    }
    year = int(end[:4])
    for ident, goal, initiative, name, latest, latest_year in db.execute(
        "SELECT id, goal_number, initiative_id, name, latest, latest_year FROM metric "
        "ORDER BY position"
    ):
        metrics[(goal, initiative)].append((name, latest, latest_year, targets.get((ident, year))))
    assessed = dict(
        db.execute(
            "SELECT target, level FROM assessment_history WHERE id IN (SELECT MAX(id) "
            "FROM assessment_history WHERE at < ? GROUP BY target)",
            (cutoff(end),),
        ).fetchall()
    )
    ready = dict(
        db.execute(
            "SELECT target, ready FROM ready_history WHERE id IN (SELECT MAX(id) "
            "FROM ready_history GROUP BY target)"
        ).fetchall()
    )
    figures = db.execute("SELECT table_name, line, year, value FROM budget_figure").fetchall()
    by_owner: dict[tuple[str, str | None], list[tuple]] = defaultdict(list)
    for row in activities:
        by_owner[(row[1], row[2])].append(row)
    counts = Counter(row[5] for row in activities)
    changed = sum(1 for row in activities if before.get(row[0]) != row[5])

    out = [f"# {cell(title)}", "", f"- Organisation: {cell(organisation)}", f"- Period: {end}"]
    out += ["", "## Summary", ""]
    out += [f"- {status}: {n} of {len(activities)}" for status, n in sorted(counts.items())]
    out += [f"- changed since {previous_end}: {changed}", ""]

    def owner(heading: str, key: tuple[str, str | None], target: str) -> None:
        out.extend([heading, "", f"Assessment: {assessed.get(target, 'not assessed')}"])
        out.append(f"Ready: {bool(ready.get(target))}")
        if metrics.get(key):
            out.extend(["", "| Metric | Outcome | Year | Target |", "|---|---|---|---|"])
            out.extend(
                f"| {cell(n)} | {cell(v or '')} | {y or ''} | {cell(t or '')} |"
                for n, v, y, t in metrics[key]
            )
        out.extend(["", "| Ref | Activity | Status | End | Note |", "|---|---|---|---|---|"])
        out.extend(
            f"| {ref} | {cell(name)} | {status} | {day} | {cell(notes.get(ref, ''))} |"
            for ref, _, _, name, day, status in by_owner.get(key, [])
        )
        out.append("")

    for number, name, description in goals:
        owner(f"## {number} {cell(name)}", (number, None), number)
        if description:
            out.extend([cell(description), ""])
        for ident, iname in initiatives.get(number, []):
            owner(f"### {cell(iname)}", (number, ident), ident)
    out += ["## Economy", "", "| Table | Line | Year | Value |", "|---|---|---|---|"]
    out += [f"| {t} | {cell(line)} | {y} | {v} |" for t, line, y, v in figures]
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
