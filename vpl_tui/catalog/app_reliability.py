"""Texts of the app's own safety: where the summary went, a busy database, an error caught."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "app.summary.saved_to": (
        "Statusrapporten sparades som {path}",
        "The status summary was saved as {path}",
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
