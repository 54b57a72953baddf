"""Statuses, kinds, columns and the errors every layer raises (one line each, naming the place).

Key: (Swedish, English). A count-bearing text gives both forms: `{count:# träff|# träffar}`.
"""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
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
    "error.unknown_ref": ("{db}: ingen aktivitet '{ref}'", "{db}: no activity '{ref}'"),
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
    # Reliability (issue 5): a read-only database still opens for reading.
    "error.db_read_only_file": (
        "{db}: filen är skrivskyddad; ändringar kan inte sparas",
        "{db}: the file is read-only; changes cannot be saved",
    ),
    "error.db_read_only_folder": (
        "{db}: mappen {folder} är skrivskyddad; ändringar kan inte sparas",
        "{db}: the folder {folder} is read-only; changes cannot be saved",
    ),
    "error.db_damaged": (
        "{db}: databasen är skadad ({reason}); återställ en säkerhetskopia",
        "{db}: the database is damaged ({reason}); restore a backup",
    ),
    "error.db_cannot_open": ("{db}: kan inte öppnas: {reason}", "{db}: cannot be opened: {reason}"),
    "error.db_full": (
        "{db}: disken är full; ändringen sparades inte",
        "{db}: the disk is full; the change was not saved",
    ),
    "error.db_failed": ("{db}: SQLite-fel: {reason}", "{db}: SQLite error: {reason}"),
    "error.note_too_long": (
        "anteckningen är för lång: högst {limit} tecken",
        "the note is too long: at most {limit} characters",
    ),
    "error.user_too_long": (
        "användarnamnet (VPL_USER) är för långt: högst {limit} tecken",
        "the user name (VPL_USER) is too long: at most {limit} characters",
    ),
    "error.db_busy": (
        "{db}: databasen är upptagen av en annan process; försök igen",
        "{db}: the database is busy in another process; try again",
    ),
    "error.db_empty": (
        "{db}: innehåller ingen plan; läs in en med vpl load",
        "{db}: holds no plan; load one with vpl load",
    ),
    "error.output_is_database": (
        "{path}: är databasen själv; välj en annan fil",
        "{path}: is the database itself; choose another file",
    ),
    "error.output_is_folder": (
        "{path}: är en mapp; ange en fil",
        "{path}: is a folder; name a file",
    ),
    "error.write_failed": (
        "{path}: kunde inte skrivas ({reason}); inget ändrades",
        "{path}: could not be written ({reason}); nothing was changed",
    ),
    "error.no_free_name": (
        "{path}: alla numrerade namn är upptagna",
        "{path}: every numbered name is taken",
    ),
    "error.backup_failed": (
        "{db}: säkerhetskopian kunde inte göras ({reason})",
        "{db}: the backup could not be made ({reason})",
    ),
    "error.settings": (
        "{path}: inställningarna kunde inte läsas ({reason}); standardvärden används",
        "{path}: the settings could not be read ({reason}); defaults are used",
    ),
    "error.unknown_figure": ("ingen budgetsiffra {address}", "no budget figure {address}"),
    "error.stale_figure": (
        "{address} har ändrats av någon annan: den är nu {value}",
        "{address} was changed by someone else: it is now {value}",
    ),
    "error.figure_whole_tkr": (
        "{address}: {value} går inte att spara: tabellen har hela tkr (högst 15 siffror)",
        "{address}: {value} cannot be saved: the table holds whole tkr (at most 15 digits)",
    ),
    "error.figure_mkr": (
        "{address}: {value} går inte att spara: potten har mkr från 0 och uppåt, med högst tre "
        "decimaler (hela tkr) och nio siffror före decimaltecknet",
        "{address}: {value} cannot be saved: the pot holds mkr from 0 upwards, with at most three "
        "decimals (whole tkr) and nine digits before the decimal mark",
    ),
}
