"""The detail pane's text: one widget that draws the parts it is given, one under the other.

One widget rather than one per part (caption, title, status badges, facts, text,
metrics, history), because each widget costs the app's start its styling and layout,
and moving the cursor costs one repaint either way. The colours come from the body's
component classes (theme variables in the screen's .tcss), looked up as it is drawn, so
a theme change recolours the badges. Text can be selected with the mouse as in a
`Static`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, ClassVar

from rich.console import Group
from rich.segment import Segment
from rich.style import Style as RichStyle
from rich.table import Table
from rich.text import Text
from textual.content import Content
from textual.geometry import Offset
from textual.selection import Selection
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.visual import RenderOptions, Visual, visualize
from textual.widget import Widget

from vpl_tui.rules.statuses import STATUSES

if TYPE_CHECKING:
    from textual.css.styles import RulesMap

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
        visual = self.render()
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
