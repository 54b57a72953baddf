"""Reading a ledger's forecast export: `vpl forecast import FILE.csv`.

Columns unit, period, outcome, forecast and optionally comment (or their Swedish names:
enhet, period, utfall, prognos, kommentar), separated by `;` as a Swedish spreadsheet
exports them (with a decimal comma) or by `,`. The file's size and form are checked before
anything is converted: at most `MAX_BYTES`, UTF-8 text (a byte-order mark allowed), no NUL,
at most `MAX_LINES` lines, each field bounded; an amount is read by
`vpl_tui.numbers.parse_amount` (no exponent, length checked first) and must be whole tkr.
Every problem is named with its line; the caller writes nothing unless there are none.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal

from vpl_tui.errors import VplError
from vpl_tui.numbers import parse_amount
from vpl_tui.rules.figures import figure_problem
from vpl_tui.rules.limits import MAX_TEXT
from vpl_tui.safetext import clean

MAX_BYTES = 20 * 1024 * 1024
"""A ledger export of a region's every unit and period is a few MB."""
MAX_LINES = 200_000
MAX_NAME = 200
"""The longest unit name or period id read from a file."""
COLUMNS = {
    "unit": "unit",
    "enhet": "unit",
    "period": "period",
    "outcome": "outcome",
    "utfall": "outcome",
    "forecast": "forecast",
    "prognos": "forecast",
    "comment": "comment",
    "kommentar": "comment",
}
REQUIRED = ("unit", "period", "outcome", "forecast")


@dataclass(frozen=True, slots=True)
class CsvForecast:
    """One line of the file, read: the unit and period as written, the amounts in tkr."""

    line: int
    unit: str
    period: str
    outcome: Decimal | None
    forecast: Decimal | None
    comment: str | None


@dataclass
class CsvRead:
    """The file's lines, and what is wrong with it (each problem a `VplError` naming its line)."""

    rows: list[CsvForecast] = field(default_factory=list)
    problems: list[VplError] = field(default_factory=list)


def read_forecast_csv(data: bytes, name: str) -> CsvRead:
    """The forecasts of a CSV file's bytes; a problem with the whole file ends the reading."""
    read = CsvRead()
    if len(data) > MAX_BYTES:
        read.problems.append(VplError("csv.too_large", file=name, limit=MAX_BYTES // 2**20))
        return read
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = ""
        read.problems.append(VplError("csv.not_text", file=name))
    if "\x00" in text:
        read.problems.append(VplError("csv.not_text", file=name))
    if read.problems:
        return read
    lines = text.splitlines()
    if len(lines) > MAX_LINES + 1:
        read.problems.append(VplError("csv.too_many_lines", file=name, limit=MAX_LINES))
        return read
    if not lines or not lines[0].strip():
        read.problems.append(VplError("csv.empty", file=name))
        return read
    delimiter = ";" if lines[0].count(";") >= lines[0].count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [cell.strip().casefold() for cell in next(reader)]
    except csv.Error:
        header = []
    columns = [COLUMNS.get(cell) for cell in header]
    if (
        any(c is None for c in columns)
        or not set(REQUIRED) <= set(columns)
        or len(set(columns)) != len(columns)
    ):
        found = clean(", ".join(cell[:40] for cell in header[:8])) or "-"
        read.problems.append(VplError("csv.header", file=name, found=found))
        return read
    seen: dict[tuple[str, str], int] = {}
    try:
        for cells in reader:
            number = reader.line_num
            if not any(cell.strip() for cell in cells):
                continue  # a blank line, as spreadsheets leave at the end
            _read_line(read, name, number, columns, cells, seen, header)  # type: ignore[arg-type]
    except csv.Error as error:
        read.problems.append(VplError("csv.unreadable", file=name, reason=str(error)[:80]))
    return read


def _read_line(
    read: CsvRead,
    name: str,
    number: int,
    columns: list[str],
    cells: list[str],
    seen: dict[tuple[str, str], int],
    header: list[str],
) -> None:
    """Read one line into `read`: its forecast, or what is wrong with it."""
    written = dict(zip(columns, header, strict=True))  # each column as the file names it
    if len(cells) != len(columns):
        read.problems.append(
            VplError("csv.fields", file=name, line=number, found=len(cells), wanted=len(columns))
        )
        return
    values = dict(zip(columns, cells, strict=True))
    problems = len(read.problems)
    for column in ("unit", "period"):
        if len(values[column]) > MAX_NAME:
            read.problems.append(
                VplError("csv.too_long", file=name, line=number, column=column, limit=MAX_NAME)
            )
    comment = values.get("comment")
    if comment is not None and len(comment) > MAX_TEXT:
        read.problems.append(
            VplError("csv.too_long", file=name, line=number, column="comment", limit=MAX_TEXT)
        )
    amounts: dict[str, Decimal | None] = {}
    for column in ("outcome", "forecast"):
        text = values[column].strip()
        if not text:
            amounts[column] = None
            continue
        try:
            amount = parse_amount(text)
        except ValueError:
            amount = None
        if amount is None or figure_problem("tkr", amount) is not None:
            shown = clean(text[:40])
            read.problems.append(
                VplError(
                    "csv.bad_number", file=name, line=number, column=written[column], value=shown
                )
            )
        amounts[column] = amount
    if len(read.problems) > problems:
        return
    unit, period = values["unit"].strip(), values["period"].strip()
    key = (" ".join(unit.split()).casefold(), period.casefold())
    if key in seen:
        read.problems.append(
            VplError(
                "csv.duplicate",
                file=name,
                line=number,
                unit=clean(unit)[:MAX_NAME],
                period=clean(period)[:MAX_NAME],
                first=seen[key],
            )
        )
        return
    seen[key] = number
    read.rows.append(
        CsvForecast(
            number,
            unit,
            period,
            amounts["outcome"],
            amounts["forecast"],
            None if comment is None or not comment.strip() else comment.strip(),
        )
    )
