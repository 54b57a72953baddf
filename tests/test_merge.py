"""The rule for loading a plan file over recorded history: nothing recorded is lost."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from vpl_tui.rules.merge import merge_histories


def test_the_same_history_needs_nothing() -> None:
    assert merge_histories({"a": [1, 2]}, {"a": [1, 2]}).keep == {}


def test_an_older_export_keeps_the_database_rows() -> None:
    merge = merge_histories({"a": [1, 2, 3]}, {"a": [1]})
    assert merge.keep == {"a": "database"} and not merge.conflicts
    assert merge_histories({"a": [1]}, {"a": []}).keep == {"a": "database"}


def test_rows_the_file_adds_after_the_database_are_taken() -> None:
    assert merge_histories({"a": [1]}, {"a": [1, 2]}).keep == {"a": "file"}


def test_diverged_and_dropped_histories_are_conflicts() -> None:
    merge = merge_histories({"a": [1, 2], "b": [5], "c": []}, {"a": [1, 3]})
    assert merge.conflicts == [("a", "diverged"), ("b", "dropped")]


def test_new_activities_and_ones_without_history_are_free() -> None:
    merge = merge_histories({"c": []}, {"n": [1]})
    assert merge.keep == {} and merge.conflicts == []


histories = st.dictionaries(st.sampled_from("abcde"), st.lists(st.integers(0, 3), max_size=4))


@given(histories, histories)
def test_no_recorded_row_is_ever_lost(database: dict, file: dict) -> None:
    merge = merge_histories(database, file)
    if merge.conflicts:
        return  # refused: nothing is written
    for key, ours in database.items():
        kept = ours if merge.keep.get(key) == "database" else file.get(key, [])
        assert kept[: len(ours)] == ours, "every database row survives, in order"
