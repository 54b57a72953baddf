"""The building blocks of the plan file's models: the strict base, field types, errors.

Every model of `vpl_tui.model` and `vpl_tui.model.budget` derives from `Strict` and
types its fields with these annotations, so a rule such as "a year key is four digits"
or "an amount in mkr has at most three decimals" is written once.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
)
from pydantic_core import PydanticCustomError

from vpl_tui.errors import VplError
from vpl_tui.rules.activity_fields import MAX_NAME
from vpl_tui.rules.figures import MKR_DECIMALS, MKR_DIGITS
from vpl_tui.rules.limits import FIRST_YEAR, LAST_YEAR, MAX_TEXT, MAX_USER
from vpl_tui.safetext import clean

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
Name = Annotated[str, StringConstraints(min_length=1, max_length=MAX_NAME)]
User = Annotated[str, StringConstraints(max_length=MAX_USER)]


Reason = str | VplError
"""Why a value is refused: a catalog message (Swedish and English), or English text."""


def problem(field: str, reason: Reason) -> PydanticCustomError:
    """An error at `field` (a path relative to the model being validated), for one line of output."""
    return PydanticCustomError(
        "vpl_problem", "{field}: {reason}", {"field": field, "reason": reason}
    )


def problems_error(problems: list[tuple[str, Reason]]) -> PydanticCustomError:
    """Several errors at once, each (path from the plan's root, reason)."""
    summary = "; ".join(f"{field}: {reason}" for field, reason in problems)
    return PydanticCustomError(
        "vpl_problems", "{summary}", {"summary": summary, "problems": problems}
    )


def _check_year_keys(value: dict[str, object]) -> dict[str, object]:
    for key in value:
        if not _YEAR_PATTERN.match(key):
            raise problem("", VplError("plan.not_a_year_key", year_key=clean(repr(key))[:60]))
    return dict(sorted(value.items()))


def _utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        raise problem("", VplError("plan.needs_zone"))
    # The same years as every other year field: a time outside them is a typo, and the
    # store keeps times as fixed-width text that a year before 1000 would not fit.
    # (astimezone itself overflows at the edges of the calendar: 0001-01-01T00:00+01:00.)
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise problem(
            "", VplError("plan.year_outside", year=value.year, first=FIRST_YEAR, last=LAST_YEAR)
        )
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
"""An amount in mkr: what `vpl_tui.rules.figures.figure_problem` allows for a table in mkr."""


class Strict(BaseModel):
    """Base of every model: unknown keys are errors, never silently dropped."""

    # defer_build: a model's validator is made when it is first used, not on import, so a
    # command pays only for the models it uses (the summary never builds `Plan`).
    model_config = ConfigDict(extra="forbid", populate_by_name=True, defer_build=True)
