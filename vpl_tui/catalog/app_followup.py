"""The follow-up round in the app: the period in the header, the badges, the follow-up view
(key `a`) and the completeness view (key `c`).

Key: (Swedish, English). Counts reuse the CLI's texts (`followup.title`, `followup.deadline_*`)
so that the app and `vpl followup` say the same thing; the suggestion's sentence holds numbers
in a form that reads right for any of them ("1 av 3 mätetal uppfyllda").
"""

from __future__ import annotations

MAX_LEVEL_KEYS = 9
"""Digits 1..9: the most levels a scale gets one key each for."""

STRINGS: dict[str, tuple[str, str]] = {
    # The plan screen's keys
    "app.key.followup": ("Uppföljning", "Follow-up"),
    "app.tip.followup": (
        "Bedöm målet eller initiativet för perioden: nivå, analys, åtgärder, klarmarkering",
        "Assess the goal or initiative for the period: level, analysis, actions, ready",
    ),
    "app.key.completeness": ("Vad saknas", "What is missing"),
    "app.tip.completeness": (
        "Vad som saknas i periodens uppföljning före deadline; Enter går dit",
        "What the period's follow-up still lacks before the deadline; Enter goes there",
    ),
    "app.key.period-previous": ("Föreg. period", "Previous period"),
    "app.tip.period-previous": (
        "Visa bedömningarna för perioden före",
        "Show the assessments of the period before",
    ),
    "app.key.period-next": ("Nästa period", "Next period"),
    "app.tip.period-next": (
        "Visa bedömningarna för perioden efter",
        "Show the assessments of the period after",
    ),
    "app.help.section.followup": ("Uppföljning", "Follow-up"),
    # The header and the tree
    "app.period.header": ("{name} ({kind})", "{name} ({kind})"),
    "app.period.switched": ("Period: {name}", "Period: {name}"),
    "app.period.first": ("{name} är den första perioden", "{name} is the first period"),
    "app.period.last": ("{name} är den sista perioden", "{name} is the last period"),
    "app.period.none": ("Planen har inga perioder", "The plan has no periods"),
    "app.followup.select_target": (
        "Välj ett mål eller ett initiativ först",
        "Choose a goal or an initiative first",
    ),
    # The follow-up view
    "app.key.followup-close": ("Tillbaka", "Back"),
    "app.tip.followup-close": (
        "Tillbaka till planen; det skrivna sparas först",
        "Back to the plan; what was typed is saved first",
    ),
    "app.key.followup-ready": ("Klar/öppna", "Ready/reopen"),
    "app.tip.followup-ready": (
        "Klarmarkera uppföljningen (skrivskyddad sedan), eller öppna den igen",
        "Mark the follow-up ready (read-only from then), or reopen it",
    ),
    "app.key.followup-accept": ("Godta förslaget", "Accept the suggestion"),
    "app.tip.followup-accept": (
        "Sätt den föreslagna nivån; inget sätts utan att du väljer det",
        "Set the suggested level; nothing is set unless you choose it",
    ),
    "app.followup.title": ("Uppföljning · {period}", "Follow-up · {period}"),
    "app.followup.kind.goal": ("Mål {target}", "Goal {target}"),
    "app.followup.kind.initiative": ("Initiativ {target}", "Initiative {target}"),
    "app.followup.level": ("Bedömning", "Assessment"),
    "app.followup.level_hint": (
        "Siffran väljer nivå · Tab till texterna · Ctrl+R klar · Esc tillbaka",
        "A digit picks the level · Tab to the texts · Ctrl+R ready · Esc back",
    ),
    "app.followup.analysis": ("Analys", "Analysis"),
    "app.followup.actions": ("Åtgärder", "Actions"),
    "app.followup.actions_required": (
        "{label} kräver åtgärder: skriv dem nedan (bedömningen sparas när de finns)",
        "{label} needs actions: write them below (the assessment is saved once they are there)",
    ),
    "app.followup.no_level": (
        "Välj en nivå (siffra) så sparas texten med den",
        "Choose a level (a digit) and the text is saved with it",
    ),
    "app.followup.saved": ("Sparat · version {version}", "Saved · version {version}"),
    "app.followup.saving": ("Sparar …", "Saving …"),
    "app.followup.unsaved": ("Ej sparat ännu", "Not saved yet"),
    "app.followup.nothing_yet": ("Ingen bedömning ännu", "No assessment yet"),
    "app.followup.read_only": (
        "Klarmarkerad för {period} av {user} {date} – skrivskyddad. Ctrl+R öppnar den igen.",
        "Marked ready for {period} by {user} on {date} – read-only. Ctrl+R reopens it.",
    ),
    # A write refused in the app (`error.followup_ready`'s values): reopened in the view
    "app.followup.ready_refused": (
        "{target} är klarmarkerad för {period} av {user} {date}: "
        "öppna den igen med Ctrl+R i uppföljningen (a)",
        "{target} is marked ready for {period} by {user} on {date}: "
        "reopen it with Ctrl+R in the follow-up (a)",
    ),
    "app.followup.ready_done": ("{target}: klarmarkerad", "{target}: marked ready"),
    "app.followup.reopened": ("{target}: öppnad igen", "{target}: reopened"),
    "app.followup.suggestion": ("Förslag: {sentence}", "Suggestion: {sentence}"),
    "app.followup.suggestion_key": ("(Ctrl+G godtar)", "(Ctrl+G accepts)"),
    "app.followup.no_suggestion": (
        "Inget förslag: inga mätetal bedömda och inga aktiviteter",
        "No suggestion: no metric judged and no activity",
    ),
    "app.followup.suggestion_reading": ("Förslag: läser …", "Suggestion: reading …"),
    "app.followup.metrics_part": (
        "{favourable} av {judged} mätetal uppfyllda",
        "{favourable} of {judged} metrics met",
    ),
    "app.followup.activities_verdict": (
        "{on_track} av {counted} aktiviteter klara",
        "{on_track} of {counted} activities done",
    ),
    "app.followup.activities_forecast": (
        "{on_track} av {counted} aktiviteter klara eller i tid",
        "{on_track} of {counted} activities done or on time",
    ),
    "app.followup.history": ("Historik", "History"),
    "app.followup.history_empty": ("Inga bedömningar ännu", "No assessments yet"),
    "app.followup.history_undo": ("ångrad", "undone"),
    "app.followup.stale": (
        "Inte sparat: {target} ändrades av {user} (nu {label}); det som gäller nu visas",
        "Not saved: {target} was changed by {user} (now {label}); what holds now is shown",
    ),
    "app.followup.leave_unsaved": (
        "Inte sparat: {reason}. Esc igen lämnar utan att spara.",
        "Not saved: {reason}. Esc again leaves without saving.",
    ),
    # The completeness view
    "app.key.completeness-close": ("Tillbaka", "Back"),
    "app.tip.completeness-close": ("Tillbaka till planen", "Back to the plan"),
    "app.key.completeness-go": ("Gå dit", "Go there"),
    "app.tip.completeness-go": (
        "Till målet eller initiativet i trädet",
        "To the goal or initiative in the tree",
    ),
    "app.completeness.heading": (
        "Vad saknas · {period}",
        "What is missing · {period}",
    ),
    "app.completeness.reading": ("Läser …", "Reading …"),
    "app.completeness.all_done": (
        "Allt är klarmarkerat för perioden.",
        "Everything is marked ready for the period.",
    ),
    "app.completeness.hint": (
        "Enter går till raden i trädet · Esc tillbaka",
        "Enter goes to the line in the tree · Esc back",
    ),
    **{f"app.key.level-{n}": (f"Nivå {n}", f"Level {n}") for n in range(1, MAX_LEVEL_KEYS + 1)},
    **{
        f"app.tip.level-{n}": (
            f"Välj skalans nivå {n} (när fokus inte är i en text)",
            f"Choose the scale's level {n} (when the focus is not in a text)",
        )
        for n in range(1, MAX_LEVEL_KEYS + 1)
    },
}
