"""What a controller found in the app (issue 13 §5): themes, small terminals, search, notes,
filters, settings. Each test drives the real app through Pilot against a real database."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from rich.style import Style
from test_app_support import (
    SIZE,
    cursor_key,
    detail_text,
    go_to_activity,
    make_app,
    notifications,
    plan,
    screen_text,
    settle,
    tree_lines,
    type_text,
)
from textual import events
from textual.geometry import Region
from textual.widgets import Input, TextArea

from vpl_tui.db.store import Store
from vpl_tui.planfile import parse_plan
from vpl_tui.screens.dialogs.note_dialog import NoteDialog
from vpl_tui.screens.widgets.detail_body import DetailBody
from vpl_tui.settings import Settings, load_settings


@pytest.fixture(autouse=True)
def user(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    monkeypatch.setenv("VPL_USER", "kontroller")
    monkeypatch.setenv("VPL_CONFIG", str(tmp_path / "settings.toml"))
    return "kontroller"


# -- search ------------------------------------------------------------------------------------


async def test_keys_typed_right_after_enter_in_the_search_go_to_the_tree(
    store: Store, tmp_path: Path
) -> None:
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "industri")
        await settle(pilot)
        # Enter and a space in one burst, as typed fast: the space marks the match done.
        app.post_message(events.Key("enter", "\r"))
        app.post_message(events.Key("space", " "))
        await settle(pilot)
        assert plan(app).query_one("#search", Input).value == "industri"
        assert cursor_key(app) == ("activity", "accelererad-2")
        assert store.activity("accelererad-2").status == "done"


async def test_a_search_with_no_match_leaves_no_old_detail(store: Store, tmp_path: Path) -> None:
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Roll i styrprocesserna" in detail_text(app)  # the mandate
        await pilot.press("slash")
        await type_text(pilot, "zzzqqq")
        await settle(pilot)
        text = detail_text(app)
        assert "Roll i styrprocesserna" not in text
        assert "Inget hittades för 'zzzqqq'" in text


# -- the summary -------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
async def test_the_summary_fits_the_width_there_is(
    store: Store, tmp_path: Path, size: tuple[int, int]
) -> None:
    app = make_app(store, tmp_path, today=date(2024, 1, 1))
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("P")
        await settle(pilot)
        area = app.screen.query_one("#summary-text", TextArea)
        lines = area.text.splitlines()
        assert not area.soft_wrap
        assert max(len(line) for line in lines) <= area.scrollable_content_region.width
        # Goal 1.1.2's title is 147 characters with its number: cut at 80 columns, whole
        # at 200 (it was cut at 64 at any width).
        title = next(g.title for g in store.goals() if len(g.title) == 141)
        whole = any(title in line for line in lines)
        assert whole == (size[0] == 200)


# -- themes ------------------------------------------------------------------------------------


def luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG 2 relative luminance."""

    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(style: Style) -> float:
    """WCAG 2 contrast ratio of a style's foreground and background."""
    assert style.color is not None and style.bgcolor is not None, style
    lighter, darker = sorted(
        (luminance(tuple(c.get_truecolor())) for c in (style.color, style.bgcolor)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def needed(style: Style, own_text: float) -> float:
    """4.5:1, 3:1 for bold text; never more than the theme's own text has on its background
    (solarized's body text has 4.1:1): the app's styles must be no worse than the theme."""
    return min(3.0 if style.bold else 4.5, own_text)


def is_ansi(style: Style) -> bool:
    # The ANSI themes leave the colours to the terminal's palette: no ratio to compute.
    return any(c is not None and c.triplet is None for c in (style.color, style.bgcolor))


async def test_every_theme_keeps_the_apps_text_readable(store: Store, tmp_path: Path) -> None:
    for ref, status in [("1.1.1-1", "done"), ("1.1.1-2", "in_progress"), ("1.1.1-3", "cancelled")]:
        store.set_status(ref, status)
    store.set_status("1.1.1-4", "delayed", note="Väntar på beslut")
    app = make_app(store, tmp_path, today=date(2024, 1, 1))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "down", "l", "j", "j", "j", "j", "j", "j")  # on 1.1.1-4
        await settle(pilot)
        screen = plan(app)
        tree, body = screen.tree, screen.query_one(DetailBody)
        low: list[str] = []
        assert len(app.available_themes) > 10
        for theme in sorted(app.available_themes):
            app.theme = theme
            await pilot.pause()
            for widget in (tree, body):
                own = widget.rich_style
                if is_ansi(own):
                    continue
                own_text = contrast(own)
                # Each component class, as the theme resolves it on the widget.
                for name in sorted(widget.COMPONENT_CLASSES):
                    style = widget.get_component_rich_style(name, partial=False)
                    if not is_ansi(style) and contrast(style) < needed(style, own_text):
                        low.append(f"{theme} {name} {contrast(style):.2f}")
                # And as drawn: every text span but the cursor line's (Textual's own style)
                # and the tree's guides.
                strips = widget.render_lines(Region(0, 0, *widget.size))
                for y, strip in enumerate(strips):
                    if widget is tree and y == tree.cursor_line - tree.scroll_offset.y:
                        continue
                    for segment in strip:
                        text = "".join(
                            c for c in segment.text if not c.isspace() and c not in GUIDES
                        )
                        style = segment.style
                        if not text or style is None or is_ansi(style):
                            continue
                        if contrast(style) < needed(style, own_text):
                            low.append(f"{theme} {text[:20]!r} {contrast(style):.2f}")
        assert low == []


GUIDES = "".join(chr(c) for c in range(0x2500, 0x2580)) + "▶▼"
"""Box drawing and the tree's expand icons: Textual's guides, not text."""


# -- small terminals ---------------------------------------------------------------------------


async def test_at_60_columns_tab_goes_to_a_detail_pane_that_is_shown(
    store: Store, tmp_path: Path
) -> None:
    app = make_app(store, tmp_path)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await pilot.press("j", "down", "l", "j", "j", "j")  # on activity 1.1.1-1
        screen = plan(app)
        detail = screen.detail
        await pilot.press("tab")
        assert screen.focused is detail
        # Under the tree, wholly on the screen, and the arrows scroll its text.
        assert app.screen.region.contains_region(detail.region) and detail.region.height >= 5
        assert "Tillsammans med andra arbetsgivare" in screen_text(app)
        await pilot.press("down", "down")
        assert detail.scroll_y > 0


@pytest.mark.parametrize("width", [60, 80, 90])
async def test_the_footer_ends_with_the_palette_key_and_nothing_after(
    store: Store, tmp_path: Path, width: int
) -> None:
    app = make_app(store, tmp_path)
    async with app.run_test(size=(width, 24)) as pilot:
        await settle(pilot)
        footer = screen_text(app).splitlines()[-1]
        assert footer.rstrip().endswith("^p Kommandon"), footer


# -- settings ----------------------------------------------------------------------------------


async def test_a_theme_chosen_is_kept_for_the_next_start(store: Store, tmp_path: Path) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text('user = "anna.k"\n', encoding="utf-8")
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.theme = "catppuccin-latte"
        await settle(pilot)
    assert load_settings(settings) == Settings(theme="catppuccin-latte", user="anna.k")
    again = make_app(store, tmp_path)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert again.theme == "catppuccin-latte"
        # Drawn in that theme from the first paint: the counts read on its light background.
        tree = plan(again).tree
        [count] = [s for s in tree.render_line(1) if s.text.startswith("0/14")]
        assert count.style is not None and contrast(count.style) >= 4.5


async def test_a_bad_settings_file_is_one_line_and_the_defaults(
    store: Store, tmp_path: Path
) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text('theme = "textual-light"\ncolour = 3\n', encoding="utf-8")
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        [notice] = notifications(app)
        assert str(settings) in notice and "\n" not in notice
        assert app.theme == "textual-dark"
        app.theme = "nord"
        await settle(pilot)
    assert "colour = 3" in settings.read_text(encoding="utf-8")  # left as the person wrote it


# -- filters -----------------------------------------------------------------------------------


async def test_f_cycles_through_in_progress_and_delayed_too(store: Store, tmp_path: Path) -> None:
    store.set_status("1.1.5-1", "in_progress")
    store.set_status("1.1.5-2", "delayed")
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("end", "l")  # 1.1.5 open
        await pilot.press("f", "f")
        assert "Filter: pågår" in screen_text(app)
        lines = tree_lines(app)
        assert [line for line in lines if "Pågår" in line] and not any(
            "Ej påbörjad" in line or "Försenad" in line for line in lines
        )
        assert not any("1.1.4" in line for line in lines)  # nothing in progress under it
        await pilot.press("f")
        assert "Filter: försenade" in screen_text(app)
        lines = tree_lines(app)
        assert sum("Försenad" in line for line in lines) == 1 and not any(
            "Pågår" in line for line in lines
        )


async def test_the_palette_filters_by_any_status(store: Store, tmp_path: Path) -> None:
    store.set_status("1.1.5-2", "cancelled")
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await type_text(pilot, "visa avbrutna")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert "Filter: avbrutna" in screen_text(app)
        await pilot.press("end", "l")
        lines = tree_lines(app)
        assert [line for line in lines if "Avbruten" in line] and not any(
            "Ej påbörjad" in line for line in lines
        )


async def test_the_tree_counts_cancelled_activities_apart(store: Store, tmp_path: Path) -> None:
    store.set_status("1.1.5-1", "done")
    store.set_status("1.1.5-2", "cancelled")
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "1.1.5 1/5 · 1 avbr. !3" in screen_text(app)


# -- notes -------------------------------------------------------------------------------------


async def test_digits_in_the_note_dialog_choose_the_status(store: Store, tmp_path: Path) -> None:
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await go_to_activity(pilot, "1.1.1-1")
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, NoteDialog)
        await pilot.press("4")  # Försenad, and on to the note, where a digit is a digit
        await type_text(pilot, "vecka 12")
        await pilot.press("enter")
        await settle(pilot)
        assert store.activity("1.1.1-1").status == "delayed"
        assert store.history("1.1.1-1")[-1].note == "vecka 12"


async def test_a_note_on_its_own_is_kept_shown_exported_and_loaded(
    store: Store, tmp_path: Path
) -> None:
    version = store.activity("1.1.1-1").version
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await go_to_activity(pilot, "1.1.1-1")
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("tab")
        await type_text(pilot, "läget just nu")
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, NoteDialog)
        assert "Anteckningen sparades för 1.1.1-1" in notifications(app)
        text = detail_text(app)
        assert "Anteckning · Ej påbörjad" in text and "läget just nu" in text
    now = store.activity("1.1.1-1")
    assert now.status == "not_started" and now.version == version + 1
    row = store.history("1.1.1-1")[-1]
    assert (row.from_status, row.to_status, row.note) == (
        "not_started",
        "not_started",
        "läget just nu",
    )
    # Exported and loaded again: the plan file's model takes a history entry from == to.
    plan_file = parse_plan(store.export_text())
    goal = next(g for g in plan_file.goals if g.number == "1.1.1")
    entry = next(a for a in goal.activities if a.ref == "1.1.1-1").history[-1]
    assert (entry.from_status, entry.to, entry.note) == (
        "not_started",
        "not_started",
        "läget just nu",
    )
    with Store.open(tmp_path / "again.db") as again:
        again.replace_plan(plan_file)
        assert again.history("1.1.1-1")[-1].note == "läget just nu"
    # An undo marks the note undone with a row of its own; the status stays.
    undo = store.undo()
    assert undo.undo_of == row.id and store.activity("1.1.1-1").status == "not_started"


async def test_an_empty_note_on_the_same_status_writes_nothing(
    store: Store, tmp_path: Path
) -> None:
    before = len(store.history())
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await go_to_activity(pilot, "1.1.1-1")
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert any("anteckningen är tom" in n for n in notifications(app))
    assert len(store.history()) == before


async def test_search_finds_initiatives_and_metrics_too(store: Store, tmp_path: Path) -> None:
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "sokande")  # a metric of goal 1.1.1, one of 1.1.3
        await settle(pilot)
        lines = tree_lines(app)
        assert sum("Antal sökande" in line or "sökande" in line for line in lines) >= 2
        assert "Sök 'sokande': 2 träffar" in screen_text(app)
        await pilot.press("enter")
        await pilot.press("down")
        assert cursor_key(app) == ("metric", "1.1.1", "", "1")
        assert "Antal sökande/antal annonser" in detail_text(app)
        await pilot.press("escape")
        await pilot.press("slash")
        await type_text(pilot, "smart kommun")  # an initiative's title, and nothing else
        await settle(pilot)
        assert any("Smart kommun" in line for line in tree_lines(app))
        await pilot.press("enter")
        await pilot.press("down")
        assert cursor_key(app) == ("initiative", "smart")
        await pilot.press("l")  # opened: all that is under it, read as anywhere else
        await settle(pilot)
        assert sum("Ej påbörjad" in line for line in tree_lines(app)) == 4


async def test_the_palette_narrows_the_tree_to_one_initiative(store: Store, tmp_path: Path) -> None:
    app = make_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await type_text(pilot, "smart kommun")
        await settle(pilot)
        await pilot.pause(0.3)
        await settle(pilot)
        palette = app.screen
        assert "Filter: bara initiativet Smart kommun" in screen_text(app).replace("\n", " ")
        options = palette.query_one("CommandList")
        index = next(
            i
            for i in range(options.option_count)
            if "bara initiativet" in str(options.get_option_at_index(i).prompt)
        )
        options.highlighted = index
        await pilot.press("enter")
        await settle(pilot)
        assert "Initiativ: Smart kommun" in screen_text(app)
        lines = tree_lines(app)
        assert len(lines) == 2 and "1.1.4" in lines[1]  # the mandate, and the goal
        await pilot.press("down", "l")  # in the goal, the initiative only
        await settle(pilot)
        lines = tree_lines(app)
        assert len(lines) == 3 and "Smart kommun" in lines[2]
        await pilot.press("escape")
        await settle(pilot)
        assert "Initiativ:" not in screen_text(app)
        assert tree_lines(app)[0] == "Uppdrag"
