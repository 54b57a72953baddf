"""Floor for `vpl followup`: a period's completeness list, one line per goal and initiative.

python benchmarks/floors/followup_sqlite.py DB PERIOD

The queries `vpl followup --period PERIOD` makes (each goal, then its initiatives; the
latest assessment and ready mark of each for the period; what each lacks), printed as
plain lines with the default scale's words: the least a Python program must do for it.
"""

import sqlite3
import sys

WORDS = {
    "met": "Bedöms uppfyllas ●",
    "partly_met": "Bedöms delvis uppfyllas ◐",
    "not_met": "Bedöms inte uppfyllas ○",
}


def main() -> None:
    db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
    period = sys.argv[2]
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
    lines, done = [], 0
    for (number,) in db.execute("SELECT number FROM goal ORDER BY position"):
        for indent, target in [("  ", number)] + [("    ", i) for i in initiatives.get(number, [])]:
            level, analysis, actions = current.get(target, ("", "", ""))
            gaps = []
            if level not in WORDS:
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
            word = WORDS.get(level, "ingen bedömning")
            lines.append(f"{indent}{target}  {word}  – {', '.join(gaps) or 'klar'}")
            if analysis.strip():
                lines.append(f"{indent}    Analys: {analysis}")
    print(f"Uppföljning {period}: {done} av {len(lines)} klarmarkerade")
    print("\n".join(lines))
    print("\n".join(f"  {ref}: {text}" for ref, text in notes))


if __name__ == "__main__":
    main()
