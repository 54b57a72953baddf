"""The form of a goal's or an initiative's texts (`e` on its line): its title, and its
description (a goal) or purpose (an initiative), and who is responsible (ansvarig).

Checked as typed by the plan file's rules (`text_problem`): a title may not be empty, no
text may be longer than a plan file allows. The texts are plan text: shown as they are.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Static, TextArea

from vpl_tui.screens.dialogs.field_form import FieldForm
from vpl_tui.screens.safe import plain
from vpl_tui.strings import Strings


class TextForm(FieldForm):
    """A title and one longer text; dismisses with both (by field name), or None on escape.

    Args:
        fields: The two field names (`title` and `description` or `purpose`).
        values: Their texts now.
    """

    CSS_PATH = "text_form.tcss"

    def __init__(
        self, strings: Strings, *, heading: str, fields: tuple[str, str], values: dict[str, str]
    ) -> None:
        super().__init__(strings, heading=heading, values=values)
        self.title_field, self.long_field = fields

    def compose(self) -> ComposeResult:
        s = self.strings
        with Vertical(id="dialog"):
            yield Static(plain(self.heading), id="dialog-heading")
            yield Static(Text(s(f"field.{self.title_field}")), classes="label")
            yield Input(self.initial.get(self.title_field, ""), id="title")
            yield Static("", id="error-title", classes="error")
            yield Static(Text(s(f"field.{self.long_field}")), classes="label")
            yield TextArea(self.initial.get(self.long_field, ""), id="text", soft_wrap=True)
            yield Static("", id="error-text", classes="error")
            yield Static(Text(s("field.responsible")), classes="label")
            yield Input(self.initial.get("responsible", ""), id="responsible")
            yield Static("", id="error-responsible", classes="error")
            yield Static(Text(s("app.form.hint")), id="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()

    def values(self) -> dict[str, str]:
        return {
            self.title_field: self.query_one("#title", Input).value,
            self.long_field: self.query_one("#text", TextArea).text,
            "responsible": self.query_one("#responsible", Input).value.strip(),
        }

    def refused_at(self) -> str | None:
        """Show each field's reason under it; the first refused field's selector."""
        from vpl_tui.model.plan_changes import text_problem
        from vpl_tui.rules.activity_fields import responsible_problem

        values = self.values()
        refused: str | None = None
        for field, widget, required in (
            (self.title_field, "title", True),
            (self.long_field, "text", False),
            ("responsible", "responsible", False),
        ):
            if field == "responsible":
                reason = responsible_problem(values[field])
            else:
                reason = text_problem(values[field], required=required)
            self.show_reason(f"#error-{widget}", reason)
            if reason is not None and refused is None:
                refused = f"#{widget}"
        return refused
