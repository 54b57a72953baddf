"""The report as a Word document (DOCX): python-docx for the document, its body as WordprocessingML.

Real Word structure, so the board's secretary can work on it: the title in the Title style,
sections in Heading 1, goals in Heading 2, initiatives in Heading 3; tables in Table Grid with
a header row that repeats on every page; a table-of-contents field (Word fills in the page
numbers when the field is updated, F9; until then it lists the headings); A4 with margins;
page numbers in the footer (a PAGE field); the document's language set on its styles.

python-docx makes the document (the template, styles, page, footer, properties) around a
placeholder paragraph, and saves it; the body is then written as WordprocessingML text
into the package's `word/document.xml` in the placeholder's place, as it is made, never
held whole. python-docx's own calls cost a millisecond or more per paragraph and table
cell, and even the body parsed once into its tree took 2 GB and minutes for a region's
plan (a hundred thousand table rows); streamed, it needs little more than the report itself.

Plan text stays text: every string goes through `plain()` (control characters, which XML
1.0 cannot hold, made visible) and then `xml.sax.saxutils.escape` into a `<w:t>` text
element. `{PAGE}` or `DDEAUTO` in a title is therefore never a field, and nothing from the
plan can become a hyperlink or a macro. The only fields are the report's own: TOC and PAGE.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from xml.sax.saxutils import escape

from docx import Document as new_word_document
from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph as WordParagraph

from vpl_tui.report.document import (
    NBSP,
    Badge,
    BadgeLine,
    Block,
    BulletList,
    Cell,
    Document,
    Fact,
    Heading,
    PageBreak,
    Paragraph,
    Table,
    colour_hex,
    plain,
)
from vpl_tui.report.docx_rows import table_rows
from vpl_tui.report.words import word

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PAGE_WIDTH, PAGE_HEIGHT, MARGIN = Mm(210), Mm(297), Mm(20)
TEXT_WIDTH_MM = 170
TWIPS_PER_MM = 1440 / 25.4
BODY_FONT = "Calibri"
"""Word's body font. The default template's is Cambria, a serif; a report reads as sans."""
BODY_SIZE = Pt(10.5)
TABLE_SIZE = 18  # half-points: 9 pt
SMALL_SIZE = 16  # 8 pt
HEADER_FILL = "E8E8E8"
CAPTION_SPACE = 160  # twips above a table's caption: 8 pt
CELL_MARGINS = (
    '<w:tblCellMar><w:top w:w="29" w:type="dxa"/><w:bottom w:w="29" w:type="dxa"/></w:tblCellMar>'
)
"""A point and a half of air above and below the text of every cell (29 twips)."""
LANGUAGES = {"sv": "sv-SE", "en": "en-GB"}
TOC_INSTRUCTION = 'TOC \\o "1-3" \\h \\z \\u'
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


def x(text: str) -> str:
    """Plan text as the content of a `<w:t>` element."""
    return escape(plain(text))


# -- WordprocessingML pieces (every argument named `escaped` has been through `x`) ---------------


def _run(
    escaped: str, *, bold: bool = False, italic: bool = False, colour: str = "", size: int = 0
) -> str:
    # Properties in the order the schema requires: b, i, color, sz.
    props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    if colour:
        props += f'<w:color w:val="{colour_hex(colour)[1:].upper()}"/>'
    if size:
        props += f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    properties = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{properties}<w:t xml:space="preserve">{escaped}</w:t></w:r>'


def _paragraph_xml(
    runs: str, *, style: str = "", keep_next: bool = False, align: str = "", before: int = 0
) -> str:
    """A paragraph; `before` is the space above it in twips."""
    # pStyle, keepNext, spacing, jc: the schema's order.
    props = f'<w:pStyle w:val="{style}"/>' if style else ""
    props += "<w:keepNext/>" if keep_next else ""
    props += f'<w:spacing w:before="{before}"/>' if before else ""
    props += f'<w:jc w:val="{align}"/>' if align in ("right", "center") else ""
    properties = f"<w:pPr>{props}</w:pPr>" if props else ""
    return f"<w:p>{properties}{runs}</w:p>"


def _field_char(kind: str) -> str:
    return f'<w:r><w:fldChar w:fldCharType="{kind}"/></w:r>'


def _field_start(instruction: str) -> str:
    """A complex field's beginning, its instruction, and the start of its shown result."""
    code = f'<w:r><w:instrText xml:space="preserve"> {escape(instruction)} </w:instrText></w:r>'
    return _field_char("begin") + code + _field_char("separate")


def _badge_runs(badge: Badge, size: int = 0) -> str:
    sign = ""
    if badge.symbol:
        sign = _run(x(badge.symbol) + NBSP, bold=True, colour=badge.colour, size=size)
    return sign + _run(x(badge.word), colour=badge.colour, size=size)


def _cell_runs(cell: Cell, *, header: bool = False) -> str:
    if cell.symbol or cell.colour:
        return _badge_runs(Badge(cell.symbol, cell.text, cell.colour or "black"), TABLE_SIZE)
    if cell.text:
        return _run(x(cell.text), bold=header, size=TABLE_SIZE)
    return ""


def _cell_start(width: int, align: str, nowrap: bool, *, header: bool = False) -> str:
    """A cell's XML up to its text: its width, shading and wrapping, its paragraph's alignment."""
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if header:
        props += f'<w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/>'
    if nowrap:
        props += "<w:noWrap/>"
    # What `_paragraph_xml` writes before the runs, for a paragraph with only an alignment.
    paragraph = (
        '<w:pPr><w:jc w:val="' + align + '"/></w:pPr>' if align in ("right", "center") else ""
    )
    return f"<w:tc><w:tcPr>{props}</w:tcPr><w:p>{paragraph}"


_CELL_END = "</w:p></w:tc>"


def _table_parts(table: Table, done: dict[int, str]) -> Iterator[str]:
    """The table's XML, a row at a time. `done` holds the runs of the cells met before, by
    identity: a report shares its repeating cells (statuses, dates) between rows and tables."""
    total = sum(c.weight for c in table.columns) or 1
    widths = [round(TEXT_WIDTH_MM * TWIPS_PER_MM * c.weight / total) for c in table.columns]
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    properties = (
        '<w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
        f'<w:tblLayout w:type="fixed"/>{CELL_MARGINS}'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" '
        'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
    )
    starts = [_cell_start(w, c.align, c.nowrap) for c, w in zip(table.columns, widths, strict=True)]
    header = "".join(
        _cell_start(w, c.align, c.nowrap, header=True)
        + _cell_runs(Cell(c.title), header=True)
        + _CELL_END
        for c, w in zip(table.columns, widths, strict=True)
    )
    # The header row repeats on every page; no row splits across a page.
    yield f"<w:tbl>{properties}<w:tblGrid>{grid}</w:tblGrid>"
    yield f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{header}</w:tr>"
    yield from table_rows(table, starts, done, _cell_runs, _run("{}", size=TABLE_SIZE))
    yield "</w:tbl>"


def _paragraph_block(block: Paragraph) -> str:
    runs = _run(x(block.lead) + ": ", bold=True) if block.lead else ""
    if block.emphasis == "small":
        runs += _run(x(block.text), colour="grey", size=SMALL_SIZE)
    else:
        runs += _run(
            x(block.text), bold=block.emphasis == "bold", italic=block.emphasis == "italic"
        )
    return _paragraph_xml(runs, keep_next=block.emphasis == "bold")


def _block_parts(block: Block, done: dict[int, str]) -> Iterator[str]:
    """A block's XML, in parts (a table a row at a time); `done` as for `_table_parts`."""
    if isinstance(block, Heading):
        yield _paragraph_xml(_run(x(block.text)), style=f"Heading{min(max(block.level, 1), 9)}")
    elif isinstance(block, Paragraph):
        yield _paragraph_block(block)
    elif isinstance(block, BulletList):
        yield "".join(_paragraph_xml(_run(x(item)), style="ListBullet") for item in block.items)
    elif isinstance(block, BadgeLine):
        yield _paragraph_xml(_run(x(block.label) + ": ", bold=True) + _badge_runs(block.badge))
    elif isinstance(block, Table):
        if block.caption:
            yield _paragraph_xml(
                _run(x(block.caption), bold=True), keep_next=True, before=CAPTION_SPACE
            )
        yield from _table_parts(block, done)
    elif isinstance(block, PageBreak):
        yield '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
    else:
        raise TypeError(f"not a report block: {block!r}")


def _front(document: Document) -> list[str]:
    """The title, the subtitle, the title block's table and the table of contents."""
    parts = [_paragraph_xml(_run(x(document.title)), style="Title")]
    if document.subtitle:
        parts.append(_paragraph_xml(_run(x(document.subtitle)), style="Subtitle"))
    if document.facts:
        parts.append(_facts_xml(document.facts))
    headings = document.headings(2)
    if document.contents and headings:
        lang = document.lang
        parts.append(_paragraph_xml(_run(x(word(lang, "report.contents"))), style="TOCHeading"))
        # The field's result, until Word updates it: a hint, then the headings themselves.
        hint = _run(x(word(lang, "report.contents_hint")), italic=True)
        parts.append(_paragraph_xml(_field_start(TOC_INSTRUCTION) + hint, style="toc1"))
        for index, heading in enumerate(headings):
            end = _field_char("end") if index == len(headings) - 1 else ""
            parts.append(_paragraph_xml(_run(x(heading.text)) + end, style=f"toc{heading.level}"))
    return parts


def _facts_xml(facts: tuple[Fact, ...]) -> str:
    """The title block: two columns, the labels bold on a shaded ground."""
    label_width = round(45 * TWIPS_PER_MM)
    value_width = round((TEXT_WIDTH_MM - 45) * TWIPS_PER_MM)
    rows = []
    for fact in facts:
        label_cell = (
            f'<w:tc><w:tcPr><w:tcW w:w="{label_width}" w:type="dxa"/>'
            f'<w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/></w:tcPr>'
            f"{_paragraph_xml(_run(x(fact.label), bold=True))}</w:tc>"
        )
        value_cell = (
            f'<w:tc><w:tcPr><w:tcW w:w="{value_width}" w:type="dxa"/></w:tcPr>'
            f"{_paragraph_xml(_run(x(fact.value)))}</w:tc>"
        )
        rows.append(f"<w:tr>{label_cell}{value_cell}</w:tr>")
    return (
        '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
        f'<w:tblLayout w:type="fixed"/>{CELL_MARGINS}</w:tblPr>'
        f'<w:tblGrid><w:gridCol w:w="{label_width}"/><w:gridCol w:w="{value_width}"/></w:tblGrid>'
        f"{''.join(rows)}</w:tbl>"
    )


# -- the document around the body ------------------------------------------------------------------


def _set_language(document: WordDocument, language: str) -> None:
    """The language on the document's defaults and on every style it uses (spelling, hyphens)."""
    targets = []
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
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


def _toc_styles(document: WordDocument) -> None:
    """Word's own names for the contents' entry styles (`toc 1` …), indented by level."""
    for level in (1, 2, 3):
        style = document.styles.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles["Normal"]
        style.paragraph_format.left_indent = Mm(5 * (level - 1))
        style.paragraph_format.space_after = Pt(2)


def _footer(document: WordDocument, lang: str) -> None:
    """`Sida ` and a PAGE field, centred at the foot of every page."""
    paragraph: WordParagraph = document.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    before, _, after = word(lang, "report.page", page="\0").partition("\0")
    # The report's own words, escaped as they are: `x` would fold away the space before N.
    runs = _run(escape(before)) + _field_start("PAGE") + _run("1") + _field_char("end")
    runs += _run(escape(after)) if after else ""
    for run in parse_xml(f'<w:p xmlns:w="{W_NS}">{runs}</w:p>'):
        paragraph._p.append(run)


def _word_document(document: Document) -> WordDocument:
    result = new_word_document()
    section = result.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.left_margin = section.right_margin = MARGIN
    section.top_margin = section.bottom_margin = MARGIN
    normal = result.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = BODY_SIZE
    language = LANGUAGES.get(document.lang, "sv-SE")
    _set_language(result, language)
    _toc_styles(result)
    _footer(result, document.lang)
    properties = result.core_properties
    properties.title = plain(document.title)
    properties.subject = plain(document.subtitle)
    properties.language = language
    properties.author = ""
    properties.comments = ""
    return result


BODY_MARK = "vpl-report-body"
"""The text of the paragraph that holds the body's place in the document python-docx saves."""
_DOCUMENT_PART = "word/document.xml"


def _body_parts(document: Document) -> Iterator[str]:
    """The body's XML in reading order, in parts."""
    yield from _front(document)
    done: dict[int, str] = {}  # by id(): the document holds every cell while this runs
    previous_was_table = False
    for block in document.blocks:
        is_table = isinstance(block, Table)
        if is_table and previous_was_table and not block.caption:
            yield "<w:p/>"  # Word would join two tables that touch into one
        yield from _block_parts(block, done)
        previous_was_table = is_table
    yield "<w:p/>"  # a body ends with a paragraph, also after a table


def _with_body(skeleton: bytes, body: Iterator[str]) -> bytes:
    """The package `skeleton` again, its placeholder paragraph replaced by `body`.

    The body is written into the zip as it is made, a few hundred parts at a time: a
    region's report is a hundred thousand table rows, and as elements in python-docx's
    tree (parsed, then moved into the document) they took gigabytes and minutes.
    """
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(skeleton)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            data = source.read(info)
            if info.filename != _DOCUMENT_PART:
                target.writestr(info, data)
                continue
            text = data.decode("utf-8")
            mark = text.index(BODY_MARK)
            start, end = text.rindex("<w:p>", 0, mark), text.index("</w:p>", mark) + 6
            with target.open(info, "w") as stream:
                stream.write(text[:start].encode("utf-8"))
                batch: list[str] = []
                for part in body:
                    batch.append(part)
                    if len(batch) >= 256:
                        stream.write("".join(batch).encode("utf-8"))
                        batch.clear()
                stream.write("".join(batch).encode("utf-8"))
                stream.write(text[end:].encode("utf-8"))
    return out.getvalue()


def render_docx(document: Document) -> bytes:
    """The whole report as the bytes of a .docx file."""
    result = _word_document(document)
    result.add_paragraph(BODY_MARK)
    skeleton = io.BytesIO()
    result.save(skeleton)
    return _with_body(skeleton.getvalue(), _body_parts(document))
