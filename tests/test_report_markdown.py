"""The Markdown report, rendered back by a GitHub-like Markdown (tables, linkify): plan text
comes out as the same text, never as a link, emphasis, raw HTML or a broken table."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from vpl_tui.report import build_report, render
from vpl_tui.report.document import Table, plain
from vpl_tui.report.sample import HOSTILE_TEXTS, sample_data
from vpl_tui.report.to_markdown import md


class Rendered(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []
        self.feed(source)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _to_html(markdown: str) -> str:
    # "gfm-like": tables, strikethrough and linkify (bare URLs, www. and e-mail addresses).
    return MarkdownIt("gfm-like").render(markdown)


@pytest.fixture(scope="module")
def markdown() -> str:
    output = render(build_report(sample_data(hostile=True, period_id="delar")), "markdown")
    assert isinstance(output, str)
    return output


def test_no_link_markup_or_html_from_plan_text(markdown: str) -> None:
    page = Rendered(_to_html(markdown))
    # (The report's own words use <strong> and <em>; plan text never does, see below.)
    for tag in ("a", "script", "code", "img", "del", "h6", "ol", "blockquote", "hr"):
        assert tag not in page.tags, tag
    text = "".join(page.text)
    for hostile in HOSTILE_TEXTS:
        assert plain(hostile) in text, hostile


@pytest.mark.parametrize(
    "hostile", [*HOSTILE_TEXTS, "- a list", "1. first", "# heading", "===", "> quote"]
)
def test_each_hostile_text_alone_is_one_plain_paragraph(hostile: str) -> None:
    html = _to_html(md(hostile))
    page = Rendered(html)
    assert page.tags == ["p"], html
    assert "".join(page.text).strip() == plain(hostile)


def test_tables_keep_their_columns(markdown: str) -> None:
    document = build_report(sample_data(hostile=True, period_id="delar"))
    tables = [b for b in document.blocks if isinstance(b, Table)]
    rows = [line for line in markdown.splitlines() if line.startswith("|")]
    assert len(rows) == sum(len(t.rows) + 2 for t in tables)
    for row in rows:
        cells = re.split(r"(?<!\\)\|", row)[1:-1]
        assert len(cells) in {len(t.columns) for t in tables}, row
    html = _to_html(markdown)
    assert html.count("<table>") == len(tables)


def test_structure(markdown: str) -> None:
    lines = markdown.splitlines()
    assert lines[0] == "# Verksamhetsplan 2023"
    assert "## Sammanfattning" in lines
    assert (
        "### 1\\.1.1 Kommunövergripande, skapa förutsättningar för att attrahera och rekrytera "
        "nya medarbetare. \\<script\\>alert(1)\\</script\\>" in lines
    )
    assert "- 1 av 4 mål bedöms uppfyllas" in lines
    assert "**Bedömning:** ●\u00a0Bedöms uppfyllas" in lines
    assert markdown.endswith("\n") and not markdown.endswith("\n\n")
