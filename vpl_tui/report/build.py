"""`build_report`: one period's follow-up for the board, as a `Document`, in the plan's order.

The contents, as issue 16 lists them:

1. the title block: organisation, plan, period, whether the assessments are a forecast or
   the year's verdict, made on and by, and which moment the figures show (the period's end,
   or the last time the follow-up was marked ready);
2. the summary: how many goals and initiatives are at each assessment level ("3 av 5 mål
   bedöms uppfyllas"), the activities by status at the period's end, the metrics by
   judgement — all counted from the same tree the sections below show, so they agree;
3. the changes since the previous period: assessments that moved, activities finished or
   delayed;
4. per focus list, per goal and per initiative: the assessment as a word and a symbol, the
   analysis, the actions, the metrics table and the activities table (`sections.py`);
5. the economy: the budget reconciliation's findings and the follow-up table.

Nothing is invented: a missing assessment reads "Ej bedömd", a missing outcome "Utfall
saknas", missing actions where the scale requires them "Åtgärder saknas".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime
from itertools import chain
from operator import attrgetter

from vpl_tui.budget import SIGNS
from vpl_tui.numbers import format_amount
from vpl_tui.report.data import (
    ActivityRow,
    Economy,
    Freeze,
    GoalData,
    MetricRow,
    ReportData,
)
from vpl_tui.report.document import (
    Badge,
    Block,
    BulletList,
    Cell,
    Column,
    Document,
    Fact,
    Heading,
    Paragraph,
    Table,
)
from vpl_tui.report.rows import OverdueOn, TextRows
from vpl_tui.report.sections import ActivityCells, badge_cell, group_blocks, level_badge
from vpl_tui.report.words import Subject, level_sentence, sentence, word
from vpl_tui.rules.assessments import DEFAULT_SCALE, Level, Scale
from vpl_tui.rules.economy import comment_required
from vpl_tui.rules.statuses import STATUSES
from vpl_tui.rules.targets import JUDGEMENTS
from vpl_tui.strings import Strings

_STATUS = attrgetter("status")
_END = attrgetter("end")
_NOT_ASSESSED = "not_assessed"
"""The sentence for goals and initiatives without an assessment, when the scale has no
unassessed level of its own."""


def build_report(data: ReportData, lang: str = "sv") -> Document:
    """The report for `data.period` in `lang` ("sv" or "en")."""
    forecast = not data.period.verdict
    blocks: list[Block] = []
    blocks += _summary(data, lang, forecast)
    blocks += _changes(data, lang, forecast)
    titled = any(group.title is not None for group in data.groups)
    cells = ActivityCells(lang, data.period.end)
    for group in data.groups:
        blocks += group_blocks(group, data, lang, forecast, titled=titled, cells=cells)
    blocks += _economy(data.economy, lang)
    return Document(
        lang=lang,
        title=data.plan_title,
        subtitle=f"{word(lang, 'report.followup')} – {data.period.name}",
        facts=_facts(data, lang, forecast),
        blocks=tuple(blocks),
    )


# -- title block ----------------------------------------------------------------------------------


def _when(moment: date | datetime) -> str:
    """A day as `2023-04-30`, a moment as `2023-05-09 14:30` (to the minute)."""
    if isinstance(moment, datetime):
        return moment.strftime("%Y-%m-%d %H:%M")
    return moment.isoformat()


def freeze_sentence(freeze: Freeze, lang: str) -> str:
    """Which moment the figures show, in words."""
    return word(lang, f"report.freeze.{freeze.kind}", when=_when(freeze.at))


def _facts(data: ReportData, lang: str, forecast: bool) -> tuple[Fact, ...]:
    organisation = ", ".join(p for p in (data.organisation, data.municipality) if p)
    period = word(
        lang, "report.period_value", name=data.period.name, end=data.period.end.isoformat()
    )
    kind = word(lang, "report.kind.forecast" if forecast else "report.kind.verdict")
    facts = [
        Fact(word(lang, "report.organisation"), organisation),
        Fact(word(lang, "report.plan"), data.plan_title),
        Fact(word(lang, "report.period"), period),
        Fact(word(lang, "report.kind"), kind),
        Fact(word(lang, "report.made_on"), data.made_on.isoformat()),
        Fact(word(lang, "report.made_by"), data.made_by),
        Fact(word(lang, "report.basis"), freeze_sentence(data.freeze, lang)),
    ]
    return tuple(fact for fact in facts if fact.value)


# -- summary --------------------------------------------------------------------------------------


def unique_goals(data: ReportData) -> list[GoalData]:
    """Every goal once, in the plan's order (a goal may carry out more than one focus list)."""
    seen: dict[str, GoalData] = {}
    for group in data.groups:
        for goal in group.goals:
            seen.setdefault(goal.number, goal)
    return list(seen.values())


def all_activities(goals: list[GoalData]) -> Iterator[ActivityRow]:
    """Every activity of `goals`: a goal's own, then its initiatives' (chained at C speed)."""
    return chain.from_iterable(
        owner.activities for goal in goals for owner in (goal, *goal.initiatives)
    )


def all_metrics(goals: list[GoalData]) -> Iterator[MetricRow]:
    for goal in goals:
        yield from goal.metrics
        for initiative in goal.initiatives:
            yield from initiative.metrics


def level_counts(scale: Scale, assessed: list[Level | None]) -> list[tuple[Level | None, int]]:
    """How many are at each level of the scale, best first. None (no assessment) counts at
    the scale's unassessed level, or last, as `(None, n)`, when the scale has none."""
    unassessed = next((level for level in scale.levels if not level.assessed), None)
    tally: dict[str | None, int] = {}
    for level in assessed:
        if level is not None and scale.level(level.code) is not None:
            code: str | None = level.code
        else:
            code = unassessed.code if unassessed is not None else None
        tally[code] = tally.get(code, 0) + 1
    rows: list[tuple[Level | None, int]] = [(lv, tally.get(lv.code, 0)) for lv in scale.levels]
    if unassessed is None:
        rows.append((None, tally.get(None, 0)))
    return rows


def level_sentences(
    scale: Scale, subject: Subject, assessed: list[Level | None], lang: str, forecast: bool
) -> list[str]:
    """The summary's sentences for `assessed`, one per level that has any."""
    total = len(assessed)
    lines = []
    for level, n in level_counts(scale, assessed):
        if not n:
            continue
        if level is None:
            lines.append(sentence(lang, subject, "forecast", _NOT_ASSESSED, n, total))
            continue
        # The hand-written sentence only where the level is the default scale's own.
        code = level.code if DEFAULT_SCALE.level(level.code) == level else f"custom:{level.code}"
        label = level.label(lang, forecast=forecast)
        lines.append(level_sentence(lang, subject, code, n, total, forecast=forecast, label=label))
    return lines


def _summary(data: ReportData, lang: str, forecast: bool) -> list[Block]:
    goals = unique_goals(data)
    initiatives = [i for goal in goals for i in goal.initiatives]
    activities = list(all_activities(goals))
    metrics = list(all_metrics(goals))
    blocks: list[Block] = [
        Heading(1, word(lang, "report.summary")),
        Paragraph(word(lang, "report.summary.forecast" if forecast else "report.summary.verdict")),
    ]

    def part(title_key: str, lines: list[str]) -> None:
        blocks.append(Paragraph(word(lang, title_key), emphasis="bold"))
        blocks.append(BulletList(tuple(lines) or (word(lang, "report.summary.none"),)))

    scale = data.scale
    part(
        "report.summary.goals",
        level_sentences(scale, "goal", [g.assessment for g in goals], lang, forecast),
    )
    if initiatives:
        assessed = [i.assessment for i in initiatives]
        part(
            "report.summary.initiatives",
            level_sentences(scale, "initiative", assessed, lang, forecast),
        )
    lines = []
    # Counted at C speed over a region's hundred thousand activities: one pass for the
    # statuses (not one per status) and the overdue ones by the one rule.
    statuses = list(map(_STATUS, activities))
    by_status = Counter(statuses)
    for status in STATUSES:
        n = by_status[status]
        if n:
            lines.append(sentence(lang, "activity", "status", status, n, len(activities)))
    judged = OverdueOn(data.period.end)
    overdue = sum(map(judged.__getitem__, zip(map(_END, activities), statuses, strict=True)))
    if overdue:
        lines.append(word(lang, "report.summary.overdue", count=overdue, total=len(activities)))
    part("report.summary.activities", lines)
    lines = []
    by_judgement = Counter(m.judgement for m in metrics)
    for judgement in JUDGEMENTS:
        n = by_judgement[judgement]
        if n:
            lines.append(sentence(lang, "metric", "judgement", judgement, n, len(metrics)))
    part("report.summary.metrics", lines)
    return blocks


# -- changes since the previous period ------------------------------------------------------------


def _changes(data: ReportData, lang: str, forecast: bool) -> list[Block]:
    changes = data.changes
    if changes is None:
        return [
            Heading(1, word(lang, "report.changes.title_first")),
            Paragraph(word(lang, "report.changes.first")),
        ]
    blocks: list[Block] = [Heading(1, word(lang, "report.changes", period=changes.previous.name))]
    if changes.moved:
        # The previous assessment was made in a forecast period unless it was the verdict.
        before_forecast = not changes.previous.verdict
        columns = (
            Column(word(lang, "report.subject"), weight=5),
            Column(word(lang, "report.previous_assessment"), weight=3, nowrap=True),
            Column(word(lang, "report.current_assessment"), weight=3, nowrap=True),
        )
        rows = tuple(
            (
                Cell(move.subject),
                badge_cell(level_badge(move.before, data.scale, lang, before_forecast)),
                badge_cell(level_badge(move.after, data.scale, lang, forecast)),
            )
            for move in changes.moved
        )
        blocks.append(Table(columns, rows, caption=word(lang, "report.changes.moved")))
    else:
        blocks.append(Paragraph(word(lang, "report.changes.none_moved")))
    for key, moved in (("finished", changes.finished), ("delayed", changes.delayed)):
        if not moved:
            blocks.append(Paragraph(word(lang, f"report.changes.none_{key}")))
            continue
        columns = (
            Column(word(lang, "report.ref"), weight=2.2, nowrap=True),
            Column(word(lang, "report.activity"), weight=7),
            Column(word(lang, "report.end"), weight=2.6, nowrap=True),
        )
        days = {end: end.isoformat() for end in set(map(_END, moved))}  # a few hundred
        rows = TextRows([(a.ref, a.title, days[a.end]) for a in moved])
        blocks.append(Table(columns, rows, caption=word(lang, f"report.changes.{key}")))
    return blocks


# -- economy --------------------------------------------------------------------------------------

_CHECK_COLOURS = {"pass": "green", "fail": "red", "unchecked": "yellow", "rounding": "blue"}


def _economy(economy: Economy | None, lang: str) -> list[Block]:
    blocks: list[Block] = [Heading(1, word(lang, "report.economy"))]
    if economy is None:
        return [*blocks, Paragraph(word(lang, "report.no_economy"))]
    strings = Strings("en" if lang == "en" else "sv")
    if economy.findings:
        columns = (
            Column(word(lang, "report.status"), weight=2.2, nowrap=True),
            Column(word(lang, "report.economy.findings"), weight=7),
        )
        rows = tuple(
            (
                badge_cell(
                    Badge(
                        SIGNS[f.status],
                        strings(f"budget.status.{f.status}"),
                        _CHECK_COLOURS[f.status],
                    )
                ),
                Cell(f.text),
            )
            for f in economy.findings
        )
        blocks.append(Table(columns, rows, caption=word(lang, "report.economy.findings")))
    else:
        blocks.append(Paragraph(word(lang, "report.economy.no_findings")))
    if economy.rows:
        blocks += _followup_table(economy, lang)
    return blocks


def _followup_table(economy: Economy, lang: str) -> list[Block]:
    missing = word(lang, "report.economy.missing")
    columns = (
        Column(word(lang, "report.economy.unit"), weight=2.6),
        Column(word(lang, "report.economy.budget"), "right", 1.6, nowrap=True),
        Column(word(lang, "report.economy.outcome"), "right", 1.6, nowrap=True),
        Column(word(lang, "report.economy.forecast"), "right", 1.6, nowrap=True),
        Column(word(lang, "report.economy.deviation"), "right", 1.8, nowrap=True),
        Column(word(lang, "report.economy.comment"), weight=3),
    )
    from decimal import Decimal  # imported here: only this section shows published figures

    from vpl_tui.numbers import format_published

    rows = []
    material_seen = False

    def shown(value: Decimal | None) -> str:  # as the table was published: 175,9 (mnkr)
        return format_published(value, economy.decimals)

    for row in economy.rows:
        material = row.forecast is not None and comment_required(
            row.budget, row.forecast, economy.threshold
        )
        material_seen = material_seen or material
        deviation = shown(row.deviation)
        uncommented = material and not row.comment.strip()
        rows.append(
            (
                Cell(row.unit),
                Cell(shown(row.budget)),
                Cell(shown(row.outcome) if row.outcome is not None else missing),
                Cell(shown(row.forecast) if row.forecast is not None else missing),
                Cell(deviation, "!", "red") if material else Cell(deviation),
                Cell(word(lang, "report.economy.comment_missing"), colour="red")
                if uncommented
                else Cell(row.comment),
            )
        )
    caption = word(lang, "report.economy.followup", unit=economy.unit)
    blocks: list[Block] = [Table(columns, tuple(rows), caption=caption)]
    if material_seen:
        threshold = format_amount(economy.threshold * 100)
        blocks.append(
            Paragraph(word(lang, "report.economy.legend", threshold=threshold), emphasis="small")
        )
    return blocks
