"""A goal's or initiative's assessment as a badge: its symbol and word on the scale's colour.

The scale's common colours are drawn in theme colours (`plan-tree--level-<colour>` in
plan.tcss, readable in every theme, light and dark); a colour of the plan's own is drawn as
given, with black or white text, whichever has the higher contrast on it.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.color import Color, ColorParseError
from rich.style import Style
from rich.text import Text

from vpl_tui.views.followup import Badge


def badge_text(badge: Badge, width: int, style_of: Callable[[str], Style]) -> Text:
    """The badge, padded to `width` so that badges line up, and a space after it.

    Args:
        badge: What to show.
        width: The widest badge text of the scale.
        style_of: The widget's style of a component class (resolved against its background).
    """
    if badge.component == "other":
        style = own_colour(badge.colour)
    else:
        style = style_of(f"plan-tree--level-{badge.component}")
    return Text.assemble(Text(f" {badge.text:<{width}} ", style=style), " ")


def own_colour(colour: str) -> Style:
    """A colour the theme does not have, with black or white text (WCAG's better of the two)."""
    try:
        r, g, b = Color.parse(colour).get_truecolor()
    except ColorParseError:
        return Style(reverse=True)

    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    # Black on it gives (L + 0.05) / 0.05, white 1.05 / (L + 0.05): equal at L ≈ 0.179.
    text = "#000000" if luminance > 0.179 else "#ffffff"
    return Style(color=text, bgcolor=Color.from_rgb(r, g, b))
