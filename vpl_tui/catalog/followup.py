"""Follow-up rounds: `vpl periods`, `vpl assess`, `vpl ready`, `vpl note`, `vpl followup`.

Key: (Swedish, English). A count-bearing text gives both forms: `{count:# dag|# dagar}`.
"Klarmarkerade" agrees with the goals and initiatives counted, as "klara" does in the summary.
"""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # Errors
    "error.unknown_period": (
        "ingen period {period} (perioder: {choices})",
        "no period {period} (periods: {choices})",
    ),
    "error.unknown_target": (
        "inget mål eller initiativ {target}",
        "no goal or initiative {target}",
    ),
    "error.unknown_level": (
        "okänd bedömning {level} (välj: {choices})",
        "unknown assessment {level} (choose: {choices})",
    ),
    "error.assessment.unknown_level": (
        "{level} finns inte i planens skala",
        "{level} is not a level of the plan's scale",
    ),
    "error.assessment.too_long": (
        "analysen och åtgärderna får vara högst 20 000 tecken vardera",
        "the analysis and the actions may be at most 20,000 characters each",
    ),
    "error.assessment.actions_required": (
        "bedömningen {label_sv} kräver åtgärder (--actions)",
        "the assessment {label_en} needs actions (--actions)",
    ),
    "error.stale_assessment": (
        "{target} har ändrats: nu {label_sv} (version {version}, av {user}); läs om och försök igen",
        "{target} has changed: now {label_en} (version {version}, by {user}); read it again and retry",
    ),
    "error.followup_ready": (
        "{target} är klarmarkerad för {period} av {user} {date}: "
        "öppna den igen med vpl ready {target} --period {period_id} --reopen",
        "{target} is marked ready for {period} by {user} on {date}: "
        "reopen it with vpl ready {target} --period {period_id} --reopen",
    ),
    "error.already_ready": ("{target} är redan klarmarkerad", "{target} is already marked ready"),
    "error.not_ready": ("{target} är inte klarmarkerad", "{target} is not marked ready"),
    "error.incomplete.no_assessment": (
        "{target} kan inte klarmarkeras: bedömning saknas",
        "{target} cannot be marked ready: no assessment",
    ),
    "error.incomplete.no_analysis": (
        "{target} kan inte klarmarkeras: analys saknas",
        "{target} cannot be marked ready: no analysis",
    ),
    "error.incomplete.no_actions": (
        "{target} kan inte klarmarkeras: åtgärder saknas",
        "{target} cannot be marked ready: no actions",
    ),
    "error.analysis_twice": (
        "ange analysen en gång: --analysis eller --analysis-file",
        "give the analysis once: --analysis or --analysis-file",
    ),
    "error.level_needed": (
        "ange en bedömning, eller --undo",
        "give an assessment, or --undo",
    ),
    "error.analysis_file": ("{file}: kan inte läsas: {reason}", "{file}: cannot be read: {reason}"),
    # Output
    "followup.periods_header": (
        "id  period  slutdatum  deadline  slag",
        "id  period  end  deadline  kind",
    ),
    "followup.forecast": ("prognos", "forecast"),
    "followup.verdict": ("utfall", "verdict"),
    "followup.current": ("aktuell", "current"),
    "followup.assessed": (
        "{target} {period}: {label} (version {version})",
        "{target} {period}: {label} (version {version})",
    ),
    "followup.undone": (
        "ångrade bedömningen av {target} {period}: nu {label} (version {version})",
        "undid the assessment of {target} {period}: now {label} (version {version})",
    ),
    "followup.none": ("ingen bedömning", "no assessment"),
    "followup.marked_ready": (
        "{target} {period}: klarmarkerad",
        "{target} {period}: marked ready",
    ),
    "followup.reopened": ("{target} {period}: öppnad igen", "{target} {period}: reopened"),
    "followup.noted": ("{ref} {period}: anteckning sparad", "{ref} {period}: note saved"),
    "followup.title": (
        "Uppföljning {period}: {done} av {total} klarmarkerade",
        "Follow-up {period}: {done} of {total} marked ready",
    ),
    "followup.deadline_left": (
        "Deadline {date}: {count:# dag|# dagar} kvar",
        "Deadline {date}: {count:# day|# days} left",
    ),
    "followup.deadline_today": ("Deadline {date}: i dag", "Deadline {date}: today"),
    "followup.deadline_passed": (
        "Deadline {date}: passerad för {count:# dag|# dagar} sedan",
        "Deadline {date}: passed {count:# day|# days} ago",
    ),
    "followup.no_deadline": ("Ingen deadline", "No deadline"),
    "followup.analysis": ("Analys", "Analysis"),
    "followup.actions": ("Åtgärder", "Actions"),
    "followup.notes": ("Vad har gjorts", "What has been done"),
    "followup.complete": ("klar", "ready"),
    "followup.gap.no_assessment": ("bedömning saknas", "no assessment"),
    "followup.gap.no_analysis": ("analys saknas", "no analysis"),
    "followup.gap.no_actions": ("åtgärder saknas", "no actions"),
    "followup.gap.not_ready": ("ej klarmarkerad", "not marked ready"),
    # Metrics without this round's outcome (here, not in `metrics`: `vpl followup` prints
    # them, and the areas load in order)
    "followup.metrics_missing": (
        "Mätetal utan utfall för perioden: {lacking} av {metrics}",
        "Metrics without an outcome for the period: {lacking} of {metrics}",
    ),
    "followup.metric_missing": ("utfall saknas: {metric}  {name}", "no outcome: {metric}  {name}"),
    "summary.assessment": ("{period}: {label}", "{period}: {label}"),
}
