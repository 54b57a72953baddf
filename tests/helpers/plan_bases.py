"""The two valid plans every broken plan file starts from (the small plan and the bundled
one), as text, as data and as the places a mutation can aim at; and how to change a copy of
their data. For tests/test_reliability_planfiles.py."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from importlib.resources import files
from typing import Any

import tomli_w
from pydantic import BaseModel

from helpers.plans import SMALL_PLAN
from vpl_tui.cli import BUNDLED_PLAN
from vpl_tui.model import Plan

Path_ = tuple[str | int, ...]
"""A place in a plan's data: keys and list indexes from the root."""


@dataclass(frozen=True)
class Base:
    """A valid plan as TOML text and as data, with the places a mutation can aim at."""

    name: str
    text: str
    data: dict[str, Any]
    paths: list[Path_]
    """Every value below the root: tables, arrays and leaves."""
    strings: list[Path_]
    dates: list[Path_]
    datetimes: list[Path_]
    tables: list[tuple[Path_, list[str]]]
    """Every table that is a model, with the keys it requires."""
    activities: list[Path_]
    choices: list[tuple[Path_, tuple[str, ...]]]
    """Leaves that must be one of a few words (status, kind, ...), with those words."""
    identifiers: list[tuple[str, list[Path_]]]
    """Kinds of identifier that must be unique, with where each occurs."""

    def __repr__(self) -> str:
        return f"Base({self.name!r})"


CHOICE_KEYS = {
    "status": ("not_started", "in_progress", "done", "delayed", "cancelled"),
    "from": ("not_started", "in_progress", "done", "delayed", "cancelled"),
    "to": ("not_started", "in_progress", "done", "delayed", "cancelled"),
    "kind": ("activity", "investigation", "council", "board"),
    "table": ("operating", "units", "investments", "pot"),
    "unit": ("tkr",),
    "currency_unit": ("tkr",),
}


def _walk(value: Any, model: Any, path: Path_) -> Iterator[tuple[Path_, Any, Any]]:
    """(path, data value, model value) for everything below `path`, depth first."""
    if isinstance(value, dict):
        aliases = {}
        if isinstance(model, BaseModel):
            aliases = {(f.alias or n): n for n, f in type(model).model_fields.items()}
        for key, sub in value.items():
            if isinstance(model, BaseModel):
                child = getattr(model, aliases[key])
            elif isinstance(model, dict):
                child = model.get(key)
            else:
                child = None
            yield (*path, key), sub, child
            yield from _walk(sub, child, (*path, key))
    elif isinstance(value, list):
        for index, sub in enumerate(value):
            child = model[index] if isinstance(model, list) else None
            yield (*path, index), sub, child
            yield from _walk(sub, child, (*path, index))


def make_base(name: str, text: str) -> Base:
    data = tomllib.loads(text, parse_float=Decimal)
    plan = Plan.model_validate(data, strict=True)
    paths, strings, dates, datetimes, activities, choices = [], [], [], [], [], []
    tables: list[tuple[Path_, list[str]]] = [((), ["plan", "goals"])]
    ids: dict[str, list[Path_]] = {"ref": [], "initiative": [], "goal": [], "allocation": []}
    for path, value, model in _walk(data, plan, ()):
        paths.append(path)
        last = path[-1]
        if isinstance(model, BaseModel):
            required = [
                f.alias or n for n, f in type(model).model_fields.items() if f.is_required()
            ]
            tables.append((path, [key for key in required if key in value]))
            if type(model).__name__ == "Activity":
                activities.append(path)
        if isinstance(value, str):
            strings.append(path)
            if last in CHOICE_KEYS:
                choices.append((path, CHOICE_KEYS[last]))
            elif len(path) > 1 and path[-2] == "columns":
                choices.append((path, ("actual", "forecast", "budget")))
        if isinstance(value, datetime):
            datetimes.append(path)
        elif isinstance(value, date):
            dates.append(path)
        if last == "ref":
            ids["ref"].append(path)
        elif last == "id" and "initiatives" in path:
            ids["initiative"].append(path)
        elif last == "id" and "allocations" in path:
            ids["allocation"].append(path)
        elif last == "number" and path[0] == "goals" and len(path) == 3:
            ids["goal"].append(path)
    identifiers = [(kind, where) for kind, where in ids.items() if len(where) >= 2]
    return Base(
        name=name,
        text=text,
        data=data,
        paths=paths,
        strings=strings,
        dates=dates,
        datetimes=datetimes,
        tables=tables,
        activities=activities,
        choices=choices,
        identifiers=identifiers,
    )


BUNDLED_TEXT = files("vpl_tui.seed").joinpath(BUNDLED_PLAN).read_text(encoding="utf-8")
BASES = (make_base("small", SMALL_PLAN), make_base("bundled", BUNDLED_TEXT))


# -- changing a copy of a plan's data ----------------------------------------------------


def value_at(data: Any, path: Path_) -> Any:
    """The value at `path`."""
    for part in path:
        data = data[part]
    return data


def copy_data(data: Any) -> Any:
    """A copy of TOML data, every container new."""
    # Cheaper than deepcopy for TOML data: only containers need copying.
    if isinstance(data, dict):
        return {key: copy_data(value) for key, value in data.items()}
    if isinstance(data, list):
        return [copy_data(value) for value in data]
    return data


def with_value(
    data: dict[str, Any], path: Path_, value: Any = None, *, delete: bool = False
) -> Any:
    """A copy of `data` with `value` at `path` (or nothing there, with `delete`)."""
    copy = copy_data(data)
    parent = value_at(copy, path[:-1])
    if delete:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return copy


def toml_bytes(data: dict[str, Any]) -> bytes:
    """The data as a plan file's bytes."""
    return tomli_w.dumps(data).encode("utf-8")
