"""Write a valid plan file with N activities, for benchmarks at the scale of a whole region.

    .venv/bin/python benchmarks/make_plan.py 100000 -o /tmp/plan-100k.toml

The plan looks like a regional comparison: about one goal per 500 activities, each goal
with ten strategic initiatives, metrics with targets, a budget with unit, pot and
investment tables and a few edited figures, and a status history for every activity that
has left "not started" (some of it undone and redone). Dates are spread around `--today`
so that the summary has overdue activities to list, as a real plan late in its year does.

Goal `1.1` always has exactly 1 000 children (5 initiatives and 995 activities of its own;
fewer when N is smaller), so that expanding one goal costs the same at every N.

The same seed gives the same file. `--taskwarrior FILE` also writes the activities as
Taskwarrior JSON tasks, for comparing `vpl` with `task import` and `task summary`.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from plan_out import dumps, taskwarrior_tasks

BIG_GOAL = "1.1"
"""The goal with 1 000 children (the expand benchmark opens it)."""
BIG_GOAL_CHILDREN = 1000
BIG_GOAL_INITIATIVES = 5
ACTIVITIES_PER_GOAL = 500
INITIATIVES_PER_GOAL = 10

MUNICIPALITIES = (
    "Luleå", "Piteå", "Boden", "Kiruna", "Gällivare", "Haparanda", "Kalix", "Älvsbyn",
    "Arjeplog", "Jokkmokk", "Överkalix", "Övertorneå", "Pajala", "Arvidsjaur",
)  # fmt: skip
VERBS = (
    "Utveckla", "Genomföra", "Införa", "Kartlägga", "Utreda", "Samordna", "Förbättra",
    "Digitalisera", "Ta fram", "Följa upp", "Förankra", "Säkerställa", "Stärka", "Pröva",
)  # fmt: skip
OBJECTS = (
    "rutiner för", "samverkan kring", "en plan för", "en modell för", "uppföljningen av",
    "arbetet med", "nya arbetssätt inom", "dialogen om", "en strategi för", "kompetensen i",
)  # fmt: skip
DOMAINS = (
    "kompetensförsörjning", "äldreomsorg", "kollektivtrafik", "skolans digitalisering",
    "klimatanpassning", "näringslivsklimat", "bostadsbyggande", "folkhälsa",
    "energieffektivisering", "medborgardialog", "föreningsliv", "krisberedskap",
    "upphandling", "vatten och avlopp", "integration", "besöksnäring", "elevhälsa",
    "ledarskap", "arbetsmiljö", "samhällsomställning",
)  # fmt: skip
QUALIFIERS = ("för unga", "för äldre", "med näringslivet", "i hela länet", "inom förvaltningen", "")
USERS = ("anna.k", "erik.l", "maria.s", "johan.n", "kontroller", "lena.p")
COUNCIL_GOALS = ("Innovation", "Klimat", "Attraktivitet", "Delaktighet", "Trygghet")


def title(rng: random.Random, place: str) -> str:
    qualifier = rng.choice(QUALIFIERS)
    parts = [rng.choice(VERBS), rng.choice(OBJECTS), rng.choice(DOMAINS), qualifier, f"i {place}"]
    return " ".join(part for part in parts if part)


def moment(day: date, rng: random.Random) -> datetime:
    """A working-hours time on `day`, UTC."""
    return datetime.combine(day, time(7 + rng.randrange(9), rng.randrange(60)), tzinfo=UTC)


def history_for(
    rng: random.Random, start: date, end: date, today: date
) -> tuple[str, list[dict[str, Any]]]:
    """A status and a history that leads to it, consistent with the dates and `today`."""
    draw = rng.random()
    if end < today:  # past its end: mostly done, some overdue
        weights = (
            ("done", 0.72),
            ("cancelled", 0.05),
            ("delayed", 0.10),
            ("in_progress", 0.09),
            ("not_started", 0.04),
        )
    elif start <= today:
        weights = (
            ("in_progress", 0.6),
            ("not_started", 0.25),
            ("done", 0.1),
            ("delayed", 0.05),
        )
    else:
        weights = (("not_started", 0.95), ("in_progress", 0.05))
    status = weights[-1][0]
    for name, weight in weights:
        if draw < weight:
            status = name
            break
        draw -= weight
    if status == "not_started":
        return status, []
    steps = {
        "in_progress": ["in_progress"],
        "done": ["in_progress", "done"],
        "delayed": ["in_progress", "delayed"],
        "cancelled": ["cancelled"] if rng.random() < 0.5 else ["in_progress", "cancelled"],
    }[status]
    # Changes happen between the start and the end, and never after yesterday.
    first_day = min(start, today - timedelta(days=1))
    last_day = max(first_day, min(end, today - timedelta(days=1)))
    span = (last_day - first_day).days
    days = sorted(rng.randrange(span + 1) for _ in steps)
    history: list[dict[str, Any]] = []
    previous = "not_started"
    at = moment(first_day, rng)
    for step, offset in zip(steps, days, strict=True):
        at = max(at, moment(first_day + timedelta(days=offset), rng))
        history.append({"at": at, "from": previous, "to": step, "user": rng.choice(USERS)})
        previous = step
    if status == "done" and rng.random() < 0.05:
        # Marked done by mistake, undone, then done for real: the undo names its entry.
        index = len(history) - 1
        user = history[index]["user"]
        at += timedelta(minutes=1)
        history.append({"at": at, "from": "done", "to": "in_progress", "user": user})
        history[-1]["undoes"] = index
        at += timedelta(days=1)
        history.append({"at": at, "from": "in_progress", "to": "done", "user": user})
    if rng.random() < 0.1:
        history[-1]["note"] = "Avstämt med verksamheten"
    return status, history


def activity(rng: random.Random, ref: str, year: int, today: date, place: str) -> dict[str, Any]:
    start = date(year, 1, 1) + timedelta(days=rng.randrange(270))
    last = date(year + 2, 12, 31)
    end = min(start + timedelta(days=30 + rng.randrange(420)), last)
    status, history = history_for(rng, start, end, today)
    item: dict[str, Any] = {"ref": ref, "title": title(rng, place)}
    if rng.random() < 0.08:
        item["kind"] = "investigation"
    item.update({"start": start, "end": end})
    if status != "not_started":
        item["status"] = status
        item["history"] = history
    return item


def metric(rng: random.Random, year: int, name: str) -> dict[str, Any]:
    return {
        "name": name,
        "latest": str(rng.randrange(10, 50_000)),
        "latest_year": year - 1,
        "targets": {str(year): "Öka", str(year + 1): f"Minst {rng.randrange(10, 99)}"},
    }


def distribute(total: int, parts: int) -> list[int]:
    """`total` split into `parts` near-equal whole numbers."""
    if parts <= 0:
        return []
    base, extra = divmod(total, parts)
    return [base + (1 if index < extra else 0) for index in range(parts)]


def generate(n: int, *, today: date | None = None, seed: int = 1) -> dict[str, Any]:
    """The plan as TOML-ready data: N activities, goals, initiatives, metrics, budget, history."""
    rng = random.Random(seed)
    today = today or date.today()
    year = today.year
    big_own = min(n, BIG_GOAL_CHILDREN - BIG_GOAL_INITIATIVES)
    rest = n - big_own
    other_goals = max(1, rest // ACTIVITIES_PER_GOAL)
    goals: list[dict[str, Any]] = []

    def new_goal(number: str, index: int) -> dict[str, Any]:
        place = MUNICIPALITIES[index % len(MUNICIPALITIES)]
        return {
            "number": number,
            "kind": "council" if index % 3 else "board",
            "title": f"{rng.choice(VERBS)} {rng.choice(DOMAINS)} i {place}",
            "description": f"Målet gäller {place} och följs upp varje tertial.",
            "council_goal": COUNCIL_GOALS[index % len(COUNCIL_GOALS)],
            "metrics": [
                metric(rng, year, "Genomförda aktiviteter"),
                metric(rng, year, "Nöjd kund"),
            ],
            "initiatives": [],
            "activities": [],
        }

    def add_initiatives(goal: dict[str, Any], count: int, shares: list[int]) -> None:
        place = goal["title"].rsplit(" i ", 1)[-1]
        for index in range(count):
            ident = f"i{goal['number'].replace('.', '-')}-{index + 1}"
            goal["initiatives"].append(
                {
                    "id": ident,
                    "title": f"Initiativ {index + 1}: {rng.choice(DOMAINS)} i {place}",
                    "purpose": "Ska ge effekt under planperioden.",
                    "earmarked_mkr": rng.randrange(1, 9),
                    "metrics": [metric(rng, year, "Andel genomfört")],
                    "activities": [
                        activity(rng, f"{ident}.{k + 1}", year, today, place)
                        for k in range(shares[index])
                    ],
                }
            )

    # Goal 1.1: 995 activities of its own and 5 initiatives, 1 000 children in all.
    big = new_goal(BIG_GOAL, 0)
    place = big["title"].rsplit(" i ", 1)[-1]
    big["activities"] = [
        activity(rng, f"{BIG_GOAL}-{k + 1}", year, today, place) for k in range(big_own)
    ]
    goals.append(big)
    # The rest: the big goal's initiatives get a goal's share, the other goals the remainder.
    shares = distribute(rest, other_goals + 1)
    add_initiatives(big, BIG_GOAL_INITIATIVES, distribute(shares[0], BIG_GOAL_INITIATIVES))
    for index, share in enumerate(shares[1:], start=1):
        goal = new_goal(f"{1 + index // 10}.{1 + index % 10}", index)
        own = share // 10
        place = goal["title"].rsplit(" i ", 1)[-1]
        goal["activities"] = [
            activity(rng, f"{goal['number']}-{k + 1}", year, today, place) for k in range(own)
        ]
        add_initiatives(goal, INITIATIVES_PER_GOAL, distribute(share - own, INITIATIVES_PER_GOAL))
        goals.append(goal)
    return {
        "plan": {
            "title": f"Regional jämförelse {year}",
            "organisation": "Norrbottens kommuner",
            "municipality": "Region Norrbotten",
            "year": year,
            "period": f"{year}-{year + 2}",
            "currency_unit": "tkr",
        },
        "mandate": {
            "steering_processes": "Samordna uppföljningen av kommunernas verksamhetsplaner.",
            "directions": "Jämföra, lära av varandra och redovisa för styrelserna.",
        },
        "focus": [
            {
                "title": "Kompetensförsörjning",
                "intro": "Målen som bär kompetensförsörjningen:",
                "items": ["Attrahera och rekrytera", "Behålla och utveckla"],
                "goals": [goal["number"] for goal in goals[:3]],
            }
        ],
        "goals": goals,
        "budget": budget(rng, year, goals),
    }


def budget(rng: random.Random, year: int, goals: list[dict[str, Any]]) -> dict[str, Any]:
    """Operating, unit, pot and investment tables in the shape of the bundled plan's."""
    years = [year - 2, year - 1, year, year + 1, year + 2]
    kinds = ["actual", "forecast", "budget", "budget", "budget"]
    columns = {str(y): k for y, k in zip(years, kinds, strict=True)}
    units = [
        {
            "name": f"Förvaltning {place}",
            "net_costs": {str(y): rng.randrange(5_000, 90_000) for y in years[:3]},
        }
        for place in MUNICIPALITIES
    ]
    unit_total = {str(y): sum(u["net_costs"][str(y)] for u in units) for y in years[:3]}
    net_costs = {
        str(y): unit_total.get(str(y), unit_total[str(year)] + 2_000 * (y - year)) for y in years
    }
    grant = dict(net_costs)
    edited = net_costs[str(year)] + 1_500  # the forecast update below
    net_costs[str(year)] = edited
    lines = [
        {
            "name": f"Investering {index + 1}",
            "description": "Treårig satsning.",
            "amounts": {str(y): rng.randrange(500, 20_000) for y in years[2:]},
        }
        for index in range(12)
    ]
    line_total = {str(y): sum(line["amounts"][str(y)] for line in lines) for y in years[2:]}
    initiative_ids = [i["id"] for goal in goals for i in goal["initiatives"]]
    allocations = [
        {
            "id": f"pott-{index + 1}",
            "title": f"Satsning {index + 1}",
            "amount_mkr": amount,
            "funds": initiative_ids[index * 2 : index * 2 + 2] or [goals[0]["number"]],
        }
        for index, amount in enumerate([5, Decimal("4.5"), 3, 12, Decimal("3.5")])
    ]
    changed_at = datetime.combine(date(year, 3, 1), time(9, 30), tzinfo=UTC)
    return {
        "explanation": "Budgeten följer kommunernas beslutade ramar.",
        "operating": {
            "columns": columns,
            "net_costs": net_costs,
            "grant": grant,
            "result": {y: grant[y] - net_costs[y] for y in grant},
        },
        "units": {"columns": dict(list(columns.items())[:3]), "total": unit_total, "units": units},
        "pot": {
            "name": "Regionala utvecklingsmedel",
            "period": f"{year}-{year + 2}",
            "year": year,
            "total_mkr": 28,
            "allocations": allocations,
        },
        "investments": {
            "columns": columns,
            "net_investments": {**{str(y): 30_000 for y in years[:2]}, **line_total},
            "total": line_total,
            "explanation": "Digitala enheter och infrastruktur.",
            "lines": lines,
        },
        "changes": [
            {
                "table": "operating",
                "line": "net_costs",
                "year": year,
                "at": changed_at,
                "from": edited - 1_500,
                "to": edited,
                "note": "Prognos efter mars",
                "user": "kontroller",
            }
        ],
    }


def write(
    n: int, path: Path, *, today: date | None = None, seed: int = 1, tasks: Path | None = None
) -> None:
    """Write the plan file (and the Taskwarrior tasks when `tasks` is given)."""
    data = generate(n, today=today, seed=seed)
    path.write_text(dumps(data), encoding="utf-8")
    if tasks is not None:
        tasks.write_text(json.dumps(taskwarrior_tasks(data), ensure_ascii=False), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="how many activities")
    parser.add_argument("-o", "--output", type=Path, help="plan file (default: stdout)")
    parser.add_argument("--today", type=date.fromisoformat, help="YYYY-MM-DD (default: today)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--taskwarrior", type=Path, help="also write Taskwarrior JSON tasks here")
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("n must be 0 or more")
    if args.output is None:
        data = generate(args.n, today=args.today, seed=args.seed)
        sys.stdout.write(dumps(data))
        if args.taskwarrior:
            args.taskwarrior.write_text(json.dumps(taskwarrior_tasks(data), ensure_ascii=False))
        return 0
    write(args.n, args.output, today=args.today, seed=args.seed, tasks=args.taskwarrior)
    return 0


if __name__ == "__main__":
    sys.exit(main())
