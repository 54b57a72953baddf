"""The budget: its figures read as models or as plain records.

Figure edits (and filling an empty cell) are `db/budget_edit.py`'s, a part of this one. A
figure filled after the plan was published has no published value (None).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

from vpl_tui.db.budget_edit import FigureEdits, StaleFigure
from vpl_tui.db.changes import parse_time
from vpl_tui.db.published_file import read_drift, read_units
from vpl_tui.db.tree_reads import decimal_or_none
from vpl_tui.records import (
    AllocationFigure,
    BudgetFigures,
    Earmark,
    FigureRecord,
    InvestmentLineFigures,
    InvestmentTable,
    OperatingFigures,
    PotFigures,
    UnitFigures,
    UnitTable,
)

if TYPE_CHECKING:
    from vpl_tui.model import Budget, FigureChange


class _BudgetKinds(NamedTuple):
    """What `BudgetStore._read_budget` builds a budget of: the models, or the plain records."""

    budget: Callable[..., Any]
    operating: Callable[..., Any]
    units: Callable[..., Any]
    unit: Callable[..., Any]
    pot: Callable[..., Any]
    allocation: Callable[..., Any]
    investments: Callable[..., Any]
    line: Callable[..., Any]


_LIGHT_BUDGET = _BudgetKinds(
    budget=BudgetFigures,
    operating=OperatingFigures,
    units=UnitTable,
    unit=UnitFigures,
    pot=PotFigures,
    allocation=AllocationFigure,
    investments=InvestmentTable,
    line=InvestmentLineFigures,
)


__all__ = ["BudgetStore", "StaleFigure"]


class BudgetStore(FigureEdits):
    """The budget's figures, the earmarks beside them, and editing one figure."""

    def budget(self) -> Budget | None:
        """The budget with its current figures and the history of edits, or None."""
        from vpl_tui import model
        from vpl_tui.db.forecasts_file import read_forecast_fields

        def budget(**fields: Any) -> Budget:
            return model.Budget.model_construct(
                **fields,
                changes=self._figure_changes(),
                **read_forecast_fields(self.db.conn),  # db/forecasts.py
            )

        # model_construct: the figures were validated on their way in.
        return self._read_budget(
            _BudgetKinds(
                budget=budget,
                operating=model.OperatingBudget.model_construct,
                units=model.UnitBreakdown.model_construct,
                unit=model.UnitCosts.model_construct,
                pot=model.EarmarkedPot.model_construct,
                allocation=model.Allocation.model_construct,
                investments=model.Investments.model_construct,
                line=model.InvestmentLine.model_construct,
            )
        )

    def budget_figures(self) -> BudgetFigures | None:
        """The budget's current figures as plain records (no history), or None.

        What `vpl_tui.budget.reconcile` reads, with the same attributes as `budget()`
        gives, for the summary: it costs no pydantic, which would double the start of
        `vpl summary`. The figures are read as they stand now, like `budget()`'s.
        """
        return self._read_budget(_LIGHT_BUDGET)

    def _read_budget(self, kinds: _BudgetKinds) -> Any:
        """The budget built of `kinds` (the models or the records), or None without one."""
        query = self.db.query
        head = list(query("SELECT * FROM budget WHERE id = 1"))
        if not head:
            return None
        columns: dict[str, dict[str, str]] = defaultdict(dict)
        for row in query("SELECT * FROM budget_column ORDER BY table_name, year"):
            columns[row["table_name"]][str(row["year"])] = row["kind"]
        figures: dict[tuple[str, str], dict[str, Decimal]] = defaultdict(dict)
        for row in query("SELECT * FROM budget_figure ORDER BY table_name, line, year"):
            figures[(row["table_name"], row["line"])][str(row["year"])] = Decimal(str(row["value"]))
        lines: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in query("SELECT * FROM budget_line ORDER BY table_name, position"):
            lines[row["table_name"]].append(row)

        def whole(table: str, line: str) -> dict[str, int | Decimal]:
            # The models hold Decimals; the records whole figures as ints, as a tkr
            # table's always were, and 175.9 as a Decimal.
            return {
                year: int(value) if light and value == value.to_integral_value() else value
                for year, value in figures.get((table, line), {}).items()
            }

        light = kinds is _LIGHT_BUDGET
        declared = read_units(self.db.conn)  # db/published_file.py

        def published(table: str) -> dict[str, Any]:
            unit, decimals = declared.get(table, ("tkr", 0))
            return {"unit": unit, "decimals": decimals}

        operating = kinds.operating(
            **published("operating"),
            columns=columns["operating"],
            # Its lines are net_costs, grant and result (model.OPERATING_LINES), each with
            # a budget_line row since `vpl load`.
            **{row["line"]: whole("operating", row["line"]) for row in lines["operating"]},
        )
        units = None
        if "units" in columns:
            units = kinds.units(
                **published("units"),
                columns=columns["units"],
                units=[
                    kinds.unit(name=row["line"], net_costs=whole("units", row["line"]))
                    for row in lines["units"]
                    if row["line"] != "total"
                ],
                total=whole("units", "total"),
            )
        investments = None
        if "investments" in columns:
            investments = kinds.investments(
                **published("investments"),
                columns=columns["investments"],
                net_investments=whole("investments", "net_investments"),
                lines=[
                    kinds.line(
                        name=row["line"],
                        description=row["description"],
                        amounts=whole("investments", row["line"]),
                    )
                    for row in lines["investments"]
                    if row["line"] not in ("total", "net_investments")
                ],
                total=whole("investments", "total"),
                explanation=head[0]["investments_explanation"],
            )
        pot = None
        pot_rows = list(query("SELECT * FROM earmarked_pot WHERE id = 1"))
        if pot_rows:
            year = str(pot_rows[0]["year"])
            funds: dict[str, list[str]] = defaultdict(list)
            for row in query("SELECT * FROM pot_allocation_funds ORDER BY allocation_id, position"):
                funds[row["allocation_id"]].append(row["target"])
            pot = kinds.pot(
                name=pot_rows[0]["name"],
                period=pot_rows[0]["period"],
                year=pot_rows[0]["year"],
                total_mkr=figures[("pot", "total")][year],
                allocations=[
                    kinds.allocation(
                        id=row["id"],
                        title=row["title"],
                        amount_mkr=figures[("pot", row["id"])][year],
                        funds=funds.get(row["id"], []),
                    )
                    for row in query("SELECT * FROM pot_allocation ORDER BY position")
                ],
            )
        return kinds.budget(
            unit=head[0]["unit"],
            explanation=head[0]["explanation"],
            operating=operating,
            units=units,
            pot=pot,
            investments=investments,
            drift=read_drift(self.db.conn, declared, light=light),
        )

    def _figure_changes(self) -> list[FigureChange]:
        from vpl_tui.model import FigureChange

        return [
            FigureChange.model_construct(
                table=row["table_name"],
                line=row["line"],
                year=row["year"],
                at=parse_time(row["at"]),
                from_value=decimal_or_none(row["from_value"]),
                to=Decimal(str(row["to_value"])),
                note=row["note"],
                user=row["user"],
            )
            for row in self.db.query("SELECT * FROM budget_history ORDER BY id")
        ]

    def earmarks(self) -> list[Earmark]:
        """Every goal's and initiative's stated earmark, in plan order (None where not stated)."""
        result: list[Earmark] = []
        # One query for all: a region's plan has thousands of initiatives.
        rows = self.db.execute(
            "SELECT g.number, g.title, g.earmarked_mkr, i.id, i.title, i.earmarked_mkr "
            "FROM goal g LEFT JOIN initiative i ON i.goal_number = g.number "
            "ORDER BY g.position, i.position"
        )
        previous = None
        for number, title, stated, initiative_id, initiative_title, initiative_stated in rows:
            if number != previous:
                result.append(Earmark(number, title, decimal_or_none(stated), None))
                previous = number
            if initiative_id is not None:
                stated_here = decimal_or_none(initiative_stated)
                result.append(Earmark(initiative_id, initiative_title, stated_here, number))
        return result

    def figures(self) -> list[FigureRecord]:
        """Every budget figure, current and published, in table and line order."""
        sql = (
            "SELECT f.* FROM budget_figure f JOIN budget_line l "
            "ON l.table_name = f.table_name AND l.line = f.line "
            "ORDER BY f.table_name, l.position, f.year"
        )
        return [
            FigureRecord(
                table=row["table_name"],
                line=row["line"],
                year=row["year"],
                value=Decimal(str(row["value"])),
                published=decimal_or_none(row["published"]),
            )
            for row in self.db.query(sql)
        ]
