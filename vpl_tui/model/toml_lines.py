"""Where a TOML path is in a plan file's text: `goals[3].activities[2].end` → line 412.

A validation error names a place in the parsed data; a person editing the file needs
its line. This is a small index of the text, not a TOML parser: it follows the table
headers (`[plan]`, `[[goals]]`, `[[goals.initiatives.activities]]`) and the keys at the
start of a line, counting each array of tables as it grows, and skips multi-line
strings. A place it cannot see (an element of an inline array, a key that is missing)
is given the line of the nearest thing above it that it can: the key, or its table.
It is built only when a file has been refused, so a good file pays nothing for it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

Path = tuple[int | str, ...]

_HEADER = re.compile(r"^\s*(\[\[?)\s*(?P<keys>[^\]]*?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(
    r"^\s*(?P<keys>(?:[A-Za-z0-9_-]+|\"(?:[^\"\\]|\\.)*\"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|\"(?:[^\"\\]|\\.)*\"|'[^']*'))*)\s*="
)
_PART = re.compile(r"[A-Za-z0-9_-]+|\"(?:[^\"\\]|\\.)*\"|'[^']*'")


def _keys(text: str) -> list[str]:
    """The parts of a dotted key: `goals."a b".x` → ['goals', 'a b', 'x']."""
    parts = []
    for match in _PART.finditer(text):
        part = match.group()
        if part[0] == '"':
            part = part[1:-1].encode("utf-8").decode("unicode_escape", errors="replace")
        elif part[0] == "'":
            part = part[1:-1]
        parts.append(part)
    return parts


class TomlLines:
    """The line (from 1) of every table and key of a TOML text that a plan file uses."""

    def __init__(self, text: str) -> None:
        self.lines: dict[Path, int] = {}
        counts: dict[Path, int] = {}  # each array of tables: how many elements so far
        table: Path = ()
        open_string: str | None = None  # the quotes of a multi-line string being read
        for number, line in enumerate(text.split("\n"), start=1):
            if open_string is not None:
                if line.count(open_string) % 2 == 1:
                    open_string = None
                continue
            header = _HEADER.match(line) if line.lstrip().startswith("[") else None
            if header:
                table = self._header(header, counts)
                self.lines.setdefault(table, number)
                continue
            key = _KEY.match(line)
            if key:
                path = (*table, *_keys(key["keys"]))
                self.lines.setdefault(path, number)
                rest = line[key.end() :]
                for quotes in ('"""', "'''"):
                    if rest.count(quotes) % 2 == 1:
                        open_string = quotes
                        break

    def _header(self, header: re.Match[str], counts: dict[Path, int]) -> Path:
        keys = _keys(header["keys"])
        resolved: list[int | str] = []
        for position, key in enumerate(keys):
            resolved.append(key)
            here = tuple(resolved)
            last = position == len(keys) - 1
            if last and header.group(1) == "[[":
                index = counts.get(here, 0)
                counts[here] = index + 1
                resolved.append(index)
            elif here in counts:  # an array of tables on the way: its latest element
                resolved.append(counts[here] - 1)
        return tuple(resolved)

    def line_of(self, path: Sequence[int | str]) -> int | None:
        """The line of `path`, or of the nearest table or key above it; None if none is."""
        for length in range(len(path), 0, -1):
            line = self.lines.get(tuple(path[:length]))
            if line is not None:
                return line
        return None


_PATH_PART = re.compile(r"\[(\d+)\]|\.?(\"(?:[^\"\\]|\\.)*\"|[^.\[\]]+)")


def parse_path(text: str) -> Path:
    """`goals[2].activities[0].end` → ('goals', 2, 'activities', 0, 'end')."""
    parts: list[int | str] = []
    for match in _PATH_PART.finditer(text):
        if match.group(1) is not None:
            parts.append(int(match.group(1)))
        else:
            key = match.group(2)
            parts.append(key[1:-1] if key.startswith('"') else key)
    return tuple(parts)
