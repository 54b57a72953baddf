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
    "plan_edit.nothing_to_change_goal": (
        "ange minst ett fält att ändra på målet (--title, --description, --responsible)",
        "give at least one field of the goal to change (--title, --description, --responsible)",
    ),
    "plan_edit.nothing_to_change_initiative": (
        "ange minst ett fält att ändra på initiativet (--title, --purpose, --responsible)",
        "give at least one field of the initiative to change (--title, --purpose, --responsible)",
    ),
    "plan_edit.nothing_to_change_metric": (
        "ange minst ett fält att ändra på måttet (--name, --unit, --target, --kpi, "
        "--higher-is-better/--lower-is-better)",
        "give at least one field of the metric to change (--name, --unit, --target, --kpi, "
        "--higher-is-better/--lower-is-better)",
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
    "summary.responsible_of": ("Ansvarig: {name}", "Responsible: {name}"),
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
        "Lägg till en aktivitet under PLACE (ett målnummer eller ett initiativs id), med nästa ref. "
        "Med --metric: ett mätetal, med nästa id.",
        "Add an activity under PLACE (a goal number or an initiative id), with the next ref. "
        "With --metric: a metric, with the next id.",
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
        "Ändra aktivitet REF:s titel, datum, ansvarig eller typ; varje ändring sparas i historiken. "
        "Med --name, --unit, --target: mätetalet REF; på ett mål eller initiativ: dess texter "
        "och ansvarig.",
        "Change activity REF's title, dates, responsible or kind; each change is kept in its "
        "history. With --name, --unit, --target: metric REF's; on a goal or initiative: its "
        "texts and responsible.",
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
        "Avbryt aktivitet REF: den stannar i planen, med sin historik, som avbruten. Med "
        "--remove tas en utan historik bort.",
        "Cancel activity REF: it stays in the plan, with its history, as cancelled. With "
        "--remove, one without any history is removed.",
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
    # The app
    "app.plan_changes": ("Planändringar", "Plan changes"),
    "app.plan_changes.older": (
        "… äldre ändringar finns i vpl export",
        "… older changes are in vpl export",
    ),
    "app.key.add-activity": ("Ny aktivitet", "New activity"),
    "app.tip.add-activity": (
        "Lägg till en aktivitet under målet eller initiativet",
        "Add an activity under the goal or initiative",
    ),
    "app.key.edit": ("Redigera", "Edit"),
    "app.tip.edit": (
        "Ändra aktiviteten (titel, typ, datum, ansvarig) eller målets och initiativets texter",
        "Change the activity (title, kind, dates, responsible) or the goal's or initiative's texts",
    ),
    "app.key.move": ("Flytta", "Move"),
    "app.tip.move": (
        "Flytta aktiviteten till ett annat mål eller initiativ",
        "Move the activity to another goal or initiative",
    ),
    "app.key.cancel-activity": ("Avbryt aktivitet", "Cancel activity"),
    "app.tip.cancel-activity": (
        "Avbryt aktiviteten: den stannar i planen, med sin historik",
        "Cancel the activity: it stays in the plan, with its history",
    ),
    "app.key.responsible-filter": ("Mina", "Mine"),
    "app.tip.responsible-filter": (
        "Direkt till filtret mina: det du (VPL_USER) är ansvarig för; igen: alla",
        "Straight to the filter mine: what you (VPL_USER) are responsible for; again: all",
    ),
    "app.filter.mine": ("mina", "mine"),
    "app.responsible.command": ("Ansvarig: {name}", "Responsible: {name}"),
    "app.responsible.help": (
        "Visa bara aktiviteter med denna ansvarig",
        "Show only the activities with this responsible",
    ),
    "app.plan_edit.select_place": (
        "Välj ett mål, ett initiativ eller en aktivitet först",
        "Choose a goal, an initiative or an activity first",
    ),
    "app.plan_edit.select_editable": (
        "Välj en aktivitet, ett mål eller ett initiativ att redigera",
        "Choose an activity, a goal or an initiative to edit",
    ),
    "app.plan_edit.saved": ("Sparat: {ref}", "Saved: {ref}"),
    "app.plan_edit.added": ("Lade till {ref}", "Added {ref}"),
    "app.plan_edit.moved": ("Flyttade {ref} till {place}", "Moved {ref} to {place}"),
    "app.plan_edit.cancelled": ("Avbröt {ref}", "Cancelled {ref}"),
    "app.plan_edit.nothing": ("Inget ändrades", "Nothing changed"),
    "app.form.add_title": ("Ny aktivitet under {place}", "New activity under {place}"),
    "app.form.edit_title": ("Redigera {ref}", "Edit {ref}"),
    "app.form.new_ref": ("Får ref {ref}", "Gets ref {ref}"),
    "app.form.text_title": ("Redigera {what}", "Edit {what}"),
    "app.form.hint": (
        "ctrl+s eller Enter sparar · Esc stänger utan att spara",
        "ctrl+s or Enter saves · Esc closes without saving",
    ),
    "app.form.kind.activity": ("Aktivitet", "Activity"),
    "app.form.kind.investigation": ("Utredningsuppdrag", "Investigation assignment"),
    "app.key.form-save": ("Spara", "Save"),
    "app.tip.form-save": ("Spara ändringarna", "Save the changes"),
    "app.key.form-cancel": ("Stäng", "Close"),
    "app.tip.form-cancel": ("Stäng utan att spara", "Close without saving"),
    "app.move.title": ("Flytta {ref} till", "Move {ref} to"),
    "app.move.hint": ("Enter väljer · Esc stänger", "Enter chooses · Esc closes"),
    "app.confirm.cancel": (
        "Avbryta {ref}? Den stannar i planen som avbruten, med sin historik.",
        "Cancel {ref}? It stays in the plan as cancelled, with its history.",
    ),
    "app.confirm.hint": ("j/Enter: ja · n/Esc: nej", "y/Enter: yes · n/Esc: no"),
    "app.key.confirm-yes": ("Ja", "Yes"),
    "app.tip.confirm-yes": ("Ja, gör det", "Yes, do it"),
    "app.key.confirm-no": ("Nej", "No"),
    "app.tip.confirm-no": ("Nej, stäng", "No, close"),
}
