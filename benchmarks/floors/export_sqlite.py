"""Floor for `vpl export`: read every activity and its history with sqlite3, write them as TOML.

    python benchmarks/floors/export_sqlite.py DB OUT.toml

Goals, initiatives and activities with their history, nested as in a plan file and
written by the benchmark's own plain TOML writer (plan_out.dumps): no models, no budget.
"""

import sqlite3
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from plan_out import dumps  # noqa: E402


def main() -> None:
    db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
    history: dict[str, list[dict[str, str]]] = {}
    for ref, at, before, after, note, user in db.execute(
        "SELECT ref, at, from_status, to_status, note, user FROM status_history ORDER BY ref, id"
    ):
        entry = {"at": at, "from": before, "to": after, "user": user}
        if note:
            entry["note"] = note
        history.setdefault(ref, []).append(entry)
    owners: dict[tuple[str, str | None], list[dict[str, object]]] = {}
    for ref, goal, initiative, title, kind, start, end, status in db.execute(
        'SELECT ref, goal_number, initiative_id, title, kind, start, "end", status FROM activity '
        "ORDER BY goal_number, initiative_id, position"
    ):
        item: dict[str, object] = {"ref": ref, "title": title, "kind": kind}
        item.update(start=date.fromisoformat(start), end=date.fromisoformat(end), status=status)
        if ref in history:
            item["history"] = history[ref]
        owners.setdefault((goal, initiative), []).append(item)
    initiatives: dict[str, list[dict[str, object]]] = {}
    for ident, goal, title in db.execute(
        "SELECT id, goal_number, title FROM initiative ORDER BY goal_number, position"
    ):
        initiatives.setdefault(goal, []).append(
            {"id": ident, "title": title, "activities": owners.get((goal, ident), [])}
        )
    goals = [
        {
            "number": number,
            "title": title,
            "initiatives": initiatives.get(number, []),
            "activities": owners.get((number, None), []),
        }
        for number, title in db.execute("SELECT number, title FROM goal ORDER BY position")
    ]
    Path(sys.argv[2]).write_text(dumps({"goals": goals}), encoding="utf-8")


if __name__ == "__main__":
    main()
