"""The plan screen's keys as the help lists them, and its commands for the palette.

Both are built from the bindings the classes declare (`BINDINGS`, the public way to
read them) in the user's language (`keys.localised`), so the help, the palette and the
footer say the same thing about a key.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.binding import Binding, BindingType

from vpl_tui.rules.progress import FILTERS
from vpl_tui.screens.controllers.plan_edit_keys import (
    PLAN_EDIT_BINDINGS,
    PLAN_EDIT_COMMANDS,
    PLAN_EDIT_IDS,
)
from vpl_tui.screens.help import KeyHelp
from vpl_tui.screens.keys import localised

if TYPE_CHECKING:
    from vpl_tui.screens.plan import PlanScreen

PLAN_BINDINGS: list[BindingType] = [
    Binding(
        "space",
        "toggle_done",
        "Done/undo",
        tooltip="Mark the activity done, or back to its status before done",
        id="toggle-done",
    ),
    Binding("s", "set_status", "Status", tooltip="Choose a new status", id="set-status"),
    Binding("n", "note", "Note", tooltip="Change the status with a note", id="note"),
    Binding("u", "undo", "Undo", tooltip="Undo your last status change", id="undo"),
    *PLAN_EDIT_BINDINGS,
    Binding(
        "o",
        "outcome",
        "Outcome",
        show=False,  # the metric's pane names the key where it applies
        tooltip="Enter the metric's outcome for the current period",
        id="outcome",
    ),
    Binding(
        "slash",
        "search",
        "Search",
        tooltip="Find by part of a title",
        id="search",
        priority=True,  # before the keys typed right after it: they go into the field
    ),
    Binding(
        "enter",
        "search_go",
        "To the first match",
        show=False,
        tooltip="In the search field: to the first match, in the tree",
        id="search-go",
        priority=True,  # before the keys typed right after it: they go to the tree
    ),
    Binding(
        "f",
        "cycle_filter",
        "Filter",
        tooltip="all → open → in progress → delayed → overdue → done → mine",
        id="filter",
    ),
    Binding("p", "report", "Report", tooltip="The board report of the period", id="report"),
    Binding(
        "P", "summary", "Summary", show=False, tooltip="The quick status summary", id="summary"
    ),
    Binding("b", "budget", "Budget", tooltip="The budget reconciliation", id="budget"),
    Binding(
        "a",
        "followup",
        "Follow-up",
        show=False,  # the footer is full at 120 columns: the help and the palette list it
        tooltip="Assess the goal or initiative for the period",
        id="followup",
    ),
    Binding(
        "c",
        "completeness",
        "Missing",
        show=False,
        tooltip="What the follow-up lacks",
        id="completeness",
    ),
    Binding(
        "left_square_bracket",
        "period(-1)",
        "Previous period",
        show=False,
        tooltip="The period before",
        id="period-previous",
    ),
    Binding(
        "right_square_bracket",
        "period(1)",
        "Next period",
        show=False,
        tooltip="The period after",
        id="period-next",
    ),
    Binding("escape", "clear", "Clear", show=False, tooltip="Clear search or filter", id="clear"),
    Binding(
        "tab",
        "app.focus_next",
        "Switch pane",
        show=False,
        tooltip="Between the tree and the detail pane, whose text the arrow keys scroll",
        id="switch-pane",
    ),
]
"""The plan screen's keys (`PlanScreen.BINDINGS`), in English: `keys.localise_bindings`
puts them in the user's language."""

HELP_SECTIONS: dict[str, tuple[str, ...]] = {
    "move": (
        "cursor-up",
        "cursor-down",
        "collapse",
        "expand",
        "toggle-node",
        "first",
        "last",
        "page-up",
        "page-down",
    ),
    "change": ("toggle-done", "set-status", "note", "undo", *PLAN_EDIT_IDS),
    "find": ("search", "search-go", "filter", "clear"),
    "followup": ("followup", "completeness", "period-previous", "period-next"),
    "other": ("switch-pane", "report", "summary", "budget", "palette", "help", "quit"),
}
"""The help's sections, by catalog name, and the binding ids in each, in order."""
PALETTE_COMMANDS = (
    "toggle-done",
    "set-status",
    "note",
    "undo",
    "outcome",
    *PLAN_EDIT_COMMANDS,
    "search",
    "filter",
    "report",
    "summary",
    "budget",
    "followup",
    "completeness",
    "period-previous",
    "period-next",
)
"""The plan screen's keys that the palette offers as commands, by binding id."""


@dataclass(frozen=True)
class Command:
    """An entry of the command palette."""

    title: str
    help: str
    run: Callable[[], object]


def _bindings(screen: PlanScreen, *owners: type) -> list[Binding]:
    """The bindings `owners` declare, one per key, in the user's language."""
    declared = [binding for owner in owners for binding in getattr(owner, "BINDINGS", [])]
    return [localised(binding, screen.strings) for binding in Binding.make_bindings(declared)]


def key_help(screen: PlanScreen) -> list[tuple[str, list[KeyHelp]]]:
    """The keys of the screen, its tree and the app, in sections for the help screen."""
    by_id: dict[str, KeyHelp] = {}
    owners = (type(screen.tree), type(screen), type(screen.app))
    for binding in _bindings(screen, *owners):
        if binding.id is None:
            continue
        shown = screen.app.get_key_display(binding)
        known = by_id.get(binding.id)
        keys = f"{known.keys} {shown}" if known else shown
        by_id[binding.id] = KeyHelp(keys, binding.description, binding.tooltip)
    s = screen.strings
    return [
        (s(f"app.help.section.{name}"), [by_id[i] for i in ids if i in by_id])
        for name, ids in HELP_SECTIONS.items()
    ]


def palette_commands(screen: PlanScreen) -> list[Command]:
    """The screen's own commands for the palette: its keys, and each filter by name."""
    s = screen.strings
    by_id = {binding.id: binding for binding in _bindings(screen, type(screen))}
    result = []
    for name in PALETTE_COMMANDS:
        binding = by_id.get(name)
        if binding is None:
            continue
        help_text = f"{screen.app.get_key_display(binding)} · {binding.tooltip}"
        result.append(Command(binding.description, help_text, _action(screen, binding.action)))
    for name in FILTERS:
        title = s("app.filter.command", name=s(f"app.filter.{name}"))
        result.append(Command(title, s("app.tip.filter"), _set_filter(screen, name)))
    return result


def _action(screen: PlanScreen, action: str) -> Callable[[], object]:
    return lambda: screen.run_action(action)


def _set_filter(screen: PlanScreen, name: str) -> Callable[[], object]:
    return lambda: screen.set_filter(name)
