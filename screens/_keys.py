"""Key bindings in the user's language.

Textual reads a binding's description and tooltip from class-level `BINDINGS`, but the
language is only known when the app starts. Every binding of the app has an id; the
catalog holds its description under `app.key.<id>` and its tooltip under `app.tip.<id>`,
and `localise_bindings` swaps them in on each screen or widget as it is created. The
ids stay stable, so a keymap (`App.set_keymap`) can remap any key by id.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding
from textual.dom import DOMNode

from vpl_tui.strings import CATALOG, Strings


def localise_bindings(node: DOMNode, strings: Strings) -> None:
    """Replace the description and tooltip of `node`'s bindings with catalog text.

    Args:
        node: A screen, widget or app, after its `__init__` has set up its bindings.
        strings: The catalog in the user's language.
    """
    bindings = node._bindings  # the node's own copy of its class bindings
    for key, items in list(bindings.key_to_bindings.items()):
        bindings.key_to_bindings[key] = [localised(binding, strings) for binding in items]


def localised(binding: Binding, strings: Strings) -> Binding:
    """`binding` with its description and tooltip from the catalog, when its id has them."""
    if binding.id is None or f"app.key.{binding.id}" not in CATALOG:
        return binding
    return replace(
        binding,
        description=strings(f"app.key.{binding.id}"),
        tooltip=strings(f"app.tip.{binding.id}"),
    )
