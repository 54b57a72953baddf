"""The app's board report preview (`p`), the budget lines search finds, and the messages
of the follow-up and the history chain in the interface's language."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # A search's budget hits (views/budget_hits.py) and the detail pane's view of one.
    "report_app.budget.operating": ("Driftbudget", "Operating budget"),
    "report_app.budget.units": ("Nettokostnader per enhet", "Net costs by unit"),
    "report_app.budget.investments": ("Investeringar", "Investments"),
    "report_app.budget.pot": ("Potten", "The pot"),
    "report_app.budget.caption": ("Budgetrad", "Budget line"),
    "report_app.budget.table": ("Tabell", "Table"),
    "report_app.budget.open": (
        "b öppnar budgetavstämningen med alla rader.",
        "b opens the budget reconciliation with every line.",
    ),
    # The board report's preview (key p, screens/report_preview.py).
    "report_app.heading_period": (
        "Nämndens rapport: {period}",
        "The board report: {period}",
    ),
    "report_app.folder": (
        "Sparas i {folder} (m Markdown · h HTML · w Word · d PDF)",
        "Saved in {folder} (m Markdown · h HTML · w Word · d PDF)",
    ),
    "report_app.building": ("Tar fram rapporten…", "Preparing the report…"),
    "report_app.not_built": (
        "Rapporten kunde inte tas fram: {reason}",
        "The report could not be made: {reason}",
    ),
    "report_app.no_period": ("planen har ingen period", "the plan has no period"),
    "report_app.saved": ("{format} sparad som {path}", "{format} saved as {path}"),
    "report_app.saved_beside": (
        "{format} sparad som {path} ({taken} fanns redan och är kvar)",
        "{format} saved as {path} ({taken} was there already and is kept)",
    ),
    "report_app.not_saved": (
        "{format} kunde inte sparas: {reason}",
        "{format} could not be saved: {reason}",
    ),
    # Its keys (screens/keys.py: app.key.<id>, app.tip.<id>).
    "app.key.report": ("Rapport", "Report"),
    "app.tip.report": (
        "Nämndens rapport för den aktuella perioden: förhandsvisning, spara som Markdown, "
        "HTML, Word eller PDF",
        "The board report of the current period: preview, save as Markdown, HTML, Word or PDF",
    ),
    "app.key.save-md": ("Markdown", "Markdown"),
    "app.tip.save-md": ("Spara rapporten som Markdown", "Save the report as Markdown"),
    "app.key.save-html": ("HTML", "HTML"),
    "app.tip.save-html": ("Spara rapporten som HTML", "Save the report as HTML"),
    "app.key.save-docx": ("Word", "Word"),
    "app.tip.save-docx": ("Spara rapporten som Word (DOCX)", "Save the report as Word (DOCX)"),
    "app.key.save-pdf": ("PDF", "PDF"),
    "app.tip.save-pdf": ("Spara rapporten som PDF", "Save the report as PDF"),
    "app.key.status": ("Status", "Status"),
    "app.tip.status": (
        "Den snabba statussammanställningen (vpl summary)",
        "The quick status summary (vpl summary)",
    ),
}
