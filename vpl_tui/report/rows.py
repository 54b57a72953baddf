"""An activities table's rows, kept as the activities they show: `ActivityRows`.

A region's plan has a hundred thousand activities. As cells made ahead, its report would
hold two hundred thousand `Cell`s (a ref and a title a row) besides the activities they
copy; kept as the activities, a table makes a row's cells only when a renderer reads the
row, and the Markdown writer reads the activities themselves (`to_markdown.py`) and makes
no cell at all. Every reader sees the same row either way: `(ref, title, status, end,
note[, responsible])`, the status, end, note and responsible cells shared by the whole
report (`ActivityCells`), the ref and title made for each row.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from operator import attrgetter
from typing import TYPE_CHECKING, overload

from vpl_tui.report.document import Cell
from vpl_tui.rules.statuses import is_overdue

if TYPE_CHECKING:
    from vpl_tui.report.data import ActivityRow
    from vpl_tui.report.sections import ActivityCells


class OverdueOn(dict[tuple[date, str], bool]):
    """Whether an activity with an end date and a status was overdue on `as_of`, by the one
    rule (`is_overdue`), judged once for each pair: a region's hundred thousand activities
    have a few hundred end dates and five statuses, and a dictionary answers at C speed."""

    def __init__(self, as_of: date) -> None:
        super().__init__()
        self.as_of = as_of

    def __missing__(self, key: tuple[date, str]) -> bool:
        overdue = self[key] = is_overdue(key[0], key[1], self.as_of)
        return overdue


_REF, _TITLE, _STATUS, _END, _NOTE, _RESPONSIBLE = map(
    attrgetter, ("ref", "title", "status", "end", "note", "responsible")
)


class ActivityRows(Sequence[tuple[Cell, ...]]):
    """The rows of one activities table, as of a day (`as_of`: an open activity past its end
    then is overdue, and its end cell carries the `!`)."""

    __slots__ = ("activities", "cells", "overdue", "with_responsible")

    def __init__(
        self,
        activities: Sequence[ActivityRow],
        as_of: date,
        cells: ActivityCells,
        *,
        with_responsible: bool,
    ) -> None:
        self.activities = activities
        self.cells = cells
        self.with_responsible = with_responsible
        # Each row's overdue flag, in one pass at C speed: the end cells, the legend and
        # every renderer read it.
        judged = cells.overdue if cells.as_of == as_of else OverdueOn(as_of)
        self.overdue: list[bool] = list(
            map(
                judged.__getitem__,
                zip(map(_END, activities), map(_STATUS, activities), strict=True),
            )
        )

    def _row(self, activity: ActivityRow, overdue: bool) -> tuple[Cell, ...]:
        cells = self.cells
        row = (
            Cell(activity.ref),
            Cell(activity.title),
            cells.status(activity.status),
            cells.end(activity.end, overdue),
            cells.text(activity.note),
        )
        return (*row, cells.text(activity.responsible)) if self.with_responsible else row

    def __len__(self) -> int:
        return len(self.activities)

    @overload
    def __getitem__(self, index: int) -> tuple[Cell, ...]: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[tuple[Cell, ...], ...]: ...
    def __getitem__(self, index: int | slice) -> tuple[Cell, ...] | tuple[tuple[Cell, ...], ...]:
        if isinstance(index, slice):
            return tuple(map(self._row, self.activities[index], self.overdue[index]))
        return self._row(self.activities[index], self.overdue[index])

    def __iter__(self) -> Iterator[tuple[Cell, ...]]:
        return map(self._row, self.activities, self.overdue)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=False))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"ActivityRows({len(self)} rows)"


class TextRows(Sequence[tuple[Cell, ...]]):
    """The rows of a table of plain texts (no symbol, no colour), kept as the texts: the
    tables of activities finished and delayed, a row each, are as long as the plan's."""

    __slots__ = ("texts",)

    def __init__(self, texts: Sequence[tuple[str, ...]]) -> None:
        self.texts = texts

    def __len__(self) -> int:
        return len(self.texts)

    @overload
    def __getitem__(self, index: int) -> tuple[Cell, ...]: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[tuple[Cell, ...], ...]: ...
    def __getitem__(self, index: int | slice) -> tuple[Cell, ...] | tuple[tuple[Cell, ...], ...]:
        if isinstance(index, slice):
            return tuple(tuple(map(Cell, row)) for row in self.texts[index])
        return tuple(map(Cell, self.texts[index]))

    def __iter__(self) -> Iterator[tuple[Cell, ...]]:
        return (tuple(map(Cell, row)) for row in self.texts)

    __eq__ = ActivityRows.__eq__
    __hash__ = ActivityRows.__hash__

    def __repr__(self) -> str:
        return f"TextRows({len(self)} rows)"


def row_columns(rows: Sequence[tuple[Cell, ...]]) -> list[list[str] | list[Cell]] | None:
    """A table's rows as columns, for a renderer that writes a column at a time: of an
    activities table, its refs and titles as texts and its other columns as the cells the
    report shares; of a `TextRows`, its texts. None for a table of rows of cells."""
    if isinstance(rows, TextRows):
        return [list(column) for column in zip(*rows.texts, strict=True)]
    if not isinstance(rows, ActivityRows):
        return None
    activities, cells = rows.activities, rows.cells
    # Each shared cell looked up once for each distinct value, then by a dictionary at C
    # speed: a table has few statuses, end dates and notes among its rows.
    statuses = list(map(_STATUS, activities))
    status_cells = {status: cells.status(status) for status in set(statuses)}
    ends = list(zip(map(_END, activities), rows.overdue, strict=True))
    end_cells = {end: cells.end(*end) for end in set(ends)}
    texts = [list(map(_NOTE, activities))]
    if rows.with_responsible:
        texts.append(list(map(_RESPONSIBLE, activities)))
    text_cells = {text: cells.text(text) for column in texts for text in set(column)}
    return [
        list(map(_REF, activities)),
        list(map(_TITLE, activities)),
        list(map(status_cells.__getitem__, statuses)),
        list(map(end_cells.__getitem__, ends)),
        *(list(map(text_cells.__getitem__, column)) for column in texts),
    ]
