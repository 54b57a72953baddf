"""Every interface string, in Swedish and English: the one catalog the CLI and the app share.

The texts are in `vpl_tui.catalog`, one module an area; this module looks them up.

The plan's own text is never translated: it is shown as written. JSON keys and status
codes stay English in both languages; only what a person reads changes.

Use:
    >>> s = Strings("en")
    >>> s("status.done")
    'Done'
    >>> s("summary.overdue_count", count=3)
    'Overdue: 3'

Plural forms: a count's placeholder may carry its two forms, `{count:# träff|# träffar}`,
the first for exactly one and the second for every other number (Swedish and English
both have these two forms for whole numbers); `#` stands for the number. The caller
passes the count as usual, `s("app.search.label", text=t, count=n)`, and gets "1 träff",
"2 träffar". A template may hold several counts, each with its own forms.
"""

from __future__ import annotations

import os
from typing import Literal, get_args

from vpl_tui.rules.statuses import STATUSES, Status

Lang = Literal["sv", "en"]
LANGS: tuple[Lang, ...] = get_args(Lang)
DEFAULT_LANG: Lang = "sv"

# The texts themselves, one module an area (vpl_tui/catalog/); imported after Lang so that
# an area may name it.
from vpl_tui.catalog import CATALOG  # noqa: E402, F401


class Quantity(int):
    """A whole number that picks its word form when a template asks: `{n:# rad|# rader}`.

    Without forms in its placeholder it formats as any int does (`{n}`, `{n:>6}`).
    """

    __slots__ = ()

    def __format__(self, spec: str) -> str:
        if "|" not in spec:
            return int.__format__(self, spec)
        one, other = spec.split("|", 1)
        return (one if self == 1 else other).replace("#", int.__repr__(self))


class Strings:
    """The catalog in one language: call it with a key and the values to fill in."""

    def __init__(self, lang: Lang = DEFAULT_LANG) -> None:
        if lang not in LANGS:
            raise ValueError(f"unknown language {lang!r}")
        self.lang: Lang = lang
        self._column = LANGS.index(lang)

    def __call__(self, key: str, **values: object) -> str:
        template = CATALOG[key][self._column]
        if not values:
            return template
        if "|" in template:  # plural forms (or a literal "|", which a count leaves alone)
            values = {
                name: Quantity(value) if type(value) is int else value
                for name, value in values.items()
            }
        return template.format(**values)

    def status(self, status: str) -> str:
        """The label of a status code, e.g. `done` → `Klar`."""
        return self(f"status.{status}")


def lang_from_env(explicit: str | None = None) -> Lang:
    """The language asked for: `--lang`, else `VPL_LANG`, else Swedish."""
    value = (explicit or os.environ.get("VPL_LANG") or DEFAULT_LANG).strip().lower()
    value = value.split("_")[0].split(".")[0]
    if value not in LANGS:
        raise ValueError(Strings(DEFAULT_LANG)("error.unknown_lang", value=value))
    return value  # type: ignore[return-value]


def parse_status(text: str) -> Status | None:
    """A status from its code or its label in either language (`done`, `Klar`, `klar`, `Done`)."""
    wanted = " ".join(text.replace("_", " ").split()).casefold()
    for status in STATUSES:
        names = {status.replace("_", " ")} | {
            CATALOG[f"status.{status}"][column].casefold() for column in range(len(LANGS))
        }
        if wanted in names:
            return status
    return None


def status_choices(lang: Lang) -> str:
    """`not_started (Ej påbörjad), in_progress (Pågår), ...` for error messages."""
    s = Strings(lang)
    return ", ".join(f"{code} ({s.status(code)})" for code in STATUSES)
