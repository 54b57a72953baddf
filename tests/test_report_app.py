"""`p` in the app: the board report of the current period, previewed and saved (issue 16 §5).

One user story through Pilot on a real database: `p` opens the preview with the same
sections as `vpl report`; plan text stays text; `w` and `m` save Word and Markdown into
the folder the screen shows, and both read back (python-docx); saving again never
replaces the first file and says so; `P` opens the quick status summary, from the
preview as from the plan.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from test_app_support import SIZE, make_app, notifications, plan, settle

from vpl_tui.db.store import Store
from vpl_tui.screens.report_preview import ReportPreview
from vpl_tui.screens.summary_view import SummaryView


@pytest.fixture(autouse=True)
def user(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("VPL_USER", "kontroller")
    monkeypatch.setenv("VPL_CONFIG", str(tmp_path / "settings.toml"))


async def test_p_previews_the_board_report_and_saves_it_as_word_and_markdown(
    store: Store, tmp_path: Path
) -> None:
    folder = tmp_path / "rapporter"
    store.set_status("smart-2", "done", user="kontroller")
    app = make_app(store, folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        preview = app.screen
        assert isinstance(preview, ReportPreview)
        shown = preview.text
        # The same sections as `vpl report`, in its order; the current period's name.
        places = [shown.index(word) for word in ("Sammanfattning", "Mål", "Ekonomi")]
        assert places == sorted(places)
        assert "Årsredovisning" in shown  # the current period of the bundled plan's year
        assert "Smart kommun" in shown
        folder_line = str(preview.query_one("#report-folder").render())
        assert str(folder) in folder_line
        await pilot.press("w")
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        saved = sorted(path.name for path in folder.iterdir())
        assert [name.rsplit(".", 1)[1] for name in saved] == ["docx", "md"]
        word = docx.Document(str(next(folder.glob("*.docx"))))
        headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
        assert "Sammanfattning" in headings and "Ekonomi" in headings
        markdown = next(folder.glob("*.md")).read_text(encoding="utf-8")
        assert "Sammanfattning" in markdown and "Smart kommun" in markdown
        said = notifications(app)
        assert any("Word (DOCX) sparad som" in n and str(folder) in n for n in said)
        # Again: a new file beside the first, which is kept, and the notice says so.
        first = next(folder.glob("*.md")).read_bytes()
        await pilot.press("m")
        await settle(pilot)
        assert len(list(folder.glob("*.md"))) == 2
        assert any("fanns redan och är kvar" in n for n in notifications(app))
        assert first in [path.read_bytes() for path in folder.glob("*.md")]
        await pilot.press("P")  # the quick status summary, one key away
        await settle(pilot)
        assert isinstance(app.screen, SummaryView)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is plan(app)
        await pilot.press("P")
        await settle(pilot)
        assert isinstance(app.screen, SummaryView)


async def test_plan_text_in_the_preview_is_never_markup(store: Store, tmp_path: Path) -> None:
    hostile = "[bold red]Fet[/] \x1b[31m röd"
    store.db.execute("UPDATE goal SET title = ? WHERE number = '1.1.1'", (hostile,))
    store.db.conn.commit()
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        shown = app.screen.text
        assert "[bold red]Fet[/]" in shown and "\x1b" not in shown


async def test_the_preview_reports_the_period_the_header_shows(
    store: Store, tmp_path: Path
) -> None:
    app = make_app(store, tmp_path / "rapporter")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("left_square_bracket")  # Årsredovisning → Delårsrapport
        await settle(pilot)
        assert app.period_id == "delar"
        await pilot.press("p")
        await settle(pilot)
        preview = app.screen
        assert isinstance(preview, ReportPreview)
        assert "Delårsrapport" in preview.text
        assert "Årsredovisning" not in preview.text
