"""Budget lines a plan search finds (`/`): what matches, and the tree line that shows it.

A budget line is found by what the budget screen calls it: a unit's or an investment's
name (and an investment's description), a pot allocation's id or title, and the fixed
lines (Nettokostnader, Kommunbidrag, Resultat, Summa, …) by their label in the
interface's language. Case and accents are ignored, as everywhere the plan is searched.
A hit is a leaf of the narrowed tree, after the goals; its figures are in the detail
pane, and `b` opens the budget screen itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from vpl_tui.safetext import normalise
from vpl_tui.views.plan_items import Item, Key

FIXED_LABELS = {
    ("operating", "net_costs"): "budget.line.net_costs",
    ("operating", "grant"): "budget.line.grant",
    ("operating", "result"): "budget.line.result",
    ("units", "total"): "budget.line.total",
    ("investments", "net_investments"): "budget.line.net_investments",
    ("investments", "total"): "budget.line.total",
    ("pot", "total"): "budget.line.pot_total",
}
"""The lines every budget has, named by the catalog, not by the plan file."""
TABLE_NAMES = {
    "operating": "report_app.budget.operating",
    "units": "report_app.budget.units",
    "investments": "report_app.budget.investments",
    "pot": "report_app.budget.pot",
}
"""The catalog's name of each budget table, as a hit's line and the detail pane say it."""


@dataclass(frozen=True)
class BudgetLine:
    """One line of a budget table with its figures, as the store reads it."""

    table: str
    """`operating`, `units`, `investments` or `pot`."""
    line: str
    """The line's name in the plan file (a unit, an investment, an allocation's id)."""
    description: str
    """An investment's description; a pot allocation's title; else empty."""
    figures: tuple[tuple[int, Decimal], ...]
    """(year, value), in year order."""
    unit: str = "tkr"
    """The budget's unit of its figures."""


def line_label(line: BudgetLine, strings: Callable[[str], str]) -> str:
    """What the budget screen calls `line`: the catalog's label, or the plan's own name."""
    key = FIXED_LABELS.get((line.table, line.line))
    if key is not None:
        return strings(key)
    if line.table == "pot" and line.description:
        return line.description
    return line.line


@dataclass(eq=False)
class BudgetLineItem(Item):
    """A budget line found by a search: a leaf of the narrowed tree."""

    line: BudgetLine
    label: str
    """`line_label`, in the interface's language."""
    table_name: str
    """The table it is in, in the interface's language."""

    @property
    def key(self) -> Key:
        return ("budget", self.line.table, self.line.line)


def budget_matches(
    lines: Iterable[BudgetLine], text: str, strings: Callable[[str], str], limit: int
) -> list[BudgetLineItem]:
    """The budget lines whose label, name or description contains `text`, in budget order."""
    needle = normalise(text.strip())
    found: list[BudgetLineItem] = []
    if not needle:
        return found
    for line in lines:
        label = line_label(line, strings)
        if any(needle in normalise(said) for said in (label, line.line, line.description)):
            found.append(BudgetLineItem(line, label, strings(TABLE_NAMES[line.table])))
            if len(found) == limit:
                break
    return found
