"""Figures shown the Swedish way: `279 191` tkr, `4,5` mkr, negatives with a minus sign.

Plain functions without locale state, so the same figure prints the same on every machine.
"""

from __future__ import annotations

import re
from decimal import Decimal

MINUS = "\u2212"
"""The typographic minus sign used for negative figures."""
THOUSANDS = " "
"""Thousands separator. A plain space, so that copied figures paste as typed in Sweden."""


def format_amount(value: int | float | Decimal | None, decimals: int | None = None) -> str:
    """Format a figure: `279191` → `279 191`, `Decimal("4.5")` → `4,5`, `-1534` → `−1 534`.

    Args:
        value: The figure; None is an empty cell and gives "".
        decimals: Fixed number of decimals; by default whole numbers show none and other
            values show as many as they have (trailing zeros dropped).
    """
    if value is None:
        return ""
    number = Decimal(str(value)) if not isinstance(value, Decimal) else value
    if decimals is None:
        number = number.normalize() if number != number.to_integral_value() else number.quantize(1)
        text = f"{abs(number):f}"
    else:
        text = f"{abs(number):.{decimals}f}"
    whole, _, fraction = text.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    result = THOUSANDS.join(groups) + (f",{fraction}" if fraction else "")
    return (MINUS + result) if number < 0 else result


def format_published(value: int | Decimal | None, decimals: int = 0) -> str:
    """A figure as its table was published: with the table's decimals (`175,9`, `176,0`
    in a one-decimal mnkr table), or as it is in a table of whole figures (`279 191`)."""
    return format_amount(value, decimals or None)


MAX_AMOUNT_TEXT = 40
"""The longest figure text read: a 15-digit figure with spaces, sign and decimals fits."""
_AMOUNT = re.compile(r"[+-]?(?:\d{1,3}(?: \d{3})+|\d+)(?:[.,]\d+)?")
"""A figure as typed: digits, optionally grouped by threes with spaces, one decimal mark.
No exponent: `1e999999999` would make Decimal build a number with a billion digits."""


def parse_amount(text: str) -> Decimal:
    """Read a figure typed the Swedish or the English way: `279 191`, `4,5`, `-3 000`, `4.5`.

    The text is checked for length and form before it is converted, so no input can make
    the conversion slow: an exponent (`1e9`), `NaN`, `Infinity` and stray characters are
    refused. The minus may be the typographic one (`−3 000`); spaces may be plain,
    non-breaking or narrow.

    Raises:
        ValueError: when the text is not a number in that form.
    """
    if len(text) > MAX_AMOUNT_TEXT:
        raise ValueError(f"{text[:MAX_AMOUNT_TEXT]!r}… is too long for a figure")
    cleaned = " ".join(
        text.strip().replace(MINUS, "-").replace("\u00a0", " ").replace("\u202f", " ").split()
    )
    cleaned = cleaned.replace("- ", "-").replace("+ ", "+")
    if not _AMOUNT.fullmatch(cleaned):
        raise ValueError(f"{text!r} is not a number")
    return Decimal(cleaned.replace(" ", "").replace(",", "."))
