"""Metrics and outcomes: `vpl outcome`, `vpl outcome import`, `vpl metrics`, and their help.

Key: (Swedish, English). A count-bearing text gives both forms: `{count:# mätetal|# mätetal}`.
"""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # Errors
    "error.unknown_metric": (
        "inget mätetal {metric} (se vpl metrics)",
        "no metric {metric} (see vpl metrics)",
    ),
    "error.outcome_empty": ("utfallet är tomt", "the outcome is empty"),
    "error.outcome_too_long": (
        "utfallet får vara högst 200 tecken",
        "the outcome may be at most 200 characters",
    ),
    "error.outcome_source_too_long": (
        "källan får vara högst 64 tecken",
        "the source may be at most 64 characters",
    ),
    "error.outcome_point": (
        "ange antingen --period eller --year",
        "give either --period or --year",
    ),
    "error.outcome_gender": (
        "kön {gender}: T (totalt), K (kvinnor) eller M (män)",
        "gender {gender}: T (total), K (women) or M (men)",
    ),
    "error.stale_outcome": (
        "utfallet för {metric} har ändrats: nu {value} (version {version}, av {user}); "
        "läs om och försök igen",
        "the outcome of {metric} has changed: now {value} (version {version}, by {user}); "
        "read it again and retry",
    ),
    "error.outcome_value_needed": (
        "ange utfallet: vpl outcome MÄTETAL VÄRDE --period P",
        "give the outcome: vpl outcome METRIC VALUE --period P",
    ),
    "error.outcome_file": (
        "{file}: kan inte läsas ({reason})",
        "{file}: cannot be read ({reason})",
    ),
    "error.outcome_file_refused": (
        "{problem} (filen har {count:# fel|# fel}; inget sparades)",
        "{problem} ({count:# problem|# problems} in the file; nothing was saved)",
    ),
    "error.outcome_nothing_matched": (
        "{file}: inget utfall passar planens mätetal; inget sparades",
        "{file}: no outcome matches the plan's metrics; nothing was saved",
    ),
    "load.outcome_diverged": (
        "utfallet {name} har ändrats både i databasen och i {file}; inget laddades",
        "the outcome {name} was changed both in the database and in {file}; nothing was loaded",
    ),
    "load.outcome_dropped": (
        "{file} saknar mätetalet för utfallet {name} som databasen har historik för; "
        "inget laddades",
        "{file} lacks the metric of the outcome {name}, which has history in the database; "
        "nothing was loaded",
    ),
    # vpl outcome
    "metrics.recorded": (
        "utfall för {metric} {point}: {value} (version {version})",
        "outcome of {metric} {point}: {value} (version {version})",
    ),
    "metrics.undone": (
        "utfallet för {metric} {point} ångrat: nu {value} (version {version})",
        "outcome of {metric} {point} undone: now {value} (version {version})",
    ),
    "metrics.nothing": ("inget", "none"),
    "metrics.imported": (
        "{file}: {count:# utfall sparat|# utfall sparade} (källa {source})",
        "{file}: {count:# outcome saved|# outcomes saved} (source {source})",
    ),
    "metrics.import_checked": (
        "{file}: {count:# utfall skulle sparas|# utfall skulle sparas}; inget sparades (--check)",
        "{file}: {count:# outcome would be saved|# outcomes would be saved}; nothing saved "
        "(--check)",
    ),
    "metrics.matched": (
        "  {metric} {year}{gender}: {value}",
        "  {metric} {year}{gender}: {value}",
    ),
    "metrics.skipped": (
        "{count:# hoppades över|# hoppades över}: {reason} ({examples})",
        "{count:# skipped|# skipped}: {reason} ({examples})",
    ),
    "metrics.skip.unknown_metric": (
        "inget mätetal med det id:t eller KPI-id:t",
        "no metric with that id or KPI id",
    ),
    "metrics.skip.other_municipality": (
        "en annan kommun än planens",
        "another municipality than the plan's",
    ),
    "metrics.skip.unchanged": (
        "finns redan, med samma värde och källa",
        "there already, with the same value and source",
    ),
    "metrics.skip.no_value": (
        "inget värde (null eller Missing: inget utfall, aldrig noll)",
        "no value (null or Missing: no outcome, never zero)",
    ),
    # vpl metrics
    "metrics.title": (
        "Mätetal för {period} (t.o.m. {end}): {met} av {judged} bedömda når målet eller förbättras",
        "Metrics for {period} (up to {end}): {met} of {judged} judged meet the target or improve",
    ),
    "summary.metrics_title": (
        "Mätetal, {period}: {met} av {judged} bedömda når målet eller förbättras",
        "Metrics, {period}: {met} of {judged} judged meet the target or improve",
    ),
    "metrics.none": ("Planen har inga mätetal.", "The plan has no metrics."),
    "metrics.outcome": ("utfall", "outcome"),
    "metrics.judgement_heading": ("bedömning", "judgement"),
    "metrics.previous": ("före", "before"),
    "metrics.target": ("mål", "target"),
    "metrics.no_target": ("mål saknas", "no target"),
    # Kolada's terms ask for these very words, in either language.
    "metrics.source_kolada": ("Källa: Kolada", "Källa: Kolada"),
    # The completeness list (`vpl followup`, key `c`): metrics without this round's outcome
    # (the count and a metric's line are in the `followup` area, which the command loads)
    "followup.metric_gap": (
        "mätetal utan utfall: {lacking}",
        "metrics without an outcome: {lacking}",
    ),
    "metrics.source": ("källa: {source}", "source: {source}"),
    "metrics.judgement.met": ("uppfyllt", "met"),
    "metrics.judgement.not_met": ("ej uppfyllt", "not met"),
    "metrics.judgement.improving": ("förbättras", "improving"),
    "metrics.judgement.unchanged": ("oförändrat", "unchanged"),
    "metrics.judgement.worsening": ("försämras", "worsening"),
    "metrics.judgement.not_judgeable": ("kan inte bedömas", "cannot be judged"),
    "metrics.judgement.no_outcome": ("utfall saknas", "no outcome"),
    # The app: the detail pane and the outcome dialog (key o)
    "app.outcome.outcome": ("Utfall", "Outcome"),
    "app.outcome.previous": ("Föregående utfall", "Previous outcome"),
    "app.outcome.gender": ("Utfall {gender}", "Outcome {gender}"),
    "app.outcome.source": ("Källa", "Source"),
    "app.outcome.judgement": ("Bedömning {period}", "Judgement {period}"),
    "app.outcome.key_hint": (
        "o: ange utfall för {period}",
        "o: enter an outcome for {period}",
    ),
    "app.key.outcome": ("Utfall", "Outcome"),
    "app.tip.outcome": (
        "Ange mätetalets utfall för den aktuella perioden",
        "Enter the metric's outcome for the current period",
    ),
    "app.outcome.title": ("Utfall för {period}", "Outcome for {period}"),
    "app.outcome.value_label": (
        "Värde (tal med enhet, eller ord)",
        "Value (a number with its unit, or words)",
    ),
    "app.outcome.comment_label": ("Kommentar", "Comment"),
    "app.outcome.hint": (
        "Enter sparar · Tab byter fält · Esc stänger utan att spara",
        "Enter saves · Tab switches field · Esc closes without saving",
    ),
    "app.outcome.number": ("Läses som talet {number}", "Read as the number {number}"),
    "app.outcome.words": (
        "Inget tal: sparas som text och kan inte bedömas",
        "No number: kept as text, cannot be judged",
    ),
    "app.outcome.saved": (
        "Utfallet för {metric} {period} sparades: {value}",
        "The outcome of {metric} {period} was saved: {value}",
    ),
    "app.outcome.not_a_metric": (
        "Ställ markören på ett mätetal för att ange utfall",
        "Put the cursor on a metric to enter an outcome",
    ),
    # --help
    "help.outcome": (
        "Registrera ett utfall för mätetalet METRIC: vpl outcome METRIC VÄRDE --period P "
        "(eller --year Å), eller läs in utfall ur en fil: vpl outcome import FIL.",
        "Record an outcome of metric METRIC: vpl outcome METRIC VALUE --period P (or --year "
        "Y), or read outcomes from a file: vpl outcome import FILE.",
    ),
    "help.metrics": (
        "Visa varje mätetal med utfall, mål och bedömning för en period.",
        "Show every metric with its outcome, target and judgement for a period.",
    ),
    "help.metrics.period_name": (
        "Periodens id eller namn (standard: den aktuella perioden).",
        "The period's id or name (default: the current period).",
    ),
    "help.metrics.fmt": ("Utdataformat.", "Output format."),
    "help.metrics.today": (
        "Räkna från den här dagen (standard: i dag): den aktuella perioden.",
        "Count from this day (default: today): the current period.",
    ),
}
