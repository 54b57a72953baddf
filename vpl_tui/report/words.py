"""The report's own fixed words, in Swedish and English, and its plural-correct sentences.

A small table of its own until the lead merges it into `vpl_tui.strings` (the catalog);
the keys are already named as catalog keys would be (`report.…`). The plan's own text is
never translated: only these words change with the language.

The summary's sentences agree in number, in both languages:

    >>> level_sentence("sv", "goal", "met", 3, 5, forecast=True)
    '3 av 5 mål bedöms uppfyllas'
    >>> level_sentence("sv", "goal", "met", 1, 5, forecast=False)
    '1 av 5 mål är uppfyllt'
    >>> level_sentence("en", "goal", "met", 1, 1, forecast=True)
    '1 of 1 goal is expected to be met'
"""

from __future__ import annotations

from typing import Literal

Lang = Literal["sv", "en"]
Subject = Literal["goal", "initiative", "activity", "metric"]

WORDS: dict[str, tuple[str, str]] = {
    # key: (Swedish, English)
    "report.followup": ("Uppföljning", "Follow-up"),
    "report.organisation": ("Organisation", "Organisation"),
    "report.plan": ("Plan", "Plan"),
    "report.period": ("Period", "Period"),
    "report.period_value": ("{name} (till och med {end})", "{name} (up to and including {end})"),
    "report.made_on": ("Upprättad", "Prepared on"),
    "report.made_by": ("Upprättad av", "Prepared by"),
    "report.basis": ("Underlag", "Basis"),
    "report.kind": ("Bedömningarna", "The assessments"),
    "report.kind.forecast": ("Prognos för helåret", "Forecast for the full year"),
    "report.kind.verdict": ("Årets utfall", "The year's outcome"),
    "report.freeze.period_end": (
        "Läget vid periodens slut, {when}",
        "As things stood at the period's end, {when}",
    ),
    "report.freeze.ready_mark": (
        "Läget när uppföljningen senast markerades klar, {when}",
        "As things stood when the follow-up was last marked ready, {when}",
    ),
    "report.contents": ("Innehåll", "Contents"),
    "report.contents_hint": (
        "Uppdatera fältet (F9) för att visa innehållsförteckningen.",
        "Update the field (F9) to show the table of contents.",
    ),
    "report.page": ("Sida {page}", "Page {page}"),
    "report.summary": ("Sammanfattning", "Summary"),
    "report.summary.forecast": (
        "Bedömningarna är prognoser för helåret, gjorda vid periodens slut.",
        "The assessments are forecasts for the full year, made at the period's end.",
    ),
    "report.summary.verdict": (
        "Bedömningarna avser årets utfall.",
        "The assessments are the year's outcome.",
    ),
    "report.summary.goals": ("Mål", "Goals"),
    "report.summary.initiatives": ("Strategiska initiativ", "Strategic initiatives"),
    "report.summary.activities": (
        "Aktiviteter vid periodens slut",
        "Activities at the period's end",
    ),
    "report.summary.metrics": ("Mätetal", "Metrics"),
    "report.summary.none": ("Inga.", "None."),
    "report.summary.overdue": (
        "{count} av {total} hade passerat sitt slutdatum utan att vara klara",
        "{count} of {total} had passed their end date without being done",
    ),
    "report.changes": ("Förändringar sedan {period}", "Changes since {period}"),
    "report.changes.title_first": ("Förändringar", "Changes"),
    "report.changes.first": (
        "Detta är årets första uppföljning: det finns ingen tidigare att jämföra med.",
        "This is the first follow-up: there is no earlier one to compare with.",
    ),
    "report.changes.moved": ("Ändrade bedömningar", "Assessments changed"),
    "report.changes.finished": ("Aktiviteter som blivit klara", "Activities finished"),
    "report.changes.delayed": ("Aktiviteter som blivit försenade", "Activities delayed"),
    "report.changes.none_moved": ("Ingen bedömning har ändrats.", "No assessment has changed."),
    "report.changes.none_finished": (
        "Ingen aktivitet har blivit klar.",
        "No activity has been finished.",
    ),
    "report.changes.none_delayed": (
        "Ingen aktivitet har blivit försenad.",
        "No activity has been delayed.",
    ),
    "report.other_goals": ("Övriga mål", "Other goals"),
    "report.goals": ("Mål", "Goals"),
    "report.assessment": ("Bedömning", "Assessment"),
    "report.not_assessed": ("Ej bedömd", "Not assessed"),
    "report.previous_assessment": ("Föregående", "Before"),
    "report.current_assessment": ("Nu", "Now"),
    "report.subject": ("Mål eller initiativ", "Goal or initiative"),
    "report.analysis": ("Analys", "Analysis"),
    "report.analysis_missing": ("Analys saknas.", "No analysis given."),
    "report.actions": ("Åtgärder", "Actions"),
    "report.actions_missing": (
        "Åtgärder saknas, fast bedömningen kräver dem.",
        "No actions given, although the assessment requires them.",
    ),
    "report.metrics": ("Mätetal", "Metrics"),
    "report.metric": ("Mätetal", "Metric"),
    "report.outcome": ("Utfall", "Outcome"),
    "report.previous": ("Föregående", "Previous"),
    "report.target": ("Mål", "Target"),
    "report.judgement": ("Bedömning", "Judgement"),
    "report.source": ("Källa", "Source"),
    "report.no_outcome": ("Utfall saknas", "No outcome"),
    "report.no_target": ("Inget mål", "No target"),
    "report.activities": ("Aktiviteter", "Activities"),
    "report.ref": ("Ref", "Ref"),
    "report.activity": ("Aktivitet", "Activity"),
    "report.status": ("Status", "Status"),
    "report.end": ("Slutdatum", "End date"),
    "report.note": ("Senaste anteckning", "Latest note"),
    "report.responsible": ("Ansvarig", "Responsible"),
    "report.overdue_legend": (
        "! = slutdatumet hade passerats vid periodens slut utan att aktiviteten var klar.",
        "! = the end date had passed at the period's end without the activity being done.",
    ),
    "report.economy": ("Ekonomi", "Economy"),
    "report.economy.findings": ("Avstämning av budgeten", "Budget reconciliation"),
    "report.economy.no_findings": ("Inga avstämningar.", "No reconciliation."),
    "report.economy.followup": ("Ekonomisk uppföljning ({unit})", "Financial follow-up ({unit})"),
    "report.economy.unit": ("Enhet", "Unit"),
    "report.economy.budget": ("Budget", "Budget"),
    "report.economy.outcome": ("Utfall", "Outcome"),
    "report.economy.forecast": ("Prognos", "Forecast"),
    "report.economy.deviation": ("Avvikelse", "Deviation"),
    "report.economy.comment": ("Kommentar", "Comment"),
    "report.economy.comment_missing": ("Kommentar saknas", "Comment missing"),
    "report.economy.missing": ("saknas", "missing"),
    "report.economy.legend": (
        "Avvikelse = budget − prognos; positiv är ett överskott. "
        "! = avvikelsen är väsentlig (över {threshold} % av budgeten) och kräver en kommentar.",
        "Deviation = budget − forecast; positive is a surplus. "
        "! = the deviation is material (over {threshold} % of the budget) and needs a comment.",
    ),
    "report.no_economy": (
        "Planen har ingen ekonomisk uppföljning för perioden.",
        "The plan has no financial follow-up for the period.",
    ),
    # Judgements of a metric against its target (vpl_tui.rules.targets.JUDGEMENTS).
    "judgement.met": ("Uppfyllt", "Met"),
    "judgement.not_met": ("Ej uppfyllt", "Not met"),
    "judgement.improving": ("Förbättras", "Improving"),
    "judgement.unchanged": ("Oförändrat", "Unchanged"),
    "judgement.worsening": ("Försämras", "Worsening"),
    "judgement.not_judgeable": ("Kan inte bedömas", "Cannot be judged"),
    "judgement.no_outcome": ("Utfall saknas", "No outcome"),
}


def word(lang: str, key: str, **values: object) -> str:
    """The word or sentence `key` in `lang` ("sv" unless "en"), `values` filled in."""
    text = WORDS[key][1 if lang == "en" else 0]
    return text.format(**values) if values else text


# -- the summary's sentences --------------------------------------------------------------------

# Swedish nouns: (singular, plural); mål, initiativ and mätetal are neuter and do not change.
_NOUNS_SV: dict[str, tuple[str, str]] = {
    "goal": ("mål", "mål"),
    "initiative": ("initiativ", "initiativ"),
    "activity": ("aktivitet", "aktiviteter"),
    "metric": ("mätetal", "mätetal"),
}
_NOUNS_EN: dict[str, tuple[str, str]] = {
    "goal": ("goal", "goals"),
    "initiative": ("initiative", "initiatives"),
    "activity": ("activity", "activities"),
    "metric": ("metric", "metrics"),
}

# What is said of the counted ones: (singular, plural). Swedish participles agree with the
# noun's gender: goals, initiatives and metrics are neuter (uppfyllt), activities common
# gender (klar); both take the plural form for 0 and for more than 1.
_PREDICATES_SV: dict[tuple[str, str], tuple[str, str]] = {
    ("forecast", "met"): ("bedöms uppfyllas", "bedöms uppfyllas"),
    ("forecast", "partly_met"): ("bedöms delvis uppfyllas", "bedöms delvis uppfyllas"),
    ("forecast", "not_met"): ("bedöms inte uppfyllas", "bedöms inte uppfyllas"),
    ("forecast", "not_assessed"): ("är ej bedömt", "är ej bedömda"),
    ("verdict", "met"): ("är uppfyllt", "är uppfyllda"),
    ("verdict", "partly_met"): ("är delvis uppfyllt", "är delvis uppfyllda"),
    ("verdict", "not_met"): ("är ej uppfyllt", "är ej uppfyllda"),
    ("verdict", "not_assessed"): ("är ej bedömt", "är ej bedömda"),
    ("status", "not_started"): ("har inte påbörjats", "har inte påbörjats"),
    ("status", "in_progress"): ("pågår", "pågår"),
    ("status", "done"): ("är klar", "är klara"),
    ("status", "delayed"): ("är försenad", "är försenade"),
    ("status", "cancelled"): ("är avbruten", "är avbrutna"),
    ("judgement", "met"): ("når målet", "når målet"),
    ("judgement", "not_met"): ("når inte målet", "når inte målet"),
    ("judgement", "improving"): ("förbättras", "förbättras"),
    ("judgement", "unchanged"): ("är oförändrat", "är oförändrade"),
    ("judgement", "worsening"): ("försämras", "försämras"),
    ("judgement", "not_judgeable"): ("kan inte bedömas", "kan inte bedömas"),
    ("judgement", "no_outcome"): ("saknar utfall", "saknar utfall"),
}
_PREDICATES_EN: dict[tuple[str, str], tuple[str, str]] = {
    ("forecast", "met"): ("is expected to be met", "are expected to be met"),
    ("forecast", "partly_met"): ("is expected to be partly met", "are expected to be partly met"),
    ("forecast", "not_met"): ("is not expected to be met", "are not expected to be met"),
    ("forecast", "not_assessed"): ("is not assessed", "are not assessed"),
    ("verdict", "met"): ("was met", "were met"),
    ("verdict", "partly_met"): ("was partly met", "were partly met"),
    ("verdict", "not_met"): ("was not met", "were not met"),
    ("verdict", "not_assessed"): ("was not assessed", "were not assessed"),
    ("status", "not_started"): ("has not started", "have not started"),
    ("status", "in_progress"): ("is in progress", "are in progress"),
    ("status", "done"): ("is done", "are done"),
    ("status", "delayed"): ("is delayed", "are delayed"),
    ("status", "cancelled"): ("is cancelled", "are cancelled"),
    ("judgement", "met"): ("meets its target", "meet their targets"),
    ("judgement", "not_met"): ("does not meet its target", "do not meet their targets"),
    ("judgement", "improving"): ("is improving", "are improving"),
    ("judgement", "unchanged"): ("is unchanged", "are unchanged"),
    ("judgement", "worsening"): ("is worsening", "are worsening"),
    ("judgement", "not_judgeable"): ("cannot be judged", "cannot be judged"),
    ("judgement", "no_outcome"): ("has no outcome", "have no outcome"),
}


def count_phrase(lang: str, subject: Subject, count: int, total: int) -> str:
    """`3 av 5 mål`, `1 av 1 aktivitet`, `2 of 7 activities`: the noun agrees with the total."""
    nouns = _NOUNS_EN if lang == "en" else _NOUNS_SV
    noun = nouns[subject][0 if total == 1 else 1]
    return f"{count} {'of' if lang == 'en' else 'av'} {total} {noun}"


def sentence(lang: str, subject: Subject, kind: str, code: str, count: int, total: int) -> str:
    """`count` of `total` things and what holds for them; the verb agrees with `count`.

    Args:
        kind: "forecast" or "verdict" (assessment levels), "status" (activities) or
            "judgement" (metrics).
        code: The level, status or judgement code.
    """
    predicates = _PREDICATES_EN if lang == "en" else _PREDICATES_SV
    singular, plural = predicates[(kind, code)]
    return f"{count_phrase(lang, subject, count, total)} {singular if count == 1 else plural}"


def has_sentence(kind: str, code: str) -> bool:
    """Whether `code` has a hand-written sentence (a plan's own scale may have other levels)."""
    return (kind, code) in _PREDICATES_SV


def level_sentence(
    lang: str,
    subject: Subject,
    code: str,
    count: int,
    total: int,
    *,
    forecast: bool,
    label: str = "",
) -> str:
    """The summary's sentence for one assessment level: `3 av 5 mål bedöms uppfyllas`.

    A level of a plan's own scale, which has no hand-written sentence, reads
    `Label: 3 av 5 mål`, which is correct in both languages whatever the label.
    """
    kind = "forecast" if forecast else "verdict"
    if has_sentence(kind, code):
        return sentence(lang, subject, kind, code, count, total)
    return f"{label}: {count_phrase(lang, subject, count, total)}"
