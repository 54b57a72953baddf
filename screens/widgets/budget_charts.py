"""Bar charts drawn with text: net costs by unit over the years, investments by line.

One line per unit or investment line and one column per year, each cell a bar with its
figure beside it, so a controller sees at a glance where the money moves between years
(Demokrati och Samhälle down, Planering och Analys up) and still reads exact figures.
Bars are eighth-block characters scaled to the largest amount in the chart; negative
amounts (a sale of land, an income surplus) are drawn in their own colour with a minus
sign. Plan text (unit and line names) is shown through `clean()`, never as markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widget import Widget

from vpl_tui.budget.followup import FollowUpTable
from vpl_tui.model import Budget
from vpl_tui.numbers import format_amount
from vpl_tui.safetext import one_line
from vpl_tui.strings import Strings

_EIGHTHS = " ▏▎▍▌▋▊▉"
LABEL_WIDTH = 30
"""Widest row label; longer names are cut with an ellipsis (the tables show them whole)."""


def bar(value: Decimal, largest: Decimal, width: int) -> str:
    """A bar of `width` cells at most, as long as `value` is against `largest` (in eighths)."""
    if largest <= 0 or width <= 0:
        return ""
    eighths = int((abs(value) / largest * width * 8).to_integral_value())
    if value != 0:
        eighths = max(eighths, 1)  # a small amount still shows
    full, rest = divmod(eighths, 8)
    return "█" * full + (_EIGHTHS[rest] if rest else "")


@dataclass(frozen=True)
class ChartData:
    """A chart: its title, its columns (years with their labels) and one row per name."""

    title: str
    columns: tuple[tuple[str, str], ...]
    """(year, heading) for each column."""
    rows: tuple[tuple[str, dict[str, Decimal]], ...]
    """(name, amounts by year); a year missing from a row is a blank cell."""


def units_chart(budget: Budget, strings: Strings) -> ChartData | None:
    """Net costs by unit, for the years the breakdown has."""
    units = budget.units
    if units is None or not units.units:
        return None
    years = sorted({y for u in units.units for y in u.net_costs})
    return ChartData(
        title=strings("budget.chart.units"),
        columns=tuple((y, _heading(units.columns.get(y), y, strings)) for y in years),
        rows=tuple((u.name, {y: Decimal(v) for y, v in u.net_costs.items()}) for u in units.units),
    )


def investments_chart(budget: Budget, strings: Strings) -> ChartData | None:
    """Investments by line, for the years the breakdown has."""
    inv = budget.investments
    if inv is None or not inv.lines:
        return None
    years = sorted({y for line in inv.lines for y in line.amounts})
    return ChartData(
        title=strings("budget.chart.investments"),
        columns=tuple((y, _heading(inv.columns.get(y), y, strings)) for y in years),
        rows=tuple(
            (line.name, {y: Decimal(v) for y, v in line.amounts.items()}) for line in inv.lines
        ),
    )


def forecast_chart(table: FollowUpTable, strings: Strings) -> ChartData | None:
    """Budget against the full-year forecast, per unit, for a follow-up period."""
    if not table.rows:
        return None
    rows = []
    for row in table.rows:
        amounts = {"budget": row.budget}
        if row.forecast is not None:
            amounts["forecast"] = row.forecast
        rows.append((row.unit, amounts))
    return ChartData(
        title=strings("economy.chart", period=table.period.name),
        columns=(
            ("budget", strings("economy.col.budget") + f" {table.year}"),
            ("forecast", strings("economy.col.forecast")),
        ),
        rows=tuple(rows),
    )


def _heading(kind: str | None, year: str, strings: Strings) -> str:
    return strings("budget.col.year", kind=strings(f"column.{kind}"), year=year) if kind else year


class BarChart(Widget):
    """One chart: a row per name, a column per year, a bar and its figure in each cell."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "bar-chart--title",
        "bar-chart--bar",
        "bar-chart--negative",
        "bar-chart--figure",
    }
    """Colours of the title, the bars, negative bars and the figures."""

    DEFAULT_CSS = """
    BarChart {
        height: auto;
    }
    """

    data: reactive[ChartData | None] = reactive(None, layout=True)
    """What the chart shows; None draws the "nothing to draw" line."""

    def __init__(self, strings: Strings, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.strings = strings

    def render(self) -> RenderableType:
        data = self.data
        if data is None:
            return Text(self.strings("budget.chart.no_data"))
        style = self.get_component_rich_style
        values = [abs(v) for _, amounts in data.rows for v in amounts.values()]
        largest = max(values, default=Decimal(0))
        figure_width = max(
            (len(format_amount(v)) for _, amounts in data.rows for v in amounts.values()),
            default=1,
        )
        label_width = min(LABEL_WIDTH, max((len(one_line(n)) for n, _ in data.rows), default=1))
        columns = max(len(data.columns), 1)
        # Room for each bar: what is left after the labels, the figures and the padding.
        room = self.size.width - label_width - columns * (figure_width + 3) - 2
        bar_width = max(room // columns, 4)
        table = Table(
            title=Text(data.title, style=style("bar-chart--title", partial=True)),
            title_justify="left",
            box=None,
            pad_edge=False,
            show_edge=False,
            expand=False,
        )
        table.add_column(no_wrap=True, width=label_width)
        for _, heading in data.columns:
            table.add_column(Text(heading), no_wrap=True, width=bar_width + figure_width + 1)
        bar_style = style("bar-chart--bar", partial=True)
        negative_style = style("bar-chart--negative", partial=True)
        figure_style = style("bar-chart--figure", partial=True)
        for name, amounts in data.rows:
            cells: list[Text] = [Text(one_line(name, label_width), no_wrap=True)]
            for year, _ in data.columns:
                value = amounts.get(year)
                if value is None:
                    cells.append(Text(""))
                    continue
                shown = bar(value, largest, bar_width)
                cell = Text(no_wrap=True)
                cell.append(shown.ljust(bar_width), negative_style if value < 0 else bar_style)
                cell.append(" " + format_amount(value).rjust(figure_width), figure_style)
                cells.append(cell)
            table.add_row(*cells)
        return table


class BudgetCharts(VerticalScroll):
    """Both charts, one under the other, scrolling when the terminal is small."""

    def __init__(self, strings: Strings, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.strings = strings

    def compose(self) -> ComposeResult:
        yield BarChart(self.strings, id="budget-chart-units")
        yield BarChart(self.strings, id="budget-chart-investments")

    def show(self, budget: Budget) -> None:
        """Draw the charts of `budget` (its current figures, edits included)."""
        self.query_one("#budget-chart-units", BarChart).data = units_chart(budget, self.strings)
        self.query_one("#budget-chart-investments", BarChart).data = investments_chart(
            budget, self.strings
        )
