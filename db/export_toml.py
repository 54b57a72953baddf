"""TOML text exactly as tomli-w 1.x writes it (`multiline_strings=True`), three times as fast.

`vpl export` writes a region's plan (100 000 activities, 24 MB) through here. tomli-w
looks at every character of every string in Python; most strings of a plan hold nothing
to escape, which one regular expression search finds out at C speed. Everything else is
tomli-w's own algorithm, step for step: which tables become `[name]` or `[[name]]`
headers and which arrays of tables are short enough to stay inline, the separators, the
escapes. The tests hold this writer to `tomli_w.dumps` on whole plans and on generated
data, so the export stays byte for byte what `vpl_tui.planfile.dumps_plan` writes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

INDENT = "    "
"""tomli-w's default indent for the items of a multi-line array."""
MAX_LINE_LENGTH = 100
"""tomli-w writes an array of tables inline when every table fits on a line this long."""

_ILLEGAL = re.compile('[\x00-\x08\x0a-\x1f\x7f"\\\\]')
"""What a TOML basic string cannot hold raw: C0 controls but tab, DEL, the quote, the backslash."""
_SCALARS = frozenset({str, int, bool, float, date, datetime, Decimal})
"""Types that are never a table (a Mapping) nor an array: always written as literals."""
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_COMPACT_ESCAPES = {
    "\b": "\\b",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
    '"': '\\"',
    "\\": "\\\\",
}


def dumps(table: Mapping[str, Any]) -> str:
    """`tomli_w.dumps(table, multiline_strings=True)`."""
    writer = _Writer()
    writer.table(table, name="")
    return writer.text()


class _Writer:
    def __init__(self) -> None:
        self.out: list[str] = []
        self.done: list[str] = []
        """Parts of the text already joined: a region's plan is a million lines, and a
        list of a million strings holds three times the memory of their text."""
        # Inline renderings by object, as tomli-w keeps them: an array of tables is
        # rendered to see whether it fits inline, and then written from that rendering.
        # Keyed by id(), which is safe because the whole document lives until the end.
        self.inline_tables: dict[int, str] = {}
        self.keys: dict[str, str] = {}

    def text(self) -> str:
        self.done.append("".join(self.out))
        self.out.clear()
        return "".join(self.done)

    def table(self, table: Mapping[str, Any], *, name: str, inside_aot: bool = False) -> None:
        """tomli-w's `gen_table_chunks`: the table's literals, then its sub-tables."""
        out = self.out
        if len(out) > 10_000:
            self.done.append("".join(out))
            out.clear()
        yielded = False
        literals: list[tuple[str, Any]] = []
        tables: list[tuple[str, Any, bool]] = []
        for key, value in table.items():
            kind = type(value)
            if kind in _SCALARS:  # most values: spares the slow isinstance of an ABC
                literals.append((key, value))
            elif kind is dict or isinstance(value, Mapping):
                tables.append((key, value, False))
            elif _is_array_of_tables(value) and not all(map(self.fits_inline, value)):
                tables.extend((key, item, True) for item in value)
            else:
                literals.append((key, value))
        if inside_aot or (name and (literals or not tables)):
            yielded = True
            out.append(f"[[{name}]]\n" if inside_aot else f"[{name}]\n")
        if literals:
            yielded = True
            key_part, literal = self.key_part, self.literal
            for key, value in literals:
                out.append(f"{key_part(key)} = {literal(value)}\n")
        for key, value, in_aot in tables:
            if yielded:
                out.append("\n")
            else:
                yielded = True
            part = self.key_part(key)
            self.table(value, name=f"{name}.{part}" if name else part, inside_aot=in_aot)

    def key_part(self, key: str) -> str:
        known = self.keys.get(key)
        if known is None:
            known = self.keys[key] = key_part(key)
        return known

    def literal(self, value: Any, nest_level: int = 0) -> str:
        """tomli-w's `format_literal`."""
        kind = type(value)
        # The common kinds first, by exact type: what tomli-w decides for them.
        if kind is str:
            return string(value, multiline=True)
        if kind is date or kind is int:
            return str(value)
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, (int, float, date, datetime)):
            return str(value)
        if isinstance(value, time):
            if value.tzinfo:
                raise ValueError("TOML does not support offset times")
            return str(value)
        if isinstance(value, str):
            return string(value, multiline=True)
        if isinstance(value, (list, tuple)):
            return self.inline_array(value, nest_level)
        if isinstance(value, Mapping):
            return self.inline_table(value)
        if isinstance(value, Decimal):
            return _decimal(value)
        raise TypeError(f"Object of type '{type(value).__qualname__}' is not TOML serializable")

    def inline_table(self, table: Mapping[str, Any]) -> str:
        known = self.inline_tables.get(id(table))
        if known is not None:
            return known
        if not table:
            rendered = "{}"
        else:
            key_part, literal = self.key_part, self.literal
            pairs = ", ".join(f"{key_part(k)} = {literal(v)}" for k, v in table.items())
            rendered = f"{{ {pairs} }}"
        self.inline_tables[id(table)] = rendered
        return rendered

    def inline_array(self, items: list[Any] | tuple[Any, ...], nest_level: int) -> str:
        if not items:
            return "[]"
        indent = INDENT * (1 + nest_level)
        lines = ",\n".join(indent + self.literal(item, nest_level + 1) for item in items)
        return f"[\n{lines},\n{INDENT * nest_level}]"

    def fits_inline(self, table: Mapping[str, Any]) -> bool:
        """tomli-w's `is_suitable_inline_table`."""
        rendered = f"{INDENT}{self.inline_table(table)},"
        return len(rendered) <= MAX_LINE_LENGTH and "\n" not in rendered


def _is_array_of_tables(value: Any) -> bool:
    if type(value) is not list and not isinstance(value, (list, tuple)):
        return False
    return bool(value) and all(type(item) is dict or isinstance(item, Mapping) for item in value)


def key_part(key: str) -> str:
    """A key, bare when it can be."""
    if not isinstance(key, str):
        raise TypeError(f"Invalid mapping key '{key}' of type '{type(key).__qualname__}'.")
    if _BARE_KEY.fullmatch(key):
        return key
    return string(key, multiline=False)


def string(text: str, *, multiline: bool) -> str:
    """tomli-w's `format_string`: a basic string, multi-line when it holds a line feed."""
    if _ILLEGAL.search(text) is None:
        return f'"{text}"'  # nothing to escape: no line feed either, so one line
    if multiline and "\n" in text:
        text = text.replace("\r\n", "\n")
        return '"""\n' + _ILLEGAL.sub(_multiline_escape, text) + '"""'
    return '"' + _ILLEGAL.sub(_escape, text) + '"'


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _COMPACT_ESCAPES.get(char) or f"\\u{ord(char):04x}"


def _multiline_escape(match: re.Match[str]) -> str:
    char = match.group()
    return "\n" if char == "\n" else _escape(match)


def _decimal(value: Decimal) -> str:
    if value.is_nan():
        return "nan"
    if value.is_infinite():
        return "-inf" if value.is_signed() else "inf"
    text = str(value).lower()
    return text if "." in text or "e" in text else text + ".0"
