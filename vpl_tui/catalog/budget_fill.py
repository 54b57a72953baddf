"""The budget screen's empty cells, filled; and why the driftredovisning is read-only.

Key: (Swedish, English).
"""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "budget.detail.empty": (
        "{line}, {year}: tom i den publicerade planen. Enter fyller i den; ändringen sparas "
        "med din anteckning och syns i historiken.",
        "{line}, {year}: empty in the published plan. Enter fills it in; the change is kept "
        "with your note and shows in the history.",
    ),
    "budget.detail.filled": (
        "✎ ifylld: cellen var tom i den publicerade planen (ingen publicerad siffra)",
        "✎ filled in: the cell was empty in the published plan (no published figure)",
    ),
    "budget.detail.was_empty": ("tom", "empty"),
    "budget.detail.drift_read_only": (
        "Driftredovisningen visas som den publicerades och ändras inte här, inte heller "
        "budgetårets siffror: en ändring under året är en prognos (avsnitt 6, vpl forecast), "
        "och ett avskrivningsfel rättas i planfilen, som sedan läses in igen (vpl load).",
        "The driftredovisning is shown as published and is not edited here, nor are its "
        "budget year's figures: a change during the year is a forecast (section 6, vpl "
        "forecast), and a transcription error is corrected in the plan file, then loaded "
        "again (vpl load).",
    ),
    "budget.edit.drift": (
        "Driftredovisningen är som publicerad och ändras inte här; rätta den i planfilen",
        "The driftredovisning is as published and is not edited here; correct it in the plan file",
    ),
    "budget.edit.filled": (
        "{line} {year}: ifylld med {new} {unit} (tom i den publicerade planen)",
        "{line} {year}: filled in with {new} {unit} (empty in the published plan)",
    ),
    "budget.edit.no_published": (
        "{line} {year} var tom i den publicerade planen: det finns ingen publicerad siffra att "
        "återställa; enter ändrar siffran",
        "{line} {year} was empty in the published plan: there is no published figure to "
        "restore; enter changes the figure",
    ),
    "plan.budget.fill_not_first": (
        "saknar from: bara en siffras första ändring kan fylla i en tom cell",
        "has no from: only a figure's first change can fill an empty cell",
    ),
}
