"""What the follow-up round shows in the app: the period, the badges, and the follow-up view.

The follow-up view (key `a`) edits one goal's or initiative's assessment for the current
period. `FollowupForm` holds what is on the screen, what was last saved and its version,
and answers what to save next: the screen saves as typed (a worker, a while after the last
keystroke), one save at a time, each on the version the one before left, so that a change
someone else made meanwhile is refused (stale) and never written over. The rules are the
core's: `assessment_problem` (what cannot be saved), `actions_required`, `editable`.

Plan and typed text is shown cleaned (`safetext.clean`): an analysis holding terminal
controls is shown, and edited, in its visible form.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from vpl_tui.rules.assessments import (
    Assessment,
    Level,
    Scale,
    actions_required,
    assessment_problem,
    editable,
)
from vpl_tui.rules.periods import Period
from vpl_tui.safetext import clean, one_line
from vpl_tui.strings import Strings

if TYPE_CHECKING:
    from vpl_tui.rules.suggest import Suggestion

BADGE_COLOURS = ("green", "yellow", "red", "grey", "blue")
"""Scale colours the app draws in theme colours (readable in every theme); any other colour
(`#rrggbb`, another name) is drawn as given, with black or white text."""


# -- the period ---------------------------------------------------------------------------


def period_header(period: Period | None, s: Strings) -> str:
    """The period for the header: "Tertial 1 (prognos)", "Årsredovisning (utfall)"."""
    if period is None:
        return ""
    kind = s("followup.verdict" if period.verdict else "followup.forecast")
    return s("app.period.header", name=one_line(period.name), kind=kind)


def step_period(periods: Sequence[Period], current: str | None, step: int) -> Period | None:
    """The period `step` places after (+1) or before (-1) `current`, in end-date order;
    None past the first or the last. Without a current one, the first or the last."""
    ordered = sorted(periods, key=lambda p: p.end)
    if not ordered:
        return None
    ids = [p.id for p in ordered]
    if current not in ids:
        return ordered[0] if step > 0 else ordered[-1]
    at = ids.index(current) + step
    return ordered[at] if 0 <= at < len(ordered) else None


# -- the badge ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Badge:
    """A goal's or initiative's assessment in the tree: symbol and word, and its colour."""

    symbol: str
    word: str
    colour: str
    """The scale's colour, as the plan gives it."""

    @property
    def text(self) -> str:
        return clean(f"{self.symbol} {self.word}")

    @property
    def component(self) -> str:
        """The tree's component class suffix: one of `BADGE_COLOURS`, or `other`."""
        folded = self.colour.strip().casefold()
        return folded if folded in BADGE_COLOURS else "other"


def badge(scale: Scale, assessment: Assessment | None, lang: str) -> Badge | None:
    """The badge of an assessment (its level's short word), or None before the first."""
    level = None if assessment is None else scale.level(assessment.level)
    if level is None:
        return None
    return Badge(level.symbol, level.label(lang), level.colour)


def badges(scale: Scale, assessments: Mapping[str, Assessment], lang: str) -> dict[str, Badge]:
    """Every target's badge, by goal number or initiative id."""
    found = {target: badge(scale, a, lang) for target, a in assessments.items()}
    return {target: b for target, b in found.items() if b is not None}


# -- the suggestion -----------------------------------------------------------------------


def suggestion_sentence(suggestion: Suggestion | None, period: Period, s: Strings) -> str:
    """ "2 av 3 mätetal uppfyllda, 6 av 8 aktiviteter klara → delvis uppfyllt"."""
    if suggestion is None:
        return s("app.followup.no_suggestion")
    parts = []
    if suggestion.metrics_judged:
        parts.append(
            s(
                "app.followup.metrics_part",
                favourable=suggestion.metrics_favourable,
                judged=suggestion.metrics_judged,
            )
        )
    if suggestion.activities_counted:
        key = "verdict" if suggestion.verdict else "forecast"
        parts.append(
            s(
                f"app.followup.activities_{key}",
                on_track=suggestion.activities_on_track,
                counted=suggestion.activities_counted,
            )
        )
    label = suggestion.level.label(s.lang, forecast=not period.verdict)
    return clean(f"{', '.join(parts)} → {label[:1].lower()}{label[1:]}")


# -- the follow-up view -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Save:
    """One write the screen is to make: `assessment` on top of `version`."""

    assessment: Assessment
    version: int


@dataclass(frozen=True, slots=True)
class HistoryLine:
    """One row of a target's assessment history, as the view lists it."""

    at: str
    user: str
    level: str
    analysis: str
    undo: bool


def history_lines(rows: Sequence[Mapping[str, object]]) -> list[HistoryLine]:
    """The store's history rows (oldest first) as lines, newest first."""
    return [
        HistoryLine(
            str(row.get("at", "")),
            str(row.get("user", "")),
            str(row.get("level", "")),
            str(row.get("analysis", "")),
            row.get("undo_of") is not None,
        )
        for row in reversed(rows)
    ]


class FollowupForm:
    """The follow-up of one target for one period, as the view edits it."""

    def __init__(
        self,
        scale: Scale,
        period: Period,
        target: str,
        kind: str,
        title: str,
        saved: Assessment | None,
        version: int,
        *,
        ready: bool = False,
        marked: tuple[str, str] = ("", ""),
        judgements: Sequence[str] = (),
        lang: str = "sv",
    ) -> None:
        """
        Args:
            scale: The plan's scale.
            period: The period assessed.
            target: The goal's number or the initiative's id.
            kind: `goal` or `initiative`.
            title: The target's title (plan text).
            saved: The assessment as stored, or None before the first.
            version: Its version (its rows so far): the version a save is made on.
            ready: Whether the follow-up is marked ready (read-only).
            marked: Who made its latest ready mark, and the day (`2023-04-28`).
            judgements: The target's metric judgements for the period (for the suggestion).
            lang: The interface language (the levels' words).
        """
        self.scale, self.period = scale, period
        self.target, self.kind, self.title = target, kind, title
        self.judgements = list(judgements)
        self.lang = lang
        self.ready, self.marked = ready, marked
        self.suggestion: Suggestion | None = None
        self.suggestion_read = False
        self.saving = False
        """A save is being written: the next waits for it (and for its version)."""
        self.take(saved, version)

    def take(self, saved: Assessment | None, version: int) -> None:
        """Show `saved` (at `version`) as what is stored and what is being edited."""
        self.saved = saved
        self.version = version
        self.level: str | None = saved.level if saved is not None and saved.level else None
        self.shown = (
            clean(saved.analysis, multiline=True) if saved else "",
            clean(saved.actions, multiline=True) if saved else "",
        )
        """The texts as loaded into the editors: what an edit is compared with."""
        self.analysis, self.actions = self.shown

    # -- what is shown ----------------------------------------------------------------------

    def level_choices(self) -> list[tuple[int, Level]]:
        """The scale's levels, each with the digit that picks it (1 for the best)."""
        return [(n, level) for n, level in enumerate(self.scale.levels, start=1) if n <= 9]

    def word(self, level: Level) -> str:
        """A level's word in this period (a forecast during the year)."""
        return level.label(self.lang, forecast=not self.period.verdict)

    @property
    def editable(self) -> bool:
        return editable(self.ready)

    def read_only_notice(self, s: Strings) -> str:
        """Read-only since whom marked it ready, on which day; how to reopen it."""
        user, day = self.marked
        name = one_line(self.period.name)
        return s("app.followup.read_only", period=name, user=clean(user) or "-", date=day or "-")

    @property
    def chosen(self) -> Level | None:
        return None if self.level is None else self.scale.level(self.level)

    def actions_needed(self) -> bool:
        """Whether the level chosen needs actions (the scale's worst, by default)."""
        return self.level is not None and actions_required(self.scale, self.level)

    # -- edits ------------------------------------------------------------------------------

    def choose(self, digit: int) -> bool:
        """Pick the level of `digit` (1..n); False when read-only or no such level."""
        choices = dict(self.level_choices())
        if not self.editable or digit not in choices:
            return False
        self.level = choices[digit].code
        return True

    def accept_suggestion(self) -> bool:
        """Take the suggested level (never taken without this); False if none or read-only."""
        if self.suggestion is None or not self.editable:
            return False
        self.level = self.suggestion.level.code
        return True

    def typed(self, analysis: str, actions: str) -> None:
        """The editors' texts now."""
        if self.editable:
            self.analysis, self.actions = analysis, actions

    # -- saving -----------------------------------------------------------------------------

    @property
    def draft(self) -> Assessment:
        """What would be saved now: the level chosen (else "not assessed") and the texts."""
        level = self.level or self._unassessed() or ""
        return Assessment(level, self.analysis, self.actions)

    def _unassessed(self) -> str | None:
        return next((level.code for level in self.scale.levels if not level.assessed), None)

    @property
    def dirty(self) -> bool:
        """Whether the screen holds something not yet saved."""
        stored_level = self.saved.level if self.saved is not None else None
        changed_level = self.level is not None and self.level != stored_level
        return changed_level or (self.analysis, self.actions) != self.shown

    def problem(self) -> str | None:
        """Why what is on the screen cannot be saved yet (a catalog key), or None."""
        draft = self.draft
        if not draft.level:
            return "app.followup.no_level"
        refused = assessment_problem(self.scale, draft)
        if refused == "assessment.actions_required":
            return "app.followup.actions_required"
        return None if refused is None else f"error.{refused}"

    def next_save(self) -> Save | None:
        """The save to make now: something changed, it can be saved, none is under way."""
        if self.saving or not self.editable or not self.dirty or self.problem() is not None:
            return None
        return Save(self.draft, self.version)

    def saved_as(self, save: Save, version: int) -> None:
        """`save` was written; it left the assessment at `version`. The editors keep their
        texts (typed meanwhile, perhaps): only what is compared with moves on."""
        self.saving = False
        self.saved = save.assessment
        self.version = version
        self.shown = (save.assessment.analysis, save.assessment.actions)

    def refused_as_stale(self, current: Assessment, version: int) -> None:
        """Someone else saved first: what they saved is shown, nothing of this is written."""
        self.saving = False
        self.take(current, version)

    def problem_text(self, s: Strings) -> str:
        key = self.problem()
        if key is None:
            return ""
        chosen = self.chosen
        label = self.word(chosen) if chosen is not None else ""
        return s(key, label=label, level=clean(self.level or ""), label_sv=label, label_en=label)

    def status(self, s: Strings) -> str:
        """One line: read-only, saving, not saved (and why), or saved at which version."""
        if not self.editable:
            return ""
        if self.saving:
            return s("app.followup.saving")
        if self.dirty:
            return self.problem_text(s) or s("app.followup.unsaved")
        if self.saved is None:
            return s("app.followup.nothing_yet")
        return s("app.followup.saved", version=self.version)
