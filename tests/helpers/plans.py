"""Plan files the reliability tests build on: a small plan that uses every part of the
format, a large generated plan, and a plan whose every shown field is hostile text."""

from __future__ import annotations

import tomli_w

SMALL_PLAN = """\
# A small plan that uses every part of the format: history with an undo, metrics,
# initiatives, a focus list and a budget with every table and an edited figure.
[plan]
title = "Liten plan"
organisation = "Staben"
municipality = "Exempelby kommun"
year = 2023
period = "2023-2025"

[mandate]
steering_processes = "Leda och samordna."
directions = \"\"\"Två stycken.

Det andra.\"\"\"

[[focus]]
title = "Fokus"
intro = "Inledning"
items = ["Ett", "Två"]
goals = ["1"]

[[goals]]
number = "1"
kind = "council"
title = "Attraktiv arbetsgivare"
description = "Beskrivning"
resources = "Inom ram"
earmarked_mkr = 3
council_goal = "Innovation"

[[goals.metrics]]
name = "Nöjda medarbetare"
latest = "44 418"
latest_year = 2022
targets = { 2023 = "Öka", 2024 = "Högst 50" }

[[goals.activities]]
ref = "1-1"
title = "Första aktiviteten"
start = 2023-01-01
end = 2023-06-30
status = "in_progress"

[[goals.activities.history]]
at = 2023-02-01T08:00:00Z
from = "not_started"
to = "done"
note = "klar"
user = "anna"

[[goals.activities.history]]
at = 2023-02-02T08:00:00Z
from = "done"
to = "not_started"
user = "anna"
undoes = 0

[[goals.activities.history]]
at = 2023-03-01T09:30:00Z
from = "not_started"
to = "in_progress"
user = "bo"

[[goals.activities]]
ref = "1-2"
title = "Utredning"
kind = "investigation"
start = 2023-03-01
end = 2023-12-31

[[goals.initiatives]]
id = "smart"
title = "Smart kommun"
purpose = "Syfte"
resources = "12 mkr"
earmarked_mkr = 12.5
council_goal = "Innovation"
comment = "Kommentar"
metrics_note = "Tas fram"

[[goals.initiatives.activities]]
ref = "smart-1"
title = "Digitalisera"
start = 2023-01-01
end = 2024-12-31

[[goals]]
number = "2"
kind = "board"
title = "Nämndsmål"

[budget]
explanation = "Förklaring"

[budget.operating]
columns = { 2022 = "actual", 2023 = "budget" }
net_costs = { 2022 = 100, 2023 = 110 }
grant = { 2022 = 100, 2023 = 115 }
result = { 2022 = 0, 2023 = 5 }

[budget.units]
columns = { 2023 = "budget" }
total = { 2023 = 110 }

[[budget.units.units]]
name = "Enhet A"
net_costs = { 2023 = 60 }

[[budget.units.units]]
name = "Enhet B"
net_costs = { 2023 = 50 }

[budget.pot]
name = "Potten"
period = "2023-2025"
year = 2023
total_mkr = 15.5

[[budget.pot.allocations]]
id = "smart-alloc"
title = "Till smart kommun"
amount_mkr = 12.5
funds = ["smart", "1"]

[budget.investments]
columns = { 2023 = "budget" }
net_investments = { 2023 = 40 }
total = { 2023 = 40 }
explanation = "Investeringar"

[[budget.investments.lines]]
name = "Datorer"
description = "Utbyte"
amounts = { 2023 = 40 }

[[budget.changes]]
table = "operating"
line = "grant"
year = 2023
at = 2023-04-01T10:00:00Z
from = 110
to = 115
note = "Tilläggsanslag"
user = "controller"
"""


def big_plan(goals: int, initiatives: int, activities: int, *, title: str, words: int = 15) -> str:
    """A plan with goals × initiatives × activities activities (plus each goal's own),
    every activity with one history row and a title of `words` words, as TOML text."""
    plan: dict = {
        "plan": {
            "title": title,
            "organisation": "Stora staben",
            "year": 2023,
            "period": "2023-2025",
        },
        "goals": [],
    }
    for g in range(goals):
        goal: dict = {
            "number": str(g + 1),
            "kind": "board" if g % 2 else "council",
            "title": f"Mål {g + 1} " + "text " * 20,
            "description": "Beskrivning " * 50,
            "initiatives": [],
            "activities": [_activity(f"{g + 1}-{a}", words) for a in range(activities)],
        }
        for i in range(initiatives):
            goal["initiatives"].append(
                {
                    "id": f"init-{g + 1}-{i}",
                    "title": f"Initiativ {g + 1}.{i}",
                    "purpose": "Syfte " * 40,
                    "activities": [_activity(f"{g + 1}.{i}-{a}", words) for a in range(activities)],
                }
            )
        plan["goals"].append(goal)
    return tomli_w.dumps(plan)


def _activity(ref: str, words: int) -> dict:
    from datetime import UTC, date, datetime

    return {
        "ref": ref,
        "title": f"Aktivitet {ref} " + "ord " * words,
        "start": date(2023, 1, 1),
        "end": date(2023, 12, 31),
        "status": "in_progress",
        "history": [
            {
                "at": datetime(2023, 3, 1, 12, 0, tzinfo=UTC),
                "from": "not_started",
                "to": "in_progress",
                "note": "Startad " * 5,
                "user": "generator",
            }
        ],
    }


HOSTILE = (
    "[bold red]fet[/] [/] [@click=app.quit]klick[/] [link=https://evil.example]länk[/link] "
    "\x1b[6666m \x1b]0;PWNED-TITLE\x07 \x1b]52;c;UFdORUQtQ0xJUA==\x07 \x1b[2J\x1b[H "
    "\x00 \u202eDESREVER \u2066isolate \x9b6666m \x07 \x7f \r\n ny rad\tflik \u200bzw "
    "<script>alert('x')</script> &amp; *stjärna* _under_ `kod` # rubrik | pipe"
)
"""What a hostile plan file puts in every field it can: Rich/Textual markup (an action
link among it), CSI and OSC sequences (OSC 0 sets the window title, OSC 52 writes the
clipboard), NUL, BEL, DEL, a C1 CSI, bidi overrides and isolates, CR LF, a tab and a
zero-width space; and HTML and Markdown that must come out as text. Each payload is
unique, so output can be searched for it."""

LONG_LINE = "L" * 3000 + "END-OF-LONG-LINE"


def hostile_plan() -> str:
    """A valid plan whose every shown string carries HOSTILE after a unique marker
    (`H01`, `H02`, ...), as TOML text; the marker shows where each field landed."""
    counter = iter(range(1, 1000))

    def h(extra: str = "") -> str:
        return f"H{next(counter):02d}{extra} {HOSTILE}"

    from datetime import UTC, date, datetime

    plan = {
        "plan": {
            "title": h(),
            "organisation": h(),
            "municipality": h()[:200],
            "year": 2023,
            "period": "2023-2025",
        },
        "mandate": {part: h(LONG_LINE) for part in ("steering_processes", "directions")},
        "focus": [{"title": h(), "intro": h(), "items": [h(), h()], "goals": ["1"]}],
        "goals": [
            {
                "number": "1",
                "kind": "council",
                "title": h(),
                "description": h(LONG_LINE),
                "resources": h(),
                "earmarked_mkr": 3,
                "council_goal": h(),
                "metrics": [
                    {"name": h(), "latest": h(), "latest_year": 2022, "targets": {"2023": h()}}
                ],
                "activities": [
                    {
                        "ref": "1-1",
                        "title": h(),
                        "start": date(2023, 1, 1),
                        "end": date(2023, 2, 1),
                        "status": "in_progress",
                        "history": [
                            {
                                "at": datetime(2023, 1, 15, 9, 0, tzinfo=UTC),
                                "from": "not_started",
                                "to": "in_progress",
                                "note": h(),
                                "user": h()[:200],
                            }
                        ],
                    },
                    {
                        "ref": "1-2",
                        "title": h(LONG_LINE),
                        "start": date(2023, 1, 1),
                        "end": date(2023, 12, 31),
                    },
                ],
                "initiatives": [
                    {
                        "id": "smart",
                        "title": h(),
                        "purpose": h(),
                        "resources": h(),
                        "comment": h(),
                        "metrics_note": h(),
                        "council_goal": h(),
                        "activities": [
                            {
                                "ref": "smart-1",
                                "title": h(),
                                "start": date(2023, 1, 1),
                                "end": date(2023, 3, 1),
                            }
                        ],
                    }
                ],
            }
        ],
        "budget": {
            "explanation": h(),
            "operating": {
                "columns": {"2023": "budget"},
                "net_costs": {"2023": 100},
                "grant": {"2023": 100},
                "result": {"2023": 0},
            },
            "units": {
                "columns": {"2023": "budget"},
                "units": [{"name": h(), "net_costs": {"2023": 100}}],
                "total": {"2023": 100},
            },
            "pot": {
                "name": h(),
                "period": h()[:100],
                "year": 2023,
                "total_mkr": 3,
                "allocations": [{"id": "a1", "title": h(), "amount_mkr": 3, "funds": ["smart"]}],
            },
            "investments": {
                "columns": {"2023": "budget"},
                "net_investments": {"2023": 5},
                "lines": [{"name": h(), "description": h(), "amounts": {"2023": 5}}],
                "total": {"2023": 5},
                "explanation": h(),
            },
        },
    }
    return tomli_w.dumps(plan)
