"""The rule of what an undo of a follow-up value reverts (assessments, outcomes, forecasts):
no terminal, no database."""

from __future__ import annotations

from vpl_tui.rules.undo import undo_choice


def test_nothing_to_undo_in_an_empty_history_or_one_wholly_undone() -> None:
    assert undo_choice([]) is None
    assert undo_choice([(1, None), (2, 1)]) is None


def test_the_latest_change_is_reverted_to_the_one_before_or_to_nothing() -> None:
    assert undo_choice([(1, None)]) == (0, None)
    assert undo_choice([(1, None), (2, None)]) == (1, 0)


def test_undo_walks_back_and_an_undo_row_is_what_a_later_change_returns_to() -> None:
    # 1 set, 2 set, 3 undid 2 (back to 1's value), 4 set
    history = [(1, None), (2, None), (3, 2), (4, None)]
    assert undo_choice(history) == (3, 2)  # 4 reverted to 3's value (1's)
    # 5 undid 4: the next undo reverts 1, which 2 had already been undone back to
    assert undo_choice([*history, (5, 4)]) == (0, None)
