"""The report's body: per focus list, per goal and per initiative, in the plan's order.

Each goal and initiative shows its assessment as a word and a symbol (so it reads without
colour), its analysis, its actions, a table of its metrics and a table of its activities as
they stood at the period's end.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from operator import attrgetter

from vpl_tui.report.data import (
    KOLADA,
    KOLADA_CREDIT,
    ActivityRow,
    FocusGroup,
    GoalData,
    InitiativeData,
    MetricRow,
    ReportData,
)
from vpl_tui.report.document import (
    Badge,
    BadgeLine,
    Block,
    BulletList,
    Cell,
    Column,
    Heading,
    Paragraph,
    Table,
)
from vpl_tui.report.rows import ActivityRows, OverdueOn
from vpl_tui.report.words import word
from vpl_tui.rules.assessments import Level, Scale, actions_required
from vpl_tui.rules.targets import TREND
from vpl_tui.strings import Strings

JUDGEMENT_SIGNS: dict[str, tuple[str, str]] = {
    "met": ("✓", "green"),
    "not_met": ("✗", "red"),
    "improving": (TREND["improving"], "green"),
    "unchanged": (TREND["unchanged"], "yellow"),
    "worsening": (TREND["worsening"], "red"),
    "not_judgeable": ("–", "grey"),
    "no_outcome": ("–", "grey"),
}
"""A metric's judgement as a sign and a colour; the arrows are `vpl_tui.rules.targets.TREND`'s."""

STATUS_SIGNS: dict[str, tuple[str, str]] = {
    "not_started": ("", "grey"),
    "in_progress": ("", "blue"),
    "done": ("✓", "green"),
    "delayed": ("", "red"),
    "cancelled": ("", "grey"),
}
_RESPONSIBLE = attrgetter("responsible")
OVERDUE_SIGN = "!"
"""Beside an end date that had passed at the period's end while the activity was open."""


def level_badge(level: Level | None, scale: Scale, lang: str, forecast: bool) -> Badge:
    """An assessment's badge: the level's symbol, word and colour; "Ej bedömd" without one."""
    if level is None:
        level = next((lv for lv in scale.levels if not lv.assessed), None)
        if level is None:
            return Badge("–", word(lang, "report.not_assessed"), "grey")
    return Badge(level.symbol, level.label(lang, forecast=forecast), level.colour)


def badge_cell(badge: Badge) -> Cell:
    return Cell(badge.word, badge.symbol, badge.colour)


def _paragraphs(text: str, lead: str) -> list[Block]:
    """A long text as paragraphs, one per non-empty line; the lead-in on the first."""
    lines = [line for line in text.splitlines() if line.strip()]
    return [Paragraph(line, lead=lead if i == 0 else "") for i, line in enumerate(lines)]


def _assessed_blocks(
    subject: GoalData | InitiativeData,
    scale: Scale,
    lang: str,
    forecast: bool,
    cells: ActivityCells,
) -> list[Block]:
    """Assessment, analysis, actions, metrics and activities of one goal or initiative."""
    badge = level_badge(subject.assessment, scale, lang, forecast)
    blocks: list[Block] = [BadgeLine(word(lang, "report.assessment"), badge)]
    analysis = _paragraphs(subject.analysis, word(lang, "report.analysis"))
    blocks += analysis or [Paragraph(word(lang, "report.analysis_missing"), "italic")]
    actions = _paragraphs(subject.actions, word(lang, "report.actions"))
    code = subject.assessment.code if subject.assessment is not None else ""
    if actions:
        blocks += actions
    elif code and actions_required(scale, code):
        blocks.append(Paragraph(word(lang, "report.actions_missing"), "italic"))
    if subject.metrics:
        blocks.append(metrics_table(subject.metrics, lang))
        if any(m.source == KOLADA for m in subject.metrics):  # Kolada's terms: these words
            blocks.append(Paragraph(KOLADA_CREDIT, "italic"))
    if subject.activities:
        blocks += activities_table(subject.activities, lang, cells.as_of, cells)
    return blocks


def metrics_table(metrics: tuple[MetricRow, ...], lang: str) -> Table:
    """Name, outcome, previous outcome, target, judgement (sign and word), and the source."""
    with_source = any(m.source for m in metrics)
    rows = []
    for metric in metrics:
        sign, colour = JUDGEMENT_SIGNS[metric.judgement]
        row = [
            Cell(metric.name),
            Cell(metric.outcome)
            if metric.outcome is not None
            else Cell(word(lang, "report.no_outcome"), colour="grey"),
            Cell(metric.previous or ""),
            Cell(metric.target if metric.target else word(lang, "report.no_target")),
            Cell(word(lang, f"judgement.{metric.judgement}"), sign, colour),
        ]
        if with_source:
            row.append(Cell(metric.source))
        rows.append(tuple(row))
    columns = _metric_columns(lang, with_source)
    return Table(columns, tuple(rows), caption=word(lang, "report.metrics"))


@cache
def _metric_columns(lang: str, with_source: bool) -> tuple[Column, ...]:
    """A metrics table's columns, made once for all of a report's tables."""
    columns = (
        Column(word(lang, "report.metric"), weight=3.4),
        Column(word(lang, "report.outcome"), "right", 1.5),
        Column(word(lang, "report.previous"), "right", 1.6),
        Column(word(lang, "report.target"), weight=1.4),
        Column(word(lang, "report.judgement"), weight=2.4, nowrap=True),
    )
    if with_source:
        return (*columns, Column(word(lang, "report.source"), weight=1.3))
    return columns


class ActivityCells:
    """The cells that repeat across a report's activity tables, each made once: a status,
    an end date (with `!` when it had passed), the empty note, a responsible person.

    A region's plan has a hundred thousand activities but five statuses and a few hundred
    end dates: the document then holds one cell for each, not one per row.
    """

    def __init__(self, lang: str, as_of: date) -> None:
        self.strings = Strings("en" if lang == "en" else "sv")
        self.as_of = as_of
        self.statuses: dict[str, Cell] = {}
        self.ends: dict[date, Cell] = {}
        self.overdue_ends: dict[date, Cell] = {}
        self.texts: dict[str, Cell] = {"": Cell("")}
        self.overdue = OverdueOn(as_of)
        """Whether an end date and a status were overdue on `as_of`, for every table."""

    def status(self, status: str) -> Cell:
        cell = self.statuses.get(status)
        if cell is None:
            sign, colour = STATUS_SIGNS.get(status, ("", "grey"))
            cell = self.statuses[status] = Cell(self.strings.status(status), sign, colour)
        return cell

    def end(self, end: date, overdue: bool) -> Cell:
        cells = self.overdue_ends if overdue else self.ends
        cell = cells.get(end)
        if cell is None:
            text = end.isoformat()
            cell = cells[end] = Cell(text, OVERDUE_SIGN, "red") if overdue else Cell(text)
        return cell

    def text(self, text: str) -> Cell:
        """A note's or a responsible person's cell: the same texts recur."""
        cell = self.texts.get(text)
        if cell is None:
            cell = self.texts[text] = Cell(text)
        return cell


@cache
def _activity_columns(lang: str, with_responsible: bool) -> tuple[Column, ...]:
    """An activities table's columns, made once for all of a report's tables."""
    columns = (
        Column(word(lang, "report.ref"), weight=2.2, nowrap=True),
        Column(word(lang, "report.activity"), weight=5.0),
        Column(word(lang, "report.status"), weight=2.4, nowrap=True),
        Column(word(lang, "report.end"), weight=2.6, nowrap=True),
        Column(word(lang, "report.note"), weight=3.0),
    )
    if with_responsible:
        return (*columns, Column(word(lang, "report.responsible"), weight=2.1))
    return columns


def activities_table(
    activities: tuple[ActivityRow, ...],
    lang: str,
    as_of: date,
    cells: ActivityCells | None = None,
) -> list[Block]:
    """Ref, title, status at the period's end, end date (`!` when overdue then), the latest
    note and, when any activity names one, who is responsible; a legend when `!` is used.

    `cells` shares the repeating cells between the tables of one report."""
    if cells is None:
        cells = ActivityCells(lang, as_of)
    with_responsible = any(map(_RESPONSIBLE, activities))
    # The rows stay the activities: a row's cells are made when a renderer reads it.
    rows = ActivityRows(activities, as_of, cells, with_responsible=with_responsible)
    columns = _activity_columns(lang, with_responsible)
    table = Table(columns, rows, caption=word(lang, "report.activities"))
    if not any(rows.overdue):
        return [table]
    return [table, Paragraph(word(lang, "report.overdue_legend"), emphasis="small")]


def _responsible_blocks(part: GoalData | InitiativeData, strings: Strings) -> list[Block]:
    """ "Ansvarig: Anna Berg" under a goal's or initiative's heading, when it names one."""
    if not part.responsible:
        return []
    return [Paragraph(strings("summary.responsible_of", name=part.responsible), emphasis="small")]


def goal_heading(goal: GoalData) -> str:
    """How the report names a goal: its number, then its title."""
    return f"{goal.number} {goal.title}".strip()


def group_blocks(
    group: FocusGroup,
    data: ReportData,
    lang: str,
    forecast: bool,
    *,
    titled: bool,
    cells: ActivityCells | None = None,
) -> list[Block]:
    """A focus list's heading, its intro and items, then each of its goals and initiatives.

    Goals outside any focus list come under "Övriga mål" when the plan has focus lists
    (`titled`), else under "Mål". `cells` shares the repeating cells between the groups."""
    if group.title is not None:
        title = group.title
    else:
        title = word(lang, "report.other_goals" if titled else "report.goals")
    blocks: list[Block] = [Heading(1, title)]
    if group.intro.strip():
        blocks += _paragraphs(group.intro, "")
    if group.items:
        blocks.append(BulletList(group.items))
    strings = Strings("en" if lang == "en" else "sv")
    if cells is None:
        cells = ActivityCells(lang, data.period.end)
    for goal in group.goals:
        blocks.append(Heading(2, goal_heading(goal)))
        if goal.kind in ("council", "board"):
            blocks.append(Paragraph(strings(f"goal_kind.{goal.kind}"), emphasis="small"))
        blocks += _responsible_blocks(goal, strings)
        blocks += _assessed_blocks(goal, data.scale, lang, forecast, cells)
        for initiative in goal.initiatives:
            blocks.append(Heading(3, initiative.title))
            blocks += _responsible_blocks(initiative, strings)
            blocks += _assessed_blocks(initiative, data.scale, lang, forecast, cells)
    return blocks
