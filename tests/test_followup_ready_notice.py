"""A follow-up marked ready refuses writes with a line that says who marked it and when.

Through the real `vpl` (an assessment, a note and an outcome refused, in Swedish and
English) and the app (the follow-up view's read-only notice, and an outcome refused in
the tree), on a real SQLite file.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from subprocess import CompletedProcess

import pytest
from test_app_support import SIZE, make_app, notifications, plan, screen_text, settle

from vpl_tui.db.store import Store
from vpl_tui.screens.followup import FollowupScreen
from vpl_tui.views.plan_items import GoalItem, MetricItem

Run = Callable[..., CompletedProcess[str]]


def test_the_command_line_names_who_marked_it_ready_and_the_day(run_vpl: Run) -> None:
    anna = {"VPL_USER": "anna"}
    run_vpl("assess", "1.1.1", "--period", "t1", "met", "--analysis", "Bra", env=anna)
    run_vpl("ready", "1.1.1", "--period", "t1", env=anna)
    today = date.today().isoformat()
    said = (
        f"vpl: 1.1.1 är klarmarkerad för Tertial 1 av anna {today}: "
        "öppna den igen med vpl ready 1.1.1 --period t1 --reopen\n"
    )
    for args in (
        ("assess", "1.1.1", "--period", "t1", "delvis uppfyllt"),
        ("note", "1.1.1-1", "--period", "t1", "Gjort"),
        ("outcome", "1.1.1-m1", "12", "--period", "t1"),
    ):
        refused = run_vpl(*args)
        assert (refused.returncode, refused.stderr) == (2, said), args
    english = run_vpl("--lang", "en", "assess", "1.1.1", "--period", "t1", "met")
    assert english.stderr == (
        f"vpl: 1.1.1 is marked ready for Tertial 1 by anna on {today}: "
        "reopen it with vpl ready 1.1.1 --period t1 --reopen\n"
    )


@pytest.fixture(autouse=True)
def user(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("VPL_USER", "kontroller")
    monkeypatch.setenv("VPL_CONFIG", str(tmp_path / "settings.toml"))


async def test_the_app_says_who_marked_it_ready_in_the_view_and_the_tree(
    store: Store, tmp_path: Path
) -> None:
    store.assess("1.1.1", "t1", "met", "Bra", user="anna")
    store.mark_ready("1.1.1", "t1", user="anna")
    today = date.today().isoformat()
    app = make_app(store, tmp_path, today=date(2023, 3, 1))  # the current period: t1
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        plan(app).jump_to(GoalItem(plan(app).view.goals["1.1.1"]))
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, FollowupScreen)
        notice = f"Klarmarkerad för Tertial 1 av anna {today} – skrivskyddad."
        assert notice in " ".join(screen_text(app).split())
        await pilot.press("escape")
        await settle(pilot)
        # An outcome of its metric, entered in the tree (`o`), is refused with who and when.
        plan(app).jump_to(MetricItem(store.metrics("1.1.1")[0], "1.1.1", None, 0))
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        await pilot.press("ctrl+u", "1", "2", "enter")
        await settle(pilot)
        said = notifications(app)[-1]
        assert said == (
            f"1.1.1 är klarmarkerad för Tertial 1 av anna {today}: "
            "öppna den igen med Ctrl+R i uppföljningen (a)"
        )
