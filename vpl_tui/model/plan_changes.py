"""The history of changes to the plan itself: activities added, edited and moved, texts edited.

A controller changes the plan where she works (`vpl add`, `vpl edit`, `vpl move`, the app's
forms); every change is a row of this history, append-only, and the plan file carries it
under `[[changes]]`, one table per changed thing (an activity, a goal, an initiative) with
its history in order, as the follow-up's assessments are carried:

    [[changes]]
    target = "1.1.1-3"
    history = [
        { at = 2023-05-02T08:00:00Z, field = "end", from = "2023-06-30", to = "2023-09-30", user = "anna" },
    ]

`field` names what changed: an activity's `title`, `kind`, `start`, `end`, `responsible`
or `place` (the goal number or initiative id it is under), `added` when it was added,
`removed` when an activity without a history was removed; a goal's or initiative's
`title`, `description` or `purpose`; a metric's (`kind = "metric"`, `target` its id)
`name`, `unit`, `kolada_kpi`, `higher_is_better` (`true`/`false`) or the target of a
year, `target:2024` (`""`: none), and `added`. `from` and `to` are the
values as text. An undo is a new entry, naming the entry it reverts by its index.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints

from vpl_tui.errors import VplError
from vpl_tui.model.base import Reason, Ref, Strict, Text, User, UtcDatetime
from vpl_tui.rules.activity_fields import ACTIVITY_FIELDS, MAX_RESPONSIBLE  # noqa: F401

ChangedField = (
    Literal[
        "added",
        "removed",
        "title",
        "kind",
        "start",
        "end",
        "responsible",
        "place",
        "description",
        "purpose",
        "name",
        "unit",
        "kolada_kpi",
        "higher_is_better",
    ]
    | Annotated[str, StringConstraints(pattern=r"^target:[0-9]{4}$")]
)
"""What a plan change changes (see the module's docstring)."""
TargetKind = Literal["activity", "goal", "initiative", "metric"]

TEXT_FIELDS: dict[str, tuple[str, ...]] = {
    "goal": ("title", "description"),
    "initiative": ("title", "purpose"),
}
"""The texts of a goal and of an initiative that can be edited."""

Responsible = Annotated[str, StringConstraints(max_length=MAX_RESPONSIBLE)]
"""Who is responsible (ansvarig): a person or a unit, as the plan names them."""


class PlanChangeEntry(Strict):
    """One change of a thing in the plan: which field, from what, to what, by whom, when."""

    at: UtcDatetime = Field(description="When it was made, UTC.")
    field: ChangedField
    from_value: Text = Field(default="", alias="from")
    to: Text = ""
    user: User = ""
    version: int = Field(
        default=0, ge=0, description="The version of the thing the change was made on."
    )
    undoes: int | None = Field(
        default=None,
        ge=0,
        description="Set on an undo: the index, in this history, of the entry it reverts.",
    )


class PlanChanges(Strict):
    """A thing in the plan with the history of its changes."""

    target: Ref = Field(
        description="An activity's ref, a goal's number, an initiative's or a metric's id."
    )
    kind: TargetKind = "activity"
    history: list[PlanChangeEntry] = Field(min_length=1)


def plan_change_problems(changes: list[PlanChanges]) -> list[tuple[str, Reason]]:
    """What is wrong with the plan's change histories: undos that name no earlier entry,
    the same entry undone twice, or the same thing listed twice."""
    problems: list[tuple[str, Reason]] = []
    seen: set[tuple[str, str]] = set()
    for c_index, entry in enumerate(changes):
        where = f"changes[{c_index}]"
        key = (entry.kind, entry.target.casefold())
        if key in seen:
            problems.append((f"{where}.target", f"{entry.target} is listed twice"))
        seen.add(key)
        undone: set[int] = set()
        for index, change in enumerate(entry.history):
            if change.undoes is None:
                continue
            target = change.undoes
            at = f"{where}.history[{index}].undoes"
            if target >= index:
                problems.append((at, f"{target} is not an earlier entry"))
            elif entry.history[target].undoes is not None or target in undone:
                problems.append((at, f"entry {target} cannot be undone twice"))
            elif entry.history[target].field != change.field:
                problems.append((at, f"entry {target} changed {entry.history[target].field}"))
            undone.add(target)
    return problems


def text_problem(value: str, *, required: bool) -> VplError | None:
    """What the plan file would say of a goal's or initiative's text (a title is required)."""
    from pydantic import TypeAdapter, ValidationError

    from vpl_tui.model.base import Name, Text
    from vpl_tui.model.reasons import problems_of

    try:
        TypeAdapter(Name if required else Text).validate_python(value, strict=True)
    except ValidationError as error:
        return problems_of(error, "")[0].reason
    return None


METRIC_FIELDS = ("name", "unit", "kolada_kpi", "higher_is_better")
"""A metric's fields that `vpl edit` and the app's form change, besides its targets."""
TARGET_PREFIX = "target:"
"""A metric's target of a year is the field `target:<year>` (`target:2024`)."""


def metric_model_data(values: dict[str, str]) -> dict[str, Any]:
    """A metric's fields as text (`higher_is_better` "true"/"false", `target:<year>`) as
    `Metric`'s: the KPI None when empty, and the years without a target left out."""
    return {
        "name": values.get("name", ""),
        "unit": values.get("unit", ""),
        "kolada_kpi": values.get("kolada_kpi") or None,
        "higher_is_better": values.get("higher_is_better", "true") != "false",
        "targets": {
            key.removeprefix(TARGET_PREFIX): value
            for key, value in values.items()
            if key.startswith(TARGET_PREFIX) and value != ""
        },
    }


def metric_problems(values: dict[str, str]) -> dict[str, VplError]:
    """What the plan file would say of a metric with these fields: a reason per field
    (a target's is `target:<year>`). The checks are the model's (`Metric`)."""
    from pydantic import ValidationError

    from vpl_tui.model import Metric
    from vpl_tui.model.reasons import problems_of

    for key in values:
        year = key.removeprefix(TARGET_PREFIX)
        if key.startswith(TARGET_PREFIX) and not _YEAR.match(year):
            return {key: VplError("plan.not_a_year_key", year_key=repr(year)[:60])}
    try:
        Metric.model_validate(metric_model_data(values), strict=True)
    except ValidationError as error:
        found: dict[str, VplError] = {}
        for item in problems_of(error, ""):
            where = (item.where or "").split("[")[0]
            field, _, year = where.partition(".")
            found.setdefault(TARGET_PREFIX + year if field == "targets" else field, item.reason)
        return found
    return {}


_YEAR = re.compile(r"^[0-9]{4}$")


def activity_problems_of_model(values: dict[str, Any]) -> dict[str, VplError]:
    """What the model (`Activity`) says of these fields, a reason per field: what
    `vpl_tui.rules.activity_fields` must say too (its test holds them to it)."""
    from pydantic import ValidationError

    from vpl_tui.model import Activity
    from vpl_tui.model.reasons import problems_of
    from vpl_tui.rules.activity_fields import as_day

    data = {k: as_day(v) if k in ("start", "end") else v for k, v in values.items()}
    try:
        Activity.model_validate(data, strict=True)
    except ValidationError as error:
        found: dict[str, VplError] = {}
        for item in problems_of(error, ""):
            found.setdefault((item.where or "").split(".")[0].split("[")[0], item.reason)
        return found
    return {}
