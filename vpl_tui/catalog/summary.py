"""The status summary (`vpl summary`, the app's `p`).

Key: (Swedish, English). A count-bearing text gives both forms: `{count:# träff|# träffar}`.
"""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # Summary
    "summary.title": ("Statusrapport", "Status summary"),
    "summary.as_of": ("Per {date}", "As of {date}"),
    "summary.activities": ("Aktiviteter", "Activities"),
    "summary.total": ("Totalt", "Total"),
    "summary.by_status": ("Per status", "By status"),
    "summary.overdue_count": ("Passerat slutdatum: {count}", "Overdue: {count}"),
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
}
