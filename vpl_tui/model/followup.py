"""The follow-up rounds in the plan file: periods, the scale, assessments, notes, ready marks.

A plan file written before follow-up rounds existed has none of these and loads as it did:
a plan without `[[periods]]` follows up at `default_periods(plan.year)`, one without
`[scale]` judges on `DEFAULT_SCALE` (`vpl_tui.rules`). Assessments, activity notes and
ready marks keep their whole history, append-only like the status history: the current
one is the last entry, and an undo is an entry of its own naming the one it reverts.

The rules are the core's (`vpl_tui.rules.periods`, `vpl_tui.rules.assessments`); this
module turns the file's tables into them and says, one line a problem, what is wrong.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, NamedTuple

from pydantic import Field, StringConstraints

from vpl_tui.errors import VplError
from vpl_tui.model.base import Name, Ref, Strict, Text, User, UtcDatetime
from vpl_tui.rules.assessments import (
    DEFAULT_SCALE,
    MAX_ANALYSIS,
    Assessment,
    Level,
    Scale,
    assessment_problem,
    scale_reasons,
)
from vpl_tui.rules.periods import Period, default_periods, period_reasons
from vpl_tui.safetext import clean

if TYPE_CHECKING:
    from vpl_tui.model import Plan

Analysis = Annotated[str, StringConstraints(max_length=MAX_ANALYSIS)]
Symbol = Annotated[str, StringConstraints(min_length=1, max_length=1)]
Target = Annotated[str, StringConstraints(min_length=1, max_length=64)]


class PeriodEntry(Strict):
    """A follow-up point of the plan (`[[periods]]`): tertial, delårsrapport, årsredovisning."""

    id: Ref = Field(description="Short and stable, used on the command line: `t1`, `delar`, `ar`.")
    name: Name = Field(description='As the board says it, e.g. "Tertial 1".')
    end: date = Field(description="The last day the period covers.")
    deadline: date | None = Field(default=None, description="When the follow-up is due.")
    verdict: bool = Field(
        default=False,
        description="True for the year's verdict (årsredovisning); false for a forecast.",
    )

    def period(self) -> Period:
        return Period(self.id, self.name, self.end, self.deadline, self.verdict)


class LevelEntry(Strict):
    """One step of the assessment scale, best first."""

    code: Ref = Field(description="Stable code: `met`, `partly_met`, `not_met`, `not_assessed`.")
    label_sv: Name = Field(description='The verdict in Swedish: "Uppfyllt".')
    label_en: Name = Field(description='The verdict in English: "Met".')
    forecast_sv: Name = Field(description='The forecast during the year: "Bedöms uppfyllas".')
    forecast_en: Name = Field(description='The forecast in English: "Expected to be met".')
    colour: Annotated[str, StringConstraints(min_length=1, max_length=32)] = Field(
        description="A colour name or #rrggbb."
    )
    symbol: Symbol = Field(description="One character that tells the level apart without colour.")
    assessed: bool = Field(default=True, description='False for "ej bedömd": no judgement made.')

    def level(self) -> Level:
        return Level(
            self.code,
            self.label_sv,
            self.label_en,
            self.forecast_sv,
            self.forecast_en,
            self.colour,
            self.symbol,
            self.assessed,
        )


class ScaleEntry(Strict):
    """The board's assessment scale (`[scale]`); without it, the common four-level scale."""

    levels: list[LevelEntry] = Field(description="The levels, best first.")
    actions_required: list[Ref] = Field(
        default_factory=list,
        description="Codes of the levels whose assessment must say what will be done (åtgärder).",
    )

    def scale(self) -> Scale:
        return Scale(tuple(e.level() for e in self.levels), frozenset(self.actions_required))


class AssessmentChange(Strict):
    """One entry of an assessment's history; the last is the assessment as it stands."""

    at: UtcDatetime = Field(description="When it was made, UTC.")
    level: Annotated[str, StringConstraints(max_length=64)] = Field(
        description='A level code of the scale; "" only on an undo of the first entry (none).'
    )
    analysis: Analysis = Field(default="", description="Why: the controller's analysis.")
    actions: Analysis = Field(default="", description="What will be done (åtgärder).")
    user: User = ""
    undoes: int | None = Field(
        default=None,
        ge=0,
        description="Set on an undo: the index, in this history, of the entry it reverts.",
    )


class AssessmentEntry(Strict):
    """A goal's or initiative's assessment for one period, with its whole history."""

    target: Target = Field(description="A goal number, or an initiative id (goals first).")
    period: Ref = Field(description="The id of the period.")
    history: list[AssessmentChange] = Field(min_length=1)


class NoteChange(Strict):
    """One version of an activity's note for a period."""

    at: UtcDatetime = Field(description="When it was written, UTC.")
    text: Text = Field(default="", description="What has been done, in the controller's words.")
    user: User = ""


class NoteEntry(Strict):
    """What has been done (vad har gjorts) in an activity during a period, with its history."""

    ref: Ref = Field(description="The activity.")
    period: Ref = Field(description="The id of the period.")
    history: list[NoteChange] = Field(min_length=1)


class ReadyChange(Strict):
    """A follow-up marked ready (read-only from then) or reopened."""

    at: UtcDatetime = Field(description="When it was marked or reopened, UTC.")
    ready: bool = Field(description="True: marked ready; false: reopened.")
    user: User = ""


class ReadyEntry(Strict):
    """The ready marks of a goal's or initiative's follow-up for one period."""

    target: Target = Field(description="A goal number, or an initiative id (goals first).")
    period: Ref = Field(description="The id of the period.")
    history: list[ReadyChange] = Field(min_length=1)


class FollowUp(NamedTuple):
    """A plan's follow-up parts, as `vpl load` writes them to the database."""

    periods: list[PeriodEntry]
    scale: ScaleEntry | None
    assessments: list[AssessmentEntry]
    notes: list[NoteEntry]
    ready: list[ReadyEntry]


def followup_of(plan: Plan) -> FollowUp:
    """The follow-up parts of a validated plan."""
    return FollowUp(plan.periods, plan.scale, plan.assessments, plan.notes, plan.ready)


def plan_periods(entries: Sequence[PeriodEntry], year: int) -> tuple[Period, ...]:
    """The plan's periods: as its file lists them, else the year's three."""
    return tuple(e.period() for e in entries) if entries else default_periods(year)


def plan_scale(entry: ScaleEntry | None) -> Scale:
    """The plan's scale: as its file gives it, else the common one."""
    return DEFAULT_SCALE if entry is None else entry.scale()


def followup_problems(
    year: int,
    periods: Sequence[PeriodEntry],
    scale: ScaleEntry | None,
    assessments: Sequence[AssessmentEntry],
    notes: Sequence[NoteEntry],
    ready: Sequence[ReadyEntry],
) -> list[tuple[str, VplError]]:
    """What is wrong with the plan's follow-up, apart from its references to goals.

    Each problem is (path from the plan's root, reason), as `Plan` reports its own.
    """
    problems: list[tuple[str, VplError]] = []
    problems += [_said(reason) for reason in period_reasons([e.period() for e in periods])]
    if scale is not None:
        levels = [e.level() for e in scale.levels]
        problems += [_said(reason) for reason in scale_reasons(levels, scale.actions_required)]
    known = {p.id for p in plan_periods(periods, year)}
    the_scale = plan_scale(scale)
    for name, entries in (("assessments", assessments), ("notes", notes), ("ready", ready)):
        seen: set[tuple[str, str]] = set()
        for index, entry in enumerate(entries):
            where = f"{name}[{index}]"
            if entry.period not in known:
                problems.append(
                    (f"{where}.period", VplError("plan.followup.no_period", period=entry.period))
                )
            key = (getattr(entry, "target", None) or getattr(entry, "ref", ""), entry.period)
            if key in seen:
                what, period = clean(key[0])[:64], key[1]
                problems.append(
                    (where, VplError("plan.followup.listed_twice", what=what, period=period))
                )
            seen.add(key)
            problems += _times_in_order(where, [change.at for change in entry.history])
    for index, entry in enumerate(assessments):
        problems += _assessment_history(f"assessments[{index}]", the_scale, entry.history)
    for index, entry in enumerate(ready):
        for c_index, change in enumerate(entry.history):
            if change.ready == (c_index % 2 == 1):
                wanted = "should_be_ready" if c_index % 2 == 0 else "should_be_reopened"
                problems.append(
                    (
                        f"ready[{index}].history[{c_index}].ready",
                        VplError(f"plan.followup.{wanted}"),
                    )
                )
    return problems


def target_problems(
    assessments: Sequence[AssessmentEntry],
    notes: Sequence[NoteEntry],
    ready: Sequence[ReadyEntry],
    targets: set[str],
    refs: set[str],
) -> list[tuple[str, VplError]]:
    """Assessments and ready marks of no goal or initiative, notes of no activity."""
    problems = []
    for name, entries in (("assessments", assessments), ("ready", ready)):
        for index, entry in enumerate(entries):
            if entry.target not in targets:
                problems.append(
                    (
                        f"{name}[{index}].target",
                        VplError("plan.followup.no_target", target=clean(entry.target)[:64]),
                    )
                )
    for index, note in enumerate(notes):
        if note.ref not in refs:
            problems.append(
                (f"notes[{index}].ref", VplError("plan.followup.no_activity", ref=note.ref))
            )
    return problems


def restored(history: Sequence[AssessmentChange], undone: int) -> AssessmentChange | None:
    """The entry an undo of `history[undone]` brings back: the one before it, or None."""
    return history[undone - 1] if undone > 0 else None


def _assessment_history(
    where: str, scale: Scale, history: Sequence[AssessmentChange]
) -> list[tuple[str, VplError]]:
    problems = []
    undone: set[int] = set()
    for index, change in enumerate(history):
        at = f"{where}.history[{index}]"
        if change.undoes is None:
            reason = assessment_problem(
                scale, Assessment(change.level, change.analysis, change.actions)
            )
            if reason is not None:
                level = clean(change.level)[:64]
                values = {"level": repr(level), "limit": MAX_ANALYSIS}
                if reason == "assessment.actions_required":
                    values["level"] = level
                problems.append(
                    (
                        f"{at}.level",
                        VplError("plan.followup." + reason.removeprefix("assessment."), **values),
                    )
                )
            continue
        target = change.undoes
        if target >= index:
            problems.append((f"{at}.undoes", VplError("plan.history.not_earlier", target=target)))
            continue
        if history[target].undoes is not None or target in undone:
            problems.append((f"{at}.undoes", VplError("plan.history.undone_twice", target=target)))
        undone.add(target)
        before = restored(history, target)
        wanted = ("", "", "") if before is None else (before.level, before.analysis, before.actions)
        if (change.level, change.analysis, change.actions) != wanted:
            problems.append(
                (f"{at}", VplError("plan.followup.undo_restores_before", target=target))
            )
    return problems


def _times_in_order(where: str, times: Sequence[datetime]) -> list[tuple[str, VplError]]:
    for index in range(1, len(times)):
        if times[index] < times[index - 1]:
            return [(f"{where}.history[{index}].at", VplError("plan.followup.before_entry"))]
    return []


def _said(reason: tuple[str, str, dict[str, object]]) -> tuple[str, VplError]:
    """A rule's (field, catalog key, values) as the plan's (path, reason)."""
    field, key, values = reason
    return field or "periods", VplError(key, **values)
