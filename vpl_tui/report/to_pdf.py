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
        "toc1": ParagraphStyle("toc1", parent=body, fontSize=9.5, leading=12, spaceAfter=0),
        "toc2": ParagraphStyle(
            "toc2", parent=body, fontSize=8.5, leading=10.5, leftIndent=14, spaceAfter=0
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
        self.pages: dict[str, int] = {}
        """Each heading's bookmark and the page it landed on, for the contents."""

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
        self.pages[flowable.bookmark] = self.page


def _badge(badge: Badge) -> str:
    colour = colour_hex(badge.colour)
    sign = f"<b>{t(badge.symbol)}</b>{NBSP}" if badge.symbol else ""
    return f'<font color="{colour}">{sign}{t(badge.word)}</font>'


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


CELL_SIZE = 8
_PADDING = 6  # left and right padding of a cell together


def _cell_text(cell: Cell) -> str:
    """A cell's text as printed: the symbol, a no-break space and the word."""
    text = plain(cell.text)
    return f"{plain(cell.symbol)}{NBSP}{text}" if cell.symbol else text


def _table(table: Table, styles: dict[str, ParagraphStyle], width: float) -> list[Flowable]:
    """A table whose header row repeats on every page.

    A cell that fits on one line is a plain string, drawn as it is (no markup is read from
    it); only a longer one becomes a Paragraph, which wraps: a tenth of the time for a large
    plan, whose cells are mostly refs, dates, statuses and figures.
    """
    total = sum(c.weight for c in table.columns) or 1
    widths = [width * c.weight / total for c in table.columns]
    commands: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), FONT, CELL_SIZE, CELL_SIZE * 1.25),
        ("FONT", (0, 0), (-1, 0), BOLD, CELL_SIZE, CELL_SIZE * 1.25),
    ]
    for index, column in enumerate(table.columns):
        if column.align == "right":
            commands.append(("ALIGN", (index, 0), (index, -1), "RIGHT"))

    def fitted(text: str, index: int, style: str, bold: bool = False) -> str | PdfParagraph:
        face = BOLD if bold else FONT
        if pdfmetrics.stringWidth(text, face, CELL_SIZE) <= widths[index] - _PADDING:
            return text
        right = table.columns[index].align == "right"
        return PdfParagraph(escape(text), styles[f"{style}_right" if right else style])

    data: list[list[str | PdfParagraph]] = [
        [fitted(plain(c.title), i, "head", True) for i, c in enumerate(table.columns)]
    ]
    for number, row in enumerate(table.rows, 1):
        cells = []
        for index, cell in enumerate(row):
            cells.append(fitted(_cell_text(cell), index, "cell"))
            if cell.colour:
                colour = colors.HexColor(colour_hex(cell.colour))
                commands.append(("TEXTCOLOR", (index, number), (index, number), colour))
                if not isinstance(cells[-1], str):  # a Paragraph takes its colour from markup
                    cells[-1] = PdfParagraph(
                        _badge(Badge(cell.symbol, cell.text, cell.colour)),
                        styles["cell_right" if table.columns[index].align == "right" else "cell"],
                    )
        data.append(cells)
    flowables: list[Flowable] = []
    if table.caption:
        caption = PdfParagraph(t(table.caption), styles["caption"])
        caption.keepWithNext = True
        flowables.append(caption)
    grid = PdfTable(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    grid.setStyle(_GRID)
    grid.setStyle(TableStyle(commands))
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


class _Contents(PdfTable):
    """The table of contents: headings 1–2, each a link to its page, the page numbers right."""


PAGE_COLUMN = 14 * mm


def _contents(
    document: Document, styles: dict[str, ParagraphStyle], width: float, pages: dict[str, int]
) -> _Contents:
    """The contents with the pages in `pages` (empty on the first pass). The page column has a
    fixed width, so the numbers cannot move anything: the second pass lays out the same."""
    rows = []
    for number, heading in enumerate(document.headings(), 1):
        if heading.level > 2:
            continue
        key = f"h{number}"
        entry = PdfParagraph(
            f'<a href="#{key}">{t(heading.text)}</a>', styles[f"toc{heading.level}"]
        )
        rows.append([entry, str(pages.get(key, ""))])
    contents = _Contents(rows, colWidths=[width - PAGE_COLUMN, PAGE_COLUMN], hAlign="LEFT")
    contents.setStyle(
        TableStyle(
            [
                ("FONT", (1, 0), (1, -1), FONT, 9, 12),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return contents


def _story(
    document: Document,
    styles: dict[str, ParagraphStyle],
    width: float,
    pages: dict[str, int] | None = None,
) -> list[Flowable]:
    """The flowables of the whole report; `pages` numbers the contents (None: not yet)."""
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
        story.append(PdfParagraph(t(word(document.lang, "report.contents")), styles["h1"]))
        story.append(_contents(document, styles, width, pages or {}))
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
    """The whole report as the bytes of a PDF file.

    With a table of contents, in two passes: the first finds the page of every heading, the
    second prints them (the contents' size does not depend on the numbers, so two suffice).
    Each pass gets flowables of its own: platypus changes them as it lays them out.
    """
    register_fonts()
    styles = _styles()
    buffer = io.BytesIO()
    template = _Template(buffer, document)
    template.build(_story(document, styles, template.width))
    if not (document.contents and document.headings(2)):
        return buffer.getvalue()
    buffer = io.BytesIO()
    final = _Template(buffer, document)
    final.build(_story(document, styles, final.width, template.pages))
    if (
        final.pages != template.pages
    ):  # cannot happen by the argument above; never print wrong pages
        raise RuntimeError("the table of contents moved the headings")
    return buffer.getvalue()
