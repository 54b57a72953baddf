"""Changing the plan in the store: add, edit, move, cancel, texts, their history and undo."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from vpl_tui.db.plan_edit import StalePlanChange
from vpl_tui.db.store import Store
from vpl_tui.errors import VplError
from vpl_tui.planfile import dumps_plan, parse_plan
from vpl_tui.strings import Strings

HOSTILE = "[bold]x[/] \x1b[31mröd\x1b[0m"


def test_every_change_is_a_row_and_the_history_goes_through_a_plan_file_byte_for_byte(
    store: Store, tmp_path: Path
) -> None:
    added = store.add_activity(
        "accelererad", title=HOSTILE, start="2023-03-01", end="2023-06-30", user="anna"
    )
    assert added.ref == "accelererad-9" and added.title == HOSTILE  # the next of its pattern
    store.edit_activity(
        added.ref, {"end": "2023-09-30", "responsible": "Miljöenheten"}, user="anna"
    )
    store.move_activity(added.ref, "1.1.1", user="bo")
    store.edit_text("goal", "1.1.2", {"description": "Ny beskrivning"}, user="bo")
    store.edit_text("initiative", "smart", {"title": "Smartare kommun"}, user="bo")
    store.set_status(added.ref, "in_progress", user="anna")
    store.undo(user="bo")  # the latest of bo's: the initiative's title
    assert store.texts_of("initiative", "smart")["title"] == "Smart kommun"
    fields = [(c.target, c.field, c.undo_of is not None) for c in store.plan_changes()]
    assert fields == [
        ("accelererad-9", "added", False),
        ("accelererad-9", "end", False),
        ("accelererad-9", "responsible", False),
        ("accelererad-9", "place", False),
        ("1.1.2", "description", False),
        ("smart", "title", False),
        ("smart", "title", True),
    ]
    text = store.export_text()
    assert text == dumps_plan(store.export_plan())  # the fast export and the model's agree
    with Store.open(tmp_path / "again.db", seed=lambda: parse_plan(text)) as again:
        assert again.export_text() == text
        moved = again.activity("accelererad-9")
        assert (moved.goal_number, moved.initiative_id, moved.responsible) == (
            "1.1.1",
            None,
            "Miljöenheten",
        )
        assert moved.version == store.activity("accelererad-9").version  # the same moment
    with sqlite3.connect(store.path) as connection:  # append-only, as the status history
        for statement in ("UPDATE plan_change SET user = 'x'", "DELETE FROM plan_change"):
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                connection.execute(statement)


def test_a_value_the_plan_file_refuses_is_refused_in_its_words_and_nothing_is_written(
    store: Store,
) -> None:
    before = store.activity("1.1.1-1")
    sv = Strings("sv")
    for values, said in (
        ({"end": "2022-12-31"}, "end: 2022-12-31 är före start 2023-01-01"),
        ({"start": "1/3"}, "start: ska vara ett datum"),
        ({"title": ""}, "title: ska ha minst 1 tecken"),
        ({"kind": "projekt"}, "kind: ska vara 'activity' eller 'investigation'"),
    ):
        with pytest.raises(VplError) as refused:
            store.edit_activity("1.1.1-1", values, user="anna")
        assert refused.value.render(sv).startswith(said), refused.value.render(sv)
    with pytest.raises(VplError, match="no goal or initiative 9.9"):
        store.add_activity("9.9", title="x", start="2023-01-01", end="2023-01-02")
    assert store.activity("1.1.1-1") == before and store.plan_changes() == []


def test_an_edit_made_on_a_version_someone_else_changed_is_refused_with_the_current_shown(
    store: Store, db_path: Path
) -> None:
    seen = store.activity("1.1.1-2")
    with Store.open(db_path) as other:  # another controller, in another connection
        other.edit_activity("1.1.1-2", {"title": "Deras titel"}, user="bo")
    with pytest.raises(StalePlanChange) as stale:
        store.edit_activity(
            "1.1.1-2", {"title": "Min titel"}, user="anna", expected_version=seen.version
        )
    assert stale.value.current.title == "Deras titel"
    assert "Deras titel" in str(stale.value)
    assert store.activity("1.1.1-2").title == "Deras titel"
    version = store.text_version("goal", "1.1.3")
    store.edit_text("goal", "1.1.3", {"title": "Först"}, user="bo", expected_version=version)
    with pytest.raises(StalePlanChange, match="Först"):
        store.edit_text("goal", "1.1.3", {"title": "Sen"}, user="anna", expected_version=version)


def test_load_keeps_the_databases_newer_plan_changes_and_refuses_diverged_ones(
    store: Store, tmp_path: Path
) -> None:
    store.edit_activity("1.1.1-3", {"title": "Första ändringen"}, user="anna")
    exported = parse_plan(store.export_text())
    added = store.add_activity("1.1.2", title="Ny", start="2023-02-01", end="2023-03-01")
    store.edit_activity("1.1.1-3", {"responsible": "Anna"}, user="anna")
    store.edit_text("goal", "1.1.1", {"title": "Nytt mål"}, user="anna")
    store.load_plan(exported)  # the file from before the newer changes
    assert store.activity("1.1.1-3").responsible == "Anna"
    assert store.activity(added.ref).title == "Ny"
    assert store.texts_of("goal", "1.1.1")["title"] == "Nytt mål"
    # A file whose history of 1.1.1-3 went another way is refused; nothing changes.
    data = exported.model_copy(deep=True)
    data.changes[0].history[0].to = "En annan väg"
    with pytest.raises(VplError, match="plan changes and the database's have diverged"):
        store.load_plan(data)
    assert store.activity("1.1.1-3").title == "Första ändringen"


def test_cancel_keeps_the_activity_and_undo_of_an_add_removes_only_an_untouched_one(
    store: Store,
) -> None:
    store.cancel_activity("1.1.1-4", user="anna")
    assert store.activity("1.1.1-4").status == "cancelled"
    added = store.add_activity(
        "1.1.5", title="Fel", start="2023-01-01", end="2023-01-02", user="anna"
    )
    store.undo(user="anna")
    with pytest.raises(VplError, match="no activity"):
        store.activity(added.ref)
    again = store.add_activity("1.1.5", title="Ny", start="2023-01-01", end="2023-01-02")
    assert again.ref != added.ref  # a ref once used is never given again
