"""The plan model's validation: what a plan file may hold and how each problem is reported.

Every test feeds parsed TOML data (as `tomllib` would give it) through
`vpl_tui.planfile.validate_plan`, the one gate every plan passes, and checks the exact
lines a person would read: file, TOML path, reason.
"""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest

from vpl_tui.model import STATUSES, Plan, figure_values
from vpl_tui.planfile import PlanFileError, validate_plan

JAN_1 = date(2023, 1, 1)
DEC_31 = date(2023, 12, 31)


def activity(ref: str, **extra: Any) -> dict[str, Any]:
    return {"ref": ref, "title": f"Aktivitet {ref}", "start": JAN_1, "end": DEC_31, **extra}


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def plan_data() -> dict[str, Any]:
    """A small valid plan: three goals, one initiative, a budget with a pot."""
    return {
        "plan": {
            "title": "Testplan",
            "organisation": "Staben",
            "year": 2023,
            "period": "2023-2025",
        },
        "focus": [{"title": "Fokus", "items": ["Punkt"], "goals": ["1", "2"]}],
        "goals": [
            {
                "number": "1",
                "kind": "council",
                "title": "Mål ett",
                "metrics": [{"name": "Mätetal", "latest": "11", "targets": {"2023": "Öka"}}],
                "activities": [activity("1-1"), activity("1-2", kind="investigation")],
                "initiatives": [
                    {"id": "ini", "title": "Initiativ", "activities": [activity("ini-1")]}
                ],
            },
            {"number": "2", "kind": "board", "title": "Mål två", "activities": [activity("2-1")]},
            {"number": "3", "kind": "council", "title": "Mål tre", "activities": [activity("3-1")]},
        ],
        "budget": {
            "operating": {
                "columns": {"2023": "budget"},
                "net_costs": {"2023": 100},
                "grant": {"2023": 100},
                "result": {"2023": 0},
            },
            "pot": {
                "name": "Potten",
                "year": 2023,
                "total_mkr": Decimal("4.5"),
                "allocations": [
                    {"id": "del", "title": "Del", "amount_mkr": Decimal("4.5"), "funds": ["ini"]}
                ],
            },
        },
    }


def problems(data: dict[str, Any]) -> list[str]:
    """The lines a refused plan is reported with (fails the test if the plan is accepted)."""
    with pytest.raises(PlanFileError) as caught:
        validate_plan(data, "plan.toml")
    return caught.value.problems


def test_the_small_plan_is_valid_and_activities_start_as_not_started() -> None:
    plan = validate_plan(plan_data(), "plan.toml")
    assert isinstance(plan, Plan)
    first = plan.goals[0].activities[0]
    assert (first.status, first.history, first.kind) == ("not_started", [], "activity")
    assert plan.goals[0].activities[1].kind == "investigation"
    assert plan.goals[0].initiatives[0].activities[0].ref == "ini-1"


def test_end_before_start_names_file_path_and_both_dates() -> None:
    data = plan_data()
    data["goals"][2]["activities"][0]["end"] = date(2022, 12, 31)
    assert problems(data) == [
        "plan.toml: goals[2].activities[0].end: 2022-12-31 is before start 2023-01-01"
    ]


def test_an_activity_may_start_and_end_on_the_same_day() -> None:
    data = plan_data()
    data["goals"][1]["activities"][0]["end"] = JAN_1
    assert validate_plan(data).goals[1].activities[0].end == JAN_1


def test_unknown_status_lists_the_codes() -> None:
    data = plan_data()
    data["goals"][0]["activities"][0]["status"] = "klar"
    [line] = problems(data)
    assert line.startswith("plan.toml: goals[0].activities[0].status: ")
    assert "(got 'klar')" in line
    assert all(code in line for code in STATUSES)


def test_unknown_keys_are_refused_at_every_level() -> None:
    data = plan_data()
    data["colour"] = "red"
    data["plan"]["owner"] = "x"
    data["goals"][0]["initiatives"][0]["activities"][0]["prio"] = 1
    data["budget"]["pot"]["allocations"][0]["note"] = "x"
    assert sorted(problems(data)) == [
        "plan.toml: budget.pot.allocations[0].note: unknown key",
        "plan.toml: colour: unknown key",
        "plan.toml: goals[0].initiatives[0].activities[0].prio: unknown key",
        "plan.toml: plan.owner: unknown key",
    ]


def test_missing_required_fields_are_each_reported() -> None:
    data = plan_data()
    del data["goals"][1]["activities"][0]["start"]
    del data["goals"][0]["kind"]
    del data["plan"]["year"]
    assert sorted(problems(data)) == [
        "plan.toml: goals[0].kind: required field is missing",
        "plan.toml: goals[1].activities[0].start: required field is missing",
        "plan.toml: plan.year: required field is missing",
    ]


def test_an_empty_file_needs_plan_and_goals() -> None:
    assert problems({}) == [
        "plan.toml: plan: required field is missing",
        "plan.toml: goals: required field is missing",
    ]


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        (("plan", "year"), "2023", "plan.toml: plan.year: "),
        (("plan", "year"), True, "plan.toml: plan.year: "),
        (("goals", 0, "title"), 5, "plan.toml: goals[0].title: "),
        (
            ("goals", 0, "activities", 0, "start"),
            "2023-01-01",
            "plan.toml: goals[0].activities[0].start: ",
        ),
        (
            ("goals", 0, "activities", 0, "end"),
            datetime(2023, 12, 31),
            "plan.toml: goals[0].activities[0].end: ",
        ),
        (("goals", 0, "earmarked_mkr"), "4,5", "plan.toml: goals[0].earmarked_mkr: "),
        (("goals", 0, "earmarked_mkr"), True, "plan.toml: goals[0].earmarked_mkr: "),
        (("goals", 0, "metrics"), {"name": "x"}, "plan.toml: goals[0].metrics: "),
        (
            ("budget", "operating", "net_costs", "2023"),
            Decimal("100.5"),
            "plan.toml: budget.operating.net_costs.2023: ",
        ),
    ],
)
def test_wrong_types_are_refused_without_coercion(
    path: tuple[Any, ...], value: object, expected: str
) -> None:
    data = plan_data()
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    [line] = problems(data)
    assert line.startswith(expected)
    assert "(got " in line


def test_type_reasons_speak_toml() -> None:
    data = plan_data()
    data["plan"] = 3
    data["goals"][0]["metrics"] = {"name": "x"}
    data["goals"][0]["earmarked_mkr"] = "4,5"
    data["goals"][1]["activities"][0]["start"] = "2023-01-01"
    lines = problems(data)
    assert "plan.toml: plan: should be a table (got 3)" in lines
    assert "plan.toml: goals[0].metrics: should be an array (got a table)" in lines
    assert any(
        line.startswith("plan.toml: goals[0].earmarked_mkr: should be a number") for line in lines
    )
    assert any(
        line.startswith("plan.toml: goals[1].activities[0].start: should be a date")
        and "without quotes" in line
        for line in lines
    )


def test_malformed_refs_periods_and_negative_amounts() -> None:
    data = plan_data()
    data["goals"][0]["activities"][0]["ref"] = "has space"
    data["plan"]["period"] = "2023"
    data["budget"]["pot"]["total_mkr"] = Decimal("-1")
    lines = problems(data)
    assert len(lines) == 3
    assert any(line.startswith("plan.toml: goals[0].activities[0].ref: ") for line in lines)
    assert any(line.startswith("plan.toml: plan.period: ") for line in lines)
    assert any(line.startswith("plan.toml: budget.pot.total_mkr: ") for line in lines)


def test_duplicate_refs_name_both_places() -> None:
    data = plan_data()
    data["goals"][2]["activities"][0]["ref"] = "ini-1"
    data["goals"][1]["activities"].append(activity("2-1"))
    assert problems(data) == [
        "plan.toml: goals[1].activities[1].ref: 2-1 is a duplicate of goals[1].activities[0]",
        "plan.toml: goals[2].activities[0].ref: ini-1 is a duplicate of "
        "goals[0].initiatives[0].activities[0]",
    ]


def test_duplicate_goal_numbers_and_initiative_ids() -> None:
    data = plan_data()
    data["goals"][2]["number"] = "1"
    data["goals"][2]["initiatives"] = [{"id": "ini", "title": "Igen"}]
    assert problems(data) == [
        "plan.toml: goals[2].number: 1 is a duplicate",
        "plan.toml: goals[2].initiatives[0].id: ini is a duplicate of goals[0].initiatives[0]",
    ]


def test_refs_and_initiative_ids_differing_only_in_case_are_duplicates() -> None:
    # `vpl set KLIMAT-5` finds `klimat-5`: two refs it could mean are refused.
    data = plan_data()
    data["goals"][1]["activities"].append(activity("INI-1"))
    data["goals"][2]["initiatives"] = [{"id": "Ini", "title": "Igen"}]
    assert problems(data) == [
        "plan.toml: goals[1].activities[1].ref: INI-1 is a duplicate of "
        "goals[0].initiatives[0].activities[0]",
        "plan.toml: goals[2].initiatives[0].id: Ini is a duplicate of goals[0].initiatives[0]",
    ]


def test_an_initiative_id_that_is_a_goal_number_is_ambiguous() -> None:
    # A pot allocation's `funds` lists goal numbers and initiative ids: "2" could be either.
    data = plan_data()
    data["goals"][0]["initiatives"].append({"id": "2", "title": "Som mål två"})
    assert problems(data) == [
        "plan.toml: goals[0].initiatives[1].id: 2 is also a goal number: ambiguous in funds"
    ]


def test_cross_references_must_exist() -> None:
    data = plan_data()
    data["focus"][0]["goals"].append("9")
    data["budget"]["pot"]["allocations"][0]["funds"].append("nobody")
    assert problems(data) == [
        "plan.toml: focus[0].goals[2]: no goal 9",
        "plan.toml: budget.pot.allocations[0].funds[1]: nobody is neither a goal nor an initiative",
    ]


def test_year_keys_must_be_years() -> None:
    data = plan_data()
    data["goals"][0]["metrics"][0]["targets"] = {"år 2023": "Öka"}
    [line] = problems(data)
    assert line.startswith("plan.toml: goals[0].metrics[0].targets: ")
    assert "not a year" in line


# -- history ----------------------------------------------------------------------------


def history_entry(when: str, from_status: str, to: str, **extra: Any) -> dict[str, Any]:
    return {"at": at(when), "from": from_status, "to": to, **extra}


def with_history(status: str, *entries: dict[str, Any]) -> dict[str, Any]:
    data = plan_data()
    data["goals"][0]["activities"][0].update(status=status, history=list(entries))
    return data


def test_a_history_that_follows_on_is_accepted_with_times_in_utc() -> None:
    data = with_history(
        "not_started",
        history_entry("2023-03-01T10:00:00+01:00", "not_started", "in_progress", user="anna"),
        history_entry("2023-03-02T10:00:00Z", "in_progress", "done", note="Klart"),
        history_entry("2023-03-02T11:00:00Z", "done", "in_progress", undoes=1),
        history_entry("2023-03-02T12:00:00Z", "in_progress", "not_started", undoes=0),
    )
    history = validate_plan(data).goals[0].activities[0].history
    assert history[0].at == datetime(2023, 3, 1, 9, 0, tzinfo=UTC)
    assert [entry.to for entry in history] == ["in_progress", "done", "in_progress", "not_started"]


def test_a_history_entry_must_follow_from_the_one_before_it() -> None:
    data = with_history(
        "done",
        history_entry("2023-03-01T10:00:00Z", "not_started", "in_progress"),
        history_entry("2023-03-02T10:00:00Z", "delayed", "done"),
    )
    assert problems(data) == [
        "plan.toml: goals[0].activities[0].history[1].from: "
        "delayed does not follow from the entry before it (in_progress)"
    ]


def test_the_first_history_entry_starts_from_not_started() -> None:
    data = with_history("done", history_entry("2023-03-01T10:00:00Z", "in_progress", "done"))
    assert problems(data) == [
        "plan.toml: goals[0].activities[0].history[0].from: "
        "in_progress does not follow from the entry before it (not_started)"
    ]


def test_status_must_be_where_the_history_ends() -> None:
    data = with_history("delayed", history_entry("2023-03-01T10:00:00Z", "not_started", "done"))
    assert problems(data) == [
        "plan.toml: goals[0].activities[0].status: delayed is not where the history ends (done)"
    ]


def test_a_status_without_history_is_refused() -> None:
    data = plan_data()
    data["goals"][0]["activities"][0]["status"] = "done"
    assert problems(data) == [
        "plan.toml: goals[0].activities[0].status: done needs the history entry that set it "
        "(an activity without history is not_started)"
    ]


def test_history_times_need_a_zone_and_must_not_go_back() -> None:
    local = with_history(
        "done", {"at": datetime(2023, 3, 1, 10), "from": "not_started", "to": "done"}
    )
    assert problems(local) == [
        "plan.toml: goals[0].activities[0].history[0].at: "
        "needs a time zone, for example 2023-03-01T09:30:00Z"
    ]
    backwards = with_history(
        "done",
        history_entry("2023-03-02T10:00:00Z", "not_started", "in_progress"),
        history_entry("2023-03-01T10:00:00Z", "in_progress", "done"),
    )
    assert problems(backwards) == [
        "plan.toml: goals[0].activities[0].history[1].at: "
        "2023-03-01T10:00:00+00:00 is before the entry before it"
    ]


@pytest.mark.parametrize(
    ("undoes", "to", "reason"),
    [
        (1, "done", "history[1].undoes: 1 is not an earlier entry"),
        (0, "in_progress", "history[1].to: an undo of entry 0 restores not_started"),
    ],
)
def test_an_undo_must_restore_an_earlier_entry(undoes: int, to: str, reason: str) -> None:
    data = with_history(
        to,
        history_entry("2023-03-01T10:00:00Z", "not_started", "done"),
        history_entry("2023-03-02T10:00:00Z", "done", to, undoes=undoes),
    )
    assert problems(data) == [f"plan.toml: goals[0].activities[0].{reason}"]


def test_an_entry_cannot_be_undone_twice() -> None:
    data = with_history(
        "not_started",
        history_entry("2023-03-01T10:00:00Z", "not_started", "done"),
        history_entry("2023-03-02T10:00:00Z", "done", "not_started", undoes=0),
        history_entry("2023-03-03T10:00:00Z", "not_started", "done"),
        history_entry("2023-03-04T10:00:00Z", "done", "not_started", undoes=0),
    )
    assert problems(data) == [
        "plan.toml: goals[0].activities[0].history[3].undoes: entry 0 cannot be undone twice"
    ]


# -- budget changes -------------------------------------------------------------------------


def change(when: str, line: str, from_value: object, to: object, **extra: Any) -> dict[str, Any]:
    return {
        "table": "operating",
        "line": line,
        "year": 2023,
        "at": at(when),
        "from": from_value,
        "to": to,
        **extra,
    }


def test_budget_changes_must_chain_and_end_at_the_table_value() -> None:
    data = plan_data()
    data["budget"]["operating"]["net_costs"]["2023"] = 120
    data["budget"]["changes"] = [
        change("2023-04-01T08:00:00Z", "net_costs", 100, 110),
        change("2023-05-01T08:00:00Z", "net_costs", 110, 120),
    ]
    plan = validate_plan(data)
    assert figure_values(plan.budget)[("operating", "net_costs", 2023)] == 120

    broken = copy.deepcopy(data)
    broken["budget"]["changes"][1]["from"] = 105
    assert problems(broken) == [
        "plan.toml: budget.changes[1].from: 105 does not follow from the change before it (110)"
    ]

    stale = copy.deepcopy(data)
    stale["budget"]["operating"]["net_costs"]["2023"] = 130
    assert problems(stale) == [
        "plan.toml: budget.changes: operating/net_costs/2023 is 130 in the table "
        "but its last change sets 120"
    ]


def test_a_change_must_name_a_figure_of_the_budget() -> None:
    data = plan_data()
    data["budget"]["changes"] = [change("2023-04-01T08:00:00Z", "net_costs", 100, 110)]
    data["budget"]["changes"][0]["year"] = 2030
    data["budget"]["operating"]["net_costs"]["2023"] = 100
    assert problems(data) == [
        "plan.toml: budget.changes[0]: no figure operating/net_costs/2030 in the budget"
    ]


def test_unit_and_line_names_must_be_unique_and_not_reserved() -> None:
    data = plan_data()
    data["budget"]["units"] = {
        "columns": {"2023": "budget"},
        "units": [
            {"name": "Stab", "net_costs": {"2023": 60}},
            {"name": "Stab", "net_costs": {"2023": 40}},
            {"name": "total", "net_costs": {"2023": 0}},
        ],
        "total": {"2023": 100},
    }
    assert problems(data) == [
        "plan.toml: budget.units.units[1].name: Stab is a duplicate or reserved",
        "plan.toml: budget.units.units[2].name: total is a duplicate or reserved",
    ]


def test_every_problem_of_a_plan_is_one_line() -> None:
    data = plan_data()
    data["goals"][0]["title"] = "Rad ett\nRad två \x1b[31m"
    data["goals"][0]["activities"][0]["end"] = date(2022, 1, 1)
    data["goals"][1]["kind"] = "kf\nx"
    lines = problems(data)
    assert len(lines) == 2
    assert all("\n" not in line and "\x1b" not in line for line in lines)
