"""Reads that run in a worker thread, each on its own connection to the database.

A `Store` is bound to the thread that opened it, so work moved off the event loop opens
its own with `Store.open(path)`; everything here returns plain records, which are safe
to hand back to the screen. None of it writes: changes stay on the screen's own store,
where they are made one at a time, in the order the user makes them.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from concurrent.futures import Future
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from vpl_tui.db.store import Store
from vpl_tui.records import InitiativeRecord
from vpl_tui.rules.periods import Period
from vpl_tui.strings import Strings
from vpl_tui.views.plan_items import Item, SearchResult, TopLevel
from vpl_tui.views.plan_tree import PlanView

if TYPE_CHECKING:
    from vpl_tui.views.budget_view import BudgetState

T = TypeVar("T")


def read_top_level(path: Path, today: date) -> TopLevel:
    with Store.open(path) as store:
        return TopLevel(
            # Plain records, not the plan file's models: pydantic would cost the start
            # of the app ~100 ms, for nothing the screen needs.
            info=store.plan_record(),
            mandate=store.mandate_texts(),
            focus=store.focus_records(),
            goals=store.goals(today),
        )


def start_reading_top_level(path: Path, today: date) -> Future[TopLevel]:
    """Start `read_top_level` in a thread of its own, now, and return its future.

    The app starts this as it is created, so that the query (which counts every
    activity of every goal) runs while Textual sets up the screen, not after.
    """
    future: Future[TopLevel] = Future()

    def read() -> None:
        try:
            future.set_result(read_top_level(path, today))
        except BaseException as error:  # handed to whoever waits for the result
            future.set_exception(error)

    threading.Thread(target=read, name="vpl-top-level", daemon=True).start()
    return future


def read_children(
    path: Path, view: PlanView, item: Item, period: Period | None = None
) -> list[Item]:
    """The children of `item` as `view`'s filter shows them (a goal of thousands, say),
    its metrics judged for `period` (read by key: this node's metrics only)."""
    from vpl_tui.screens.controllers.plan_outcomes import judge_items

    with Store.open(path) as store:
        children = view.children_of(store, item)
        judge_items(store, children, period)
        return children


def read_budget(path: Path, strings: Strings) -> BudgetState:
    """The budget, its figures and their history, with the checks run and the tables built."""
    from vpl_tui.views.budget_view import budget_state  # not needed to start the app

    with Store.open(path) as store:
        budget = store.budget()
        if budget is None:
            return budget_state(None, [], [], [], strings)
        return budget_state(
            budget, store.earmarks(), store.figures(), store.figure_history(), strings
        )


def search_activities(path: Path, text: str, limit: int, today: date) -> SearchResult:
    with Store.open(path) as store:
        found = store.search(text, limit + 1)
        initiatives: dict[str, InitiativeRecord] = {}
        for goal_number in dict.fromkeys(a.goal_number for a in found if a.initiative_id):
            initiatives.update({i.id: i for i in store.initiatives(goal_number, today)})
    return SearchResult(text, found[:limit], initiatives, limited=len(found) > limit)


async def result_within(future: Future[T] | None, seconds: float) -> T | None:
    """The result of a thread's `future` if it comes within `seconds`, else None.

    Awaits without holding up the event loop. Giving up waiting leaves the future as it
    is (shielded), so a worker can still take its result over; a failed read is None
    too: whoever takes the result over reports the error.
    """
    if future is None:
        return None
    try:
        return await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(future)), seconds)
    except Exception:  # too slow, or failed
        return None


class OneAtATime:
    """Runs blocking reads in a thread, never more than one at a time.

    A thread cannot be stopped, so when the caller gives up (a newer keystroke cancels
    the search), the lock is kept until the thread has finished: searches queue instead
    of piling up on a large plan, and only the newest waiting one runs next.
    """

    def __init__(self) -> None:
        self._lock = asyncio.Lock()

    async def run(self, function: Callable[..., T], *args: object) -> T:
        async with self._lock:
            future = asyncio.ensure_future(asyncio.to_thread(function, *args))
            try:
                return await asyncio.shield(future)
            except asyncio.CancelledError:
                with contextlib.suppress(Exception):
                    await future
                raise
