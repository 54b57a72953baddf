"""`vpl report`: what the command says (the report's own words are in vpl_tui/report/words.py).

Key: (Swedish, English).
"""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "report.unknown_period": (
        "okänd period {value!r}: välj {choices}",
        "unknown period {value!r}: choose {choices}",
    ),
    "report.binary_to_terminal": (
        "{format} skrivs inte till en terminal: ange en fil med -o",
        "{format} is not written to a terminal: name a file with -o",
    ),
}
