"""Plan files the tests build on: one builder of plan file text (`plan_toml`, with
`goal`, `initiative`, `activity` and `change` for its parts), a small plan that uses every
part of the format, a large generated plan, and a plan whose every shown field is
hostile text."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import tomli_w


def plan_toml(
    *,
    title: str = "Liten plan",
    municipality: str | None = None,
    goals: Sequence[dict[str, Any]] | None = None,
    comment: str = "",
    **parts: Any,
) -> str:
    """A plan file's text, written by tomli-w as `vpl export` writes one.

    Args:
        title: The plan's title; the rest of `[plan]` is the same in every test plan:
            organisation Staben, year 2023, period 2023-2025.
        municipality: Left out when None.
        goals: The goals as data (`goal(...)`); by default goal 1 "Mål" with one activity,
            1-1 "Aktivitet", through 2023.
        comment: Lines put first, each as a `# ` comment.
        parts: The other tables as data: `mandate`, `focus`, `budget`.
    """
    info: dict[str, Any] = {"title": title, "organisation": "Staben"}
    if municipality is not None:
        info["municipality"] = municipality
    info.update(year=2023, period="2023-2025")
    data: dict[str, Any] = {"plan": info}
    data.update({key: parts.pop(key) for key in ("mandate", "focus") if key in parts})
    data["goals"] = list(goals) if goals is not None else [goal(activities=[activity()])]
    data.update(parts)
    header = "".join(f"# {line}\n" for line in comment.splitlines())
    return header + tomli_w.dumps(data, multiline_strings=True)


def goal(number: str = "1", title: str = "Mål", *, kind: str = "council", **fields: Any) -> dict:
    """A goal as plan file data; `fields` add or replace keys (activities, initiatives...)."""
    return {"number": number, "kind": kind, "title": title, **fields}


def initiative(id: str, title: str, **fields: Any) -> dict:
    """An initiative as plan file data."""
    return {"id": id, "title": title, **fields}


def activity(
    ref: str = "1-1",
    title: str = "Aktivitet",
    *,
    start: date = date(2023, 1, 1),
    end: date = date(2023, 12, 31),
    **fields: Any,
) -> dict:
    """An activity as plan file data; `fields` add kind, status, history..."""
    return {"ref": ref, "title": title, **fields, "start": start, "end": end}


def change(at: str, from_status: str, to: str, user: str, **fields: Any) -> dict:
    """A history entry as plan file data; `at` as ISO text, `2023-03-01T12:00:00Z`."""
    return {"at": datetime.fromisoformat(at), "from": from_status, "to": to, **fields, "user": user}


SMALL_PLAN = plan_toml(
    comment="A small plan that uses every part of the format: history with an undo, metrics,\n"
    "initiatives, a focus list and a budget with every table and an edited figure.",
    municipality="Exempelby kommun",
    mandate={
        "steering_processes": "Leda och samordna.",
        "directions": "Två stycken.\n\nDet andra.",
    },
    focus=[{"title": "Fokus", "intro": "Inledning", "items": ["Ett", "Två"], "goals": ["1"]}],
    goals=[
        goal(
            "1",
            "Attraktiv arbetsgivare",
            description="Beskrivning",
            resources="Inom ram",
            earmarked_mkr=3,
            council_goal="Innovation",
            metrics=[
                {
                    "name": "Nöjda medarbetare",
                    "latest": "44 418",
                    "latest_year": 2022,
                    "targets": {"2023": "Öka", "2024": "Högst 50"},
                }
            ],
            activities=[
                activity(
                    "1-1",
                    "Första aktiviteten",
                    end=date(2023, 6, 30),
                    status="in_progress",
                    history=[
                        change("2023-02-01T08:00:00Z", "not_started", "done", "anna", note="klar"),
                        change("2023-02-02T08:00:00Z", "done", "not_started", "anna", undoes=0),
                        change("2023-03-01T09:30:00Z", "not_started", "in_progress", "bo"),
                    ],
                ),
                activity("1-2", "Utredning", kind="investigation", start=date(2023, 3, 1)),
            ],
            initiatives=[
                initiative(
                    "smart",
                    "Smart kommun",
                    purpose="Syfte",
                    resources="12 mkr",
                    earmarked_mkr=Decimal("12.5"),
                    council_goal="Innovation",
                    comment="Kommentar",
                    metrics_note="Tas fram",
                    activities=[activity("smart-1", "Digitalisera", end=date(2024, 12, 31))],
                )
            ],
        ),
        goal("2", "Nämndsmål", kind="board"),
    ],
    budget={
        "explanation": "Förklaring",
        "operating": {
            "columns": {"2022": "actual", "2023": "budget"},
            "net_costs": {"2022": 100, "2023": 110},
            "grant": {"2022": 100, "2023": 115},
            "result": {"2022": 0, "2023": 5},
        },
        "units": {
            "columns": {"2023": "budget"},
            "total": {"2023": 110},
            "units": [
                {"name": "Enhet A", "net_costs": {"2023": 60}},
                {"name": "Enhet B", "net_costs": {"2023": 50}},
            ],
        },
        "pot": {
            "name": "Potten",
            "period": "2023-2025",
            "year": 2023,
            "total_mkr": Decimal("15.5"),
            "allocations": [
                {
                    "id": "smart-alloc",
                    "title": "Till smart kommun",
                    "amount_mkr": Decimal("12.5"),
                    "funds": ["smart", "1"],
                }
            ],
        },
        "investments": {
            "columns": {"2023": "budget"},
            "net_investments": {"2023": 40},
            "total": {"2023": 40},
            "explanation": "Investeringar",
            "lines": [{"name": "Datorer", "description": "Utbyte", "amounts": {"2023": 40}}],
        },
        "changes": [
            {
                "table": "operating",
                "line": "grant",
                "year": 2023,
                "at": datetime.fromisoformat("2023-04-01T10:00:00Z"),
                "from": 110,
                "to": 115,
                "note": "Tilläggsanslag",
                "user": "controller",
            }
        ],
    },
)


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
        goal_data: dict = {
            "number": str(g + 1),
            "kind": "board" if g % 2 else "council",
            "title": f"Mål {g + 1} " + "text " * 20,
            "description": "Beskrivning " * 50,
            "initiatives": [],
            "activities": [_activity(f"{g + 1}-{a}", words) for a in range(activities)],
        }
        for i in range(initiatives):
            goal_data["initiatives"].append(
                {
                    "id": f"init-{g + 1}-{i}",
                    "title": f"Initiativ {g + 1}.{i}",
                    "purpose": "Syfte " * 40,
                    "activities": [_activity(f"{g + 1}.{i}-{a}", words) for a in range(activities)],
                }
            )
        plan["goals"].append(goal_data)
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
