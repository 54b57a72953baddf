"""Budget tables as published: a table's unit and decimals, and the driftredovisning.

A table declares the unit it was published in (`unit = "mnkr"`) and the decimals it was
printed with (`decimals = 1`: 175,9 mnkr); by default whole tkr, so a plan file that
declares nothing reads as it always has. Figures are held exactly as printed (Decimal);
one with more decimals than its table declares is refused, naming the place.

The driftredovisning (`[budget.drift]`) is the operating statement plans publish: per
unit and year, any of intäkter, kostnader, nettokostnad, kommunbidrag, årets resultat,
disposition, ingående and utgående resultat. A line named `total` is the Summa row of its
year. The checks between the columns are `vpl_tui.budget.accounts`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator, Field

from vpl_tui.errors import VplError
from vpl_tui.model.base import Amount, Name, Reason, Strict, _check_year_keys
from vpl_tui.rules.economy import DRIFT_COLUMNS
from vpl_tui.rules.figures import MAX_DECIMALS, TableUnit, figure_problem
from vpl_tui.rules.limits import FIRST_YEAR, LAST_YEAR

PublishedFigures = Annotated[dict[str, Amount], AfterValidator(_check_year_keys)]
"""Figures keyed by year ("2023" = 279191, or 175.9 in an mnkr table); a missing year is a
blank cell. Exactly as printed: Decimal, never float."""

Decimals = Annotated[int, Field(ge=0, le=MAX_DECIMALS)]

TOTAL_LINE = "total"
"""The driftredovisning line that is the Summa row of its year."""


class Published(Strict):
    """What every published table declares: its unit and its decimals."""

    unit: TableUnit = Field(default="tkr", description="tkr or mnkr, as the table was published.")
    decimals: Decimals = Field(
        default=0, description="The decimals its figures were printed with (mnkr 175,9: 1)."
    )


class DriftLine(Strict):
    """One unit's row of the driftredovisning for one year (or, named `total`, its Summa)."""

    name: Name
    year: int = Field(ge=FIRST_YEAR, le=LAST_YEAR)
    income: Amount | None = Field(default=None, description="Intäkter, printed positive.")
    costs: Amount | None = Field(default=None, description="Kostnader, printed positive.")
    net_costs: Amount | None = Field(
        default=None, description="Nettokostnad = kostnader − intäkter."
    )
    grant: Amount | None = Field(default=None, description="Kommunbidrag.")
    result: Amount | None = Field(
        default=None, description="Årets resultat = kommunbidrag − nettokostnad."
    )
    disposition: Amount | None = Field(
        default=None, description="Disposition: what is taken from the result (ianspråktaget)."
    )
    opening_result: Amount | None = Field(default=None, description="Ingående resultat.")
    closing_result: Amount | None = Field(
        default=None,
        description="Utgående resultat = ingående resultat + årets resultat − disposition.",
    )


class DriftStatement(Published):
    """Driftredovisning: the operating statement per unit and year, as published."""

    lines: list[DriftLine]


def line_figures(line: DriftLine) -> dict[str, Decimal]:
    """A line's printed figures by column; a blank one is left out."""
    return {
        column: value for column in DRIFT_COLUMNS if (value := getattr(line, column)) is not None
    }


def decimals_problems(
    where: str, table: Published, figures: Iterator[tuple[str, Mapping[str, Decimal]]]
) -> list[tuple[str, Reason]]:
    """Every figure of `table` with more decimals than it declares, at its place."""
    problems: list[tuple[str, Reason]] = []
    for path, by_key in figures:
        for key, value in by_key.items():
            if figure_problem(table.unit, Decimal(value), table.decimals) is not None:
                problems.append(
                    (
                        f"{where}.{path}.{key}" if path else f"{where}.{key}",
                        VplError(
                            "plan.got",
                            reason=VplError(
                                "plan.budget.figure_form",
                                unit=table.unit,
                                decimals=table.decimals,
                            ),
                            got=str(value),
                        ),
                    )
                )
    return problems


def drift_problems(drift: DriftStatement) -> list[tuple[str, Reason]]:
    """A drift line once per name and year; figures to the statement's decimals."""
    problems: list[tuple[str, Reason]] = []
    seen: set[tuple[str, int]] = set()
    for index, line in enumerate(drift.lines):
        if (line.name, line.year) in seen:
            problems.append(
                (f"budget.drift.lines[{index}]", VplError("plan.duplicate", value=line.name[:60]))
            )
        seen.add((line.name, line.year))
        problems.extend(
            decimals_problems(
                "budget.drift", drift, iter([(f"lines[{index}]", line_figures(line))])
            )
        )
    return problems
