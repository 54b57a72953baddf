"""The form of one activity: add one under a goal or initiative (`+`), or edit it (`e`).

Each field is checked as it is typed, by the plan file's own rules and in its words
(`vpl_tui.rules.activity_fields`): an end before the start, a date that is
not `YYYY-MM-DD`, an empty title. The form saves only what those rules accept; the store
checks again as it writes, and refuses a change made on a version someone else changed.
A new activity's ref is the next of its goal's or initiative's pattern, shown as it will be.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Select, Static

from vpl_tui.screens.dialogs.field_form import FieldForm
from vpl_tui.screens.safe import plain
from vpl_tui.strings import Strings

TEXT_FIELDS = ("title", "start", "end", "responsible")
"""The form's text fields, in order; `kind` is a choice between them."""
KINDS = ("activity", "investigation")


class ActivityForm(FieldForm):
    """Fields of one activity; dismisses with the values (text), or None on escape.

    Args:
        strings: The interface language.
        heading: What the form is for ("Ny aktivitet under 1.1.1", "Redigera 1.1.1-3").
        ref: The activity's ref (a new one's, as it will be given).
        values: The fields to start from: title, kind, start, end, responsible.
        is_new: Say that the ref is the one it will get.
    """

    CSS_PATH = "activity_form.tcss"

    def __init__(
        self,
        strings: Strings,
        *,
        heading: str,
        ref: str,
        values: dict[str, str],
        is_new: bool = False,
    ) -> None:
        super().__init__(strings, heading=heading, values=values)
        self.ref = ref
        self.is_new = is_new
        self.problems: dict[str, Any] = {}

    def compose(self) -> ComposeResult:
        s = self.strings
        with VerticalScroll(id="dialog"):
            yield Static(plain(self.heading), id="dialog-heading")
            subject = s("app.form.new_ref", ref=self.ref) if self.is_new else self.ref
            yield Static(plain(subject), id="dialog-subject")
            for field in TEXT_FIELDS:
                yield from self.text_field(field, s(f"field.{field}"))
                if field == "title":
                    with Vertical(classes="field"):
                        yield Static(Text(s("field.kind")), classes="label")
                        yield Select(
                            [(Text(s(f"app.form.kind.{kind}")), kind) for kind in KINDS],
                            value=self.initial.get("kind", "activity"),
                            allow_blank=False,
                            id="kind",
                        )
                        yield Static("", id="error-kind", classes="error")
            yield Static(Text(s("app.form.hint")), id="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()
        self.check()

    def values(self) -> dict[str, str]:
        """What the fields say now."""
        values = {field: self.query_one(f"#{field}", Input).value for field in TEXT_FIELDS}
        values["responsible"] = values["responsible"].strip()
        values["start"], values["end"] = values["start"].strip(), values["end"].strip()
        values["kind"] = str(self.query_one("#kind", Select).value)
        return values

    def check(self) -> dict[str, Any]:
        """Check the fields by the plan file's rules and show each one's reason under it."""
        from vpl_tui.rules.activity_fields import activity_field_problems

        self.problems = activity_field_problems(self.values())
        for field in (*TEXT_FIELDS, "kind"):
            self.show_reason(f"#error-{field}", self.problems.get(field))
        return self.problems

    def refused_at(self) -> str | None:
        problems = self.check()
        return f"#{next(iter(problems))}" if problems else None
