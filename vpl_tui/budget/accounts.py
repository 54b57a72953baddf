"""Budget tables as published: their unit and decimals, and the driftredovisning's checks.

A published table states its unit (tkr, or mnkr as many boards print: 175,9 mnkr) and the
decimals it was printed with; each printed figure is rounded to that step, so a sum of n
printed figures may be off by n × half a step with nothing wrong (`difference_kind`).
A driftredovisning (operating statement) has, per unit, the columns intäkter, kostnader,
nettokostnad, kommunbidrag, årets resultat, disposition, ingående and utgående resultat;
between them hold by definition:

    nettokostnad = kostnader − intäkter
    årets resultat = kommunbidrag − nettokostnad
    utgående resultat = ingående resultat + årets resultat − disposition

and each column's Summa row is the sum of the units'. Figures are as printed, all positive
but a result, which may be negative (a deficit). `drift_checks` makes every check a table
allows: one whose figures are not all printed cannot be made (unchecked).

The sign convention: intäkter and kostnader are printed as positive amounts (what came in,
what went out), so nettokostnad is positive for a unit that costs more than it earns; a
result, and a disposition, may be negative. `drift_reconciliation` makes these checks on
the plan file's `[budget.drift]` for `vpl_tui.budget.reconcile`, in the table's own unit
and decimals: a difference of at most n × half a unit of the last decimal is avrundning.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from vpl_tui.budget.check import Check, FigureAddress, Label, Term, compare
from vpl_tui.budget.sums import TKR_PER
from vpl_tui.rules.checks import CheckStatus
from vpl_tui.rules.economy import DEFINITIONS, DRIFT_COLUMNS, difference_kind
from vpl_tui.rules.figures import TableUnit, rounding_step

if TYPE_CHECKING:
    from vpl_tui.model.drift import DriftStatement

__all__ = ["TKR_PER", "DRIFT_COLUMNS", "TableUnit"]


@dataclass(frozen=True, slots=True)
class PublishedUnit:
    """A table's unit and the decimals its figures were printed with."""

    unit: TableUnit = "tkr"
    decimals: int = 0

    @property
    def step(self) -> Decimal:
        """What each printed figure is rounded to, in the table's unit (0,1 for one decimal)."""
        return rounding_step(self.unit, self.decimals)

    def to_tkr(self, value: Decimal) -> Decimal:
        """A printed figure in tkr (175,9 mnkr is 175 900 tkr)."""
        return value * TKR_PER[self.unit]


@dataclass(frozen=True, slots=True)
class DriftRow:
    """One unit's row of a driftredovisning (or its Summa row), figures as printed."""

    name: str
    figures: Mapping[str, Decimal]


@dataclass(frozen=True, slots=True)
class DriftCheck:
    """One definitional check: a printed figure against the one its parts make."""

    row: str
    column: str
    published: Decimal | None
    computed: Decimal | None
    status: CheckStatus

    @property
    def difference(self) -> Decimal | None:
        if self.published is None or self.computed is None:
            return None
        return self.published - self.computed


def _status(
    published: Decimal, computed: Decimal, figures: int, unit: PublishedUnit
) -> CheckStatus:
    kind = difference_kind(published - computed, figures, unit.step)
    return "pass" if kind == "equal" else ("rounding" if kind == "rounding" else "fail")


def _check(
    row: str,
    column: str,
    published: Decimal | None,
    parts: Sequence[Decimal | None],
    unit: PublishedUnit,
) -> DriftCheck:
    if published is None or any(part is None for part in parts):
        return DriftCheck(row, column, published, None, "unchecked")
    computed = sum(parts, Decimal(0))  # type: ignore[arg-type]
    return DriftCheck(
        row, column, published, computed, _status(published, computed, len(parts) + 1, unit)
    )


def drift_checks(
    rows: Sequence[DriftRow], unit: PublishedUnit, total: DriftRow | None = None
) -> list[DriftCheck]:
    """Every check the table allows: each row's definitions, then each column's Summa."""
    checks = []
    for row in [*rows, *([total] if total is not None else [])]:
        for column, parts in DEFINITIONS:
            if column not in row.figures and all(name not in row.figures for name, _ in parts):
                continue  # a table without these columns has nothing to check here
            values = [
                None if row.figures.get(name) is None else row.figures[name] * sign
                for name, sign in parts
            ]
            checks.append(_check(row.name, column, row.figures.get(column), values, unit))
    if total is not None:
        for column in DRIFT_COLUMNS:
            if column in total.figures:
                parts = [row.figures.get(column) for row in rows]
                checks.append(
                    _check(total.name, f"sum.{column}", total.figures[column], parts, unit)
                )
    return checks


TOTAL = "total"
"""The line of a driftredovisning that is the Summa row of its year."""


def drift_address(line: str, column: str, year: int) -> FigureAddress:
    """Where a driftredovisning figure is: the column in the table part, so a cell is one."""
    return FigureAddress(f"drift.{column}", line, year)


def drift_reconciliation(drift: DriftStatement | None) -> list[Check]:
    """The driftredovisning's checks: each line's definitions, then each column's Summa.

    Per year in the order the lines come; a check whose figures are not all printed is
    unchecked; the rounding allowed is the table's own (n × half its last decimal).
    """
    if drift is None:
        return []
    checks: list[Check] = []
    printed = {c for c in DRIFT_COLUMNS if any(getattr(ln, c) is not None for ln in drift.lines)}
    years = sorted({line.year for line in drift.lines})
    for year in years:
        lines = [line for line in drift.lines if line.year == year]
        units = [line for line in lines if line.name != TOTAL]
        for line in lines:
            figures = {c: getattr(line, c) for c in DRIFT_COLUMNS}
            for column, parts in DEFINITIONS:
                if column not in printed or all(name not in printed for name, _ in parts):
                    continue  # a statement without these columns has nothing to check here
                checks.append(
                    _drift_compare(
                        drift,
                        id=f"drift.{column}.{line.name}.{year}",
                        key=f"drift.check.{column}",
                        line=line.name,
                        column=column,
                        year=year,
                        published=figures[column],
                        terms=[
                            (line.name, name, figures[name], sign, Label(f"drift.col.{name}"))
                            for name, sign in parts
                        ],
                    )
                )
        total = next((line for line in lines if line.name == TOTAL), None)
        if total is None or not units:
            continue
        for column in DRIFT_COLUMNS:
            published = getattr(total, column)
            if published is None:
                continue
            checks.append(
                _drift_compare(
                    drift,
                    id=f"drift.sum.{column}.{year}",
                    key="drift.check.sum",
                    line=TOTAL,
                    column=column,
                    year=year,
                    published=published,
                    terms=[
                        (unit.name, column, getattr(unit, column), 1, unit.name) for unit in units
                    ],
                )
            )
    return checks


def _drift_compare(
    drift: DriftStatement,
    *,
    id: str,
    key: str,
    line: str,
    column: str,
    year: int,
    published: Decimal | None,
    terms: Sequence[tuple[str, str, Decimal | None, int, Label | str]],
) -> Check:
    shown_line: object = Label("drift.line.total") if line == TOTAL else line
    return compare(
        id=id,
        group="drift",
        key=key,
        values={"line": shown_line, "year": year, "column": Label(f"drift.col.{column}")},
        year=year,
        unit=drift.unit,
        decimals=drift.decimals,
        published=published,
        published_label=Label(f"drift.col.{column}"),
        target=drift_address(line, column, year),
        terms=[
            Term(drift_address(name, part, year), label, value, sign)
            for name, part, value, sign, label in terms
            if value is not None
        ],
        has_parts=all(value is not None for _, _, value, _, _ in terms),
    )
