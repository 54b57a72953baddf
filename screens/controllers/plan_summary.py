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
from vpl_tui.errors import VplError
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

    def notice(self, strings: Strings) -> str:
        """One line that says where the file went, or why it is not there."""
        if self.error is None:
            return strings("app.summary.saved_to", path=clean(str(self.path)))
        return strings("app.summary.not_saved", path=clean(str(self.path)), reason=self.error)


def prepare_summary(path: Path, today: date, strings: Strings, folder: Path) -> ShownSummary:
    """In a worker: build the summary and save it as a new Markdown file in `folder`.

    The file never replaces one already there (the day's second summary is `-2`), and a
    link at its name is not followed (`save_new`); a file that cannot be written is
    reported in the result, and the summary is shown all the same.
    """
    from vpl_tui.files import save_new
    from vpl_tui.summary import build_summary, render

    with Store.open(path) as store:
        summary = build_summary(store, today)
    name = strings("app.summary.file", date=today.isoformat())
    target = folder / name
    error = None
    try:
        target = save_new(folder, name, render(summary, "markdown", strings))
    except VplError as problem:
        error = clean(str(problem.values.get("reason") or problem.render(strings)))
    return ShownSummary(summary, target, error)
