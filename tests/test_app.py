"""The terminal app, driven by its keys against a real database in tmp_path.

Each test presses the keys a controller would and then checks both what the screen shows
and what the database holds (statuses, history rows).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from helpers.reliability import FULL_DISK_TRIGGER
from test_app_support import (
    SIZE,
    cursor_key,
    declared_key_owners,
    detail_text,
    go_to_activity,
    line_of,
    make_app,
    notifications,
    plan,
    screen_text,
    settle,
    tree_lines,
    type_text,
    widget_lines,
)
from textual import events
from textual.command import CommandPalette
from textual.widgets import Input

from vpl_tui.db.store import Store
from vpl_tui.screens.dialogs.note_dialog import NoteDialog
from vpl_tui.screens.dialogs.status_dialog import StatusDialog
from vpl_tui.screens.help import HelpScreen
from vpl_tui.screens.keys import localised
from vpl_tui.screens.summary_view import SummaryView
from vpl_tui.strings import Strings


@pytest.fixture(autouse=True)
def user(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("VPL_USER", "kontroller")
    return "kontroller"


# -- opening and moving ------------------------------------------------------------------------


async def test_opens_on_the_top_level_with_counts(store: Store, tmp_path: Path) -> None:
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        lines = tree_lines(app)
        assert lines[0] == "Uppdrag"
        assert "Mål för kompetensförsörjningen" in lines[1] and "0/14" in lines[1]
        # The focus list holds goals 1.1.1-1.1.3; 1.1.4 and 1.1.5 stand on their own.
        assert [line.split()[2] for line in lines[2:5]] == ["1.1.1", "1.1.2", "1.1.3"]
        assert "1.1.4 0/33 !33" in lines[5]
        assert "1.1.5 0/5 !5" in lines[6]
        assert len(lines) == 7
        # Lazy: nothing below the goals has been read yet.
        assert not any(key[0] == "activity" for key in plan(app).tree.index)
        assert cursor_key(app) == ("mandate",)
        text = screen_text(app)
        assert "Roll i styrprocesserna" in text  # the mandate in the detail pane
        assert "KS-Kommunstaben · Verksamhetsplan 2023 (2023-2025)" in text
        footer = text.splitlines()[-1]  # the keys, in the footer
        for shown in ("space Klar/ångra", "s Status", "n Anteckning", "u Ångra", "/ Sök"):
            assert shown in footer
        for shown in ("f Filter", "p Rapport", "b Budget", "? Hjälp", "q Avsluta", "^p Kommandon"):
            assert shown in footer


async def test_arrows_vim_keys_and_enter_move_expand_and_collapse(
    store: Store, tmp_path: Path
) -> None:
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "down")
        assert cursor_key(app) == ("goal", "1.1.1")
        assert "Genomförda aktiviteter" in screen_text(app)  # the goal's metric, in the detail
        await pilot.press("l")  # expand: children are read now
        assert any("Tillsammans med andra" in line for line in tree_lines(app))
        await pilot.press("l", "j", "j")  # first child (a metric), then down to the activities
        assert cursor_key(app) == ("activity", "1.1.1-1")
        assert "Ej påbörjad" in line_of(app, "Tillsammans med andra")
        assert "Tillsammans med andra arbetsgivare utveckla Minddig" in detail_text(app)
        await pilot.press("h")  # an activity: up to its goal
        assert cursor_key(app) == ("goal", "1.1.1")
        await pilot.press("left")  # collapse the goal
        assert not any("Tillsammans med andra" in line for line in tree_lines(app))
        await pilot.press("k", "up")
        assert cursor_key(app) == ("mandate",)
        await pilot.press("end")
        assert cursor_key(app) == ("goal", "1.1.5")
        await pilot.press("enter")  # expand with enter
        assert any("Underlätta genomförande" in line for line in tree_lines(app))
        await pilot.press("enter")  # and collapse again
        assert not any("Underlätta genomförande" in line for line in tree_lines(app))
        await pilot.press("right", "right")
        assert cursor_key(app) == ("metric", "1.1.5", "", "0")
        await pilot.press("home")
        assert cursor_key(app) == ("mandate",)


async def test_initiatives_show_under_their_goal(store: Store, tmp_path: Path) -> None:
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("end", "k", "l")  # 1.1.4, expanded
        lines = tree_lines(app)
        initiatives = [
            "Accelererad samhällsomställning",
            "Kompetensattraktion",
            "Förbättrat företagsklimat",
            "Klimatneutral och naturpositiv",
            "Smart kommun",
            "Trygg i Luleå",
        ]
        shown = [next(line for line in lines if name in line) for name in initiatives]
        assert "0/8 !8" in shown[0]
        await pilot.press("l", "l")  # to the first initiative, expanded
        assert cursor_key(app) == ("initiative", "accelererad")
        text = screen_text(app)
        assert "5 mkr" in text  # earmarked resources, format_amount
        assert "Förvärvsarbetande dagbefolkning" in text and "44 418 (2021)" in text
        assert "Mål 2025" in text


# -- status changes ------------------------------------------------------------------------------


async def test_space_marks_done_and_back(store: Store, tmp_path: Path, user: str) -> None:
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "l", "l", "j", "j")
        assert cursor_key(app) == ("activity", "1.1.1-1")
        await pilot.press("space")
        assert store.activity("1.1.1-1").status == "done"
        [row] = store.history("1.1.1-1")
        assert (row.from_status, row.to_status, row.user) == ("not_started", "done", user)
        assert "Klar" in line_of(app, "Tillsammans med andra") and "!" not in line_of(
            app, "Tillsammans med andra"
        )
        assert "1.1.1 1/4 !3" in line_of(app, "1.1.1")
        assert "1/14 !13" in line_of(app, "kompetensförsörjningen")
        assert "Ej påbörjad → Klar" in detail_text(app)  # the history
        await pilot.press("space")
        assert store.activity("1.1.1-1").status == "not_started"
        assert [r.to_status for r in store.history("1.1.1-1")] == ["done", "not_started"]
        assert "1.1.1 0/4 !4" in line_of(app, "1.1.1")
        assert cursor_key(app) == ("activity", "1.1.1-1")


async def test_a_change_the_database_refuses_is_one_notice_and_nothing_changes(
    store: Store, tmp_path: Path
) -> None:
    # SQLite fails the history row's insert, after the status was updated in the same
    # transaction (a trigger on the app's own connection stands in for a full disk).
    store.db.conn.execute(FULL_DISK_TRIGGER.format(temp="TEMP"))
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await go_to_activity(pilot, "1.1.1-1")
        await pilot.press("space")
        assert notifications(app) == [f"{store.path}: disken är full; ändringen sparades inte"]
        assert store.activity("1.1.1-1").status == "not_started"
        assert store.history("1.1.1-1") == []
        assert "Ej påbörjad" in line_of(app, "Tillsammans med andra")
        assert "1.1.1 0/4 !4" in line_of(app, "1.1.1")
        # Room again: the same key saves the change.
        store.db.conn.execute("DROP TRIGGER temp.full_disk")
        await pilot.press("space")
        assert store.activity("1.1.1-1").status == "done"
        assert "1.1.1 1/4 !3" in line_of(app, "1.1.1")


async def test_space_on_a_goal_expands_it_and_changes_nothing(store: Store, tmp_path: Path) -> None:
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "space")
        assert any("Tillsammans med andra" in line for line in tree_lines(app))
        assert store.history() == []


async def test_s_chooses_a_status_from_the_list(store: Store, tmp_path: Path) -> None:
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await go_to_activity(pilot, "1.1.2-1")
        await pilot.press("s")
        assert isinstance(app.screen, StatusDialog)
        await pilot.press("down", "enter")  # from Ej påbörjad to Pågår
        assert not isinstance(app.screen, StatusDialog)
        assert store.activity("1.1.2-1").status == "in_progress"
        assert "Pågår" in line_of(app, "organisatoriska")
        await pilot.press("s", "4")  # a digit chooses at once: Försenad
        assert store.activity("1.1.2-1").status == "delayed"
        assert [r.to_status for r in store.history("1.1.2-1")] == ["in_progress", "delayed"]


async def test_s_escape_and_the_same_status_change_nothing(store: Store, tmp_path: Path) -> None:
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await go_to_activity(pilot, "1.1.2-1")
        await pilot.press("s", "escape")
        await pilot.press("s", "enter")  # the current status again
        await pilot.pause()
        assert store.history() == []
        assert notifications(app) == ["1.1.2-1: redan Ej påbörjad; inget sparat"]


async def test_n_changes_the_status_with_a_note(store: Store, tmp_path: Path) -> None:
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await go_to_activity(pilot, "accelererad-2")
        await pilot.press("n")
        assert isinstance(app.screen, NoteDialog)
        await pilot.press("down", "down", "down", "enter")  # Försenad, then to the note
        await type_text(pilot, "Väntar på detaljplanen")
        await pilot.press("enter")
        assert store.activity("accelererad-2").status == "delayed"
        [row] = store.history("accelererad-2")
        assert (row.to_status, row.note) == ("delayed", "Väntar på detaljplanen")
        assert "Väntar på detaljplanen" in detail_text(app)
        assert "Försenad" in line_of(app, "industripark")
        await pilot.press("n", "down", "ctrl+s")  # from Försenad one down, saved at once
        assert store.activity("accelererad-2").status == "cancelled"
        assert store.history("accelererad-2")[-1].note == ""
        await pilot.press("n", "escape")
        assert len(store.history("accelererad-2")) == 2


async def test_u_undoes_the_last_change_with_a_new_row(store: Store, tmp_path: Path) -> None:
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await go_to_activity(pilot, "1.1.5-1")
        await pilot.press("space")
        await pilot.press("home")  # the cursor elsewhere: undo still finds the change
        await pilot.press("u")
        assert store.activity("1.1.5-1").status == "not_started"
        done, undo = store.history("1.1.5-1")
        assert (undo.from_status, undo.to_status, undo.undo_of) == ("done", "not_started", done.id)
        assert cursor_key(app) == ("activity", "1.1.5-1")  # shown where it happened
        assert notifications(app)[-1] == "ångrade 1.1.5-1: Klar → Ej påbörjad"
        assert "1.1.5 0/5" in line_of(app, "1.1.5")


async def test_a_long_history_shows_its_newest_changes(store: Store, tmp_path: Path) -> None:
    for number in range(25):
        store.set_status("1.1.1-3", "in_progress" if number % 2 else "delayed", note=f"n{number}")
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await go_to_activity(pilot, "1.1.1-3")
        assert "n24" in detail_text(app)  # newest first
        await pilot.press("tab", "end")  # to the detail pane, scrolled to its end
        assert plan(app).detail.has_focus
        detail = detail_text(app)
        assert "n5" in detail and "n4 " not in detail
        assert detail.endswith("… och 5 äldre ändringar (vpl history 1.1.1-3)")
        await pilot.press("shift+tab", "space")  # back to the tree; the change is shown too
        assert plan(app).tree.has_focus
        await pilot.press("tab", "end")
        assert detail_text(app).endswith("… och 6 äldre ändringar (vpl history 1.1.1-3)")
        await pilot.press("home")
        assert detail_text(app).index("Försenad → Klar") < detail_text(app).index("n24")


async def test_u_with_nothing_to_undo_says_so(store: Store, tmp_path: Path) -> None:
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("u")
        await pilot.pause()
        assert notifications(app) == ["inget att ångra"]
        assert store.history() == []


async def test_status_keys_on_a_goal_ask_for_an_activity(store: Store, tmp_path: Path) -> None:
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await pilot.pause()
        assert not isinstance(app.screen, StatusDialog)
        assert notifications(app) == ["Välj en aktivitet först"]


# -- finding ----------------------------------------------------------------------------------------


async def test_search_narrows_as_you_type_enter_jumps_escape_clears(
    store: Store, tmp_path: Path
) -> None:
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "industri")
        await settle(pilot)
        lines = tree_lines(app)
        assert any("Etablera Luleå industripark" in line for line in lines)
        assert not any("Uppdrag" in line or "1.1.5" in line for line in lines)
        assert "Sök 'industri': 1 träff" in screen_text(app)
        await pilot.press("enter")
        assert cursor_key(app) == ("activity", "accelererad-2")
        assert plan(app).tree.has_focus
        await pilot.press("escape")  # back to the whole plan, still on the match
        assert any("Uppdrag" in line for line in tree_lines(app))
        assert cursor_key(app) == ("activity", "accelererad-2")
        assert "Accelererad samhällsomställning" in "".join(tree_lines(app))


async def test_search_is_accent_insensitive_and_escape_in_the_field_clears(
    store: Store, tmp_path: Path
) -> None:
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "lulea")
        await settle(pilot)
        assert any("Luleå" in line for line in tree_lines(app))
        await pilot.press("escape")
        await settle(pilot)
        assert tree_lines(app)[0] == "Uppdrag"
        assert not plan(app).query_one("#search").display
        assert plan(app).tree.has_focus


async def test_letters_typed_right_after_slash_go_into_the_search_field(
    store: Store, tmp_path: Path
) -> None:
    store.set_status("1.1.1-1", "done")
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # In one burst, as a terminal sends what is typed fast: none reaches the tree,
        # whose `u` would undo the change and `n` open the note dialog.
        for key, character in [("slash", "/"), ("i", "i"), ("n", "n"), ("d", "d"), ("u", "u")]:
            app.post_message(events.Key(key, character))
        await settle(pilot)
        field = plan(app).query_one("#search", Input)
        assert field.has_focus and field.value == "indu"
        assert store.activity("1.1.1-1").status == "done" and notifications(app) == []
        await pilot.press("slash")  # in the field, a slash is a letter like any other
        assert field.value == "indu/"


async def test_f_cycles_all_open_overdue_done(store: Store, tmp_path: Path) -> None:
    store.set_status("1.1.5-1", "done")
    store.set_status("1.1.5-2", "cancelled")
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("end", "l")  # 1.1.5 open: 5 activities and 2 metrics
        assert len(tree_lines(app)) == 7 + 7
        await pilot.press("f")
        assert "Filter: öppna" in screen_text(app)
        shown = "\n".join(tree_lines(app))
        assert "Underlätta genomförande" not in shown and "Klar" not in shown
        assert "Avbruten" not in shown and "Mätetal" not in shown
        assert sum("Ej påbörjad" in line for line in tree_lines(app)) == 3
        await pilot.press("f", "f")  # in progress, delayed (tests/test_app_ui.py)
        await pilot.press("f")
        assert "Filter: passerat slutdatum" in screen_text(app)
        assert sum("!" in line and "Ej påbörjad" in line for line in tree_lines(app)) == 3
        await pilot.press("f")
        assert "Filter: klara" in screen_text(app)
        lines = tree_lines(app)
        assert [line for line in lines if "Klar " in line] == [
            line_of(app, "Underlätta genomförande")
        ]
        assert not any("1.1.4" in line for line in lines)  # no done activity under it
        await pilot.press("f")  # mine (tests/test_mine_filter_app.py), then all again
        assert "Filter: mina" in screen_text(app)
        await pilot.press("f")
        assert "Filter:" not in screen_text(app)
        assert len(tree_lines(app)) == 14
        assert store.history()[-1].ref == "1.1.5-2"  # filtering wrote nothing


async def test_escape_clears_the_filter(store: Store, tmp_path: Path) -> None:
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f", "f", "f", "f")  # open, in progress, delayed, overdue
        assert plan(app).filter == "overdue"
        await pilot.press("escape")
        assert plan(app).filter == "all"


# -- summary, budget, help, palette, quit -----------------------------------------------------------


async def test_p_shows_the_summary_and_writes_the_same_file_as_vpl_summary(
    store: Store, tmp_path: Path, run_vpl
) -> None:
    store.set_status("1.1.1-1", "done")
    out = tmp_path / "out"
    out.mkdir()
    today = date.today()  # the summary is as of the app's day; this change was made today
    app = make_app(store, out, today=today)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("P")
        await settle(pilot)
        assert isinstance(app.screen, SummaryView)
        written = out / f"statusrapport-{today.isoformat()}.md"
        text = screen_text(app)
        assert f"Sparad som {written}" in text
        assert "Statusrapport: Luleå kommun" in text and "Klar              1" in text
        await pilot.press("escape")
        assert not isinstance(app.screen, SummaryView)
    cli = run_vpl("summary", "--format", "markdown", "--as-of", today.isoformat())
    assert cli.returncode == 0, cli.stderr
    assert written.read_text(encoding="utf-8") == cli.stdout


async def test_b_opens_the_budget_screen_and_escape_returns(store: Store, tmp_path: Path) -> None:
    from vpl_tui.screens.budget import BudgetScreen

    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        assert isinstance(app.screen, BudgetScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is plan(app)


async def test_help_lists_every_key(store: Store, tmp_path: Path) -> None:
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        lines = widget_lines(app, app.screen.query_one("#help"))
        await pilot.press("end")  # the help scrolls: read it to its end
        lines += widget_lines(app, app.screen.query_one("#help"))
        for key, what in [
            ("space", "Klar/ångra"),
            ("s", "Status"),
            ("n", "Anteckning"),
            ("u", "Ångra"),
            ("/", "Sök"),
            ("f", "Filter"),
            ("b", "Budget"),
            ("p", "Rapport"),
            ("?", "Hjälp"),
            ("q", "Avsluta"),
            ("↓ j", "Ned"),
            ("← h", "Fäll ihop"),
            ("^p", "Kommandon"),
            ("tab", "Byt ruta"),
        ]:
            assert any(line.split()[:1] == key.split()[:1] and what in line for line in lines), (
                key,
                what,
            )
        assert any("! framför en aktivitet" in line for line in lines)  # the legend
        await pilot.press("escape")
        assert app.screen is plan(app)


def test_every_key_has_its_own_text_in_both_languages() -> None:
    # Every class of the app that declares keys: a key added anywhere is checked too.
    owners = declared_key_owners()
    assert {"VplApp", "PlanScreen", "PlanTree", "BudgetScreen", "FigureTable", "NoteDialog"} <= {
        owner.__name__ for owner in owners
    }
    for owner in owners:
        bindings = owner.__dict__["BINDINGS"]
        ids = [binding.id for binding in bindings]
        assert len(set(ids)) == len(ids), owner  # remappable one by one with a keymap
        for binding in bindings:
            assert binding.description and binding.tooltip and binding.id, binding
            # Both languages have their own text for it, from the catalog.
            swedish, english = (localised(binding, Strings(lang)) for lang in ("sv", "en"))
            assert swedish.description and english.description
            assert swedish.tooltip and english.tooltip and swedish.tooltip != english.tooltip


async def test_palette_runs_commands_and_jumps_to_an_activity(store: Store, tmp_path: Path) -> None:
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await type_text(pilot, "visa klara")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert plan(app).filter == "done"
        await pilot.press("ctrl+p")
        await type_text(pilot, "industripark")
        await settle(pilot)
        assert "accelererad-2 Etablera Luleå industripark" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is plan(app)
        assert cursor_key(app) == ("activity", "accelererad-2")
        assert plan(app).filter == "all"  # the filter hid it, so going there cleared it


async def test_palette_finds_a_goal_by_title(store: Store, tmp_path: Path) -> None:
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await type_text(pilot, "delaktiga i samhallets")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert cursor_key(app) == ("goal", "1.1.5")


async def test_q_quits(store: Store, tmp_path: Path) -> None:
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert app._exit
    assert app.return_code == 0


async def test_english_with_lang_en(store: Store, tmp_path: Path) -> None:
    app = make_app(store, tmp_path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await go_to_activity(pilot, "1.1.1-1")
        text = screen_text(app)
        assert "Not started" in line_of(app, "Tillsammans med andra")
        assert "Mandate" in text and "Done/undo" in text and "Past its end date" in text
        # The plan's own text is shown as written.
        assert "Tillsammans med andra arbetsgivare" in text


async def test_not_overdue_before_the_end_date(store: Store, tmp_path: Path) -> None:
    app = make_app(store, tmp_path, today=date(2023, 6, 1))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "1.1.4 0/33  " in line_of(app, "1.1.4")
        assert "!" not in "".join(tree_lines(app))


# -- changes made elsewhere ---------------------------------------------------------------------------


async def test_a_change_from_vpl_set_shows_up_and_the_cursor_stays(
    store: Store, tmp_path: Path, run_vpl
) -> None:
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await go_to_activity(pilot, "1.1.1-2")
        result = run_vpl("set", "1.1.1-1", "done", "--note", "klart i annan terminal")
        assert result.returncode == 0, result.stderr
        plan(app).check_for_changes()  # what the timer does every 1.5 s
        await settle(pilot)
        assert "Klar" in line_of(app, "Tillsammans med andra")
        assert "1.1.1 1/4 !3" in line_of(app, "1.1.1")
        assert "1/14 !13" in line_of(app, "kompetensförsörjningen")
        assert cursor_key(app) == ("activity", "1.1.1-2")
        assert notifications(app) == ["Planen ändrades av någon annan; visar läget nu"]


async def test_a_closed_goal_shows_changes_made_elsewhere_when_opened(
    store: Store, tmp_path: Path, run_vpl
) -> None:
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("end", "l", "h")  # 1.1.5 opened (its lines read), then closed
        assert cursor_key(app) == ("goal", "1.1.5")
        assert run_vpl("set", "1.1.5-4", "avbruten").returncode == 0
        plan(app).check_for_changes()
        await settle(pilot)
        # A cancelled one is not overdue, and is counted apart.
        assert "1.1.5 0/5 · 1 avbr. !4" in line_of(app, "1.1.5")
        await pilot.press("l")
        assert "Avbruten" in line_of(app, "Utredningsuppdrag om struktur")


async def test_a_change_made_elsewhere_is_never_overwritten(
    store: Store, tmp_path: Path, db_path: Path
) -> None:
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await go_to_activity(pilot, "1.1.1-1")
        with Store.open(db_path) as other:  # another controller, before this screen looks again
            other.set_status("1.1.1-1", "in_progress", note="jag tar den", user="annan")
        await pilot.press("space")
        await settle(pilot)
        assert store.activity("1.1.1-1").status == "in_progress"
        [row] = store.history("1.1.1-1")
        assert row.user == "annan"
        assert notifications(app)[0].startswith(
            "1.1.1-1 har ändrats av någon annan: den är nu Pågår. Inget sparades"
        )
        assert "Pågår" in line_of(app, "Tillsammans med andra")  # the current state is shown
        assert "jag tar den" in detail_text(app)
        await pilot.press("space")  # now it has seen the change: this one goes through
        assert store.activity("1.1.1-1").status == "done"


async def test_two_apps_on_one_database(store: Store, tmp_path: Path, db_path: Path) -> None:
    first = make_app(store, tmp_path)
    with Store.open(db_path) as second_store:
        second = make_app(second_store, tmp_path)
        async with first.run_test(size=SIZE) as one, second.run_test(size=SIZE) as two:
            await settle(one)
            await settle(two)
            await go_to_activity(one, "1.1.5-3")
            await go_to_activity(two, "1.1.5-3")
            await one.press("space")
            plan(second).check_for_changes()
            await settle(two)
            assert "Klar" in line_of(second, "Öka delaktigheten")
            await two.press("s", "2")  # the second now sees done and changes it on purpose
            assert second_store.activity("1.1.5-3").status == "in_progress"
            plan(first).check_for_changes()
            await settle(one)
            assert "Pågår" in line_of(first, "Öka delaktigheten")
            assert [r.user for r in store.history("1.1.5-3")] == ["kontroller", "kontroller"]


async def test_a_new_plan_loaded_elsewhere_replaces_the_tree(
    store: Store, tmp_path: Path, seed_plan, db_path: Path
) -> None:
    smaller = seed_plan.model_copy(update={"goals": seed_plan.goals[3:], "focus": []})
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        with Store.open(db_path) as other:
            other.replace_plan(smaller)
        plan(app).check_for_changes()
        await settle(pilot)
        lines = tree_lines(app)
        assert lines[0] == "Uppdrag" and "1.1.4" in lines[1] and "1.1.5" in lines[2]
        assert len(lines) == 3
        assert cursor_key(app) == ("mandate",)


async def test_text_in_the_detail_pane_is_selected_only_where_dragged(
    store: Store, tmp_path: Path
) -> None:
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await go_to_activity(pilot, "1.1.1-1")
        region = app.screen.query_one("#detail").content_region
        for row in range(region.height):  # text, badges, empty lines, tables alike
            await pilot.mouse_down(offset=(region.x + 3, region.y + row))
            await pilot.hover(offset=(region.x + 12, region.y + row))
            await pilot.mouse_up(offset=(region.x + 12, region.y + row))
            await pilot.pause()
            # A drag along one line selects at most that line; on a line without text it
            # used to select the whole pane.
            assert "\n" not in (app.screen.get_selected_text() or ""), row
        await pilot.mouse_down(offset=(region.x, region.y + 1))
        await pilot.hover(offset=(region.x + 20, region.y + 1))
        await pilot.mouse_up(offset=(region.x + 20, region.y + 1))
        await pilot.pause()
        assert app.screen.get_selected_text() == "Tillsammans med andra"
