"""The report as a document model: headings, paragraphs, lists, tables and badges.

`build_report` makes a `Document`; each renderer (Markdown, HTML, DOCX, PDF) walks the same
blocks, so the formats cannot disagree on what the report says. Every string in the model is
plain text — data, never markup: a renderer escapes all of it for its format, through
`plain()` first, so a title such as `<script>`, `**fet**` or `{PAGE}` prints as written.

Colours are names (`green`) or `#rrggbb`; `colour_hex` turns either into a hex colour and
anything else into grey, so a plan file's colour can never carry CSS or markup along.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from vpl_tui.safetext import one_line

Align = Literal["left", "right", "center"]
Emphasis = Literal["", "italic", "bold", "small"]


@dataclass(frozen=True, slots=True)
class Fact:
    """One line of the title block: a label and its value (`Period`: `Tertial 1 …`)."""

    label: str
    value: str


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading; level 1 is a main section, 2 a goal, 3 an initiative."""

    level: int
    text: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph, optionally with a bold lead-in (`Analys`) and an emphasis."""

    text: str
    emphasis: Emphasis = ""
    lead: str = ""


@dataclass(frozen=True, slots=True)
class BulletList:
    items: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Badge:
    """An assessment or status that reads without colour: a symbol, a word and a colour."""

    symbol: str
    word: str
    colour: str


@dataclass(frozen=True, slots=True)
class BadgeLine:
    """A label and a badge on one line: `Bedömning: ● Bedöms uppfyllas`."""

    label: str
    badge: Badge


@dataclass(frozen=True, slots=True)
class Column:
    """A table column: its title, its alignment, its share of the width, whether it wraps."""

    title: str
    align: Align = "left"
    weight: float = 1.0
    nowrap: bool = False


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell: text, optionally with a status symbol and colour before it."""

    text: str
    symbol: str = ""
    colour: str = ""


@dataclass(frozen=True, slots=True)
class Table:
    """A table with a header row; every row has one cell per column."""

    columns: tuple[Column, ...]
    rows: Sequence[tuple[Cell, ...]]
    """A tuple of rows, or an activities table's `rows.ActivityRows`, which makes a row's
    cells as it is read."""
    caption: str = ""


@dataclass(frozen=True, slots=True)
class PageBreak:
    """A new page in the formats that have pages (DOCX, PDF, HTML when printed)."""


NBSP = "\u00a0"
"""Between a symbol and its word, so that a badge never breaks across lines."""

Block = Heading | Paragraph | BulletList | BadgeLine | Table | PageBreak


@dataclass(frozen=True, slots=True)
class Document:
    """A whole report: the title block, then the blocks in reading order."""

    lang: str
    title: str
    subtitle: str = ""
    facts: tuple[Fact, ...] = ()
    blocks: tuple[Block, ...] = field(default_factory=tuple)
    contents: bool = True
    """Whether the formats with pages show a table of contents after the title block."""

    def headings(self, deepest: int = 3) -> list[Heading]:
        """The headings down to level `deepest`, in order (for a table of contents)."""
        return [b for b in self.blocks if isinstance(b, Heading) and b.level <= deepest]


# -- text safety shared by the renderers ----------------------------------------------------------

# XML 1.0 allows tab, line feed, carriage return and U+0020–U+D7FF, U+E000–U+FFFD and the
# planes above. `one_line` has made the C0 controls visible already; what remains to catch are
# the noncharacters U+FFFE and U+FFFF, which lxml (DOCX) and PDF text would refuse or mangle.
_NOT_XML = "[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
"""Compiled when first needed (`re` caches it): its ranges take a while to compile, and
most reports, whose text is printable, never need it."""


def folded(text: str) -> bool:
    """Whether `plain` leaves `text` as it is: printable, its white space folded already
    (the test `safetext.one_line` makes first)."""
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


def plain(text: str) -> str:
    """Plan text as one line of safe characters: controls and bidi overrides as visible escapes
    (`\\x1b`, `\\u202e`), white space folded, nothing XML cannot hold. Not yet escaped for any
    format: each renderer does that next."""
    folded = one_line(text)
    # Every character `_NOT_XML` matches is unprintable: printable text (nearly all of a
    # plan's) has nothing to replace, and a C-speed check spares the substitution.
    if folded.isprintable():
        return folded
    return re.sub(_NOT_XML, lambda m: f"\\u{ord(m.group()):04x}", folded)


_PALETTE: dict[str, str] = {
    "green": "#1a7f37",
    "yellow": "#b58900",
    "orange": "#c25e00",
    "red": "#c62828",
    "blue": "#1f5fa8",
    "grey": "#6b6b6b",
    "gray": "#6b6b6b",
    "black": "#000000",
}
"""Print-friendly shades: the yellow is dark enough to read on white paper."""
_HEX = re.compile(r"#[0-9a-fA-F]{6}")
GREY = _PALETTE["grey"]


def colour_hex(colour: str) -> str:
    """A colour name of the palette or `#rrggbb` as `#rrggbb`; anything else is grey."""
    named = _PALETTE.get(colour.strip().casefold())
    if named is not None:
        return named
    return colour.lower() if _HEX.fullmatch(colour) else GREY
