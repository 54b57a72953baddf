"""The terminal app under a stopwatch, headless, in one process: run by benchmarks/run.py.

    python benchmarks/app_bench.py app  --db DB --spawn T [--presses 30] [--word WORD] [--start-only]
    python benchmarks/app_bench.py bare --spawn T [--presses 30] [--word WORD] [--start-only]

Prints one JSON object. `app` drives the real `VplApp` on DB through Textual's Pilot;
`bare` does the same things to a bare Textual app (Header, Tree, Input, Footer and no
vpl code), which is the floor the app is compared with:

- `start`: seconds from `--spawn` (the parent's clock just before it started this
  process) to the first complete screen: the plan screen's `Loaded` message, then a
  repaint. The imports are part of it, as they are when a person types `vpl`.
- `expand`: Enter on goal 1.1 (1 000 children: read, added and shown) until repainted.
  The bare app adds 1 000 leaves to a node when it expands.
- `press_done`: Space on an activity until its row is saved (seen from another SQLite
  connection) and the screen repainted; `press_down`: Down until repainted.
- `keystroke`: one letter typed into the search field until the narrowed tree for the
  text typed so far is shown (bare: until the Input is repainted).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sqlite3
import sys
import time
from collections.abc import Callable
from typing import Any

BIG_GOAL = "1.1"
TIMEOUT = float(os.environ.get("BENCH_TIMEOUT", "120"))


async def until(pilot: Any, done: Callable[[], bool], what: str) -> None:
    """Let the app run until `done()` holds; fail loudly rather than time a wrong thing."""
    deadline = time.perf_counter() + TIMEOUT
    while not done():
        if time.perf_counter() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        await pilot.pause()


def walk(node: Any) -> Any:
    yield node
    for child in node.children:
        yield from walk(child)


def find_node(tree: Any, key: tuple[str, ...]) -> Any:
    for node in walk(tree.root):
        data = node.data
        if data is not None and getattr(data, "key", None) == key:
            return node
    raise LookupError(f"no tree node {key}")


async def run_app(args: argparse.Namespace) -> dict[str, Any]:
    from datetime import date

    from vpl_tui.db.store import Store
    from vpl_tui.screens.controllers.reads import start_reading_top_level
    from vpl_tui.strings import Strings

    # As `vpl` starts the app (vpl_tui.cli.main): the store opened and the first
    # screen's read started before Textual is imported.
    store = Store.open(args.db)
    first_read = start_reading_top_level(store.path, date.today())

    from vpl_tui.screens.app import VplApp

    loaded = asyncio.Event()

    class TimedApp(VplApp):
        """The real app; the plan screen's `Loaded` message bubbles up to it."""

        def on_plan_screen_loaded(self, _message: object) -> None:
            loaded.set()

    app = TimedApp(store=store, strings=Strings("sv"), today=date.today(), first_read=first_read)
    result: dict[str, Any] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await asyncio.wait_for(loaded.wait(), TIMEOUT)
        await pilot.pause()
        result["start"] = time.time() - args.spawn
        if args.start_only:
            return result
        screen = app.screen
        tree = screen.query_one("#tree")

        # Expand the goal with 1 000 children.
        goal = find_node(tree, ("goal", BIG_GOAL))
        tree.move_cursor_to(goal) if hasattr(tree, "move_cursor_to") else tree.move_cursor(goal)
        await pilot.pause()
        started = time.perf_counter()
        await pilot.press("enter")
        await until(pilot, lambda: goal.is_expanded and len(goal.children) > 0, "expand")
        await pilot.pause()
        result["expand"] = time.perf_counter() - started
        result["expand_children"] = len(goal.children)

        # Space (done, saved, repainted) against Down (cursor only), on goal 1.1's activities.
        first = next(n for n in goal.children if getattr(n.data, "key", ("",))[0] == "activity")
        tree.move_cursor_to(first) if hasattr(tree, "move_cursor_to") else tree.move_cursor(first)
        await pilot.pause()
        watcher = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)

        def version(ref: str) -> int:
            return watcher.execute("SELECT version FROM activity WHERE ref = ?", (ref,)).fetchone()[
                0
            ]

        done_times, down_times = [], []
        for _ in range(args.presses):
            ref = tree.cursor_node.data.key[1]
            before = version(ref)
            started = time.perf_counter()
            await pilot.press("space")
            await until(pilot, lambda ref=ref, before=before: version(ref) > before, "saved row")
            await pilot.pause()
            done_times.append(time.perf_counter() - started)
            started = time.perf_counter()
            await pilot.press("down")
            await pilot.pause()
            down_times.append(time.perf_counter() - started)
        result["press_done"] = done_times
        result["press_down"] = down_times

        # Search as you type.
        await pilot.press("slash")
        await pilot.pause()
        field = screen.query_one("#search")
        keystrokes = []
        for letter in args.word:
            started = time.perf_counter()
            await pilot.press(letter)
            typed = field.value.strip()
            await until(
                pilot,
                lambda typed=typed: (
                    screen.search.result is not None and screen.search.result.text == typed
                ),
                "search result",
            )
            await pilot.pause()
            keystrokes.append(time.perf_counter() - started)
        result["keystroke"] = keystrokes
        result["matches"] = len(screen.search.result.activities)
    return result


async def run_bare(args: argparse.Namespace) -> dict[str, Any]:
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Input, Tree

    class Bare(App[None]):
        """A bare Textual app with the widgets the plan screen uses, and nothing of vpl."""

        def compose(self) -> ComposeResult:
            yield Header()
            yield Input(id="search")
            yield Tree("plan", id="tree")
            yield Footer()

        def on_mount(self) -> None:
            tree = self.query_one(Tree)
            tree.root.expand()
            for number in range(1, 40):
                tree.root.add(f"{number}.1 Mål", allow_expand=True)
            tree.focus()

        def on_tree_node_expanded(self, event: Tree.NodeExpanded[None]) -> None:
            node = event.node
            if node is not node.tree.root and not node.children:
                for index in range(1000):
                    node.add_leaf(f"{index + 1}  Ej påbörjad  Aktivitet {index + 1}")

    app = Bare()
    result: dict[str, Any] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        result["start"] = time.time() - args.spawn
        if args.start_only:
            return result
        tree = app.query_one(Tree)
        goal = tree.root.children[0]
        tree.move_cursor(goal)
        await pilot.pause()
        started = time.perf_counter()
        await pilot.press("enter")
        await until(pilot, lambda: goal.is_expanded and len(goal.children) > 0, "expand")
        await pilot.pause()
        result["expand"] = time.perf_counter() - started
        result["expand_children"] = len(goal.children)
        down_times = []
        for _ in range(args.presses):
            started = time.perf_counter()
            await pilot.press("down")
            await pilot.pause()
            down_times.append(time.perf_counter() - started)
        result["press_down"] = down_times
        app.query_one(Input).focus()
        await pilot.pause()
        keystrokes = []
        for letter in args.word:
            started = time.perf_counter()
            await pilot.press(letter)
            await pilot.pause()
            keystrokes.append(time.perf_counter() - started)
        result["keystroke"] = keystrokes
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["app", "bare"])
    parser.add_argument("--db")
    parser.add_argument("--spawn", type=float, required=True)
    parser.add_argument("--presses", type=int, default=30)
    parser.add_argument("--word", default="digitalisering")
    parser.add_argument("--start-only", action="store_true", help="time the start, then quit")
    args = parser.parse_args()
    runner = run_app if args.mode == "app" else run_bare
    result = asyncio.run(runner(args))
    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()
    # Leave at once: tearing down is not part of anything measured here.
    os._exit(0)


if __name__ == "__main__":
    main()
