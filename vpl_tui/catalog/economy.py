"""The economy's follow-up: `vpl forecast`, `vpl forecast import`, `vpl budget --period`.

Key: (Swedish, English). A count-bearing text gives both forms: `{count:# rad|# rader}`.
"""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # Errors
    "error.unknown_unit": (
        "ingen enhet {unit} i budgeten (en enhet i nettokostnader per enhet, eller "
        "nettokostnad, kommunbidrag, resultat)",
        "no unit {unit} in the budget (a unit of net costs by unit, or net_costs, grant, result)",
    ),
    "error.stale_forecast": (
        "prognosen för {line} har ändrats: nu {value} (version {version}, av {user}); läs om "
        "och försök igen",
        "the forecast of {line} has changed: now {value} (version {version}, by {user}); read it "
        "again and retry",
    ),
    "error.forecast_whole_tkr": (
        "{unit}: {value} är inte hela tkr",
        "{unit}: {value} is not whole tkr",
    ),
    "error.forecast_nothing": (
        "ange --outcome, --forecast eller --comment (eller --undo)",
        "give --outcome, --forecast or --comment (or --undo)",
    ),
    "error.forecast_number": (
        "{option}: {value} är inget belopp i tkr (t.ex. 282 000, -3 000)",
        "{option}: {value} is not an amount in tkr (e.g. 282 000, -3 000)",
    ),
    "error.forecast_import_unit": (
        "ange antingen en enhet eller import FIL.csv",
        "give either a unit or import FILE.csv",
    ),
    "error.budget_no_plan_budget": ("planen har ingen budget", "the plan has no budget"),
    # --help
    "help.forecast": (
        "För in en enhets utfall t.o.m. perioden och helårsprognos, eller importera en CSV-fil "
        "(vpl forecast import FIL.csv).",
        "Enter a unit's outcome to date and full-year forecast for a period, or import a CSV "
        "file (vpl forecast import FILE.csv).",
    ),
    "help.forecast.period_name": (
        "Periodens id eller namn (standard: den aktuella perioden).",
        "The period's id or name (default: the current period).",
    ),
    "help.forecast.outcome": ("Utfall t.o.m. perioden, tkr.", "Outcome to date, tkr."),
    "help.forecast.forecast_text": ("Prognos för helåret, tkr.", "Full-year forecast, tkr."),
    "help.forecast.comment": (
        "Varför prognosen avviker från budgeten.",
        "Why the forecast deviates from the budget.",
    ),
    "help.forecast.undo": (
        "Ångra den senaste ändringen, med en ny historikrad.",
        "Revert the latest change, with a new history row.",
    ),
    "help.forecast.show_history": (
        "Visa historiken, nyast först.",
        "Show the history, newest first.",
    ),
    "help.forecast.expected": (
        "Vägra om prognosen inte längre har den versionen.",
        "Refuse unless the forecast is at this version.",
    ),
    "help.forecast.today": (
        "Räkna den aktuella perioden från den dagen.",
        "Count the current period from this day.",
    ),
    "help.budget.period_name": (
        "Visa periodens uppföljning: budget, utfall, prognos och avvikelse per enhet.",
        "Show the period's follow-up: budget, outcome, forecast and deviation per unit.",
    ),
    "help.budget.today": ("Räkna perioder från den dagen.", "Count periods from this day."),
    # CSV import
    "csv.unreadable": ("{file}: kan inte läsas: {reason}", "{file}: cannot be read: {reason}"),
    "csv.too_large": (
        "{file}: större än {limit} MB; dela upp filen",
        "{file}: larger than {limit} MB; split the file",
    ),
    "csv.not_text": (
        "{file}: inte en textfil i UTF-8 (en CSV-fil från kalkylbladet)",
        "{file}: not a UTF-8 text file (a CSV file from the spreadsheet)",
    ),
    "csv.too_many_lines": (
        "{file}: fler än {limit} rader",
        "{file}: more than {limit} lines",
    ),
    "csv.empty": ("{file}: tom fil", "{file}: empty file"),
    "csv.header": (
        "{file}:1: kolumnerna ska vara unit, period, outcome, forecast[, comment] "
        "(eller enhet, period, utfall, prognos[, kommentar]); fick {found}",
        "{file}:1: the columns must be unit, period, outcome, forecast[, comment] "
        "(or enhet, period, utfall, prognos[, kommentar]); got {found}",
    ),
    "csv.fields": (
        "{file}:{line}: {found} fält, väntade {wanted}",
        "{file}:{line}: {found} fields, expected {wanted}",
    ),
    "csv.bad_number": (
        "{file}:{line}: {column} {value} är inget belopp i hela tkr",
        "{file}:{line}: {column} {value} is not an amount in whole tkr",
    ),
    "csv.unknown_unit": (
        "{file}:{line}: ingen enhet {unit} i budgeten",
        "{file}:{line}: no unit {unit} in the budget",
    ),
    "csv.unknown_period": (
        "{file}:{line}: ingen period {period} (perioder: {choices})",
        "{file}:{line}: no period {period} (periods: {choices})",
    ),
    "csv.duplicate": (
        "{file}:{line}: {unit} för {period} finns redan på rad {first}",
        "{file}:{line}: {unit} for {period} is already on line {first}",
    ),
    "csv.too_long": (
        "{file}:{line}: {column} är längre än {limit} tecken",
        "{file}:{line}: {column} is longer than {limit} characters",
    ),
    "csv.refused": (
        "{count:# fel|# fel}; inget importerades",
        "{count:# problem|# problems}; nothing was imported",
    ),
    "csv.more": (
        "… och {count:# fel till|# fel till}",
        "… and {count:# more problem|# more problems}",
    ),
    # Results
    "forecast.saved": (
        "{line} {period}: utfall {outcome}, prognos {forecast} (version {version})",
        "{line} {period}: outcome {outcome}, forecast {forecast} (version {version})",
    ),
    "forecast.undone": (
        "{line} {period}: ångrat; nu utfall {outcome}, prognos {forecast} (version {version})",
        "{line} {period}: undone; now outcome {outcome}, forecast {forecast} (version {version})",
    ),
    "forecast.imported": (
        "{count:# prognos importerad|# prognoser importerade} från {file}",
        "{count:# forecast|# forecasts} imported from {file}",
    ),
    "forecast.history_row": (
        "{at}  {user}  utfall {outcome}, prognos {forecast}{undo}  {comment}",
        "{at}  {user}  outcome {outcome}, forecast {forecast}{undo}  {comment}",
    ),
    "forecast.history_undo": (" (ångring)", " (undo)"),
    "forecast.no_history": ("ingen prognos ännu", "no forecast yet"),
    # The follow-up table
    "economy.heading": (
        "Ekonomisk uppföljning {period}: budget {year} mot prognos, tkr",
        "Economic follow-up {period}: budget {year} against forecast, tkr",
    ),
    "economy.chart": (
        "Budget mot helårsprognos per enhet, {period} (tkr)",
        "Budget against full-year forecast by unit, {period} (tkr)",
    ),
    "economy.tab": ("Uppföljning", "Follow-up"),
    "economy.screen.edit_prompt": (
        "{unit}, {period}: utfall t.o.m., prognos helår (tkr) och kommentar; enter sparar, "
        "esc avbryter",
        "{unit}, {period}: outcome to date, full-year forecast (tkr) and comment; enter saves, "
        "escape cancels",
    ),
    "economy.screen.not_total": (
        "Summan räknas fram; ange prognosen per enhet (eller nettokostnad med vpl forecast)",
        "The total is computed; enter the forecast per unit (or net costs with vpl forecast)",
    ),
    "economy.screen.saved": (
        "{unit} {period}: prognos {forecast} tkr (version {version})",
        "{unit} {period}: forecast {forecast} tkr (version {version})",
    ),
    "economy.screen.no_budget": (
        "Planen har ingen budget att följa upp.",
        "The plan has no budget to follow up.",
    ),
    "economy.col.unit": ("Enhet", "Unit"),
    "economy.col.budget": ("Budget", "Budget"),
    "economy.col.outcome": ("Utfall t.o.m.", "Outcome to date"),
    "economy.col.forecast": ("Prognos helår", "Full-year forecast"),
    "economy.col.deviation": ("Avvikelse", "Deviation"),
    "economy.col.comment": ("Kommentar", "Comment"),
    "economy.total": ("Summa", "Total"),
    "economy.result_line": (
        "Resultat: budget {budget}, prognos {forecast} (kommunbidrag {grant} − nettokostnad {costs})",
        "Result: budget {budget}, forecast {forecast} (grant {grant} − net costs {costs})",
    ),
    "economy.comment_needed": ("kommentar krävs", "comment required"),
    "economy.threshold": (
        "Kommentar krävs där |avvikelse| > {percent} % av enhetens budget.",
        "A comment is required where |deviation| > {percent} % of the unit's budget.",
    ),
    "economy.checks": ("Kontroller", "Checks"),
    "economy.check.add_up": (
        "Enheternas prognoser summerar till totalens (nettokostnad)",
        "The units' forecasts add up to the total's (net costs)",
    ),
    "economy.check.result": (
        "Prognostiserat resultat = kommunbidrag − prognostiserad nettokostnad",
        "Forecast result = grant − forecast net costs",
    ),
    "economy.check.comments": (
        "Varje väsentlig avvikelse har en kommentar",
        "Every material deviation has a comment",
    ),
    "economy.check.difference": ("skillnad {value}", "difference {value}"),
    "economy.check.missing": ("saknas: {units}", "missing: {units}"),
    "economy.accuracy": (
        "Prognossäkerhet ({period} mot årets utfall)",
        "Forecast accuracy ({period} against the year's outcome)",
    ),
    "economy.accuracy_row": (
        "{unit}: prognos {forecast}, utfall {outcome}, skillnad {difference}{share}",
        "{unit}: forecast {forecast}, outcome {outcome}, difference {difference}{share}",
    ),
    "load.forecast_diverged": (
        "prognos {name}: filens historik och databasens har gått isär; inget skrevs (ta med "
        "databasens ändringar i filen, eller ersätt allt med vpl load --replace {file})",
        "forecast {name}: the file's history and the database's have diverged; nothing was "
        "written (keep the database's changes in the file, or replace everything with "
        "vpl load --replace {file})",
    ),
    "load.forecast_dropped": (
        "prognos {name}: filen saknar prognosen, som har historik i databasen; inget skrevs "
        "(behåll den i filen, eller ersätt allt med vpl load --replace {file})",
        "forecast {name}: the file leaves out this forecast, which has a history in the "
        "database; nothing was written (keep it in the file, or replace everything with "
        "vpl load --replace {file})",
    ),
    # Budget tables as published: units, decimals and the driftredovisning.
    "plan.budget.figure_form": (
        "fler decimaler (eller siffror) än tabellens {decimals} i {unit}",
        "more decimals (or digits) than the table's {decimals} in {unit}",
    ),
    "figure.too_many_decimals": (
        "Fler decimaler än tabellen publicerades med",
        "More decimals than the table was published with",
    ),
    "error.figure_form": (
        "{address}: {value} går inte att spara: tabellen har {unit} med {decimals} decimaler",
        "{address}: {value} cannot be saved: the table holds {unit} with {decimals} decimals",
    ),
    "drift.col.income": ("Intäkter", "Income"),
    "drift.col.costs": ("Kostnader", "Costs"),
    "drift.col.net_costs": ("Nettokostnad", "Net costs"),
    "drift.col.grant": ("Kommunbidrag", "Municipal grant"),
    "drift.col.result": ("Årets resultat", "Result for the year"),
    "drift.col.disposition": ("Disposition", "Disposition"),
    "drift.col.opening_result": ("Ingående resultat", "Opening result"),
    "drift.col.closing_result": ("Utgående resultat", "Closing result"),
    "drift.line.total": ("Summa", "Total"),
    "drift.check.net_costs": (
        "Driftredovisning {line} {year}: kostnader − intäkter = nettokostnad",
        "Operating statement {line} {year}: costs − income = net costs",
    ),
    "drift.check.result": (
        "Driftredovisning {line} {year}: kommunbidrag − nettokostnad = årets resultat",
        "Operating statement {line} {year}: grant − net costs = result for the year",
    ),
    "drift.check.closing_result": (
        "Driftredovisning {line} {year}: ingående + årets resultat − disposition = utgående resultat",
        "Operating statement {line} {year}: opening + result − disposition = closing result",
    ),
    "drift.check.sum": (
        "Driftredovisning {year}, {column}: enheterna summerar till Summa",
        "Operating statement {year}, {column}: the units add up to the total",
    ),
    "budget.section.drift": ("Driftredovisning", "Operating statement"),
    "app.key.budget.section_drift": ("Driftredovisning", "Statement"),
    "app.tip.budget.section_drift": (
        "Visa driftredovisningen",
        "Show the driftredovisning (operating statement)",
    ),
    "drift.col.line": ("Enhet", "Unit"),
    "drift.col.year": ("År", "Year"),
    "drift.heading": (
        "Driftredovisning i {unit}, som publicerad (decimaler: {decimals})",
        "Operating statement in {unit}, as published (decimals: {decimals})",
    ),
}
