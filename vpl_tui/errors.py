"""Errors a person can act on: each renders as one line through the string catalog.

Layers below the interface (the store, the plan file reader) raise these with a catalog
key and the values to fill in, so that the CLI and the app can show them in the user's
language without knowing where they came from.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vpl_tui.strings import Strings


class VplError(Exception):
    """An error with a message from the catalog; `str()` gives the English text."""

    def __init__(self, key: str, **values: object) -> None:
        self.key = key
        self.values = values
        super().__init__(key)

    def render(self, strings: Strings) -> str:
        """The one-line message in the language of `strings`."""
        return strings(self.key, **self.values)

    def __str__(self) -> str:
        from vpl_tui.strings import Strings

        return self.render(Strings("en"))


class PlanFileError(Exception):
    """A plan file that cannot be used, with one line per problem.

    Raised by `vpl_tui.planfile` (and re-exported there); it lives here so that the CLI
    can catch it without importing the plan file reader and pydantic with it.
    """

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = list(problems)
