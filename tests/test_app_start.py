"""The app's first screen: complete when it is first shown, however quick the plan's read.

The plan screen waits briefly for the top level the app starts reading as it is created
(`FIRST_READ_WAIT`), so that the first paint shows the plan; a slower read shows that
the plan is being read, then the plan. The start imports none of the packages a person
waits for that showing the plan does not need: pydantic (the plan file's models) and
sqlite-utils (the writes), which a person notices as the app opening at once.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from concurrent.futures import Future
from pathlib import Path

import pytest
from helpers.imports import SLOW_TO_IMPORT
from test_app_support import (
    SIZE,
    TODAY,
    cursor_key,
    detail_text,
    line_of,
    make_app,
    plan,
    settle,
)

from vpl_tui.db.store import Store
from vpl_tui.screens import plan as plan_module
from vpl_tui.screens.app import VplApp
from vpl_tui.screens.controllers.reads import read_top_level
from vpl_tui.strings import Strings
from vpl_tui.views.plan_items import TopLevel


async def test_the_first_screen_is_complete_when_it_says_it_is_up(
    store: Store, tmp_path: Path
) -> None:
    seen: list[tuple[list[str], tuple[str, ...] | None, str]] = []

    class RecordingApp(VplApp):
        def on_plan_screen_loaded(self, _message: object) -> None:
            # What the screen holds at the moment it says it is up (`Loaded`).
            screen = plan(self)
            labels = [screen.tree.label_text(node) for node in screen.tree.root.children]
            title = screen.detail.body.parts["title"]
            seen.append((labels, cursor_key(self), str(title)))

    app = RecordingApp(store, Strings("sv"), today=TODAY, summary_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert detail_text(app).startswith("KS-Kommunstaben · Verksamhetsplan 2023")
    [(labels, key, title)] = seen
    assert labels[0] == "Uppdrag"
    assert "▼ 0/14 !14  Mål för kompetensförsörjningen" in labels
    assert key == ("mandate",)
    assert title == "Uppdrag"


async def test_a_slow_first_read_says_the_plan_is_being_read(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(plan_module, "FIRST_READ_WAIT", 0.01)
    app = make_app(store, tmp_path)
    pending: Future[TopLevel] = Future()
    app._first_read = pending  # the read the app started, still going
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert detail_text(app) == "Läser planen…"
        assert plan(app).tree.loading
        pending.set_result(read_top_level(store.path, TODAY))
        await settle(pilot)
        assert not plan(app).tree.loading
        assert detail_text(app).startswith("KS-Kommunstaben")
        assert "0/14 !14" in line_of(app, "Mål för kompetensförsörjningen")
        assert plan(app).tree.has_focus


NOT_FOR_THE_START = tuple(name for name in SLOW_TO_IMPORT if name != "textual") + ("sqlite_utils",)
"""Slow to import and not needed to show the plan."""


def test_the_start_imports_nothing_slow_it_does_not_need(store: Store) -> None:
    # In a process of its own: the test session has imported them all already.
    script = textwrap.dedent(
        f"""
        import asyncio, sys
        from datetime import date
        from vpl_tui.screens.app import VplApp
        from vpl_tui.db.store import Store
        from vpl_tui.strings import Strings

        async def main():
            app = VplApp(Store.open({str(store.path)!r}), Strings("sv"), today=date(2024, 3, 1))
            async with app.run_test(size=(120, 40)) as pilot:
                for _ in range(3):
                    await app.workers.wait_for_complete()
                    await pilot.pause()
                # Onto a goal with metrics, and open it: its detail and children too.
                await pilot.press("down", "down", "enter", "down")
                await pilot.pause()
                print(sorted(m for m in {NOT_FOR_THE_START!r} if m in sys.modules))

        asyncio.run(main())
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"
