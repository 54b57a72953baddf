"""Key bindings in the user's language: the one place they are translated.

Textual reads a binding's description and tooltip from class-level `BINDINGS`, but the
language is only known when the app starts. Every binding of the app has an id, and
one scheme names its texts in the catalog: `app.key.<id>` is the short description
(footer, help, palette) and `app.tip.<id>` the tooltip and longer help. The app, each
screen, widget and dialog calls `localise_bindings` as it is created. The ids stay
stable, so a keymap (`App.set_keymap`) can remap any key by id.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding
from textual.dom import DOMNode

from vpl_tui.strings import CATALOG, Strings


def catalog_keys(binding_id: str) -> tuple[str, str]:
    """The catalog keys of a binding's description and tooltip."""
    return f"app.key.{binding_id}", f"app.tip.{binding_id}"


def localised(binding: Binding, strings: Strings) -> Binding:
    """`binding` with its description and tooltip from the catalog, when its id has them."""
    if binding.id is None:
        return binding
    description, tooltip = catalog_keys(binding.id)
    if description not in CATALOG:
        return binding
    return replace(binding, description=strings(description), tooltip=strings(tooltip))


def localise_bindings(node: DOMNode, strings: Strings) -> None:
    """Replace the description and tooltip of `node`'s bindings with catalog text.

    Args:
        node: A screen, widget or app, after its `__init__` has set up its bindings.
        strings: The catalog in the user's language.
    """
    # Private: `_bindings` is the node's own copy of its class bindings, the map that
    # the footer, the help and key dispatch read. Textual has no public way to change a
    # binding's text once the class is defined (`set_keymap` changes keys only);
    # tests/test_textual_private.py fails if this attribute changes.
    bindings = node._bindings
    for key, items in list(bindings.key_to_bindings.items()):
        bindings.key_to_bindings[key] = [localised(binding, strings) for binding in items]
