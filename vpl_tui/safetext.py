"""Make text from a plan file safe to show: data, never markup and never terminal control.

Every string that comes from a plan file passes through `clean()` before it is displayed,
printed or put in a one-line error. It replaces control characters (C0, DEL, C1) and the
Unicode format characters that reorder or hide text (bidi overrides, zero-width marks)
with visible escapes such as `\\x1b` or `\\u202e`, so that an ESC, an OSC 52 clipboard
write or a right-to-left override shows as text instead of acting on the terminal.

Markup is the other half: Textual and Rich parse `[...]` in plain strings. Screens build
their labels with `vpl_tui.screens.safe.plain()`, which wraps `clean()` in a Rich `Text`
that is never parsed; this module stays free of Textual so the CLI can use it too.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# Unicode format characters (category Cf) that change how the text around them is shown.
_HIDDEN = "\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff"
_UNSAFE = f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_HIDDEN}\ud800-\udfff]"
_UNSAFE_MULTILINE = f"[\x00-\x09\x0b-\x1f\x7f-\x9f{_HIDDEN}\ud800-\udfff]"


# What JSON and TOML writers leave raw inside strings although a terminal acts on it: DEL,
# the C1 controls (U+009B is a CSI) and the format characters that reorder or hide text.
# Both formats read a \uXXXX escape as the same character, so escaping keeps the data.
_RAW_IN_SERIALISED = f"[\x7f-\x9f{_HIDDEN}]"


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    # Compiled on first use, not on import: the three patterns cost every start of `vpl`
    # two milliseconds, and most commands print only printable text, which never needs them.
    return re.compile(pattern)


def escape_serialised(text: str) -> str:
    """Escape, as `\\uXXXX`, what JSON or TOML output would otherwise carry raw to a terminal.

    For text already serialised by `json.dumps(ensure_ascii=False)` or tomli-w, which
    escape the C0 controls themselves but not DEL, C1 controls or bidi overrides.
    """
    return _compiled(_RAW_IN_SERIALISED).sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def clean(text: str, *, multiline: bool = False) -> str:
    """Return `text` with every control or hidden-format character replaced by a visible escape.

    Args:
        text: Any string, typically from a plan file.
        multiline: Keep line feeds (for a detail pane); otherwise a line feed shows as `\\n`
            too, so that a title stays on one line. Tabs are kept only in multiline text.

    Returns:
        A string that is safe to write to a terminal, with printable text unchanged.
    """
    # Printable text (no category C or Z character but the space) has nothing to escape:
    # one C-speed check instead of a regex substitution, for the thousands of titles in a
    # large plan's summary. (Every character `_UNSAFE` matches is unprintable.)
    if text.isprintable():
        return text
    if multiline:
        return _compiled(_UNSAFE_MULTILINE).sub(_escape, text).replace("\t", "    ")
    text = _compiled(_UNSAFE).sub(_escape, text)
    return text.replace("\n", "\\n").replace("\t", "\\t")


def is_clean(text: str) -> bool:
    """True when `clean(text)` would change nothing (single-line form)."""
    return _compiled(_UNSAFE).search(text) is None and "\n" not in text and "\t" not in text


def one_line(text: str, width: int = 0) -> str:
    """Clean `text`, fold its white space to single spaces and cut it to `width` characters."""
    # The space is the only printable white space: printable text without a double, a
    # leading or a trailing space is folded already.
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        folded = text
    else:
        folded = " ".join(clean(text, multiline=True).split())
    if width and len(folded) > width:
        return folded[: max(width - 1, 0)] + "…"
    return folded


def normalise(text: str) -> str:
    """Case- and accent-insensitive form for search: `Luleå` and `lulea` match."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
