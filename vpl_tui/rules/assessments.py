"""The assessment of a goal or initiative for a period: the scale, and what a follow-up needs.

Each board judges its goals on a scale; the common one, and the default, has four levels:
uppfyllt (met, green), delvis uppfyllt (partly met, yellow), ej uppfyllt (not met, red) and
ej bedömd (not assessed). During the year the words are a forecast ("bedöms uppfyllas"); in
the annual report, the verdict. Every level has a symbol too, so it reads without colour.

The rules, each in one place:
- `Scale.parse` — a level from its code or any of its words, in either language, any case;
- `actions_required` — a level that needs actions (åtgärder): by default the worst;
- `followup_gaps` — what a goal's follow-up still lacks before it can be marked ready;
- `editable` — a follow-up marked ready is read-only until it is reopened.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

MAX_ANALYSIS = 20_000
"""The longest analysis or actions text: some pages of a board report."""


@dataclass(frozen=True, slots=True)
class Level:
    """One step of an assessment scale."""

    code: str
    label_sv: str
    label_en: str
    forecast_sv: str
    forecast_en: str
    colour: str
    """A colour name or #rrggbb, for the app, HTML and the reports."""
    symbol: str
    """One character that tells the level apart without colour."""
    assessed: bool = True
    """False for "ej bedömd": no judgement has been made."""

    def label(self, lang: str, *, forecast: bool = False) -> str:
        """The word for this level: the verdict's, or the forecast's during the year."""
        if forecast:
            return self.forecast_sv if lang == "sv" else self.forecast_en
        return self.label_sv if lang == "sv" else self.label_en


@dataclass(frozen=True, slots=True)
class Scale:
    """The levels, best first, and which of them need actions."""

    levels: tuple[Level, ...]
    actions_required_for: frozenset[str] = field(default_factory=frozenset)

    def level(self, code: str) -> Level | None:
        return next((level for level in self.levels if level.code == code), None)

    def parse(self, text: str) -> Level | None:
        """A level from its code, label or forecast wording in Swedish or English, any case."""
        wanted = " ".join(text.replace("_", " ").split()).casefold()
        for level in self.levels:
            words = {
                level.code.replace("_", " "),
                level.label_sv,
                level.label_en,
                level.forecast_sv,
                level.forecast_en,
            }
            if wanted in {" ".join(w.split()).casefold() for w in words}:
                return level
        return None

    @property
    def worst(self) -> Level:
        """The last assessed level: the one that needs actions unless the plan says otherwise."""
        return [level for level in self.levels if level.assessed][-1]


DEFAULT_SCALE = Scale(
    levels=(
        Level(
            "met",
            "Uppfyllt",
            "Met",
            "Bedöms uppfyllas",
            "Expected to be met",
            "green",
            "●",
        ),
        Level(
            "partly_met",
            "Delvis uppfyllt",
            "Partly met",
            "Bedöms delvis uppfyllas",
            "Expected to be partly met",
            "yellow",
            "◐",
        ),
        Level(
            "not_met",
            "Ej uppfyllt",
            "Not met",
            "Bedöms inte uppfyllas",
            "Not expected to be met",
            "red",
            "○",
        ),
        Level(
            "not_assessed",
            "Ej bedömd",
            "Not assessed",
            "Ej bedömd",
            "Not assessed",
            "grey",
            "–",
            assessed=False,
        ),
    ),
    actions_required_for=frozenset({"not_met"}),
)
"""The scale most Swedish municipalities use; a plan file may give its own."""


def actions_required(scale: Scale, code: str) -> bool:
    """Whether an assessment at level `code` must say what will be done (åtgärder)."""
    return code in scale.actions_required_for


@dataclass(frozen=True, slots=True)
class Assessment:
    """A goal's or initiative's assessment for one period, as it stands now."""

    level: str
    analysis: str = ""
    actions: str = ""


Gap = Literal["no_assessment", "no_analysis", "no_actions", "not_ready"]
GAPS: tuple[Gap, ...] = ("no_assessment", "no_analysis", "no_actions", "not_ready")


def assessment_problem(scale: Scale, assessment: Assessment) -> str | None:
    """Why `assessment` cannot be saved (a catalog key), or None."""
    level = scale.level(assessment.level)
    if level is None:
        return "assessment.unknown_level"
    if len(assessment.analysis) > MAX_ANALYSIS or len(assessment.actions) > MAX_ANALYSIS:
        return "assessment.too_long"
    if actions_required(scale, level.code) and not assessment.actions.strip():
        return "assessment.actions_required"
    return None


def followup_gaps(scale: Scale, assessment: Assessment | None, ready: bool) -> list[Gap]:
    """What a follow-up lacks, in the order a controller fixes it (empty: nothing)."""
    if assessment is None:
        return list(gap_finder(scale)(None, "", "", ready))
    return list(gap_finder(scale)(assessment.level, assessment.analysis, assessment.actions, ready))


GapFinder = Callable[[str | None, str, str, bool], tuple[Gap, ...]]
"""`followup_gaps` of one scale, of a level code (None: no assessment), analysis, actions
and whether the follow-up is marked ready."""


def gap_finder(scale: Scale) -> GapFinder:
    """`followup_gaps` for many follow-ups of one scale (a round's thousands of targets):
    each level looked up once, and the gaps as a tuple (a key for wording them once)."""
    levels = {
        level.code: (level.assessed, actions_required(scale, level.code)) for level in scale.levels
    }

    def gaps(level: str | None, analysis: str, actions: str, ready: bool) -> tuple[Gap, ...]:
        found: list[Gap] = []
        assessed, needs_actions = levels.get(level, (False, False)) if level else (False, False)
        if not assessed:
            found.append("no_assessment")
        else:
            if not analysis.strip():
                found.append("no_analysis")
            if needs_actions and not actions.strip():
                found.append("no_actions")
        if not ready:
            found.append("not_ready")
        return tuple(found)

    return gaps


def editable(ready: bool) -> bool:
    """A follow-up marked ready is read-only until it is reopened (both are recorded)."""
    return not ready


def scale_reasons(
    levels: Sequence[Level], actions_required_for: Sequence[str]
) -> list[tuple[str, str, dict[str, object]]]:
    """What is wrong with a plan file's scale: (field, catalog key, values) each."""
    problems: list[tuple[str, str, dict[str, object]]] = []
    codes = [level.code for level in levels]
    if not levels:
        problems.append(("scale", "plan.scale.no_level", {}))
    if len(set(codes)) != len(codes):
        problems.append(("scale", "plan.scale.codes_twice", {}))
    if not any(level.assessed for level in levels):
        problems.append(("scale", "plan.scale.no_assessment", {}))
    for code in actions_required_for:
        if code not in codes:
            problems.append(
                ("scale.actions_required", "plan.scale.unknown_level", {"code": repr(code)})
            )
    for index, level in enumerate(levels):
        if len(level.symbol) != 1:
            problems.append((f"scale.levels[{index}].symbol", "plan.scale.one_character", {}))
    return problems


def scale_problems(levels: Sequence[Level], actions_required_for: Sequence[str]) -> list[str]:
    """`scale_reasons` as lines in English (`field: reason`)."""
    from vpl_tui.rules.periods import english_line

    return [english_line(reason) for reason in scale_reasons(levels, actions_required_for)]
