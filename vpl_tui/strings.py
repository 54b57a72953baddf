"""Every interface string, in Swedish and English: the one catalog the CLI and the app share.

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
    # CLI messages
    "cli.loaded": (
        "{file}: läste in {goals} mål, {initiatives} initiativ, "
        "{activities:# aktivitet|# aktiviteter} i {db}",
        "{file}: loaded {goals:# goal|# goals}, {initiatives:# initiative|# initiatives}, "
        "{activities:# activity|# activities} into {db}",
    ),
    "cli.checked": (
        "{file}: giltig plan ({goals} mål, {initiatives} initiativ, "
        "{activities:# aktivitet|# aktiviteter})",
        "{file}: valid plan ({goals:# goal|# goals}, {initiatives:# initiative|# initiatives}, "
        "{activities:# activity|# activities})",
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
        "Budgetavstämning: {checks:# kontroll|# kontroller}, {failed:# avvikelse|# avvikelser}, "
        "{unchecked} kan inte kontrolleras",
        "Budget reconciliation: {checks:# check|# checks}, {failed} failed, "
        "{unchecked} cannot be checked",
    ),
    "summary.no_budget": (
        "Planen har ingen budget att stämma av.",
        "The plan has no budget to reconcile.",
    ),
    "summary.generated": ("Utskriven {when} av vpl {version}", "Printed {when} by vpl {version}"),
    # Budget reconciliation (vpl_tui/budget.py, `vpl budget`, the budget screen)
    "budget.check.operating_result": (
        "Drift {year}: kommunbidrag − nettokostnader = resultat",
        "Operating budget {year}: grant − net costs = result",
    ),
    "budget.check.units_sum": (
        "Nettokostnader per enhet {year}: enheterna summerar till summan",
        "Net costs by unit {year}: the units add up to the total",
    ),
    "budget.check.units_net_costs": (
        "Nettokostnader per enhet {year}: summan = driftens nettokostnader",
        "Net costs by unit {year}: the total = the operating net costs",
    ),
    "budget.check.pot_total": (
        "Potten {year}: fördelningarna summerar till potten",
        "Earmarked pot {year}: the allocations add up to the pot",
    ),
    "budget.check.pot_initiatives": (
        "Potten {year}: de strategiska initiativens andel (mål {goals}) = fördelningarna till dem",
        "Earmarked pot {year}: the strategic initiatives' share (goal {goals}) = the allocations that fund them",
    ),
    "budget.check.earmark_goal": (
        "Särskilda resurser, mål {target}: angivet = fördelat ur potten",
        "Earmarked resources, goal {target}: stated = allocated from the pot",
    ),
    "budget.check.earmark_initiative": (
        "Särskilda resurser, {title}: angivet = fördelat ur potten",
        "Earmarked resources, {title}: stated = allocated from the pot",
    ),
    "budget.check.investments_sum": (
        "Investeringar {year}: raderna summerar till summan",
        "Investments {year}: the lines add up to the total",
    ),
    "budget.check.investments_net": (
        "Investeringar {year}: summan = nettoinvesteringar",
        "Investments {year}: the total = net investments",
    ),
    "budget.check.columns": (
        "Kolumner: {table} ({years}) har driftbudgetens år och kolumnslag",
        "Columns: {table} ({years}) has the operating budget's years and column kinds",
    ),
    "budget.columns.not_in_operating": (
        "{year} finns inte i driftbudgeten",
        "{year} is not in the operating budget",
    ),
    "budget.columns.kind_differs": (
        "{year} är {kind} här men {reference} i driftbudgeten",
        "{year} is {kind} here but {reference} in the operating budget",
    ),
    "budget.columns.no_column": (
        "siffror för {year} utan kolumn",
        "figures for {year} without a column",
    ),
    "budget.table.units": ("nettokostnader per enhet", "net costs by unit"),
    "budget.table.investments": ("investeringar", "investments"),
    "budget.line.grant": ("Kommunbidrag", "Grant"),
    "budget.line.net_costs": ("Nettokostnader", "Net costs"),
    "budget.line.result": ("Resultat", "Result"),
    "budget.line.total": ("Summa", "Total"),
    "budget.line.net_investments": ("Nettoinvesteringar", "Net investments"),
    "budget.line.pot_total": ("Potten", "The pot"),
    "budget.line.stated": ("Angivna särskilda resurser", "Stated earmark"),
    "budget.explain.computed": ("= {value} beräknat", "= {value} computed"),
    "budget.explain.published": ("{name}, publicerat: {value}", "{name}, published: {value}"),
    "budget.explain.difference": (
        "Skillnad (publicerat − beräknat): {value}",
        "Difference (published − computed): {value}",
    ),
    "budget.explain.pass": ("✓ Stämmer.", "✓ Passes."),
    "budget.explain.fail": (
        "✗ Avviker: planens siffra stämmer inte med den beräknade. Ett fynd att redovisa, inte en siffra att rätta.",
        "✗ Fails: the plan's figure does not match the computed one. A finding to report, not a figure to correct.",
    ),
    "budget.explain.unchecked": (
        "? Kan inte kontrolleras: planen saknar uppdelningen eller siffran för det här året.",
        "? Cannot be checked: the plan lacks the breakdown or the figure for this year.",
    ),
    "budget.status.pass": ("Stämmer", "Pass"),
    "budget.status.fail": ("Avviker", "Fail"),
    "budget.status.unchecked": ("Kan ej kontrolleras", "Unchecked"),
    "budget.heading": (
        "Budgetavstämning: {checks:# kontroll|# kontroller}, {passed} stämmer, {failed} avviker, "
        "{unchecked} kan inte kontrolleras",
        "Budget reconciliation: {checks:# check|# checks}, {passed} pass, {failed} fail, "
        "{unchecked} cannot be checked",
    ),
    "budget.col.status": ("Status", "Status"),
    "budget.col.id": ("Id", "Id"),
    "budget.col.check": ("Kontroll", "Check"),
    "budget.col.published": ("Publicerat", "Published"),
    "budget.col.computed": ("Beräknat", "Computed"),
    "budget.col.difference": ("Skillnad", "Difference"),
    "budget.col.unit": ("Enhet", "Unit"),
    "budget.col.year": ("{kind} {year}", "{kind} {year}"),
    "budget.col.amount": ("{year}, mkr", "{year}, mkr"),
    "budget.col.stated": ("Angivet, mkr", "Stated, mkr"),
    "budget.col.allocated": ("Fördelat, mkr", "Allocated, mkr"),
    "budget.title": ("Budgetavstämning", "Budget reconciliation"),
    "budget.counts": (
        "{total:# kontroll|# kontroller}:  ✓ {passed} stämmer   ✗ {failed} avviker   "
        "? {unchecked} kan inte kontrolleras",
        "{total:# check|# checks}:  ✓ {passed} pass   ✗ {failed} fail   ? {unchecked} cannot be checked",
    ),
    "budget.tab.operating": ("Drift", "Operating"),
    "budget.tab.units": ("Per enhet", "By unit"),
    "budget.tab.pot": ("Potten", "Pot"),
    "budget.tab.investments": ("Investeringar", "Investments"),
    "budget.tab.charts": ("Diagram", "Charts"),
    "budget.row.computed_result": ("= Beräknat resultat", "= Computed result"),
    "budget.row.computed_sum": ("= Beräknad summa", "= Computed total"),
    "budget.row.operating_net_costs": (
        "Nettokostnader enligt driften",
        "Net costs, operating table",
    ),
    "budget.row.initiatives_share": (
        "Strategiska initiativ (mål {goals})",
        "Strategic initiatives (goal {goals})",
    ),
    "budget.earmarks_title": (
        "Särskilda resurser: angivet mot fördelat ur potten (mkr)",
        "Earmarked resources: stated against allocated from the pot (mkr)",
    ),
    "budget.chart.units": ("Nettokostnader per enhet (tkr)", "Net costs by unit (tkr)"),
    "budget.chart.investments": ("Investeringar per rad (tkr)", "Investments by line (tkr)"),
    "budget.chart.no_data": (
        "Planen har ingen uppdelning att rita.",
        "The plan has no breakdown to draw.",
    ),
    "app.key.budget.back": ("Tillbaka", "Back"),
    "app.tip.budget.back": ("Tillbaka till planen", "Back to the plan"),
    "app.key.budget.checks": ("Kontroller", "Checks"),
    "app.tip.budget.checks": ("Gå till listan över kontroller", "Go to the list of checks"),
    "app.key.budget.jump": ("Visa cellen", "Show the cell"),
    "app.tip.budget.jump": (
        "Gå till cellen i tabellen som kontrollen gäller",
        "Go to the table cell the check is about",
    ),
    "app.key.budget.explain": ("Förklaring", "Explain"),
    "app.tip.budget.explain": (
        "Visa eller dölj förklaringen till kontrollen eller cellen",
        "Show or hide the explanation of the check or cell",
    ),
    "app.key.budget.edit": ("Ändra", "Edit"),
    "app.tip.budget.edit": (
        "Ändra siffran i cellen, till exempel en prognos (sparas med historik)",
        "Edit the figure in the cell, a forecast say (saved with history)",
    ),
    "app.key.budget.restore": ("Publicerad", "Published"),
    "app.tip.budget.restore": (
        "Återställ cellens publicerade siffra (sparas som en ny ändring i historiken)",
        "Restore the cell's published figure (saved as a new change in the history)",
    ),
    "app.key.budget.section": ("Avsnitt", "Section"),
    "app.tip.budget.section": (
        "1 drift, 2 per enhet, 3 potten, 4 investeringar, 5 diagram",
        "1 operating, 2 by unit, 3 pot, 4 investments, 5 charts",
    ),
    "app.key.budget.section_units": ("Per enhet", "By unit"),
    "app.tip.budget.section_units": ("Visa nettokostnader per enhet", "Show net costs by unit"),
    "app.key.budget.section_pot": ("Potten", "Pot"),
    "app.tip.budget.section_pot": (
        "Visa potten och de särskilda resurserna",
        "Show the pot and the earmarked resources",
    ),
    "app.key.budget.section_investments": ("Investeringar", "Investments"),
    "app.tip.budget.section_investments": ("Visa investeringarna", "Show the investments"),
    "app.key.budget.section_charts": ("Diagram", "Charts"),
    "app.tip.budget.section_charts": ("Visa diagrammen", "Show the charts"),
    "budget.edit.prompt": (
        "{line}, {year} ({unit}): skriv ny siffra, enter sparar, esc avbryter",
        "{line}, {year} ({unit}): type the new figure, enter saves, escape cancels",
    ),
    "budget.edit.saved": (
        "{line} {year}: {old} → {new} {unit}",
        "{line} {year}: {old} → {new} {unit}",
    ),
    "budget.edit.unchanged": ("{line} {year}: oförändrad", "{line} {year}: unchanged"),
    "budget.edit.not_number": ("{value!r} är inte ett tal", "{value!r} is not a number"),
    "figure.not_number": ("Inget tal", "Not a number"),
    "figure.too_large": ("För stort tal för tabellen", "Too large a figure for the table"),
    "figure.whole_tkr": (
        "Tabellen är i hela tkr: skriv ett heltal",
        "The table is in whole tkr: type a whole number",
    ),
    "figure.negative_mkr": (
        "Potten kan inte ha negativa belopp",
        "The pot cannot hold negative amounts",
    ),
    "figure.too_precise": (
        "Högst tre decimaler i mkr (hela tkr)",
        "At most three decimals in mkr (whole tkr)",
    ),
    "budget.edit.restore_note": ("publicerad siffra återställd", "published figure restored"),
    "budget.edit.stale": (
        "{line} {year} har ändrats av någon annan: den är nu {value}. Siffrorna är uppdaterade.",
        "{line} {year} was changed by someone else: it is now {value}. The figures are updated.",
    ),
    "budget.edit.not_editable": (
        "Den här cellen är beräknad eller tom och kan inte ändras",
        "This cell is computed or blank and cannot be edited",
    ),
    "budget.edit.already_published": (
        "{line} {year} har redan den publicerade siffran",
        "{line} {year} already holds the published figure",
    ),
    "budget.detail.figure": ("{line}, {year}: {value} {unit}", "{line}, {year}: {value} {unit}"),
    "budget.detail.published": (
        "✎ ändrad; publicerat: {value} {unit}",
        "✎ edited; published: {value} {unit}",
    ),
    "budget.detail.history": (
        "{at}  {user}  {old} → {new}",
        "{at}  {user}  {old} → {new}",
    ),
    "budget.detail.funds": ("Finansierar: {targets}", "Funds: {targets}"),
    "budget.detail.no_checks": (
        "Ingen kontroll rör den här cellen.",
        "No check involves this cell.",
    ),
    "budget.outside_change": (
        "Budgeten har ändrats i en annan session; siffrorna är uppdaterade.",
        "The budget was changed in another session; the figures are updated.",
    ),
    # -- budget strings: keys "budget.*" (add new ones above this line) --
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
        "Visa alla → öppna → passerat slutdatum → klara → alla",
        "Show all → open → overdue → done → all",
    ),
    "app.key.budget": ("Budget", "Budget"),
    "app.tip.budget": ("Öppna budgetavstämningen", "Open the budget reconciliation"),
    "app.key.summary": ("Rapport", "Summary"),
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
    "app.dialog.note_title": ("Ny status med anteckning", "New status with a note"),
    "app.dialog.note_label": ("Anteckning", "Note"),
    "app.dialog.note_placeholder": ("Varför? Sparas i historiken", "Why? Kept in the history"),
    "app.dialog.note_hint": (
        "↑↓ väljer status · Tab byter fält · Enter eller Ctrl+S sparar · Esc avbryter",
        "↑↓ choose the status · Tab switches field · Enter or Ctrl+S saves · Esc cancels",
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
    # -- app strings: keys "app.*" (add new ones above this line) --
}


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
