"""What an undo of a value's history reverts, and what it puts back.

The follow-up's histories (assessments, outcomes, forecasts) keep every value a thing has
had, oldest first; an undo is a new row naming the one it reverts (`undo_of`) and carrying
the value before it. The rule is the same for all three, so it lives here once.
"""

from __future__ import annotations

from collections.abc import Sequence


def undo_choice(history: Sequence[tuple[int, int | None]]) -> tuple[int, int | None] | None:
    """The change to revert and the one whose value comes back, as indexes into `history`.

    `history` is each row's `(id, undo_of)`, oldest first. The change reverted is the latest
    that is neither an undo itself nor undone already; the value put back is the row just
    before it (an undo row carries the value it put back), or none (None) when it was the
    first. None: there is nothing to undo.
    """
    undone = {undo_of for _, undo_of in history if undo_of is not None}
    for index in range(len(history) - 1, -1, -1):
        row_id, undo_of = history[index]
        if undo_of is None and row_id not in undone:
            return index, (index - 1 if index > 0 else None)
    return None
