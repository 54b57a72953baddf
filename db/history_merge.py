"""One table's histories, keyed by what they belong to, met by the core's merge rule.

Any append-only history that a plan file carries (assessments, notes, ready marks, and
whatever follows: metric outcomes, forecasts, plan changes) meets the database's the
same way when `vpl load` reads a file over it (`vpl_tui.rules.merge.merge_histories`):

- a history the file lacks, of something the file still has, is kept: the file was
  exported before it was written;
- a history the file has as an earlier part of the database's keeps the database's
  newer rows; one the file carries on past the database's is taken from the file;
- a history that has diverged, or one of something the file no longer has, is a
  conflict: the load is refused and nothing is written.

A feature hands `merge_keyed_histories` its table's histories as two mappings, key (what
a history belongs to: an activity and a period, a metric and a year) → entries in time
order, each entry a hashable tuple of what was recorded, compared as is. It gets back
every key's history to write, which keys kept the database's rows, and the conflicts.
See docs/reliability.md for how to hook a new table in.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from vpl_tui.rules.merge import Conflict, merge_histories

Key = TypeVar("Key", bound=Hashable)
Entry = TypeVar("Entry", bound=Hashable)


@dataclass
class KeyedMerge(Generic[Key, Entry]):
    """What a table's merged histories are, and what could not be merged."""

    histories: dict[Key, list[Entry]] = field(default_factory=dict)
    """Every key's history to write: the file's keys in the file's order, then the keys
    only the database has, in its order."""
    kept: list[Key] = field(default_factory=list)
    """Keys whose history is the database's (the file lacked rows it holds), in order."""
    conflicts: list[tuple[Key, Conflict]] = field(default_factory=list)
    """Keys whose histories diverged, or whose owner the file no longer has."""


def merge_keyed_histories(
    database: Mapping[Key, Sequence[Entry]],
    file: Mapping[Key, Sequence[Entry]],
    belongs: Callable[[Key], bool],
) -> KeyedMerge[Key, Entry]:
    """Meet the file's histories with the database's, key by key, by the core's rule.

    Args:
        database: Each key's history as the database holds it, in time order.
        file: Each key's history as the loaded file gives it, in time order.
        belongs: Whether what `key` belongs to is still in the file (the activity, the
            goal, the period): a database history of a key the file lacks is then kept,
            else it would be lost, and is a conflict.
    """
    # A key the file lacks but still has the owner of has, in the rule's terms, an empty
    # history in the file: the database's is longer and stays.
    theirs: dict[Key, Sequence[Entry]] = dict(file)
    for key in database:
        if key not in theirs and belongs(key):
            theirs[key] = ()
    decided = merge_histories(database, theirs)
    merged: KeyedMerge[Key, Entry] = KeyedMerge(conflicts=decided.conflicts)
    if decided.conflicts:
        return merged
    kept = set(decided.database_kept)
    for key, history in file.items():
        merged.histories[key] = list(database[key] if key in kept else history)
    for key, history in database.items():
        if key not in file and history:
            merged.histories[key] = list(history)
    merged.kept = [key for key in database if key in kept]
    return merged
