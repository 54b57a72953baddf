"""Output a terminal can show: `å` as `a`, `→` as `->`, never a traceback.

A pipe or terminal whose encoding cannot hold the plan's Swedish or vpl's arrows
(`PYTHONIOENCODING=ascii` or `latin-1`, an old `LANG`) would make printing fail with a
UnicodeEncodeError, and after `vpl set` had committed its change, so the command would
report failure for a change that was made. Standard output and standard error are set,
before any command runs, to write what they cannot encode as its nearest plain form.
"""

from __future__ import annotations

import codecs
import os
import sys
import unicodedata
from typing import TextIO

FALLBACK_ERRORS = "vpl-plain"
"""The codec error handler that writes a character's plain form."""

PLAIN: dict[str, str] = {
    "→": "->",
    "←": "<-",
    "↶": "<-",
    "↑": "^",
    "↓": "v",
    "…": "...",
    "–": "-",
    "—": "--",
    "−": "-",
    "·": ".",
    "•": "*",
    "×": "x",
    "≥": ">=",
    "≤": "<=",
    "≠": "!=",
    "✓": "v",
    "✗": "x",
    "“": '"',
    "”": '"',
    "„": '"',
    "«": '"',
    "»": '"',
    "‘": "'",
    "’": "'",
    "\u00a0": " ",
    "\u202f": " ",
    "\u2009": " ",
    "§": "S",
    "€": "EUR",
}
"""Characters without a letter underneath, and what stands for them."""

PROBE = "å→…↶–"
"""What vpl prints that an encoding must hold to be left as it is."""


def plain_form(char: str) -> str:
    """`å` → `a`, `→` → `->`, `Æ` → `AE`; `?` when nothing plainer is known."""
    if char in PLAIN:
        return PLAIN[char]
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    if base and base.isascii():
        return base
    return {"æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "ß": "ss", "ð": "d", "þ": "th"}.get(char, "?")


def _plain_errors(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = error.object[error.start : error.end]
    replaced = "".join(plain_form(char) for char in text)
    # The plain form must itself be writable (it is ASCII, which every encoding here holds).
    return replaced, error.end


codecs.register_error(FALLBACK_ERRORS, _plain_errors)


def _holds(encoding: str | None) -> bool:
    try:
        PROBE.encode(encoding or "ascii")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def _ascii_search(name: str) -> codecs.CodecInfo | None:
    """ASCII by another name: click re-wraps a stream it sees as ASCII in UTF-8, which an
    ASCII terminal shows as noise; under this name it leaves the stream as it is."""
    if name != "vpl_ascii":
        return None
    ascii_codec = codecs.lookup("ascii")
    return codecs.CodecInfo(
        ascii_codec.encode,
        ascii_codec.decode,
        streamreader=ascii_codec.streamreader,
        streamwriter=ascii_codec.streamwriter,
        incrementalencoder=ascii_codec.incrementalencoder,
        incrementaldecoder=ascii_codec.incrementaldecoder,
        name="vpl-ascii",
    )


codecs.register(_ascii_search)


def plain_when_needed(stream: TextIO) -> None:
    """Make `stream` write plain forms of what its encoding cannot hold (a no-op for UTF-8)."""
    encoding = getattr(stream, "encoding", None)
    reconfigure = getattr(stream, "reconfigure", None)
    if _holds(encoding) or reconfigure is None:
        return
    try:
        if codecs.lookup(encoding or "ascii").name == "ascii":
            reconfigure(encoding="vpl-ascii", errors=FALLBACK_ERRORS)
        else:
            reconfigure(errors=FALLBACK_ERRORS)
    except (ValueError, LookupError, OSError):  # a stream already written to, or odd
        pass


def plain_output_when_needed() -> None:
    """Standard output and standard error, each set to write plain forms when it must."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            plain_when_needed(stream)


def utf8_argument(arg: str) -> str:
    """An argument as typed: under the C locale Python decodes a typed `å` into two
    stand-in characters (surrogate escapes), which no status or ref would match."""
    if arg.isascii():
        return arg
    try:
        return os.fsencode(arg).decode("utf-8")
    except UnicodeDecodeError:
        return arg
