"""Floor for `vpl followup`: a period's completeness list, one line per goal and initiative.

python benchmarks/floors/followup_sqlite.py DB PERIOD

The queries `vpl followup --period PERIOD` makes (the period, each goal, then its
initiatives; the latest assessment and ready mark of each for the period; the notes; the
metrics without an outcome of the period or its year), what each lacks, and the lines it
prints, the same bytes for printable text, with the
default scale's words: the least a Python program must do for it.
"""

import sqlite3
import sys
from datetime import date

WORDS = {
    "met": "Bedöms uppfyllas ●",
    "partly_met": "Bedöms delvis uppfyllas ◐",
    "not_met": "Bedöms inte uppfyllas ○",
    "not_assessed": "Ej bedömd –",
}
VERDICT = {
    "met": "Uppfyllt ●",
    "partly_met": "Delvis uppfyllt ◐",
    "not_met": "Ej uppfyllt ○",
    "not_assessed": "Ej bedömd –",
}
DEFAULT_PERIODS = {  # id: (name, deadline as month and day, of the year after?, verdict)
    "t1": ("Tertial 1", (5, 15), 0, False),
    "delar": ("Delårsrapport", (9, 15), 0, False),
    "ar": ("Årsredovisning", (1, 31), 1, True),
}
WIDTH = 72


def one_line(text: str) -> str:
    folded = " ".join(text.split())
    return folded[: WIDTH - 1] + "…" if len(folded) > WIDTH else folded


def days(count: int) -> str:
    return f"{count} dag" if count == 1 else f"{count} dagar"


def main() -> None:
    db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
    period = sys.argv[2]
    row = db.execute(
        'SELECT name, deadline, verdict, "end" FROM followup_period WHERE id = ?', (period,)
    ).fetchone()
    if row is None:
        (year,) = db.execute("SELECT year FROM plan").fetchone()
        name, (month, day), later, verdict = DEFAULT_PERIODS[period]
        deadline = date(year + later, month, day)
    else:
        name, deadline, verdict = row[0], row[1] and date.fromisoformat(row[1]), bool(row[2])
        year = int(row[3][:4])
    missing: dict[str, list[tuple[str, str]]] = {}
    for ident, metric_name, owner in db.execute(
        "SELECT d.ident, m.name, COALESCE(m.initiative_id, m.goal_number) FROM metric m "
        "JOIN metric_detail d ON d.metric_id = m.id "
        "WHERE NOT (COALESCE(m.latest_year = ?, 0) AND trim(m.latest) != '') "
        "AND d.ident NOT IN (SELECT metric FROM outcome_history WHERE value != '' AND id IN "
        "(SELECT MAX(id) FROM outcome_history WHERE gender = 'T' AND ((period IS ? AND year IS "
        "NULL) OR (period IS NULL AND year IS ?)) GROUP BY metric, period, year)) "
        "ORDER BY m.goal_number, m.initiative_id, m.position",
        (year, period, year),
    ):
        missing.setdefault(owner, []).append((ident, metric_name))
    (metrics,) = db.execute("SELECT COUNT(*) FROM metric").fetchone()
    words = VERDICT if verdict else WORDS
    current = {
        target: (level, analysis, actions)
        for target, level, analysis, actions in db.execute(
            "SELECT target, level, analysis, actions FROM assessment_history WHERE id IN "
            "(SELECT MAX(id) FROM assessment_history WHERE period = ? GROUP BY target)",
            (period,),
        )
    }
    ready = dict(
        db.execute(
            "SELECT target, ready FROM ready_history WHERE id IN "
            "(SELECT MAX(id) FROM ready_history WHERE period = ? GROUP BY target)",
            (period,),
        ).fetchall()
    )
    notes = db.execute(
        "SELECT ref, text FROM note_history WHERE id IN "
        "(SELECT MAX(id) FROM note_history WHERE period = ? GROUP BY ref) ORDER BY ref",
        (period,),
    ).fetchall()
    initiatives: dict[str, list[str]] = {}
    for ident, goal in db.execute(
        "SELECT id, goal_number FROM initiative ORDER BY goal_number, position"
    ):
        initiatives.setdefault(goal, []).append(ident)
    lines, done, targets = [], 0, 0
    for (number,) in db.execute("SELECT number FROM goal ORDER BY position"):
        for indent, target in [("  ", number)] + [("    ", i) for i in initiatives.get(number, [])]:
            targets += 1
            level, analysis, actions = current.get(target, ("", "", ""))
            gaps = []
            if level not in words or level == "not_assessed":
                gaps.append("bedömning saknas")
            else:
                if not analysis.strip():
                    gaps.append("analys saknas")
                if level == "not_met" and not actions.strip():
                    gaps.append("åtgärder saknas")
            if not ready.get(target):
                gaps.append("ej klarmarkerad")
            else:
                done += 1
            word = words.get(level, "ingen bedömning")
            lines.append(f"{indent}{target}  {word}  – {', '.join(gaps) or 'klar'}")
            for label, text in (("Analys", analysis), ("Åtgärder", actions)):
                if text.strip():
                    lines.append(f"{indent}    {label}: {one_line(text)}")
            for ident, metric_name in missing.get(target, []):
                lines.append(f"{indent}    utfall saknas: {ident}  {one_line(metric_name)}")
    left = (deadline - date.today()).days if deadline else None
    if left is None:
        when = "Ingen deadline"
    elif left > 0:
        when = f"Deadline {deadline}: {days(left)} kvar"
    elif left == 0:
        when = f"Deadline {deadline}: i dag"
    else:
        when = f"Deadline {deadline}: passerad för {days(-left)} sedan"
    out = [f"Uppföljning {name}: {done} av {targets} klarmarkerade", when]
    if metrics:
        lacking = sum(len(found) for found in missing.values())
        out.append(f"Mätetal utan utfall för perioden: {lacking} av {metrics}")
    out += ["", *lines]
    if notes:
        out += ["", "Vad har gjorts", *(f"  {ref}: {one_line(text)}" for ref, text in notes)]
    print("\n".join(out))


if __name__ == "__main__":
    main()
