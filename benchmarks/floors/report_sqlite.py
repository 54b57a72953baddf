"""Floor for `vpl report`: the same rows read with sqlite3, written out as Markdown.

    python benchmarks/floors/report_sqlite.py DB PERIOD PERIOD_END PREVIOUS PREVIOUS_END > report.md

What the board report reads, with nothing but Python and sqlite3: the plan, its focus
lists, goals and initiatives in order; every activity's status as it stood at the end of
the period's last day and of the previous period's (replayed from the status history in
one pass over the activities, as `vpl report` does); the latest note of each activity up
to the period's end (from the history rows that carry one); the moment the follow-up was
last marked ready, and each goal's and initiative's latest assessment of the period and of
the previous one as they stood then (or now, in a draft); the metrics with their details,
their targets and their outcomes as they stood at that moment; the budget's figures and
the period's forecasts. Then the same Markdown: a summary of the activities by status,
the tables of activities finished and delayed since the previous period, and per goal and
initiative its assessment, a table of its metrics and one of its activities, `|` escaped.
No document model, no formatting rules beyond that, no checks: what any program that
writes this report must at least do.
"""

import sqlite3
import sys
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta

REPLAYED = (
    'SELECT a.ref, a.goal_number, a.initiative_id, a.title, a."end", a.responsible, {now}, '
    "{before} FROM activity a ORDER BY a.goal_number, a.initiative_id, a.position"
)
STATUS_AT = (
    "COALESCE((SELECT h.to_status FROM status_history h WHERE h.ref = a.ref AND h.at < ? "
    "ORDER BY h.id DESC LIMIT 1), 'not_started')"
)
ASSESSED = (
    "SELECT target, level, analysis, actions FROM assessment_history WHERE id IN "
    "(SELECT MAX(id) FROM assessment_history WHERE period = ? AND at <= ? GROUP BY target)"
)
OUTCOMES = (
    "SELECT h.metric, h.value, h.period, h.year, h.source FROM (SELECT MAX(id) AS id "
    "FROM outcome_history WHERE at <= ? GROUP BY metric, period, year, gender) g "
    "JOIN outcome_history h ON h.id = g.id ORDER BY h.metric, h.id"
)
FORECASTS = (
    "SELECT table_name, line, outcome, forecast, comment FROM forecast_history WHERE id IN "
    "(SELECT MAX(id) FROM forecast_history WHERE period = ? AND at <= ? "
    "GROUP BY table_name, line)"
)
LATEST = "9999"
"""A stored time later than any: "as it stands now", for a follow-up never marked ready."""


def cutoff(day: str) -> str:
    """The end of `day` in local time, as the stored UTC text (exclusive)."""
    midnight = datetime.combine(date.fromisoformat(day) + timedelta(days=1), datetime.min.time())
    return midnight.astimezone().isoformat(timespec="microseconds").replace("+00:00", "Z")


def cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def main() -> None:
    path, period, end, previous, previous_end = sys.argv[1:6]
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    title, organisation, municipality = db.execute(
        "SELECT title, organisation, municipality FROM plan"
    ).fetchone()
    focus = db.execute("SELECT id, title, intro FROM focus ORDER BY position").fetchall()
    focus_goals = defaultdict(list)
    for focus_id, number in db.execute(
        "SELECT focus_id, goal_number FROM focus_goal ORDER BY focus_id, position"
    ):
        focus_goals[focus_id].append(number)
    focus_items = defaultdict(list)
    for focus_id, text in db.execute("SELECT focus_id, text FROM focus_item ORDER BY position"):
        focus_items[focus_id].append(text)
    goals = db.execute("SELECT number, title, kind FROM goal ORDER BY position").fetchall()
    initiatives = defaultdict(list)
    for goal, ident, name in db.execute(
        "SELECT goal_number, id, title FROM initiative ORDER BY goal_number, position"
    ):
        initiatives[goal].append((ident, name))
    sql = REPLAYED.format(now=STATUS_AT, before=STATUS_AT)
    activities = db.execute(sql, (cutoff(end), cutoff(previous_end))).fetchall()
    notes = {}
    for ref, at, note in db.execute(
        "SELECT ref, at, note FROM status_history WHERE note != '' ORDER BY id"
    ):
        if at[:10] <= end:
            notes[ref] = note

    def ready_mark(period_id: str) -> str:
        (at,) = db.execute(
            "SELECT MAX(at) FROM ready_history WHERE period = ? AND ready", (period_id,)
        ).fetchone()
        return at or LATEST

    moment = ready_mark(period)
    assessed = {row[0]: row[1:] for row in db.execute(ASSESSED, (period, moment))}
    earlier = {row[0]: row[1] for row in db.execute(ASSESSED, (previous, ready_mark(previous)))}
    outcomes = {}
    for metric, value, _, _, source in db.execute(OUTCOMES, (moment,)):
        if value:
            outcomes[metric] = (value, source)
    targets = {
        (metric, year): target
        for metric, year, target in db.execute("SELECT metric_id, year, target FROM metric_target")
    }
    year = int(end[:4])
    metrics = defaultdict(list)
    for ident, goal, initiative, name, latest, latest_year, detail in db.execute(
        "SELECT m.id, m.goal_number, m.initiative_id, m.name, m.latest, m.latest_year, d.ident "
        "FROM metric m LEFT JOIN metric_detail d ON d.metric_id = m.id "
        "ORDER BY m.goal_number, m.initiative_id, m.position"
    ):
        value, source = outcomes.get(detail, (latest, ""))
        target = targets.get((ident, year))
        metrics[(goal, initiative)].append((name, value, latest_year, target, source))
    figures = db.execute("SELECT table_name, line, year, value FROM budget_figure").fetchall()
    forecasts = db.execute(FORECASTS, (period, moment)).fetchall()

    by_owner = defaultdict(list)
    finished = defaultdict(list)
    delayed = defaultdict(list)
    for row in activities:
        key = (row[1], row[2])
        by_owner[key].append(row)
        if row[6] != row[7] and row[6] in ("done", "delayed"):
            (finished if row[6] == "done" else delayed)[key].append(row)
    counts = Counter(row[6] for row in activities)
    overdue = sum(1 for row in activities if row[4] < end and row[6] not in ("done", "cancelled"))
    targets_assessed = [n for n, _, _ in goals] + [i for g in initiatives.values() for i, _ in g]
    moved = sum(1 for t in targets_assessed if assessed.get(t, (None,))[0] != earlier.get(t))

    out = [f"# {cell(title)}", "", f"- Organisation: {cell(organisation)} {cell(municipality)}"]
    out += [f"- Period: {period} {end}", "", "## Summary", ""]
    out += [f"- {status}: {n} of {len(activities)}" for status, n in sorted(counts.items())]
    out += [f"- overdue: {overdue} of {len(activities)}", f"- assessments moved: {moved}", ""]
    plan_order = [
        owner
        for number, _, _ in goals
        for owner in [(number, None), *((number, i) for i, _ in initiatives.get(number, []))]
    ]
    for heading, changed in (("Finished", finished), ("Delayed", delayed)):
        out += [
            f"## {heading} since {previous_end}",
            "",
            "| Ref | Activity | End |",
            "|---|---|---|",
        ]
        out += [f"| {r[0]} | {cell(r[3])} | {r[4]} |" for key in plan_order for r in changed[key]]
        out.append("")

    def owner(heading: str, key: tuple[str, str | None], target: str) -> None:
        level, analysis, actions = assessed.get(target, ("not assessed", "", ""))
        out.extend([heading, "", f"Assessment: {level}", "", cell(analysis), "", cell(actions)])
        if metrics.get(key):
            out.extend(
                ["", "| Metric | Outcome | Year | Target | Source |", "|---|---|---|---|---|"]
            )
            out.extend(
                f"| {cell(n)} | {cell(v or '')} | {y or ''} | {cell(t or '')} | {cell(s)} |"
                for n, v, y, t, s in metrics[key]
            )
        rows = by_owner.get(key, [])
        responsible = any(row[5] for row in rows)
        out.extend(["", "| Ref | Activity | Status | End | Note |", "|---|---|---|---|---|"])
        out.extend(
            f"| {ref} | {cell(name)} | {status} | {day} | {cell(notes.get(ref, ''))} |"
            + (f" {cell(who)} |" if responsible else "")
            for ref, _, _, name, day, who, status, _ in rows
        )
        out.append("")

    groups = [(name, intro, focus_goals[ident], focus_items[ident]) for ident, name, intro in focus]
    rest = [number for number, _, _ in goals if not any(number in g[2] for g in groups)]
    groups.append(("Other goals", "", rest, []))
    titles = {number: (name, kind) for number, name, kind in goals}
    for name, intro, members, items in groups:
        out += [f"## {cell(name)}", "", cell(intro), ""] + [f"- {cell(i)}" for i in items]
        for number in members:
            if number not in titles:
                continue
            goal_title, kind = titles[number]
            owner(f"### {number} {cell(goal_title)} ({kind})", (number, None), number)
            for ident, iname in initiatives.get(number, []):
                owner(f"#### {cell(iname)}", (number, ident), ident)
    out += ["## Economy", "", "| Table | Line | Year | Value |", "|---|---|---|---|"]
    out += [f"| {t} | {cell(line)} | {y} | {v} |" for t, line, y, v in figures]
    out += ["", "| Table | Line | Outcome | Forecast | Comment |", "|---|---|---|---|---|"]
    out += [f"| {t} | {cell(ln)} | {o} | {f} | {cell(c)} |" for t, ln, o, f, c in forecasts]
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
