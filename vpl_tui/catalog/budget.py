"""The budget reconciliation: `vpl budget` and the budget screen.

Key: (Swedish, English). A count-bearing text gives both forms: `{count:# träff|# träffar}`.
"""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
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
    "error.figure_actual": (
        "{address} är bokslut (utfall) och kan inte ändras; en prognos förs in med vpl forecast",
        "{address} is an actual (closed books) and cannot be edited; enter a forecast with "
        "vpl forecast",
    ),
    "budget.explain.rounding": (
        "≈ Avrundning: skillnaden är inte större än vad avrundningen av de tryckta siffrorna "
        "förklarar (varje siffra avrundad till hela tkr: högst ½ tkr var), inget fel.",
        "≈ Rounding: the difference is no larger than the printed figures' rounding explains "
        "(each figure rounded to whole tkr: at most ½ tkr each), not an error.",
    ),
    "budget.status.pass": ("Stämmer", "Pass"),
    "budget.status.fail": ("Avviker", "Fail"),
    "budget.status.unchecked": ("Kan ej kontrolleras", "Unchecked"),
    "budget.status.rounding": ("Avrundning", "Rounding"),
    "budget.heading": (
        "Budgetavstämning: {checks:# kontroll|# kontroller}, {passed} stämmer, {failed} avviker, "
        "{rounding} avrundning, {unchecked} kan inte kontrolleras",
        "Budget reconciliation: {checks:# check|# checks}, {passed} pass, {failed} fail, "
        "{rounding} rounding, {unchecked} cannot be checked",
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
        "≈ {rounding} avrundning   ? {unchecked} kan inte kontrolleras",
        "{total:# check|# checks}:  ✓ {passed} pass   ✗ {failed} fail   ≈ {rounding} rounding   "
        "? {unchecked} cannot be checked",
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
        "1 drift, 2 per enhet, 3 potten, 4 investeringar, 5 diagram, 6 uppföljning",
        "1 operating, 2 by unit, 3 pot, 4 investments, 5 charts, 6 follow-up",
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
    "app.key.budget.section_followup": ("Uppföljning", "Follow-up"),
    "app.tip.budget.section_followup": (
        "Visa periodens ekonomiska uppföljning: budget, utfall, prognos, avvikelse",
        "Show the period's economic follow-up: budget, outcome, forecast, deviation",
    ),
    "budget.edit.prompt": (
        "{line}, {year} ({unit}): skriv ny siffra (tab: anteckning), enter sparar, esc avbryter",
        "{line}, {year} ({unit}): type the new figure (tab: a note), enter saves, escape cancels",
    ),
    "budget.edit.note_placeholder": (
        "Anteckning (varför), följer med ändringen",
        "Note (why), kept with the change",
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
}
