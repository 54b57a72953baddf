"""Metrics (mätetal) and their outcomes (utfall) in the plan file.

A metric has a stable id: the file's `id`, or without one its owner and place
(`vpl_tui.rules.outcomes.generated_metric_id`: `1.1.3-m1`, `smart-m1`), so files written
before ids existed load as they did. Outcomes are the top-level `[[outcomes]]` table, one
entry per metric, period or year, and gender, each with its whole history: append-only
like the status history, the current value is the last entry, and an undo is an entry of
its own naming the one it reverts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field, StringConstraints

from vpl_tui.errors import VplError
from vpl_tui.model.base import Name, Ref, Strict, Text, User, UtcDatetime, YearTexts
from vpl_tui.rules.limits import FIRST_YEAR, LAST_YEAR
from vpl_tui.rules.outcomes import MAX_SOURCE, MAX_UNIT, MAX_VALUE, generated_metric_id
from vpl_tui.rules.refs import ref_key

if TYPE_CHECKING:
    from vpl_tui.model import Goal
    from vpl_tui.model.base import Reason

Gender = Literal["T", "K", "M"]
OutcomeValue = Annotated[str, StringConstraints(max_length=MAX_VALUE)]
Unit = Annotated[str, StringConstraints(max_length=MAX_UNIT)]
Source = Annotated[str, StringConstraints(max_length=MAX_SOURCE)]


class Metric(Strict):
    """A measured quantity (mätetal) with its latest outcome and targets per year."""

    id: Ref | None = Field(
        default=None,
        description="Stable id (`1.1.3-m1`); without it, the goal's number or initiative's id "
        "and the metric's place: `<owner>-m<n>`.",
    )
    name: Name
    unit: Unit = Field(default="", description='The unit of a bare number: "personer", "%".')
    kolada_kpi: Ref | None = Field(
        default=None, description="Kolada's KPI id (`N00945`): `vpl outcome import` matches by it."
    )
    higher_is_better: bool = Field(
        default=True,
        description='For a target of a bare number ("50"): reached at or above it (true) or '
        "at or below it (false). Comparison words decide for themselves.",
    )
    latest: Text = Field(default="", description='Latest outcome as published, e.g. "44 418".')
    latest_year: int | None = Field(
        default=None,
        ge=FIRST_YEAR,
        le=LAST_YEAR,
        description="The year of the published outcome; with it, the outcome of that year.",
    )
    targets: YearTexts = Field(
        default_factory=dict, description='Target per year as published: "Öka", "Högst 50".'
    )


class OutcomeChange(Strict):
    """One entry of an outcome's history; the last is the outcome as it stands."""

    at: UtcDatetime = Field(description="When it was recorded, UTC.")
    value: OutcomeValue = Field(
        description='A number with its unit ("44 418", "49,4 %") or words; "" only on an undo '
        "of the first entry (no outcome)."
    )
    source: Source = Field(default="", description='Where it comes from: "Kolada", "SCB".')
    comment: Text = ""
    user: User = ""
    undoes: int | None = Field(
        default=None,
        ge=0,
        description="Set on an undo: the index, in this history, of the entry it reverts.",
    )


class OutcomeEntry(Strict):
    """A metric's outcome for one period or year (and gender), with its whole history."""

    metric: Ref = Field(description="The metric's id.")
    period: Ref | None = Field(default=None, description="A period's id; or give `year`.")
    year: int | None = Field(default=None, ge=FIRST_YEAR, le=LAST_YEAR)
    gender: Gender = Field(default="T", description="T (total), K (kvinnor) or M (män).")
    history: list[OutcomeChange] = Field(min_length=1)


def metric_ids(goals: Sequence[Goal]) -> tuple[list[str], list[tuple[str, Reason]]]:
    """Every metric's id in plan order, and the ids used twice (in any case)."""
    ids: list[str] = []
    problems: list[tuple[str, Reason]] = []
    seen: dict[str, str] = {}

    def note(owner: str, metrics: Sequence[Metric], where: str) -> None:
        for index, metric in enumerate(metrics):
            ident = metric.id or generated_metric_id(owner, index)
            key = ref_key(ident)
            place = f"{where}.metrics[{index}]"
            if key in seen:
                problems.append(
                    (f"{place}.id", VplError("plan.duplicate_of", value=ident, place=seen[key]))
                )
            else:
                seen[key] = place
            ids.append(ident)

    for g_index, goal in enumerate(goals):
        note(goal.number, goal.metrics, f"goals[{g_index}]")
        for i_index, initiative in enumerate(goal.initiatives):
            note(initiative.id, initiative.metrics, f"goals[{g_index}].initiatives[{i_index}]")
    return ids, problems


def outcome_metric_problems(
    outcomes: Sequence[OutcomeEntry], metrics: set[str]
) -> list[tuple[str, str]]:
    """Outcomes of no metric of the plan."""
    return [
        (f"outcomes[{index}].metric", f"no metric {entry.metric}")
        for index, entry in enumerate(outcomes)
        if entry.metric not in metrics
    ]


def outcome_problems(outcomes: Sequence[OutcomeEntry], periods: set[str]) -> list[tuple[str, str]]:
    """What is wrong with the plan's outcomes but their metrics: (path from the root, reason)."""
    problems: list[tuple[str, str]] = []
    seen: set[tuple[str, str | None, int | None, str]] = set()
    for index, entry in enumerate(outcomes):
        where = f"outcomes[{index}]"
        if (entry.period is None) == (entry.year is None):
            problems.append((where, "give a period or a year, not both"))
        if entry.period is not None and entry.period not in periods:
            problems.append((f"{where}.period", f"no period {entry.period}"))
        key = (entry.metric, entry.period, entry.year, entry.gender)
        if key in seen:
            problems.append((where, f"{entry.metric} is listed twice for that period"))
        seen.add(key)
        problems += _history_problems(where, entry.history)
    return problems


def _history_problems(where: str, history: Sequence[OutcomeChange]) -> list[tuple[str, str]]:
    problems = []
    undone: set[int] = set()
    for index, change in enumerate(history):
        at = f"{where}.history[{index}]"
        if index and change.at < history[index - 1].at:
            problems.append((f"{at}.at", "is before the entry before it"))
        if change.undoes is None:
            if not change.value.strip():
                problems.append((f"{at}.value", "an outcome needs a value"))
            continue
        target = change.undoes
        if target >= index:
            problems.append((f"{at}.undoes", f"{target} is not an earlier entry"))
            continue
        if history[target].undoes is not None or target in undone:
            problems.append((f"{at}.undoes", f"entry {target} cannot be undone twice"))
        undone.add(target)
        before = history[target - 1] if target > 0 else None
        wanted = "" if before is None else before.value
        if change.value != wanted:
            problems.append((at, f"an undo of entry {target} restores the entry before it"))
    return problems
