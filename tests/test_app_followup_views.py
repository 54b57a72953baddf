"""The follow-up round's view-models without a terminal: badges, periods, the form, the
suggestion's sentence, completeness; and the badges' contrast in light and dark themes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from test_app_support import SIZE, make_app, plan, settle
from test_app_ui import contrast, is_ansi, needed

from vpl_tui.db.store import Store
from vpl_tui.rules.assessments import DEFAULT_SCALE, Assessment
from vpl_tui.rules.periods import default_periods
from vpl_tui.rules.suggest import suggest
from vpl_tui.screens.widgets.followup_badge import own_colour
from vpl_tui.strings import Strings
from vpl_tui.views.followup import (
    FollowupForm,
    Save,
    badge,
    period_header,
    step_period,
    suggestion_sentence,
)
from vpl_tui.views.followup_round import completeness

SV, EN = Strings("sv"), Strings("en")


@pytest.fixture(autouse=True)
def own_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The themes chosen here are kept in the test's own settings file, no one else's."""
    monkeypatch.setenv("VPL_CONFIG", str(tmp_path / "settings.toml"))


T1, DELAR, AR = default_periods(2023)


class Dated:
    def __init__(self, status: str, end: date) -> None:
        self.status, self.end = status, end


def form(saved: Assessment | None = None, version: int = 0, **options: object) -> FollowupForm:
    return FollowupForm(DEFAULT_SCALE, DELAR, "1.1.1", "goal", "Mål", saved, version, **options)  # type: ignore[arg-type]


def test_periods_in_the_header_and_stepping_through_them() -> None:
    assert period_header(T1, SV) == "Tertial 1 (prognos)"
    assert period_header(AR, EN) == "Årsredovisning (verdict)"
    periods = (AR, T1, DELAR)  # in any order: by end date
    assert step_period(periods, "t1", 1) == DELAR
    assert step_period(periods, "delar", -1) == T1
    assert step_period(periods, "ar", 1) is None and step_period(periods, "t1", -1) is None
    assert step_period((), None, 1) is None


def test_a_badge_has_symbol_word_and_colour() -> None:
    shown = badge(DEFAULT_SCALE, Assessment("partly_met"), "sv")
    assert shown is not None and shown.text == "◐ Delvis uppfyllt"
    assert shown.component == "yellow"
    assert badge(DEFAULT_SCALE, None, "sv") is None
    assert badge(DEFAULT_SCALE, Assessment("gone"), "sv") is None


@pytest.mark.parametrize("colour", ["#ffff00", "#000080", "#808080", "#ff0000", "purple"])
def test_a_plan_colour_gets_the_text_colour_that_reads_on_it(colour: str) -> None:
    assert contrast(own_colour(colour)) >= 4.5


def test_the_form_saves_each_change_on_the_version_it_was_made_on() -> None:
    edited = form(Assessment("met", "Bra", ""), 3)
    assert not edited.dirty and edited.next_save() is None
    assert edited.choose(2) and edited.dirty
    save = edited.next_save()
    assert save == Save(Assessment("partly_met", "Bra", ""), 3)
    edited.saving = True
    edited.typed("Bra, men", "")
    assert edited.next_save() is None  # one at a time: the next waits for its version
    edited.saved_as(save, 4)
    assert edited.dirty and edited.next_save() == Save(Assessment("partly_met", "Bra, men", ""), 4)
    # Someone else saved meanwhile: theirs is taken, nothing of this one is saved.
    edited.refused_as_stale(Assessment("not_met", "Deras", "Plan"), 5)
    assert (edited.level, edited.analysis, edited.actions, edited.version) == (
        "not_met",
        "Deras",
        "Plan",
        5,
    )
    assert not edited.dirty


def test_actions_are_required_at_the_worst_level_and_said_so() -> None:
    edited = form()
    assert edited.status(SV) == "Ingen bedömning ännu"
    edited.choose(3)
    assert edited.actions_needed() and edited.next_save() is None
    assert "Bedöms inte uppfyllas kräver åtgärder" in edited.status(SV)
    edited.typed("", "Åtgärdsplan")
    assert edited.next_save() == Save(Assessment("not_met", "", "Åtgärdsplan"), 0)


def test_text_before_a_level_is_saved_as_not_assessed() -> None:
    edited = form()
    edited.typed("Första tankar", "")
    assert edited.next_save() == Save(Assessment("not_assessed", "Första tankar", ""), 0)


def test_a_form_marked_ready_is_read_only() -> None:
    edited = form(Assessment("met", "Klar"), 1, ready=True)
    assert not edited.editable
    assert not edited.choose(2)
    edited.typed("ändrad", "")
    assert edited.analysis == "Klar" and edited.next_save() is None


def test_hostile_text_is_edited_in_its_visible_form() -> None:
    edited = form(Assessment("met", "[bold]x[/] \x1b[31m"), 1)
    assert edited.analysis == "[bold]x[/] \\x1b[31m"
    assert not edited.dirty  # opening it changes nothing


def test_the_suggestion_is_offered_with_its_sentence_and_taken_only_by_its_key() -> None:
    activities = [Dated("done", date(2023, 6, 1))] * 6 + [
        Dated("not_started", date(2023, 3, 1))
    ] * 2
    found = suggest(DEFAULT_SCALE, ["met", "met", "not_met"], activities, AR.end, verdict=True)
    assert suggestion_sentence(found, AR, SV) == (
        "2 av 3 mätetal uppfyllda, 6 av 8 aktiviteter klara → delvis uppfyllt"
    )
    assert suggestion_sentence(None, AR, EN).startswith("No suggestion")
    edited = form(judgements=["met"])
    edited.suggestion = found
    assert edited.level is None  # never applied on its own
    assert edited.accept_suggestion() and edited.level == "partly_met"


def test_completeness_counts_and_lines(store: Store) -> None:
    store.assess("1.1.1", "t1", "met", "Bra")
    store.mark_ready("1.1.1", "t1")
    store.assess("1.1.2", "t1", "not_met", "", "Plan")
    shown = completeness(store.followup(T1, date(2023, 5, 10)), SV)
    assert shown.count == "Uppföljning Tertial 1: 1 av 11 klarmarkerade"
    assert shown.deadline == "Deadline 2023-05-15: 5 dagar kvar"
    first, second = shown.rows[:2]
    assert not first.missing and "klar" in first.text
    assert second.missing and "analys saknas, ej klarmarkerad" in second.text
    assert len(shown.missing) == 10


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light", "catppuccin-latte"])
async def test_badges_read_in_light_and_dark_themes(
    store: Store, tmp_path: Path, theme: str
) -> None:
    for goal, level in [("1.1.1", "met"), ("1.1.2", "partly_met"), ("1.1.3", "not_met")]:
        store.assess(goal, "ar", level, "x", "y")
    store.assess("1.1.4", "ar", "not_assessed")
    app = make_app(store, tmp_path)  # after the year: the current period is `ar`
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.theme = theme
        await pilot.pause()
        tree = plan(app).tree
        own = tree.rich_style
        drawn = []
        for y in range(tree.size.height):
            if y == tree.cursor_line - tree.scroll_offset.y:
                continue
            for segment in tree.render_line(y):
                if segment.text.strip()[:1] in {"●", "◐", "○", "–"} and segment.style:
                    drawn.append(segment)
        assert len(drawn) == 4, [s.text for s in drawn]
        for segment in drawn:
            if not is_ansi(segment.style):
                assert contrast(segment.style) >= needed(segment.style, contrast(own))
