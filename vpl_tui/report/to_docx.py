"""The report as a Word document (DOCX), made with python-docx.

Real Word structure, so the board's secretary can work on it: the title in the Title style,
sections in Heading 1, goals in Heading 2, initiatives in Heading 3; tables with a header
row that repeats on every page; a table-of-contents field (Word fills in the page numbers
when the field is updated, F9; until then it lists the headings); A4 with margins; page
numbers in the footer (a PAGE field); the document's language set on its styles.

Plan text stays text: it goes into runs as data (python-docx escapes it as XML), so `{PAGE}`
or `DDEAUTO` in a title is never a field, and no macro can come from it. `plain()` has made
control characters visible first: XML 1.0 cannot hold most of them and lxml refuses them.
"""

from __future__ import annotations

import io

from docx import Document as new_word_document
from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph as WordParagraph

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

PAGE_WIDTH = Mm(210)
PAGE_HEIGHT = Mm(297)
MARGIN = Mm(20)
TEXT_WIDTH_MM = 170
BODY_FONT = "Calibri"
"""Word's body font. The default template's is Cambria, a serif; a report reads as sans."""
BODY_SIZE = Pt(10.5)
TABLE_SIZE = Pt(9)
LANGUAGES = {"sv": "sv-SE", "en": "en-GB"}
_STYLES_WITH_LANGUAGE = (
    "Normal",
    "Title",
    "Subtitle",
    "Heading 1",
    "Heading 2",
    "Heading 3",
    "List Bullet",
    "Caption",
    "TOC Heading",
    "Footer",
)


def _rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour_hex(colour)[1:].upper())


def _set_language(document: WordDocument, language: str) -> None:
    """The language on the document's defaults and on every style it uses (spelling, hyphens)."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    targets = []
    if defaults is not None:
        rpr_default = defaults.find(qn("w:rPrDefault"))
        if rpr_default is not None and rpr_default.find(qn("w:rPr")) is not None:
            targets.append(rpr_default.find(qn("w:rPr")))
    for name in _STYLES_WITH_LANGUAGE:
        try:
            targets.append(document.styles[name].element.get_or_add_rPr())
        except KeyError:
            continue
    for rpr in targets:
        for old in rpr.findall(qn("w:lang")):
            rpr.remove(old)
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), language)
        rpr.append(lang)


def _field(paragraph: WordParagraph, instruction: str, shown: str) -> None:
    """A complex field (`PAGE`, `TOC …`) with `shown` as its result until Word updates it."""
    _field_begin(paragraph, instruction)
    paragraph.add_run(shown)
    _field_end(paragraph)


def _field_char(paragraph: WordParagraph, kind: str) -> None:
    run = paragraph.add_run()
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    run._r.append(char)


def _field_begin(paragraph: WordParagraph, instruction: str) -> None:
    _field_char(paragraph, "begin")
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    _field_char(paragraph, "separate")


def _field_end(paragraph: WordParagraph) -> None:
    _field_char(paragraph, "end")


def _toc_styles(document: WordDocument) -> None:
    """Word's own names for the contents' entry styles, indented by level."""
    for level in (1, 2, 3):
        style = document.styles.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles["Normal"]
        style.paragraph_format.left_indent = Mm(5 * (level - 1))
        style.paragraph_format.space_after = Pt(2)


def _contents(document: WordDocument, source: Document) -> None:
    """The table of contents: a TOC field over headings 1–3; its result, until Word updates
    it, is a hint and the headings themselves (no page numbers: Word adds them)."""
    lang = source.lang
    document.add_paragraph(plain(word(lang, "report.contents")), style="TOC Heading")
    hint = document.add_paragraph(style="toc 1")
    _field_begin(hint, 'TOC \\o "1-3" \\h \\z \\u')
    hint_run = hint.add_run(plain(word(lang, "report.contents_hint")))
    hint_run.italic = True
    last = hint
    for heading in source.headings(2):
        last = document.add_paragraph(plain(heading.text), style=f"toc {heading.level}")
    _field_end(last)


def _footer(document: WordDocument, lang: str) -> None:
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    before, _, after = word(lang, "report.page", page="\0").partition("\0")
    paragraph.add_run(before)
    _field(paragraph, "PAGE", "1")
    if after:
        paragraph.add_run(after)


def _badge_runs(paragraph: WordParagraph, badge: Badge, size: Pt | None = None) -> None:
    colour = _rgb(badge.colour)
    if badge.symbol:
        sign = paragraph.add_run(plain(badge.symbol) + NBSP)
        sign.bold = True
        sign.font.color.rgb = colour
        sign.font.size = size
    text = paragraph.add_run(plain(badge.word))
    text.font.color.rgb = colour
    text.font.size = size


def _shade(cell: _Cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _no_wrap(cell: _Cell) -> None:
    cell._tc.get_or_add_tcPr().append(OxmlElement("w:noWrap"))


_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT}


def _table(document: WordDocument, table: Table) -> None:
    if table.caption:
        caption = document.add_paragraph()
        caption.paragraph_format.keep_with_next = True
        caption.paragraph_format.space_before = Pt(6)
        caption.add_run(plain(table.caption)).bold = True
    word_table = document.add_table(rows=1 + len(table.rows), cols=len(table.columns))
    word_table.style = document.styles["Table Grid"]
    word_table.autofit = False
    total = sum(c.weight for c in table.columns) or 1
    widths = [Mm(TEXT_WIDTH_MM * c.weight / total) for c in table.columns]
    for column, width in zip(word_table.columns, widths, strict=True):
        column.width = width
    # Cells straight from the XML rows: python-docx's `row.cells` rebuilds the whole grid on
    # every call, which is quadratic in a long table.
    rows = [[_Cell(tc, word_table) for tc in tr.tc_lst] for tr in word_table._tbl.tr_lst]
    header = rows[0]
    header_props = word_table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header_props.append(repeat)
    for cell, column, width in zip(header, table.columns, widths, strict=True):
        cell.width = width
        _shade(cell, "E8E8E8")
        paragraph = cell.paragraphs[0]
        paragraph.alignment = _ALIGN.get(column.align, WD_ALIGN_PARAGRAPH.LEFT)
        title = paragraph.add_run(plain(column.title))
        title.bold = True
        title.font.size = TABLE_SIZE
    for cells, row in zip(rows[1:], table.rows, strict=True):
        for cell, value, column, width in zip(cells, row, table.columns, widths, strict=True):
            cell.width = width
            if column.nowrap:
                _no_wrap(cell)
            paragraph = cell.paragraphs[0]
            paragraph.alignment = _ALIGN.get(column.align, WD_ALIGN_PARAGRAPH.LEFT)
            _cell_runs(paragraph, value)


def _cell_runs(paragraph: WordParagraph, cell: Cell) -> None:
    if cell.symbol or cell.colour:
        _badge_runs(paragraph, Badge(cell.symbol, cell.text, cell.colour or "black"), TABLE_SIZE)
    elif cell.text:
        paragraph.add_run(plain(cell.text)).font.size = TABLE_SIZE


def _paragraph(document: WordDocument, block: Paragraph) -> None:
    paragraph = document.add_paragraph()
    if block.lead:
        paragraph.add_run(plain(block.lead) + ": ").bold = True
    run = paragraph.add_run(plain(block.text))
    if block.emphasis == "bold":
        run.bold = True
        paragraph.paragraph_format.keep_with_next = True
    elif block.emphasis == "italic":
        run.italic = True
    elif block.emphasis == "small":
        run.font.size = Pt(8)
        run.font.color.rgb = _rgb("grey")


def render_docx(document: Document) -> bytes:
    """The whole report as the bytes of a .docx file."""
    result = new_word_document()
    section = result.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.left_margin = section.right_margin = MARGIN
    section.top_margin = section.bottom_margin = MARGIN
    normal = result.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = BODY_SIZE
    _set_language(result, LANGUAGES.get(document.lang, "sv-SE"))
    _toc_styles(result)
    properties = result.core_properties
    properties.title = plain(document.title)
    properties.subject = plain(document.subtitle)
    properties.language = LANGUAGES.get(document.lang, "sv-SE")
    properties.author = ""
    properties.comments = ""
    result.add_heading(plain(document.title), 0)
    if document.subtitle:
        result.add_paragraph(plain(document.subtitle), style="Subtitle")
    if document.facts:
        facts = result.add_table(rows=len(document.facts), cols=2)
        facts.style = result.styles["Table Grid"]
        facts.autofit = False
        facts.columns[0].width, facts.columns[1].width = Mm(45), Mm(TEXT_WIDTH_MM - 45)
        for tr, fact in zip(facts._tbl.tr_lst, document.facts, strict=True):
            label, value = (_Cell(tc, facts) for tc in tr.tc_lst)
            label.width, value.width = Mm(45), Mm(TEXT_WIDTH_MM - 45)
            label.paragraphs[0].add_run(plain(fact.label)).bold = True
            value.paragraphs[0].add_run(plain(fact.value))
    if document.contents and document.headings():
        _contents(result, document)
    _footer(result, document.lang)
    for block in document.blocks:
        if isinstance(block, Heading):
            result.add_heading(plain(block.text), min(max(block.level, 1), 9))
        elif isinstance(block, Paragraph):
            _paragraph(result, block)
        elif isinstance(block, BulletList):
            for item in block.items:
                result.add_paragraph(plain(item), style="List Bullet")
        elif isinstance(block, BadgeLine):
            paragraph = result.add_paragraph()
            paragraph.add_run(plain(block.label) + ": ").bold = True
            _badge_runs(paragraph, block.badge)
        elif isinstance(block, Table):
            _table(result, block)
        elif isinstance(block, PageBreak):
            result.add_page_break()
    buffer = io.BytesIO()
    result.save(buffer)
    return buffer.getvalue()
