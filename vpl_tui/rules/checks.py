"""The statuses of a budget check and how they are ordered and counted: the one home of the rule.

A check passes, fails, cannot be made ("unchecked": a figure it needs is blank), or is off
by no more than the published figures' own rounding explains ("rounding", avrundning:
`vpl_tui.rules.economy.difference_kind`), which is counted apart from real discrepancies
and is not a failure. Lists show failures first, then what could not be checked, then
rounding, then passes; a cell that several checks meet in shows the most serious; a tally
counts them. The budget screen, `vpl
budget`, the summary's budget line and the JSON output all use these.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal, NamedTuple, Protocol, TypeVar, get_args

CheckStatus = Literal["pass", "fail", "unchecked", "rounding"]
CHECK_STATUSES: tuple[CheckStatus, ...] = get_args(CheckStatus)
SEVERITY: dict[str, int] = {"fail": 0, "unchecked": 1, "rounding": 2, "pass": 3}
"""Most serious first: the order in which lists show checks."""


class HasStatus(Protocol):
    @property
    def status(self) -> str: ...


Checked = TypeVar("Checked", bound=HasStatus)


class Tally(NamedTuple):
    """How many checks passed, failed and could not be made, of how many; and how many
    differ by rounding only (in `total`, in none of the other three)."""

    passed: int = 0
    failed: int = 0
    unchecked: int = 0
    total: int = 0
    rounding: int = 0


def tally(checks: Iterable[HasStatus]) -> Tally:
    """Count the checks by status."""
    counts = dict.fromkeys(CHECK_STATUSES, 0)
    for check in checks:
        counts[check.status] += 1  # type: ignore[index]
    return Tally(
        counts["pass"],
        counts["fail"],
        counts["unchecked"],
        sum(counts.values()),
        counts["rounding"],
    )


def any_failed(checks: Iterable[HasStatus]) -> bool:
    """Whether any check fails: `vpl budget --strict` exits 1, the JSON says `ok: false`."""
    return any(check.status == "fail" for check in checks)


def failures_first(checks: Sequence[Checked]) -> list[Checked]:
    """Failures, then the checks that cannot be made, then rounding, then the passes; given
    order within each."""
    return sorted(checks, key=lambda check: SEVERITY[check.status])


def worst(statuses: Iterable[str | None]) -> CheckStatus | None:
    """The status to show where several checks meet in one cell: fail, then unchecked."""
    found = [status for status in statuses if status is not None]
    return min(found, key=SEVERITY.__getitem__) if found else None  # type: ignore[return-value]
