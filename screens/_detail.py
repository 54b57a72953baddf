"""The detail pane: everything the plan says about the item under the cursor.

It only displays what the plan screen hands it (records, metrics, history); it never
asks the store. Its text is one widget, `DetailBody`, that draws the parts it is given
(caption, title, status badges, facts, text, metrics, history) one under the other: one
widget rather than one per part, because each widget costs the app's start its styling
and layout, and moving the cursor costs one repaint either way. The colours come from
the body's component classes (theme variables in the screen's .tcss), looked up as it is
drawn, so a theme change recolours the badges. Every string from the plan goes through
`plain()`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style as RichStyle
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Offset
from textual.selection import Selection
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.visual import RenderOptions, Visual, visualize
from textual.widget import Widget

from vpl_tui.numbers import format_amount
from vpl_tui.records import (
    ActivityRecord,
    FocusRecord,
    GoalRecord,
    HistoryRecord,
    InitiativeRecord,
    MetricRecord,
    PlanRecord,
    Progress,
)
from vpl_tui.screens.safe import plain
from vpl_tui.statuses import STATUSES
from vpl_tui.strings import Strings

if TYPE_CHECKING:
    from textual.css.styles import RulesMap

HISTORY_SHOWN = 20
"""The newest status changes shown for an activity (a long history stays quick to show)."""
SPACED = ("title", "badges", "facts", "text", "metrics")
"""The parts followed by an empty line."""
OVERDUE_GAP = 2
"""Cells between the status badge and the overdue mark."""
Part = Text | Table | Group
"""What a part of the pane may be: built from plain text, never a markup string."""


@dataclass(frozen=True)
class _Block:
    """One part of the pane: a visual drawn in its own style, the width of the pane."""

    visual: Visual
    style: VisualStyle
    spaced: bool
    """Followed by an empty line."""
    beside: tuple[tuple[Visual, VisualStyle], ...] = ()
    """Drawn to the right of `visual`, each at its own width: the block is then one line."""


class _Column(Visual):
    """Blocks one under the other, drawn as a column of `Static` widgets would draw them.

    Text parts stay Textual `Content` (wrapped as `Static` wraps them), tables stay Rich
    renderables; each is drawn in the style its component class gives it. Text can be
    selected with the mouse as in a `Static`: each text block's offsets are moved to its
    place in `text()`, the column's text as one.
    """

    def __init__(self, blocks: list[_Block], base: VisualStyle) -> None:
        self.blocks = blocks
        self.base = base

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return max(
            (block.visual.get_optimal_width(rules, container_width) for block in self.blocks),
            default=0,
        )

    def get_height(self, rules: RulesMap, width: int) -> int:
        return sum(
            (1 if block.beside else block.visual.get_height(rules, width)) + block.spaced
            for block in self.blocks
        )

    def text(self) -> str:
        """The text that can be selected, one line of it per line of a block's text.

        Tables (facts, metrics) are drawn by Rich and cannot be selected, as in a `Static`.
        """
        lines: list[str] = []
        for block in self.blocks:
            lines += self._text_lines(block)
            if block.spaced:
                lines.append("")
        return "\n".join(lines)

    @staticmethod
    def _text_lines(block: _Block) -> list[str]:
        if block.beside:
            gap = " " * OVERDUE_GAP
            return [gap.join(str(visual) for visual, _ in ((block.visual, None), *block.beside))]
        if isinstance(block.visual, Content):
            return block.visual.plain.split("\n")
        return []

    def render_strips(
        self, width: int, height: int | None, style: VisualStyle, options: RenderOptions
    ) -> list[Strip]:
        blank = self.base.rich_style
        strips: list[Strip] = []
        y = 0  # where the block's text starts in `text()`
        for block in self.blocks:
            if block.beside:
                strips.append(self._line(block, width, y, options))
            elif self._text_lines(block):
                part = _moved(options, 0, y)
                drawn = block.visual.render_strips(width, None, block.style, part)
                strips += [_offset(strip, 0, y) for strip in drawn] if y else drawn
            else:  # a table: no text to select; a drag from it starts at the text below
                drawn = block.visual.render_strips(width, None, block.style, options)
                strips += [_anchored(strip, y) for strip in drawn]
            y += len(self._text_lines(block))
            if block.spaced:  # the empty line between parts, in `text()` too
                strips.append(_anchored(Strip.blank(width, blank), y))
                y += 1
        return strips[:height] if height is not None else strips

    def _line(self, block: _Block, width: int, y: int, options: RenderOptions) -> Strip:
        """The block and what is beside it, side by side on one line (the badges)."""
        pieces: list[Strip] = []
        x = 0
        for index, (visual, style) in enumerate(((block.visual, block.style), *block.beside)):
            if index:
                pieces.append(Strip.blank(OVERDUE_GAP, self.base.rich_style))
                x += OVERDUE_GAP
            own = visual.get_optimal_width(options.rules, width)
            drawn = visual.render_strips(own, 1, style, _moved(options, x, y))[:1]
            pieces += [_offset(strip, x, y) for strip in drawn]
            x += len(str(visual))
        return Strip.join(pieces).crop(0, width)


def _moved(options: RenderOptions, x: int, y: int) -> RenderOptions:
    """`options` with the selection seen from a block whose text starts at (x, y)."""
    selection = options.selection
    if selection is None or (x, y) == (0, 0):
        return options
    start, end = selection
    return replace(
        options,
        selection=Selection(
            None if start is None else Offset(start.x - (x if start.y == y else 0), start.y - y),
            None if end is None else Offset(end.x - (x if end.y == y else 0), end.y - y),
        ),
    )


def _offset(strip: Strip, x: int, y: int) -> Strip:
    """`strip` with the text offsets of its segments moved by (x, y), for selection."""
    segments = []
    for segment in strip:
        text, style, control = segment
        meta = style.meta if style is not None else None
        if meta and "offset" in meta:
            at_x, at_y = meta["offset"]
            style = style + RichStyle.from_meta({**meta, "offset": (at_x + x, at_y + y)})
        segments.append(Segment(text, style, control))
    return Strip(segments, strip.cell_length)


def _anchored(strip: Strip, y: int) -> Strip:
    """`strip`, which draws no text of `text()`, as the start of its line `y` for selection.

    Without an offset a row is outside the text, and a drag that starts or ends on it
    would select to the top or the end of the whole pane.
    """
    at_line = RichStyle.from_meta({"offset": (0, y)})
    return Strip(
        [
            Segment(text, at_line if style is None else style + at_line, control)
            for text, style, control in strip
        ],
        strip.cell_length,
    )


class DetailBody(Widget):
    """The detail pane's text: the parts it is given, one under the other."""

    DEFAULT_CSS = """
    DetailBody {
        height: auto;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "detail-body--caption",
        "detail-body--title",
        "detail-body--overdue",
        *(f"detail-body--status-{status}" for status in STATUSES),
    }
    """
    | Class | Description |
    | :- | :- |
    | `detail-body--caption` | The line above the title: what kind of item it is. |
    | `detail-body--title` | The title of the item. |
    | `detail-body--status-<code>` | An activity's status badge, one class per status. |
    | `detail-body--overdue` | The overdue mark beside the badge. |
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.parts: dict[str, Part] = {}
        """What is shown, by part: caption, title, facts, text, metrics, history."""
        self.status: tuple[str, str, str | None] | None = None
        """The badge: status code, its label, and the overdue mark or None."""

    def show(self, parts: dict[str, Part | None]) -> None:
        """Replace the parts named in `parts` (None hides one) and draw again.

        Raises:
            TypeError: A part is not a `Text`, `Table` or `Group`: a plain `str` would be
                read as Rich markup, and text from a plan file must never be (`plain`).
        """
        for name, content in parts.items():
            if content is None:
                self.parts.pop(name, None)
            elif isinstance(content, Part):
                self.parts[name] = content
            else:
                raise TypeError(
                    f"detail part {name!r} must be Text, Table or Group, not {content!r}"
                )
        self.refresh(layout=True)

    def render(self) -> Visual:
        # Styles are looked up here, as the body is drawn, so that a theme change shows.
        blocks: list[_Block] = []
        for name in ("caption", "title", "badges", "facts", "text", "metrics", "history"):
            if name == "badges":
                if self.status is not None:
                    blocks.append(self._badges(*self.status))
                continue
            content = self.parts.get(name)
            if content is None:
                continue
            component = {"caption": "detail-body--caption", "title": "detail-body--title"}
            style = (
                self.get_visual_style(component[name]) if name in component else self.visual_style
            )
            blocks.append(_Block(visualize(self, content), style, name in SPACED))
        return _Column(blocks, self.visual_style)

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        visual = self._render()
        if not isinstance(visual, _Column):
            return None
        text = visual.text()
        lines = text.splitlines()
        if not lines:
            return None
        # A table or the empty line after the last text points below it: its end.
        end = Offset(len(lines[-1]), len(lines) - 1)

        def within(offset: Offset | None) -> Offset | None:
            return offset if offset is None or offset.y < len(lines) else end

        return Selection(within(selection.start), within(selection.end)).extract(text), "\n"

    def _badges(self, code: str, label: str, overdue: str | None) -> _Block:
        badge = visualize(self, Text(f" {label} "))
        beside = ()
        if overdue is not None:
            beside = (
                (visualize(self, Text(overdue)), self.get_visual_style("detail-body--overdue")),
            )
        return _Block(badge, self.get_visual_style(f"detail-body--status-{code}"), True, beside)


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

    def show_goal(self, goal: GoalRecord, metrics: list[MetricRecord]) -> None:
        s = self.strings
        facts = [
            (s("app.field.kind"), Text(s(f"goal_kind.{goal.kind}"))),
            (s("app.field.progress"), self._progress(goal.progress)),
        ]
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
        self, initiative: InitiativeRecord, goal_title: str, metrics: list[MetricRecord]
    ) -> None:
        s = self.strings
        facts = [
            (s("app.field.goal"), plain(f"{initiative.goal_number} {goal_title}")),
            (s("app.field.progress"), self._progress(initiative.progress)),
        ]
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

    def show_metric(self, metric: MetricRecord, owner: str) -> None:
        s = self.strings
        facts = [(s("app.field.owner"), plain(owner)), *self._metric_facts(metric)]
        self._show(caption=s("app.kind.metric"), title=plain(metric.name), facts=facts)

    def show_activity(
        self,
        activity: ActivityRecord,
        owner: str,
        history: list[HistoryRecord],
        today: date,
    ) -> None:
        s = self.strings
        kind = s(f"kind.{activity.kind}")
        facts = [
            (s("app.field.start"), Text(activity.start.isoformat())),
            (s("app.field.end"), Text(activity.end.isoformat())),
            (s("app.field.owner"), plain(owner)),
        ]
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
        table.add_column(style="dim", no_wrap=True)
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
            change = Text(f"  {s.status(row.from_status)} → {s.status(row.to_status)}")
            if row.undo_of is not None:
                change.append(f" ({s('app.history.undo')})", style="italic")
            lines.append(change)
            if row.note:
                lines.append(Text.assemble("  ", plain(row.note, "italic", multiline=True)))
        if len(history) > HISTORY_SHOWN:
            older = s("app.history.more", count=len(history) - HISTORY_SHOWN, ref=ref)
            lines.append(plain(older, "italic"))
        return Text("\n").join(lines)
