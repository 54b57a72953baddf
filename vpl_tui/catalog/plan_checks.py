"""The plan file's checks that a parser cannot make: history chains, the budget's edits,
the follow-up's periods, scale, assessments, notes and ready marks. `vpl load` shows each
as `FILE:LINE: PATH: reason`; the English texts are the ones the rules have always said."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # Values a field checks itself (vpl_tui.model.base).
    "plan.not_a_year_key": (
        "nyckeln {year_key} är inget år (fyra siffror)",
        "key {year_key} is not a year (four digits)",
    ),
    "plan.needs_zone": (
        "behöver en tidszon, till exempel 2023-03-01T09:30:00Z",
        "needs a time zone, for example 2023-03-01T09:30:00Z",
    ),
    "plan.year_outside": (
        "året {year} ligger utanför {first}–{last}",
        "year {year} is outside {first}-{last}",
    ),
    # An activity's status history (vpl_tui.model.Activity).
    "plan.history.not_following": (
        "{status} följer inte på raden före ({previous})",
        "{status} does not follow from the entry before it ({previous})",
    ),
    "plan.history.before_entry": (
        "{at} är före raden före",
        "{at} is before the entry before it",
    ),
    "plan.history.not_earlier": (
        "{target} är inte en tidigare rad",
        "{target} is not an earlier entry",
    ),
    "plan.history.undone_twice": (
        "rad {target} kan inte ångras två gånger",
        "entry {target} cannot be undone twice",
    ),
    "plan.history.undo_restores": (
        "en ångring av rad {target} återställer {restored}",
        "an undo of entry {target} restores {restored}",
    ),
    "plan.history.status_not_last": (
        "{status} är inte där historiken slutar ({previous})",
        "{status} is not where the history ends ({previous})",
    ),
    "plan.history.status_needs_history": (
        "{status} behöver historikraden som satte den (en aktivitet utan historik är {initial})",
        "{status} needs the history entry that set it (an activity without history is {initial})",
    ),
    # The budget's edits (vpl_tui.model.budget).
    "plan.budget.no_figure": (
        "ingen siffra {address} i budgeten",
        "no figure {address} in the budget",
    ),
    "plan.budget.not_following": (
        "{value} följer inte på ändringen före ({before})",
        "{value} does not follow from the change before it ({before})",
    ),
    "plan.budget.before_change": (
        "är före ändringen före",
        "is before the change before it",
    ),
    "plan.budget.last_change": (
        "{address} är {value} i tabellen men dess sista ändring sätter {last}",
        "{address} is {value} in the table but its last change sets {last}",
    ),
    "plan.budget.duplicate_or_reserved": (
        "{name} finns redan eller är ett reserverat namn",
        "{name} is a duplicate or reserved",
    ),
    # The follow-up (vpl_tui.model.followup, vpl_tui.rules.periods, vpl_tui.rules.assessments).
    "plan.followup.no_period": ("ingen period {period}", "no period {period}"),
    "plan.followup.listed_twice": (
        "{what} i {period} finns två gånger",
        "{what} in {period} is listed twice",
    ),
    "plan.followup.before_entry": ("är före raden före", "is before the entry before it"),
    "plan.followup.should_be_ready": ("ska vara klarmarkerad", "should be marked ready"),
    "plan.followup.should_be_reopened": ("ska vara återöppnad", "should be reopened"),
    "plan.followup.no_target": (
        "inget mål eller initiativ {target}",
        "no goal or initiative {target}",
    ),
    "plan.followup.no_activity": ("ingen aktivitet {ref}", "no activity {ref}"),
    "plan.followup.undo_restores_before": (
        "en ångring av rad {target} återställer raden före den",
        "an undo of entry {target} restores the entry before it",
    ),
    "plan.followup.unknown_level": (
        "{level} är ingen nivå i skalan",
        "{level} is not a level of the scale",
    ),
    "plan.followup.too_long": (
        "analys och åtgärder: högst {limit} tecken vardera",
        "analysis and actions: at most {limit} characters each",
    ),
    "plan.followup.actions_required": (
        "{level} kräver åtgärder",
        "{level} needs actions (åtgärder)",
    ),
    "plan.periods.too_many": ("högst {limit} perioder", "at most {limit} periods"),
    "plan.periods.id_twice": ("{id} används två gånger", "{id} is used twice"),
    "plan.periods.deadline_before_end": (
        "{deadline} är före slutdatumet {end}",
        "{deadline} is before the end {end}",
    ),
    "plan.periods.ends_in_order": (
        "slutdatumen ska vara i ordning, vart och ett senare än det före",
        "end dates must be in order, each later than the one before",
    ),
    "plan.periods.one_verdict": (
        "högst en period kan vara årets utfall",
        "at most one period is the year's verdict",
    ),
    "plan.scale.no_level": ("minst en nivå", "at least one level"),
    "plan.scale.codes_twice": (
        "varje nivå behöver en egen kod",
        "every level needs its own code",
    ),
    "plan.scale.no_assessment": (
        "minst en nivå ska vara en bedömning",
        "at least one level must be an assessment",
    ),
    "plan.scale.unknown_level": (
        "{code} är ingen nivå i skalan",
        "{code} is not a level of the scale",
    ),
    "plan.scale.one_character": ("ett tecken", "one character"),
}
