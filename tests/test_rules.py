"""The core's rules, each in its one home, tested without a terminal or a database.

The last tests hold the store's SQL (built from the same definitions) to the Python rules,
row by row, on a real SQLite file.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vpl_tui.db.sql_rules import open_sql, overdue_sql, progress_columns
from vpl_tui.numbers import parse_amount
from vpl_tui.rules.checks import any_failed, failures_first, tally, worst
from vpl_tui.rules.figures import figure_problem, unit_of
from vpl_tui.rules.progress import (
    FILTERS,
    Progress,
    activity_shown,
    count,
    progress_shown,
    total_progress,
)
from vpl_tui.rules.statuses import STATUSES, is_closed, is_open, is_overdue, toggle_target

DAY = date(2023, 6, 15)


@dataclass(frozen=True)
class Row:
    status: str
    end: date


rows = st.builds(
    Row,
    status=st.sampled_from(STATUSES),
    end=st.dates(min_value=DAY - timedelta(days=3), max_value=DAY + timedelta(days=3)),
)


# -- open, closed, overdue, the toggle ------------------------------------------------------------


def test_closed_statuses_are_done_and_cancelled() -> None:
    assert [s for s in STATUSES if is_closed(s)] == ["done", "cancelled"]
    assert all(is_open(s) != is_closed(s) for s in STATUSES)


def test_overdue_is_past_the_end_day_and_open() -> None:
    assert is_overdue(DAY - timedelta(days=1), "in_progress", DAY)
    assert not is_overdue(DAY, "in_progress", DAY), "the end day itself is not past"
    assert not is_overdue(DAY - timedelta(days=1), "done", DAY)
    assert not is_overdue(DAY - timedelta(days=1), "cancelled", DAY)
    assert is_overdue(DAY - timedelta(days=1), "delayed", DAY)


def test_toggle_marks_done_and_goes_back_to_the_status_before() -> None:
    assert toggle_target("not_started", None) == "done"
    assert toggle_target("delayed", "in_progress") == "done"
    assert toggle_target("done", "delayed") == "delayed"
    assert toggle_target("done", None) == "in_progress", "no history: back to in progress"
    assert toggle_target("done", "done") == "in_progress"
    assert toggle_target("done", "bogus") == "in_progress"


# -- progress and filters -------------------------------------------------------------------------


def test_progress_counts_open_apart_from_done_and_cancelled() -> None:
    progress = count([Row("done", DAY), Row("cancelled", DAY), Row("in_progress", DAY)], DAY)
    assert progress == Progress(total=3, done=1, overdue=0, cancelled=1, in_progress=1)
    assert progress.not_started == 0 and progress.of_status("in_progress") == 1
    assert progress.open == 1


@given(st.lists(rows, max_size=12), rows, rows)
def test_one_change_moves_the_counts_as_counting_again_does(
    others: list[Row], before: Row, after: Row
) -> None:
    counted_before = count([*others, before], DAY)
    assert counted_before.after_change(before, after, DAY) == count([*others, after], DAY)


@given(st.lists(st.lists(rows, max_size=5), max_size=5))
def test_a_focus_list_counts_what_its_goals_count(goals: list[list[Row]]) -> None:
    assert total_progress(count(g, DAY) for g in goals) == count(
        [row for g in goals for row in g], DAY
    )


@given(st.lists(rows, max_size=10), st.sampled_from(FILTERS))
def test_a_goal_is_shown_exactly_when_an_activity_under_it_is(
    activities: list[Row], wanted: str
) -> None:
    any_shown = any(activity_shown(wanted, a, DAY) for a in activities)
    if wanted == "all":
        assert progress_shown(wanted, count(activities, DAY))  # an empty goal is still a goal
    else:
        assert progress_shown(wanted, count(activities, DAY)) == any_shown


def test_filter_open_hides_a_goal_whose_activities_are_all_cancelled() -> None:
    """The bug: `▶ 1.1.5 0/5` under filter open, expanding to nothing."""
    goal = count([Row("cancelled", DAY)] * 5, DAY)
    assert not progress_shown("open", goal)
    assert progress_shown("all", goal)


# -- figures --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("table", "text", "problem"),
    [
        ("operating", "279191", None),
        ("units", "-3000", None),
        ("units", "1.5", "figure.whole_tkr"),
        ("units", "999999999999999", None),
        ("units", "1000000000000000", "figure.too_large"),
        ("units", "1E+999999999", "figure.too_large"),
        ("pot", "4.5", None),
        ("pot", "1.2300", None),
        ("pot", "1.23456", "figure.too_precise"),
        ("pot", "1E-999999999", "figure.too_precise"),
        ("pot", "-1", "figure.negative_mkr"),
        ("pot", "999999999.999", None),
        ("pot", "1000000000", "figure.too_large"),
        ("earmarks", "25", None),
        ("pot", "NaN", "figure.not_number"),
    ],
)
def test_figure_rules_per_table(table: str, text: str, problem: str | None) -> None:
    assert figure_problem(unit_of(table), Decimal(text)) == problem


def test_mkr_rule_is_the_plan_files() -> None:
    from pydantic import TypeAdapter, ValidationError

    from vpl_tui.model import Mkr

    adapter = TypeAdapter(Mkr)
    for text in ["4.5", "1.23456", "-1", "999999999.999", "1000000000", "0.001", "0.0001"]:
        try:
            adapter.validate_python(Decimal(text))
            accepted = True
        except ValidationError:
            accepted = False
        assert accepted == (figure_problem("mkr", Decimal(text)) is None), text


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("282 000", Decimal(282000)),
        ("4,5", Decimal("4.5")),
        ("-3 000", Decimal(-3000)),
        ("\u22123 000", Decimal(-3000)),
        ("4.5", Decimal("4.5")),
        ("1\u00a0000", Decimal(1000)),
    ],
)
def test_figures_typed_the_swedish_way(typed: str, value: Decimal) -> None:
    assert parse_amount(typed) == value


@pytest.mark.parametrize("typed", ["1e999999999", "NaN", "Infinity", "1,2,3", "12 34", "", "x"])
def test_other_forms_are_refused_before_conversion(typed: str) -> None:
    with pytest.raises(ValueError):
        parse_amount(typed)


def test_a_long_figure_text_is_refused_by_its_length() -> None:
    with pytest.raises(ValueError, match="too long"):
        parse_amount("1" * 10_000)


# -- check statuses -------------------------------------------------------------------------------


@dataclass(frozen=True)
class C:
    status: str
    name: str = ""


def test_checks_order_failures_first_then_unchecked_keeping_plan_order() -> None:
    checks = [C("pass", "a"), C("fail", "b"), C("unchecked", "c"), C("fail", "d")]
    assert [c.name for c in failures_first(checks)] == ["b", "d", "c", "a"]
    assert worst(["pass", None, "unchecked"]) == "unchecked"
    assert worst(["pass", "fail", "unchecked"]) == "fail"
    assert worst([None]) is None


def test_tally_counts_each_status() -> None:
    checks = [C("pass"), C("fail"), C("unchecked"), C("pass")]
    assert tuple(tally(checks)) == (2, 1, 1, 4, 0)  # passed, failed, unchecked, total, rounding
    assert any_failed(checks) and not any_failed([C("pass"), C("unchecked")])


# -- the SQL built from the rules agrees with them ----------------------------------------------


@given(st.lists(rows, min_size=0, max_size=20))
def test_sql_rules_agree_with_the_python_rules(activities: list[Row]) -> None:
    with sqlite3.connect(":memory:") as db:  # the rule's SQL text, evaluated by SQLite itself
        db.execute('CREATE TABLE activity (ref TEXT, status TEXT, "end" TEXT)')
        db.executemany(
            "INSERT INTO activity VALUES (?, ?, ?)",
            [(str(i), a.status, a.end.isoformat()) for i, a in enumerate(activities)],
        )
        params = {"day": DAY.isoformat(), "today": DAY.isoformat()}
        columns = db.execute(
            f"SELECT {progress_columns('a.', ':today')} FROM activity a", params
        ).fetchone()
        assert Progress(*columns) == count(activities, DAY)
        flags = db.execute(
            f"SELECT {overdue_sql()}, {open_sql()} FROM activity ORDER BY CAST(ref AS INTEGER)",
            params,
        ).fetchall()
        assert flags == [
            (int(is_overdue(a.end, a.status, DAY)), int(is_open(a.status))) for a in activities
        ]


def test_store_counts_cancelled_apart(store, db_path: Path) -> None:  # noqa: ANN001
    goal = store.goals()[0]
    refs = [a.ref for a in store.activities(goal.number)]
    assert refs, "the first goal of the bundled plan has activities of its own"
    for ref in refs:
        store.set_status(ref, "cancelled")
    for goal_record in store.goals():
        if goal_record.number == goal.number:
            assert goal_record.progress.cancelled == len(refs)
            assert goal_record.progress.open == goal_record.progress.total - len(refs)
