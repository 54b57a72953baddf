"""What `vpl set`, `vpl undo` and `vpl history` do, apart from how they were parsed.

The click commands (`status`) and the fast path (`quick`) both call these, so the two
cannot differ in what they change or print: each returns the lines to print. They start
light: the string catalog and the store's status part (`StatusStore`), nothing of the
plan file's models, the summary, the store's other parts, or click.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vpl_tui.cli.env import Env, fail
from vpl_tui.safetext import clean, one_line
from vpl_tui.strings import parse_status, status_choices

if TYPE_CHECKING:
    from collections.abc import Sequence

HISTORY_LIMIT_DEFAULT = 50
"""How many of the latest changes `vpl history` shows without REF and without `-n`."""

HISTORY_LIMIT_MAX = 100_000
"""The most `vpl history -n` takes."""


def set_status(env: Env, ref: str, status_words: Sequence[str], note: str) -> list[str]:
    """Set activity `ref` to the status the words name (a code or a label, any case)."""
    s = env.strings
    wanted = " ".join(status_words)
    code = parse_status(wanted)
    if code is None:
        fail(s("error.unknown_status", value=clean(wanted), choices=status_choices(s.lang)))
    with env.open_status_store(plan_edits=False) as store:
        before = store.activity(ref)
        change = store.set_status(ref, code, note=note)
    if change is None:
        return [s("cli.unchanged", ref=clean(before.ref), label=s.status(before.status))]
    return [
        s(
            "cli.set",
            ref=clean(change.ref),  # as the plan spells it, whatever the case typed
            from_label=s.status(change.from_status),
            to_label=s.status(code),
        )
    ]


def undo(env: Env) -> list[str]:
    """Undo the user's last change, of a status or of the plan, with a new row.

    The status part is opened first: a status change, the usual undo, needs none of the
    plan-edit modules. If the latest is a plan change, the status part writes nothing and
    the store is opened again with the plan's own history, which looks again and undoes it.
    """
    from vpl_tui.db.history import PlanChangeIsLatest
    from vpl_tui.records import HistoryRecord

    s = env.strings
    try:
        with env.open_status_store(plan_edits=False) as store:
            change = store.undo()
    except PlanChangeIsLatest:
        with env.open_status_store() as store:
            change = store.undo()
    if not isinstance(change, HistoryRecord):  # a plan change (`vpl edit`, `vpl move`, ...)
        from vpl_tui.views.plan_changes import undone_line

        return [undone_line(s, change)]
    return [
        s(
            "cli.undone",
            ref=clean(change.ref),
            from_label=s.status(change.from_status),
            to_label=s.status(change.to_status),
        )
    ]


def history(env: Env, ref: str | None, limit: int) -> list[str]:
    """The status history of `ref`, or the latest `limit` changes of the whole plan."""
    s = env.strings
    with env.open_status_store(plan_edits=False) as store:
        rows = store.history(ref) if ref else store.history(limit=limit)
    if not rows:
        return [s("cli.no_history")]
    lines = []
    for row in rows:
        undo_mark = " ↶" if row.undo_of is not None else ""
        note = f"  {one_line(row.note)}" if row.note else ""
        lines.append(
            f"{row.at.strftime('%Y-%m-%d %H:%M:%S')}  {clean(row.ref)}  "
            f"{s.status(row.from_status)} → {s.status(row.to_status)}{undo_mark}  "
            f"{clean(row.user)}{note}"
        )
    return lines
