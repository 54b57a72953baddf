"""Texts of the app's own safety: where the summary went, a busy database, an error caught."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "app.summary.saved_to": (
        "Statusrapporten sparades som {path}",
        "The status summary was saved as {path}",
    ),
    "budget.edit.actual": (
        "Bokslut är utfall och kan inte ändras; ändra prognosen eller budgeten",
        "Actuals are the closed accounts and cannot be edited; edit the forecast or budget",
    ),
    "app.key.budget.not_editable": ("Ändra", "Edit"),
    "app.tip.budget.not_editable": (
        "Säger varför cellen inte kan ändras (beräknad, tom eller bokslut)",
        "Says why the cell cannot be edited (computed, blank or actuals)",
    ),
    "app.failed": (
        "Något gick fel: {reason}. Appen fortsätter; inget mer ändrades",
        "Something went wrong: {reason}. The app carries on; nothing more was changed",
    ),
    "app.failed_exit": (
        "vpl: appen avslutades av ett fel: {reason}",
        "vpl: the app stopped on an error: {reason}",
    ),
    "app.settings_unread": (
        "{reason}; statusrapporten sparas i {folder}",
        "{reason}; the status summary is saved in {folder}",
    ),
}
