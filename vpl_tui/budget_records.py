"""Read-side records of the budget: figures as they stand, their edits, and the tables as
the reconciliation reads them. Named tuples, like `vpl_tui.records` (which names them
too, made here on first use: `vpl set` needs none of them).

The tables have the same attribute names as the budget models of `vpl_tui.model`, so that
`vpl_tui.budget.reconcile` reads either; these cost no pydantic, which the summary's one
budget line would otherwise load (`Store.budget_figures()`).
"""

# No `from __future__ import annotations`: see `vpl_tui.records`.
from datetime import datetime
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from decimal import Decimal


class FigureRecord(NamedTuple):
    """One budget figure as it stands now, with the published value it started from."""

    table: str
    line: str
    year: int
    value: "Decimal"
    published: "Decimal | None"
    """None: the published plan left the cell empty, and it was filled since."""


class FigureChangeRecord(NamedTuple):
    """One row of the append-only history of budget figure edits."""

    id: int
    table: str
    line: str
    year: int
    at: datetime
    from_value: "Decimal | None"
    """None: the edit filled a cell the published plan left empty."""
    to_value: "Decimal"
    note: str
    user: str


class OperatingFigures(NamedTuple):
    """The operating table: column kinds and net costs, grant and result per year (tkr)."""

    columns: dict[str, str]
    net_costs: dict[str, int]
    grant: dict[str, int]
    result: dict[str, int]
    unit: str = "tkr"
    decimals: int = 0


class UnitFigures(NamedTuple):
    """One unit's net costs per year (tkr)."""

    name: str
    net_costs: dict[str, int]


class UnitTable(NamedTuple):
    """Net costs by unit, with the published Summa row."""

    columns: dict[str, str]
    units: list[UnitFigures]
    total: dict[str, int]
    unit: str = "tkr"
    decimals: int = 0


class AllocationFigure(NamedTuple):
    """One allocation from the earmarked pot (mkr) and what it funds."""

    id: str
    title: str
    amount_mkr: "Decimal"
    funds: list[str]


class PotFigures(NamedTuple):
    """The earmarked pot: its published total and its allocations (mkr)."""

    name: str
    period: str
    year: int
    total_mkr: "Decimal"
    allocations: list[AllocationFigure]


class InvestmentLineFigures(NamedTuple):
    """One investment line's amounts per year (tkr)."""

    name: str
    description: str
    amounts: dict[str, int]


class InvestmentTable(NamedTuple):
    """Net investments per year and their breakdown by line, with the Summa row (tkr)."""

    columns: dict[str, str]
    net_investments: dict[str, int]
    lines: list[InvestmentLineFigures]
    total: dict[str, int]
    explanation: str
    unit: str = "tkr"
    decimals: int = 0


class BudgetFigures(NamedTuple):
    """The budget's current figures, without the history of edits (`Store.figure_history`)."""

    unit: str
    explanation: str
    operating: OperatingFigures
    units: UnitTable | None
    pot: PotFigures | None
    investments: InvestmentTable | None
    drift: Any = None
    """The driftredovisning (`vpl_tui.model.drift.DriftStatement`), or None."""
