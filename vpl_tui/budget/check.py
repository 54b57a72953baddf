"""One budget check: what it compares, its figures, its status, and how it reads.

The checks themselves are made in `vpl_tui.budget.sums` (tables that add up) and
`vpl_tui.budget.pot` (the earmarked pot); `vpl_tui.budget.reconcile` runs them all.
A check's description is a catalog key with values, so the CLI and the screen show it
in the user's language (`Check.describe(strings)`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from vpl_tui.numbers import format_published
from vpl_tui.rules.checks import CheckStatus
from vpl_tui.rules.economy import difference_kind
from vpl_tui.rules.figures import Unit, rounding_step
from vpl_tui.strings import Strings

Group = Literal["operating", "units", "pot", "investments", "columns", "drift"]
"""Which part of the budget a check belongs to (a section of the budget screen)."""

EARMARKS_TABLE = "earmarks"
"""A read-only pseudo-table for addresses: stated earmarks live on goals and initiatives,
not in a budget table, but the screen shows them in a table of their own."""


@dataclass(frozen=True, slots=True, order=True)
class FigureAddress:
    """Where a figure is: the store's (table, line, year), or an `earmarks` row."""

    table: str
    line: str
    year: int

    def __str__(self) -> str:
        return f"{self.table}/{self.line}/{self.year}"


@dataclass(frozen=True, slots=True)
class Label:
    """A catalog key standing in for text, resolved in the user's language when described."""

    key: str


Text = str | Label
"""Plan text (shown as written) or a catalog label."""


@dataclass(frozen=True, slots=True)
class Term:
    """One figure a check adds up: where it is, what it is called, its value and its sign."""

    address: FigureAddress
    label: Text
    value: Decimal
    sign: int = 1


@dataclass(frozen=True)
class Check:
    """One reconciliation: a published figure against the figure computed from its parts.

    Attributes:
        id: Stable and readable, e.g. `operating.result.2021`, `pot.total`, `earmark.smart`.
        group: The part of the budget it belongs to.
        key: Catalog key of the description; `values` fill it in.
        year: The year compared, or None (the column check).
        unit: `tkr`, `mnkr` or `mkr`, or None when no amounts are compared.
        published: The figure the plan states (None when it states none).
        computed: The figure computed from `terms` (None when there is nothing to add up).
        difference: published − computed (a missing published figure counts as 0), or None.
        status: pass, fail, unchecked, or rounding (a difference the published figures'
            own rounding explains: each of the n printed figures, the published one and
            its terms, off by at most half a unit, `vpl_tui.rules.economy`).
        target: The cell of the published figure, where the screen jumps to.
        terms: The figures added up for `computed`, with their signs.
        notes: Extra (key, values) phrases for the description, e.g. which column differs.
        published_label: What the published figure is called, for the explanation.
        decimals: The decimals the compared table was published with (175,9 mnkr: 1);
            its figures are shown with them, and its rounding is n × half the last one.
    """

    id: str
    group: Group
    key: str
    values: Mapping[str, object]
    year: int | None
    unit: Unit | None
    published: Decimal | None
    computed: Decimal | None
    difference: Decimal | None
    status: CheckStatus
    target: FigureAddress | None
    terms: tuple[Term, ...] = ()
    notes: tuple[tuple[str, Mapping[str, object]], ...] = ()
    published_label: Text = ""
    decimals: int = 0

    def amount(self, value: Decimal | None) -> str:
        """A figure of the check as its table prints it: `175,9`, `279 191`."""
        return format_published(value, self.decimals)

    @property
    def addresses(self) -> tuple[FigureAddress, ...]:
        """Every figure the check compares: the published one first, then the parts."""
        head = (self.target,) if self.target is not None else ()
        return head + tuple(term.address for term in self.terms if term.address != self.target)

    def describe(self, strings: Strings) -> str:
        """What the check compares, in the language of `strings` (plan text left as written)."""
        text = strings(self.key, **_resolve(self.values, strings))
        if self.notes:
            text += ": " + "; ".join(
                strings(key, **_resolve(values, strings)) for key, values in self.notes
            )
        return text

    def explain(self, strings: Strings) -> list[str]:
        """The check spelled out, line by line: the parts, the sum, the published figure."""
        unit = f" {self.unit}" if self.unit else ""
        lines = [self.describe(strings)]
        for term in self.terms:
            sign = "−" if term.sign < 0 else "+"
            lines.append(
                f"  {sign} {self.amount(term.value)}{unit}  {label_text(term.label, strings)}"
            )
        if self.computed is not None:
            amount = self.amount(self.computed) + unit
            lines.append(strings("budget.explain.computed", value=amount))
        if self.unit is not None:
            published = self.amount(self.published) + unit if self.published is not None else "—"
            name = label_text(self.published_label, strings)
            lines.append(strings("budget.explain.published", value=published, name=name))
        if self.difference is not None:
            amount = signed_amount(self.difference, self.decimals) + unit
            lines.append(strings("budget.explain.difference", value=amount))
        lines.append(strings(f"budget.explain.{self.status}"))
        return lines


def label_text(label: Text, strings: Strings) -> str:
    """A label in the user's language, or plan text as written."""
    return strings(label.key) if isinstance(label, Label) else label


def signed_amount(value: Decimal | None, decimals: int = 0) -> str:
    """A difference with its sign: `+1`, `−1 000`, `0`, `+0,1`; "" for None."""
    if value is None:
        return ""
    text = format_published(value, decimals)
    return f"+{text}" if value > 0 else text


def _resolve(values: Mapping[str, object], strings: Strings) -> dict[str, object]:
    """A description's values with every catalog label in the language of `strings`."""
    return {
        name: strings(value.key) if isinstance(value, Label) else value
        for name, value in values.items()
    }


def years_of(*tables: Mapping[str, object]) -> list[int]:
    """Every year any of the tables (keyed by year, "2023") has, in order, as numbers."""
    return sorted({int(year) for table in tables for year in table})


def compare(
    *,
    id: str,
    group: Group,
    key: str,
    values: Mapping[str, object],
    year: int | None,
    unit: Unit,
    published: Decimal | None,
    published_label: Text,
    target: FigureAddress | None,
    terms: Sequence[Term],
    has_parts: bool = True,
    missing_published_fails: bool = False,
    decimals: int = 0,
) -> Check:
    """Build a check from a published figure and the terms that should add up to it.

    Args:
        has_parts: False when the plan lacks the breakdown: the check is unchecked.
        decimals: The table's published decimals: its rounding step (`rounding_step`).
        missing_published_fails: For earmarks: stating nothing while being funded is a
            finding (the difference counts the missing figure as 0); elsewhere a missing
            published figure makes the check unchecked.
    """
    computed = sum((term.value * term.sign for term in terms), Decimal(0)) if has_parts else None
    status: CheckStatus
    difference: Decimal | None = None
    if computed is None or (published is None and not missing_published_fails):
        status = "unchecked"
    else:
        difference = (published if published is not None else Decimal(0)) - computed
        status = _status(difference, published, len(terms) + 1, rounding_step(unit, decimals))
    return Check(
        id=id,
        group=group,
        key=key,
        values=values,
        year=year,
        unit=unit,
        published=published,
        computed=computed,
        difference=difference,
        status=status,
        target=target,
        terms=tuple(terms),
        published_label=published_label,
        decimals=decimals,
    )


def _status(
    difference: Decimal, published: Decimal | None, figures: int, rounding_unit: Decimal
) -> CheckStatus:
    """pass, rounding or fail: a stated figure off by no more than `figures` printed
    figures' rounding is rounding; a missing one (counted as 0) is never explained so."""
    if published is None:
        return "fail"
    if difference == 0:
        return "pass"
    if rounding_unit and difference_kind(difference, figures, rounding_unit) == "rounding":
        return "rounding"
    return "fail"


def dec(value: int | Decimal | None) -> Decimal | None:
    """A figure as a Decimal (tkr tables hold ints), or None for a blank cell."""
    return None if value is None else Decimal(value)
