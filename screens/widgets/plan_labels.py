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


JUDGEMENT_TONES: dict[str, str] = {
    "met": "good",
    "improving": "good",
    "unchanged": "mixed",
    "worsening": "bad",
    "not_met": "bad",
    "not_judgeable": "none",
    "no_outcome": "none",
}
"""A judgement's colour on the tree's line (`plan-tree--judgement-<tone>`); the word and
the trend arrow say the same without colour."""


def metric_label(item: MetricItem, s: Strings, style: StyleOf) -> Text:
    """The metric's judgement for the app's period (word, trend arrow, colour), its name,
    the outcome it was judged on and the period's target; before its line is read, the
    published latest outcome."""
    metric, line = item.metric, item.line
    if line is None:
        text = Text.assemble("◇ ", plain(metric.name), style=style("plan-tree--metric"))
        if metric.latest:
            text.append_text(Text("  "))
            text.append_text(plain(metric.latest, style("plan-tree--count")))
        return text
    from vpl_tui.summary.metrics import from_kolada, judgement_words, shown

    judged = line.judged
    tone = JUDGEMENT_TONES.get(judged.judgement, "none")
    badge = Text(
        f" {judgement_words(judged.judgement, s)} ", style=style(f"plan-tree--judgement-{tone}")
    )
    text = Text.assemble("◇ ", badge, " ", plain(metric.name, style("plan-tree--metric")))
    facts = []
    if judged.outcome is not None:
        facts.append(f"{s('metrics.outcome')} {shown(judged.outcome, str)}")
    facts.append(f"{s('metrics.target')} {judged.target}" if judged.target else "")
    if from_kolada(line):
        facts.append(s("metrics.source_kolada"))
    rest = " · ".join(fact for fact in facts if fact)
    if rest:
        text.append_text(plain(f"  {rest}", style("plan-tree--count")))
    return text


def budget_hit_label(item: BudgetLineItem, style: StyleOf) -> Text:
    """A budget line a search found (`views/budget_hits.py`), as `▤ Table: line`."""
    return Text.assemble(
        "▤ ", plain(f"{item.table_name}: {item.label}"), style=style("plan-tree--metric")
    )
