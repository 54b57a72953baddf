"""Errors a person can act on: each renders as one line through the string catalog.

Layers below the interface (the store, the plan file reader) raise these with a catalog
key and the values to fill in, so that the CLI and the app can show them in the user's
language without knowing where they came from.
"""

from __future__ import annotations

import errno
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from vpl_tui.strings import Strings


class VplError(Exception):
    """An error with a message from the catalog; `str()` gives the English text.

    A value may itself be a `VplError` (the operating system's reason inside "cannot
    write FILE: ..."): it is rendered in the same language.
    """

    def __init__(self, key: str, **values: object) -> None:
        self.key = key
        self.values = values
        super().__init__(key)

    def render(self, strings: Strings) -> str:
        """The one-line message in the language of `strings`."""
        values = {
            name: value.render(strings) if isinstance(value, VplError) else value
            for name, value in self.values.items()
        }
        return strings(self.key, **values)

    def __str__(self) -> str:
        from vpl_tui.strings import Strings

        return self.render(Strings("en"))


OS_REASONS = frozenset(
    {"ENOENT", "EACCES", "EPERM", "EISDIR", "ENOTDIR", "ENOSPC", "EROFS", "EEXIST", "EDQUOT"}
    | {"ENAMETOOLONG", "ELOOP", "EBUSY", "EMFILE", "EIO", "ETXTBSY", "EXDEV"}
)
"""The errnos the catalog words itself (`os.ENOENT`...); others show the system's text."""


def os_reason(error: OSError) -> VplError:
    """What the operating system said, in the interface's language: `no such file`.

    The system's own text (strerror) follows the C library's locale, English on most
    machines; the common errnos are worded by the catalog instead, the rest as said.
    """
    from vpl_tui.safetext import clean

    name = errno.errorcode.get(error.errno or -1)
    if name in OS_REASONS:
        return VplError(f"os.{name}")
    return VplError("os.other", reason=clean(error.strerror or str(error)))


class PlanProblem(NamedTuple):
    """One problem of a plan file: the file, its line (when known), the TOML path, the reason.

    Rendered `plan.toml:412: goals[3].activities[2].end: reason`; without a line
    `plan.toml: goals[3]...`, and without a path `plan.toml: reason`.
    """

    file: str
    line: int | None
    where: str | None
    """The TOML path; "" is the top level, None a problem of the whole file."""
    reason: VplError

    def render(self, strings: Strings) -> str:
        head = self.file if self.line is None else f"{self.file}:{self.line}"
        reason = self.reason.render(strings)
        if self.where is None:
            return f"{head}: {reason}"
        return f"{head}: {self.where or strings('plan.top_level')}: {reason}"


class PlanFileError(Exception):
    """A plan file that cannot be used, with one line per problem.

    Raised by `vpl_tui.planfile` (and re-exported there); it lives here so that the CLI
    can catch it without importing the plan file reader and pydantic with it. `problems`
    holds the lines in English; `render` gives them in the interface's language.
    """

    def __init__(self, problems: Sequence[str | PlanProblem]) -> None:
        self.items = [
            item if isinstance(item, PlanProblem) else _as_problem(item) for item in problems
        ]
        from vpl_tui.strings import Strings

        self.problems = self.render(Strings("en"))
        super().__init__("\n".join(self.problems))

    def render(self, strings: Strings) -> list[str]:
        """The problems' lines in the language of `strings`."""
        return [item.render(strings) for item in self.items]


def _as_problem(line: str) -> PlanProblem:
    """A line already worded (by code that gives no catalog key): shown as it is."""
    file, _, rest = line.partition(": ")
    return PlanProblem(file, None, None, VplError("plan.said", text=rest))
