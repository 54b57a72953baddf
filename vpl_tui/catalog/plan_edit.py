"""Changing the plan where one works: `vpl add`, `vpl edit`, `vpl move`, `vpl cancel`, the forms.

Key: (Swedish, English). The reasons a value is refused are the plan file's own
(`plan.*` in `cli_help`): a form, `vpl edit` and a plan file say the same.
"""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # Errors
    "plan_edit.invalid": ("{field}: {reason}", "{field}: {reason}"),
    "plan_edit.unknown_field": ("okänt fält {field}", "unknown field {field}"),
    "plan_edit.stale": (
        "{target} har ändrats av någon annan: den är nu {now}",
        "{target} was changed by someone else: it is now {now}",
    ),
    "plan_edit.undo_conflict": (
        "kan inte ångra ändringen av {target}: den har ändrats sedan dess",
        "cannot undo the change of {target}: it has changed since",
    ),
    "plan_edit.nothing_to_change": (
        "ange minst ett fält att ändra (--title, --start, --end, --responsible, --kind)",
        "give at least one field to change (--title, --start, --end, --responsible, --kind)",
    ),
    "plan_edit.bad_year": (
        "{year} är inte ett år efter planens {plan_year}",
        "{year} is not a year after the plan's {plan_year}",
    ),
    "plan_edit.next_year_needs_file": (
        "--next-year skriver en ny planfil: ange den med -o FIL",
        "--next-year writes a new plan file: name it with -o FILE",
    ),
    "load.plan_change_diverged": (
        "{name}: filens planändringar och databasens har gått isär; inget skrevs (ta med "
        "databasens ändringar i filen, eller ersätt allt med vpl load --replace {file})",
        "{name}: the file's plan changes and the database's have diverged; nothing was "
        "written (include the database's changes in the file, or replace everything with "
        "vpl load --replace {file})",
    ),
    "load.plan_change_dropped": (
        "{name}: filen saknar planändringarna som databasen har; inget skrevs (exportera "
        "planen på nytt, eller ersätt allt med vpl load --replace {file})",
        "{name}: the file leaves out the plan changes the database holds; nothing was "
        "written (export the plan again, or replace everything with vpl load --replace {file})",
    ),
    # What the commands say
    "plan_edit.added": (
        "lade till {ref} under {place}: {title}",
        "added {ref} under {place}: {title}",
    ),
    "plan_edit.changed": ("{ref}: {field} {before} → {after}", "{ref}: {field} {before} → {after}"),
    "plan_edit.unchanged": ("{ref}: inget ändrades", "{ref}: nothing changed"),
    "plan_edit.moved": ("flyttade {ref}: {before} → {after}", "moved {ref}: {before} → {after}"),
    "plan_edit.cancelled": ("avbröt {ref}", "cancelled {ref}"),
    "plan_edit.undone": (
        "ångrade {ref}: {field} {before} → {after}",
        "undid {ref}: {field} {before} → {after}",
    ),
    "plan_edit.next_year_written": (
        "skrev {file}: planen för {year}, {count:# aktivitet överförd|# aktiviteter överförda} "
        "(ladda den med vpl load --db NY.db {file})",
        "wrote {file}: the plan of {year}, {count:# activity|# activities} carried "
        "(load it with vpl load --db NEW.db {file})",
    ),
    "summary.responsible_only": (
        "Endast aktiviteter med ansvarig {name}",
        "Only the activities {name} is responsible for",
    ),
    # Field names, as the forms and the history show them
    "field.title": ("Titel", "Title"),
    "field.kind": ("Typ", "Kind"),
    "field.start": ("Start", "Start"),
    "field.end": ("Slut", "End"),
    "field.responsible": ("Ansvarig", "Responsible"),
    "field.place": ("Placering", "Place"),
    "field.added": ("Tillagd", "Added"),
    "field.description": ("Beskrivning", "Description"),
    "field.purpose": ("Syfte", "Purpose"),
    "field.carried_from": ("Överförd från", "Carried from"),
    # Help
    "help.add": (
        "Lägg till en aktivitet under PLACE (ett målnummer eller ett initiativs id), med nästa ref.",
        "Add an activity under PLACE (a goal number or an initiative id), with the next ref.",
    ),
    "help.add.title": ("Vad som ska göras.", "What is to be done."),
    "help.add.start": ("Startdatum, ÅÅÅÅ-MM-DD.", "Start date, YYYY-MM-DD."),
    "help.add.end": ("Slutdatum, ÅÅÅÅ-MM-DD.", "End date, YYYY-MM-DD."),
    "help.add.kind": (
        "activity (aktivitet) eller investigation (utredningsuppdrag).",
        "activity or investigation (utredningsuppdrag).",
    ),
    "help.add.responsible": (
        "Vem som är ansvarig: en person eller en enhet.",
        "Who is responsible: a person or a unit.",
    ),
    "help.add.output_format": (
        "Utdataformat (json för skript).",
        "Output format (json for scripts).",
    ),
    "help.edit": (
        "Ändra aktivitet REF:s titel, datum, ansvarig eller typ; varje ändring sparas i historiken.",
        "Change activity REF's title, dates, responsible or kind; each change is kept in its history.",
    ),
    "help.edit.title": ("En ny titel.", "A new title."),
    "help.edit.start": ("Ett nytt startdatum, ÅÅÅÅ-MM-DD.", "A new start date, YYYY-MM-DD."),
    "help.edit.end": ("Ett nytt slutdatum, ÅÅÅÅ-MM-DD.", "A new end date, YYYY-MM-DD."),
    "help.edit.responsible": (
        'Vem som är ansvarig ("" för ingen).',
        'Who is responsible ("" for nobody).',
    ),
    "help.edit.kind": (
        "activity (aktivitet) eller investigation (utredningsuppdrag).",
        "activity or investigation (utredningsuppdrag).",
    ),
    "help.edit.expected_version": (
        "Vägra ändringen om aktiviteten inte längre har denna version (för skript).",
        "Refuse the edit if the activity is no longer at this version (for scripts).",
    ),
    "help.edit.output_format": (
        "Utdataformat (json för skript).",
        "Output format (json for scripts).",
    ),
    "help.move": (
        "Flytta aktivitet REF till ett annat mål eller initiativ; den behåller sin ref.",
        "Move activity REF to another goal or initiative; it keeps its ref.",
    ),
    "help.move.place": (
        "Målnumret eller initiativets id att flytta till.",
        "The goal number or initiative id to move to.",
    ),
    "help.move.output_format": (
        "Utdataformat (json för skript).",
        "Output format (json for scripts).",
    ),
    "help.cancel": (
        "Avbryt aktivitet REF: den stannar i planen, med sin historik, som avbruten.",
        "Cancel activity REF: it stays in the plan, with its history, as cancelled.",
    ),
    "help.cancel.output_format": (
        "Utdataformat (json för skript).",
        "Output format (json for scripts).",
    ),
    "help.export.next_year": (
        "Skriv i stället nästa års plan (ÅR): mål och mätetal överförda, ej klara aktiviteter "
        "med flyttade datum; kräver -o FIL.",
        "Write next year's plan (YEAR) instead: goals and metrics carried, unfinished activities "
        "with their dates moved; needs -o FILE.",
    ),
    "help.summary.responsible": (
        "Räkna bara aktiviteter som NAMN är ansvarig för.",
        "Count only the activities NAME is responsible for.",
    ),
}
