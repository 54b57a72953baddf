"""Plan files in and out: TOML read with tomllib, written with tomli-w, checked by the models.

`read_plan` refuses a bad file with a `PlanFileError` holding one line per problem, each
naming the file, the TOML path and the reason:

    plan.toml:412: goals[2].activities[0].end: 2022-12-31 is before start 2023-01-01

(the line when the file's text is at hand; `render` words them in Swedish or English).

`dumps_plan` is deterministic: export, load and export again gives the same bytes.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import tomli
import tomli_w
from pydantic import ValidationError

from vpl_tui.errors import PlanFileError, PlanProblem, VplError, os_reason
from vpl_tui.model import Plan
from vpl_tui.model.reasons import shorten, toml_path  # noqa: F401 - part of this module's API
from vpl_tui.safetext import clean, escape_serialised

MAX_FILE_BYTES = 64 * 1024 * 1024
"""Refuse files above this size before parsing: no real plan comes near it."""

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
        mib = MAX_FILE_BYTES // 1024 // 1024
        too_large = PlanFileError(
            [PlanProblem(name, None, None, VplError("plan.too_large", mib=mib))]
        )
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
        raise _file_error(name, VplError("plan.is_folder")) from None
    except FileNotFoundError:
        raise _file_error(name, VplError("plan.no_such_file")) from None
    except OSError as error:
        raise _file_error(name, VplError("plan.cannot_read", reason=os_reason(error))) from None
    return raw


def _file_error(name: str, reason: VplError, line: int | None = None) -> PlanFileError:
    """A problem of the whole file (not of a place in the plan)."""
    return PlanFileError([PlanProblem(name, line, None, reason)])


def decode_plan(raw: bytes, name: str = "<plan>") -> str:
    """A plan file's bytes as text; a file that is not UTF-8 is refused with its line."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        byte = f"{raw[error.start]:02x}"
        raise _file_error(name, VplError("plan.not_utf8", line=line, byte=byte)) from None


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
            reason = clean(match["reason"])
            where = VplError(
                "plan.syntax", line=match["line"], column=match["column"], reason=reason
            )
            raise _file_error(name, where) from None
        reason = str(error)
        if reason.endswith(_AT_END):  # an unterminated string or array: the file ran out
            line = text.count(chr(10)) + 1
            reason = clean(reason.removesuffix(_AT_END))
            raise _file_error(
                name, VplError("plan.syntax_at_end", line=line, reason=reason)
            ) from None
        raise _file_error(name, VplError("plan.said", text=clean(reason))) from None
    except RecursionError:
        raise _file_error(name, VplError("plan.too_deep_line", line=_deep_line(text))) from None
    # The text is kept while validating, so that a refusal can name each problem's line
    # (a region's 30 MB plan is read in parts by `db/bulk.py`, which does not come here).
    return validate_plan(data, name, crs=may_hold_cr(text), text=text)


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


def validate_plan(
    data: dict[str, Any], name: str = "<plan>", *, crs: bool = True, text: str | None = None
) -> Plan:
    """Validate parsed TOML data as a plan (strict: no type coercion).

    `crs=False` says the data's strings hold no CR (see `may_hold_cr`). With the file's
    `text`, each problem names its line as well as its TOML path.
    """
    try:
        return Plan.model_validate(lf_newlines(data) if crs else data, strict=True)
    except ValidationError as error:
        from vpl_tui.model.reasons import problems_of

        raise PlanFileError(problems_of(error, name, text)) from None
    except RecursionError:
        where = toml_path(_deep_path(data))
        raise PlanFileError([PlanProblem(name, None, where, VplError("plan.too_deep"))]) from None


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
