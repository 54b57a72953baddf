"""The report as Markdown for a wiki page: GitHub-flavoured, with tables.

Every text is escaped so that it stays text in any common Markdown: the characters that
start markup are backslash-escaped, and what a wiki would turn into a link or a mention is
broken with a character reference that renders as the same character — `@` as `&#64;`
(e-mail autolinks, @mentions), `:` before a letter, a digit or `/` as `&#58;` (`http://`,
emoji codes), the dot of `www.` and of `example.com` as `&#46;`. The page reads the same; only its
source shows the references. Line breaks inside a text become spaces, so no text can end a
table row or start a list.
"""

from __future__ import annotations

import re

from vpl_tui.report.document import (
    NBSP,
    BadgeLine,
    BulletList,
    Cell,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Table,
    plain,
)

_ESCAPES = str.maketrans({c: "\\" + c for c in "\\`*_{}[]#|<>~&$"} | {"@": "&#64;"})
"""Backslash-escaped anywhere: emphasis, code, links, images and footnotes (all start with
`[`), headings, tables, raw HTML and entities, strikethrough, maths. `(`, `!` and `^` mean
something only beside a `[` or `]`, which are escaped. `@` becomes `&#64;`."""
_MARKUP = re.compile("[" + re.escape("\\`*_{}[]#|<>~&$@") + "]")
"""Any character `_ESCAPES` changes: most texts have none, and a search is quicker than a
translation that changes nothing."""
_COLON = re.compile(r":(?=[\w/])")
_DOT = re.compile(r"(?i)(?<=www)\.|(?<=[^\W\d_])\.(?=[^\W\d_])")
_ORDERED_START = re.compile(r"^(\d+)([.)])")


_CHANGED = re.compile(r"[\\`*_{}\[\]#|<>~&$@:.]|  |^[ \-+=\d]| $")
"""What any step below could change in printable text: an escaped character, a colon or a
dot, white space to fold, a first character that could start a list."""


def md(text: str) -> str:
    """Plan text as literal Markdown on one line (see the module's docstring)."""
    # Most titles need nothing: two C-speed checks say so (`plain` and every step below
    # leave printable text without `_CHANGED` as it is).
    if text.isprintable() and _CHANGED.search(text) is None:
        return text
    escaped = plain(text)
    if _MARKUP.search(escaped) is not None:
        escaped = escaped.translate(_ESCAPES)
    # The regular expressions run only where they can match: most cells are refs, dates and
    # figures, and a large plan's report has a hundred thousand of them.
    if ":" in escaped:
        escaped = _COLON.sub("&#58;", escaped)
    if "." in escaped:
        escaped = _DOT.sub("&#46;", escaped)
    first = escaped[:1]
    # Any text may begin a line (a list item, a paragraph): one that starts like a bullet, a
    # setext underline or an ordered item would become one.
    if first in ("-", "+", "="):
        escaped = "\\" + escaped
    elif first.isdigit():
        # A match and a slice: `sub` with a template costs twenty times as much, and every
        # ref and date starts with a digit.
        ordered = _ORDERED_START.match(escaped)
        if ordered is not None:
            cut = ordered.end(1)
            escaped = f"{escaped[:cut]}\\{escaped[cut:]}"
    return escaped


def _cell(cell: Cell) -> str:
    text = md(cell.text)
    if cell.symbol:
        text = f"{md(cell.symbol)}{NBSP}{text}".strip()
    return text or " "


_ALIGN = {"left": "---", "right": "--:", "center": ":-:"}


def _table(table: Table, done: dict[int, str]) -> list[str]:
    """The table's lines. `done` holds the Markdown of the cells met before, by identity:
    a report shares its repeating cells (statuses, dates) between rows and tables."""
    lines = [f"**{md(table.caption)}**", ""] if table.caption else []
    lines.append("| " + " | ".join([md(c.title) for c in table.columns]) + " |")
    lines.append("|" + "|".join([_ALIGN[c.align] for c in table.columns]) + "|")
    get = done.get

    def first_time(cell: Cell) -> str:
        text = done[id(cell)] = _cell(cell)
        return text

    # A cell's Markdown is never "" (an empty cell is " "), so `or` finds the new ones.
    lines += [
        "| " + " | ".join([get(id(cell)) or first_time(cell) for cell in row]) + " |"
        for row in table.rows
    ]
    return [*lines, ""]


def _paragraph(block: Paragraph) -> str:
    text = md(block.text)
    if text and block.emphasis == "bold":
        text = f"**{text}**"
    elif text and block.emphasis in ("italic", "small"):
        text = f"*{text}*"
    if block.lead:
        text = f"**{md(block.lead)}:** {text}".rstrip()
    return text


def render_markdown(document: Document) -> str:
    """The whole report as one Markdown text."""
    lines = [f"# {md(document.title)}", ""]
    if document.subtitle:
        lines += [f"**{md(document.subtitle)}**", ""]
    lines += [f"- **{md(fact.label)}:** {md(fact.value)}" for fact in document.facts]
    lines.append("")
    done: dict[int, str] = {}  # by id(): the document holds every cell while this runs
    for block in document.blocks:
        if isinstance(block, Heading):
            lines += [f"{'#' * min(block.level + 1, 6)} {md(block.text)}", ""]
        elif isinstance(block, Paragraph):
            lines += [_paragraph(block), ""]
        elif isinstance(block, BulletList):
            lines += [f"- {md(item)}" for item in block.items] + [""]
        elif isinstance(block, BadgeLine):
            badge = block.badge
            sign = f"{md(badge.symbol)}{NBSP}" if badge.symbol else ""
            lines += [f"**{md(block.label)}:** {sign}{md(badge.word)}", ""]
        elif isinstance(block, Table):
            lines += _table(block, done)
        elif isinstance(block, PageBreak):
            lines += ["---", ""]
    return "\n".join(lines).rstrip("\n") + "\n"
