"""Next year's plan from the bundled one: counts, dates, refs."""

from __future__ import annotations

import tomllib
from datetime import date

import pytest

from vpl_tui.nextyear import next_year_plan
from vpl_tui.planfile import dumps_plan


@pytest.fixture
def plan_data(seed_plan) -> dict:  # noqa: ANN001
    data = tomllib.loads(dumps_plan(seed_plan))
    goal = data["goals"][0]
    goal["activities"][0]["status"] = "done"  # one done, one cancelled: neither is carried
    goal["activities"][0]["history"] = [
        {"at": "2023-03-01T10:00:00Z", "from": "not_started", "to": "done", "user": "anna"}
    ]
    goal["activities"][1]["status"] = "cancelled"
    goal["activities"][1]["history"] = [
        {"at": "2023-03-01T10:00:00Z", "from": "not_started", "to": "cancelled", "user": "anna"}
    ]
    return tomllib.loads(tomllib_dump(data))


def tomllib_dump(data: dict) -> str:
    import tomli_w

    return tomli_w.dumps(data)


def activities(data: dict) -> list[dict]:
    return [
        a
        for g in data["goals"]
        for a in [
            *g.get("activities", []),
            *(x for i in g.get("initiatives", []) for x in i.get("activities", [])),
        ]
    ]


def test_the_bundled_plans_next_year(plan_data: dict) -> None:
    new = next_year_plan(plan_data, 2024)
    assert new["plan"]["year"] == 2024
    assert new["plan"]["period"] == "2024-2026"
    assert new["plan"]["title"] == "Verksamhetsplan 2024"
    assert "budget" not in new
    old = activities(plan_data)
    carried = activities(new)
    assert len(old) == 52 and len(carried) == 50, "the done and the cancelled one stay behind"
    first = carried[0]
    assert first["ref"] == old[2]["ref"] and first["carried_from"] == f"2023:{old[2]['ref']}"
    assert (first["start"], first["end"]) == (date(2024, 1, 1), date(2024, 12, 31))
    assert all("status" not in a and "history" not in a for a in carried)
    assert len(new["goals"]) == len(plan_data["goals"]) == 5


def test_targets_are_kept_for_the_new_year_and_later(plan_data: dict) -> None:
    new = next_year_plan(plan_data, 2024)
    targets = [
        m.get("targets", {})
        for g in new["goals"]
        for m in [
            *g.get("metrics", []),
            *(x for i in g.get("initiatives", []) for x in i.get("metrics", [])),
        ]
    ]
    assert all(set(t) <= {"2024", "2025"} for t in targets)
    assert {"2024": "Lägre än 134", "2025": "Högst 10"} in targets


def test_a_year_not_after_the_plans_is_refused(plan_data: dict) -> None:
    with pytest.raises(ValueError, match="2023 is not a year after the plan's 2023"):
        next_year_plan(plan_data, 2023)


def test_29_february_moves_to_28_february() -> None:
    data = {
        "plan": {"title": "P 2024", "organisation": "O", "year": 2024, "period": "2024-2024"},
        "goals": [
            {
                "number": "1",
                "kind": "board",
                "title": "M",
                "activities": [
                    {
                        "ref": "1-1",
                        "title": "A",
                        "start": date(2024, 2, 29),
                        "end": date(2024, 2, 29),
                    }
                ],
            }
        ],
    }
    new = next_year_plan(data, 2025)
    assert new["goals"][0]["activities"][0]["end"] == date(2025, 2, 28)
