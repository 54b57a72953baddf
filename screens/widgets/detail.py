"""The detail pane: everything the plan says about the item under the cursor.

It only displays what the plan screen hands it (records, metrics, history); it never
asks the store. Its text is one `DetailBody` (see `detail_body`). Every string from the
plan goes through `plain()`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll

from vpl_tui.numbers import format_amount
from vpl_tui.records import (
    ActivityRecord,
    FocusRecord,
    GoalRecord,
    HistoryRecord,
    InitiativeRecord,
    MetricRecord,
    PlanChangeRecord,
    PlanRecord,
)
from vpl_tui.rules.outcomes import MetricLine
from vpl_tui.rules.progress import Progress
from vpl_tui.safetext import clean
from vpl_tui.screens.safe import plain
from vpl_tui.screens.widgets.detail_body import DetailBody
from vpl_tui.screens.widgets.plan_changes import activity_facts, plan_change_lines
from vpl_tui.strings import Strings
from vpl_tui.views.budget_hits import BudgetLineItem

HISTORY_SHOWN = 20
"""The newest status changes shown for an activity (a long history stays quick to show)."""


class DetailPane(VerticalScroll):
    """Shows one item of the plan in full: text, dates, status, resources, metrics, history.

    Tab moves the focus here from the tree, and the arrow and page keys scroll it.
    """

    def __init__(self, strings: Strings, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.strings = strings

    def compose(self) -> ComposeResult:
        yield DetailBody(id="detail-body")

    @property
    def body(self) -> DetailBody:
        return self.query_one("#detail-body", DetailBody)

    # -- what the screen calls ------------------------------------------------------------

    def show_mandate(self, mandate: dict[str, str], plan: PlanRecord) -> None:
        """The mandate's texts (by part, in plan order) under the plan's name."""
        s = self.strings
        parts = []
        for part, body in mandate.items():
            if body:
                parts.append(
                    Text.assemble(
                        (s(f"app.mandate.{part}"), "bold"), "\n", plain(body, multiline=True)
                    )
                )
        self._show(
            caption=f"{plan.organisation} · {plan.title} · {plan.period}",
            title=Text(s("app.mandate")),
            text=Text("\n\n").join(parts),
        )

    def show_focus(self, focus: FocusRecord, progress: Progress) -> None:
        s = self.strings
        lines = [plain(focus.intro, multiline=True)] if focus.intro else []
        lines += [Text.assemble("• ", plain(item)) for item in focus.items]
        self._show(
            caption=s("app.kind.focus"),
            title=plain(focus.title),
            facts=[
                (s("app.field.goals"), plain(", ".join(focus.goals))),
                (s("app.field.progress"), self._progress(progress)),
            ],
            text=Text("\n").join(lines),
        )

    def show_goal(
        self, goal: GoalRecord, metrics: list[MetricRecord], responsible: str = ""
    ) -> None:
        s = self.strings
        facts = [
            (s("app.field.kind"), Text(s(f"goal_kind.{goal.kind}"))),
            (s("app.field.progress"), self._progress(goal.progress)),
        ]
        if responsible:
            facts.append((s("field.responsible"), plain(responsible)))
        facts += self._earmarked(goal.earmarked_mkr)
        if goal.council_goal:
            facts.append((s("app.field.council_goal"), plain(goal.council_goal)))
        texts = [plain(goal.description, multiline=True)] if goal.description else []
        if goal.resources:
            texts.append(self._section(s("app.field.resources"), goal.resources))
        self._show(
            caption=f"{s('app.kind.goal')} {goal.number}",
            title=plain(goal.title),
            facts=facts,
            text=Text("\n\n").join(texts),
            metrics=metrics,
        )

    def show_initiative(
        self,
        initiative: InitiativeRecord,
        goal_title: str,
        metrics: list[MetricRecord],
        responsible: str = "",
    ) -> None:
        s = self.strings
        facts = [
            (s("app.field.goal"), plain(f"{initiative.goal_number} {goal_title}")),
            (s("app.field.progress"), self._progress(initiative.progress)),
        ]
        if responsible:
            facts.append((s("field.responsible"), plain(responsible)))
        facts += self._earmarked(initiative.earmarked_mkr)
        if initiative.council_goal:
            facts.append((s("app.field.council_goal"), plain(initiative.council_goal)))
        if initiative.metrics_note:
            facts.append((s("app.field.metrics_note"), plain(initiative.metrics_note)))
        texts = []
        if initiative.purpose:
            texts.append(self._section(s("app.field.purpose"), initiative.purpose))
        if initiative.resources:
            texts.append(self._section(s("app.field.resources"), initiative.resources))
        if initiative.comment:
            texts.append(self._section(s("app.field.comment"), initiative.comment))
        self._show(
            caption=s("app.kind.initiative"),
            title=plain(initiative.title),
            facts=facts,
            text=Text("\n\n").join(texts),
            metrics=metrics,
        )

    def show_metric(
        self, metric: MetricRecord, owner: str, judged: tuple[str, MetricLine] | None = None
    ) -> None:
        """A metric; with `judged` (the period's name and its line), its outcome, the one
        before, the period's target and the judgement, and the key that records one."""
        s = self.strings
        facts = [(s("app.field.owner"), plain(owner)), *self._metric_facts(metric)]
        text = None
        if judged is not None:
            from vpl_tui.screens.widgets.metric_facts import judged_facts
            from vpl_tui.summary.metrics import from_kolada

            facts += judged_facts(judged[1], judged[0], s)
            text = Text(s("app.outcome.key_hint", period=clean(judged[0])), style="italic")
            if from_kolada(judged[1]):  # as Kolada's terms ask, wherever its figure is shown
                text = Text("\n").join([Text(s("metrics.source_kolada")), text])
        self._show(caption=s("app.kind.metric"), title=plain(metric.name), facts=facts, text=text)

    def show_activity(
        self,
        activity: ActivityRecord,
        owner: str,
        history: list[HistoryRecord],
        today: date,
        plan_changes: Sequence[PlanChangeRecord] = (),
    ) -> None:
        s = self.strings
        kind = s(f"kind.{activity.kind}")
        facts = [
            (s("app.field.start"), Text(activity.start.isoformat())),
            (s("app.field.end"), Text(activity.end.isoformat())),
            (s("app.field.owner"), plain(owner)),
            *activity_facts(s, activity),  # widgets/plan_changes.py: responsible, carried from
        ]
        self._plan_changes = list(plan_changes)
        self._show(
            caption=f"{kind} · {activity.ref}",
            title=plain(activity.title),
            facts=facts,
            status=activity.status,
            overdue=activity.is_overdue(today),
        )
        self.body.show({"history": self._history_table(activity.ref, history)})

    def update_activity(
        self, activity: ActivityRecord, history: list[HistoryRecord], today: date
    ) -> None:
        """After a status change of the activity shown: only its status and history change."""
        self._status(activity.status, activity.is_overdue(today))
        self.body.show({"history": self._history_table(activity.ref, history)})

    def show_budget_line(self, item: BudgetLineItem) -> None:
        """A budget line a search found: its figures by year; `b` opens the budget."""
        s = self.strings
        line = item.line
        facts = [(s("report_app.budget.table"), plain(item.table_name))]
        facts += [
            (str(year), Text(f"{format_amount(value)} {line.unit}")) for year, value in line.figures
        ]
        said = [line.description] if line.description and line.description != item.label else []
        said.append(s("report_app.budget.open"))
        self._show(
            caption=s("report_app.budget.caption"),
            title=plain(item.label),
            facts=facts,
            text=plain("\n".join(said), multiline=True),
        )

    _plan_changes: list[PlanChangeRecord] = []  # noqa: RUF012 - replaced, never changed
    """The plan changes of the activity shown, listed after its status history."""

    def show_plan_changes(self, changes: Sequence[PlanChangeRecord]) -> None:
        """A goal's or initiative's plan changes, under what `show_goal` or `show_initiative`
        showed (nothing when it has none)."""
        lines = plan_change_lines(self.strings, changes, HISTORY_SHOWN)
        if lines:
            self.body.show({"history": Text("\n").join(lines[1:])})

    def show_nothing(self, message: str = "") -> None:
        self._show(caption="", title=Text(message))

    # -- building blocks --------------------------------------------------------------------

    def _show(
        self,
        *,
        caption: str,
        title: Text,
        facts: Iterable[tuple[str, Text]] = (),
        text: Text | None = None,
        metrics: list[MetricRecord] | None = None,
        status: str | None = None,
        overdue: bool = False,
    ) -> None:
        fact_list = list(facts)
        self._status(status, overdue)
        self.body.show(
            {
                "caption": plain(caption) if caption else None,
                "title": title,
                "facts": self._facts(fact_list) if fact_list else None,
                "text": text if text is not None and text.plain else None,
                "metrics": self._metrics_table(metrics) if metrics else None,
                "history": None,
            }
        )
        self.scroll_home(animate=False)

    def _status(self, status: str | None, overdue: bool) -> None:
        body = self.body
        if status is None:
            body.status = None
        else:
            overdue_mark = f"! {self.strings('app.overdue')}" if overdue else None
            body.status = (status, self.strings.status(status), overdue_mark)
        body.refresh(layout=True)

    def _facts(self, facts: list[tuple[str, Text]]) -> Table:
        table = Table.grid(padding=(0, 2))
        # Italic, not dim: dim text falls below 4.5:1 in most themes.
        table.add_column(style="italic", no_wrap=True)
        table.add_column()
        for name, value in facts:
            table.add_row(Text(name), value)
        return table

    def _section(self, heading: str, body: str) -> Text:
        return Text.assemble((heading, "bold"), "\n", plain(body, multiline=True))

    def _progress(self, progress: Progress) -> Text:
        s = self.strings
        text = Text(s("summary.of", done=progress.done, total=progress.total))
        if progress.overdue:
            text.append("  ")
            text.append(f"! {s('app.overdue_count', count=progress.overdue)}", style="bold")
        return text

    def _earmarked(self, earmarked: Decimal | None) -> list[tuple[str, Text]]:
        if earmarked is None:
            return []
        amount = self.strings("app.mkr", amount=format_amount(earmarked))
        return [(self.strings("app.field.earmarked"), Text(amount))]

    def _metric_facts(self, metric: MetricRecord) -> list[tuple[str, Text]]:
        s = self.strings
        facts = []
        if metric.latest:
            latest = plain(metric.latest)
            if metric.latest_year:
                latest.append(f" ({metric.latest_year})")
            facts.append((s("summary.latest"), latest))
        for year, target in metric.targets.items():
            facts.append((s("summary.target", year=year), plain(target)))
        return facts

    def _metrics_table(self, metrics: list[MetricRecord]) -> Group:
        """Each metric with its latest outcome and its target per year, as a list.

        A list rather than a table: the pane is narrow and metric names are long.
        """
        parts: list[RenderableType] = [Text(self.strings("summary.metrics"), style="bold")]
        for metric in metrics:
            parts.append(Text.assemble("• ", plain(metric.name)))
            facts = self._metric_facts(metric)
            if facts:
                parts.append(Padding(self._facts(facts), (0, 0, 0, 2)))
        return Group(*parts)

    def _history_table(self, ref: str, history: list[HistoryRecord]) -> Text:
        """The status history, newest first (the change one looks for is usually the latest).

        One entry per few lines rather than a table: the pane is narrow and notes are long.
        The newest `HISTORY_SHOWN` entries are shown; `vpl history REF` prints them all.
        """
        s = self.strings
        lines = [Text(s("app.history"), style="bold")]
        if not history:
            lines.append(Text(s("app.history.none"), style="italic"))
        for row in reversed(history[-HISTORY_SHOWN:]):
            lines.append(
                Text.assemble(
                    (row.at.astimezone().strftime("%Y-%m-%d %H:%M"), "bold"),
                    "  ",
                    plain(row.user),
                )
            )
            if row.from_status == row.to_status:  # a note on its own: the status stayed
                change = Text(f"  {s('app.history.note_only', label=s.status(row.to_status))}")
            else:
                change = Text(f"  {s.status(row.from_status)} → {s.status(row.to_status)}")
            if row.undo_of is not None:
                change.append(f" ({s('app.history.undo')})", style="italic")
            lines.append(change)
            if row.note:
                lines.append(Text.assemble("  ", plain(row.note, "italic", multiline=True)))
        if len(history) > HISTORY_SHOWN:
            older = s("app.history.more", count=len(history) - HISTORY_SHOWN, ref=ref)
            lines.append(plain(older, "italic"))
        lines += plan_change_lines(s, self._plan_changes, HISTORY_SHOWN)
        return Text("\n").join(lines)
