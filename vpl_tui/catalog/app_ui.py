"""The app's and the summary's newer texts: cancelled counts, notes on their own, filters,
search beyond activities, settings.

Key: (Swedish, English). A count-bearing text gives both forms: `{count:# träff|# träffar}`.
"""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # Counts: the cancelled apart from the done ("3/7 · 1 avbruten").
    "summary.cancelled": ("{count:# avbruten|# avbrutna}", "{count:# cancelled|# cancelled}"),
    "summary.latest_outcome": ("Senaste utfall", "Latest outcome"),
    "app.tree.cancelled": ("{count} avbr.", "{count} canc."),
    # Filters by status (the cycle of `f` and the palette)
    "app.filter.in_progress": ("pågår", "in progress"),
    "app.filter.delayed": ("försenade", "delayed"),
    "app.filter.not_started": ("ej påbörjade", "not started"),
    "app.filter.cancelled": ("avbrutna", "cancelled"),
    # Notes
    "error.note_empty": ("En anteckning behöver text", "A note needs some text"),
    "app.note.saved": ("Anteckningen sparades för {ref}", "The note was saved for {ref}"),
    "app.note.nothing": (
        "Ingen ändring: {ref} har redan status {label} och anteckningen är tom",
        "No change: {ref} already has status {label} and the note is empty",
    ),
    "app.history.note_only": ("Anteckning · {label}", "Note · {label}"),
    "app.filter.initiative": ("Initiativ: {title}", "Initiative: {title}"),
    "app.palette.initiative": ("Filter: bara initiativet", "Filter: only the initiative"),
    "app.palette.initiative_help": (
        "Visa bara detta initiativ och det som hör till det; Esc visar alla igen",
        "Show only this initiative and what belongs to it; Esc shows them all again",
    ),
    # Search
    "app.key.search-go": ("Till första träffen", "To the first match"),
    "app.tip.search-go": (
        "I sökfältet: till första träffen i trädet; tangenterna efter går till trädet",
        "In the search field: to the first match in the tree; the keys after go to the tree",
    ),
    "app.search.no_hits": ("Inget hittades för {text!r}.", "Nothing found for {text!r}."),
}
