"""`vpl summary` on a real database: its counts, its order, its budget line and its start.

The summary counts in SQL and reads plain records (no pydantic), so these tests check its
figures against the store's other, independent reads, and that the commands which only
print start without the plan file's models.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from helpers.cli import seeded_fixture  # noqa: F401  (a fixture)
from helpers.imports import VPL, slow_imports
from hypothesis import given
from hypothesis import strategies as st

from vpl_tui.budget import reconcile
from vpl_tui.db.store import Store
from vpl_tui.model import Plan
from vpl_tui.records import ActivityRecord, MetricRecord, OverdueRecord, PlanRecord
from vpl_tui.rules.statuses import STATUSES
from vpl_tui.safetext import clean, escape_serialised, one_line
from vpl_tui.strings import Strings
from vpl_tui.summary import Count, GoalSummary, Summary, build_summary, render
from vpl_tui.summary.as_json import render_json, summary_data
from vpl_tui.summary.as_text import render_text

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


@pytest.fixture(scope="module")
def generated_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated plan of 400 activities (many goals, initiatives, end dates and statuses)."""
    folder = tmp_path_factory.mktemp("generated")
    plan, db = folder / "plan.toml", folder / "plan.db"
    made = subprocess.run(
        [sys.executable, str(BENCHMARKS / "make_plan.py"), "400", "-o", str(plan),
         "--today", "2024-03-01", "--seed", "7"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    loaded = subprocess.run(
        [VPL, "--db", str(db), "load", str(plan)],
        capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "VPL_USER": "kontroller"},
    )  # fmt: skip
    assert loaded.returncode == 0, loaded.stderr
    return db


@pytest.mark.parametrize(
    "args",
    [
        ("summary",),
        ("summary", "--format", "markdown"),
        ("summary", "--format", "json"),
        ("summary", "--format", "html", "--as-of", "2023-06-30"),
        ("budget",),
        ("budget", "--format", "json"),
    ],
)
def test_summary_and_budget_start_without_textual_or_pydantic(seeded: Path, args) -> None:
    # A summary reads plain records: it starts without the app or the plan file's models.
    assert slow_imports("--db", str(seeded), *args) == []


def test_loading_a_bad_plan_file_still_names_the_problem_in_one_line(run_vpl, tmp_path) -> None:
    # The plan file reader is imported only by the commands that read one; its errors
    # must still reach the user as lines on stderr, with exit code 2.
    bad = tmp_path / "bad.toml"
    bad.write_text('[plan]\ntitle = "x"\n', encoding="utf-8")
    result = run_vpl("load", str(bad))
    assert result.returncode == 2
    assert result.stdout == ""
    assert "bad.toml" in result.stderr and "Traceback" not in result.stderr


def test_the_budget_line_follows_each_edited_figure(
    run_vpl, db_path: Path, seed_plan: Plan
) -> None:
    line = "Budgetavstämning: 31 kontroller, {}, 4 kan inte kontrolleras"
    # The bundled plan's 2021 result is off by rounding only (not a discrepancy), and 2021
    # is an actual column (read-only): the discrepancies are made in budget columns.
    with Store.open(db_path, seed=lambda: seed_plan) as store:
        store.set_figure("operating", "grant", 2024, Decimal(281000), user="kontroller")
    assert line.format("1 avvikelse") in run_vpl("summary").stdout
    with Store.open(db_path) as store:
        store.set_figure("operating", "grant", 2023, Decimal(279000), user="kontroller")
    assert line.format("2 avvikelser") in run_vpl("summary").stdout
    with Store.open(db_path) as store:
        store.set_figure("operating", "grant", 2024, Decimal(281078), user="kontroller")
    assert line.format("1 avvikelse") in run_vpl("summary").stdout
    assert json.loads(run_vpl("summary", "--format", "json").stdout)["budget"] == {
        "checks": 31,
        "failed": 1,
        "unchecked": 4,
    }
    failed = [
        check["id"]
        for check in json.loads(run_vpl("budget", "--format", "json").stdout)["checks"]
        if check["status"] == "fail"
    ]
    assert failed == ["operating.result.2023"]


def test_the_summary_and_the_budget_screen_reconcile_the_same_figures(store: Store) -> None:
    # The summary reads the figures as plain records, the budget screen as models: after
    # edits in every table both must give the very same checks.
    store.set_figure("operating", "net_costs", 2022, Decimal(5), user="kontroller")
    store.set_figure("units", "total", 2023, Decimal(7), user="kontroller")
    store.set_figure("investments", "total", 2023, Decimal(0), user="kontroller")
    store.set_figure("pot", "innovation", 2023, Decimal("11.5"), user="kontroller")
    earmarks = store.earmarks()
    checks = reconcile(store.budget(), earmarks)
    assert reconcile(store.budget_figures(), earmarks) == checks
    assert {check.status for check in checks} == {"pass", "fail", "unchecked", "rounding"}


def test_counts_agree_with_the_plan_view(generated_db: Path, run_vpl) -> None:
    today = date.today()
    data = json.loads(run_vpl("summary", "--format", "json", db=generated_db).stdout)
    with Store.open(generated_db) as store:
        statuses = Counter(activity.status for activity in store.activities())
        assert data["totals"]["by_status"] == {
            status: statuses[status] for status in data["totals"]["by_status"]
        }
        goals = store.goals(today)
        assert [(g["number"], g["activities"], g["done"], g["overdue"]) for g in data["goals"]] == [
            (g.number, g.progress.total, g.progress.done, g.progress.overdue) for g in goals
        ]
        for goal, shown in zip(goals, data["goals"], strict=True):
            assert [
                (i["id"], i["activities"], i["done"], i["overdue"]) for i in shown["initiatives"]
            ] == [
                (i.id, i.progress.total, i.progress.done, i.progress.overdue)
                for i in store.initiatives(goal.number, today)
            ]
    assert sum(g["overdue"] for g in data["goals"]) == data["totals"]["overdue"] > 0


def test_overdue_activities_are_listed_by_end_date_then_in_plan_order(
    generated_db: Path, run_vpl
) -> None:
    text = run_vpl("--lang", "en", "summary", db=generated_db).stdout
    listed = text.split("\nOverdue\n", 1)[1].split("\n\n", 1)[0].splitlines()
    with Store.open(generated_db) as store:
        in_plan_order = [a for a in store.activities() if a.is_overdue(date.today())]
    expected = sorted(in_plan_order, key=lambda a: a.end)  # a stable sort keeps plan order
    assert len(listed) == len(expected) > 10
    assert [line.split()[:2] for line in listed] == [[a.ref, a.end.isoformat()] for a in expected]


@given(st.text())
def test_one_line_is_printable_and_folded_and_leaves_plain_text_alone(text: str) -> None:
    # What every title in the summary goes through: nothing a terminal acts on, one line.
    shown = one_line(text)
    assert clean(shown) == shown  # nothing left to escape
    assert "\n" not in shown and "\t" not in shown
    assert "  " not in shown and shown == shown.strip(" ")
    if text.isprintable():  # nothing to escape: only runs of spaces are folded
        assert shown == " ".join(text.split())
        if "  " not in text and text == text.strip(" "):
            assert shown == text


@given(
    st.lists(
        st.tuples(st.text(), st.text(), st.none() | st.text(), st.booleans()),
        max_size=4,
    ),
    st.sampled_from(STATUSES),
)
def test_json_activities_are_written_as_the_json_module_writes_them(rows, status) -> None:
    # Written by json.dumps(indent=2), and only what a terminal acts on is escaped after:
    # any text in the activities reads back as it was.
    day = date(2023, 6, 1)
    activities = [
        ActivityRecord(ref, title, "activity", day, day, status, 0, "1", initiative)
        for ref, title, initiative, _ in rows
    ]
    summary = Summary(
        plan=PlanRecord("Plan", "Org", "", 2023, "2023-2025", "tkr"),
        as_of=date(2023, 7, 1),
        total=len(rows),
        by_status=dict.fromkeys(STATUSES, 0),
        overdue=[OverdueRecord(r[0], r[1], day, status) for r in rows if r[3]],
        goals=[],
        metrics=[("1", None, MetricRecord("Mätetal", "44 418", 2022, {"2023": "Öka"}))],
        activities=activities,
    )
    expected = json.dumps(summary_data(summary), indent=2, ensure_ascii=False)
    assert render_json(summary) == escape_serialised(expected) + "\n"
    assert json.loads(render_json(summary))["activities"] == summary_data(summary)["activities"]


def test_the_text_summary_names_what_each_coloured_part_is() -> None:
    day = date(2023, 6, 1)
    summary = Summary(
        plan=PlanRecord("Plan", "Org", "", 2023, "2023-2025", "tkr"),
        as_of=date(2023, 7, 1),
        total=1,
        by_status={**dict.fromkeys(STATUSES, 0), "delayed": 1},
        overdue=[OverdueRecord("1-1", "Sen", day, "delayed")],
        goals=[],
        metrics=[],
    )
    marked = render(summary, "text", Strings("en"), style=lambda text, role: f"<{role}>{text}>")
    lines = marked.splitlines()
    assert lines[0] == "<heading>Status summary: Org · Plan (2023-2025)>"
    assert "<heading>Activities: 1>" in lines
    assert "  <status.delayed>Delayed    >       1" in lines
    assert "<overdue>Overdue: 1>" in lines
    assert "  1-1              2023-06-01  <status.delayed>Delayed>  Sen" in lines
    plain = render(summary, "text", Strings("en"))
    assert "<" not in plain and plain.splitlines()[0] == "Status summary: Org · Plan (2023-2025)"


# -- what a controller found in the summary (issue 13 §5) ----------------------------------


def test_past_end_date_has_one_name_and_the_status_delayed_another(store: Store) -> None:
    text = render(build_summary(store, date(2024, 1, 1)), "text", Strings("sv"))
    assert "Passerat slutdatum: 52" in text
    assert "Försenade" not in text  # "Försenad" is the status, and only the status


def test_cancelled_activities_are_counted_apart_from_the_done(store: Store) -> None:
    store.set_status("smart-1", "done")
    store.set_status("smart-2", "cancelled")
    summary = build_summary(store, date.today())
    for fmt in ("text", "markdown", "html"):
        assert "1/4 · 1 avbruten" in render(summary, fmt, Strings("sv")), fmt
    assert "1/4 · 1 cancelled" in render(summary, "text", Strings("en"))


def test_the_text_summary_uses_the_width_it_is_given_and_aligns_long_refs() -> None:
    title = "En mycket lång titel på ett mål som fortsätter långt förbi sextio tecken " * 2
    summary = Summary(
        plan=PlanRecord("Plan", "Org", "", 2023, "2023-2025", "tkr"),
        as_of=date(2023, 7, 1),
        total=2,
        by_status={**dict.fromkeys(STATUSES, 0), "delayed": 2},
        overdue=[
            OverdueRecord("1-1", title, date(2023, 6, 1), "delayed"),
            OverdueRecord("kompetensattraktion-ett-langt-ref", "Kort", date(2023, 6, 2), "delayed"),
        ],
        goals=[GoalSummary("1", "goal", title, Count(2, 0, 2), [])],
        metrics=[],
    )
    wide = render_text(summary, Strings("sv"), width=200).splitlines()
    assert any(one_line(title) in line for line in wide)  # not cut at 200 columns
    assert all(len(line) <= 200 for line in wide)
    narrow = render_text(summary, Strings("sv"), width=80).splitlines()
    assert all(len(line) <= 80 for line in narrow)
    dated = [line for line in narrow if "2023-06-0" in line]
    assert len({line.index("2023-06-0") for line in dated}) == 1


def test_markdown_keeps_urls_and_addresses_in_plan_text_as_text(store: Store) -> None:
    summary = build_summary(store, date(2024, 1, 1))
    summary.overdue[0] = summary.overdue[0]._replace(
        title="Se https://example.com/plan eller skriv till anna@example.se"
    )
    markdown = render(summary, "markdown", Strings("sv"))
    row = next(line for line in markdown.splitlines() if "anna" in line)
    assert "https://" not in row and "anna@" not in row and "example.com" not in row
    assert "https&#58;//" in row and "anna&#64;" in row


def test_the_html_summary_is_a4_with_notes_and_metrics(store: Store) -> None:
    store.set_status("1.1.1-1", "delayed", note="Läget just nu: väntar på beslut")
    summary = build_summary(store, date(2099, 1, 1), with_details=True)
    page = render(summary, "html", Strings("sv"))
    assert "@page { size: A4" in page
    assert "<td class='nowrap'>Försenad</td>" in page
    assert "Läget just nu: väntar på beslut" in page
    assert "<h2>Mätetal</h2>" in page
    name, latest = next((m.name, m.latest) for _g, _i, m in summary.metrics if m.latest)
    assert name in page and latest in page
