"""The plan's metrics judged for a period: `vpl metrics`, the summary, the report.

Which outcome counts for a period and how it is judged is the core's rule
(`vpl_tui.rules.outcomes.judge_metric`); the rest of the outcomes' reads and the writes
are `db/outcome_reads.py` and `db/outcomes.py`. A part on the connection alone (with the
periods, `FollowupRows`): `vpl metrics` opens it without the whole store, whose import
is a tenth of the command at 20 000 metrics.

`metric_lines` reads every outcome as it stands, with who recorded it, when, and its
version (the JSON, the summary, the report); `metric_lines_shown` reads only what the text
shows: each metric's total outcomes (the judgement's; the split by gender is not shown),
without who, when, comment or version, and only the period year's target.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime
from functools import partial
from itertools import groupby
from operator import attrgetter, itemgetter

from vpl_tui.db.changes import written_by
from vpl_tui.db.followup_rows import FollowupRows
from vpl_tui.errors import VplError
from vpl_tui.rules.outcomes import (
    TOTAL,
    MetricInfo,
    MetricLine,
    Outcome,
    OutcomeFields,
    generated_metric_id,
    judge_metric,
    period_ends,
)
from vpl_tui.rules.periods import Period
from vpl_tui.safetext import clean

_VALUE, _METRIC = itemgetter(1), itemgetter(0)


class MetricLines(FollowupRows):
    """The metrics, their outcomes as of a moment, and their judgements for a period."""

    def metric_infos(self, target_year: int | None = None) -> list[MetricInfo]:
        """Every metric of the plan, in plan order; with `target_year`, each with only its
        target of that year (what a period of that year is judged against)."""
        targets: dict[int, dict[str, str]] = defaultdict(dict)
        if target_year is None:
            sql, params = "SELECT metric_id, year, target FROM metric_target", ()
        else:
            sql = "SELECT metric_id, year, target FROM metric_target WHERE year = ?"
            params = (target_year,)
        for metric_id, year, target in self.db.execute(f"{sql} ORDER BY metric_id, year", params):
            targets[metric_id][str(year)] = target
        if self._has_outcomes():
            extra = "d.ident, d.unit, d.kolada_kpi, d.higher_is_better"
            join = "LEFT JOIN metric_detail d ON d.metric_id = m.id "
        else:
            extra, join = "NULL, '', NULL, 1", ""
        sql = (
            "SELECT m.id, m.goal_number, m.initiative_id, m.position, m.name, m.latest, "
            f"m.latest_year, {extra} FROM metric m JOIN goal g ON g.number = m.goal_number "
            f"LEFT JOIN initiative i ON i.id = m.initiative_id {join}"
            "ORDER BY g.position, m.initiative_id IS NOT NULL, i.position, m.position"
        )
        found = []
        add, make = found.append, partial(tuple.__new__, MetricInfo)  # 20 000 at a time
        none: dict[str, str] = {}
        for row in self.db.execute(sql):
            row_id, goal, initiative, position, name, latest, year, ident, unit, kpi, up = row
            ident = ident or generated_metric_id(initiative or goal, position)
            higher = up is None or bool(up)
            add(
                make(
                    (
                        ident,
                        goal,
                        initiative,
                        name,
                        unit,
                        kpi,
                        higher,
                        latest,
                        year,
                        targets.get(row_id, none),
                    )
                )
            )
        return found

    def metric_info(self, wanted: str) -> MetricInfo:
        """A metric by its id, in any case."""
        folded = wanted.strip().casefold()
        for metric in self.metric_infos():
            if metric.id.casefold() == folded:
                return metric
        raise VplError("error.unknown_metric", metric=clean(wanted))

    def outcomes_as_of(
        self,
        moment: date | datetime | None = None,
        metric: str | None = None,
        *,
        infos: Sequence[MetricInfo] | None = None,
    ) -> dict[str, list[Outcome]]:
        """Each metric's outcomes as they stood at the end of `moment` (a day), at `moment`
        (a datetime), or now (None): the latest row of every point, and the published ones.

        `infos`: the metrics, when the caller has read them already."""
        if infos is None:
            infos = self.metric_infos() if metric is None else [self.metric_info(metric)]
        found: dict[str, list[Outcome]] = defaultdict(list)
        if self._has_outcomes():
            where, params = written_by(moment)
            if metric is not None:
                where += " AND metric = ?"
                params = (*params, metric)
            # The latest row of each point and how many rows it had by then (its version).
            # Unsorted: no order matters to the judgement (`judge_metric` places them on
            # the timeline itself), and sorting 100 000 rows is a fifth of the read.
            rows = self.db.execute(
                "SELECT h.metric, h.value, h.period, h.year, h.gender, h.source, h.comment, "
                "h.user, h.at, g.version FROM (SELECT MAX(id) AS id, COUNT(*) AS version "
                f"FROM outcome_history WHERE 1 {where} GROUP BY metric, period, year, gender) g "
                "JOIN outcome_history h ON h.id = g.id",
                params,
            )
            make = Outcome._make
            for row in rows:
                if row[1]:  # "" is undone to nothing: the published one, if any, stands again
                    found[row[0]].append(make(row))
        with_published(found, infos)
        return {ident: outcomes for ident, outcomes in found.items() if outcomes}

    def metric_lines(
        self, period: Period, moment: date | datetime | None = None
    ) -> list[MetricLine]:
        """Every metric judged for `period`, with outcomes as they stood at `moment`."""
        with self.db.atomic():  # one consistent moment
            periods = self.periods()
            infos = self.metric_infos()
            outcomes = self.outcomes_as_of(moment, infos=infos)
        return [self._line(info, outcomes.get(info.id, []), period, periods) for info in infos]

    def metric_lines_shown(self, period: Period) -> list[MetricLine]:
        """Every metric judged for `period` now, with what `vpl metrics` shows: its total
        outcomes (the ones judged) without who, when, comment or version, and its target of
        the period's year; no split by gender (see the module)."""
        found: dict[str, list[Outcome | OutcomeFields]] = {}
        with self.db.atomic():  # one consistent moment
            periods = self.periods()
            infos = self.metric_infos(target_year=period.end.year)
            if self._has_outcomes():
                found = self._total_outcomes_now()
        with_published(found, infos)
        ends, line = period_ends(periods), partial(tuple.__new__, MetricLine)
        return [
            line(
                (
                    info,
                    judge_metric(
                        found.get(info.id, ()),
                        period,
                        periods,
                        info.targets,
                        unit=info.unit,
                        higher_is_better=info.higher_is_better,
                        ends=ends,
                    ),
                    (),
                )
            )
            for info in infos
        ]

    def _total_outcomes_now(self) -> dict[str, list[Outcome | OutcomeFields]]:
        """Each metric's total outcomes now, as rows (`OutcomeFields`: value, point, source),
        which `judge_metric` judges as they are.

        The latest row of each total point, unsorted (as `outcomes_as_of`): the index's
        order groups them by metric, so that `groupby` files them without a Python line a
        row (100 000 of them); a metric met twice, were SQLite ever to give another order,
        is joined, not lost. No `Outcome` is made of them (the judgement makes one of the
        two it shows), and no blank column is selected for one: SQLite makes each value a
        row asks for, four blank ones a fifth of the read.
        """
        rows = self.db.execute(
            "SELECT h.metric, h.value, h.period, h.year, h.gender, h.source "
            "FROM (SELECT MAX(id) AS id FROM outcome_history WHERE gender = ? "
            "GROUP BY metric, period, year) g JOIN outcome_history h ON h.id = g.id",
            (TOTAL,),
        )
        # "" is undone to nothing (as in `outcomes_as_of`): left out.
        found: dict[str, list[Outcome | OutcomeFields]] = {}
        for metric, mine in groupby(filter(_VALUE, rows), _METRIC):
            before = found.get(metric)
            if before is None:
                found[metric] = list(mine)
            else:
                before.extend(mine)
        return found

    def _line(
        self, info: MetricInfo, mine: list[Outcome], period: Period, periods: Sequence[Period]
    ) -> MetricLine:
        judged = judge_metric(
            mine,
            period,
            periods,
            info.targets,
            unit=info.unit,
            higher_is_better=info.higher_is_better,
        )
        split: tuple[Outcome, ...] = ()
        if judged.outcome is not None and len(mine) > 1:
            at = (judged.outcome.period, judged.outcome.year)
            split = tuple(
                sorted(
                    (o for o in mine if o.gender != TOTAL and (o.period, o.year) == at),
                    key=attrgetter("gender"),
                )
            )
        return MetricLine(info, judged, split)


def with_published(
    found: dict[str, list[Outcome]] | dict[str, list[Outcome | OutcomeFields]],
    infos: Sequence[MetricInfo],
) -> None:
    """Put each metric's published outcome first in `found`, where none is recorded at its
    point (a recorded total of the published year stands in its place). `found`: outcomes
    or rows of them (`OutcomeFields`), read by place."""
    for info in infos:
        published = info.published()
        if published is None:
            continue
        mine = found.get(info.id)
        if not mine:  # none recorded: the published one alone (most of a large plan's)
            found[info.id] = [published]
            continue
        year = published.year
        for recorded in mine:  # period, year, gender
            if recorded[2] is None and recorded[3] == year and recorded[4] == TOTAL:
                break
        else:
            mine.insert(0, published)


class MetricLineReads(MetricLines):
    """The metrics judged, alone: `vpl metrics` (text and JSON)."""

    def __enter__(self) -> MetricLineReads:
        return self
