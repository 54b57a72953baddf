"""The key footer, rebuilt only when the keys it shows change.

Textual's `Footer` rebuilds all its keys each time the screen says its bindings may have
changed, and a screen says so several times as it starts (pushed, focused, repainted):
each rebuild mounts and styles a widget per key again, for the same keys, and at the
start of the app that cost more than drawing the plan. This footer compares what it
would show with what it shows, and asks for a rebuild (`refresh(recompose=True)`, done
once at the next repaint however often it is asked) only when they differ. It shows
the keys from its first composition, rather than after the screen's first change of
focus, and builds them with the class their `compact` setting gives them, so that
setting it does not restyle each key once more.

It builds on Footer's private parts, as there is no public way to do any of this:
`FooterKey` (the widget of one key, not exported), and `_bindings_ready` (whether Footer
has been told the keys, the flag its `compose` reads). tests/test_textual_private.py
fails if either changes.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeyFooter(Footer):
    """A `Footer` that rebuilds its keys only when they change."""

    _shown: Hashable = None
    """What the keys were built from (see `_keys`), or None before they are first built."""

    def _keys(self) -> Hashable:
        """Everything `Footer.compose` reads to build the keys, in a comparable form."""
        app = self.app
        return (
            self.compact,
            self.show_command_palette,
            tuple(
                (
                    key,
                    binding.action,
                    app.get_key_display(binding),
                    binding.description,
                    binding.group,
                    binding.show,
                    enabled,
                    tooltip,
                )
                for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
                if binding.show or key == app.COMMAND_PALETTE_BINDING
            ),
        )

    def compose(self) -> ComposeResult:
        # Textual's footer shows no keys until the screen first says its bindings changed
        # (once focused), and then builds them: a second layout and paint of the whole
        # screen at start. The screen's keys are known as soon as the footer is in it;
        # if focus changes them, `bindings_changed` sees the difference and rebuilds.
        self.set_reactive(Footer._bindings_ready, True)  # private, see the module's docstring
        self._shown = self._keys()
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                # Each key sets this class itself once mounted, which restyles it: set
                # before, that finds the class there and costs nothing.
                widget.set_class(self.compact, "-compact", update=False)
            yield widget

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True  # as Footer's own `bindings_changed` does
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and self._keys() != self._shown:
            self.refresh(recompose=True)
