"""The follow-up view's parts: the level picker, the suggestion and the history.

Everything typed or read from the plan is shown as `plain()` Text: never parsed as markup,
terminal controls shown as visible escapes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.text import Text
from textual.widget import Widget

from vpl_tui.safetext import one_line
from vpl_tui.screens.safe import plain
from vpl_tui.strings import Strings
from vpl_tui.views.followup import FollowupForm, history_lines, suggestion_sentence

HISTORY_SHOWN = 20
"""The newest history rows shown (`vpl assess` and the plan file have them all)."""
HISTORY_TEXT = 60


class LevelPicker(Widget, can_focus=True):
    """The scale's levels, each with its digit; the one chosen stands out (and is marked ▶)."""

    DEFAULT_CSS = """
    LevelPicker {
        height: auto;
        padding: 0 1;
    }
    LevelPicker:focus {
        background: $boost;
    }
    """

    def __init__(self, form: FollowupForm, strings: Strings, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.form = form
        self.strings = strings

    def render(self) -> Text:
        form, s = self.form, self.strings
        lines = [Text(s("app.followup.level"), style="bold")]
        for digit, level in form.level_choices():
            chosen = level.code == form.level
            mark = "▶" if chosen else " "
            line = Text.assemble(
                f"{mark} {digit}  ", plain(f"{level.symbol} {form.word(level)}"), end=""
            )
            if chosen:
                line.stylize("bold reverse")
            lines.append(line)
        lines.append(Text(s("app.followup.level_hint"), style="italic"))
        return Text("\n").join(lines)


def suggestion_text(form: FollowupForm, s: Strings) -> Text:
    """ "Förslag: 2 av 3 mätetal uppfyllda, … → delvis uppfyllt (Ctrl+G godtar)"."""
    sentence = suggestion_sentence(form.suggestion, form.period, s)
    if form.suggestion is None:
        return plain(sentence)
    return Text.assemble(
        plain(s("app.followup.suggestion", sentence=sentence)),
        " ",
        (s("app.followup.suggestion_key"), "italic"),
    )


def history_text(rows: Sequence[Mapping[str, object]], form: FollowupForm, s: Strings) -> Text:
    """The target's assessments for the period, newest first, one line each."""
    lines = history_lines(rows)
    if not lines:
        return Text(s("app.followup.history_empty"))
    shown = []
    for line in lines[:HISTORY_SHOWN]:
        level = form.scale.level(line.level)
        word = f"{level.symbol} {form.word(level)}" if level is not None else line.level or "-"
        undo = f" ({s('app.followup.history_undo')})" if line.undo else ""
        text = one_line(line.analysis, HISTORY_TEXT)
        when = line.at[:16].replace("T", " ")
        shown.append(plain(f"{when}  {line.user}  {word}{undo}  {text}".rstrip()))
    return Text("\n").join(shown)
