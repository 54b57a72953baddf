"""Outcome files: Kolada's API answers (v2 and v3, paged) and spreadsheets' CSV."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vpl_tui.outcome_files import MetricKey, match_outcomes, read_outcome_file


def kolada(values: list[dict], **extra: object) -> str:
    return json.dumps({"count": len(values), "values": values, **extra})


PAGE_1 = kolada(
    [
        {
            "kpi": "N00945",
            "municipality": "2580",
            "period": 2021,
            "values": [
                {"count": 1, "gender": "T", "status": "", "value": 44418.0},
                {"count": 1, "gender": "K", "status": "", "value": 21000.5},
                {"count": 1, "gender": "M", "status": "Missing", "value": None},
            ],
        }
    ],
    next_page="http://api.kolada.se/v2/data/kpi/N00945?page=2",
)
PAGE_2 = kolada(
    [{"kpi": "N00945", "municipality": "0180", "period": "2022", "values": [{"value": 7}]}]
)


def test_kolada_pages_one_after_another() -> None:
    read = read_outcome_file("kolada.json", (PAGE_1 + "\n" + PAGE_2).encode())
    assert read.problems == []
    assert [(r.metric, r.year, r.gender, r.value, r.source) for r in read.rows] == [
        ("N00945", 2021, "T", Decimal("44418.0"), "Kolada"),
        ("N00945", 2021, "K", Decimal("21000.5"), "Kolada"),
        ("N00945", 2021, "M", None, "Kolada"),
        ("N00945", 2022, "T", Decimal(7), "Kolada"),
    ]


def test_matching_by_kpi_and_municipality() -> None:
    read = read_outcome_file("kolada.json", (PAGE_1 + PAGE_2).encode())
    metrics = [MetricKey("accelererad-m1", "N00945"), MetricKey("smart-m1", None)]
    matched = match_outcomes(read.rows, metrics, "2580")
    assert [(m, r.gender) for m, r in matched.outcomes] == [
        ("accelererad-m1", "T"),
        ("accelererad-m1", "K"),
    ]
    assert [reason for _, reason in matched.skipped] == ["no_value", "other_municipality"]


def test_a_missing_value_is_never_a_zero() -> None:
    read = read_outcome_file("k.json", PAGE_1.encode())
    assert read.rows[2].value is None


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("{", "k.json:1: not JSON"),
        ('{"count": 0}', "k.json: no 'values' list (not a Kolada answer)"),
        (
            kolada([{"kpi": "N1", "municipality": "x", "period": 2021, "values": []}]),
            "municipality",
        ),
        (kolada([{"kpi": "N1", "municipality": "2580", "period": 1, "values": []}]), "a year"),
        (
            kolada(
                [{"kpi": "N1", "municipality": "2580", "period": 2021, "values": [{"value": "7"}]}]
            ),
            "values[0].values[0].value: a number or null",
        ),
        (
            kolada([{"kpi": "<b>", "municipality": "2580", "period": 2021, "values": []}]),
            "values[0].kpi",
        ),
    ],
)
def test_broken_kolada_files_are_named(text: str, problem: str) -> None:
    read = read_outcome_file("k.json", text.encode())
    assert any(problem in p for p in read.problems), read.problems


def test_a_spreadsheets_csv_with_decimal_comma() -> None:
    data = "år;mätetal;värde;kön\n2022;1.1.3-m1;49,4\n2022;1.1.3-m1;1 234,5;K\n2023;smart-m1;\n"
    read = read_outcome_file("utfall.csv", data.encode("utf-8-sig"))
    assert read.problems == []
    assert [(r.metric, r.year, r.value, r.gender) for r in read.rows] == [
        ("1.1.3-m1", 2022, Decimal("49.4"), "T"),
        ("1.1.3-m1", 2022, Decimal("1234.5"), "K"),
        ("smart-m1", 2023, None, "T"),
    ]
    matched = match_outcomes(read.rows, [MetricKey("1.1.3-m1", None)], "2580")
    assert len(matched.outcomes) == 2
    assert [reason for _, reason in matched.skipped] == ["unknown_metric"]


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("20x2;m;1", "is not a year"),
        ("2022;m;1e9", "'1e9' is not a number"),
        ("2022;m;1;X", "gender 'X'"),
        ("2022;m", "got 2 fields"),
        ("2022;\x1b[31m;1", "is not a metric id"),
    ],
)
def test_broken_csv_lines_are_named(line: str, problem: str) -> None:
    read = read_outcome_file("u.csv", f"2021;m;1\n{line}\n".encode())
    assert len(read.problems) == 1 and read.problems[0].startswith("u.csv:2: ")
    assert problem in read.problems[0]


def test_not_utf8_and_too_deep() -> None:
    assert read_outcome_file("u.csv", b"\xff\xfe").problems == ["u.csv: not UTF-8 text (byte 0)"]
    deep = read_outcome_file("k.json", b"[" * 100_000)
    assert deep.problems == ["k.json: nested too deeply to be a Kolada answer"]


@given(st.binary(max_size=400))
def test_any_bytes_give_rows_or_problems_never_a_crash(data: bytes) -> None:
    read_outcome_file("f", data)
