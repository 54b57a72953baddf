"""What the app tests share: building the app on a real database, waiting, reading the screen.

No tests here (pytest collects the module and finds none); the app tests import from it.
"""

from __future__ import annotations

import importlib
import io
import pkgutil
from datetime import date
from pathlib import Path

from rich.console import Console
from textual.dom import DOMNode
from textual.pilot import Pilot
from textual.widget import Widget

import vpl_tui.screens
from vpl_tui.db.store import Store
from vpl_tui.screens.app import VplApp
from vpl_tui.screens.plan import PlanScreen
from vpl_tui.strings import Strings
from vpl_tui.views.plan_items import Item

TODAY = date(2024, 3, 1)
"""After every end date of the bundled plan (2023-12-31): each open activity is overdue."""
SIZE = (120, 40)


def make_app(store: Store, tmp_path: Path, lang: str = "sv", today: date = TODAY) -> VplApp:
    return VplApp(store, Strings(lang), today=today, summary_dir=tmp_path)  # type: ignore[arg-type]


async def settle(pilot: Pilot) -> None:
    """Wait until no worker runs and every message they posted has been handled."""
    for _ in range(4):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def type_text(pilot: Pilot, text: str) -> None:
    await pilot.press(*("space" if ch == " " else ch for ch in text))


def plan(app: VplApp) -> PlanScreen:
    assert app.plan_screen is not None
    return app.plan_screen


def tree_lines(app: VplApp) -> list[str]:
    """The tree's visible lines, as drawn (guides, icons, badges, labels)."""
    tree = plan(app).tree
    lines = ["".join(s.text for s in tree.render_line(y)).rstrip() for y in range(tree.size.height)]
    return [line for line in lines if line]


def line_of(app: VplApp, text: str) -> str:
    """The one visible tree line containing `text`."""
    found = [line for line in tree_lines(app) if text in line]
    assert len(found) == 1, (text, tree_lines(app))
    return found[0]


def screen_text(app: VplApp) -> str:
    """Everything on the terminal, as plain text, the way a user reads it."""
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text(styles=False)


def cursor_item(app: VplApp) -> Item | None:
    node = plan(app).tree.cursor_node
    return node.data if node is not None else None


def cursor_key(app: VplApp) -> tuple[str, ...] | None:
    item = cursor_item(app)
    return item.key if item is not None else None


async def go_to_activity(pilot: Pilot, ref: str) -> None:
    """Put the cursor on an activity (as the palette's jump does), opening what is above it."""
    from vpl_tui.views.plan_items import ActivityItem

    app = pilot.app
    assert isinstance(app, VplApp)
    plan(app).jump_to(ActivityItem(app.store.activity(ref)))
    await pilot.pause()
    assert cursor_key(app) == ("activity", ref)


def widget_lines(app: VplApp, widget: Widget) -> list[str]:
    """The lines of the screen inside `widget`, as the user reads them."""
    region = widget.content_region
    lines = screen_text(app).splitlines()[region.y : region.bottom]
    return [line[region.x : region.right].rstrip() for line in lines]


def detail_text(app: VplApp) -> str:
    """The detail pane as one line of text: wrapped lines joined with single spaces."""
    lines = widget_lines(app, plan(app).detail)
    return " ".join(" ".join(line.split()) for line in lines).strip()


def notifications(app: VplApp) -> list[str]:
    """The messages of the notifications on screen, newest last."""
    return [notification.message for notification in app._notifications]


def declared_key_owners() -> list[type[DOMNode]]:
    """Every app, screen and widget class of `vpl_tui.screens` that declares its own keys."""
    owners: dict[str, type[DOMNode]] = {}
    for module in pkgutil.walk_packages(vpl_tui.screens.__path__, "vpl_tui.screens."):
        for value in vars(importlib.import_module(module.name)).values():
            if (
                isinstance(value, type)
                and issubclass(value, DOMNode)
                and value.__module__.startswith("vpl_tui.")
                and value.__dict__.get("BINDINGS")
            ):
                owners[f"{value.__module__}.{value.__qualname__}"] = value
    return list(owners.values())
