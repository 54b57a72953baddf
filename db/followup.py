"""Follow-up rounds: periods, the scale, assessments, activity notes and ready marks.

The periods and the scale are the plan file's (`followup_period`, `scale_level`); a plan
without them follows the core's defaults (`default_periods`, `DEFAULT_SCALE`). The rest is
append-only history, like the status history: an assessment of a goal or initiative for
a period is its latest `assessment_history` row, its version the number of its rows; an
undo is a new row naming the one it reverts. A follow-up marked ready is read-only
(`editable`) until it is reopened, and both are rows of `ready_history`.

Each write is one transaction (`Connected._write`): its checks and its row land together.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from vpl_tui.db.changes import (
    check_note_and_user,
    current_user,
    not_before,
    written_by,
)
from vpl_tui.db.followup_file import FollowupFile, Target
from vpl_tui.db.followup_metrics import FollowupMetrics, MissingMetric
from vpl_tui.db.followup_ready import ReadyMarks
from vpl_tui.db.opening import open_plan_part
from vpl_tui.errors import VplError
from vpl_tui.rules.assessments import (
    Assessment,
    Gap,
    Level,
    Scale,
    assessment_problem,
    followup_gaps,
)
from vpl_tui.rules.periods import Period
from vpl_tui.rules.undo import undo_choice
from vpl_tui.safetext import clean

if TYPE_CHECKING:
    from pathlib import Path


@dataclass(frozen=True, slots=True)
class AssessmentRecord:
    """A target's assessment for a period as it stands, and its version (its rows so far)."""

    target: str
    period: str
    assessment: Assessment
    version: int
    user: str = ""
    at: str = ""


@dataclass(frozen=True, slots=True)
class FollowupLine:
    """One goal's or initiative's place in a follow-up round."""

    target: Target
    assessment: Assessment | None
    ready: bool
    gaps: list[Gap]
    metrics_missing: list[MissingMetric]  # without an outcome for the period


@dataclass(frozen=True, slots=True)
class FollowupRound:
    """A period's follow-up: every goal and initiative, how many are ready, the deadline."""

    period: Period
    scale: Scale
    lines: list[FollowupLine]
    ready: int
    days_to_deadline: int | None
    notes: dict[str, str]
    """What has been done in each activity with a note for the period, by ref."""
    metrics: int = 0  # how many metrics the plan has


def _labels(level: Level | None) -> dict[str, str]:
    """A level's words for a message in either language (plan text, cleaned)."""
    if level is None:
        return {"label_sv": "-", "label_en": "-"}
    return {"label_sv": clean(level.label_sv), "label_en": clean(level.label_en)}


class StaleAssessment(VplError):
    """The assessment changed since the caller saw it; `current` is what it is now."""

    def __init__(self, current: AssessmentRecord, level: Level | None) -> None:
        super().__init__(
            "error.stale_assessment",
            target=clean(current.target),
            **_labels(level),
            version=current.version,
            user=clean(current.user),
        )
        self.current = current


class FollowupStore(FollowupFile, FollowupMetrics, ReadyMarks):
    """The follow-up rounds' reads and writes (its reads first)."""

    def assessment(self, target: str, period: str) -> AssessmentRecord | None:
        """The assessment of `target` for `period` as it stands, or None before the first."""
        if not self._has_followup():
            return None
        row = self.db.execute(
            "SELECT level, analysis, actions, user, at, "
            "(SELECT COUNT(*) FROM assessment_history c WHERE c.target = h.target AND c.period = h.period) "
            "FROM assessment_history h WHERE target = ? AND period = ? ORDER BY id DESC LIMIT 1",
            (target, period),
        ).fetchone()
        if row is None:
            return None
        level, analysis, actions, user, at, version = row
        return AssessmentRecord(
            target, period, Assessment(level, analysis, actions), version, user, at
        )

    def assessment_history(self, target: str, period: str) -> list[dict[str, Any]]:
        """Every row of `target`'s assessment for `period`, oldest first."""
        return list(
            self.db.query(
                "SELECT * FROM assessment_history WHERE target = ? AND period = ? ORDER BY id",
                (target, period),
            )
        )

    def assessment_as_of(
        self, period: str, day: date | datetime | None = None
    ) -> dict[str, Assessment]:
        """Each target's assessment for `period` as it stood at the end of `day`, or at the
        moment `day` when it is a datetime (a ready mark's), or now when None."""
        if not self._has_followup():
            return {}
        before, moment = written_by(day)
        rows = self.db.execute(
            "SELECT target, level, analysis, actions FROM assessment_history "
            f"WHERE id IN (SELECT MAX(id) FROM assessment_history WHERE period = ?{before} "
            "GROUP BY target)",
            (period, *moment),
        )
        return {target: Assessment(level, a, b) for target, level, a, b in rows}

    def notes(self, period: str) -> dict[str, str]:
        """Each activity's note for `period` as it stands."""
        rows = self.db.execute(
            "SELECT ref, text FROM note_history WHERE id IN "
            "(SELECT MAX(id) FROM note_history WHERE period = ? GROUP BY ref) ORDER BY ref",
            (period,),
        )
        return dict(rows.fetchall())

    def followup(self, period: Period, today: date) -> FollowupRound:
        """The completeness list of `period`: what each goal and initiative still lacks."""
        scale = self.scale()
        with self.db.atomic():  # one consistent moment
            current = self.assessment_as_of(period.id)
            ready = self._ready_now(period.id)
            targets = self.targets()
            notes = self.notes(period.id) if self._has_followup() else {}
            missing, metrics = self.metrics_without_outcome(period), self.metric_count()
        lines = []
        for target in targets:
            is_ready = ready.get(target.id, False)
            found = current.get(target.id)
            gaps = followup_gaps(scale, found, is_ready)
            lines.append(FollowupLine(target, found, is_ready, gaps, missing.get(target.id, [])))
        return FollowupRound(
            period,
            scale,
            lines,
            sum(line.ready for line in lines),
            period.days_to_deadline(today),
            notes,
            metrics,
        )

    # -- writes --------------------------------------------------------------------------

    def assess(
        self,
        target: str,
        period: str,
        level: str,
        analysis: str = "",
        actions: str = "",
        *,
        user: str | None = None,
        expected_version: int | None = None,
    ) -> AssessmentRecord:
        """Append an assessment of `target` for `period` (a level code of the scale).

        Raises:
            StaleAssessment: `expected_version` is not the assessment's version now.
            VplError: an unknown target, period or level, a missing text the level needs,
                or a follow-up marked ready (read-only until reopened).
        """
        who = user or current_user()
        scale = self.scale()
        new = Assessment(level, analysis, actions)
        problem = assessment_problem(scale, new)
        if problem is not None:
            raise VplError(f"error.{problem}", level=clean(level), **_labels(scale.level(level)))
        with self._write():
            target = self._known(target, period)
            self._check_open(target, period)
            current = self.assessment(target, period)
            version = 0 if current is None else current.version
            if expected_version is not None and version != expected_version:
                assert current is not None  # version 0 matches any expected 0
                raise StaleAssessment(current, scale.level(current.assessment.level))
            self._append_assessment(target, period, new, who, None)
            result = self.assessment(target, period)
        assert result is not None
        return result

    def undo_assessment(
        self, target: str, period: str, *, user: str | None = None
    ) -> AssessmentRecord:
        """Revert the latest assessment of `target` for `period` not yet undone, with a new row."""
        who = user or current_user()
        with self._write():
            target = self._known(target, period)
            self._check_open(target, period)
            rows = self.assessment_history(target, period)
            choice = undo_choice([(row["id"], row["undo_of"]) for row in rows])
            if choice is None:
                raise VplError("error.nothing_to_undo")
            index, back = choice
            before = None if back is None else rows[back]
            restored = (
                Assessment("")
                if before is None
                else Assessment(before["level"], before["analysis"], before["actions"])
            )
            self._append_assessment(target, period, restored, who, rows[index]["id"])
            result = self.assessment(target, period)
        assert result is not None
        return result

    def note(self, ref: str, period: str, text: str, *, user: str | None = None) -> None:
        """Set what has been done in activity `ref` during `period` (a new history row)."""
        who = user or current_user()
        check_note_and_user(text, who)
        with self._write():
            activity = self.activity(ref)
            self._known(activity.goal_number, period)
            self._check_open(activity.initiative_id or activity.goal_number, period)
            at = not_before(
                self.db.conn,
                "SELECT MAX(at) FROM note_history WHERE ref = ? AND period = ?",
                (ref, period),
            )
            self.db.conn.execute(
                "INSERT INTO note_history (ref, period, at, text, user) VALUES (?, ?, ?, ?, ?)",
                (ref, period, at, text, who),
            )

    def mark_ready(
        self, target: str, period: str, *, reopen: bool = False, user: str | None = None
    ) -> None:
        """Mark a follow-up ready (read-only from then), or reopen it.

        Raises:
            VplError: already in that state, or (marking ready) the follow-up still lacks
                an assessment, an analysis or the actions its level needs.
        """
        who = user or current_user()
        check_note_and_user("", who)
        with self._write():
            target = self._known(target, period)
            ready = self.is_ready(target, period)
            if ready != reopen:
                key = "error.not_ready" if reopen else "error.already_ready"
                raise VplError(key, target=clean(target))
            if not reopen:
                current = self.assessment(target, period)
                gaps = followup_gaps(self.scale(), current and current.assessment, True)
                if gaps:
                    raise VplError(f"error.incomplete.{gaps[0]}", target=clean(target))
            at = not_before(
                self.db.conn,
                "SELECT MAX(at) FROM ready_history WHERE target = ? AND period = ?",
                (target, period),
            )
            self.db.conn.execute(
                "INSERT INTO ready_history (target, period, at, ready, user) VALUES (?, ?, ?, ?, ?)",
                (target, period, at, 0 if reopen else 1, who),
            )

    def _known(self, target: str, period: str) -> str:
        """The target as the plan writes it; an unknown target or period is refused."""
        if period not in {p.id for p in self.periods()}:
            raise VplError(
                "error.unknown_period",
                period=clean(period),
                choices=", ".join(p.id for p in self.periods()),
            )
        return self._target_id(target)

    def _target_id(self, wanted: str) -> str:
        """`self.target(wanted).id` without building every target (each save asks it): a
        goal in any case first, as there; an initiative by its id as written (its index);
        else `target` finds it (another case) or refuses it."""
        folded = wanted.strip().casefold()
        for (number,) in self.db.execute("SELECT number FROM goal ORDER BY position"):
            if number.casefold() == folded:
                return number
        row = self.db.execute(
            "SELECT id FROM initiative WHERE id = ?", (wanted.strip(),)
        ).fetchone()
        return row[0] if row is not None else self.target(wanted).id

    def _append_assessment(
        self, target: str, period: str, new: Assessment, user: str, undo_of: int | None
    ) -> None:
        check_note_and_user("", user)
        at = not_before(
            self.db.conn,
            "SELECT MAX(at) FROM assessment_history WHERE target = ? AND period = ?",
            (target, period),
        )
        self.db.conn.execute(
            "INSERT INTO assessment_history (target, period, at, level, analysis, actions, user, "
            "undo_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (target, period, at, new.level, new.analysis, new.actions, user, undo_of),
        )


class FollowupReads(FollowupStore):
    """The follow-up part of the store alone, for `vpl followup` and `vpl periods`: the
    whole `Store` imports every part (budget, load, export ...), as `StatusStore` says."""

    def __enter__(self) -> FollowupReads:
        return self


def open_followup_reads(path: Path | str, *, create_folder: bool) -> FollowupReads | None:
    """The follow-up part of the plan database at `path`, or None when it holds no plan yet
    (creating and seeding one is the whole store's: `Store.open`)."""
    return open_plan_part(FollowupReads, path, create_folder=create_folder)
