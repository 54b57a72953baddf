"""The Word report, read back with python-docx: real headings, tables, a TOC field, A4, page
numbers, Swedish on the styles, and hostile plan text kept as text."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace

import docx
import pytest
from docx.shared import Mm

from vpl_tui.report import build_report, render
from vpl_tui.report.data import FocusGroup, GoalData
from vpl_tui.report.document import Document, Heading, Table, plain
from vpl_tui.report.sample import HOSTILE_TEXTS, sample_data


@pytest.fixture(scope="module")
def document() -> Document:
    return build_report(sample_data(hostile=True, period_id="delar"))


@pytest.fixture(scope="module")
def output(document: Document) -> bytes:
    data = render(document, "docx")
    assert isinstance(data, bytes)
    return data


def _part(output: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(output)) as archive:
        return archive.read(name).decode("utf-8")


def test_headings_in_order_with_word_heading_styles(document: Document, output: bytes) -> None:
    word = docx.Document(io.BytesIO(output))
    headings = [
        (p.style.name, p.text) for p in word.paragraphs if p.style.name.startswith("Heading")
    ]
    expected = [(f"Heading {h.level}", plain(h.text)) for h in document.headings()]
    assert headings == expected
    assert headings[0] == ("Heading 1", "Sammanfattning")
    assert word.paragraphs[0].style.name == "Title"
    assert word.paragraphs[0].text == "Verksamhetsplan 2023"


def test_tables_with_header_rows_and_cell_texts(document: Document, output: bytes) -> None:
    word = docx.Document(io.BytesIO(output))
    tables = [b for b in document.blocks if isinstance(b, Table)]
    assert len(word.tables) == 1 + len(tables)  # the title block, then every table
    facts = word.tables[0]
    assert [c.text for c in facts.rows[2].cells] == [
        "Period",
        "Delårsrapport (till och med 2023-08-31)",
    ]
    for source, table in zip(tables, word.tables[1:], strict=True):
        assert [c.text for c in table.rows[0].cells] == [plain(c.title) for c in source.columns]
        assert len(table.rows) == 1 + len(source.rows)
        # The header repeats on every page the table runs over.
        assert table.rows[0]._tr.trPr.find(docx.oxml.ns.qn("w:tblHeader")) is not None
    activities = next(
        t for t in word.tables if t.rows[0].cells[0].text == "Ref" and len(t.columns) == 6
    )
    assert [c.text for c in activities.rows[2].cells][:4] == [
        "1.1.1-2",
        "Utveckla samarbetet mellan Luleå och Boden {PAGE}",
        "✓\u00a0Klar",
        "2023-03-31",
    ]
    assert activities.rows[3].cells[3].text == "!\u00a02023-04-15"


def test_table_of_contents_field_and_page_numbers(output: bytes) -> None:
    body = _part(output, "word/document.xml")
    instructions = re.findall(r"<w:instrText[^>]*>([^<]*)</w:instrText>", body)
    assert instructions == [' TOC \\o "1-3" \\h \\z \\u ']
    assert body.count('w:fldCharType="begin"') == body.count('w:fldCharType="end"') == 1
    footer = next(
        _part(output, name)
        for name in zipfile.ZipFile(io.BytesIO(output)).namelist()
        if name.startswith("word/footer")
    )
    assert re.findall(r"<w:instrText[^>]*>([^<]*)</w:instrText>", footer) == [" PAGE "]
    word = docx.Document(io.BytesIO(output))
    # "Sida " and the PAGE field, whose result Word fills in on every page.
    assert word.sections[0].footer.paragraphs[0].text == "Sida 1"
    toc = [p.text for p in word.paragraphs if p.style.name.startswith("toc ")]
    assert toc[1:4] == [
        "Sammanfattning",
        "Förändringar sedan Tertial 1",
        "Mål för kompetensförsörjningen",
    ]


def test_a4_margins_and_swedish_styles(output: bytes) -> None:
    section = docx.Document(io.BytesIO(output)).sections[0]
    assert abs(section.page_width.mm - 210) < 0.1
    assert abs(section.page_height.mm - 297) < 0.1
    assert abs(section.left_margin - Mm(20)) < Mm(0.1)
    styles = _part(output, "word/styles.xml")
    normal = re.search(r'<w:style [^>]*w:styleId="Normal".*?</w:style>', styles, re.S)
    heading = re.search(r'<w:style [^>]*w:styleId="Heading1".*?</w:style>', styles, re.S)
    assert normal and '<w:lang w:val="sv-SE"/>' in normal.group()
    assert heading and '<w:lang w:val="sv-SE"/>' in heading.group()
    english = render(build_report(sample_data(), "en"), "docx")
    assert '<w:lang w:val="en-GB"/>' in _part(english, "word/styles.xml")


def test_hostile_text_stays_text(output: bytes) -> None:
    body = _part(output, "word/document.xml")
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(output)).paragraphs)
    cells = "\n".join(
        cell.text
        for table in docx.Document(io.BytesIO(output)).tables
        for row in table.rows
        for cell in row.cells
    )
    everything = text + "\n" + cells
    for hostile in HOSTILE_TEXTS:
        assert plain(hostile) in everything, hostile
    assert "<script>" not in body  # escaped as XML text: &lt;script&gt;
    assert "\\x1b[31mröd\\x1b[0m" in everything and "\x1b" not in body
    assert "noll\\x00byte" in everything and "\x00" not in body
    assert "\\u202eevil" in everything and "\u202e" not in body
    # No hyperlink, field or macro came from plan text.
    assert "<w:hyperlink" not in body and "<w:fldSimple" not in body
    assert not any(
        name.endswith("vbaProject.bin") for name in zipfile.ZipFile(io.BytesIO(output)).namelist()
    )


def test_text_xml_cannot_hold_is_escaped_not_refused() -> None:
    goal = GoalData("9", "Noncharacter \ufffe and \uffff, a lone surrogate \ud800, DEL \x7f")
    data = replace(sample_data(), groups=(FocusGroup(None, (goal,)),))
    output = render(build_report(data), "docx")
    word = docx.Document(io.BytesIO(output))
    heading = next(p.text for p in word.paragraphs if p.text.startswith("9 "))
    assert heading == "9 Noncharacter \\ufffe and \\uffff, a lone surrogate \\ud800, DEL \\x7f"


def test_heading_levels_stay_within_word(document: Document) -> None:
    assert {h.level for h in document.blocks if isinstance(h, Heading)} == {1, 2, 3}


def test_the_body_is_written_once_in_the_placeholders_place() -> None:
    """The body goes into the package where python-docx saved a placeholder paragraph: a
    plan whose texts are the placeholder's own still reads back whole, in order, once."""
    from vpl_tui.report.to_docx import BODY_MARK

    goal = GoalData("9", BODY_MARK)
    data = replace(sample_data(), plan_title=BODY_MARK, groups=(FocusGroup(None, (goal,)),))
    document = build_report(data)
    word = docx.Document(io.BytesIO(render(document, "docx")))
    texts = [p.text for p in word.paragraphs]
    assert texts[0] == BODY_MARK  # the title
    assert f"9 {BODY_MARK}" in texts
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [plain(h.text) for h in document.headings()]
    assert word.element.body[-1].tag.endswith("sectPr")  # the page settings stay last
