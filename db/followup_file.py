"""The plan's periods, scale and targets, and its follow-up as `vpl load` and `vpl export` see it.

The periods and the scale go into their tables as the file gives them (none: none, and
the core's defaults apply); the histories go in entry by entry, in file order, so that
an export lists them in the order it read them and export, load, export gives the same
bytes. An undo's `undoes` (an index in its entry's history) becomes the row id it names.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from vpl_tui.db.followup_periods import FollowupPeriods, day_or_none
from vpl_tui.db.tree_reads import TreeReads
from vpl_tui.errors import VplError
from vpl_tui.safetext import clean

if TYPE_CHECKING:
    from vpl_tui.model.followup import FollowUp

FOLLOWUP_TABLES = (
    "scale_action",
    "scale_level",
    "followup_period",
    "assessment_history",
    "note_history",
    "ready_history",
)
"""The follow-up's tables, children first: `vpl load` empties them before it writes."""
_LEVEL_COLUMNS = (
    "label_sv",
    "label_en",
    "forecast_sv",
    "forecast_en",
    "colour",
    "symbol",
    "assessed",
)


@dataclass(frozen=True, slots=True)
class Target:
    """A goal or an initiative, as a follow-up names it."""

    id: str
    """The goal's number or the initiative's id, as the plan writes it."""
    kind: str
    """`goal` or `initiative`."""
    title: str
    goal: str
    """The goal it is (a goal) or is under (an initiative)."""


class FollowupFile(TreeReads, FollowupPeriods):
    """The plan's periods, scale and targets, and its follow-up in and out of the plan file."""

    def targets(self) -> list[Target]:
        """Every goal, each followed by its initiatives, in plan order."""
        return [
            target for goal, initiatives in self._target_tree() for target in (goal, *initiatives)
        ]

    def _target_tree(self) -> list[tuple[Target, list[Target]]]:
        initiatives: dict[str, list[Target]] = defaultdict(list)
        for ident, goal, title in self.db.execute(
            "SELECT id, goal_number, title FROM initiative ORDER BY goal_number, position"
        ):
            initiatives[goal].append(Target(ident, "initiative", title, goal))
        return [
            (Target(number, "goal", title, number), initiatives.get(number, []))
            for number, title in self.db.execute("SELECT number, title FROM goal ORDER BY position")
        ]

    def target(self, wanted: str) -> Target:
        """A goal by number or an initiative by id, in any case; a goal comes first."""
        folded = wanted.strip().casefold()
        for target in sorted(self.targets(), key=lambda t: t.kind != "goal"):
            if target.id.casefold() == folded:
                return target
        raise VplError("error.unknown_target", target=clean(wanted))

    # -- the plan file -------------------------------------------------------------------

    def _replace_followup(self, followup: FollowUp | None) -> None:
        """Replace the follow-up tables with a loaded plan's, inside `vpl load`'s transaction."""
        from vpl_tui.db.changes import format_time

        execute, many = self.db.conn.execute, self.db.conn.executemany
        for table in FOLLOWUP_TABLES:
            execute(f"DELETE FROM {table}")
        if followup is None:
            return
        many(
            'INSERT INTO followup_period (id, position, name, "end", deadline, verdict) '
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                (
                    p.id,
                    i,
                    p.name,
                    p.end.isoformat(),
                    p.deadline and p.deadline.isoformat(),
                    p.verdict,
                )
                for i, p in enumerate(followup.periods)
            ],
        )
        if followup.scale is not None:
            many(
                "INSERT INTO scale_level VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (level.code, i, *(getattr(level, name) for name in _LEVEL_COLUMNS))
                    for i, level in enumerate(followup.scale.levels)
                ],
            )
            many(
                "INSERT INTO scale_action (position, code) VALUES (?, ?)",
                list(enumerate(followup.scale.actions_required)),
            )
        next_id = 1
        for entry in followup.assessments:
            ids: list[int] = []
            for change in entry.history:
                undo_of = None if change.undoes is None else ids[change.undoes]
                execute(
                    "INSERT INTO assessment_history VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        next_id,
                        entry.target,
                        entry.period,
                        format_time(change.at),
                        change.level,
                        change.analysis,
                        change.actions,
                        change.user,
                        undo_of,
                    ),
                )
                ids.append(next_id)
                next_id += 1
        many(
            "INSERT INTO note_history (ref, period, at, text, user) VALUES (?, ?, ?, ?, ?)",
            [
                (n.ref, n.period, format_time(c.at), c.text, c.user)
                for n in followup.notes
                for c in n.history
            ],
        )
        many(
            "INSERT INTO ready_history (target, period, at, ready, user) VALUES (?, ?, ?, ?, ?)",
            [
                (r.target, r.period, format_time(c.at), int(c.ready), c.user)
                for r in followup.ready
                for c in r.history
            ],
        )

    def _followup_fields(self) -> dict[str, Any]:
        """The plan file's follow-up parts, as `Plan` fields (empty ones left out)."""
        if not self._has_followup():
            return {}
        from vpl_tui.db.changes import parse_time
        from vpl_tui.model.followup import (
            AssessmentChange,
            AssessmentEntry,
            LevelEntry,
            NoteChange,
            NoteEntry,
            PeriodEntry,
            ReadyChange,
            ReadyEntry,
            ScaleEntry,
        )

        fields: dict[str, Any] = {}
        periods = [
            PeriodEntry(
                id=i,
                name=name,
                end=date.fromisoformat(end),
                deadline=day_or_none(deadline),
                verdict=bool(v),
            )
            for i, name, end, deadline, v in self.db.execute(
                'SELECT id, name, "end", deadline, verdict FROM followup_period ORDER BY position'
            )
        ]
        if periods:
            fields["periods"] = periods
        levels = [
            LevelEntry(
                code=r[0],
                label_sv=r[1],
                label_en=r[2],
                forecast_sv=r[3],
                forecast_en=r[4],
                colour=r[5],
                symbol=r[6],
                assessed=bool(r[7]),
            )
            for r in self.db.execute(
                "SELECT code, label_sv, label_en, forecast_sv, forecast_en, colour, symbol, assessed "
                "FROM scale_level ORDER BY position"
            )
        ]
        if levels:
            fields["scale"] = ScaleEntry(levels=levels, actions_required=self.scale_actions_order())
        grouped: dict[tuple[str, str], list[AssessmentChange]] = {}
        index_of: dict[int, int] = {}
        for row in self.db.query("SELECT * FROM assessment_history ORDER BY id"):
            changes = grouped.setdefault((row["target"], row["period"]), [])
            index_of[row["id"]] = len(changes)
            changes.append(
                AssessmentChange.model_construct(
                    at=parse_time(row["at"]),
                    level=row["level"],
                    analysis=row["analysis"],
                    actions=row["actions"],
                    user=row["user"],
                    undoes=None if row["undo_of"] is None else index_of[row["undo_of"]],
                )
            )
        if grouped:
            fields["assessments"] = [
                AssessmentEntry.model_construct(target=t, period=p, history=h)
                for (t, p), h in grouped.items()
            ]
        notes: dict[tuple[str, str], list[NoteChange]] = {}
        for ref, period, at, text, user in self.db.execute(
            "SELECT ref, period, at, text, user FROM note_history ORDER BY id"
        ):
            notes.setdefault((ref, period), []).append(
                NoteChange.model_construct(at=parse_time(at), text=text, user=user)
            )
        if notes:
            fields["notes"] = [
                NoteEntry.model_construct(ref=r, period=p, history=h) for (r, p), h in notes.items()
            ]
        ready: dict[tuple[str, str], list[ReadyChange]] = {}
        for target, period, at, flag, user in self.db.execute(
            "SELECT target, period, at, ready, user FROM ready_history ORDER BY id"
        ):
            ready.setdefault((target, period), []).append(
                ReadyChange.model_construct(at=parse_time(at), ready=bool(flag), user=user)
            )
        if ready:
            fields["ready"] = [
                ReadyEntry.model_construct(target=t, period=p, history=h)
                for (t, p), h in ready.items()
            ]
        return fields
