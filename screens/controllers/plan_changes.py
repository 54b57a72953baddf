"""Status changes on the plan screen: done/undo, a chosen status, a note, undo.

A change is one transaction through the screen's own store, on the event loop: writes
are made one at a time, in the order the user makes them, and each is a single short
transaction. Then only the lines it affects are repainted (the activity, its
initiative, goal and focus list), with counts moved by the change itself
(`PlanView.account`). A change refused because someone else changed the activity
first (`StaleChange`) shows what is there now and saves nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from vpl_tui.db.store import StaleChange
from vpl_tui.errors import VplError
from vpl_tui.records import ActivityRecord, HistoryRecord, PlanChangeRecord
from vpl_tui.safetext import clean
from vpl_tui.views.plan_items import ActivityItem

if TYPE_CHECKING:
    from vpl_tui.screens.plan import PlanScreen


class StatusChanges:
    """The status keys of one plan screen (space, s, n, u)."""

    def __init__(self, screen: PlanScreen) -> None:
        self.screen = screen

    def _notify(self, message: str, **options: object) -> None:
        self.screen.app.notify(message, markup=False, **options)  # type: ignore[arg-type]

    def cursor_activity(self) -> ActivityRecord | None:
        """The activity under the cursor; elsewhere, say that one must be chosen."""
        item = self.screen.cursor_item()
        if isinstance(item, ActivityItem):
            return item.record
        self._notify(self.screen.strings("app.select_activity"), severity="warning")
        return None

    def toggle_at_cursor(self) -> None:
        """Space: done/undo on an activity; on a goal or initiative, open or close it."""
        screen = self.screen
        node = screen.tree.cursor_node
        if node is not None and not isinstance(node.data, ActivityItem) and node.allow_expand:
            screen.tree.toggle_item(node)
            return
        activity = self.cursor_activity()
        if activity is not None:
            self.toggle_done(activity)

    def choose_status(self) -> None:
        """Open the status dialog for the activity under the cursor; set what is chosen."""
        from vpl_tui.screens.dialogs.status_dialog import StatusDialog

        activity = self.cursor_activity()
        if activity is None:
            return

        def chosen(status: str | None) -> None:
            if status is not None:
                self.set_status(activity, status, "")

        self.screen.app.push_screen(StatusDialog(self.screen.strings, activity), chosen)

    def choose_with_note(self) -> None:
        """Open the note dialog for the activity under the cursor; set what is chosen."""
        from vpl_tui.screens.dialogs.note_dialog import NoteDialog

        activity = self.cursor_activity()
        if activity is None:
            return

        def chosen(result: tuple[str, str] | None) -> None:
            if result is None:
                return
            status, note = result
            if status == activity.status:
                self.add_note(activity, note)  # a note on its own is kept too
            else:
                self.set_status(activity, status, note)

        self.screen.app.push_screen(NoteDialog(self.screen.strings, activity), chosen)

    def toggle_done(self, activity: ActivityRecord) -> None:
        """Mark `activity` done, or back to its status before done."""
        store = self.screen.store
        self._change(
            activity, lambda: store.toggle_done(activity.ref, expected_version=activity.version)
        )

    def set_status(self, activity: ActivityRecord, status: str, note: str) -> None:
        """Give `activity` the status `status`, with `note` in its history."""
        store = self.screen.store
        changed = self._change(
            activity,
            lambda: store.set_status(
                activity.ref, status, note=note, expected_version=activity.version
            ),
        )
        if changed is False:
            s = self.screen.strings
            self._notify(s("app.unchanged", ref=clean(activity.ref), label=s.status(status)))

    def add_note(self, activity: ActivityRecord, note: str) -> None:
        """Keep `note` in the history of `activity` without changing its status."""
        s = self.screen.strings
        ref = clean(activity.ref)
        if not note:
            self._notify(s("app.note.nothing", ref=ref, label=s.status(activity.status)))
            return
        store = self.screen.store
        version = activity.version
        if self._change(
            activity, lambda: store.add_note(activity.ref, note, expected_version=version)
        ):
            self._notify(s("app.note.saved", ref=ref))

    def _change(
        self, activity: ActivityRecord, write: Callable[[], HistoryRecord | None]
    ) -> bool | None:
        """Run one write for `activity`; True if it changed, False if not, None on a conflict."""
        try:
            change = write()
        except StaleChange as stale:
            self._stale(activity, stale.current)
            return None
        except VplError as error:
            self._notify(error.render(self.screen.strings), severity="error")
            return None
        if change is None:
            return False
        after = activity._replace(status=change.to_status, version=activity.version + 1)
        self.account(activity, after, change)
        return True

    def undo(self) -> None:
        """Undo the user's last status change, with a new history row, and show where."""
        screen = self.screen
        try:
            change = screen.store.undo()
        except VplError as error:
            self._notify(error.render(screen.strings), severity="warning")
            return
        if isinstance(change, PlanChangeRecord):  # the latest was a change of the plan
            screen.plan_edits.undone(change)
            return
        now = screen.store.activity(change.ref)  # one row, by key
        before = now._replace(status=change.from_status, version=now.version - 1)
        self.account(before, now, change)
        s = screen.strings
        message = s(
            "cli.undone",
            ref=clean(change.ref),
            from_label=s.status(change.from_status),
            to_label=s.status(change.to_status),
        )
        self._notify(message)
        item = screen.cursor_item()
        if not (isinstance(item, ActivityItem) and item.record.ref == now.ref):
            screen.outline.reveal(ActivityItem(now))
            screen.plan_detail.show()

    def _stale(self, seen: ActivityRecord, current: ActivityRecord) -> None:
        s = self.screen.strings
        message = s("app.stale", ref=clean(seen.ref), label=s.status(current.status))
        self._notify(message, severity="warning", timeout=8)
        self.screen.plan_detail.forget_history()  # it has changed, so its history has too
        self.account(seen, current)
        self.screen.outside.reload()  # whatever else changed meanwhile shows up too

    def account(
        self, before: ActivityRecord, after: ActivityRecord, change: HistoryRecord | None = None
    ) -> None:
        """Show one activity's change: its line, and the counts of its initiative and goal.

        Nothing is read again (the history row written is added to the one shown), so
        marking an activity done costs the same on a plan of any size and for an
        activity with a long history.
        """
        screen = self.screen
        screen.outline.changed()
        tree = screen.tree
        for key in screen.view.account(before, after, tree.index):
            node = tree.index.get(key)
            if node is not None:
                tree.refresh_item(node)
        screen.plan_detail.changed(after, change)
