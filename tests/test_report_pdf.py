"""The PDF report, read back with pypdf: A4 pages numbered "Sida N", the contents and the
outline, DejaVu Sans embedded, Swedish letters and every symbol extracted, hostile text literal."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from vpl_tui.report import build_report, render
from vpl_tui.report.document import Document, plain
from vpl_tui.report.sample import HOSTILE_TEXTS, large_data, sample_data


@pytest.fixture(scope="module")
def document() -> Document:
    return build_report(sample_data(hostile=True, period_id="delar"))


@pytest.fixture(scope="module")
def reader(document: Document) -> PdfReader:
    output = render(document, "pdf")
    assert isinstance(output, bytes) and output.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(output))


@pytest.fixture(scope="module")
def text(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def test_a4_pages_numbered(reader: PdfReader) -> None:
    assert len(reader.pages) >= 4
    for page in reader.pages:
        box = page.mediabox
        assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    for number, page in enumerate(reader.pages, 1):
        assert f"Sida {number}" in page.extract_text()


def test_contents_and_outline(reader: PdfReader) -> None:
    first = reader.pages[0].extract_text()
    assert "Innehåll" in first
    assert "Sammanfattning" in first and "Mål för kompetensförsörjningen" in first
    links = [a.get_object() for a in reader.pages[0].get("/Annots", [])]
    assert len(links) >= 8 and all(
        link["/Subtype"] == "/Link" and "/Dest" in link for link in links
    )
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert outline[:3] == [
        "Sammanfattning",
        "Förändringar sedan Tertial 1",
        "Mål för kompetensförsörjningen",
    ]


def test_dejavu_is_embedded(reader: PdfReader) -> None:
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts.add(str(font["/BaseFont"]).split("+")[-1])
            descendant = font.get("/DescendantFonts")
            descriptor = (descendant[0].get_object() if descendant else font).get("/FontDescriptor")
            if descriptor is not None:
                descriptor = descriptor.get_object()
                assert "/FontFile2" in descriptor, "the font must be embedded"
    assert {"DejaVuSans", "DejaVuSans-Bold"} <= fonts


def test_swedish_letters_and_symbols_survive(text: str) -> None:
    for expected in ("Luleå", "Åsa Öberg", "Förändringar", "kompetensförsörjningen", "Ökade"):
        assert expected in text
    for symbol in "●◐○–↑↓→✓✗!−":
        assert symbol in text, symbol
    assert "Bedöms delvis uppfyllas" in text
    assert "Utfall saknas" in text and "Ej bedömd" in text


def test_hostile_text_is_literal(text: str) -> None:
    flat = "".join(text.split())
    for hostile in HOSTILE_TEXTS:
        # Table cells wrap, long words too (`anna@example.co` / `m`): compare without the
        # white space the extraction keeps.
        assert "".join(plain(hostile).split()) in flat, hostile
    assert "\x1b" not in text and "\x00" not in text and "\u202e" not in text


def test_english_pages_say_page() -> None:
    output = render(build_report(sample_data(), "en"), "pdf")
    reader = PdfReader(io.BytesIO(output))
    assert "Page 1" in reader.pages[0].extract_text()
    assert "Contents" in reader.pages[0].extract_text()


def test_same_document_same_bytes() -> None:
    document = build_report(sample_data())
    assert render(document, "pdf") == render(document, "pdf")


def test_the_contents_page_numbers_lead_to_the_headings() -> None:
    document = build_report(large_data(goals=25, activities=6))
    reader = PdfReader(io.BytesIO(render(document, "pdf")))
    first_pages = "".join(page.extract_text() for page in reader.pages[:2])
    entries = re.findall(r"^(\d\.\d\.\d+ Mål [^\n]*)\n(\d+)$", first_pages, re.MULTILINE)
    assert len(entries) == 25
    squeeze = "".join  # headings wrap; compare without white space
    for heading, page in entries:
        text = reader.pages[int(page) - 1].extract_text()
        assert squeeze(heading.split()) in squeeze(text.split()), (heading, page)
    assert int(entries[-1][1]) > int(entries[0][1])  # the goals run over several pages
