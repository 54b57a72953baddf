"""The budget checks on the bundled Luleå plan: every check as read from the source plan."""

from __future__ import annotations

from decimal import Decimal

import pytest

from vpl_tui.budget import reconcile, tally
from vpl_tui.db.store import Store
from vpl_tui.strings import Strings

BUNDLED = [
    # (id, status, published, computed, difference) as read from the source plan
    # +1 tkr over three printed figures (grant, net costs, result), each rounded to whole
    # tkr: at most 3 × ½ = 1,5 tkr is rounding, so this is "avrundning", not a failure.
    ("operating.result.2021", "rounding", "20283", "20282", "1"),
    ("operating.result.2022", "pass", "14000", "14000", "0"),
    ("operating.result.2023", "pass", "0", "0", "0"),
    ("operating.result.2024", "pass", "0", "0", "0"),
    ("operating.result.2025", "pass", "0", "0", "0"),
    ("units.sum.2021", "pass", "250584", "250584", "0"),
    ("units.sum.2022", "pass", "272398", "272398", "0"),
    ("units.sum.2023", "pass", "279191", "279191", "0"),
    ("units.sum.2024", "unchecked", "281078", None, None),
    ("units.sum.2025", "unchecked", "283797", None, None),
    ("units.net_costs.2021", "pass", "250584", "250584", "0"),
    ("units.net_costs.2022", "pass", "272398", "272398", "0"),
    ("units.net_costs.2023", "pass", "279191", "279191", "0"),
    ("pot.total", "pass", "28", "28", "0"),
    ("pot.initiatives", "pass", "25", "25", "0"),
    ("earmark.1.1.1", "pass", "3", "3", "0"),
    ("earmark.1.1.2", "pass", "3", "3", "0"),
    ("earmark.accelererad", "pass", "5", "5", "0"),
    ("earmark.kompetensattraktion", "pass", "4.5", "4.5", "0"),
    ("earmark.foretagsklimat", "pass", "4.5", "4.5", "0"),
    ("earmark.smart", "pass", "15.5", "15.5", "0"),
    ("investments.sum.2021", "unchecked", "28300", None, None),
    ("investments.sum.2022", "unchecked", "39300", None, None),
    ("investments.sum.2023", "pass", "77200", "77200", "0"),
    ("investments.sum.2024", "pass", "55500", "55500", "0"),
    ("investments.sum.2025", "pass", "55500", "55500", "0"),
    ("investments.net.2023", "pass", "77200", "77200", "0"),
    ("investments.net.2024", "pass", "55500", "55500", "0"),
    ("investments.net.2025", "pass", "55500", "55500", "0"),
    ("columns.units", "pass", None, None, None),
    ("columns.investments", "pass", None, None, None),
]


def test_the_bundled_plan_reconciles_as_read_from_the_source(store: Store) -> None:
    budget = store.budget()
    assert budget is not None
    checks = reconcile(budget, store.earmarks())

    def dec(text: str | None) -> Decimal | None:
        return None if text is None else Decimal(text)

    assert [(c.id, c.status, c.published, c.computed, c.difference) for c in checks] == [
        (i, s, dec(p), dec(c), dec(d)) for i, s, p, c, d in BUNDLED
    ]
    counts = tally(checks)
    assert (counts.total, counts.passed, counts.failed, counts.unchecked) == (31, 26, 0, 4)
    assert counts.rounding == 1


def test_the_bundled_plans_goals_without_earmarks_have_no_earmark_check(store: Store) -> None:
    budget = store.budget()
    assert budget is not None
    ids = {c.id for c in reconcile(budget, store.earmarks())}
    # 1.1.3, 1.1.5, Klimat and Trygg i Luleå are financed "inom ram": nothing to reconcile.
    for target in ("1.1.3", "1.1.4", "1.1.5", "klimat", "trygg"):
        assert f"earmark.{target}" not in ids


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_bundled_check_describes_itself(store: Store, lang: str) -> None:
    budget = store.budget()
    assert budget is not None
    for check in reconcile(budget, store.earmarks()):
        assert check.describe(Strings(lang))  # every key and value is in the catalog
        assert check.explain(Strings(lang))
