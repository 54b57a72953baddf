"""`make bench`'s rows of the board report (`vpl report`, issue 16), registered in features.py.

At each size the report of the latest period that has ended (so that the statuses are
replayed from the history, as for any past period) is made in Markdown, interleaved with
its floor (`floors/report_sqlite.py`: the same rows read with sqlite3 and written out as
Markdown tables); Word (DOCX) is timed beside them and reported against the same floor.
PDF is timed at sizes up to `PDF_UP_TO` only: at 100 000 activities one PDF takes
minutes (reportlab lays out some 5 800 pages: two and a half minutes of processor
time and 900 MB), and its ratio to the Markdown is stated there.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

from measure import interleaved

SUFFIXES = {"markdown": "md"}
PDF_UP_TO = 10_000
"""The largest size whose PDF is timed."""


def report_period(db: Path, today: date) -> tuple[str, date, str, date]:
    """(id, end, previous id, previous end) of the latest period that has ended (else the
    first, which is then its own previous)."""
    from vpl_tui.rules.periods import default_periods

    with sqlite3.connect(db) as connection:
        (year,) = connection.execute("SELECT year FROM plan").fetchone()
    periods = default_periods(year)
    ended = [index for index, period in enumerate(periods) if period.end < today]
    index = ended[-1] if ended else 0
    previous = periods[index - 1] if index > 0 else periods[index]
    return periods[index].id, periods[index].end, previous.id, previous.end


def run(bench: Any, size: int, base: Path, work: Path) -> None:
    import run as runner  # the Python and vpl in use (`--python`), read when the rows run

    period, end, previous, previous_end = report_period(base, date.today())
    out = work / "report"
    out.mkdir(exist_ok=True)

    def vpl(fmt: str) -> Any:
        target = out / f"report.{SUFFIXES.get(fmt, fmt)}"
        command = [runner.VPL, "--db", str(base), "report", "--period", period]
        return lambda: bench.measure([*command, "--format", fmt, "-o", str(target)])

    floor = [
        runner.PYTHON,
        str(runner.FLOORS / "report_sqlite.py"),
        str(base),
        period,
        end.isoformat(),
        previous,
        previous_end.isoformat(),
    ]
    floor_name = "floor: report (sqlite3)"
    bench.pair(
        size,
        "vpl report (Markdown)",
        floor_name,
        vpl("markdown"),
        lambda: bench.measure(floor, stdout=out / "floor.md"),
        slow=True,
    )
    r = bench.results
    formats = [("vpl report --format docx", "docx")]
    if size <= PDF_UP_TO:
        formats.append(("vpl report --format pdf", "pdf"))
    for name, fmt in formats:
        interleaved(
            1 if size > PDF_UP_TO else bench.runs_for(size, slow=True),
            [(r.figure(name, size, floor=floor_name), vpl(fmt))],
            warmup=False,
        )
