"""How a loaded plan file's histories meet the database's: the rule that no recorded change is lost.

Every activity's status history, and every budget figure's edit history, is append-only.
When a plan file is loaded into a database that already holds a plan, each history is
compared with the database's, entry by entry:

- the same, or the file's is a beginning (a prefix) of the database's: the database's
  newer rows stay, and the current status (or figure) follows them — the file was exported
  before those changes were made;
- the database's is a prefix of the file's: the file's newer rows are taken;
- neither is a prefix of the other: the two have *diverged* — refused;
- the database has a history the file lacks (the activity or figure was dropped from the
  file): refused, since loading would delete recorded changes; cancel the activity instead.

A refused load writes nothing; `vpl load --replace` replaces everything, after a backup.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Generic, Literal, TypeVar

Key = TypeVar("Key", bound=Hashable)
Entry = TypeVar("Entry", bound=Hashable)

Side = Literal["database", "file"]
Conflict = Literal["diverged", "dropped"]


@dataclass
class Merge(Generic[Key]):
    """Which side's history each key keeps, and what cannot be merged."""

    keep: dict[Key, Side] = field(default_factory=dict)
    """Keys whose history is the database's (it is longer) or the file's; absent: the same."""
    conflicts: list[tuple[Key, Conflict]] = field(default_factory=list)

    @property
    def database_kept(self) -> list[Key]:
        return [key for key, side in self.keep.items() if side == "database"]


def _is_prefix(short: Sequence[Entry], long: Sequence[Entry]) -> bool:
    return len(short) <= len(long) and all(a == b for a, b in zip(short, long, strict=False))


def merge_histories(
    database: Mapping[Key, Sequence[Entry]], file: Mapping[Key, Sequence[Entry]]
) -> Merge[Key]:
    """Compare each key's history in the database with the file's (see the module's rules).

    Keys in the database with an empty history may be dropped by the file freely; keys only
    in the file are new and keep the file's history. Conflicts come in the database's order.
    """
    merge: Merge[Key] = Merge()
    for key, ours in database.items():
        if not ours:
            continue
        theirs = file.get(key)
        if theirs is None:
            merge.conflicts.append((key, "dropped"))
        elif len(ours) == len(theirs) and _is_prefix(theirs, ours):
            continue
        elif _is_prefix(theirs, ours):
            merge.keep[key] = "database"
        elif _is_prefix(ours, theirs):
            merge.keep[key] = "file"
        else:
            merge.conflicts.append((key, "diverged"))
    return merge
