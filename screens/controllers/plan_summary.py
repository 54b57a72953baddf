"""Key `p`: the status summary built in a worker, saved as Markdown, shown at the pane's width.

The summary itself (`vpl_tui.summary.Summary`) goes to the screen, not only its text: the
view renders it at the width it has (`render_text(width=...)`), again when the terminal is
resized, so titles use the room there is and no line wraps.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from vpl_tui.db.store import Store
from vpl_tui.safetext import clean
from vpl_tui.strings import Strings
from vpl_tui.summary import Summary


@dataclass(frozen=True)
class ShownSummary:
    """The summary to show, and where its Markdown was written."""

    summary: Summary
    path: Path
    error: str | None
    """Why the file could not be written, or None."""


def prepare_summary(path: Path, today: date, strings: Strings, folder: Path) -> ShownSummary:
    """In a worker: build the summary and save it as Markdown in `folder`."""
    from vpl_tui.summary import build_summary, render

    with Store.open(path) as store:
        summary = build_summary(store, today)
    target = folder / strings("app.summary.file", date=today.isoformat())
    error = None
    try:
        target.write_text(render(summary, "markdown", strings), encoding="utf-8")
    except OSError as problem:
        error = clean(problem.strerror or str(problem))
    return ShownSummary(summary, target, error)
