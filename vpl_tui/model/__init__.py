"""The plan as data: pydantic models of an operational plan (verksamhetsplan).

The models are the plan file format: `vpl schema` prints their JSON Schema and
`vpl_tui.planfile` reads and writes them as TOML. They hold no behaviour beyond
validation, so every check a plan file must pass lives with the models, in one place:
the field types and the strict base in `vpl_tui.model.base`, the budget in
`vpl_tui.model.budget`, and the plan's goals, initiatives and activities here. Every
model and type is importable from here.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, ValidationInfo, model_validator

from vpl_tui.errors import VplError
from vpl_tui.model.base import (  # noqa: F401
    _REF_PATTERN,  # the ref rule, in `carried_from` too
    ActivityKind,
    Amount,
    BudgetTable,
    ColumnKind,
    GoalKind,
    Mkr,
    Name,
    Reason,
    Ref,
    Strict,
    Text,
    User,
    UtcDatetime,
    YearColumns,
    YearFigures,
    YearTexts,
    problem,
    problems_error,
)
from vpl_tui.model.budget import (  # noqa: F401
    OPERATING_LINES,
    RESERVED_LINE_NAMES,
    Allocation,
    Budget,
    EarmarkedPot,
    FigureChange,
    InvestmentLine,
    Investments,
    OperatingBudget,
    UnitBreakdown,
    UnitCosts,
    budget_problems,
    figure_values,
)
from vpl_tui.model.followup import (  # noqa: F401
    AssessmentChange,
    AssessmentEntry,
    LevelEntry,
    NoteChange,
    NoteEntry,
    PeriodEntry,
    ReadyChange,
    ReadyEntry,
    ScaleEntry,
    followup_problems,
    plan_periods,
    target_problems,
)
from vpl_tui.model.metrics import (  # noqa: F401
    Metric,
    OutcomeChange,
    OutcomeEntry,
    metric_ids,
    outcome_metric_problems,
    outcome_problems,
)
from vpl_tui.model.plan_changes import (  # noqa: F401
    PlanChangeEntry,
    PlanChanges,
    Responsible,
    plan_change_problems,
)
from vpl_tui.rules.activity_fields import before_start
from vpl_tui.rules.limits import FIRST_YEAR, LAST_YEAR, MAX_TEXT, MAX_USER  # noqa: F401

# The status codes and text limits live in modules without pydantic (the summary and
# the store need them, not the models), and are re-exported here with the models'
# parts: one definition for the models and their users.
from vpl_tui.rules.refs import ref_key
from vpl_tui.rules.statuses import CLOSED_STATUSES, INITIAL_STATUS, STATUSES, Status  # noqa: F401
from vpl_tui.safetext import clean

CarriedFrom = Annotated[str, StringConstraints(pattern=rf"^$|^[0-9]{{4}}:{_REF_PATTERN[1:]}")]
"""The year and ref (the plan's ref rule) of the activity it was carried from, or empty."""


class HistoryEntry(Strict):
    """One status change of an activity. History is append-only."""

    at: UtcDatetime = Field(description="When the change was made, UTC.")
    from_status: Status = Field(alias="from")
    to: Status
    note: Text = ""
    user: User = ""
    undoes: int | None = Field(
        default=None,
        ge=0,
        description="Set on an undo: the index, in this activity's history, of the change it reverts.",
    )


class Activity(Strict):
    """A piece of work with a start and an end date (aktivitet or utredningsuppdrag)."""

    ref: Ref = Field(description="Stable reference, unique in the plan, e.g. `1.1.1-1`.")
    title: Name
    kind: ActivityKind = "activity"
    start: date
    end: date
    responsible: Responsible = Field(default="", description="Who is responsible (ansvarig).")
    carried_from: CarriedFrom = Field(
        default="", description="Carried from last year's plan: `2023:1.1.1-2` (year:ref)."
    )
    status: Status = INITIAL_STATUS
    history: list[HistoryEntry] = Field(default_factory=list)

    @model_validator(mode="after")
    def _dates_and_history(self) -> Activity:
        order = before_start(self.start, self.end)  # the rule's one place, without pydantic
        if order is not None:
            raise problem("end", order)
        previous: Status = INITIAL_STATUS
        previous_at: datetime | None = None
        undone: set[int] = set()
        for index, entry in enumerate(self.history):
            where = f"history[{index}]"
            if entry.from_status != previous:
                raise problem(
                    f"{where}.from",
                    VplError(
                        "plan.history.not_following", status=entry.from_status, previous=previous
                    ),
                )
            if previous_at is not None and entry.at < previous_at:
                raise problem(
                    f"{where}.at", VplError("plan.history.before_entry", at=entry.at.isoformat())
                )
            if entry.undoes is not None:
                target = entry.undoes
                if target >= index:
                    raise problem(
                        f"{where}.undoes", VplError("plan.history.not_earlier", target=target)
                    )
                if self.history[target].undoes is not None or target in undone:
                    raise problem(
                        f"{where}.undoes", VplError("plan.history.undone_twice", target=target)
                    )
                if entry.to != self.history[target].from_status:
                    restored = self.history[target].from_status
                    raise problem(
                        f"{where}.to",
                        VplError("plan.history.undo_restores", target=target, restored=restored),
                    )
                undone.add(target)
            previous, previous_at = entry.to, entry.at
        if self.status != previous:
            if self.history:
                raise problem(
                    "status",
                    VplError("plan.history.status_not_last", status=self.status, previous=previous),
                )
            raise problem(
                "status",
                VplError(
                    "plan.history.status_needs_history", status=self.status, initial=INITIAL_STATUS
                ),
            )
        return self


class Initiative(Strict):
    """A strategic initiative (strategiskt initiativ) under a council goal."""

    id: Ref = Field(description="Stable identifier, used by activity refs and pot allocations.")
    title: Name
    purpose: Text = ""
    responsible: Responsible = Field(default="", description="Who is responsible (ansvarig).")
    resources: Text = Field(default="", description="The resources text as published.")
    earmarked_mkr: Mkr | None = None
    council_goal: Text = Field(
        default="", description="The council's overall goal it contributes to (Innovation, Klimat)."
    )
    comment: Text = ""
    metrics_note: Text = Field(default="", description='Said instead of metrics: "Tas fram".')
    metrics: list[Metric] = Field(default_factory=list)
    activities: list[Activity] = Field(default_factory=list)


class Goal(Strict):
    """A goal of the plan: a KF-mål or a nämndsmål."""

    number: Annotated[str, StringConstraints(pattern=r"^[0-9]+(\.[0-9]+)*$", max_length=32)]
    kind: GoalKind
    title: Name
    description: Text = ""
    responsible: Responsible = Field(default="", description="Who is responsible (ansvarig).")
    resources: Text = Field(default="", description="The resources text as published.")
    earmarked_mkr: Mkr | None = None
    council_goal: Text = ""
    metrics: list[Metric] = Field(default_factory=list)
    initiatives: list[Initiative] = Field(default_factory=list)
    activities: list[Activity] = Field(default_factory=list)


class Mandate(Strict):
    """Section 1.1 Uppdrag: the office's role and direction."""

    steering_processes: Text = Field(default="", description="Roll i styrprocesserna.")
    main_processes: Text = Field(default="", description="Roll i huvudprocesserna.")
    support_processes: Text = Field(default="", description="Roll i stödprocesserna.")
    directions: Text = Field(default="", description="Inriktningar och mål.")
    organisation: Text = ""
    reorganisation: Text = Field(default="", description="Omorganisation.")


class Focus(Strict):
    """A focus list that groups goals, such as the competence-supply focus (kompetensförsörjning)."""

    title: Name
    intro: Text = ""
    items: list[Name] = Field(default_factory=list)
    goals: list[str] = Field(default_factory=list, description="Numbers of the goals it groups.")


class PlanInfo(Strict):
    """What the plan is: whose, which year, which period."""

    title: Name
    organisation: Name
    municipality: Annotated[str, StringConstraints(max_length=200)] = ""
    year: int = Field(ge=FIRST_YEAR, le=LAST_YEAR)
    period: Annotated[str, StringConstraints(pattern=r"^[0-9]{4}-[0-9]{4}$")]
    currency_unit: Literal["tkr"] = "tkr"
    municipality_code: Annotated[str, StringConstraints(pattern=r"^[0-9]{4}$")] | None = Field(
        default=None, description="The municipality's code (kommunkod), e.g. 2580 for Luleå."
    )


GOALS_READ_ELSEWHERE = "goals_read_elsewhere"
"""Validation context key: validate a `Plan` without goals, whose goals were read apart."""


class Plan(Strict):
    """A whole operational plan: the root of a plan file."""

    plan: PlanInfo
    mandate: Mandate = Field(default_factory=Mandate)
    focus: list[Focus] = Field(default_factory=list)
    goals: list[Goal]
    budget: Budget | None = None
    periods: list[PeriodEntry] = Field(
        default_factory=list, description="Follow-up periods; none: tertial 1, delår, år."
    )
    scale: ScaleEntry | None = Field(default=None, description="The assessment scale.")
    assessments: list[AssessmentEntry] = Field(default_factory=list)
    notes: list[NoteEntry] = Field(
        default_factory=list, description="What has been done (vad har gjorts), per period."
    )
    ready: list[ReadyEntry] = Field(default_factory=list, description="Follow-ups marked ready.")
    outcomes: list[OutcomeEntry] = Field(
        default_factory=list, description="Metric outcomes per period or year, with history."
    )
    changes: list[PlanChanges] = Field(
        default_factory=list,
        description="The history of changes to the plan's activities and texts.",
    )

    @model_validator(mode="after")
    def _references(self, info: ValidationInfo) -> Plan:
        followup = followup_problems(
            self.plan.year, self.periods, self.scale, self.assessments, self.notes, self.ready
        )
        periods = {p.id for p in plan_periods(self.periods, self.plan.year)}
        followup += outcome_problems(self.outcomes, periods)
        followup += plan_change_problems(self.changes)
        if followup:
            raise problems_error(followup)
        if info.context is not None and info.context.get(GOALS_READ_ELSEWHERE):
            # Validating the plan's small parts only; `db/bulk.py` checks the same
            # references on the rows of the goals its processes read (`references_hold`).
            return self
        problems: list[tuple[str, Reason]] = []
        seen_numbers: dict[str, int] = {}
        seen_refs: dict[str, str] = {}
        seen_initiatives: dict[str, str] = {}
        initiative_places: list[tuple[str, str]] = []
        for g_index, goal in enumerate(self.goals):
            where = f"goals[{g_index}]"
            if goal.number in seen_numbers:
                problems.append((f"{where}.number", VplError("plan.duplicate", value=goal.number)))
            seen_numbers[goal.number] = g_index
            for a_index, activity in enumerate(goal.activities):
                _note_ref(activity.ref, f"{where}.activities[{a_index}]", seen_refs, problems)
            for i_index, initiative in enumerate(goal.initiatives):
                i_where = f"{where}.initiatives[{i_index}]"
                # Ids and refs are matched without regard to case, as `vpl set` finds them.
                _note_ref(initiative.id, i_where, seen_initiatives, problems, field="id")
                initiative_places.append((initiative.id, i_where))
                for a_index, activity in enumerate(initiative.activities):
                    _note_ref(activity.ref, f"{i_where}.activities[{a_index}]", seen_refs, problems)
        for ident, i_where in initiative_places:
            if ident in seen_numbers:  # a pot allocation's `funds` could mean either
                problems.append((f"{i_where}.id", VplError("plan.ambiguous_id", value=ident)))
        for f_index, focus in enumerate(self.focus):
            for n_index, number in enumerate(focus.goals):
                if number not in seen_numbers:
                    where = f"focus[{f_index}].goals[{n_index}]"
                    problems.append((where, VplError("plan.no_goal", number=clean(number)[:60])))
        initiative_ids = {ident for ident, _ in initiative_places}
        if self.budget is not None:
            problems.extend(self.budget_problems(set(seen_numbers), initiative_ids))
        refs = {
            activity.ref
            for goal in self.goals
            for activity in [*goal.activities, *(a for i in goal.initiatives for a in i.activities)]
        }
        targets = set(seen_numbers) | initiative_ids
        problems += target_problems(self.assessments, self.notes, self.ready, targets, refs)
        ids, id_problems = metric_ids(self.goals)
        problems += id_problems + outcome_metric_problems(self.outcomes, set(ids))
        if problems:
            raise problems_error(problems)
        return self

    def budget_problems(
        self, goal_numbers: set[str], initiative_ids: set[str]
    ) -> list[tuple[str, Reason]]:
        """Check the budget's cross-references: allocation targets, names and change chains."""
        assert self.budget is not None
        return budget_problems(self.budget, goal_numbers, initiative_ids)


def _note_ref(
    ref: str,
    where: str,
    seen: dict[str, str],
    problems: list[tuple[str, Reason]],
    field: str = "ref",
) -> None:
    """Note a ref (or an initiative id) at `where`; one seen before, in any case, is a duplicate.

    `seen` is keyed by the folded ref (`vpl_tui.rules.refs.ref_key`).
    """
    key = ref_key(ref)
    if key in seen:
        problems.append(
            (f"{where}.{field}", VplError("plan.duplicate_of", value=ref, place=seen[key]))
        )
    else:
        seen[key] = where
