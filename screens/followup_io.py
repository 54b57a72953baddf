"""What the follow-up view's workers do, each on a connection of its own (`Store.open` in the
worker's thread, as `controllers.reads` does): one save or ready mark, and the suggestion."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from vpl_tui.db.followup_ready import FollowupReadOnly
from vpl_tui.db.store import Store
from vpl_tui.errors import VplError
from vpl_tui.records import ActivityRecord
from vpl_tui.rules.suggest import Suggestion, suggest
from vpl_tui.strings import Strings
from vpl_tui.views.followup import FollowupForm, Save

WRITE_WAIT = 1.0
"""Seconds a save waits for another process's write lock (then it says so; typing again
saves again)."""


def write_followup(
    path: Path, form: FollowupForm, save: Save | None, reopen: bool | None
) -> tuple[int, tuple[bool, str, str] | None, list[dict[str, object]]]:
    """Save `save` on its version, or mark the follow-up ready (`reopen` False) or reopen it.

    Returns the assessment's version after it, the ready mark set (None: unchanged) as
    (ready, by whom, the day), and the target's history for the period.

    Raises:
        StaleAssessment: someone else saved since `save.version` (nothing written).
        VplError: refused (read-only when ready, actions missing, the lock held ...).
    """
    with Store.open(path) as store:
        store.write_wait = WRITE_WAIT
        version, ready = form.version, None
        if save is not None:
            a = save.assessment
            record = store.assess(
                form.target,
                form.period.id,
                a.level,
                a.analysis,
                a.actions,
                expected_version=save.version,
            )
            version = record.version
        else:
            store.mark_ready(form.target, form.period.id, reopen=bool(reopen))
            mark = store.ready_mark(form.target, form.period.id)
            ready = None if mark is None else (mark.ready, mark.user, mark.day)
        return version, ready, store.assessment_history(form.target, form.period.id)


def marked_by(store: Store, target: str, period: str) -> tuple[bool, tuple[str, str]]:
    """Whether `target`'s follow-up is marked ready, and who made its latest mark and the
    day (for the view's read-only notice)."""
    mark = store.ready_mark(target, period)
    return (False, ("", "")) if mark is None else (mark.ready, (mark.user, mark.day))


def refusal(error: VplError, strings: Strings) -> str:
    """A refused write as the app says it: a follow-up marked ready is reopened in the
    follow-up view (Ctrl+R), not with `vpl ready --reopen`."""
    if isinstance(error, FollowupReadOnly):
        return strings("app.followup.ready_refused", **error.values)
    return error.render(strings)


def read_suggestion(path: Path, form: FollowupForm, today: date) -> Suggestion | None:
    """The suggested level of the form's target: its metrics' judgements (the form's) and
    its activities as they stood at the period's end (a goal's include its initiatives')."""
    period, target = form.period, form.target
    with Store.open(path) as store:
        found: list[ActivityRecord]
        if period.end >= today:  # the period runs on: the statuses now are the latest known
            if form.kind == "goal":
                found = store.activities(goal_number=target)
                for initiative in store.initiatives(target, today):
                    found += store.activities(initiative_id=initiative.id)
            else:
                found = store.activities(initiative_id=target)
        else:  # ended: the statuses replayed as of its end
            found = [
                a
                for a in store.activities_as_of(period.end)
                if (a.goal_number if form.kind == "goal" else a.initiative_id) == target
            ]
        scale = store.scale()
    return suggest(scale, form.judgements, found, period.end, verdict=period.verdict)
