"""Editing metrics, removing an untouched activity, responsible on goals and initiatives.

Key: (Swedish, English). The second wave of plan editing (`db/metric_edit.py`, the metric
form, `vpl add --metric`, `vpl edit METRIC-ID`, `vpl cancel --remove`).
"""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # Errors
    "plan_edit.target_needs_year": (
        '--target ska vara ÅR=TEXT, som 2024="Högst 50" (fick {given})',
        '--target is YEAR=TEXT, such as 2024="Högst 50" (got {given})',
    ),
    "plan_edit.metric_needs_name": (
        "ett nytt mätetal behöver ett namn (--name)",
        "a new metric needs a name (--name)",
    ),
    "plan_edit.activity_needs": (
        "en ny aktivitet behöver --title, --start och --end (eller --metric för ett mätetal)",
        "a new activity needs --title, --start and --end (or --metric for a metric)",
    ),
    "plan_edit.not_for": (
        "{option} gäller inte {target}",
        "{option} does not apply to {target}",
    ),
    "plan_edit.has_history": (
        "{ref} har en historik och tas inte bort: avbryt den i stället (vpl cancel {ref})",
        "{ref} has a history and is not removed: cancel it instead (vpl cancel {ref})",
    ),
    # What the commands say
    "plan_edit.removed": ("tog bort {ref}", "removed {ref}"),
    # Field names, as the forms and the history show them
    "field.name": ("Namn", "Name"),
    "field.unit": ("Enhet", "Unit"),
    "field.kolada_kpi": ("Kolada-KPI", "Kolada KPI"),
    "field.higher_is_better": ("Högre är bättre", "Higher is better"),
    "field.target": ("Mål {year}", "Target {year}"),
    "field.removed": ("Borttagen", "Removed"),
    # Help
    "help.add.metric": (
        "Lägg till ett mätetal i stället för en aktivitet (med --name, --unit, --target).",
        "Add a metric instead of an activity (with --name, --unit, --target).",
    ),
    "help.add.name": ("Mätetalets namn.", "The metric's name."),
    "help.add.unit": ('Mätetalets enhet: "personer", "%".', 'The metric\'s unit: "personer", "%".'),
    "help.add.targets": (
        'Ett mål för ett år: 2024="Högst 50" (får upprepas).',
        'A target of a year: 2024="Högst 50" (may be repeated).',
    ),
    "help.add.kpi": ("Koladas KPI-id (N00945).", "Kolada's KPI id (N00945)."),
    "help.add.higher_is_better": (
        "Om ett mål som är ett tal nås vid eller över det (högre) eller under det (lägre).",
        "Whether a target of a bare number is reached at or above it (higher) or below (lower).",
    ),
    "help.edit.name": ("Mätetalets nya namn.", "The metric's new name."),
    "help.edit.unit": ('Mätetalets enhet ("" för ingen).', 'The metric\'s unit ("" for none).'),
    "help.edit.targets": (
        'Ett mål för ett år: 2024="Högst 50", 2024= tar bort det (får upprepas).',
        'A target of a year: 2024="Högst 50", 2024= removes it (may be repeated).',
    ),
    "help.edit.kpi": ('Koladas KPI-id ("" för inget).', 'Kolada\'s KPI id ("" for none).'),
    "help.edit.higher_is_better": (
        "Om ett mål som är ett tal nås vid eller över det (högre) eller under det (lägre).",
        "Whether a target of a bare number is reached at or above it (higher) or below (lower).",
    ),
    "help.edit.description": (
        "Ett måls nya beskrivning.",
        "A goal's new description.",
    ),
    "help.edit.purpose": ("Ett initiativs nya syfte.", "An initiative's new purpose."),
    "help.cancel.remove": (
        "Ta bort aktiviteten i stället, om den inte har någon historik alls.",
        "Remove the activity instead, when it has no history at all.",
    ),
    # The app
    "app.key.add-metric": ("Nytt mätetal", "New metric"),
    "app.tip.add-metric": (
        "Lägg till ett mätetal under målet eller initiativet",
        "Add a metric under the goal or initiative",
    ),
    "app.metric_form.add_title": ("Nytt mätetal under {place}", "New metric under {place}"),
    "app.metric_form.edit_title": ("Redigera mätetal {ident}", "Edit metric {ident}"),
    "app.metric_form.new_id": ("Får id {ident}", "Gets id {ident}"),
    "app.metric_form.year": ("År", "Year"),
    "app.metric_form.judgeable": ("kan bedömas: {target}", "can be judged: {target}"),
    "app.metric_form.not_judgeable": ("kan inte bedömas", "cannot be judged"),
    "app.metric_form.higher": ("Högre är bättre", "Higher is better"),
    "app.metric_form.lower": ("Lägre är bättre", "Lower is better"),
    "app.add_choice.title": ("Lägg till under {place}", "Add under {place}"),
    "app.add_choice.activity": ("a: aktivitet", "a: activity"),
    "app.add_choice.metric": ("t: mätetal", "t: metric"),
    "app.confirm.remove": (
        "Ta bort {ref}? Den har ingen historik och tas bort ur planen (u ångrar).",
        "Remove {ref}? It has no history and is removed from the plan (u undoes it).",
    ),
    "app.plan_edit.removed": ("Tog bort {ref}", "Removed {ref}"),
}
