"""The user's settings as the app uses them: the theme chosen is kept for the next start.

Read as the plan screen mounts (`vpl_tui.settings.load_settings`); a theme the app does
not have is left aside. A settings file that cannot be read is one line of notice, and
the defaults are used: settings never stop anyone from working. When the theme changes
(the palette's "Tema"), the settings are written again with the new theme, the other
choices in the file kept as they were.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.theme import Theme

from vpl_tui.errors import VplError
from vpl_tui.settings import Settings, load_settings, save_settings

if TYPE_CHECKING:
    from vpl_tui.screens.plan import PlanScreen


class ThemeSetting:
    """Applies the saved theme at start, and saves the theme whenever it changes."""

    def __init__(self, screen: PlanScreen) -> None:
        self.screen = screen
        self.settings: Settings | None = None
        """As read at start; None when the file could not be read (it is then left alone)."""

    def start(self) -> None:
        """Apply the saved theme, then follow the theme the user picks."""
        app = self.screen.app
        try:
            self.settings = load_settings()
        except VplError as error:
            app.notify(error.render(self.screen.strings), severity="warning", markup=False)
        theme = self.settings.theme if self.settings is not None else None
        if theme and theme in app.available_themes and theme != app.theme:
            app.theme = theme
        app.theme_changed_signal.subscribe(self.screen, self.changed)

    def changed(self, theme: Theme) -> None:
        """The user picked `theme`: keep it for the next start."""
        if self.settings is None or self.settings.theme == theme.name:
            return  # a file that could not be read is not overwritten
        self.settings = self.settings.with_changes(theme=theme.name)
        try:
            save_settings(self.settings)
        except VplError as error:
            self.screen.app.notify(
                error.render(self.screen.strings), severity="warning", markup=False
            )
