"""The HTML report, parsed back with html.parser: one self-contained A4 page, no script, no
link out, plan text literal, status columns that never wrap, colours only from the palette."""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser

import pytest

from vpl_tui.report import build_report, render
from vpl_tui.report.data import FocusGroup, GoalData
from vpl_tui.report.document import colour_hex, plain
from vpl_tui.report.sample import HOSTILE_TEXTS, sample_data
from vpl_tui.rules.assessments import DEFAULT_SCALE


class Page(HTMLParser):
    """Every start tag with its attributes, the text outside <style>, and the style sheet."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.style = ""
        self._in_style = False
        self.feed(source)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.style += data
        else:
            self.text.append(data)


@pytest.fixture(scope="module")
def page() -> Page:
    output = render(build_report(sample_data(hostile=True, period_id="delar")), "html")
    assert isinstance(output, str)
    return Page(output)


def test_one_self_contained_page_for_a4(page: Page) -> None:
    names = [tag for tag, _ in page.tags]
    assert names.count("html") == 1 and names.count("style") == 1
    for forbidden in ("script", "link", "img", "iframe", "object", "embed", "form", "base"):
        assert forbidden not in names, forbidden
    assert "@page { size: A4;" in page.style
    assert "counter(page)" in page.style and '"Sida"' in page.style
    assert dict(page.tags)["html"]["lang"] == "sv"


def test_plan_text_is_text(page: Page) -> None:
    text = "".join(page.text)
    for hostile in HOSTILE_TEXTS:
        assert plain(hostile) in text, hostile
    links = [attrs.get("href") for tag, attrs in page.tags if tag == "a"]
    assert links and all(href and href.startswith("#s") for href in links)  # the contents only
    for _, attrs in page.tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), name
            assert "http" not in (value or ""), value


def test_status_columns_never_wrap(page: Page) -> None:
    assert ".nowrap { white-space: nowrap; }" in page.style
    cells = [attrs.get("class") for tag, attrs in page.tags if tag in ("td", "th")]
    assert cells.count("nowrap") > 10
    text = "".join(page.text)
    assert "●\u00a0Bedöms uppfyllas" in text  # symbol and word never part


def test_colours_come_from_the_palette_only() -> None:
    evil = replace(DEFAULT_SCALE.levels[0], colour="red;background:url(http://e.com/x)")
    data = replace(
        sample_data(), groups=(FocusGroup(None, (GoalData("1", "Ett", assessment=evil),)),)
    )
    page = Page(render(build_report(data), "html"))
    styles = [attrs["style"] for _, attrs in page.tags if attrs.get("style")]
    assert styles and all(s.startswith(("color:#", "width:")) for s in styles)
    assert "url(" not in "".join(styles)
    assert colour_hex("#A1b2C3") == "#a1b2c3"
    assert colour_hex("green") == "#1a7f37"
    assert colour_hex("expression(alert(1))") == "#6b6b6b"


def test_headings_and_tables(page: Page) -> None:
    names = [tag for tag, _ in page.tags]
    assert names.count("h1") == 1
    assert names.count("h2") == 6  # the contents and the five sections
    assert names.count("table") > 10 and names.count("thead") == names.count("table") - 1
