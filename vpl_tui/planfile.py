"""Plan files in and out: TOML read with tomllib, written with tomli-w, checked by the models.

`read_plan` refuses a bad file with a `PlanFileError` holding one line per problem, each
naming the file, the TOML path and the reason:

    plan.toml: goals[2].activities[0].end: 2022-12-31 is before start 2023-01-01

`dumps_plan` is deterministic: export, load and export again gives the same bytes.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import tomli_w
from pydantic import ValidationError

from vpl_tui.model import Plan
from vpl_tui.safetext import clean

MAX_FILE_BYTES = 64 * 1024 * 1024
"""Refuse files above this size before parsing: no real plan comes near it."""

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
_TOML_POSITION = re.compile(r"^(?P<reason>.*) \(at line (?P<line>\d+), column (?P<column>\d+)\)$")
_HEADER = (
    "# vpl plan file. Its format: `vpl schema` prints the JSON Schema; README.md explains it.\n"
)


class PlanFileError(Exception):
    """A plan file that cannot be used, with one line per problem."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = list(problems)


def read_plan(path: Path | str) -> Plan:
    """Read and validate a plan file.

    Raises:
        PlanFileError: the file is missing, unreadable, not UTF-8, not TOML or not a valid plan.
    """
    path = Path(path)
    name = clean(str(path))
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise PlanFileError([f"{name}: larger than {MAX_FILE_BYTES // 1024 // 1024} MiB"])
        raw = path.read_bytes()
    except PlanFileError:
        raise
    except IsADirectoryError:
        raise PlanFileError([f"{name}: is a folder, not a plan file"]) from None
    except FileNotFoundError:
        raise PlanFileError([f"{name}: no such file"]) from None
    except OSError as error:
        raise PlanFileError(
            [f"{name}: cannot read: {clean(error.strerror or str(error))}"]
        ) from None
    return parse_plan(raw, name)


def parse_plan(raw: bytes | str, name: str = "<plan>") -> Plan:
    """Validate a plan given as TOML bytes or text; `name` is used in the error lines."""
    if isinstance(raw, bytes):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            line = raw.count(b"\n", 0, error.start) + 1
            raise PlanFileError(
                [f"{name}: line {line}: not UTF-8 text (byte 0x{raw[error.start]:02x})"]
            ) from None
    else:
        text = raw
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as error:
        match = _TOML_POSITION.match(str(error))
        if match:
            where = f"line {match['line']}, column {match['column']}"
            raise PlanFileError([f"{name}: {where}: {clean(match['reason'])}"]) from None
        raise PlanFileError([f"{name}: {clean(str(error))}"]) from None
    except RecursionError:
        raise PlanFileError([f"{name}: nested too deeply to be a plan file"]) from None
    return validate_plan(data, name)


def validate_plan(data: dict[str, Any], name: str = "<plan>") -> Plan:
    """Validate parsed TOML data as a plan (strict: no type coercion)."""
    try:
        return Plan.model_validate(data, strict=True)
    except ValidationError as error:
        raise PlanFileError(_problem_lines(error, name)) from None
    except RecursionError:
        raise PlanFileError([f"{name}: nested too deeply to be a plan file"]) from None


def _problem_lines(error: ValidationError, name: str) -> list[str]:
    lines: list[str] = []
    for item in error.errors(include_url=False):
        location = toml_path(item["loc"])
        context = item.get("ctx") or {}
        if item["type"] == "vpl_problems":
            for field, reason in context["problems"]:
                lines.append(f"{name}: {join_path(location, field)}: {clean(reason)}")
            continue
        if item["type"] == "vpl_problem":
            location = join_path(location, context["field"])
            reason = context["reason"]
        else:
            reason = _reason(item)
        lines.append(f"{name}: {location or '(top level)'}: {clean(reason)}")
    return lines


def _reason(item: Any) -> str:
    kind = item["type"]
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return "unknown key"
    message = str(item["msg"]).removeprefix("Value error, ")
    if "input" in item and kind not in {"value_error"}:
        shown = item["input"]
        if isinstance(shown, (dict, list)):
            shown_text = "a table" if isinstance(shown, dict) else "an array"
        else:
            shown_text = repr(shown)
            if len(shown_text) > 60:
                shown_text = shown_text[:57] + "..."
        return f"{message[:1].lower()}{message[1:]} (got {shown_text})"
    return message[:1].lower() + message[1:]


def toml_path(location: Sequence[int | str]) -> str:
    """`("goals", 2, "activities", 0)` → `goals[2].activities[0]`; odd keys are quoted."""
    text = ""
    for part in location:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            key = part if _BARE_KEY.match(part) else json.dumps(part, ensure_ascii=False)
            text += f".{key}" if text else key
    return text


def join_path(base: str, relative: str) -> str:
    """Join a location and a path relative to it: `goals[2]` + `end` → `goals[2].end`."""
    if not base:
        return relative
    return f"{base}{relative}" if relative.startswith("[") else f"{base}.{relative}"


def plan_to_data(plan: Plan) -> dict[str, Any]:
    """The plan as plain data in file order, without defaults, ready for TOML."""
    return plan.model_dump(mode="python", by_alias=True, exclude_defaults=True, exclude_none=True)


def dumps_plan(plan: Plan) -> str:
    """The plan as TOML text; deterministic, so the same plan always gives the same bytes."""
    return _HEADER + tomli_w.dumps(plan_to_data(plan), multiline_strings=True)


def write_plan(plan: Plan, path: Path | str) -> None:
    """Write the plan to `path` atomically (a temporary file renamed over it)."""
    path = Path(path)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(dumps_plan(plan), encoding="utf-8")
    temporary.replace(path)


def plan_schema() -> dict[str, Any]:
    """The plan file format as JSON Schema."""
    schema = Plan.model_json_schema(by_alias=True)
    schema["title"] = "vpl plan file"
    return schema
