"""Budget checks of the earmarked pot: its total, the strategic initiatives' share, and
every goal's or initiative's stated earmark against the allocations that fund it.

See `vpl_tui.budget` for the rules (a shared allocation counts once, in full; stating
nothing while funded fails).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from vpl_tui.budget.check import (
    EARMARKS_TABLE,
    Check,
    FigureAddress,
    Label,
    Term,
    compare,
)
from vpl_tui.records import Earmark

if TYPE_CHECKING:
    from vpl_tui.model import Budget
    from vpl_tui.records import BudgetFigures

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
        compare(
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
                compare(
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
            compare(
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
