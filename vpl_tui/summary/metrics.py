"""The metrics in the summary, and in `vpl metrics`: outcome, target and judgement.

Each metric is shown with its outcome for the period (and the one before, which "Öka" and
"Minska" are judged against), its target for the period's year, and the judgement as a
word and a trend arrow; a figure from Kolada says "Källa: Kolada", as Kolada's terms
require. Plan text is cleaned (text) or escaped (Markdown, HTML) by the caller's rule.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from vpl_tui.rules.outcomes import MetricLine, Outcome
from vpl_tui.rules.targets import TREND
from vpl_tui.safetext import clean, one_line
from vpl_tui.strings import Strings

KOLADA = "Kolada"
NAME_WIDTH = 48
"""A metric's name is cut to this many characters on its line (text)."""
UNJUDGED = ("not_judgeable", "no_outcome")


def judgement_words(judgement: str, s: Strings) -> str:
    """A judgement as a word with its trend arrow: `förbättras ↑`."""
    arrow = TREND.get(judgement)
    word = s(f"metrics.judgement.{judgement}")
    return f"{word} {arrow}" if arrow else word


def counted(lines: Sequence[MetricLine]) -> tuple[int, int]:
    """(met or improving, judged): the count the title gives."""
    judged = [line for line in lines if line.judged.judgement not in UNJUDGED]
    return sum(line.judged.judgement in ("met", "improving") for line in judged), len(judged)


def shown(outcome: Outcome, escape: Callable[[str], str] = clean) -> str:
    """An outcome with where it stands: `44 418 (2021)`, `45 000 (t1)`; one published
    without a year as it is."""
    value = one_line(outcome.value, 60)
    if escape is not clean:  # `one_line`'s text is clean already
        value = escape(value)
    point = outcome.point  # a property: read once
    return f"{value} ({escape(point)})" if point else value


def from_kolada(line: MetricLine) -> bool:
    return line.judged.outcome is not None and line.judged.outcome.source == KOLADA


def parts(
    line: MetricLine,
    s: Strings,
    escape: Callable[[str], str] = clean,
    words: dict[Any, str] | None = None,
) -> str:
    """Outcome, previous outcome, target, judgement and source, each a short text, with
    ` · ` between: a metric's second line.

    `words`: the catalog's words looked up once (`labels`), for many lines. What follows
    the outcomes (target, judgement, source) repeats from line to line ("mål Öka ·
    förbättras ↑ · Källa: Kolada"): each is worded once and kept there for the next
    line, so one `words` serves one `escape`."""
    w = words or labels(s)
    outcome, previous, target, judgement = line.judged
    kolada = outcome is not None and outcome.source == KOLADA  # `from_kolada`
    key = (target, judgement, kolada)
    rest = w.get(key)
    if rest is None:
        said = [f"{w['target']} {escape(one_line(target))}" if target else w["no_target"]]
        said.append(w[judgement])
        if kolada:
            said.append(w["kolada"])
        rest = w[key] = " · ".join(said)
    if outcome is None:
        return rest
    if previous is None:
        return f"{w['outcome']} {shown(outcome, escape)} · {rest}"
    return (
        f"{w['outcome']} {shown(outcome, escape)} · "
        f"{w['previous']} {shown(previous, escape)} · {rest}"
    )


def labels(s: Strings) -> dict[Any, str]:
    """The words `parts` uses, in `s`' language."""
    from vpl_tui.rules.targets import JUDGEMENTS

    words: dict[Any, str] = {
        key: s(f"metrics.{key}") for key in ("outcome", "previous", "target", "no_target")
    }
    words["kolada"] = s("metrics.source_kolada")
    words.update({j: judgement_words(j, s) for j in JUDGEMENTS})
    return words


def metric_text(
    lines: Sequence[MetricLine], period: str, end: object, s: Strings, width: int = 0
) -> list[str]:
    """A title with the count, then each metric on two lines: id and name, then the rest.

    `width`: the room there is (a terminal's or a pane's columns); 0 for a pipe or a file,
    where only the names are cut (to `NAME_WIDTH`)."""
    if not lines:
        return [s("metrics.none")]
    met, judged = counted(lines)
    title = s("metrics.title", period=one_line(period), end=end, met=met, judged=judged)
    out = [one_line(title, width), ""]
    words = labels(s)
    add = out.append
    for line in lines:
        metric = line.metric
        ident = clean(metric.id)
        room = max(width - 4 - len(ident), 10) if width else NAME_WIDTH
        add(f"  {ident}  {one_line(metric.name, room)}")
        rest = parts(line, s, clean, words)
        add(f"      {one_line(rest, max(width - 6, 10)) if width else rest}")
    return out


def metric_markdown(lines: Sequence[MetricLine], s: Strings, e: Callable[[str], str]) -> list[str]:
    """A table: metric, outcome, target, judgement (Markdown, escaped by `e`)."""
    if not lines:
        return []
    out = [
        f"| {s('summary.metric')} | {s('metrics.outcome')} | {s('metrics.target')} "
        f"| {s('metrics.judgement_heading')} |",
        "|---|---|---|---|",
    ]
    for line in lines:
        judged = line.judged
        outcome = shown(judged.outcome, e) if judged.outcome is not None else "–"
        if from_kolada(line):
            outcome += f" ({s('metrics.source_kolada')})"
        target = e(one_line(judged.target)) if judged.target else "–"
        name = f"{e(line.metric.id)} {e(one_line(line.metric.name))}"
        out.append(f"| {name} | {outcome} | {target} | {judgement_words(judged.judgement, s)} |")
    return out


def metric_html(lines: Sequence[MetricLine], s: Strings, h: Callable[[str], str]) -> str:
    """A table: goal, metric, outcome, target, judgement (HTML, escaped by `h`)."""
    if not lines:
        return ""
    rows = []
    for line in lines:
        judged = line.judged
        outcome = shown(judged.outcome, h) if judged.outcome is not None else "–"
        if from_kolada(line):
            outcome += f"<br><span class='note'>{h(s('metrics.source_kolada'))}</span>"
        rows.append(
            f"<tr><td class='nowrap'>{h(line.metric.owner)}</td><td>{h(line.metric.name)}</td>"
            f"<td>{outcome}</td><td>{h(judged.target or '–')}</td>"
            f"<td class='nowrap'>{h(judgement_words(judged.judgement, s))}</td></tr>"
        )
    return (
        f"<h2>{h(s('summary.metrics'))}</h2><table><thead><tr>"
        f"<th class='nowrap'>{h(s('summary.goal'))}</th><th>{h(s('summary.metric'))}</th>"
        f"<th>{h(s('metrics.outcome'))}</th><th>{h(s('metrics.target'))}</th>"
        f"<th class='nowrap'>{h(s('metrics.judgement_heading'))}</th>"
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
