"""The plan as data: pydantic models of an operational plan (verksamhetsplan).

The models are the plan file format: `vpl schema` prints their JSON Schema and
`vpl_tui.planfile` reads and writes them as TOML. They hold no behaviour beyond
validation, so every check a plan file must pass lives here, in one place.

Amounts in the budget tables are whole tkr (thousand kronor), as published.
Earmarked resources are in mkr (million kronor), as published, kept as Decimal so
that "4,5 mkr" stays exactly 4.5.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    model_validator,
)
from pydantic_core import PydanticCustomError

# The status codes live in a module without pydantic (the summary needs them, not the
# models), and are re-exported here: one definition for the models and their users.
from vpl_tui.figures import MKR_DECIMALS, MKR_DIGITS
from vpl_tui.limits import MAX_TEXT, MAX_USER
from vpl_tui.statuses import CLOSED_STATUSES, INITIAL_STATUS, STATUSES, Status  # noqa: F401

ActivityKind = Literal["activity", "investigation"]
"""`investigation` is an utredningsuppdrag: investigate and report back to the politicians."""

GoalKind = Literal["council", "board"]
"""`council` is a KF-mål (set by the municipal council), `board` a nämndsmål."""

ColumnKind = Literal["actual", "forecast", "budget"]
"""What a budget column holds: bokslut (actual), prognos (forecast) or budget."""

BudgetTable = Literal["operating", "units", "investments", "pot"]
"""The budget tables whose figures can be edited; see `FigureChange`."""

_REF_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
_YEAR_PATTERN = re.compile(r"^[0-9]{4}$")

Ref = Annotated[str, StringConstraints(pattern=_REF_PATTERN)]

Text = Annotated[str, StringConstraints(max_length=MAX_TEXT)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=10_000)]


def problem(field: str, reason: str) -> PydanticCustomError:
    """An error at `field` (a path relative to the model being validated), for one line of output."""
    return PydanticCustomError(
        "vpl_problem", "{field}: {reason}", {"field": field, "reason": reason}
    )


def problems_error(problems: list[tuple[str, str]]) -> PydanticCustomError:
    """Several errors at once, each (path from the plan's root, reason)."""
    summary = "; ".join(f"{field}: {reason}" for field, reason in problems)
    return PydanticCustomError(
        "vpl_problems", "{summary}", {"summary": summary, "problems": problems}
    )


def _check_year_keys(value: dict[str, object]) -> dict[str, object]:
    for key in value:
        if not _YEAR_PATTERN.match(key):
            raise ValueError(f"key {key!r} is not a year (four digits)")
    return dict(sorted(value.items()))


def _utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        raise ValueError("needs a time zone, for example 2023-03-01T09:30:00Z")
    # The same years as every other year field: a time outside them is a typo, and the
    # store keeps times as fixed-width text that a year before 1000 would not fit.
    # (astimezone itself overflows at the edges of the calendar: 0001-01-01T00:00+01:00.)
    if not 1900 <= value.year <= 2200:
        raise ValueError(f"year {value.year} is outside 1900-2200")
    return value.astimezone(UTC)


YearFigures = Annotated[dict[str, int], AfterValidator(_check_year_keys)]
"""Figures in tkr keyed by year ("2023" = 279191); a missing year is a blank cell."""
YearTexts = Annotated[dict[str, Name], AfterValidator(_check_year_keys)]
YearColumns = Annotated[dict[str, ColumnKind], AfterValidator(_check_year_keys)]
UtcDatetime = Annotated[datetime, AfterValidator(_utc)]


def _whole_to_decimal(value: object) -> object:
    # A plan file may write "3" for 3 mkr; TOML reads that as an integer. Plan files are
    # validated in strict mode, which would refuse an int where a Decimal is expected.
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    return value


Amount = Annotated[Decimal, BeforeValidator(_whole_to_decimal), Field(max_digits=15)]
"""A figure that may have decimals (mkr, or an edited figure)."""
Mkr = Annotated[
    Decimal,
    BeforeValidator(_whole_to_decimal),
    Field(ge=0, max_digits=MKR_DIGITS, decimal_places=MKR_DECIMALS),
]
"""An amount in mkr: what `vpl_tui.figures.figure_problem` allows for a table in mkr."""


class Strict(BaseModel):
    """Base of every model: unknown keys are errors, never silently dropped."""

    # defer_build: a model's validator is made when it is first used, not on import, so a
    # command pays only for the models it uses (the summary never builds `Plan`).
    model_config = ConfigDict(extra="forbid", populate_by_name=True, defer_build=True)


class HistoryEntry(Strict):
    """One status change of an activity. History is append-only."""

    at: UtcDatetime = Field(description="When the change was made, UTC.")
    from_status: Status = Field(alias="from")
    to: Status
    note: Text = ""
    user: Annotated[str, StringConstraints(max_length=MAX_USER)] = ""
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
    status: Status = INITIAL_STATUS
    history: list[HistoryEntry] = Field(default_factory=list)

    @model_validator(mode="after")
    def _dates_and_history(self) -> Activity:
        if self.end < self.start:
            raise problem("end", f"{self.end} is before start {self.start}")
        previous: Status = INITIAL_STATUS
        previous_at: datetime | None = None
        undone: set[int] = set()
        for index, entry in enumerate(self.history):
            where = f"history[{index}]"
            if entry.from_status != previous:
                raise problem(
                    f"{where}.from",
                    f"{entry.from_status} does not follow from the entry before it ({previous})",
                )
            if previous_at is not None and entry.at < previous_at:
                raise problem(
                    f"{where}.at", f"{entry.at.isoformat()} is before the entry before it"
                )
            if entry.undoes is not None:
                target = entry.undoes
                if target >= index:
                    raise problem(f"{where}.undoes", f"{target} is not an earlier entry")
                if self.history[target].undoes is not None or target in undone:
                    raise problem(f"{where}.undoes", f"entry {target} cannot be undone twice")
                if entry.to != self.history[target].from_status:
                    restored = self.history[target].from_status
                    raise problem(f"{where}.to", f"an undo of entry {target} restores {restored}")
                undone.add(target)
            previous, previous_at = entry.to, entry.at
        if self.status != previous:
            if self.history:
                raise problem("status", f"{self.status} is not where the history ends ({previous})")
            raise problem(
                "status",
                f"{self.status} needs the history entry that set it "
                f"(an activity without history is {INITIAL_STATUS})",
            )
        return self


class Metric(Strict):
    """A measured quantity (mätetal) with its latest outcome and targets per year."""

    name: Name
    latest: Text = Field(default="", description='Latest outcome as published, e.g. "44 418".')
    latest_year: int | None = Field(default=None, ge=1900, le=2200)
    targets: YearTexts = Field(
        default_factory=dict, description='Target per year as published: "Öka", "Högst 50".'
    )


class Initiative(Strict):
    """A strategic initiative (strategiskt initiativ) under a council goal."""

    id: Ref = Field(description="Stable identifier, used by activity refs and pot allocations.")
    title: Name
    purpose: Text = ""
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


class OperatingBudget(Strict):
    """Drift: net costs, municipal grant and result per year, in tkr."""

    columns: YearColumns
    net_costs: YearFigures
    grant: YearFigures
    result: YearFigures


class UnitCosts(Strict):
    """One organisational unit's net costs per year, in tkr."""

    name: Name
    net_costs: YearFigures


class UnitBreakdown(Strict):
    """Specificerade nettokostnader: net costs by unit, with the published sum."""

    columns: YearColumns
    units: list[UnitCosts]
    total: YearFigures = Field(description="The published Summa row.")


class Allocation(Strict):
    """One allocation from the earmarked pot, and the goals or initiatives it funds."""

    id: Ref
    title: Name
    amount_mkr: Mkr
    funds: list[str] = Field(description="Goal numbers and initiative ids this allocation funds.")


class EarmarkedPot(Strict):
    """Potten hållbart och växande Luleå: money outside the operating budget, in mkr."""

    name: Name
    period: Annotated[str, StringConstraints(max_length=100)] = ""
    year: int = Field(ge=1900, le=2200, description="The year the allocations are for.")
    total_mkr: Mkr = Field(description="The pot as published.")
    allocations: list[Allocation]


class InvestmentLine(Strict):
    """One investment line with its description and amounts per year, in tkr."""

    name: Name
    description: Text = ""
    amounts: YearFigures


class Investments(Strict):
    """Investeringar: net investments per year and their breakdown by line, in tkr."""

    columns: YearColumns
    net_investments: YearFigures = Field(description="The published Nettoinvesteringar row.")
    lines: list[InvestmentLine]
    total: YearFigures = Field(description="The published Summa row under the lines.")
    explanation: Text = Field(default="", description="Planerade investeringar: the narrative.")


class FigureChange(Strict):
    """An edit of a budget figure (a forecast update, say). The first change keeps the original."""

    table: BudgetTable
    line: Name = Field(description="Row name: net_costs/grant/result, a unit, a line or `total`.")
    year: int = Field(ge=1900, le=2200)
    at: UtcDatetime
    from_value: Amount = Field(alias="from")
    to: Amount
    note: Text = ""
    user: Annotated[str, StringConstraints(max_length=MAX_USER)] = ""


class Budget(Strict):
    """Section 1.3 Drift and the investment table."""

    unit: Literal["tkr"] = "tkr"
    explanation: Text = Field(
        default="", description="Förklaring till verksamhetsförändringar: the narrative."
    )
    operating: OperatingBudget
    units: UnitBreakdown | None = None
    pot: EarmarkedPot | None = None
    investments: Investments | None = None
    changes: list[FigureChange] = Field(default_factory=list)


class PlanInfo(Strict):
    """What the plan is: whose, which year, which period."""

    title: Name
    organisation: Name
    municipality: Annotated[str, StringConstraints(max_length=200)] = ""
    year: int = Field(ge=1900, le=2200)
    period: Annotated[str, StringConstraints(pattern=r"^[0-9]{4}-[0-9]{4}$")]
    currency_unit: Literal["tkr"] = "tkr"


GOALS_READ_ELSEWHERE = "goals_read_elsewhere"
"""Validation context key: validate a `Plan` without goals, whose goals were read apart."""


class Plan(Strict):
    """A whole operational plan: the root of a plan file."""

    plan: PlanInfo
    mandate: Mandate = Field(default_factory=Mandate)
    focus: list[Focus] = Field(default_factory=list)
    goals: list[Goal]
    budget: Budget | None = None

    @model_validator(mode="after")
    def _references(self, info: ValidationInfo) -> Plan:
        if info.context is not None and info.context.get(GOALS_READ_ELSEWHERE):
            # Validating the plan's small parts only; `db/bulk.py` checks the same
            # references on the rows of the goals its processes read (`references_hold`).
            return self
        problems: list[tuple[str, str]] = []
        seen_numbers: dict[str, int] = {}
        seen_refs: dict[str, str] = {}
        seen_initiatives: dict[str, str] = {}
        for g_index, goal in enumerate(self.goals):
            where = f"goals[{g_index}]"
            if goal.number in seen_numbers:
                problems.append((f"{where}.number", f"{goal.number} is a duplicate"))
            seen_numbers[goal.number] = g_index
            for a_index, activity in enumerate(goal.activities):
                _note_ref(activity.ref, f"{where}.activities[{a_index}]", seen_refs, problems)
            for i_index, initiative in enumerate(goal.initiatives):
                i_where = f"{where}.initiatives[{i_index}]"
                if initiative.id in seen_initiatives:
                    duplicate_of = seen_initiatives[initiative.id]
                    problems.append(
                        (f"{i_where}.id", f"{initiative.id} is a duplicate of {duplicate_of}")
                    )
                seen_initiatives[initiative.id] = i_where
                for a_index, activity in enumerate(initiative.activities):
                    _note_ref(activity.ref, f"{i_where}.activities[{a_index}]", seen_refs, problems)
        for f_index, focus in enumerate(self.focus):
            for n_index, number in enumerate(focus.goals):
                if number not in seen_numbers:
                    problems.append((f"focus[{f_index}].goals[{n_index}]", f"no goal {number}"))
        if self.budget is not None:
            problems.extend(self.budget_problems(set(seen_numbers), set(seen_initiatives)))
        if problems:
            raise problems_error(problems)
        return self

    def budget_problems(
        self, goal_numbers: set[str], initiative_ids: set[str]
    ) -> list[tuple[str, str]]:
        """Check the budget's cross-references: allocation targets, names and change chains."""
        budget = self.budget
        assert budget is not None
        problems: list[tuple[str, str]] = []
        if budget.pot is not None:
            seen_ids: set[str] = set()
            for a_index, allocation in enumerate(budget.pot.allocations):
                where = f"budget.pot.allocations[{a_index}]"
                if allocation.id in seen_ids:
                    problems.append((f"{where}.id", f"{allocation.id} is a duplicate"))
                seen_ids.add(allocation.id)
                for t_index, target in enumerate(allocation.funds):
                    if target not in goal_numbers and target not in initiative_ids:
                        problems.append(
                            (
                                f"{where}.funds[{t_index}]",
                                f"{target} is neither a goal nor an initiative",
                            )
                        )
        if budget.units is not None:
            problems.extend(_duplicate_names("budget.units.units", budget.units.units))
        if budget.investments is not None:
            problems.extend(_duplicate_names("budget.investments.lines", budget.investments.lines))
        current = figure_values(budget)
        chain: dict[tuple[str, str, int], tuple[Decimal, datetime]] = {}
        for c_index, change in enumerate(budget.changes):
            where = f"budget.changes[{c_index}]"
            key = (change.table, change.line, change.year)
            if key not in current:
                address = f"{change.table}/{change.line}/{change.year}"
                problems.append((where, f"no figure {address} in the budget"))
                continue
            if key in chain:
                before, before_at = chain[key]
                if change.from_value != before:
                    problems.append(
                        (
                            f"{where}.from",
                            f"{change.from_value} does not follow from the change before it ({before})",
                        )
                    )
                if change.at < before_at:
                    problems.append((f"{where}.at", "is before the change before it"))
            chain[key] = (change.to, change.at)
        for key, (last_value, _) in chain.items():
            if current[key] != last_value:
                address = "/".join(map(str, key))
                problems.append(
                    (
                        "budget.changes",
                        f"{address} is {current[key]} in the table but its last change sets {last_value}",
                    )
                )
        return problems


def _note_ref(ref: str, where: str, seen: dict[str, str], problems: list[tuple[str, str]]) -> None:
    if ref in seen:
        problems.append((f"{where}.ref", f"{ref} is a duplicate of {seen[ref]}"))
    else:
        seen[ref] = where


def _duplicate_names(
    where: str, rows: list[UnitCosts] | list[InvestmentLine]
) -> list[tuple[str, str]]:
    seen: set[str] = set()
    problems = []
    for index, row in enumerate(rows):
        if row.name in seen or row.name in RESERVED_LINE_NAMES:
            problems.append((f"{where}[{index}].name", f"{row.name} is a duplicate or reserved"))
        seen.add(row.name)
    return problems


OPERATING_LINES: tuple[str, ...] = ("net_costs", "grant", "result")
RESERVED_LINE_NAMES = frozenset({"total", "net_investments"})


def figure_values(budget: Budget) -> dict[tuple[str, str, int], Decimal]:
    """Every editable figure of a budget, keyed by (table, line, year).

    The keys are the addresses `FigureChange` uses; the store keeps figures under the
    same keys, so this is the one place that says how a table flattens to figures.
    """
    figures: dict[tuple[str, str, int], Decimal] = {}
    for line in OPERATING_LINES:
        for year, value in getattr(budget.operating, line).items():
            figures[("operating", line, int(year))] = Decimal(value)
    if budget.units is not None:
        for unit in budget.units.units:
            for year, value in unit.net_costs.items():
                figures[("units", unit.name, int(year))] = Decimal(value)
        for year, value in budget.units.total.items():
            figures[("units", "total", int(year))] = Decimal(value)
    if budget.investments is not None:
        for inv in budget.investments.lines:
            for year, value in inv.amounts.items():
                figures[("investments", inv.name, int(year))] = Decimal(value)
        for year, value in budget.investments.total.items():
            figures[("investments", "total", int(year))] = Decimal(value)
        for year, value in budget.investments.net_investments.items():
            figures[("investments", "net_investments", int(year))] = Decimal(value)
    if budget.pot is not None:
        figures[("pot", "total", budget.pot.year)] = budget.pot.total_mkr
        for allocation in budget.pot.allocations:
            figures[("pot", allocation.id, budget.pot.year)] = allocation.amount_mkr
    return figures
