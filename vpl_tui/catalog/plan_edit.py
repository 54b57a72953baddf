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
}
