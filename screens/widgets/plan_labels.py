"""The tree's labels of the lines that are not goals or initiatives: an activity, a metric,
a budget line a search found. Plan text goes through `plain()`: it is never markup."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from rich.style import Style
from rich.text import Text

from vpl_tui.screens.safe import plain
from vpl_tui.strings import Strings
from vpl_tui.views.budget_hits import BudgetLineItem
from vpl_tui.views.plan_items import ActivityItem, MetricItem

StyleOf = Callable[[str], Style]
"""The tree's component style by name, resolved against its background."""


def activity_label(
    item: ActivityItem, s: Strings, style: StyleOf, badge_width: int, today: date
) -> Text:
    """Status badge, overdue mark, title, and who is responsible (cut first when narrow)."""
    record = item.record
    badge = Text(
        f" {s.status(record.status):<{badge_width}} ",
        style=style(f"plan-tree--status-{record.status}"),
    )
    overdue = record.is_overdue(today)
    mark = Text("! ", style=style("plan-tree--overdue")) if overdue else Text("  ")
    label = Text.assemble(badge, " ", mark, plain(record.title))
    if record.responsible:
        label.append_text(plain(f"  · {record.responsible}", style("plan-tree--count")))
    return label


def metric_label(item: MetricItem, style: StyleOf) -> Text:
    """The metric's name and its published latest outcome."""
    metric = item.metric
    text = Text.assemble("◇ ", plain(metric.name), style=style("plan-tree--metric"))
    if metric.latest:
        text.append_text(Text("  "))
        text.append_text(plain(metric.latest, style("plan-tree--count")))
    return text


def budget_hit_label(item: BudgetLineItem, style: StyleOf) -> Text:
    """A budget line a search found (`views/budget_hits.py`), as `▤ Table: line`."""
    return Text.assemble(
        "▤ ", plain(f"{item.table_name}: {item.label}"), style=style("plan-tree--metric")
    )
