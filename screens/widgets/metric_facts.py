"""A metric's outcome, target and judgement as facts of the detail pane.

The judgement is a word, its trend arrow and a colour, as the board report shows it; a
figure from Kolada says "Källa: Kolada", as Kolada's terms require. Plan text is `plain()`.
"""

from __future__ import annotations

from rich.text import Text

from vpl_tui.rules.outcomes import MetricLine, Outcome
from vpl_tui.screens.safe import plain
from vpl_tui.strings import Strings
from vpl_tui.summary.metrics import KOLADA, judgement_words

COLOURS = {
    "met": "green",
    "improving": "green",
    "unchanged": "yellow",
    "worsening": "red",
    "not_met": "red",
}
"""A judgement's colour; the word and the arrow say the same without it."""


def _outcome(outcome: Outcome) -> Text:
    text = plain(outcome.value)
    if outcome.point:
        text.append(f" ({outcome.point})")
    if outcome.gender != "T":
        text.append(f" {outcome.gender}")
    return text


def judged_facts(line: MetricLine, period: str, s: Strings) -> list[tuple[str, Text]]:
    """(label, value) rows: outcome, previous outcome, source, the judgement for `period`."""
    judged = line.judged
    facts: list[tuple[str, Text]] = []
    if judged.outcome is not None:
        facts.append((s("app.outcome.outcome"), _outcome(judged.outcome)))
        for other in line.split:
            facts.append((s("app.outcome.gender", gender=other.gender), _outcome(other)))
        if judged.outcome.comment:
            facts.append((s("app.outcome.comment_label"), plain(judged.outcome.comment)))
        if judged.previous is not None:
            facts.append((s("app.outcome.previous"), _outcome(judged.previous)))
        if judged.outcome.source and judged.outcome.source != KOLADA:  # Kolada: a line below
            facts.append((s("app.outcome.source"), plain(judged.outcome.source)))
    words = judgement_words(judged.judgement, s)
    facts.append(
        (
            s("app.outcome.judgement", period=plain(period).plain),
            Text(words, style=COLOURS.get(judged.judgement, "")),
        )
    )
    return facts
