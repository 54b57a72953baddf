"""The console examples of README.md and docs/*.md: find them, run them, compare or rewrite them.

A console example is a fenced block whose info string starts with `console`. Each line that
starts with `$ ` is a command; the lines after it, up to the next command or the end of the
block, are what it prints (stdout and stderr together, as in a terminal). The commands of one
file run in order, in one empty folder of their own with one database, so that a `vpl set`
in one example shows in the `vpl history` of the next.

A word may follow `console` in the info string (GitHub does not show it):

- `today=YYYY-MM-DD`: the output shows the wall clock (today's date, the time of a change
  just made) and was made on that day. Before comparing, that day in the page and today
  in the output become `<today>`, and a time of that day (or today) `<time>`. The update
  below writes the word itself, whenever an output shows today's date.

A block of another language with `file=NAME` in its info string (```` ```toml file=plan.toml ````)
is written into the folder as NAME when the examples reach it, so that the page's own text is
what a later `vpl load NAME` reads. The files in docs/examples/ are there from the start.

    VPL_DOCS_UPDATE=1 .venv/bin/python -m pytest tests/test_docs.py

runs every example and writes what the commands printed into the pages, in place.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_FILES = ROOT / "docs" / "examples"
VPL = str(Path(sys.executable).with_name("vpl"))
"""The installed console script, as a user runs it."""
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]

PROGRAMS = {"vpl", "sqlite-utils"}
"""What an example may run: the project's command, and sqlite-utils, which it installs too."""

ENVIRONMENT = {
    "VPL_DB": "plan.db",
    "VPL_USER": "anna",
    "NO_COLOR": "1",
    "TZ": "UTC",
    "COLUMNS": "80",
    "PYTHONIOENCODING": "utf-8",
}
"""The setting every page's introduction states: a database called plan.db, and anna."""

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
TIME_OF_DAY = r"[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}| UTC)?"
TODAY_WORD = re.compile(r"\btoday=(\d{4}-\d{2}-\d{2})\b")
FILE_WORD = re.compile(r"\bfile=(\S+)")


@dataclass
class Command:
    """One `$ ` line of a console block and the output the page shows for it."""

    text: str
    line: int  # 1-based line of the `$ ` line in the page
    expected: list[str] = field(default_factory=list)


@dataclass
class Block:
    """A fenced block: its place in the page (0-based, fences included), info and content."""

    start: int
    end: int
    indent: str
    fence: str
    info: str
    content: list[str]
    commands: list[Command] = field(default_factory=list)

    @property
    def language(self) -> str:
        return self.info.split()[0] if self.info.split() else ""

    @property
    def is_console(self) -> bool:
        return self.language == "console"

    @property
    def today(self) -> str | None:
        found = TODAY_WORD.search(self.info)
        return found.group(1) if found else None

    @property
    def file_name(self) -> str | None:
        found = FILE_WORD.search(self.info)
        return found.group(1) if found else None


def blocks(text: str) -> list[Block]:
    """Every fenced block of a Markdown page, in order, with console blocks split into commands."""
    lines = text.split("\n")
    found: list[Block] = []
    index = 0
    while index < len(lines):
        opening = FENCE.match(lines[index])
        if not opening:
            index += 1
            continue
        indent, fence = opening["indent"], opening["fence"]
        end = index + 1
        while end < len(lines) and not (
            lines[end].strip().startswith(fence) and lines[end].strip().strip(fence[0]) == ""
        ):
            end += 1
        content = [_dedent(line, indent) for line in lines[index + 1 : end]]
        block = Block(index, end, indent, fence, opening["info"].strip(), content)
        if block.is_console:
            block.commands = _commands(block)
        found.append(block)
        index = end + 1
    return found


def _dedent(line: str, indent: str) -> str:
    return line[len(indent) :] if line.startswith(indent) else line.lstrip()


def _commands(block: Block) -> list[Command]:
    commands: list[Command] = []
    for offset, line in enumerate(block.content):
        if line.startswith("$ "):
            commands.append(Command(line[2:], block.start + 2 + offset))
        elif commands:
            commands[-1].expected.append(line)
        elif line.strip():
            raise ValueError(f"line {block.start + 2 + offset}: output before any `$ ` command")
    for command in commands:
        command.expected = _tidy(command.expected)
    return commands


def _tidy(lines: list[str]) -> list[str]:
    """Trailing spaces and trailing blank lines go: editors strip them from a page anyway."""
    tidy = [line.rstrip() for line in lines]
    while tidy and not tidy[-1]:
        tidy.pop()
    return tidy


def program_of(command: str) -> str:
    """The program a command line runs, after any leading `NAME=value` settings."""
    words = shlex.split(command)
    while words and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*=.*", words[0]):
        words.pop(0)
    return words[0] if words else ""


def run(command: str, folder: Path, vpl: str) -> list[str]:
    """Run one command line in a shell in `folder`, as a person would type it; its output."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("VPL_") and key not in {"NO_COLOR", "FORCE_COLOR", "LANG", "LC_ALL"}
    }
    environment.update(ENVIRONMENT)
    environment["PATH"] = os.pathsep.join([str(Path(vpl).parent), environment.get("PATH", "")])
    environment["HOME"] = str(folder / "home")
    environment["XDG_DATA_HOME"] = str(folder / "home" / "data")
    finished = subprocess.run(
        ["/bin/sh", "-c", command],
        cwd=folder,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    return _tidy(finished.stdout.split("\n"))


def days_now() -> set[str]:
    """Today as the commands see it (TZ=UTC) and as this process does."""
    return {date.today().isoformat(), datetime.now(UTC).date().isoformat()}


def shows_clock(lines: list[str]) -> bool:
    """Whether the output shows today: the day, or a time of today (a change just made)."""
    return any(day in line or _stamp(day).search(line) for line in lines for day in days_now())


def _stamp(day: str) -> re.Pattern[str]:
    """A moment of `day` written compactly, as in a backup's name: `20261201T082405Z`."""
    return re.compile(re.escape(day.replace("-", "")) + r"T\d{6}Z")


def normalised(lines: list[str], days: set[str]) -> list[str]:
    """The lines with each of `days` as `<today>`, and with a time of day as `<time>`."""
    patterns = [re.compile(re.escape(day) + f"(?:{TIME_OF_DAY})?") for day in days]
    result = []
    for line in lines:
        for day in days:
            line = _stamp(day).sub("<stamp>", line)
        for pattern in patterns:
            line = pattern.sub(
                lambda found: "<time>" if found.end() - found.start() > 10 else "<today>", line
            )
        result.append(line)
    return result


@dataclass
class Outcome:
    """What running one page's examples found."""

    commands: int = 0
    mismatches: list[str] = field(default_factory=list)
    rewritten: str | None = None


def check_page(page: Path, folder: Path, vpl: str, update: bool = False) -> Outcome:
    """Run every console example of `page` in order in `folder`; compare, or rewrite the page."""
    text = page.read_text(encoding="utf-8")
    lines = text.split("\n")
    outcome = Outcome()
    _prepare(folder, vpl)
    replacements: list[tuple[Block, list[str], str]] = []
    for block in blocks(text):
        if block.file_name and not block.is_console:
            (folder / block.file_name).write_text("\n".join(block.content) + "\n", encoding="utf-8")
        if not block.is_console:
            continue
        outputs = []
        block_differs = False
        for command in block.commands:
            outcome.commands += 1
            where = f"{page.name}:{command.line}"
            if program_of(command.text) not in PROGRAMS:
                outputs.append((command, command.expected))
                outcome.mismatches.append(
                    f"{where}: `{command.text}` runs neither vpl nor sqlite-utils; "
                    "show it in a ```text block instead"
                )
                continue
            actual = run(command.text, folder, vpl)
            outputs.append((command, actual))
            if block.today:
                expected = normalised(command.expected, {block.today})
                got = normalised(actual, days_now())
            else:
                expected, got = command.expected, actual
            unmarked_clock = not block.today and shows_clock(actual)
            if got != expected:
                block_differs = True
                outcome.mismatches.append(_difference(where, command.text, expected, got))
            if unmarked_clock:
                block_differs = True
                outcome.mismatches.append(
                    f"{where}: `{command.text}` shows today's date; mark its block "
                    "```console today=YYYY-MM-DD (VPL_DOCS_UPDATE=1 does it)"
                )
        if update and block_differs:
            # A block that still matches is left as it is, so an update's diff shows only
            # what changed; one that differs is written whole, with today's day if it shows it.
            replacements.append((block, *_rewritten_block(block, outputs)))
    if update:
        for block, new_content, info in reversed(replacements):
            fence_line = f"{block.indent}{block.fence}{info}"
            body = [f"{block.indent}{line}" if line else "" for line in new_content]
            lines[block.start : block.end] = [fence_line, *body]
        outcome.rewritten = "\n".join(lines)
    return outcome


def _prepare(folder: Path, vpl: str) -> None:
    """The example files, and a fresh database holding the bundled plan, made by vpl itself."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "home").mkdir(exist_ok=True)
    if EXAMPLE_FILES.is_dir():
        for example in sorted(EXAMPLE_FILES.iterdir()):
            if example.is_file():
                (folder / example.name).write_bytes(example.read_bytes())
    run("vpl history -n 1 > /dev/null", folder, vpl)


def _rewritten_block(block: Block, outputs: list[tuple[Command, list[str]]]) -> tuple[list, str]:
    content: list[str] = []
    clock = False
    for command, actual in outputs:
        content.append(f"$ {command.text}")
        content.extend(actual)
        clock = clock or shows_clock(actual)
    words = [word for word in block.info.split() if not TODAY_WORD.fullmatch(word)]
    if clock:
        words.append(f"today={sorted(days_now())[0]}")
    return content, " ".join(words)


def _difference(where: str, command: str, expected: list[str], got: list[str]) -> str:
    import difflib

    diff = difflib.unified_diff(expected, got, "in the page", "vpl printed", lineterm="", n=2)
    return f"{where}: `{command}` printed something else:\n" + "\n".join(diff)
