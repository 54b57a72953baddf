"""The report as a PDF for print, made with reportlab's platypus.

A4 with margins, "Sida N" (or "Page N") at the foot of every page, a table of contents and
PDF bookmarks from the headings, tables whose header row repeats on every page. The text is
set in DejaVu Sans, shipped in `vpl_tui/fonts/` (its licence beside it) and embedded in the
file, so Swedish letters and every symbol the report uses (● ◐ ○ – ↑ ↓ → ✓ ✗ !) print
the same on every machine; the PDF's standard fonts have none of the symbols.

reportlab's Paragraph reads a small markup language (`<b>`, `<font>`, `&amp;`): every text
goes through `plain()` and then `xml.sax.saxutils.escape`, so plan text is text.
"""

from __future__ import annotations

import io
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Spacer, TableStyle
from reportlab.platypus import PageBreak as PdfPageBreak
from reportlab.platypus import Paragraph as PdfParagraph
from reportlab.platypus import Table as PdfTable
from reportlab.platypus.tableofcontents import TableOfContents

from vpl_tui.report.document import (
    NBSP,
    Badge,
    BadgeLine,
    BulletList,
    Cell,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Table,
    colour_hex,
    plain,
)
from vpl_tui.report.words import word

FONTS = Path(__file__).resolve().parent.parent / "fonts"
FONT, BOLD = "DejaVuSans", "DejaVuSans-Bold"
MARGIN = 20 * mm
_registered = False


def register_fonts() -> None:
    """Register DejaVu Sans (regular and bold) with reportlab, once per process."""
    global _registered
    if _registered:
        return
    pdfmetrics.registerFont(TTFont(FONT, str(FONTS / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(FONTS / "DejaVuSans-Bold.ttf")))
    # No oblique face is shipped: italic text is set upright (and in grey, see below).
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)
    _registered = True


def t(text: str) -> str:
    """Plan text for reportlab's Paragraph markup: made plain, then escaped."""
    return escape(plain(text))


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=12.5, spaceAfter=4)
    cell = ParagraphStyle("cell", parent=body, fontSize=8, leading=10, spaceAfter=0)
    return {
        "body": body,
        "title": ParagraphStyle("title", parent=body, fontName=BOLD, fontSize=20, leading=24),
        "subtitle": ParagraphStyle("subtitle", parent=body, fontSize=13, leading=17, spaceAfter=10),
        "h1": ParagraphStyle(
            "h1", parent=body, fontName=BOLD, fontSize=15, leading=19, spaceBefore=14, spaceAfter=6
        ),
        "h2": ParagraphStyle(
            "h2", parent=body, fontName=BOLD, fontSize=12, leading=15, spaceBefore=12, spaceAfter=4
        ),
        "h3": ParagraphStyle(
            "h3", parent=body, fontName=BOLD, fontSize=10.5, leading=13, spaceBefore=10
        ),
        "caption": ParagraphStyle("caption", parent=body, fontName=BOLD, spaceBefore=4),
        "small": ParagraphStyle(
            "small", parent=body, fontSize=7.5, leading=9.5, textColor=colors.HexColor("#444444")
        ),
        "italic": ParagraphStyle("italic", parent=body, textColor=colors.HexColor("#555555")),
        "bullet": ParagraphStyle(
            "bullet", parent=body, leftIndent=12, bulletIndent=2, bulletFontName=FONT, spaceAfter=1
        ),
        "cell": cell,
        "cell_right": ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        "head": ParagraphStyle("head", parent=cell, fontName=BOLD),
        "head_right": ParagraphStyle("head_right", parent=cell, fontName=BOLD, alignment=TA_RIGHT),
    }


class _Heading(PdfParagraph):
    """A heading paragraph that knows its level and its bookmark, for the contents."""

    def __init__(self, text: str, style: ParagraphStyle, level: int, key: str) -> None:
        super().__init__(text, style)
        self.heading_level = level
        self.bookmark = key


class _Template(BaseDocTemplate):
    """A4, one frame, the page number at the foot; headings go to the contents and outline."""

    def __init__(self, buffer: io.BytesIO, document: Document) -> None:
        super().__init__(
            buffer,
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN,
            title=plain(document.title),
            subject=plain(document.subtitle),
            author="",
            creator="vpl",
            invariant=True,
        )
        self.lang = document.lang
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        self.addPageTemplates([PageTemplate("page", [frame], onPage=self._foot)])
        self._outline_level = -1

    def _foot(self, canvas, doc) -> None:  # noqa: ANN001  (reportlab's callback signature)
        canvas.saveState()
        canvas.setFont(FONT, 8.5)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawCentredString(A4[0] / 2, 10 * mm, word(self.lang, "report.page", page=doc.page))
        canvas.restoreState()

    def handle_documentBegin(self) -> None:
        self._outline_level = -1
        super().handle_documentBegin()

    def afterFlowable(self, flowable: Flowable) -> None:
        if not isinstance(flowable, _Heading):
            return
        # An outline may go down only one level at a time.
        level = min(flowable.heading_level - 1, self._outline_level + 1)
        self._outline_level = level
        text = flowable.getPlainText()
        self.canv.bookmarkPage(flowable.bookmark)
        self.canv.addOutlineEntry(text, flowable.bookmark, level, closed=level > 0)
        if flowable.heading_level <= 2:
            self.notify(
                "TOCEntry", (flowable.heading_level - 1, text, self.page, flowable.bookmark)
            )


def _badge(badge: Badge) -> str:
    colour = colour_hex(badge.colour)
    sign = f"<b>{t(badge.symbol)}</b>{NBSP}" if badge.symbol else ""
    return f'<font color="{colour}">{sign}{t(badge.word)}</font>'


def _cell(cell: Cell, style: ParagraphStyle) -> PdfParagraph:
    if cell.symbol or cell.colour:
        return PdfParagraph(_badge(Badge(cell.symbol, cell.text, cell.colour or "black")), style)
    return PdfParagraph(t(cell.text), style)


_SHADE = colors.HexColor("#e8e8e8")
_LINES = [
    ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9a9a9a")),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ("TOPPADDING", (0, 0), (-1, -1), 2),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
]
_GRID = TableStyle([*_LINES, ("BACKGROUND", (0, 0), (-1, 0), _SHADE)])
"""A table with its header row shaded."""
_FACTS = TableStyle([*_LINES, ("BACKGROUND", (0, 0), (0, -1), _SHADE)])
"""The title block: the labels' column shaded."""


def _table(table: Table, styles: dict[str, ParagraphStyle], width: float) -> list[Flowable]:
    total = sum(c.weight for c in table.columns) or 1
    widths = [width * c.weight / total for c in table.columns]
    head = [
        PdfParagraph(t(c.title), styles["head_right" if c.align == "right" else "head"])
        for c in table.columns
    ]
    body_styles = [styles["cell_right" if c.align == "right" else "cell"] for c in table.columns]
    rows = [
        [_cell(cell, style) for cell, style in zip(row, body_styles, strict=True)]
        for row in table.rows
    ]
    flowables: list[Flowable] = []
    if table.caption:
        caption = PdfParagraph(t(table.caption), styles["caption"])
        caption.keepWithNext = True
        flowables.append(caption)
    grid = PdfTable([head, *rows], colWidths=widths, repeatRows=1, hAlign="LEFT")
    grid.setStyle(_GRID)
    flowables += [grid, Spacer(1, 5)]
    return flowables


def _paragraph(block: Paragraph, styles: dict[str, ParagraphStyle]) -> PdfParagraph:
    text = t(block.text)
    style = styles["body"]
    if block.emphasis == "bold":
        text = f"<b>{text}</b>"
    elif block.emphasis in ("italic", "small"):
        style = styles[block.emphasis]
    if block.lead:
        text = f"<b>{t(block.lead)}:</b> {text}"
    paragraph = PdfParagraph(text, style)
    if block.emphasis == "bold":
        paragraph.keepWithNext = True
    return paragraph


def _story(document: Document, styles: dict[str, ParagraphStyle], width: float) -> list[Flowable]:
    story: list[Flowable] = [PdfParagraph(t(document.title), styles["title"])]
    if document.subtitle:
        story.append(PdfParagraph(t(document.subtitle), styles["subtitle"]))
    if document.facts:
        facts = PdfTable(
            [
                [PdfParagraph(t(f.label), styles["head"]), PdfParagraph(t(f.value), styles["cell"])]
                for f in document.facts
            ],
            colWidths=[45 * mm, width - 45 * mm],
            hAlign="LEFT",
        )
        facts.setStyle(_FACTS)
        story += [facts, Spacer(1, 8)]
    if document.contents and document.headings(2):
        contents = TableOfContents()
        contents.levelStyles = [
            ParagraphStyle("toc1", parent=styles["body"], fontSize=9.5, leading=12),
            ParagraphStyle(
                "toc2", parent=styles["body"], fontSize=8.5, leading=10.5, leftIndent=14
            ),
        ]
        story += [PdfParagraph(t(word(document.lang, "report.contents")), styles["h1"]), contents]
        story.append(PdfPageBreak())
    count = 0
    for block in document.blocks:
        if isinstance(block, Heading):
            count += 1
            level = min(max(block.level, 1), 3)
            heading = _Heading(t(block.text), styles[f"h{level}"], level, f"h{count}")
            heading.keepWithNext = True
            story.append(heading)
        elif isinstance(block, Paragraph):
            story.append(_paragraph(block, styles))
        elif isinstance(block, BulletList):
            story += [
                PdfParagraph(t(item), styles["bullet"], bulletText="•") for item in block.items
            ]
            story.append(Spacer(1, 3))
        elif isinstance(block, BadgeLine):
            text = f"<b>{t(block.label)}:</b> {_badge(block.badge)}"
            story.append(PdfParagraph(text, styles["body"]))
        elif isinstance(block, Table):
            story += _table(block, styles, width)
        elif isinstance(block, PageBreak):
            story.append(PdfPageBreak())
    return story


def render_pdf(document: Document) -> bytes:
    """The whole report as the bytes of a PDF file."""
    register_fonts()
    buffer = io.BytesIO()
    template = _Template(buffer, document)
    story = _story(document, _styles(), template.width)
    if any(isinstance(f, TableOfContents) for f in story):
        template.multiBuild(story)  # the contents need a second pass for their page numbers
    else:
        template.build(story)
    return buffer.getvalue()
