"""A follow-up round as text: the lines `vpl followup` prints, and the words they share.

`words`, `word`, `deadline_line` and `count_line` are the texts the completeness view
(`views/followup_round.py`, key `c`) shows too, so that the app and the command line say
the same. `round_lines` words a round read as plain rows (`db.followup_rows.RoundRows`):
at 100 000 activities thousands of targets, so each gap list and level is worded once,
and nothing is built per row but its lines. What each lacks is the core's
`followup_gaps` (`gap_finder`, the same rule for many targets of one scale). Plan text is cleaned of terminal controls and folded to one line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vpl_tui.rules.assessments import Assessment, Scale, gap_finder
from vpl_tui.rules.periods import Period
from vpl_tui.safetext import clean, one_line
from vpl_tui.strings import Strings

if TYPE_CHECKING:  # a Protocol class costs every start that imports it
    from collections.abc import Iterable, Mapping, Sequence
    from typing import Protocol

    class RowsLike(Protocol):
        """What `vpl_tui.db.followup_rows.RoundRows` offers (see there)."""

        @property
        def targets(self) -> Sequence[tuple[str, bool]]: ...
        @property
        def assessments(self) -> Mapping[str, tuple[str, str, str]]: ...
        @property
        def ready(self) -> frozenset[str]: ...
        @property
        def missing(self) -> Mapping[str, Sequence[tuple[str, str]]]: ...
        @property
        def metrics(self) -> int: ...
        @property
        def notes(self) -> Iterable[tuple[str, str]]: ...


TEXT_WIDTH = 72
"""Analyses, actions, notes and metric names are shown on one line each, cut to this."""


def words(
    scale: Scale, period: Period, assessment: Assessment | None, s: Strings
) -> tuple[str, str]:
    """An assessment as the board reads it: its word for the period, and its symbol."""
    level = None if assessment is None else scale.level(assessment.level)
    if level is None:
        return s("followup.none"), ""
    return level.label(s.lang, forecast=not period.verdict), level.symbol


def word(scale: Scale, period: Period, assessment: Assessment | None, s: Strings) -> str:
    """The word and the symbol, on one line."""
    return " ".join(part for part in words(scale, period, assessment, s) if part)


def deadline_line(period: Period, days: int | None, s: Strings) -> str:
    """ "Deadline 2023-05-15: 12 dagar kvar", "… i dag", "… passerad för 3 dagar sedan"."""
    if period.deadline is None or days is None:
        return s("followup.no_deadline")
    if days > 0:
        return s("followup.deadline_left", date=period.deadline, count=days)
    if days == 0:
        return s("followup.deadline_today", date=period.deadline)
    return s("followup.deadline_passed", date=period.deadline, count=-days)


def count_line(period: Period, done: int, total: int, s: Strings) -> str:
    """ "Uppföljning Tertial 1: 12 av 17 klarmarkerade"."""
    return s("followup.title", period=one_line(period.name), done=done, total=total)


def round_lines(
    rows: RowsLike, period: Period, scale: Scale, days: int | None, s: Strings
) -> list[str]:
    """The completeness list of `period` as `vpl followup` prints it, a line each."""
    gaps_of = gap_finder(scale)
    gap_words: dict[tuple[str, ...], str] = {}
    level_words: dict[str, str] = {}
    none = word(scale, period, None, s)
    analysis_label, actions_label = s("followup.analysis"), s("followup.actions")
    assessments, ready, missing = rows.assessments, rows.ready, rows.missing
    lines: list[str] = []
    add = lines.append
    lacking = done = 0
    for target, is_goal in rows.targets:
        indent = "  " if is_goal else "    "
        found = assessments.get(target)
        is_ready = target in ready
        done += is_ready
        shown = target if target.isprintable() else clean(target)
        if found is None:
            key = gaps_of(None, "", "", is_ready)
        else:
            level, analysis, actions = found
            key = gaps_of(level, analysis, actions, is_ready)
        gaps = gap_words.get(key)
        if gaps is None:
            gaps = ", ".join(s(f"followup.gap.{gap}") for gap in key) or s("followup.complete")
            gap_words[key] = gaps
        if found is None:
            add(f"{indent}{shown}  {none}  – {gaps}")
        else:
            assessed = level_words.get(level)
            if assessed is None:
                assessed = level_words[level] = word(scale, period, Assessment(level), s)
            add(f"{indent}{shown}  {assessed}  – {gaps}")
            if analysis.strip():
                add(f"{indent}    {analysis_label}: {one_line(analysis, TEXT_WIDTH)}")
            if actions.strip():
                add(f"{indent}    {actions_label}: {one_line(actions, TEXT_WIDTH)}")
        metrics = missing.get(target)
        if metrics:
            lacking += len(metrics)
            for ident, name in metrics:
                said = s(
                    "followup.metric_missing", metric=clean(ident), name=one_line(name, TEXT_WIDTH)
                )
                add(f"{indent}    {said}")
    head = [count_line(period, done, len(rows.targets), s), deadline_line(period, days, s)]
    if rows.metrics:
        head.append(s("followup.metrics_missing", lacking=lacking, metrics=rows.metrics))
    head.append("")
    notes = [f"  {clean(ref)}: {one_line(text, TEXT_WIDTH)}" for ref, text in rows.notes]
    if notes:
        notes[:0] = ["", s("followup.notes")]
    return head + lines + notes
