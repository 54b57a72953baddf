"""Changing the plan on the plan screen, on the line under the cursor (`+`, `e`, `m`, `x`, `R`).

A form (`screens/dialogs/`) collects the change; the write runs in a worker thread on a
`Store` of its own (a `Store` is bound to its thread, see `reads.py`), with the version
the form was opened on, so that a change someone else made meanwhile is refused and the
activity shown as it is now. Then the tree is brought up to date in place: an edited
activity's line and the counts above it (`StatusChanges.account`), or, when an activity
came, went or moved, the children of the goals it is under, read in the same worker.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from vpl_tui.db.plan_history import RESPONSIBLE_PREFIX, StalePlanChange
from vpl_tui.db.store import Store
from vpl_tui.errors import VplError
from vpl_tui.records import ActivityRecord, GoalRecord, PlanChangeRecord
from vpl_tui.rules.progress import MINE
from vpl_tui.safetext import clean
from vpl_tui.screens.controllers.plan_outcomes import judge_read
from vpl_tui.views.plan_items import (
    ActivityItem,
    GoalItem,
    InitiativeItem,
    Item,
    Key,
    MetricItem,
)

if TYPE_CHECKING:
    from vpl_tui.screens.plan import PlanScreen

T = TypeVar("T")
Refreshed = tuple[list[GoalRecord], dict[Key, list[Item]]]
"""What an add or a move changed: every goal's counts, and the children of the goals shown."""


class PlanEdits:
    """The plan-changing keys of one plan screen."""

    def __init__(self, screen: PlanScreen) -> None:
        from vpl_tui.screens.controllers.metric_edits import MetricEdits

        self.screen = screen
        self.metrics = MetricEdits(self)

    def _notify(self, message: str, **options: Any) -> None:
        self.screen.app.notify(message, markup=False, **options)

    # -- the keys --------------------------------------------------------------------------

    def add_at_cursor(self) -> None:
        """`+`: a new activity under the goal or initiative under the cursor (or the
        activity's own goal or initiative)."""
        from vpl_tui.screens.dialogs.activity_form import ActivityForm

        screen, s = self.screen, self.screen.strings
        place = _place_of(screen.cursor_item())
        if place is None:
            self._notify(s("app.plan_edit.select_place"), severity="warning")
            return
        year = screen.view.top.info.year if screen.view.top else date.today().year
        defaults = {"start": f"{year}-01-01", "end": f"{year}-12-31", "kind": "activity"}
        form = ActivityForm(
            s,
            heading=s("app.form.add_title", place=place),
            ref=screen.store.next_ref(place),
            values=defaults,
            is_new=True,
        )

        def saved(values: dict[str, str] | None) -> None:
            if values is None:
                return
            kind, opened = values.pop("kind"), self._opened()
            self._in_worker(
                lambda store: self._with_refresh(
                    store, store.add_activity(place, kind=kind, **values), opened
                ),
                self._placed("app.plan_edit.added"),
            )

        screen.app.push_screen(form, saved)

    def edit_at_cursor(self) -> None:
        """`e`: the activity's form, or the goal's or initiative's texts."""
        item = self.screen.cursor_item()
        if isinstance(item, ActivityItem):
            self._edit_activity(item.record)
        elif isinstance(item, GoalItem | InitiativeItem):
            self._edit_texts(item)
        elif isinstance(item, MetricItem):
            self.metrics.edit(item)
        else:
            self._notify(self.screen.strings("app.plan_edit.select_editable"), severity="warning")

    def move_at_cursor(self) -> None:
        """`m`: pick the goal or initiative to move the activity to."""
        from vpl_tui.screens.dialogs.move_dialog import MoveDialog

        activity = self.screen.changes.cursor_activity()
        if activity is None:
            return
        store = self.screen.store
        places = [(t.id, t.title, t.kind == "initiative") for t in store.targets()]
        current = activity.initiative_id or activity.goal_number
        dialog = MoveDialog(self.screen.strings, ref=activity.ref, places=places, current=current)

        def chosen(place: str | None) -> None:
            if place is None or place == current:
                return
            opened = self._opened()
            self._in_worker(
                lambda store: self._with_refresh(store, _moved(store, activity, place), opened),
                self._placed("app.plan_edit.moved"),
                activity,
            )

        self.screen.app.push_screen(dialog, chosen)

    def cancel_at_cursor(self) -> None:
        """`x`: cancel the activity, once asked (it stays, with its history); one without
        any history is removed instead, once asked in those words (`u` puts it back)."""
        from vpl_tui.screens.dialogs.confirm_dialog import ConfirmDialog

        activity = self.screen.changes.cursor_activity()
        if activity is None:
            return
        s = self.screen.strings
        if not self.screen.store.has_history(activity.ref):
            question = s("app.confirm.remove", ref=clean(activity.ref))
            self.screen.app.push_screen(ConfirmDialog(s, question), self._remove(activity))
            return
        question = s("app.confirm.cancel", ref=clean(activity.ref))

        def answered(yes: bool | None) -> None:
            if not yes:
                return

            def write(store: Store) -> ActivityRecord:
                store.cancel_activity(activity.ref, expected_version=activity.version)
                return store.activity(activity.ref)

            def done(after: ActivityRecord) -> None:
                self.screen.changes.account(activity, after)
                self.screen.plan_detail.show()
                self._notify(s("app.plan_edit.cancelled", ref=clean(after.ref)))

            self._in_worker(write, done, activity)

        self.screen.app.push_screen(ConfirmDialog(s, question), answered)

    def _remove(self, activity: ActivityRecord) -> Callable[[bool | None], None]:
        """Once the removal is confirmed: remove it, and read its goal's children again."""

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            opened = self._opened()
            message = self.screen.strings("app.plan_edit.removed", ref=activity.ref)
            self._in_worker(
                lambda store: self._with_refresh(
                    store,
                    store.remove_activity(activity.ref, expected_version=activity.version),
                    opened,
                ),
                lambda result: self._refreshed(result[1], message),
                activity,
            )

        return answered

    def toggle_mine(self) -> None:
        """`R`: straight to the filter "mina" (also in `f`'s cycle); again: the whole plan."""
        screen = self.screen
        screen.filter = "all" if screen.filter == MINE else MINE

    def show_responsible(self, name: str) -> None:
        """Narrow the tree to the activities `name` is responsible for (the palette's choice).

        It is a search for `@NAME` (`PlanHistory.search`): the field shows it, and escape
        gives the whole plan back, as after any search.
        """
        screen = self.screen
        screen.search.open()
        screen.search.field.value = RESPONSIBLE_PREFIX + name
        screen.set_focus(screen.tree)

    # -- editing ---------------------------------------------------------------------------

    def _edit_activity(self, activity: ActivityRecord) -> None:
        from vpl_tui.screens.dialogs.activity_form import ActivityForm

        s = self.screen.strings
        values = {
            "title": activity.title,
            "kind": activity.kind,
            "start": activity.start.isoformat(),
            "end": activity.end.isoformat(),
            "responsible": activity.responsible,
        }
        form = ActivityForm(
            s, heading=s("app.form.edit_title", ref=activity.ref), ref=activity.ref, values=values
        )

        def saved(new: dict[str, str] | None) -> None:
            if new is None:
                return
            changed = {field: value for field, value in new.items() if values[field] != value}
            if not changed:
                self._notify(s("app.plan_edit.nothing"))
                return

            def write(store: Store) -> ActivityRecord:
                store.edit_activity(activity.ref, changed, expected_version=activity.version)
                return store.activity(activity.ref)

            def done(after: ActivityRecord) -> None:
                self.screen.changes.account(activity, after)
                self.screen.plan_detail.show()
                self._notify(s("app.plan_edit.saved", ref=clean(after.ref)))

            self._in_worker(write, done, activity)

        self.screen.app.push_screen(form, saved)

    def _edit_texts(self, item: GoalItem | InitiativeItem) -> None:
        from vpl_tui.model.plan_changes import TEXT_FIELDS
        from vpl_tui.screens.dialogs.text_form import TextForm

        screen, s = self.screen, self.screen.strings
        if isinstance(item, GoalItem):
            kind, ident, what = "goal", item.record.number, item.record.number
        else:
            kind, ident, what = "initiative", item.record.id, item.record.title
        texts = screen.store.texts_now(kind, ident)
        version = screen.store.text_version(kind, ident)
        title_field, text_field = TEXT_FIELDS[kind]
        form = TextForm(
            s,
            heading=s("app.form.text_title", what=what),
            fields=(title_field, text_field),
            values=texts,
        )

        def saved(new: dict[str, str] | None) -> None:
            if new is None:
                return
            changed = {field: value for field, value in new.items() if texts[field] != value}
            if not changed:
                self._notify(s("app.plan_edit.nothing"))
                return
            opened = self._opened()
            self._in_worker(
                lambda store: self._with_refresh(
                    store, store.edit_text(kind, ident, changed, expected_version=version), opened
                ),
                lambda result: self._refreshed(result[1], s("app.plan_edit.saved", ref=ident)),
            )

        screen.app.push_screen(form, saved)

    # -- undo (`u`) of a plan change ---------------------------------------------------------

    def undone(self, change: PlanChangeRecord) -> None:
        """After `u` undid a plan change (on the screen's store): show it, in place."""
        from vpl_tui.views.plan_changes import undone_line

        screen = self.screen
        self._notify(undone_line(screen.strings, change))
        screen.plan_detail.forget_history()
        item = screen.tree.index.item(("activity", change.target))
        if change.target_kind == "activity" and change.field not in ("place", "added", "removed"):
            now = screen.store.activity(change.target)
            before = item.record if isinstance(item, ActivityItem) else now
            screen.changes.account(before, now)
            screen.plan_detail.show()
            return
        opened = self._opened()
        self._in_worker(lambda store: self._with_refresh(store, None, opened), self._refreshed_only)

    # -- the worker and the tree -------------------------------------------------------------

    def _in_worker(
        self,
        write: Callable[[Store], T],
        done: Callable[[T], None],
        seen: ActivityRecord | None = None,
    ) -> None:
        """Run `write` in a worker thread on a store of its own; `done` on the event loop."""
        screen = self.screen
        path, app = screen.store.path, screen.app
        screen.outline.changed()  # reads started before now are out of date

        def work() -> None:
            try:
                with Store.open(path) as store:
                    result = write(store)
            except StalePlanChange as stale:
                app.call_from_thread(self._stale, seen, stale)
            except VplError as error:
                message = error.render(screen.strings)
                app.call_from_thread(self._notify, message, severity="error", timeout=8)
            else:
                app.call_from_thread(self._finished, done, result)

        screen.run_worker(work, thread=True, group="plan-edit")

    def _finished(self, done: Callable[[T], None], result: T) -> None:
        # This screen's own change, committed from the worker's connection: not news of
        # someone else's (`OutsideChanges.check` would say the plan was changed elsewhere).
        self.screen.outside.seen_version = self.screen.store.data_version()
        done(result)

    def _stale(self, seen: ActivityRecord | None, stale: StalePlanChange) -> None:
        """Someone else changed it first: say what it is now, and show it."""
        self._notify(stale.render(self.screen.strings), severity="warning", timeout=8)
        self.screen.plan_detail.forget_history()
        if seen is not None and stale.current is not None:
            self.screen.changes.account(seen, stale.current)
        self.screen.outside.reload()

    def _opened(self) -> list[Item]:
        """On the event loop: the goals and initiatives whose children the tree shows."""
        return [
            node.data
            for node in self.screen.tree.index.nodes()
            if isinstance(node.data, GoalItem | InitiativeItem) and node.data.loaded
        ]

    def _with_refresh(self, store: Store, result: T, opened: list[Item]) -> tuple[T, Refreshed]:
        """In the worker: `result`, with every goal's counts and the children of `opened`
        read again (where an activity came, went or moved)."""
        screen = self.screen
        goals = store.goals(screen.today)
        children = {item.key: screen.view.children_of(store, item) for item in opened}
        judge_read(store, children.values(), screen)  # their metric lines too
        return result, (goals, children)

    def _placed(self, key: str) -> Callable[[tuple[Any, Refreshed]], None]:
        """After an add or a move: the tree in place, and the cursor on the activity."""

        def done(result: tuple[Any, Refreshed]) -> None:
            record, refreshed = result
            place = record.initiative_id or record.goal_number
            self._refreshed(refreshed, self.screen.strings(key, ref=record.ref, place=place))
            if self.screen.outline.reveal(ActivityItem(record)):
                self.screen.plan_detail.show()

        return done

    def _refreshed_only(self, result: tuple[Any, Refreshed]) -> None:
        self._refreshed(result[1], None)

    def _refreshed(self, refreshed: Refreshed, message: str | None) -> None:
        screen = self.screen
        goals, children = refreshed
        tree, view = screen.tree, screen.view
        view.set_mine(None)  # an activity came, went or moved: "mina" counts it again
        for goal in goals:
            for key in view.set_goal(goal, tree.index):
                node = tree.index.get(key)
                if node is not None:
                    tree.refresh_item(node)
        for key, items in children.items():
            node = tree.index.get(key)
            if node is not None and node.data is not None and node.data.loaded:
                screen.outside.replace_children(node, items)
        screen.plan_detail.show()
        if message:
            self._notify(clean(message))


def _place_of(item: Item | None) -> str | None:
    """The goal or initiative a new activity goes under, from the line under the cursor."""
    if isinstance(item, GoalItem):
        return item.record.number
    if isinstance(item, InitiativeItem):
        return item.record.id
    if isinstance(item, ActivityItem):
        return item.record.initiative_id or item.record.goal_number
    return None


def _moved(store: Store, activity: ActivityRecord, place: str) -> ActivityRecord:
    """Move `activity` (as seen) to `place`; the activity as it is then."""
    store.move_activity(activity.ref, place, expected_version=activity.version)
    return store.activity(activity.ref)
