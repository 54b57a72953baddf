"""Metric outcomes read from a file: a saved Kolada API response, or a spreadsheet's CSV.

Kolada (the national database of municipal key figures) answers `GET /v2/data/kpi/…` and
v3 alike with `{"values": [{"kpi", "municipality", "period", "values": [{"gender",
"status", "value"}]}]}`; a long answer comes in pages, saved one file after another (each a
JSON document) — all are read. A null value, or status "Missing", is no outcome, never a
zero. Kolada's terms require "Källa: Kolada" wherever such a figure is shown: every outcome
read from it carries `source = "Kolada"`.

A CSV is `year;metric;value[;gender]`, as a Swedish spreadsheet exports it (`;` between
fields, decimal comma); a first line of headings is skipped; `metric` is a metric's id or
its Kolada KPI id.

Everything is checked before anything is written: the caller writes only a file without
problems. Problems name the place (`file.json: values[3].period: …`, `file.csv:12: …`).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, NamedTuple

MAX_FILE_BYTES = 64 * 1024 * 1024
"""The largest outcome file read (Kolada's answers for a municipality's every KPI fit)."""
MAX_ROWS = 1_000_000
GENDERS = ("T", "K", "M")
"""Total, kvinnor, män: as Swedish statistics split a figure."""
KOLADA = "Kolada"
_NUMBER = re.compile(r"[+\-−]?(?:\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?:[.,]\d+)?")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


class OutcomeRow(NamedTuple):
    """One outcome as read: which metric (a KPI id or a metric id), year, gender, value.

    A named tuple: a Kolada answer for a municipality holds 100 000 of them."""

    metric: str
    year: int
    value: Decimal | None
    gender: str = "T"
    municipality: str = ""
    source: str = ""


@dataclass
class OutcomeFile:
    rows: list[OutcomeRow]
    problems: list[str]


def _number(text: str) -> Decimal | None:
    cleaned = " ".join(text.split())
    if len(cleaned) > 40 or not _NUMBER.fullmatch(cleaned):
        return None
    digits = cleaned.replace(" ", "").replace("\u00a0", "").replace("−", "-").replace(",", ".")
    try:
        return Decimal(digits)
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        return None


def read_outcome_file(name: str, data: bytes) -> OutcomeFile:
    """Read a Kolada JSON answer (or several pages) or a CSV; JSON when it starts with `{`."""
    if len(data) > MAX_FILE_BYTES:
        return OutcomeFile([], [f"{name}: larger than {MAX_FILE_BYTES // 2**20} MiB"])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return OutcomeFile([], [f"{name}: not UTF-8 text (byte {error.start})"])
    if text.lstrip().startswith(("{", "[")):
        return _read_kolada(name, text)
    return _read_csv(name, text)


def _json_documents(text: str) -> Iterator[tuple[int, Any]]:
    """Each JSON document of a file of pages saved one after another."""
    decoder = json.JSONDecoder()
    position = 0
    while True:
        while position < len(text) and text[position].isspace():
            position += 1
        if position >= len(text):
            return
        start = position
        document, position = decoder.raw_decode(text, position)
        yield start, document


def _where(page: str, index: int, position: int | None = None) -> str:
    """Where in a Kolada answer a problem is: `k.json: values[3].values[0]`. Worded only
    for a problem, not for each of an answer's 100 000 values."""
    cell = "" if position is None else f".values[{position}]"
    return f"{page}: values[{index}]{cell}"


def _read_kolada(name: str, text: str) -> OutcomeFile:
    rows: list[OutcomeRow] = []
    problems: list[str] = []
    try:
        pages = list(_json_documents(text))
    except json.JSONDecodeError as error:
        return OutcomeFile([], [f"{name}:{error.lineno}: not JSON ({error.msg})"])
    except RecursionError:
        return OutcomeFile([], [f"{name}: nested too deeply to be a Kolada answer"])
    for page_number, (_, page) in enumerate(pages, start=1):
        where_page = f"{name}" + (f" (page {page_number})" if len(pages) > 1 else "")
        values = page.get("values") if isinstance(page, dict) else None
        if not isinstance(values, list):
            problems.append(f"{where_page}: no 'values' list (not a Kolada answer)")
            continue
        for index, entry in enumerate(values):
            if not isinstance(entry, dict):
                problems.append(f"{_where(where_page, index)}: an object is expected")
                continue
            kpi, municipality, period = (
                entry.get("kpi"),
                entry.get("municipality"),
                entry.get("period"),
            )
            if not isinstance(kpi, str) or not _ID.match(kpi):
                problems.append(
                    f"{_where(where_page, index)}.kpi: a KPI id such as N00945 is expected"
                )
                continue
            if not isinstance(municipality, str) or not municipality.isdigit():
                problems.append(
                    f"{_where(where_page, index)}.municipality: a municipality code such as 2580"
                )
                continue
            if isinstance(period, str) and period.isdigit():
                period = int(period)
            if (
                not isinstance(period, int)
                or isinstance(period, bool)
                or not 1900 <= period <= 2200
            ):
                problems.append(f"{_where(where_page, index)}.period: a year is expected")
                continue
            inner = entry.get("values")
            if not isinstance(inner, list):
                problems.append(f"{_where(where_page, index)}.values: a list is expected")
                continue
            for position, cell in enumerate(inner):
                if not isinstance(cell, dict):
                    problems.append(f"{_where(where_page, index, position)}: an object is expected")
                    continue
                gender = cell.get("gender", "T")
                if gender not in GENDERS:
                    problems.append(f"{_where(where_page, index, position)}.gender: T, K or M")
                    continue
                value = cell.get("value")
                missing = value is None or cell.get("status") == "Missing"
                if not missing and (isinstance(value, bool) or not isinstance(value, int | float)):
                    problems.append(
                        f"{_where(where_page, index, position)}.value: a number or null"
                    )
                    continue
                number = None if missing else Decimal(repr(value))
                if number is not None and not number.is_finite():
                    problems.append(
                        f"{_where(where_page, index, position)}.value: a number or null"
                    )
                    continue
                rows.append(OutcomeRow(kpi, period, number, gender, municipality, KOLADA))
                if len(rows) > MAX_ROWS:
                    return OutcomeFile([], [f"{name}: more than {MAX_ROWS} outcomes"])
    return OutcomeFile(rows, problems)


def _read_csv(name: str, text: str) -> OutcomeFile:
    rows: list[OutcomeRow] = []
    problems: list[str] = []
    if "\x00" in text:
        return OutcomeFile([], [f"{name}: holds a NUL character: not a CSV file"])
    # newline="" as the csv module asks: a lone CR ends a line as LF and CRLF do.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";")
    try:
        return _csv_rows(name, reader, rows, problems)
    except csv.Error as error:
        return OutcomeFile([], [f"{name}:{reader.line_num}: not CSV ({error})"])


def _csv_rows(name: str, reader: Any, rows: list[OutcomeRow], problems: list[str]) -> OutcomeFile:
    for line_number, fields in enumerate(reader, start=1):
        where = f"{name}:{line_number}"
        if not fields or all(not f.strip() for f in fields):
            continue
        if line_number == 1 and not fields[0].strip().isdigit():
            continue  # headings: year;metric;value;gender or år;mätetal;värde;kön
        if len(fields) not in (3, 4):
            problems.append(
                f"{where}: year;metric;value[;gender] expected, got {len(fields)} fields"
            )
            continue
        year_text, metric, value_text = (f.strip() for f in fields[:3])
        gender = fields[3].strip().upper() if len(fields) == 4 and fields[3].strip() else "T"
        if not (year_text.isdigit() and len(year_text) == 4 and 1900 <= int(year_text) <= 2200):
            problems.append(f"{where}: {year_text[:20]!r} is not a year")
            continue
        if not _ID.match(metric):
            problems.append(f"{where}: {metric[:40]!r} is not a metric id or a KPI id")
            continue
        if gender not in GENDERS:
            problems.append(f"{where}: gender {gender[:10]!r}: T, K or M")
            continue
        value = None if value_text == "" else _number(value_text)
        if value_text and value is None:
            problems.append(f"{where}: {value_text[:40]!r} is not a number")
            continue
        rows.append(OutcomeRow(metric, int(year_text), value, gender))
        if len(rows) > MAX_ROWS:
            return OutcomeFile([], [f"{name}: more than {MAX_ROWS} outcomes"])
    return OutcomeFile(rows, problems)


@dataclass(frozen=True, slots=True)
class MetricKey:
    """What an outcome file can name a metric by."""

    id: str
    kolada_kpi: str | None


@dataclass
class Matched:
    """Outcomes matched to the plan's metrics, and what was skipped with the reason."""

    outcomes: list[tuple[str, OutcomeRow]]
    """(metric id, outcome) for every outcome with a value."""
    skipped: list[tuple[OutcomeRow, str]]
    """(outcome, reason key): `unknown_metric`, `other_municipality`, `no_value`."""


def match_outcomes(
    rows: list[OutcomeRow], metrics: list[MetricKey], municipality: str | None
) -> Matched:
    """Match each outcome to a metric by metric id or KPI id, and the plan's municipality."""
    by_id = {m.id.casefold(): m.id for m in metrics}
    by_kpi: dict[str, list[str]] = {}
    for metric in metrics:
        if metric.kolada_kpi:
            by_kpi.setdefault(metric.kolada_kpi.casefold(), []).append(metric.id)
    matched = Matched([], [])
    for row in rows:
        if row.municipality and municipality and row.municipality != municipality:
            matched.skipped.append((row, "other_municipality"))
            continue
        targets = by_kpi.get(row.metric.casefold()) or (
            [by_id[row.metric.casefold()]] if row.metric.casefold() in by_id else []
        )
        if not targets:
            matched.skipped.append((row, "unknown_metric"))
            continue
        if row.value is None:
            matched.skipped.append((row, "no_value"))
            continue
        if len(targets) == 1:  # the usual case, and a large answer's 100 000 times
            matched.outcomes.append((targets[0], row))
        else:
            matched.outcomes.extend((metric_id, row) for metric_id in targets)
    return matched
