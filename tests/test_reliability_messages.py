"""The plan file's checks speak the interface's language (issue 13 §4): Swedish by
default, English with `--lang en`. Each history-chain, budget-edit and follow-up message
is provoked in a real file and read from the real `vpl load --check`."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from subprocess import CompletedProcess
from typing import Any

import pytest
import tomli_w

from vpl_tui.model import Plan
from vpl_tui.planfile import plan_to_data

RunVpl = Callable[..., CompletedProcess[str]]


def at(day: int) -> datetime:
    return datetime(2023, 3, day, 9, 0, tzinfo=UTC)


def change(day: int, before: str, after: str, undoes: int | None = None) -> dict[str, Any]:
    entry: dict[str, Any] = {"at": at(day), "from": before, "to": after}
    if undoes is not None:
        entry["undoes"] = undoes
    return entry


def broken_histories(data: dict[str, Any]) -> None:
    """One activity a history-chain problem: each is its own line."""
    activities = [
        activity
        for goal in data["goals"]
        for activity in [
            *goal.get("activities", []),
            *(a for i in goal.get("initiatives", []) for a in i.get("activities", [])),
        ]
    ]
    cases = [
        ([change(1, "not_started", "in_progress"), change(2, "delayed", "done")], "done"),
        ([change(2, "not_started", "in_progress"), change(1, "in_progress", "done")], "done"),
        ([change(1, "not_started", "done", undoes=0)], "done"),
        (
            [
                change(1, "not_started", "done"),
                change(2, "done", "not_started", undoes=0),
                change(3, "not_started", "done", undoes=0),
            ],
            "done",
        ),
        ([change(1, "not_started", "done"), change(2, "done", "delayed", undoes=0)], "delayed"),
        ([change(1, "not_started", "done")], "delayed"),
        ([], "done"),
        ([{"at": datetime(2023, 3, 1, 9, 0), "from": "not_started", "to": "done"}], "done"),
        ([change(1, "not_started", "done") | {"at": datetime(1066, 3, 1, tzinfo=UTC)}], "done"),
    ]
    for activity, (history, status) in zip(activities, cases, strict=False):
        activity["history"], activity["status"] = history, status
    assert len(activities) >= len(cases)
    net = data["budget"]["operating"]["net_costs"]
    net["20x3"] = net.pop(next(iter(net)))


def broken_followup(data: dict[str, Any]) -> None:
    """Periods, scale, assessments and ready marks that break every follow-up check."""
    data["periods"] = [
        {"id": "t1", "name": "Tertial 1", "end": date(2023, 4, 30), "deadline": date(2023, 4, 1)},
        {"id": "T1", "name": "Igen", "end": date(2023, 4, 30), "verdict": True},
        {"id": "ar", "name": "År", "end": date(2023, 12, 31), "verdict": True},
    ]
    level = {"label_sv": "x", "label_en": "x", "forecast_sv": "x", "forecast_en": "x"}
    data["scale"] = {
        "levels": [
            {"code": "rod", **level, "colour": "red", "symbol": "R", "assessed": False},
            {"code": "rod", **level, "colour": "red", "symbol": "R", "assessed": False},
        ],
        "actions_required": ["rod", "lila"],
    }
    data["assessments"] = [
        {
            "target": "1.1.1",
            "period": "t1",
            "history": [
                {"at": at(2), "level": "met"},
                {"at": at(1), "level": "rod"},
                {"at": at(3), "level": "rod", "undoes": 5},
                {"at": at(4), "level": "", "undoes": 1},
            ],
        },
        {"target": "1.1.1", "period": "t1", "history": [{"at": at(1), "level": "rod"}]},
        {"target": "1.1.2", "period": "q3", "history": [{"at": at(1), "level": "rod"}]},
    ]
    data["ready"] = [
        {"target": "1.1.1", "period": "t1", "history": [{"at": at(1), "ready": False}]},
    ]


def broken_references(data: dict[str, Any]) -> None:
    """A follow-up naming no goal or activity, and budget edits that do not chain."""
    data["assessments"] = [
        {"target": "9.9", "period": "t1", "history": [{"at": at(1), "level": "met"}]}
    ]
    data["notes"] = [{"ref": "nope-1", "period": "t1", "history": [{"at": at(1), "text": "x"}]}]
    budget = data["budget"]
    units = budget["units"]["units"]
    units[1]["name"] = units[0]["name"]
    net = budget["operating"]["net_costs"]
    year = next(iter(net))
    value = net[year]
    budget["changes"] = [
        {"table": "operating", "line": "nope", "year": int(year), "at": at(1), "from": 1, "to": 2},
        {"table": "operating", "line": "net_costs", "year": int(year), "at": at(2)}
        | {"from": value, "to": value + 1},
        {"table": "operating", "line": "net_costs", "year": int(year), "at": at(1)}
        | {"from": value + 5, "to": value + 2},
    ]


SWEDISH = {
    "histories": [
        "history[1].from: delayed följer inte på raden före (in_progress)",
        "history[1].at: 2023-03-01T09:00:00+00:00 är före raden före",
        "history[0].undoes: 0 är inte en tidigare rad",
        "history[2].undoes: rad 0 kan inte ångras två gånger",
        "history[1].to: en ångring av rad 0 återställer not_started",
        "status: delayed är inte där historiken slutar (done)",
        "status: done behöver historikraden som satte den (en aktivitet utan historik är "
        "not_started)",
        "history[0].at: behöver en tidszon, till exempel 2023-03-01T09:30:00Z",
        "history[0].at: året 1066 ligger utanför 1900–2200",
        "net_costs: nyckeln '20x3' är inget år (fyra siffror)",
    ],
    "followup": [
        "periods[1].id: 'T1' används två gånger",
        "periods[0].deadline: 2023-04-01 är före slutdatumet 2023-04-30",
        "periods: slutdatumen ska vara i ordning, vart och ett senare än det före",
        "periods: högst en period kan vara årets utfall",
        "scale: varje nivå behöver en egen kod",
        "scale: minst en nivå ska vara en bedömning",
        "scale.actions_required: 'lila' är ingen nivå i skalan",
        "assessments[2].period: ingen period q3",
        "assessments[1]: 1.1.1 i t1 finns två gånger",
        "assessments[0].history[1].at: är före raden före",
        "assessments[0].history[0].level: 'met' är ingen nivå i skalan",
        "assessments[0].history[1].level: rod kräver åtgärder",
        "assessments[0].history[2].undoes: 5 är inte en tidigare rad",
        "assessments[0].history[3]: en ångring av rad 1 återställer raden före den",
        "ready[0].history[0].ready: ska vara klarmarkerad",
    ],
    "references": [
        "assessments[0].target: inget mål eller initiativ 9.9",
        "notes[0].ref: ingen aktivitet nope-1",
        "budget.units.units[1].name: Kommundirektör finns redan eller är ett reserverat namn",
        "budget.changes[0]: ingen siffra operating/nope/",
        "budget.changes[2].from: ",
        "följer inte på ändringen före (",
        "budget.changes[2].at: är före ändringen före",
        "i tabellen men dess sista ändring sätter",
    ],
}
ENGLISH = {
    "histories": "delayed does not follow from the entry before it (in_progress)",
    "followup": "periods: at most one period is the year's verdict",
    "references": "is a duplicate or reserved",
}
BREAK = {
    "histories": broken_histories,
    "followup": broken_followup,
    "references": broken_references,
}


@pytest.mark.parametrize("case", sorted(BREAK))
def test_each_plan_file_check_is_in_swedish_by_default_and_english_on_request(
    case: str, run_vpl: RunVpl, seed_plan: Plan, tmp_path: Path
) -> None:
    data = copy.deepcopy(plan_to_data(seed_plan))
    BREAK[case](data)
    plan = tmp_path / f"{case}.toml"
    plan.write_text(tomli_w.dumps(data), encoding="utf-8")
    refused = run_vpl("load", "--check", str(plan))
    assert refused.returncode == 2
    said = refused.stderr
    missing = [line for line in SWEDISH[case] if line not in said]
    assert not missing, said
    english = run_vpl("--lang", "en", "load", "--check", str(plan))
    assert english.returncode == 2 and ENGLISH[case] in english.stderr
