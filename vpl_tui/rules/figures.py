"""What a valid budget figure is, per table: the one home of the rule.

The budget screen checks a typed figure with `figure_problem` before it saves, and the
store checks every figure it is asked to save with the same function, so a figure the
screen would refuse cannot reach the database another way (e.g. `Store.set_figure`
called by a script). A plan file holds the same values (`vpl_tui.model.Mkr`), so every
figure saved can be exported and loaded again.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

Unit = Literal["tkr", "mkr", "mnkr"]
"""tkr (thousand kronor) and mnkr (million kronor, as a board prints "175,9 mnkr") are the
units a published table declares; mkr is the earmarked pot's, stated as decisions."""
TableUnit = Literal["tkr", "mnkr"]
"""What a published budget table may declare (`unit = "mnkr"` in the plan file)."""
TABLE_UNITS: tuple[TableUnit, ...] = ("tkr", "mnkr")
MAX_DECIMALS = 3
"""The most decimals a table may declare: three decimals of mnkr are whole tkr."""

MKR_TABLES: frozenset[str] = frozenset({"pot", "earmarks"})
"""Tables in mkr (1 mkr = 1 000 tkr); every other budget table is in whole tkr."""
TKR_DIGITS = 15
"""Whole tkr up to 15 digits: far past any municipality, and exact in SQLite's integers."""
TKR_BOUND = Decimal(10) ** TKR_DIGITS
"""Every whole tkr figure below this in size has at most `TKR_DIGITS` digits."""
MKR_DIGITS = 12
"""Digits in all an mkr figure may have, as the plan file's `Mkr` type allows."""
MKR_DECIMALS = 3
"""Decimals an mkr figure may have: three are whole tkr, the precision of every table."""


def rounding_step(unit: Unit, decimals: int = 0) -> Decimal:
    """What each printed figure of a table is rounded to, for telling rounding from errors.

    A published table (tkr or mnkr) prints its figures to its declared decimals, each
    rounded to the nearest step: whole tkr, or 0,1 mnkr for a table with one decimal. The
    mkr figures (the pot, the earmarks) are decisions stated exactly, not rounded amounts:
    their step is 0, so none of their differences is rounding.
    """
    if unit == "mkr":
        return Decimal(0)
    return Decimal(1).scaleb(-decimals)


ROUNDING_UNIT: dict[Unit, Decimal] = {
    "tkr": rounding_step("tkr"),
    "mnkr": rounding_step("mnkr"),
    "mkr": rounding_step("mkr"),
}
"""The step of a table with no decimals declared, by unit (`rounding_step`)."""


READ_ONLY_KINDS: frozenset[str] = frozenset({"actual"})
"""Column kinds whose figures are never edited: an actual (Bokslut) is the closed books."""


def editable_column(kind: str | None) -> bool:
    """Whether a figure in a column of `kind` may be edited (None: a table without columns)."""
    return kind not in READ_ONLY_KINDS


def unit_of(table: str) -> Unit:
    """The unit of the figures of `table`."""
    return "mkr" if table in MKR_TABLES else "tkr"


def figure_problem(unit: Unit, value: Decimal, decimals: int = 0) -> str | None:
    """Why `value` cannot be a figure in a table in `unit` (a catalog key), or None.

    tkr and mnkr: at most `decimals` decimals (the table's declared ones; whole tkr by
    default) and `TKR_DIGITS` digits before them. mkr: not negative, at most
    `MKR_DECIMALS` decimals and `MKR_DIGITS` digits in all.
    """
    if not value.is_finite():
        return "figure.not_number"
    if (
        unit != "mkr"
        and not decimals
        and TKR_BOUND > value > -TKR_BOUND
        and value == value.to_integral_value()
    ):
        return None  # the common case, decided cheaply (the bounds first: no huge exponent)
    # Only arithmetic that stays cheap for any exponent: `1E+999999999` is finite, and
    # int() of it would build a billion digits.
    _, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)  # finite, so not 'n', 'N' or 'F'
    whole_digits = max(value.adjusted() + 1, 0) if any(digits) else 0
    trailing_zeros = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    places = max(-(exponent + trailing_zeros), 0) if any(digits) else 0
    if unit != "mkr":
        # Whole digits and declared decimals together at most 15: the store's NUMERIC
        # column gives such a figure back exactly.
        if whole_digits > TKR_DIGITS - decimals:
            return "figure.too_large"
        if places > decimals:
            return (
                "figure.whole_tkr" if unit == "tkr" and not decimals else "figure.too_many_decimals"
            )
        return None
    if value < 0 and any(digits):
        return "figure.negative_mkr"
    if whole_digits > MKR_DIGITS - MKR_DECIMALS:
        return "figure.too_large"
    if places > MKR_DECIMALS:
        return "figure.too_precise"
    return None


YEARS_OF_BREAKDOWN: dict[str, tuple[str, ...]] = {
    "units": ("units", "operating"),
    "investments": ("investments",),
}
"""The tables with a breakdown, and the tables whose columns give each its years: the units'
years are the operating budget's too (the budget screen shows them side by side). A cell of
one of these tables that the published plan left empty (a unit without a figure for a
year) may be filled; its figure then has no published value. Other tables have no empty
cells to fill: the operating budget's rows are its own, the pot has one year."""


def can_fill(table: str) -> bool:
    """Whether an empty cell of `table` may be filled (a table with a breakdown)."""
    return table in YEARS_OF_BREAKDOWN
