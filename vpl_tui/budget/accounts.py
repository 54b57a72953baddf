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

Not yet in the plan file or the store: this is the rule, ready for the table to be read into.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from vpl_tui.rules.checks import CheckStatus
from vpl_tui.rules.economy import difference_kind

TableUnit = Literal["tkr", "mnkr"]
TKR_PER: dict[str, Decimal] = {"tkr": Decimal(1), "mnkr": Decimal(1000)}
DRIFT_COLUMNS: tuple[str, ...] = (
    "income",
    "costs",
    "net_costs",
    "grant",
    "result",
    "disposition",
    "opening_result",
    "closing_result",
)
"""intäkter, kostnader, nettokostnad, kommunbidrag, årets resultat, disposition, ingående
och utgående resultat: the columns plans publish, in their usual order."""

DEFINITIONS: tuple[tuple[str, tuple[tuple[str, int], ...]], ...] = (
    ("net_costs", (("costs", 1), ("income", -1))),
    ("result", (("grant", 1), ("net_costs", -1))),
    ("closing_result", (("opening_result", 1), ("result", 1), ("disposition", -1))),
)
"""Each defined column and the signed columns it is made of."""


@dataclass(frozen=True, slots=True)
class PublishedUnit:
    """A table's unit and the decimals its figures were printed with."""

    unit: TableUnit = "tkr"
    decimals: int = 0

    @property
    def step(self) -> Decimal:
        """What each printed figure is rounded to, in the table's unit (0,1 for one decimal)."""
        return Decimal(1).scaleb(-self.decimals)

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
