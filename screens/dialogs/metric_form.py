"""The form of one metric (mätetal): add one (`M`) or edit it (`e` on its line).

Its name, unit, Kolada KPI, which way is better, and a target for each year of the plan's
period (and any other year it has one for). Each field is checked as it is typed by the
plan file's own rules and in its words (`vpl_tui.model.plan_changes.metric_problems`), and
under each target the form says whether it can be judged (`vpl_tui.rules.targets`): "kan
bedömas: Högst 50" or "kan inte bedömas". A new metric's id is the next of its owner's
pattern, shown as it will be. Plan text is shown as it is, never as markup.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Select, Static

from vpl_tui.rules.targets import parse_target
from vpl_tui.screens.dialogs.field_form import FieldForm
from vpl_tui.screens.safe import plain
from vpl_tui.strings import Strings
from vpl_tui.views.plan_changes import shown_value

TEXT_FIELDS = ("name", "unit", "kolada_kpi")
"""The form's text fields before the targets; `higher_is_better` is a choice after them."""
TARGET = "target:"


def target_years(period: str, targets: dict[str, str]) -> list[str]:
    """The years a target can be given for: the plan's period's ("2023-2026") and any other
    the metric has one for."""
    first, _, last = period.partition("-")
    years = set(targets)
    if first.isdigit() and last.isdigit():
        years |= {str(year) for year in range(int(first), int(last) + 1)}
    return sorted(years)


def judged_text(strings: Strings, target: str) -> str:
    """Whether a target text can be judged, in the form's words ("" for no target)."""
    if not target.strip():
        return ""
    if parse_target(target) is None:
        return strings("app.metric_form.not_judgeable")
    return strings("app.metric_form.judgeable", target=shown_value(target, 40))


class MetricForm(FieldForm):
    """Fields of one metric; dismisses with the values (text, targets as `target:<year>`,
    "" for none), or None on escape.

    Args:
        strings: The interface language.
        heading: What the form is for.
        ident: The metric's id (a new one's, as it will be given).
        values: The fields to start from (`vpl_tui.db.metric_edit.metric_values`).
        years: The years a target can be given for.
        is_new: Say that the id is the one it will get.
    """

    CSS_PATH = "metric_form.tcss"

    def __init__(
        self,
        strings: Strings,
        *,
        heading: str,
        ident: str,
        values: dict[str, str],
        years: list[str],
        is_new: bool = False,
    ) -> None:
        super().__init__(strings, heading=heading, values=values)
        self.ident = ident
        self.years = years
        self.is_new = is_new
        self.problems: dict[str, Any] = {}

    def compose(self) -> ComposeResult:
        s = self.strings
        with VerticalScroll(id="dialog"):
            yield Static(plain(self.heading), id="dialog-heading")
            subject = s("app.metric_form.new_id", ident=self.ident) if self.is_new else self.ident
            yield Static(plain(subject), id="dialog-subject")
            for field in TEXT_FIELDS:
                yield from self.text_field(field, s(f"field.{field}"))
            with Vertical(classes="field"):
                yield Static(Text(s("field.higher_is_better")), classes="label")
                yield Select(
                    [
                        (Text(s("app.metric_form.higher")), "true"),
                        (Text(s("app.metric_form.lower")), "false"),
                    ],
                    value=self.initial.get("higher_is_better", "true"),
                    allow_blank=False,
                    id="higher_is_better",
                )
            for year in self.years:
                with Vertical(classes="field"):
                    yield Static(Text(s("field.target", year=year)), classes="label")
                    yield Input(self.initial.get(TARGET + year, ""), id=f"target-{year}")
                    yield Static("", id=f"judged-{year}", classes="judged")
                    yield Static("", id=f"error-target-{year}", classes="error")
            yield Static(Text(s("app.form.hint")), id="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()
        self.check()

    def values(self) -> dict[str, str]:
        """What the fields say now (targets as `target:<year>`, "" for none)."""
        values = {field: self.query_one(f"#{field}", Input).value for field in TEXT_FIELDS}
        values["unit"], values["kolada_kpi"] = values["unit"].strip(), values["kolada_kpi"].strip()
        values["higher_is_better"] = str(self.query_one("#higher_is_better", Select).value)
        for year in self.years:
            values[TARGET + year] = self.query_one(f"#target-{year}", Input).value.strip()
        return values

    def check(self) -> dict[str, Any]:
        """Check the fields by the plan file's rules; say under each target whether it can
        be judged, and under each field why it is refused."""
        from vpl_tui.model.plan_changes import metric_problems  # pydantic: when a form opens

        values = self.values()
        self.problems = metric_problems(values)
        for field in TEXT_FIELDS:
            self.show_reason(f"#error-{field}", self.problems.get(field))
        for year in self.years:
            judged = self.query_one(f"#judged-{year}", Static)
            judged.update(plain(judged_text(self.strings, values[TARGET + year])))
            self.show_reason(f"#error-target-{year}", self.problems.get(TARGET + year))
        return self.problems

    def refused_at(self) -> str | None:
        problems = self.check()
        if not problems:
            return None
        first = next(iter(problems))
        return f"#target-{first.removeprefix(TARGET)}" if first.startswith(TARGET) else f"#{first}"
