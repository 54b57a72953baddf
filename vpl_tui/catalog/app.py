"""The terminal app: keys (app.key.<binding id>, app.tip.<binding id>), the plan, messages, dialogs, help.

Key: (Swedish, English). A count-bearing text gives both forms: `{count:# träff|# träffar}`.
"""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # Keys: app.key.<binding id> is the short description (footer, help, palette), and
    # app.tip.<binding id> the tooltip and the longer help text.
    "app.key.toggle-done": ("Klar/ångra", "Done/undo"),
    "app.tip.toggle-done": (
        "Markera aktiviteten klar, eller tillbaka till statusen före klar",
        "Mark the activity done, or back to its status before done",
    ),
    "app.key.set-status": ("Status", "Status"),
    "app.tip.set-status": (
        "Välj ny status för aktiviteten",
        "Choose a new status for the activity",
    ),
    "app.key.note": ("Anteckning", "Note"),
    "app.tip.note": (
        "Ändra status med en anteckning som sparas i historiken",
        "Change the status with a note that is kept in the history",
    ),
    "app.key.undo": ("Ångra", "Undo"),
    "app.tip.undo": (
        "Ångra din senaste statusändring (en ny rad i historiken; inget raderas)",
        "Undo your last status change (a new history row; nothing is deleted)",
    ),
    "app.key.search": ("Sök", "Search"),
    "app.tip.search": (
        "Sök på del av en titel; trädet smalnar av medan du skriver, Enter går till första träffen, Esc rensar",
        "Find by part of a title; the tree narrows as you type, Enter goes to the first match, Esc clears",
    ),
    "app.key.filter": ("Filter", "Filter"),
    "app.tip.filter": (
        "Visa alla → öppna → pågår → försenade → passerat slutdatum → klara → mina → alla",
        "Show all → open → in progress → delayed → overdue → done → mine → all",
    ),
    "app.key.budget": ("Budget", "Budget"),
    "app.tip.budget": ("Öppna budgetavstämningen", "Open the budget reconciliation"),
    "app.key.summary": ("Status", "Summary"),
    "app.tip.summary": (
        "Statusrapporten, samma som vpl summary: visas och sparas som Markdown-fil",
        "The status summary, as vpl summary prints it: shown and saved as a Markdown file",
    ),
    "app.key.clear": ("Rensa", "Clear"),
    "app.tip.clear": ("Rensa sökning, annars filter", "Clear the search, else the filter"),
    "app.key.help": ("Hjälp", "Help"),
    "app.tip.help": ("Visa alla tangenter och teckenförklaring", "Show every key and the legend"),
    "app.key.quit": ("Avsluta", "Quit"),
    "app.tip.quit": ("Avsluta; allt är redan sparat", "Quit; everything is already saved"),
    "app.key.switch-pane": ("Byt ruta", "Switch pane"),
    "app.tip.switch-pane": (
        "Mellan trädet och detaljrutan, vars text piltangenterna bläddrar i",
        "Between the tree and the detail pane, whose text the arrow keys scroll",
    ),
    "app.key.palette": ("Kommandon", "Commands"),
    "app.tip.palette": (
        "Kommandopaletten: alla kommandon, och gå till ett mål eller en aktivitet efter titel",
        "The command palette: every command, and go to a goal or an activity by title",
    ),
    "app.key.cursor-down": ("Ned", "Down"),
    "app.tip.cursor-down": ("Nästa rad", "Next line"),
    "app.key.cursor-up": ("Upp", "Up"),
    "app.tip.cursor-up": ("Föregående rad", "Previous line"),
    "app.key.collapse": ("Fäll ihop / upp en nivå", "Collapse / up a level"),
    "app.tip.collapse": (
        "Fäll ihop raden, eller gå till nivån ovanför",
        "Collapse the line, or go to the level above",
    ),
    "app.key.expand": ("Fäll ut / ned en nivå", "Expand / down a level"),
    "app.tip.expand": (
        "Fäll ut raden, eller gå till dess första rad",
        "Expand the line, or go to its first child",
    ),
    "app.key.toggle-node": ("Fäll ut/ihop", "Expand/collapse"),
    "app.tip.toggle-node": ("Fäll ut eller ihop raden", "Expand or collapse the line"),
    "app.key.first": ("Först", "First"),
    "app.tip.first": ("Första raden", "First line"),
    "app.key.last": ("Sist", "Last"),
    "app.tip.last": ("Sista raden", "Last line"),
    "app.key.page-up": ("Sida upp", "Page up"),
    "app.tip.page-up": ("En sida upp", "One page up"),
    "app.key.page-down": ("Sida ned", "Page down"),
    "app.tip.page-down": ("En sida ned", "One page down"),
    "app.key.dialog-cancel": ("Avbryt", "Cancel"),
    "app.tip.dialog-cancel": ("Stäng utan att ändra något", "Close without changing anything"),
    "app.key.dialog-save": ("Spara", "Save"),
    "app.tip.dialog-save": ("Spara status och anteckning", "Save the status and the note"),
    "app.key.close": ("Stäng", "Close"),
    "app.tip.close": ("Tillbaka till planen", "Back to the plan"),
    # The plan
    "app.mandate": ("Uppdrag", "Mandate"),
    "app.mandate.steering_processes": ("Roll i styrprocesserna", "Role in the steering processes"),
    "app.mandate.main_processes": ("Roll i huvudprocesserna", "Role in the main processes"),
    "app.mandate.support_processes": ("Roll i stödprocesserna", "Role in the support processes"),
    "app.mandate.directions": ("Inriktningar och mål", "Directions and goals"),
    "app.mandate.organisation": ("Organisation", "Organisation"),
    "app.mandate.reorganisation": ("Omorganisation", "Reorganisation"),
    "app.kind.focus": ("Fokuslista", "Focus list"),
    "app.kind.goal": ("Mål", "Goal"),
    "app.kind.initiative": ("Strategiskt initiativ", "Strategic initiative"),
    "app.kind.metric": ("Mätetal", "Metric"),
    "app.field.kind": ("Typ", "Kind"),
    "app.field.goals": ("Mål", "Goals"),
    "app.field.goal": ("Mål", "Goal"),
    "app.field.owner": ("Hör till", "Belongs to"),
    "app.field.progress": ("Aktiviteter", "Activities"),
    "app.field.start": ("Startdatum", "Start"),
    "app.field.end": ("Slutdatum", "End"),
    "app.field.earmarked": ("Särskilda resurser", "Earmarked"),
    "app.field.resources": ("Resurser", "Resources"),
    "app.field.council_goal": ("Fullmäktiges mål", "Council's goal"),
    "app.field.metrics_note": ("Mätetal", "Metrics"),
    "app.field.purpose": ("Syfte", "Purpose"),
    "app.field.comment": ("Kommentar", "Comment"),
    "app.mkr": ("{amount} mkr", "SEK {amount} million"),
    "app.overdue": ("Passerat slutdatum", "Past its end date"),
    "app.overdue_count": (
        "{count} passerat slutdatum",
        "{count:# past its end date|# past their end date}",
    ),
    "app.history": ("Historik", "History"),
    "app.history.none": ("Ingen statusändring ännu.", "No status change yet."),
    "app.history.undo": ("ångring", "undo"),
    "app.history.more": (
        "… och {count:# äldre ändring|# äldre ändringar} (vpl history {ref})",
        "… and {count:# older change|# older changes} (vpl history {ref})",
    ),
    "app.loading": ("Läser planen…", "Reading the plan…"),
    # Filter and search
    "app.filter.all": ("alla", "all"),
    "app.filter.open": ("öppna", "open"),
    "app.filter.overdue": ("passerat slutdatum", "overdue"),
    "app.filter.done": ("klara", "done"),
    "app.filter.label": ("Filter: {name}", "Filter: {name}"),
    "app.filter.command": ("Filter: visa {name}", "Filter: show {name}"),
    "app.search.placeholder": (
        "Sök: del av titel eller ref (Enter: första träffen, Esc: rensa)",
        "Search: part of a title or ref (Enter: first match, Esc: clear)",
    ),
    "app.search.label": (
        "Sök {text!r}: {count:# träff|# träffar}",
        "Search {text!r}: {count:# match|# matches}",
    ),
    "app.search.more": (
        "Sök {text!r}: {count:den första träffen|de första # träffarna}",
        "Search {text!r}: {count:the first match|the first # matches}",
    ),
    "app.search.busy": ("Söker {text!r}…", "Searching {text!r}…"),
    # Messages
    "app.select_activity": ("Välj en aktivitet först", "Select an activity first"),
    "app.unchanged": (
        "{ref}: redan {label}; inget sparat",
        "{ref}: already {label}; nothing saved",
    ),
    "app.stale": (
        "{ref} har ändrats av någon annan: den är nu {label}. Inget sparades; du ser nu läget som det är.",
        "{ref} was changed by someone else: it is now {label}. Nothing was saved; the current state is shown.",
    ),
    "app.external": (
        "Planen ändrades av någon annan; visar läget nu",
        "The plan was changed elsewhere; showing it as it is now",
    ),
    "app.budget.missing": (
        "Budgetvyn finns inte i den här versionen",
        "The budget screen is not in this version",
    ),
    "app.summary.working": ("Tar fram statusrapporten…", "Preparing the status summary…"),
    "app.summary.file": ("statusrapport-{date}.md", "status-summary-{date}.md"),
    "app.summary.saved": ("Sparad som {path}", "Saved as {path}"),
    "app.summary.not_saved": (
        "Kunde inte spara {path}: {reason}",
        "Could not save {path}: {reason}",
    ),
    # Dialogs
    "app.dialog.current": ("nu", "now"),
    "app.dialog.status_title": ("Ny status", "New status"),
    "app.dialog.status_hint": (
        "1–5 eller ↑↓ och Enter väljer · Esc avbryter",
        "1–5, or ↑↓ and Enter, choose · Esc cancels",
    ),
    "app.dialog.note_title": (
        "Anteckning, med ny status om du vill",
        "A note, with a new status if you like",
    ),
    "app.dialog.note_label": ("Anteckning", "Note"),
    "app.dialog.note_placeholder": ("Varför? Sparas i historiken", "Why? Kept in the history"),
    "app.dialog.note_hint": (
        "↑↓ eller 1–5 väljer status (samma status: bara anteckningen) · Tab byter fält · "
        "Enter eller Ctrl+S sparar · Esc avbryter",
        "↑↓ or 1–5 choose the status (the same status: the note only) · Tab switches field · "
        "Enter or Ctrl+S saves · Esc cancels",
    ),
    # Help
    "app.help.title": ("Tangenter", "Keys"),
    "app.help.section.move": ("Flytta", "Move"),
    "app.help.section.change": ("Ändra", "Change"),
    "app.help.section.find": ("Hitta", "Find"),
    "app.help.section.other": ("Övrigt", "Other"),
    "app.help.legend": ("Teckenförklaring", "Legend"),
    "app.help.legend.badge": (
        "Ej påbörjad, Pågår, Klar, Försenad, Avbruten: aktivitetens status, i färg och i text",
        "Not started, In progress, Done, Delayed, Cancelled: the activity's status, in colour and in words",
    ),
    "app.help.legend.overdue": (
        "! framför en aktivitet: slutdatum har passerat och den är varken klar eller avbruten; !3 vid ett mål: tre sådana",
        "! before an activity: past its end date and neither done nor cancelled; !3 on a goal: three of those",
    ),
    "app.help.legend.count": (
        "3/8 vid ett mål eller initiativ: 3 av 8 aktiviteter klara",
        "3/8 on a goal or initiative: 3 of 8 activities done",
    ),
    "app.help.saved": (
        "Varje ändring sparas direkt, med en rad i historiken; det finns inget spara-steg. "
        "Ändringar som någon annan gör syns inom ett par sekunder.",
        "Every change is saved at once, with a history row; there is no save step. "
        "Changes made by someone else show up within a couple of seconds.",
    ),
    "app.help.palette": (
        "Ctrl+P: kommandopaletten, med alla kommandon och mål och aktiviteter efter titel.",
        "Ctrl+P: the command palette, with every command and goals and activities by title.",
    ),
    "app.help.close": (
        "↑↓ PgUp PgDn bläddrar · Esc, q eller ? stänger",
        "↑↓ PgUp PgDn scroll · Esc, q or ? closes",
    ),
    "app.palette.goal": ("Gå till målet", "Go to the goal"),
    "app.palette.activity": ("Gå till aktiviteten · {status}", "Go to the activity · {status}"),
    "app.palette.placeholder": (
        "Sök kommando, mål eller aktivitet…",
        "Search for a command, goal or activity…",
    ),
    "app.palette.theme": ("Tema", "Theme"),
    "app.palette.theme_help": ("Byt färgtema", "Change the colour theme"),
}
