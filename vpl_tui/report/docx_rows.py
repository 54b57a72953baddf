"""A Word table's rows as WordprocessingML (`to_docx.py`), a column at a time where it can.

An activities table (`rows.ActivityRows`) and a table of plain texts (`rows.TextRows`) are
written from their columns: the texts made for each row (refs, titles) escaped together,
the cells they share with the whole report written once each, and every row put together
by one format string, at C speed. A region's report has a hundred thousand such rows; one
`Cell` and one Python loop's turn a cell would cost more than the rest of the document.
Any other table is written a row and a cell at a time, as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from xml.sax.saxutils import escape

from vpl_tui.report.document import Cell, Table, plain
from vpl_tui.report.rows import row_columns

ROW_START = "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
CELL_END = "</w:p></w:tc>"


def x_each(texts: Sequence[str]) -> list[str]:
    """`escape(plain(text))` of each text (a `<w:t>`'s content), escaped together when every
    text is printable and folded already (nearly always; looked for at C speed): `plain`
    leaves such a text as it is, and no text then holds the line feed that joins them."""
    if not texts:
        return []
    joined = "\n" + "\n".join(texts)
    if (
        "".join(texts).isprintable()
        and "  " not in joined
        and " \n" not in joined
        and "\n " not in joined
        and joined[-1:] != " "
    ):
        return escape(joined[1:]).split("\n")
    return [escape(plain(text)) for text in texts]


def _shared_runs(
    column: list[Cell], done: dict[int, str], cell_runs: Callable[[Cell], str]
) -> list[str]:
    """The runs of a column of shared cells, from `done` by identity (at C speed), each cell
    not met before written once."""
    runs: list[str | None] = list(map(done.get, map(id, column)))
    if None in runs:
        for index, cell in enumerate(column):
            if runs[index] is None:
                found = done.get(id(cell))
                if found is None:
                    found = done[id(cell)] = cell_runs(cell)
                runs[index] = found
    return runs


def table_rows(
    table: Table,
    starts: list[str],
    done: dict[int, str],
    cell_runs: Callable[[Cell], str],
    text_run: str,
) -> Iterator[str]:
    """The XML of `table`'s rows. `starts`: each column's cell XML up to its runs; `done`:
    the runs of the cells met before, by identity (cells of tuple rows live as long as the
    document, as do an activities table's shared cells); `cell_runs`: a cell's runs;
    `text_run`: a plain text's run, `{}` for the text."""
    columns = row_columns(table.rows)
    if columns is None:
        get = done.get
        for row in table.rows:
            parts = [ROW_START]
            for start, cell in zip(starts, row, strict=True):
                runs = get(id(cell))
                if runs is None:
                    runs = done[id(cell)] = cell_runs(cell)
                parts += (start, runs, CELL_END)
            parts.append("</w:tr>")
            yield "".join(parts)
        return
    if not columns or not columns[0]:
        return
    runs_by_column = []
    for column in columns:
        if isinstance(column[0], str):  # texts made for each row: a ref, a title
            escaped = x_each(column)
            runs = list(map(text_run.format, escaped))
            if "" in escaped:  # an empty cell has no run
                runs = [run if text else "" for run, text in zip(runs, escaped, strict=True)]
        else:  # cells shared by the rows (a status, an end date, a note), kept by the report
            runs = _shared_runs(column, done, cell_runs)
        runs_by_column.append(runs)
    braced = [start.replace("{", "{{").replace("}", "}}") for start in starts]
    row = ROW_START + "".join(f"{start}{{}}{CELL_END}" for start in braced) + "</w:tr>"
    yield "".join(map(row.format, *runs_by_column))
