"""Budget reconciliation: do the plan's published figures hold together, and where not, by how much?

`reconcile(budget, earmarks)` returns a list of `Check`s. Each check names what it compares,
the year where one applies, the published figure, the computed one, their difference
(published − computed), the unit and a status:

- `pass`: the published figure equals the computed one;
- `fail`: it does not; the difference says by how much;
- `unchecked`: the plan lacks what the check needs for that year (no breakdown, a blank
  total), so it cannot be checked. That is reported, never guessed.

The checks, in the order they are returned:

1. `operating.result.<year>`: grant − net costs = the published result.
2. `units.sum.<year>`: the units' net costs add up to the unit table's Summa row (or, for a
   year without a Summa figure, to the operating net costs); `unchecked` for a year of the
   operating table without a breakdown (a plan with no unit table at all gets no unit
   checks). `units.net_costs.<year>`: the Summa row equals the operating net costs, for each
   year both are published.
3. `pot.total`: the allocations add up to the earmarked pot. `pot.initiatives`: the earmark
   stated by the goal(s) that own strategic initiatives (goal 1.1.4, "25 mkr") equals the
   allocations that fund such a goal or any of its initiatives. `earmark.<target>`: every
   other goal and every initiative: its stated earmark equals the allocations that fund it.
   A shared allocation counts once, in full (4,5 mkr funds two initiatives, each stating
   "del av 4,5 mkr"; the initiatives' share counts it once). A target that states no
   earmark but is funded fails (stated nothing, got money); one that states an earmark no
   allocation covers fails too; one with neither has no check ("inom ram").
4. `investments.sum.<year>`: the lines add up to the Summa row (or the net investments for
   a year without Summa); `unchecked` for a year without a breakdown.
   `investments.net.<year>`: the Summa row equals the net investments.
5. `columns.units`, `columns.investments`: the table covers only years of the operating
   table, each with the same kind (actual, forecast, budget), and has no figure outside
   its columns.

A blank cell in a table with a breakdown for that year counts as 0 (the plan prints nothing
where a line has no amount). Figures are `Decimal`: tkr tables hold whole numbers, the pot
and earmarks hold mkr (1 mkr = 1 000 tkr); the pot checks compare mkr with mkr.

This module is pure: no Textual, no SQL. Descriptions are catalog keys with values, so the
CLI and the screen show them in the user's language (`Check.describe(strings)`).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

# The check statuses' rules live in vpl_tui.checks; re-exported here for the callers of the checks.
from vpl_tui.checks import (  # noqa: F401
    CHECK_STATUSES,
    CheckStatus,
    Tally,
    any_failed,
    failures_first,
    tally,
)
from vpl_tui.figures import Unit
from vpl_tui.numbers import format_amount
from vpl_tui.records import BudgetFigures, Earmark
from vpl_tui.safetext import clean, escape_serialised, one_line
from vpl_tui.strings import Strings

if TYPE_CHECKING:  # the checks read a model or plain records alike: no pydantic needed
    from vpl_tui.model import Budget, ColumnKind

Group = Literal["operating", "units", "pot", "investments", "columns"]
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
        unit: `tkr` or `mkr`, or None when no amounts are compared.
        published: The figure the plan states (None when it states none).
        computed: The figure computed from `terms` (None when there is nothing to add up).
        difference: published − computed (a missing published figure counts as 0), or None.
        status: pass, fail or unchecked.
        target: The cell of the published figure, where the screen jumps to.
        terms: The figures added up for `computed`, with their signs.
        notes: Extra (key, values) phrases for the description, e.g. which column differs.
        published_label: What the published figure is called, for the explanation.
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
                f"  {sign} {format_amount(term.value)}{unit}  {label_text(term.label, strings)}"
            )
        if self.computed is not None:
            amount = format_amount(self.computed) + unit
            lines.append(strings("budget.explain.computed", value=amount))
        if self.unit is not None:
            published = format_amount(self.published) + unit if self.published is not None else "—"
            name = label_text(self.published_label, strings)
            lines.append(strings("budget.explain.published", value=published, name=name))
        if self.difference is not None:
            amount = signed_amount(self.difference) + unit
            lines.append(strings("budget.explain.difference", value=amount))
        lines.append(strings(f"budget.explain.{self.status}"))
        return lines


def label_text(label: Text, strings: Strings) -> str:
    """A label in the user's language, or plan text as written."""
    return strings(label.key) if isinstance(label, Label) else label


def signed_amount(value: Decimal | None) -> str:
    """A difference with its sign: `+1`, `−1 000`, `0`; "" for None."""
    if value is None:
        return ""
    text = format_amount(value)
    return f"+{text}" if value > 0 else text


def _resolve(values: Mapping[str, object], strings: Strings) -> dict[str, object]:
    return {
        name: strings(value.key) if isinstance(value, Label) else value
        for name, value in values.items()
    }


def _years(*tables: Mapping[str, object]) -> list[int]:
    return sorted({int(year) for table in tables for year in table})


def _compare(
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
) -> Check:
    """Build a check from a published figure and the terms that should add up to it.

    Args:
        has_parts: False when the plan lacks the breakdown: the check is unchecked.
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
        status = "pass" if difference == 0 and published is not None else "fail"
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
    )


def _dec(value: int | Decimal | None) -> Decimal | None:
    return None if value is None else Decimal(value)


# -- 1. operating budget ------------------------------------------------------------------------


def operating_checks(budget: Budget | BudgetFigures) -> list[Check]:
    """Grant − net costs = result, for every year of the operating table."""
    op = budget.operating
    checks = []
    for year in _years(op.columns, op.net_costs, op.grant, op.result):
        y = str(year)
        grant, net = op.grant.get(y), op.net_costs.get(y)
        terms = []
        if grant is not None:
            terms.append(
                Term(
                    FigureAddress("operating", "grant", year),
                    Label("budget.line.grant"),
                    _dec(grant),
                )
            )
        if net is not None:
            terms.append(
                Term(
                    FigureAddress("operating", "net_costs", year),
                    Label("budget.line.net_costs"),
                    _dec(net),
                    -1,
                )
            )
        checks.append(
            _compare(
                id=f"operating.result.{year}",
                group="operating",
                key="budget.check.operating_result",
                values={"year": year},
                year=year,
                unit="tkr",
                published=_dec(op.result.get(y)),
                published_label=Label("budget.line.result"),
                target=FigureAddress("operating", "result", year),
                terms=terms,
                has_parts=grant is not None and net is not None,
            )
        )
    return checks


# -- 2. net costs by unit -----------------------------------------------------------------------


def _breakdown_checks(
    *,
    group: Group,
    table: str,
    lines: Iterable[tuple[str, Mapping[str, int]]],
    summa: Mapping[str, int],
    columns: Mapping[str, object],
    parent_table: str,
    parent_line: str,
    parent: Mapping[str, int],
    parent_label: Label,
    parent_years: Iterable[int],
    sum_key: str,
    total_key: str,
    total_id: str,
) -> list[Check]:
    """Lines add up to the Summa row (or the parent figure), and Summa = the parent figure."""
    rows = list(lines)
    years = sorted(
        set(parent_years)
        | {int(y) for y in columns}
        | {int(y) for y in summa}
        | {int(y) for _, amounts in rows for y in amounts}
    )
    sums, totals = [], []
    for year in years:
        y = str(year)
        terms = [
            Term(FigureAddress(table, name, year), name, Decimal(amounts.get(y, 0)))
            for name, amounts in rows
            if y in amounts
        ]
        if y in summa:
            published = _dec(summa[y])
            target = FigureAddress(table, "total", year)
            label: Text = Label("budget.line.total")
        else:
            published = _dec(parent.get(y))
            target = FigureAddress(parent_table, parent_line, year)
            label = parent_label
        sums.append(
            _compare(
                id=f"{group}.sum.{year}",
                group=group,
                key=sum_key,
                values={"year": year},
                year=year,
                unit="tkr",
                published=published,
                published_label=label,
                target=target,
                terms=terms,
                has_parts=bool(terms),
            )
        )
        if y in summa and y in parent:
            totals.append(
                _compare(
                    id=f"{group}.{total_id}.{year}",
                    group=group,
                    key=total_key,
                    values={"year": year},
                    year=year,
                    unit="tkr",
                    published=_dec(parent[y]),
                    published_label=parent_label,
                    target=FigureAddress(parent_table, parent_line, year),
                    terms=[
                        Term(
                            FigureAddress(table, "total", year),
                            Label("budget.line.total"),
                            Decimal(summa[y]),
                        )
                    ],
                )
            )
    return sums + totals


def unit_checks(budget: Budget | BudgetFigures) -> list[Check]:
    """The units add up to the Summa row, and Summa equals the operating net costs."""
    op = budget.operating
    units = budget.units
    if units is None:
        return []  # the plan claims no breakdown at all: nothing to reconcile
    return _breakdown_checks(
        group="units",
        table="units",
        lines=[(u.name, u.net_costs) for u in units.units],
        summa=units.total,
        columns=units.columns,
        parent_table="operating",
        parent_line="net_costs",
        parent=op.net_costs,
        parent_label=Label("budget.line.net_costs"),
        parent_years=_years(op.columns, op.net_costs),
        sum_key="budget.check.units_sum",
        total_key="budget.check.units_net_costs",
        total_id="net_costs",
    )


# -- 3. the earmarked pot -----------------------------------------------------------------------


def _earmark_key(earmark: Earmark) -> str:
    # Goals are named by number (their titles are whole sentences), initiatives by title.
    if earmark.goal_number is None:
        return "budget.check.earmark_goal"
    return "budget.check.earmark_initiative"


def pot_checks(budget: Budget | BudgetFigures, earmarks: Sequence[Earmark]) -> list[Check]:
    """The pot's total, the initiatives' share, and every stated earmark against the allocations."""
    pot = budget.pot
    owners = {e.goal_number for e in earmarks if e.goal_number is not None}
    if pot is None:
        # Earmarks are stated but the plan has no allocation table to check them against.
        return [
            Check(
                id=f"earmark.{e.target}",
                group="pot",
                key=_earmark_key(e),
                values={"target": e.target, "title": e.title},
                year=None,
                unit="mkr",
                published=e.stated_mkr,
                computed=None,
                difference=None,
                status="unchecked",
                target=FigureAddress(EARMARKS_TABLE, e.target, 0),
                published_label=Label("budget.line.stated"),
            )
            for e in earmarks
            if e.stated_mkr is not None
        ]
    year = pot.year

    def term(allocation_id: str, title: str, amount: Decimal) -> Term:
        return Term(FigureAddress("pot", allocation_id, year), title, amount)

    checks = [
        _compare(
            id="pot.total",
            group="pot",
            key="budget.check.pot_total",
            values={"year": year},
            year=year,
            unit="mkr",
            published=pot.total_mkr,
            published_label=Label("budget.line.pot_total"),
            target=FigureAddress("pot", "total", year),
            terms=[term(a.id, a.title, a.amount_mkr) for a in pot.allocations],
            has_parts=bool(pot.allocations),
        )
    ]

    # Which allocations fund each target, by position: a region's plan has thousands of
    # targets to look up.
    funders: dict[str, set[int]] = defaultdict(set)
    for index, allocation in enumerate(pot.allocations):
        for target in allocation.funds:
            funders[target].add(index)

    def funding(targets: set[str]) -> list[Term]:
        # Each allocation at most once, in full, however many of the targets it funds;
        # in the pot's order.
        indexes = sorted(set().union(*(funders.get(target, ()) for target in targets)))
        allocations = pot.allocations
        return [
            term(allocations[i].id, allocations[i].title, allocations[i].amount_mkr)
            for i in indexes
        ]

    owner_goals = [e for e in earmarks if e.goal_number is None and e.target in owners]
    if owner_goals:
        targets = owners | {e.target for e in earmarks if e.goal_number in owners}
        stated = [e.stated_mkr for e in owner_goals if e.stated_mkr is not None]
        terms = funding(targets)
        if stated or terms:
            checks.append(
                _compare(
                    id="pot.initiatives",
                    group="pot",
                    key="budget.check.pot_initiatives",
                    values={"goals": ", ".join(e.target for e in owner_goals), "year": year},
                    year=year,
                    unit="mkr",
                    published=sum(stated, Decimal(0)) if stated else None,
                    published_label=Label("budget.line.stated"),
                    target=FigureAddress(EARMARKS_TABLE, owner_goals[0].target, year),
                    terms=terms,
                    missing_published_fails=True,
                )
            )
    for earmark in earmarks:
        if earmark.goal_number is None and earmark.target in owners:
            continue  # checked above, as the initiatives' share
        terms = funding({earmark.target})
        if earmark.stated_mkr is None and not terms:
            continue  # no earmark stated, none allocated: financed within the frame
        checks.append(
            _compare(
                id=f"earmark.{earmark.target}",
                group="pot",
                key=_earmark_key(earmark),
                values={"target": earmark.target, "title": earmark.title},
                year=year,
                unit="mkr",
                published=earmark.stated_mkr,
                published_label=Label("budget.line.stated"),
                target=FigureAddress(EARMARKS_TABLE, earmark.target, year),
                terms=terms,
                missing_published_fails=True,
            )
        )
    return checks


# -- 4. investments -----------------------------------------------------------------------------


def investment_checks(budget: Budget | BudgetFigures) -> list[Check]:
    """The lines add up to the Summa row, and Summa equals the net investments."""
    inv = budget.investments
    if inv is None:
        return []
    return _breakdown_checks(
        group="investments",
        table="investments",
        lines=[(line.name, line.amounts) for line in inv.lines],
        summa=inv.total,
        columns=inv.columns,
        parent_table="investments",
        parent_line="net_investments",
        parent=inv.net_investments,
        parent_label=Label("budget.line.net_investments"),
        parent_years=_years(inv.net_investments),
        sum_key="budget.check.investments_sum",
        total_key="budget.check.investments_net",
        total_id="net",
    )


# -- 5. columns ---------------------------------------------------------------------------------


def column_checks(budget: Budget | BudgetFigures) -> list[Check]:
    """Each breakdown table covers years of the operating table, with the same column kinds."""
    reference: Mapping[str, ColumnKind] = budget.operating.columns
    tables: list[tuple[str, Mapping[str, ColumnKind], list[Mapping[str, int]]]] = []
    if budget.units is not None:
        units = budget.units
        tables.append(("units", units.columns, [u.net_costs for u in units.units] + [units.total]))
    if budget.investments is not None:
        inv = budget.investments
        tables.append(
            (
                "investments",
                inv.columns,
                [x.amounts for x in inv.lines] + [inv.total, inv.net_investments],
            )
        )
    checks = []
    for table, columns, rows in tables:
        notes: list[tuple[str, Mapping[str, object]]] = []
        for y, kind in columns.items():
            if y not in reference:
                notes.append(("budget.columns.not_in_operating", {"year": y}))
            elif kind != reference[y]:
                notes.append(
                    (
                        "budget.columns.kind_differs",
                        {
                            "year": y,
                            "kind": Label(f"column.{kind}"),
                            "reference": Label(f"column.{reference[y]}"),
                        },
                    )
                )
        stray = sorted({y for row in rows for y in row} - set(columns))
        notes.extend(("budget.columns.no_column", {"year": y}) for y in stray)
        years = sorted(int(y) for y in columns)
        span = f"{years[0]}–{years[-1]}" if len(years) > 1 else "".join(map(str, years))
        checks.append(
            Check(
                id=f"columns.{table}",
                group="columns",
                key="budget.check.columns",
                values={"table": Label(f"budget.table.{table}"), "years": span},
                year=None,
                unit=None,
                published=None,
                computed=None,
                difference=None,
                status="fail" if notes else "pass",
                target=None,
                notes=tuple(notes),
            )
        )
    return checks


# -- all of them --------------------------------------------------------------------------------


def reconcile(budget: Budget | BudgetFigures, earmarks: Sequence[Earmark]) -> list[Check]:
    """Every check of the budget, in the order of the plan: operating, units, pot, investments, columns.

    Args:
        budget: The budget with its current figures: `Store.budget()`, or
            `Store.budget_figures()`, the same figures without pydantic.
        earmarks: What each goal and initiative states as earmarked (`Store.earmarks()`).
    """
    return (
        operating_checks(budget)
        + unit_checks(budget)
        + pot_checks(budget, earmarks)
        + investment_checks(budget)
        + column_checks(budget)
    )


# -- output for `vpl budget` --------------------------------------------------------------------

SIGNS: dict[str, str] = {"pass": "✓", "fail": "✗", "unchecked": "?"}
"""The sign of each status, so the output reads the same without colour."""

_ANSI = {"pass": "32", "fail": "1;31", "unchecked": "33"}


def _json_number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def check_data(check: Check, strings: Strings) -> dict[str, object]:
    """One check as JSON data; the description is in the language of `strings`."""
    return {
        "id": check.id,
        "description": check.describe(strings),
        "year": check.year,
        "unit": check.unit,
        "published": _json_number(check.published),
        "computed": _json_number(check.computed),
        "difference": _json_number(check.difference),
        "status": check.status,
    }


def render_json(checks: Sequence[Check], strings: Strings) -> str:
    """`{"ok": ..., "checks": [...]}` in plan order; `ok` is false when any check fails.

    Plan text stays as written (Swedish letters unescaped); DEL, C1 controls and bidi
    overrides are escaped, since `json.dumps` only escapes C0 controls.
    """
    data = {
        "ok": not any_failed(checks),
        "checks": [check_data(check, strings) for check in checks],
    }
    text = json.dumps(data, indent=2, ensure_ascii=False)
    return escape_serialised(text) + "\n"


def render_text(checks: Sequence[Check], strings: Strings, *, color: bool = False) -> str:
    """A table, failures first: status, id, published, computed, difference, unit, check."""
    counts = tally(checks)
    lines = [
        strings(
            "budget.heading",
            checks=counts.total,
            passed=counts.passed,
            failed=counts.failed,
            unchecked=counts.unchecked,
        ),
        "",
    ]
    header = [
        strings("budget.col.status"),
        strings("budget.col.id"),
        strings("budget.col.published"),
        strings("budget.col.computed"),
        strings("budget.col.difference"),
        strings("budget.col.unit"),
        strings("budget.col.check"),
    ]
    rows = [
        [
            f"{SIGNS[check.status]} {strings(f'budget.status.{check.status}')}",
            clean(check.id),
            format_amount(check.published),
            format_amount(check.computed),
            signed_amount(check.difference),
            check.unit or "",
            one_line(check.describe(strings)),
        ]
        for check in failures_first(checks)
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header) - 1)]
    right = {2, 3, 4}  # figures line up on their last digit

    def layout(cells: list[str]) -> str:
        parts = [
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(cells[:-1])
        ]
        return ("  ".join(parts) + "  " + cells[-1]).rstrip()

    lines.append(layout(header))
    for check, row in zip(failures_first(checks), rows, strict=True):
        text = layout(row)
        if color:
            text = f"\x1b[{_ANSI[check.status]}m{text}\x1b[0m"
        lines.append(text)
    return "\n".join(lines) + "\n"
