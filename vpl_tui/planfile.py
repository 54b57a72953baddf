"""Plan files in and out: TOML read with tomllib, written with tomli-w, checked by the models.

`read_plan` refuses a bad file with a `PlanFileError` holding one line per problem, each
naming the file, the TOML path and the reason:

    plan.toml: goals[2].activities[0].end: 2022-12-31 is before start 2023-01-01

`dumps_plan` is deterministic: export, load and export again gives the same bytes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import tomli
import tomli_w
from pydantic import ValidationError

from vpl_tui.errors import PlanFileError
from vpl_tui.model import Plan
from vpl_tui.safetext import clean, escape_serialised

MAX_FILE_BYTES = 64 * 1024 * 1024
"""Refuse files above this size before parsing: no real plan comes near it."""

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
_AT_END = " (at end of document)"
_TOML_POSITION = re.compile(r"^(?P<reason>.*) \(at line (?P<line>\d+), column (?P<column>\d+)\)$")
_HEADER = "# vpl plan file. Its format: `vpl schema` prints the JSON Schema; docs/planfile.md explains it.\n"


def read_plan(path: Path | str) -> Plan:
    """Read and validate a plan file.

    Raises:
        PlanFileError: the file is missing, unreadable, not UTF-8, not TOML or not a valid plan.
    """
    path = Path(path)
    name = clean(str(path))
    # The bytes go straight into parse_plan, which lets go of them once they are text:
    # a region's plan file is 30 MB, held twice over while the plan is validated otherwise.
    return parse_plan(read_bytes(path, name), name)


def read_bytes(path: Path, name: str) -> bytes:
    try:
        too_large = PlanFileError([f"{name}: larger than {MAX_FILE_BYTES // 1024 // 1024} MiB"])
        if path.stat().st_size > MAX_FILE_BYTES:
            raise too_large
        # A device or a pipe has no size (/dev/zero never ends): read one byte past the limit.
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            raise too_large
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
    return raw


def decode_plan(raw: bytes, name: str = "<plan>") -> str:
    """A plan file's bytes as text; a file that is not UTF-8 is refused with its line."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise PlanFileError(
            [f"{name}: line {line}: not UTF-8 text (byte 0x{raw[error.start]:02x})"]
        ) from None


def parse_plan(raw: bytes | str, name: str = "<plan>") -> Plan:
    """Validate a plan given as TOML bytes or text; `name` is used in the error lines."""
    text = decode_plan(raw, name) if isinstance(raw, bytes) else raw
    del raw
    try:
        data = loads_toml(text)
    # The tuple is evaluated only when the parse failed: tomllib is imported only then.
    except (tomli.TOMLDecodeError, _stdlib_toml().TOMLDecodeError) as error:
        match = _TOML_POSITION.match(str(error))
        if match:
            where = f"line {match['line']}, column {match['column']}"
            raise PlanFileError([f"{name}: {where}: {clean(match['reason'])}"]) from None
        reason = str(error)
        if reason.endswith(_AT_END):  # an unterminated string or array: the file ran out
            where = f"line {text.count(chr(10)) + 1}"
            reason = f"{reason.removesuffix(_AT_END)} at the end of the file"
            raise PlanFileError([f"{name}: {where}: {clean(reason)}"]) from None
        raise PlanFileError([f"{name}: {clean(str(error))}"]) from None
    except RecursionError:
        where = f"line {_deep_line(text)}"
        raise PlanFileError([f"{name}: {where}: nested too deeply to be a plan file"]) from None
    crs = may_hold_cr(text)
    del text  # not needed while validating: 30 MB less at the peak for a region's plan
    return validate_plan(data, name, crs=crs)


def loads_toml(text: str) -> dict[str, Any]:
    """Parse TOML 1.1 with tomli (tomllib's own code, compiled): 3.5× faster on a large plan.

    The compiled parser gives up on deeply nested tables sooner than the standard
    library's; for such a file tomllib reads it, so validation can name the place.
    """
    try:
        return tomli.loads(text, parse_float=Decimal)
    except RecursionError:
        return _stdlib_toml().loads(text, parse_float=Decimal)


def _stdlib_toml() -> ModuleType:
    """The standard library's tomllib, imported when needed: it costs every start 15 ms."""
    import tomllib

    return tomllib


_CR_BEFORE_LF = re.compile("\r+\n")
_CR_IN_TOML = re.compile(r"\r|\\r|\\u000[dD]|\\U0000000[dD]|\\x0[dD]")
"""How a CR gets into a TOML string: raw, or escaped (\\r, \\u000D, \\U0000000D, \\x0D)."""


def may_hold_cr(text: str) -> bool:
    """Whether a string read from this TOML text can hold a CR (else `lf_newlines` is moot).

    A region's plan file has none, and walking its 100 000 activities to find that out
    costs more than half a second.
    """
    if "\r" in text:
        return True
    # Every escape starts with a backslash; finding none is ten times faster than the search.
    return "\\" in text and _CR_IN_TOML.search(text) is not None


def lf_newlines(value: Any) -> Any:
    """Every CR LF in the file's strings as LF: the form TOML gives multi-line strings.

    tomli-w writes a string holding CR LF as a multi-line string with a bare LF, so a
    `"a\\r\\nb"` escape would not survive export and load; reading it as LF at once
    keeps load, export and load again giving the same database. A run of CRs before an
    LF goes with it (`"\\r\\r\\n"` → LF), or the next load would find a new CR LF and change
    the text again.
    """
    if isinstance(value, str):
        return _CR_BEFORE_LF.sub("\n", value) if "\r" in value else value
    # A table or array is copied only when something in it changed: a region's plan
    # (100 000 activities) has no CR at all, and copying it would cost 100 MB.
    if isinstance(value, dict):
        changed = {
            key: new for key, item in value.items() if (new := lf_newlines(item)) is not item
        }
        return {**value, **changed} if changed else value
    if isinstance(value, list):
        items = [lf_newlines(item) for item in value]
        return (
            items if any(new is not old for new, old in zip(items, value, strict=True)) else value
        )
    return value


def validate_plan(data: dict[str, Any], name: str = "<plan>", *, crs: bool = True) -> Plan:
    """Validate parsed TOML data as a plan (strict: no type coercion).

    `crs=False` says the data's strings hold no CR (see `may_hold_cr`).
    """
    try:
        return Plan.model_validate(lf_newlines(data) if crs else data, strict=True)
    except ValidationError as error:
        raise PlanFileError(_problem_lines(error, name)) from None
    except RecursionError:
        where = toml_path(_deep_path(data)) or "(top level)"
        raise PlanFileError([f"{name}: {where}: nested too deeply to be a plan file"]) from None


NESTING_SHOWN = 4
"""How many keys of a too-deep path an error names: enough to find it in the file."""


def _deep_line(text: str, limit: int = 100) -> int:
    """The line where brackets first nest deeper than `limit` (roughly: strings not parsed)."""
    depth = 0
    for number, line in enumerate(text.split("\n"), start=1):
        for char in line:
            depth += 1 if char in "[{" else -1 if char in "]}" else 0
            if depth > limit:
                return number
    return 1


def _deep_path(data: Any, limit: int = 100) -> tuple[int | str, ...]:
    """The first NESTING_SHOWN keys of the first path that nests deeper than `limit`."""
    stack: list[tuple[Any, tuple[int | str, ...]]] = [(data, ())]
    while stack:  # without recursion, which is what failed
        value, path = stack.pop()
        if len(path) > limit:
            return path[:NESTING_SHOWN]
        items = (
            value.items()
            if isinstance(value, dict)
            else enumerate(value)
            if isinstance(value, list)
            else ()
        )
        stack.extend((item, (*path, key)) for key, item in reversed(list(items)))
    return ()


def _said(reason: str) -> str:
    """A reason as shown: cleaned, and cut where it quotes a huge value from the file."""
    return shorten(clean(reason), 300)


def _problem_lines(error: ValidationError, name: str) -> list[str]:
    lines: list[str] = []
    for item in error.errors(include_url=False):
        location = toml_path(item["loc"])
        context = item.get("ctx") or {}
        if item["type"] == "vpl_problems":
            for field, reason in context["problems"]:
                lines.append(f"{name}: {join_path(location, field)}: {_said(reason)}")
            continue
        if item["type"] == "vpl_problem":
            location = join_path(location, context["field"])
            reason = context["reason"]
        else:
            reason = _reason(item)
        lines.append(f"{name}: {location or '(top level)'}: {_said(reason)}")
    return lines


# Pydantic's wording names Python types ("instance of Decimal", "valid dictionary or
# instance of PlanInfo"); a person editing TOML needs TOML's words instead.
_TYPE_REASONS = {
    "model_type": "should be a table",
    "dict_type": "should be a table",
    "list_type": "should be an array",
    "date_type": "should be a date such as 2023-01-01, written without quotes",
    "datetime_type": (
        "should be a date and time with a time zone such as 2023-03-01T09:30:00Z, "
        "written without quotes"
    ),
}


def _reason(item: Any) -> str:
    kind = item["type"]
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return "unknown key"
    if kind == "is_instance_of" and (item.get("ctx") or {}).get("class") == "Decimal":
        item = {**item, "msg": "should be a number such as 4.5"}
    elif kind in _TYPE_REASONS:
        item = {**item, "msg": _TYPE_REASONS[kind]}
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
            # An unknown key is the file's text: JSON quoting leaves DEL, C1 and bidi
            # controls as they are, and a key may be a megabyte long.
            key = shorten(clean(key), 60)
            text += f".{key}" if text else key
    return text


def shorten(text: str, width: int) -> str:
    """`text` cut to `width` characters with an ellipsis, so an error stays one short line."""
    return text if len(text) <= width else text[: width - 1] + "…"


def join_path(base: str, relative: str) -> str:
    """Join a location and a path relative to it: `goals[2]` + `end` → `goals[2].end`."""
    if not base:
        return relative
    return f"{base}{relative}" if relative.startswith("[") else f"{base}.{relative}"


def plan_to_data(plan: Plan) -> dict[str, Any]:
    """The plan as plain data in file order, without defaults, ready for TOML."""
    data = plan.model_dump(mode="python", by_alias=True, exclude_defaults=True, exclude_none=True)
    return _whole_numbers(data)


def _whole_numbers(value: Any) -> Any:
    """Whole Decimals as integers: tomli-w would write 28 mkr as `28.0`, 270 866 tkr as `270866.0`."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else value
    if isinstance(value, dict):
        return {key: _whole_numbers(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_whole_numbers(item) for item in value]
    return value


def dumps_plan(plan: Plan) -> str:
    """The plan as TOML text; deterministic, so the same plan always gives the same bytes."""
    text = tomli_w.dumps(plan_to_data(plan), multiline_strings=True)
    # tomli-w writes DEL, C1 controls and bidi overrides raw inside strings; escaped, an
    # export printed to a terminal cannot act on it, and it still reads back the same.
    return _HEADER + escape_serialised(text)


def write_plan(plan: Plan | str, path: Path | str) -> None:
    """Write the plan, or its text (`Store.export_text`), to `path` atomically.

    A temporary file is written and renamed over `path`.
    """
    path = Path(path)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(plan if isinstance(plan, str) else dumps_plan(plan), encoding="utf-8")
    temporary.replace(path)


def plan_schema() -> dict[str, Any]:
    """The plan file format as JSON Schema."""
    schema = Plan.model_json_schema(by_alias=True)
    schema["title"] = "vpl plan file"
    return schema
