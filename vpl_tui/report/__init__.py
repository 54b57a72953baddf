"""The board's follow-up report for one period (issue 16): DOCX, PDF, HTML or Markdown.

    data = ReportData(...)                      # filled in by the database side
    document = build_report(data, "sv")         # the contents, format-free (document.py)
    output = render(document, "docx")           # bytes for docx and pdf, str for the others

`build_report` decides what the report says; the renderers only how it looks, so every
format says the same. The renderers are imported when asked for: python-docx and reportlab
take a while to load and most commands need neither.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Literal

from vpl_tui.report.build import build_report
from vpl_tui.report.data import ReportData
from vpl_tui.report.document import Document

if TYPE_CHECKING:
    from vpl_tui.report.gather import ReportReader
    from vpl_tui.rules.periods import Period
    from vpl_tui.strings import Strings

Format = Literal["docx", "pdf", "html", "markdown"]
FORMATS: tuple[Format, ...] = ("docx", "pdf", "html", "markdown")
SUFFIXES: dict[str, str] = {"docx": ".docx", "pdf": ".pdf", "html": ".html", "markdown": ".md"}

__all__ = [
    "FORMATS",
    "SUFFIXES",
    "Document",
    "Format",
    "ReportData",
    "build_report",
    "render",
    "report_of",
]


def report_of(
    reader: ReportReader, period: Period, *, made_on: date, made_by: str, strings: Strings
) -> Document:
    """The report of `period` as `vpl report` and the app's preview make it: the plan's
    periods and scale read from `reader` (the Store), in the strings' language."""
    from vpl_tui.report.gather import gather_report

    data = gather_report(
        reader,
        period,
        list(reader.periods()),
        made_on=made_on,
        made_by=made_by,
        strings=strings,
        scale=reader.scale(),
    )
    return build_report(data, strings.lang)


def render(document: Document, fmt: str) -> str | bytes:
    """The report in `fmt`: bytes for "docx" and "pdf", text for "html" and "markdown"."""
    if fmt == "markdown":
        from vpl_tui.report.to_markdown import render_markdown

        return render_markdown(document)
    if fmt == "html":
        from vpl_tui.report.to_html import render_html

        return render_html(document)
    if fmt == "docx":
        from vpl_tui.report.to_docx import render_docx

        return render_docx(document)
    if fmt == "pdf":
        from vpl_tui.report.to_pdf import render_pdf

        return render_pdf(document)
    raise ValueError(f"unknown report format {fmt!r}: choose {', '.join(FORMATS)}")
