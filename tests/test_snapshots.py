"""Snapshots of the app at 120x40 on the bundled plan, on a fixed day, with no history shown.

Update after an intended change with `pytest tests/test_snapshots.py --snapshot-update`
and look at the SVGs in tests/__snapshots__/test_snapshots/ before committing them.
"""

from __future__ import annotations

from pathlib import Path

from test_app_support import SIZE, go_to_activity, make_app, settle
from textual.pilot import Pilot

from vpl_tui.db.store import Store


def test_main_screen(snap_compare, store: Store, tmp_path: Path) -> None:
    assert snap_compare(make_app(store, tmp_path), terminal_size=SIZE, run_before=settle)


def test_activity_detail(snap_compare, store: Store, tmp_path: Path) -> None:
    # An investigation assignment under a strategic initiative, with metrics above it.
    async def open_activity(pilot: Pilot) -> None:
        await settle(pilot)
        await go_to_activity(pilot, "accelererad-7")

    app = make_app(store, tmp_path)
    assert snap_compare(app, terminal_size=SIZE, run_before=open_activity)


def test_help_screen(snap_compare, store: Store, tmp_path: Path) -> None:
    async def open_help(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("question_mark")

    app = make_app(store, tmp_path)
    assert snap_compare(app, terminal_size=SIZE, run_before=open_help)
