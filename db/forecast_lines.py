"""The units and operating rows a forecast can be entered for, found by name in any case.

A unit of the budget's net costs by unit, by its name without regard to case or runs of
spaces; an operating row by its id or its Swedish name (`nettokostnad`, `kommunbidrag`,
`resultat`). A unit's name comes before an operating row's.
"""

from __future__ import annotations

from vpl_tui.db.connection import Connected
from vpl_tui.errors import VplError
from vpl_tui.safetext import clean

LineKey = tuple[str, str]
"""("units", unit name) or ("operating", net_costs/grant/result)."""

OPERATING_NAMES = {
    "net_costs": ("net_costs", "nettokostnad", "nettokostnader", "net costs"),
    "grant": ("grant", "kommunbidrag", "kommunbidrag/ram"),
    "result": ("result", "resultat"),
}
"""The operating rows as `vpl forecast` finds them: by id, or by their Swedish names."""


def fold_name(name: str) -> str:
    """A unit's name as it is matched: any case, runs of spaces as one."""
    return " ".join(name.split()).casefold()


class ForecastLines(Connected):
    """Finding a forecast's unit or operating row."""

    def forecast_lines(self) -> dict[str, LineKey]:
        """Every unit and operating row `vpl forecast` can name, by its folded name."""
        found: dict[str, LineKey] = {}
        for line, names in OPERATING_NAMES.items():
            found.update(dict.fromkeys(names, ("operating", line)))
        for (line,) in self.db.execute(
            "SELECT line FROM budget_line WHERE table_name = 'units' AND line != 'total'"
        ):
            found[fold_name(line)] = ("units", line)  # a unit's name before an operating row's
        return found

    def forecast_line(self, wanted: str) -> LineKey:
        """A unit by name (any case), or an operating row by id or Swedish name."""
        found = self.forecast_lines().get(fold_name(wanted))
        if found is None:
            raise VplError("error.unknown_unit", unit=clean(wanted))
        return found
