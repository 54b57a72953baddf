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
from collections.abc import Callable, Iterable, Sequence
from itertools import chain, islice
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from vpl_tui.report.document import (
    NBSP,
    BadgeLine,
    Block,
    BulletList,
    Cell,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Table,
    folded,
    plain,
)
from vpl_tui.report.rows import ActivityRows, TextRows

if TYPE_CHECKING:
    from vpl_tui.report.sections import ActivityCells

_ESCAPES = str.maketrans({c: "\\" + c for c in "\\`*_{}[]#|<>~&$"} | {"@": "&#64;"})
"""Backslash-escaped anywhere: emphasis, code, links, images and footnotes (all start with
`[`), headings, tables, raw HTML and entities, strikethrough, maths. `(`, `!` and `^` mean
something only beside a `[` or `]`, which are escaped. `@` becomes `&#64;`."""
_MARKUP_CHARACTERS = "\\`*_{}[]#|<>~&$@"
_MARKUP = re.compile("[" + re.escape(_MARKUP_CHARACTERS) + "]")
"""Any character `_ESCAPES` changes: most texts have none, and a search is quicker than a
translation that changes nothing."""
_ESCAPED = {c: c.translate(_ESCAPES) for c in _MARKUP_CHARACTERS}


def _escape(found: re.Match[str]) -> str:
    return _ESCAPED[found.group()]


_COLON = re.compile(r":(?=[\w/])")
_DOT = re.compile(r"(?i)\.(?:(?<=www\.)|(?<=[^\W\d_]\.)(?=[^\W\d_]))")
"""The dot of `www.` and between two letters. The dot first, the look-behinds after it: a
pattern that starts with a character is searched for at C speed, one that starts with a
look-behind is tried at every position of a text."""
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


_SIGN_LINE = re.compile(r"\n(?=[-+=])")
_ORDERED_LINE = re.compile(r"\n\d++(?=[.)])")
"""A line that starts like a bullet, a setext underline or an ordered item, in the texts
`md_each` joins (after a line feed: a pattern that starts with one is searched for fast;
the digits taken whole, not given back one by one to a date's `-`)."""
_MAY_CHANGE = (":", ".", ")", "\n-", "\n+", "\n=")
"""Besides markup, what `md_each` may change: a colon, a dot (also of an ordered item's
number, as `)`), a line that starts like a bullet or a setext underline."""


def _backslash_after(found: re.Match[str]) -> str:
    """The digits of an ordered item's number, and a backslash before its `.` or `)` (a
    function: a template with a group is read again for every match)."""
    return found.group() + "\\"


def md_each(texts: list[str]) -> list[str]:
    """`md` of each text, escaped together: joined by line feeds, each step of `md` runs
    once over all of them (a region's report has a hundred thousand refs and titles).

    The same as one `md` a text: no text holds a line feed (those are unprintable, and go
    one at a time through `md`), no step's pattern matches across one, and what `md` does
    at a text's start is done after each line feed (one is put before the first text)."""
    if not texts:
        return []
    joined = "\n" + "\n".join(texts)
    all_folded = (
        "".join(texts).isprintable()
        and "  " not in joined
        and " \n" not in joined
        and "\n " not in joined
        and joined[-1:] != " "
    )
    if not all_folded:
        # A control, a line break or white space to fold: those texts (few, if any) go
        # one at a time through `md`, which calls `plain`; the others together.
        odd = {i: md(text) for i, text in enumerate(texts) if not folded(text)}
        escaped = md_each(["" if i in odd else text for i, text in enumerate(texts)])
        for i, text in odd.items():
            escaped[i] = text
        return escaped
    # What could change, looked for a character at a time (each a C-speed scan, quicker
    # than one search for a class of characters): most titles need nothing.
    markup = any(character in joined for character in _MARKUP_CHARACTERS)
    if not markup and not any(sign in joined for sign in _MAY_CHANGE):
        return list(texts)
    if markup:
        # Each character as `_ESCAPES` would translate it: a translation of all the texts
        # would look every character of them up, where this finds the few it changes.
        joined = _MARKUP.sub(_escape, joined)
    if ":" in joined:
        joined = _COLON.sub("&#58;", joined)
    if "." in joined:
        joined = _DOT.sub("&#46;", joined)
    if "\n-" in joined or "\n+" in joined or "\n=" in joined:
        joined = _SIGN_LINE.sub("\n\\\\", joined)
    joined = _ORDERED_LINE.sub(_backslash_after, joined)
    return joined[1:].split("\n")


class _Memo(dict):
    """Each key's Markdown, made the first time the key is met (`make`)."""

    def __init__(self, make: Callable[..., str]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, key: object) -> str:
        text = self[key] = self.make(key)
        return text


class _ActivityCells:
    """The Markdown of the cells an activities table shares with the whole report: each
    status, end date (by the date and whether it was overdue), note and responsible once."""

    def __init__(self, cells: ActivityCells) -> None:
        self.status = _Memo(lambda status: _cell(cells.status(status)))
        self.end = _Memo(lambda end_overdue: _cell(cells.end(*end_overdue)))
        self.text = _Memo(lambda text: _cell(cells.text(text)))


def _activity_rows(rows: ActivityRows, escaped: _Escaped) -> list[str]:
    """An activities table's rows, a column at a time at C speed (`map`), no cell made:
    the refs and titles from `escaped`, the shared cells' Markdown looked up."""
    activities = rows.activities
    memo = escaped.shared.get(id(rows.cells))
    if memo is None:  # one report's tables share one `ActivityCells`, kept by the document
        memo = escaped.shared[id(rows.cells)] = _ActivityCells(rows.cells)
    refs = list(islice(escaped.refs, len(activities)))
    titles = list(islice(escaped.titles, len(activities)))
    columns: list[Iterable[str]] = [
        _filled(refs),
        _filled(titles),
        map(memo.status.__getitem__, map(_STATUS, activities)),
        map(memo.end.__getitem__, zip(map(_END, activities), rows.overdue, strict=True)),
        map(memo.text.__getitem__, map(_NOTE, activities)),
    ]
    if rows.with_responsible:
        columns.append(map(memo.text.__getitem__, map(_RESPONSIBLE, activities)))
    return [_rows(columns)] if activities else []


def _cell(cell: Cell) -> str:
    text = md(cell.text)
    if cell.symbol:
        text = f"{md(cell.symbol)}{NBSP}{text}".strip()
    return text or " "


_REF, _TITLE, _STATUS, _END, _NOTE, _RESPONSIBLE = map(
    attrgetter, ("ref", "title", "status", "end", "note", "responsible")
)


def _rows(columns: list[Iterable[str]]) -> str:
    """A table's rows from its columns' Markdown, as one text (its lines joined at C speed)."""
    return "| " + " |\n| ".join(map(" | ".join, zip(*columns, strict=True))) + " |"


def _filled(column: Sequence[str]) -> Sequence[str]:
    """The column with " " for each empty text (looked for at C speed first): a cell's
    Markdown is never "": an empty cell is " ", as `_cell` writes it."""
    return [text or " " for text in column] if "" in column else column


_ALIGN = {"left": "---", "right": "--:", "center": ":-:"}


class _Escaped:
    """The texts of the blocks escaped ahead, in four runs of `md_each`, each taken in the
    order the blocks are written: the headings' and paragraphs' texts, the activities
    tables' refs and titles, the other tables' cells. And `once`: the Markdown of the
    texts that recur (column titles, captions, symbols, labels)."""

    def __init__(self, blocks: tuple[Block, ...]) -> None:
        texts: list[str] = []
        refs: list[str] = []
        titles: list[str] = []
        cells: list[str] = []
        for block in blocks:
            kind = type(block)
            if kind is Heading or kind is Paragraph:
                texts.append(block.text)
            if kind is not Table:
                continue
            rows = block.rows
            if isinstance(rows, ActivityRows):  # its other cells are shared (`_ActivityCells`)
                refs += map(_REF, rows.activities)
                titles += map(_TITLE, rows.activities)
            elif isinstance(rows, TextRows):
                cells += chain.from_iterable(rows.texts)
            else:
                cells += [cell.text for row in rows for cell in row]
        self.texts = iter(md_each(texts))
        self.refs = iter(md_each(refs))
        self.titles = iter(md_each(titles))
        self.cells = iter(md_each(cells))
        self.once = _Memo(md)
        self.shared: dict[int, _ActivityCells] = {}


def _table(table: Table, escaped: _Escaped) -> list[str]:
    """The table's lines, its cells' texts taken from `escaped`; an activities table's rows
    are written from its activities."""
    once = escaped.once
    lines = [f"**{once[table.caption]}**", ""] if table.caption else []
    lines.append("| " + " | ".join([once[c.title] for c in table.columns]) + " |")
    lines.append("|" + "|".join([_ALIGN[c.align] for c in table.columns]) + "|")
    rows = table.rows
    if isinstance(rows, ActivityRows):
        return [*lines, *_activity_rows(rows, escaped), ""]
    width = len(table.columns)
    texts = islice(escaped.cells, len(rows) * width)
    by_row: Iterable[tuple[str, ...]] = zip(*[texts] * width, strict=True)  # width at a time
    if not isinstance(rows, TextRows):  # cells may carry a symbol before their text
        by_row = [
            tuple(
                f"{once[cell.symbol]}{NBSP}{text}".strip() if cell.symbol else text
                for cell, text in zip(row, row_texts, strict=True)
            )
            for row, row_texts in zip(rows, by_row, strict=True)
        ]
    if rows:
        lines.append(_rows([_filled(column) for column in zip(*by_row, strict=True)]))
    return [*lines, ""]


def _paragraph(block: Paragraph, escaped: _Escaped) -> str:
    text = next(escaped.texts)
    if text and block.emphasis == "bold":
        text = f"**{text}**"
    elif text and block.emphasis in ("italic", "small"):
        text = f"*{text}*"
    if block.lead:
        text = f"**{escaped.once[block.lead]}:** {text}".rstrip()
    return text


def render_markdown(document: Document) -> str:
    """The whole report as one Markdown text."""
    lines = [f"# {md(document.title)}", ""]
    if document.subtitle:
        lines += [f"**{md(document.subtitle)}**", ""]
    lines += [f"- **{md(fact.label)}:** {md(fact.value)}" for fact in document.facts]
    lines.append("")
    escaped = _Escaped(document.blocks)
    writers = _WRITERS  # by the block's type: a region's report has twenty thousand blocks
    for block in document.blocks:
        lines += writers[type(block)](block, escaped)
    while lines and not lines[-1]:  # the text ends with one line feed
        lines.pop()
    lines.append("")
    return "\n".join(lines)


def _heading(block: Heading, escaped: _Escaped) -> list[str]:
    return [f"{'#' * min(block.level + 1, 6)} {next(escaped.texts)}", ""]


def _bullets(block: BulletList, escaped: _Escaped) -> list[str]:
    return [f"- {md(item)}" for item in block.items] + [""]


def _badge_line(block: BadgeLine, escaped: _Escaped) -> list[str]:
    once, badge = escaped.once, block.badge
    sign = f"{once[badge.symbol]}{NBSP}" if badge.symbol else ""
    return [f"**{once[block.label]}:** {sign}{once[badge.word]}", ""]


_WRITERS: dict[type, Callable[[Any, _Escaped], list[str]]] = {
    Heading: _heading,
    Paragraph: lambda block, escaped: [_paragraph(block, escaped), ""],
    BulletList: _bullets,
    BadgeLine: _badge_line,
    Table: _table,
    PageBreak: lambda block, escaped: ["---", ""],
}
