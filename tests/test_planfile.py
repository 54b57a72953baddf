"""Plan files on disk: reading, the error lines, writing, the schema and the round trips."""

from __future__ import annotations

import json
import string
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from helpers.plans import activity, goal, plan_toml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vpl_tui.db.store import Store
from vpl_tui.model import STATUSES, Activity, Goal, HistoryEntry, Initiative, Metric, Plan, PlanInfo
from vpl_tui.planfile import (
    PlanFileError,
    dumps_plan,
    parse_plan,
    plan_schema,
    read_plan,
    toml_path,
    write_plan,
)

SMALL = plan_toml()
"""Goal 1 "Mål" with one activity, 1-1 "Aktivitet", through 2023."""


def refused(path: Path) -> list[str]:
    with pytest.raises(PlanFileError) as caught:
        read_plan(path)
    return caught.value.problems


def test_a_good_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(SMALL, encoding="utf-8")
    plan = read_plan(path)
    assert plan.plan.title == "Liten plan"
    assert plan.goals[0].activities[0].end == date(2023, 12, 31)


def test_the_documented_example_line(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    late = plan_toml(goals=[goal(activities=[activity(end=date(2022, 12, 31))])])
    path.write_text(late, encoding="utf-8")
    assert refused(path) == [
        f"{path}:11: goals[0].activities[0].end: 2022-12-31 is before start 2023-01-01"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('[plan]\ntitle = "no end quote\n', "line 2, column 22: "),
        ("[plan]\ntitle = \n", "line 2, column 9: "),
        ("[plan]\n[plan]\n", "line 2, column 6: "),
        ("[[goals]]\nnumber = 1.1.1\n", "line 2, column "),
    ],
)
def test_toml_syntax_errors_give_line_and_column(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "syntax.toml"
    path.write_text(text, encoding="utf-8")
    [line] = refused(path)
    assert line.startswith(f"{path}: {expected}")


def test_a_file_that_is_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(SMALL.replace('"Mål"', '"M\xe5l"').encode("latin-1"))
    assert refused(path) == [f"{path}: line 10: not UTF-8 text (byte 0xe5)"]


def test_missing_files_and_folders_are_one_line(tmp_path: Path) -> None:
    assert refused(tmp_path / "nope.toml") == [f"{tmp_path / 'nope.toml'}: no such file"]
    assert refused(tmp_path) == [f"{tmp_path}: is a folder, not a plan file"]


def test_control_characters_in_the_name_and_values_are_shown_escaped(tmp_path: Path) -> None:
    path = tmp_path / "evil\x1b[2J.toml"
    path.write_text(plan_toml(goals=[goal(kind="\x1b]52;c;x\x07", activities=[activity()])]))
    [line] = refused(path)
    assert "\x1b" not in line and "\x07" not in line
    assert "evil\\x1b[2J.toml:9: goals[0].kind: " in line


def test_toml_paths_quote_keys_that_are_not_bare() -> None:
    assert toml_path(("goals", 2, "activities", 0, "end")) == "goals[2].activities[0].end"
    assert toml_path(("budget", "units", "total", "år 2023")) == 'budget.units.total."år 2023"'


@pytest.mark.parametrize("cr", ["\\r", "\\u000D", "\\u000d", "\\U0000000D", "\\x0d"])
def test_crlf_escapes_read_as_lf_so_they_survive_export(cr: str) -> None:
    plan = parse_plan(SMALL.replace('title = "Aktivitet"', f'title = "Rad ett{cr}\\nRad två"'))
    assert plan.goals[0].activities[0].title == "Rad ett\nRad två"
    assert parse_plan(dumps_plan(plan)) == plan


# -- writing ------------------------------------------------------------------------------


def test_dumps_is_deterministic_and_reads_back_equal(seed_plan: Plan) -> None:
    text = dumps_plan(seed_plan)
    assert text.startswith("# vpl plan file.")
    again = parse_plan(text)
    assert again == seed_plan
    assert dumps_plan(again) == text


def test_write_plan_replaces_the_file_whole(tmp_path: Path) -> None:
    path = tmp_path / "out.toml"
    path.write_text("old content that is longer than nothing at all " * 100)
    plan = parse_plan(SMALL)
    write_plan(plan, path)
    assert path.read_text(encoding="utf-8") == dumps_plan(plan)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.toml"]


def test_defaults_are_left_out_of_the_written_file() -> None:
    text = dumps_plan(parse_plan(SMALL))
    assert "status" not in text
    assert "history" not in text
    assert 'kind = "activity"' not in text


# -- the schema ---------------------------------------------------------------------------


def test_the_schema_describes_the_file_and_forbids_unknown_keys() -> None:
    schema = plan_schema()
    json.dumps(schema)  # plain JSON
    assert schema["title"] == "vpl plan file"
    assert set(schema["required"]) == {"plan", "goals"}
    definitions = schema["$defs"]
    assert {"Activity", "Goal", "Initiative", "HistoryEntry", "Budget", "Metric"} <= set(
        definitions
    )
    assert all(
        d.get("additionalProperties") is False for d in definitions.values() if "properties" in d
    )
    history = definitions["HistoryEntry"]["properties"]
    assert "from" in history and "from_status" not in history
    assert definitions["Activity"]["properties"]["status"]["enum"] == list(STATUSES)


# -- property: any plan survives file -> database -> file -------------------------------


# Any character, plus the fragments TOML writers and readers treat specially: line breaks,
# quotes, backslashes (also right before a line break), control characters.
FRAGMENTS = ["\r\n", "\n", "\r", '"', '"""', "'''", "\\", "\\\n", "\t", "\x00", "\x1b", "\x7f"]
TEXT = st.lists(
    st.sampled_from(FRAGMENTS) | st.characters(blacklist_categories=("Cs",), max_codepoint=0x2FFF),
    max_size=20,
).map("".join)
NAME = TEXT.filter(lambda t: t != "")
REF = st.text(alphabet=string.ascii_letters + string.digits + "._-", min_size=1, max_size=12).map(
    lambda t: "r" + t
)
START = datetime(2023, 1, 1, tzinfo=UTC)


@st.composite
def activities(draw: st.DrawFn, ref: str) -> Activity:
    start = draw(st.dates(date(2020, 1, 1), date(2030, 12, 31)))
    end = start + timedelta(days=draw(st.integers(0, 800)))
    history: list[HistoryEntry] = []
    status = "not_started"
    moment = START
    for _ in range(draw(st.integers(0, 4))):
        to = draw(st.sampled_from([s for s in STATUSES if s != status]))
        moment += timedelta(
            seconds=draw(st.integers(0, 10**7)), microseconds=draw(st.integers(0, 999_999))
        )
        history.append(
            HistoryEntry(at=moment, **{"from": status}, to=to, note=draw(TEXT), user=draw(TEXT))
        )
        status = to
    return Activity(
        ref=ref,
        title=draw(NAME),
        kind=draw(st.sampled_from(["activity", "investigation"])),
        start=start,
        end=end,
        status=status,
        history=history,
    )


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    refs = draw(st.lists(REF, min_size=1, max_size=6, unique_by=str.casefold))
    initiative_refs, goal_refs = refs[: len(refs) // 2], refs[len(refs) // 2 :]
    metric = Metric(
        name=draw(NAME),
        latest=draw(TEXT),
        latest_year=draw(st.none() | st.integers(1990, 2030)),
        targets=draw(st.dictionaries(st.sampled_from(["2023", "2024", "2025"]), NAME, max_size=3)),
    )
    initiative = Initiative(
        id="ini",
        title=draw(NAME),
        purpose=draw(TEXT),
        earmarked_mkr=draw(st.none() | st.decimals(0, 10**6, places=3, allow_nan=False)),
        metrics=[metric],
        activities=[draw(activities(ref)) for ref in initiative_refs],
    )
    goal = Goal(
        number="1",
        kind=draw(st.sampled_from(["council", "board"])),
        title=draw(NAME),
        description=draw(TEXT),
        initiatives=[initiative],
        activities=[draw(activities(ref)) for ref in goal_refs],
    )
    info = PlanInfo(title=draw(NAME), organisation=draw(NAME), year=2023, period="2023-2025")
    return Plan(plan=info, goals=[goal])


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(plan=plans())
def test_any_plan_round_trips_through_file_and_database(plan: Plan, tmp_path: Path) -> None:
    loaded = parse_plan(dumps_plan(plan), "generated.toml")
    exports = []
    for _ in range(2):  # load, export, load the export, export again
        path = tmp_path / "property.db"
        with Store.open(path) as store:
            store.replace_plan(parse_plan(exports[-1]) if exports else loaded)
            exports.append(dumps_plan(store.export_plan()))
        path.unlink()
    assert exports[0] == exports[1]
    assert parse_plan(exports[0]) == loaded


def test_decimal_amounts_keep_their_value(tmp_path: Path) -> None:
    text = plan_toml(goals=[goal(earmarked_mkr=Decimal("4.5"), activities=[activity()])])
    with Store.open(tmp_path / "amounts.db") as store:
        store.replace_plan(parse_plan(text))
        assert store.export_plan().goals[0].earmarked_mkr == Decimal("4.5")


# -- each problem names its line (issue 13, §4) ---------------------------------------------------

LINED = """\
[plan]
title = "Plan"
organisation = "Staben"
year = 2023
period = "2023-2025"

[[goals]]
number = "1"
kind = "council"
title = "Ett"

[[goals.activities]]
ref = "1-1"
title = "Första"
start = 2023-01-01
end = 2023-12-31

[[goals]]
number = "2"
kind = "board"
title = "Två"
colour = "blå"

[[goals.initiatives]]
id = "ini"
title = "Initiativ"

[[goals.initiatives.activities]]
ref = "ini-1"
start = 2023-01-01
end = 2022-12-31

[[goals.initiatives.activities]]
ref = "INI-1"
title = "Samma ref"
start = 2023-01-01
end = 2023-12-31
"""


def test_each_problem_names_its_line_on_both_readings(tmp_path: Path) -> None:
    from vpl_tui.db.bulk import read_plan_rows

    path = tmp_path / "plan.toml"
    path.write_text(LINED, encoding="utf-8")
    expected = [
        # A missing key: the line of its table (its other checks wait for it).
        f"{path}:28: goals[1].initiatives[0].activities[0].title: required field is missing",
        f"{path}:22: goals[1].colour: unknown key",
    ]
    assert refused(path) == expected
    with pytest.raises(PlanFileError) as parts:
        read_plan_rows(path, processes=2, min_chars=0)
    assert parts.value.problems == expected
    fixed = (
        LINED.replace('colour = "blå"\n', "")
        .replace('ref = "ini-1"\n', 'ref = "ini-1"\ntitle = "T"\n')
        .replace("end = 2022-12-31", "end = 2023-12-31")
    )
    path.write_text(fixed, encoding="utf-8")
    duplicate = [
        f"{path}:34: goals[1].initiatives[0].activities[1].ref: INI-1 is a duplicate of "
        "goals[1].initiatives[0].activities[0]"
    ]
    assert refused(path) == duplicate
    with pytest.raises(PlanFileError) as parts:
        read_plan_rows(path, processes=2, min_chars=0)
    assert parts.value.problems == duplicate


def test_an_id_that_is_a_goal_number_is_refused_when_read_in_parts(tmp_path: Path) -> None:
    from vpl_tui.db.bulk import read_plan_rows

    text = LINED.replace('colour = "blå"\n', "").replace('id = "ini"', 'id = "1"')
    text = text.replace('ref = "ini-1"\n', 'ref = "1-2"\ntitle = "T"\n')
    text = text.replace("end = 2022-12-31", "end = 2023-12-31").replace("INI-1", "1-3")
    path = tmp_path / "plan.toml"
    path.write_text(text, encoding="utf-8")
    expected = [
        f"{path}:24: goals[1].initiatives[0].id: 1 is also a goal number: ambiguous in funds"
    ]
    assert refused(path) == expected
    with pytest.raises(PlanFileError) as parts:
        read_plan_rows(path, processes=2, min_chars=0)
    assert parts.value.problems == expected


def test_the_line_index_follows_tables_keys_and_multiline_strings() -> None:
    from vpl_tui.model.toml_lines import TomlLines, parse_path

    text = (
        '[plan]\ntitle = """\n[[goals]]\nnot a table"""\nyear = 2023\n'
        "[[goals]]\nnumber = '1'\n[[goals]]\nmetrics = [\n  { name = 'x' },\n]\n"
        '[goals.extra]\n"a b" = 1\n[budget.pot]\nfunds = ["1", "2"]\n'
    )
    lines = TomlLines(text)
    assert [
        lines.line_of(parse_path(place))
        for place in (
            "plan.year",
            "goals[0].number",
            "goals[1]",
            "goals[1].metrics[0].name",
            'goals[1].extra."a b"',
            "budget.pot.funds[1]",
            "budget.pot.total_mkr",
            "nowhere",
        )
    ] == [5, 7, 8, 9, 13, 15, 14, None]
