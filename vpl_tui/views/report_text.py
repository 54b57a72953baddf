"""The board report as plain text, for the app's preview (key `p`).

The preview shows the same `Document` the four formats are made from (`vpl_tui.report`),
so it has the same sections in the same order: the title block, the summary, each goal
and initiative with its assessment, metrics and activities, the economy. Every string of
the document is plain text already (`document.plain`); the preview shows it in a widget
that parses no markup, so plan text such as `[bold]` reads as typed.
"""

from __future__ import annotations

import re
import textwrap

from vpl_tui.report.document import (
    NBSP,
    BadgeLine,
    BulletList,
    Cell,
    Document,
    Heading,
    Paragraph,
    Table,
    plain,
)

MAX_COLUMN = 48
"""A table column is at most this wide in the preview; a longer cell ends in `…` there
(the saved file has it whole)."""
_UNDERLINE = {1: "═", 2: "─"}


def default_name(plan_title: str, period_id: str, suffix: str) -> str:
    """`Verksamhetsplan 2023` and `t1` → `verksamhetsplan-2023-t1.pdf`: a name any disk takes."""
    stem = re.sub(r"[^0-9a-zåäö]+", "-", plan_title.casefold()).strip("-")[:60] or "plan"
    return f"{stem}-{period_id.casefold()}{suffix}"


def report_text(document: Document, width: int = 100) -> str:
    """The whole report as lines of at most `width` characters (tables may be wider)."""
    width = max(width, 40)
    lines = [plain(document.title)]
    if document.subtitle:
        lines.append(plain(document.subtitle))
    lines.append("═" * min(width, max(len(line) for line in lines)))
    lines += [f"{plain(fact.label)}: {plain(fact.value)}" for fact in document.facts]
    for block in document.blocks:
        lines += _block(block, width)
    return "\n".join(lines).replace(NBSP, " ") + "\n"


def _block(block: object, width: int) -> list[str]:
    if isinstance(block, Heading):
        text = plain(block.text)
        under = _UNDERLINE.get(block.level)
        return ["", text, under * min(len(text), width)] if under else ["", f"▸ {text}"]
    if isinstance(block, Paragraph):
        text = plain(block.text)
        if block.lead:
            text = f"{plain(block.lead)}: {text}"
        return textwrap.wrap(text, width) or [""]
    if isinstance(block, BulletList):
        return [
            line
            for item in block.items
            for line in textwrap.wrap(
                plain(item), width, initial_indent="• ", subsequent_indent="  "
            )
        ]
    if isinstance(block, BadgeLine):
        badge = block.badge
        return [f"{plain(block.label)}: {plain(badge.symbol)} {plain(badge.word)}"]
    if isinstance(block, Table):
        return _table(block)
    return [""]  # a page break


def _cell(cell: Cell) -> str:
    text = plain(cell.text)
    return f"{plain(cell.symbol)} {text}" if cell.symbol else text


def _table(table: Table) -> list[str]:
    header = [plain(column.title) for column in table.columns]
    rows = [[_cell(cell) for cell in row] for row in table.rows]
    widths = [
        min(MAX_COLUMN, max(len(text) for text in column))
        for column in zip(header, *rows, strict=True)
    ]

    def line(texts: list[str]) -> str:
        shown = []
        for text, size, column in zip(texts, widths, table.columns, strict=True):
            cut = text if len(text) <= size else text[: size - 1] + "…"
            shown.append(cut.rjust(size) if column.align == "right" else cut.ljust(size))
        return "  ".join(shown).rstrip()

    lines = [""]
    if table.caption:
        lines.append(plain(table.caption))
    lines += [line(header), "  ".join("─" * size for size in widths)]
    lines += [line(row) for row in rows]
    return lines
