"""The report's rows kept as the activities (`report/rows.py`) and the escaping of many
texts at once (`md_each`, `x_each`): the same cells and the same text as one at a time."""

from __future__ import annotations

from datetime import date
from xml.sax.saxutils import escape

from vpl_tui.report.data import ActivityRow
from vpl_tui.report.document import Cell, plain
from vpl_tui.report.docx_rows import x_each
from vpl_tui.report.rows import ActivityRows, TextRows, row_columns
from vpl_tui.report.sections import ActivityCells
from vpl_tui.report.to_markdown import md, md_each

AS_OF = date(2023, 4, 30)

TEXTS = [
    "Plain title",
    "1.1.1-2",
    "i4-5-10.17",
    "12) numbered",
    "- looks like a bullet",
    "+ plus",
    "= setext",
    "see https://example.com or www.vpl.se",
    "mail anna@example.com :smile:",
    "**bold** _it_ `code` [link](x) <b>&amp; ~x~ $m$ #h |pipe| {f}",
    "",
    "two  spaces",
    " leading and trailing ",
    "line\nbreak",
    "bidi \u202e override and \x1b escape",
    "a.b ä.ö 3.14 x:1 y:/",
    "2023-04-15",
]


def test_md_each_is_md_of_each_text() -> None:
    assert md_each(TEXTS) == [md(text) for text in TEXTS]
    folded = [t for t in TEXTS if t.isprintable() and "  " not in t and t.strip() == t]
    assert md_each(folded) == [md(text) for text in folded]
    assert md_each([]) == []


def test_x_each_is_the_docx_escape_of_each_text() -> None:
    assert x_each(TEXTS) == [escape(plain(text)) for text in TEXTS]
    assert x_each(["a < b & c", "d > e"]) == ["a &lt; b &amp; c", "d &gt; e"]


def _activities() -> tuple[ActivityRow, ...]:
    return (
        ActivityRow("1.1-1", "Open, past its end", "in_progress", date(2023, 4, 15), "late"),
        ActivityRow("1.1-2", "Done, past its end", "done", date(2023, 4, 15), responsible="Ann"),
        ActivityRow("1.1-3", "Not started", "not_started", date(2023, 6, 30)),
    )


def test_activity_rows_read_as_the_cells_they_stand_for() -> None:
    cells = ActivityCells("sv", AS_OF)
    rows = ActivityRows(_activities(), AS_OF, cells, with_responsible=True)
    assert len(rows) == 3
    assert rows.overdue == [True, False, False]
    first = rows[0]
    assert [c.text for c in first] == [
        "1.1-1",
        "Open, past its end",
        "Pågår",
        "2023-04-15",
        "late",
        "",
    ]
    assert (first[3].symbol, first[3].colour) == ("!", "red")
    assert rows[1][3].symbol == ""  # done: not overdue
    assert rows[1][5] == Cell("Ann")
    assert list(rows) == [rows[0], rows[1], rows[2]] == list(rows[0:3])
    assert rows == tuple(rows)  # compares as the rows it reads as
    # The shared cells are the report's, the same object each time a row is read.
    assert rows[0][2] is cells.status("in_progress") and rows[2][4] is rows[1][4]
    refs, titles, statuses, ends, notes, who = row_columns(rows) or []
    assert refs == ["1.1-1", "1.1-2", "1.1-3"] and titles[2] == "Not started"
    assert statuses == [row[2] for row in rows] and ends == [row[3] for row in rows]
    assert notes == [row[4] for row in rows] and who == [row[5] for row in rows]


def test_text_rows_read_as_plain_cells() -> None:
    rows = TextRows([("1.1-1", "Title", "2023-04-15"), ("1.1-2", "", "2023-05-01")])
    assert len(rows) == 2
    assert rows[1] == (Cell("1.1-2"), Cell(""), Cell("2023-05-01"))
    assert row_columns(rows) == [["1.1-1", "1.1-2"], ["Title", ""], ["2023-04-15", "2023-05-01"]]
    assert row_columns(((Cell("x"),),)) is None
