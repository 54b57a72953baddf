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
}
