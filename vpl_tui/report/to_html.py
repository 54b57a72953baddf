"""The report as one self-contained HTML page, styled for A4 print.

Everything is in the one file: the style sheet inline, no script, no font or image to fetch.
Every text goes through `plain()` and `html.escape`, so plan text is text; colours come only
from `colour_hex` (a palette name or `#rrggbb`), and every coloured status carries its symbol
and its word as well, so the page reads in black and white. Status columns never wrap.
"""

from __future__ import annotations

import html

from vpl_tui.report.document import (
    Badge,
    BadgeLine,
    BulletList,
    Cell,
    Column,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Table,
    colour_hex,
    plain,
)
from vpl_tui.report.words import word


def h(text: str) -> str:
    """Plan text as HTML text (quotes escaped too, so it is safe in an attribute)."""
    return html.escape(plain(text), quote=True)


def _css_string(text: str) -> str:
    """A fixed word as a CSS string: only letters, digits and spaces survive."""
    return '"' + "".join(c for c in text if c.isalnum() or c == " ") + '"'


_STYLE = """
@page { size: A4; margin: 20mm 18mm 22mm 18mm;
  @bottom-center { content: PAGE_WORD " " counter(page); font-size: 9pt; color: #555; } }
html { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; font-size: 10pt; color: #111; }
body { margin: 2em auto; max-width: 180mm; line-height: 1.4; }
h1 { font-size: 20pt; margin: 0 0 .2em; }
h2 { font-size: 15pt; margin: 1.6em 0 .4em; border-bottom: 1px solid #999; }
h3 { font-size: 12.5pt; margin: 1.3em 0 .3em; }
h4 { font-size: 11pt; margin: 1.1em 0 .3em; }
p { margin: .35em 0; }
.subtitle { font-size: 13pt; margin: 0 0 1em; }
table { border-collapse: collapse; width: 100%; margin: .3em 0 .8em; }
th, td { border: 1px solid #bbb; padding: 2pt 4pt; font-size: 9pt; vertical-align: top; text-align: left; }
th { background: #e8e8e8; }
table.facts th { width: 28%; }
caption { caption-side: top; text-align: left; font-weight: bold; padding: .3em 0; }
.r { text-align: right; }
.c { text-align: center; }
.nowrap { white-space: nowrap; }
.sign { font-weight: bold; }
.small { font-size: 8.5pt; color: #444; }
.lead { font-weight: bold; }
nav.contents ol { list-style: none; padding-left: 0; }
nav.contents li.l2 { padding-left: 1.5em; }
nav.contents li.l3 { padding-left: 3em; }
.page-break { break-before: page; }
@media print {
  body { margin: 0; max-width: none; }
  h2, h3, h4, caption { break-after: avoid; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
  nav.contents a { color: inherit; text-decoration: none; }
}
"""


def _badge(badge: Badge) -> str:
    sign = (
        f'<span class="sign" style="color:{colour_hex(badge.colour)}">{h(badge.symbol)}</span>&nbsp;'
        if badge.symbol
        else ""
    )
    return f'{sign}<span style="color:{colour_hex(badge.colour)}">{h(badge.word)}</span>'


def _classes(column: Column) -> str:
    names = {"right": "r", "center": "c"}.get(column.align, "").split()
    if column.nowrap:
        names.append("nowrap")
    return f' class="{" ".join(names)}"' if names else ""


def _cell(cell: Cell, column: Column) -> str:
    if cell.symbol or cell.colour:
        content = _badge(Badge(cell.symbol, cell.text, cell.colour or "black"))
    else:
        content = h(cell.text)
    return f"<td{_classes(column)}>{content}</td>"


def _table(table: Table) -> str:
    total = sum(c.weight for c in table.columns) or 1
    cols = "".join(f'<col style="width:{100 * c.weight / total:.1f}%">' for c in table.columns)
    head = "".join(f"<th{_classes(c)}>{h(c.title)}</th>" for c in table.columns)
    body = "".join(
        "<tr>"
        + "".join(_cell(cell, col) for cell, col in zip(row, table.columns, strict=True))
        + "</tr>"
        for row in table.rows
    )
    caption = f"<caption>{h(table.caption)}</caption>" if table.caption else ""
    return f"<table>{caption}<colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _paragraph(block: Paragraph) -> str:
    text = h(block.text)
    if block.emphasis == "bold":
        text = f"<strong>{text}</strong>"
    elif block.emphasis == "italic":
        text = f"<em>{text}</em>"
    lead = f'<span class="lead">{h(block.lead)}:</span> ' if block.lead else ""
    css = ' class="small"' if block.emphasis == "small" else ""
    return f"<p{css}>{lead}{text}</p>"


def render_html(document: Document) -> str:
    """The whole report as one HTML page."""
    lang = "en" if document.lang == "en" else "sv"
    parts: list[str] = []
    contents: list[str] = []
    number = 0
    for block in document.blocks:
        if isinstance(block, Heading):
            number += 1
            level = min(block.level + 1, 6)
            parts.append(f'<h{level} id="s{number}">{h(block.text)}</h{level}>')
            if block.level <= 2:
                contents.append(
                    f'<li class="l{block.level}"><a href="#s{number}">{h(block.text)}</a></li>'
                )
        elif isinstance(block, Paragraph):
            parts.append(_paragraph(block))
        elif isinstance(block, BulletList):
            parts.append("<ul>" + "".join(f"<li>{h(item)}</li>" for item in block.items) + "</ul>")
        elif isinstance(block, BadgeLine):
            parts.append(
                f'<p><span class="lead">{h(block.label)}:</span> {_badge(block.badge)}</p>'
            )
        elif isinstance(block, Table):
            parts.append(_table(block))
        elif isinstance(block, PageBreak):
            parts.append('<div class="page-break"></div>')
    facts = "".join(f"<tr><th>{h(f.label)}</th><td>{h(f.value)}</td></tr>" for f in document.facts)
    nav = ""
    if document.contents and contents:
        nav = f'<nav class="contents"><h2>{h(word(lang, "report.contents"))}</h2><ol>{"".join(contents)}</ol></nav>'
    style = _STYLE.replace("PAGE_WORD", _css_string(word(lang, "report.page", page="").strip()))
    subtitle = f'<p class="subtitle">{h(document.subtitle)}</p>' if document.subtitle else ""
    title = h(document.title) + (f" – {h(document.subtitle)}" if document.subtitle else "")
    body = "\n".join(parts)
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{style}</style>
</head>
<body>
<header>
<h1>{h(document.title)}</h1>
{subtitle}
<table class="facts"><tbody>{facts}</tbody></table>
</header>
{nav}
<main>
{body}
</main>
</body>
</html>
"""
