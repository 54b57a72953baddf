"""References in the plan's own pattern: `1.1.1-5` for goal 1.1.1's fifth activity,
`accelererad-9` for an initiative's, `1.1.3-m1` and `smart-m1` for metrics.

A new activity gets the next free number of its goal or initiative, never one that was
used before (a removed activity's ref stays taken in its history), so a ref names one
activity for the plan's whole life. Metrics without an id in an older plan file get the
one their position gives, so the same file always gives the same ids.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_NUMBERED = re.compile(r"^(?P<owner>.+)-(?P<number>[1-9][0-9]{0,8})$")
_METRIC = re.compile(r"^(?P<owner>.+)-m(?P<number>[1-9][0-9]{0,8})$")


def next_activity_ref(owner: str, taken: Iterable[str]) -> str:
    """The next ref under `owner` (a goal number or an initiative id): one past the highest.

    Refs are compared without regard to case, as the command line matches them.
    """
    prefix = owner.casefold()
    highest = 0
    for ref in taken:
        match = _NUMBERED.match(ref)
        if match and match["owner"].casefold() == prefix:
            highest = max(highest, int(match["number"]))
    return f"{owner}-{highest + 1}"


def metric_id(owner: str, index: int) -> str:
    """The id of the `index`-th (from 0) metric of a goal or initiative: `1.1.3-m1`."""
    return f"{owner}-m{index + 1}"


def next_metric_id(owner: str, taken: Iterable[str]) -> str:
    """The next free metric id under `owner`."""
    prefix = owner.casefold()
    highest = 0
    for existing in taken:
        match = _METRIC.match(existing)
        if match and match["owner"].casefold() == prefix:
            highest = max(highest, int(match["number"]))
    return metric_id(owner, highest)


def ref_key(ref: str) -> str:
    """What a ref is compared by: two refs with the same key name the same thing."""
    return ref.casefold()


def same_ref(a: str, b: str) -> bool:
    """Whether two refs name the same thing: `KLIMAT-5` is `klimat-5`."""
    return ref_key(a) == ref_key(b)
