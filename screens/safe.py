"""The one helper that makes plan text safe to display in Textual.

Textual parses plain strings as markup in Tree, DataTable, Static, Label, notify() and the
command palette: a title holding `[/]` crashes the app and `[@click=app.quit]` runs an
action. Rich `Text` objects are never parsed, and `clean()` turns control characters (ESC,
OSC 52, NUL, bidi overrides) into visible escapes, so the terminal only ever receives
printable text. Build every label that contains plan text with `plain()`.
"""

from __future__ import annotations

from rich.text import Text

from vpl_tui.safetext import clean


def plain(text: str, style: str = "", *, multiline: bool = False) -> Text:
    """Plan text as a Rich `Text`: shown literally, never parsed as markup.

    Args:
        text: Any string from a plan file (or built from one).
        style: An optional Rich style for the whole text.
        multiline: Keep line breaks (detail panes); titles stay on one line.
    """
    return Text(clean(text, multiline=multiline), style=style, end="")


def join(*parts: Text | str, separator: str = "") -> Text:
    """Join safe parts into one `Text`; plain `str` parts are treated as plan text too."""
    pieces = [part if isinstance(part, Text) else plain(part) for part in parts]
    return Text(separator).join(pieces)
