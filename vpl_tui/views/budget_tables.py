"""What the budget screen's tables show: rows of cells built from the budget and its checks.

Pure data, no Textual: `build_tables` turns the budget, its current figures and the checks
into one `TableSpec` per table, each cell knowing its figure address (so it can be edited
and jumped to), the checks it takes part in, and the status to mark it with. The widgets
in `vpl_tui.screens.widgets.figure_tables` only draw these specs.

Every table puts the published figure and the computed one side by side: the published
total row, then a `= computed` row right under it, the failing cells marked on both.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import TYPE_CHECKING

from vpl_tui.budget import EARMARKS_TABLE, Check, CheckStatus, FigureAddress, Unit
from vpl_tui.records import Earmark, FigureRecord
from vpl_tui.rules.checks import worst
from vpl_tui.rules.figures import can_fill
from vpl_tui.strings import Strings

if TYPE_CHECKING:  # the model only as a type: importing it loads pydantic
    from vpl_tui.model import Budget

TABLE_IDS: tuple[str, ...] = ("operating", "units", "pot", "earmarks", "investments", "drift")
"""The tables, in the order of the screen's sections."""
SECTION_OF_TABLE: dict[str, str] = {
    "operating": "operating",
    "units": "units",
    "pot": "pot",
    "earmarks": "pot",
    "investments": "investments",
    "drift": "drift",
}


@dataclass(frozen=True)
class CellSpec:
    """One cell: a figure (stored or computed), a piece of text, or blank."""

    value: Decimal | None = None
    address: FigureAddress | None = None
    """The stored figure it shows (editable), an `earmarks` row, or None when computed."""
    editable: bool = False
    status: CheckStatus | None = None
    """The status of the checks whose published or computed figure this cell is."""
    checks: tuple[str, ...] = ()
    """Ids of every check this cell takes part in (for the explanation)."""
    edited: bool = False
    """The figure differs from the published one (a forecast update, say)."""
    published: Decimal | None = None
    text: str | None = None
    """Text instead of a figure (plan text: which goals an allocation funds)."""
    difference: bool = False
    """The cell shows a difference: drawn with its sign."""
    empty: bool = False
    """Left empty by the plan, in a table with a breakdown: it may be filled (`can_fill`)."""


@dataclass(frozen=True)
class RowSpec:
    """One row: its key, its label (plan text or catalog text) and its cells."""

    key: str
    label: str
    cells: tuple[CellSpec, ...]
    computed: bool = False
    """A `= computed` row: figures the reconciliation worked out, not the plan's."""
    funds: tuple[str, ...] = ()
    """For a pot allocation: the goals and initiatives it funds (shown in the explanation)."""


@dataclass(frozen=True)
class ColumnSpec:
    key: str
    label: str


@dataclass(frozen=True)
class TableSpec:
    """A table of the budget screen."""

    id: str
    unit: Unit
    columns: tuple[ColumnSpec, ...]
    rows: tuple[RowSpec, ...]
    title: str = ""
    decimals: int = 0
    """The decimals the table was published with: its figures are shown with them."""

    def find(self, address: FigureAddress) -> tuple[int, int] | None:
        """(row, column) of the cell showing `address`, or None."""
        for r, row in enumerate(self.rows):
            if row.computed:
                continue
            for c, cell in enumerate(row.cells):
                if cell.address == address:
                    return r, c
        return None

    def find_check(self, check_id: str) -> tuple[int, int] | None:
        """(row, column) of the cell that carries `check_id`'s status, or None."""
        for r, row in enumerate(self.rows):
            for c, cell in enumerate(row.cells):
                if cell.status is not None and check_id in cell.checks:
                    return r, c
        return None


@dataclass
class _Index:
    """The checks looked up by the figures they touch."""

    by_address: dict[FigureAddress, list[Check]] = field(default_factory=lambda: defaultdict(list))
    by_target: dict[FigureAddress, list[Check]] = field(default_factory=lambda: defaultdict(list))
    by_id: dict[str, Check] = field(default_factory=dict)

    @classmethod
    def of(cls, checks: Sequence[Check]) -> _Index:
        index = cls()
        for check in checks:
            index.by_id[check.id] = check
            for address in check.addresses:
                index.by_address[address].append(check)
            if check.target is not None:
                index.by_target[check.target].append(check)
        return index


def _figure_cell(
    address: FigureAddress,
    figures: Mapping[FigureAddress, FigureRecord],
    index: _Index,
    group: str,
) -> CellSpec:
    record = figures.get(address)
    involved = index.by_address.get(address, [])
    # A figure can sit in two tables (the operating net costs also under the units); each
    # table marks it only with its own checks, so the operating table is not marked "?"
    # for a unit breakdown that is missing.
    status = worst(c.status for c in index.by_target.get(address, []) if c.group == group)
    if record is None:  # an empty cell: one that may be filled has an address
        fill = can_fill(address.table)
        checks = tuple(c.id for c in involved)
        return CellSpec(None, address if fill else None, fill, status, checks, empty=fill)
    return CellSpec(
        value=record.value,
        address=address,
        editable=True,
        status=status,
        checks=tuple(c.id for c in involved),
        edited=record.value != record.published,  # a filled cell has no published figure
        published=record.published,
    )


def _computed_cell(check: Check | None) -> CellSpec:
    if check is None:
        return CellSpec()
    return CellSpec(value=check.computed, status=check.status, checks=(check.id,))


def _year_columns(columns: Mapping[str, str], years: Iterable[int], s: Strings) -> list[ColumnSpec]:
    result = []
    for year in years:
        kind = columns.get(str(year))
        label = s("budget.col.year", kind=s(f"column.{kind}"), year=year) if kind else str(year)
        result.append(ColumnSpec(str(year), label))
    return result


def operating_table(
    budget: Budget, figures: Mapping[FigureAddress, FigureRecord], index: _Index, s: Strings
) -> TableSpec:
    op = budget.operating
    years = sorted({int(y) for y in op.columns} | {int(y) for y in op.result})
    rows = [
        RowSpec(
            line,
            s(f"budget.line.{line}"),
            tuple(
                _figure_cell(FigureAddress("operating", line, y), figures, index, "operating")
                for y in years
            ),
        )
        for line in ("net_costs", "grant", "result")
    ]
    rows.append(
        RowSpec(
            "computed",
            s("budget.row.computed_result"),
            tuple(_computed_cell(index.by_id.get(f"operating.result.{y}")) for y in years),
            computed=True,
        )
    )
    return TableSpec("operating", "tkr", tuple(_year_columns(op.columns, years, s)), tuple(rows))


def _breakdown_table(
    *,
    table: str,
    group: str,
    columns: Mapping[str, str],
    years: list[int],
    line_names: list[str],
    parent_line: str,
    parent_table: str,
    parent_label: str,
    parent_first: bool,
    figures: Mapping[FigureAddress, FigureRecord],
    index: _Index,
    s: Strings,
) -> TableSpec:
    def figure_row(key: str, label: str, line_table: str, line: str) -> RowSpec:
        cells = tuple(
            _figure_cell(FigureAddress(line_table, line, y), figures, index, group) for y in years
        )
        return RowSpec(key, label, cells)

    parent = figure_row(f"parent:{parent_line}", parent_label, parent_table, parent_line)
    rows = [figure_row(f"line:{name}", name, table, name) for name in line_names]
    rows.append(figure_row("total", s("budget.line.total"), table, "total"))
    rows.append(
        RowSpec(
            "computed",
            s("budget.row.computed_sum"),
            tuple(_computed_cell(index.by_id.get(f"{group}.sum.{y}")) for y in years),
            computed=True,
        )
    )
    rows = [parent, *rows] if parent_first else [*rows, parent]
    return TableSpec(table, "tkr", tuple(_year_columns(columns, years, s)), tuple(rows))


def units_table(
    budget: Budget, figures: Mapping[FigureAddress, FigureRecord], index: _Index, s: Strings
) -> TableSpec | None:
    units = budget.units
    if units is None:
        return None
    op = budget.operating
    years = sorted(
        {int(y) for y in op.columns}
        | {int(y) for y in units.columns}
        | {int(y) for y in units.total}
        | {int(y) for u in units.units for y in u.net_costs}
    )
    return _breakdown_table(
        table="units",
        group="units",
        columns={**op.columns, **units.columns},
        years=years,
        line_names=[u.name for u in units.units],
        parent_line="net_costs",
        parent_table="operating",
        parent_label=s("budget.row.operating_net_costs"),
        parent_first=False,
        figures=figures,
        index=index,
        s=s,
    )


def investments_table(
    budget: Budget, figures: Mapping[FigureAddress, FigureRecord], index: _Index, s: Strings
) -> TableSpec | None:
    inv = budget.investments
    if inv is None:
        return None
    years = sorted(
        {int(y) for y in inv.columns}
        | {int(y) for y in inv.net_investments}
        | {int(y) for y in inv.total}
        | {int(y) for line in inv.lines for y in line.amounts}
    )
    return _breakdown_table(
        table="investments",
        group="investments",
        columns=inv.columns,
        years=years,
        line_names=[line.name for line in inv.lines],
        parent_line="net_investments",
        parent_table="investments",
        parent_label=s("budget.line.net_investments"),
        parent_first=True,  # as published: Nettoinvesteringar, then "Varav:" the lines
        figures=figures,
        index=index,
        s=s,
    )


def pot_table(
    budget: Budget, figures: Mapping[FigureAddress, FigureRecord], index: _Index, s: Strings
) -> TableSpec | None:
    pot = budget.pot
    if pot is None:
        return None
    year = pot.year
    columns = (ColumnSpec(str(year), s("budget.col.amount", year=year)),)
    rows = [
        RowSpec(
            f"line:{a.id}",
            a.title,
            (_figure_cell(FigureAddress("pot", a.id, year), figures, index, "pot"),),
            funds=tuple(a.funds),
        )
        for a in pot.allocations
    ]
    rows.append(
        RowSpec(
            "total",
            s("budget.line.pot_total"),
            (_figure_cell(FigureAddress("pot", "total", year), figures, index, "pot"),),
        )
    )
    rows.append(
        RowSpec(
            "computed",
            s("budget.row.computed_sum"),
            (_computed_cell(index.by_id.get("pot.total")),),
            computed=True,
        )
    )
    return TableSpec("pot", "mkr", columns, tuple(rows))


def earmarks_table(
    budget: Budget, earmarks: Sequence[Earmark], index: _Index, s: Strings
) -> TableSpec | None:
    """Stated earmarks against the allocations: one row per earmark check."""
    checks = [c for c in index.by_id.values() if c.id.startswith("earmark.")]
    share = index.by_id.get("pot.initiatives")
    if not checks and share is None:
        return None
    titles = {e.target: (e.title, e.goal_number) for e in earmarks}
    columns = (
        ColumnSpec("stated", s("budget.col.stated")),
        ColumnSpec("allocated", s("budget.col.allocated")),
        ColumnSpec("difference", s("budget.col.difference")),
    )

    def row(check: Check, label: str) -> RowSpec:
        ids = (check.id,)
        return RowSpec(
            f"check:{check.id}",
            label,
            (
                CellSpec(
                    value=check.published,
                    address=check.target,
                    status=check.status,
                    checks=ids,
                ),
                CellSpec(value=check.computed, checks=ids),
                CellSpec(value=check.difference, checks=ids, difference=True),
            ),
        )

    rows = []
    if share is not None:
        goals = str(share.values.get("goals", ""))
        rows.append(row(share, s("budget.row.initiatives_share", goals=goals)))
    for check in checks:
        target = check.id.removeprefix("earmark.")
        title, goal_number = titles.get(target, (target, None))
        rows.append(row(check, target if goal_number is None else title))
    return TableSpec(EARMARKS_TABLE, "mkr", columns, tuple(rows), title=s("budget.earmarks_title"))


def build_tables(
    budget: Budget,
    figures: Sequence[FigureRecord],
    earmarks: Sequence[Earmark],
    checks: Sequence[Check],
    strings: Strings,
) -> dict[str, TableSpec]:
    """Every table of the budget screen, by table id (only the tables the plan has)."""
    index = _Index.of(checks)
    by_address = {FigureAddress(f.table, f.line, f.year): f for f in figures}
    built = {
        "operating": operating_table(budget, by_address, index, strings),
        "units": units_table(budget, by_address, index, strings),
        "pot": pot_table(budget, by_address, index, strings),
        "earmarks": earmarks_table(budget, earmarks, index, strings),
        "investments": investments_table(budget, by_address, index, strings),
    }
    for key in ("operating", "units", "investments"):  # each in its published unit
        table, spec = getattr(budget, key, None), built[key]
        if spec is not None and table is not None:
            built[key] = replace(spec, unit=table.unit, decimals=table.decimals)
    from vpl_tui.views.drift_table import drift_table

    built["drift"] = drift_table(budget.drift, checks, strings)
    return {key: spec for key, spec in built.items() if spec is not None}
