"""Every interface string, in Swedish and English: the one catalog the CLI and the app share.

The plan's own text is never translated: it is shown as written. JSON keys and status
codes stay English in both languages; only what a person reads changes.

Use:
    >>> s = Strings("en")
    >>> s("status.done")
    'Done'
    >>> s("summary.overdue_count", count=3)
    'Overdue: 3'
"""

from __future__ import annotations

import os
from typing import Literal, get_args

from vpl_tui.model import STATUSES, Status

Lang = Literal["sv", "en"]
LANGS: tuple[Lang, ...] = get_args(Lang)
DEFAULT_LANG: Lang = "sv"

CATALOG: dict[str, tuple[str, str]] = {
    # key: (Swedish, English)
    "status.not_started": ("Ej påbörjad", "Not started"),
    "status.in_progress": ("Pågår", "In progress"),
    "status.done": ("Klar", "Done"),
    "status.delayed": ("Försenad", "Delayed"),
    "status.cancelled": ("Avbruten", "Cancelled"),
    "kind.activity": ("Aktivitet", "Activity"),
    "kind.investigation": ("Utredningsuppdrag", "Investigation assignment"),
    "goal_kind.council": ("KF-mål", "Council goal"),
    "goal_kind.board": ("Nämndsmål", "Board goal"),
    "column.actual": ("Bokslut", "Actual"),
    "column.forecast": ("Prognos", "Forecast"),
    "column.budget": ("Budget", "Budget"),
    # Errors: one line each, naming the place.
    "error.prefix": ("vpl: fel", "vpl: error"),
    "error.unknown_status": (
        "okänd status {value!r}: välj {choices}",
        "unknown status {value!r}: choose {choices}",
    ),
    "error.unknown_ref": ("{db}: ingen aktivitet {ref!r}", "{db}: no activity {ref!r}"),
    "error.nothing_to_undo": ("inget att ångra", "nothing to undo"),
    "error.undo_conflict": (
        "kan inte ångra {ref}: den har ändrats till {status} sedan dess",
        "cannot undo {ref}: it has changed to {status} since",
    ),
    "error.stale": (
        "{ref} har ändrats av någon annan: den är nu {status}",
        "{ref} was changed by someone else: it is now {status}",
    ),
    "error.bad_date": (
        "{value!r} är inte ett datum (ÅÅÅÅ-MM-DD)",
        "{value!r} is not a date (YYYY-MM-DD)",
    ),
    "error.unknown_lang": (
        "okänt språk {value!r}: välj sv eller en",
        "unknown language {value!r}: choose sv or en",
    ),
    "error.db_not_sqlite": ("{db}: är inte en SQLite-databas", "{db}: is not a SQLite database"),
    "error.db_foreign": (
        "{db}: är en SQLite-databas från ett annat program (tabeller: {tables})",
        "{db}: is a SQLite database of another program (tables: {tables})",
    ),
    "error.db_too_new": (
        "{db}: skrevs av en nyare vpl (schemaversion {found}, den här förstår upp till {known}); uppgradera vpl",
        "{db}: was written by a newer vpl (schema version {found}, this one knows up to {known}); upgrade vpl",
    ),
    "error.db_no_folder": (
        "{db}: mappen {folder} finns inte",
        "{db}: the folder {folder} does not exist",
    ),
    "error.db_read_only": ("{db}: kan inte skriva: {reason}", "{db}: cannot write: {reason}"),
    "error.db_cannot_open": ("{db}: kan inte öppnas: {reason}", "{db}: cannot be opened: {reason}"),
    "error.db_busy": (
        "{db}: databasen är upptagen av en annan process; försök igen",
        "{db}: the database is busy in another process; try again",
    ),
    "error.db_empty": (
        "{db}: innehåller ingen plan; läs in en med vpl load",
        "{db}: holds no plan; load one with vpl load",
    ),
    "error.unknown_figure": ("ingen budgetsiffra {address}", "no budget figure {address}"),
    "error.stale_figure": (
        "{address} har ändrats av någon annan: den är nu {value}",
        "{address} was changed by someone else: it is now {value}",
    ),
    # CLI messages
    "cli.loaded": (
        "{file}: läste in {goals} mål, {initiatives} initiativ, {activities} aktiviteter i {db}",
        "{file}: loaded {goals} goals, {initiatives} initiatives, {activities} activities into {db}",
    ),
    "cli.checked": (
        "{file}: giltig plan ({goals} mål, {initiatives} initiativ, {activities} aktiviteter)",
        "{file}: valid plan ({goals} goals, {initiatives} initiatives, {activities} activities)",
    ),
    "cli.set": ("{ref}: {from_label} → {to_label}", "{ref}: {from_label} → {to_label}"),
    "cli.unchanged": ("{ref}: redan {label}", "{ref}: already {label}"),
    "cli.undone": (
        "ångrade {ref}: {from_label} → {to_label}",
        "undid {ref}: {from_label} → {to_label}",
    ),
    "cli.exported": ("skrev {file}", "wrote {file}"),
    "cli.no_history": ("ingen historik", "no history"),
    "history.header": (
        "tid (UTC)  ref  från → till  användare  anteckning",
        "time (UTC)  ref  from → to  user  note",
    ),
    # Summary
    "summary.title": ("Statusrapport", "Status summary"),
    "summary.as_of": ("Per {date}", "As of {date}"),
    "summary.activities": ("Aktiviteter", "Activities"),
    "summary.total": ("Totalt", "Total"),
    "summary.by_status": ("Per status", "By status"),
    "summary.overdue_count": ("Försenade enligt slutdatum: {count}", "Overdue: {count}"),
    "summary.goals": ("Mål och initiativ", "Goals and initiatives"),
    "summary.goal": ("Mål", "Goal"),
    "summary.done": ("Klara", "Done"),
    "summary.of": ("{done} av {total} klara", "{done} of {total} done"),
    "summary.overdue": ("Passerat slutdatum", "Overdue"),
    "summary.none_overdue": (
        "Inga aktiviteter har passerat sitt slutdatum.",
        "No activity is past its end date.",
    ),
    "summary.ref": ("Ref", "Ref"),
    "summary.activity": ("Aktivitet", "Activity"),
    "summary.end": ("Slutdatum", "End"),
    "summary.status": ("Status", "Status"),
    "summary.metrics": ("Mätetal", "Metrics"),
    "summary.metric": ("Mätetal", "Metric"),
    "summary.latest": ("Senaste utfall", "Latest outcome"),
    "summary.target": ("Mål {year}", "Target {year}"),
    "summary.budget": (
        "Budgetavstämning: {checks} kontroller, {failed} avvikelser, {unchecked} kan inte kontrolleras",
        "Budget reconciliation: {checks} checks, {failed} failed, {unchecked} cannot be checked",
    ),
    "summary.no_budget": (
        "Planen har ingen budget att stämma av.",
        "The plan has no budget to reconcile.",
    ),
    "summary.generated": ("Utskriven {when} av vpl {version}", "Printed {when} by vpl {version}"),
    # -- budget strings: keys "budget.*" (add new ones above this line) --
    # -- app strings: keys "app.*" (add new ones above this line) --
}


class Strings:
    """The catalog in one language: call it with a key and the values to fill in."""

    def __init__(self, lang: Lang = DEFAULT_LANG) -> None:
        if lang not in LANGS:
            raise ValueError(f"unknown language {lang!r}")
        self.lang: Lang = lang
        self._column = LANGS.index(lang)

    def __call__(self, key: str, **values: object) -> str:
        template = CATALOG[key][self._column]
        return template.format(**values) if values else template

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
