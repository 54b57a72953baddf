"""How text output asks for colour without knowing how a terminal makes it.

The core's renderers (the summary, `vpl budget`) name what a span of text is, its role,
and pass it through a `Style`; the CLI passes one made with click (`click.style`), the
tests and every other caller get the text as it is. The roles:

- `heading`: a title or a section heading;
- `overdue`: the count of activities past their end date, when there are any;
- `status.<code>`: a status label (`status.done`, `status.delayed`, ...);
- `check.<status>`: a budget check's line (`check.pass`, `check.fail`, `check.unchecked`,
  `check.rounding`).
"""

from __future__ import annotations

from collections.abc import Callable

Style = Callable[[str, str], str]
"""`style(text, role)`: the text, coloured for its role (or as it is)."""


def plain(text: str, role: str) -> str:
    """No colour: the text as it is, whatever its role."""
    return text
