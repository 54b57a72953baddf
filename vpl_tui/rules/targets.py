"""Metric targets as comparisons, outcomes as numbers, and an outcome judged against its target.

A plan writes its targets in words: "Öka", "Minska", "Högst 50", "Minst 20", "Lägre än 134",
"Högre än 3", "50", "49,4 procent", "75 %". `parse_target` reads those into a `Target`;
anything else ("Tas fram", "Tas fram under 2023", "Plats 10 bland …") is no comparison, and an
outcome against it *cannot be judged* — never guessed. Numbers are read the Swedish way
(`44 418`, `49,4`) and the English (`49.4`).

`judge` gives one of: met, not met, improving, unchanged, worsening (for Öka and Minska,
which compare an outcome with the one before), cannot be judged, or no outcome.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from operator import ge, gt, le, lt
from typing import Literal

MAX_TARGET_TEXT = 200
"""Longer texts are not read as comparisons (a target is a few words)."""

Comparison = Literal["increase", "decrease", "at_most", "at_least", "below", "above", "reach"]
Judgement = Literal[
    "met", "not_met", "improving", "unchanged", "worsening", "not_judgeable", "no_outcome"
]
JUDGEMENTS: tuple[Judgement, ...] = (
    "met",
    "improving",
    "unchanged",
    "worsening",
    "not_met",
    "not_judgeable",
    "no_outcome",
)
FAVOURABLE: frozenset[str] = frozenset({"met", "improving"})
"""Judgements that count for the goal when an assessment is suggested."""
TREND: dict[str, str] = {"improving": "↑", "worsening": "↓", "unchanged": "→"}
"""The arrow shown beside a judgement that compares with the previous outcome."""

_NUMBER = r"[+\-−]?(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,]\d+)?"
_UNIT = r"(?:%|procent|[a-zåäöA-ZÅÄÖ]{1,20})"
_VALUE = re.compile(rf"(?P<number>{_NUMBER})(?:\s*(?P<unit>{_UNIT}))?")
_AS_DIGITS = str.maketrans({" ": None, "\u00a0": None, "\u202f": None, "−": "-", ",": "."})
"""A number as written (`44 418`, `−3`, `49,4`) to the digits `Decimal` reads, in one pass."""
_WORDS: tuple[tuple[str, Comparison], ...] = (
    ("lägre än", "below"),
    ("mindre än", "below"),
    ("under", "below"),
    ("högre än", "above"),
    ("mer än", "above"),
    ("fler än", "above"),
    ("över", "above"),
    ("högst", "at_most"),
    ("max", "at_most"),
    ("maximalt", "at_most"),
    ("minst", "at_least"),
    ("lägst", "at_least"),
)
_DIRECTIONS: dict[str, Comparison] = {
    "öka": "increase",
    "ökning": "increase",
    "minska": "decrease",
    "minskning": "decrease",
}


@dataclass(frozen=True, slots=True)
class Value:
    """A number with its unit as written ("procent" and "%" are both `%`)."""

    number: Decimal
    unit: str = ""


@dataclass(frozen=True, slots=True)
class Target:
    """A target read as a comparison; `value` is None for "Öka" and "Minska"."""

    comparison: Comparison
    value: Value | None = None


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def parse_value(text: str) -> Value | None:
    """`44 418` → 44418; `49,4 procent` → 49.4 %; `198 personer` → 198 personer; else None.

    Only a number, optionally followed by one unit word: "Plats 120" and "Betyg 2,45 av 6"
    are text, not numbers, and stay text.
    """
    if len(text) > MAX_TARGET_TEXT:
        return None
    match = _VALUE.fullmatch(" ".join(text.split()))
    if match is None:
        return None
    digits = match["number"].translate(_AS_DIGITS)
    unit = (match["unit"] or "").strip()
    if unit.casefold() == "procent":
        unit = "%"
    return Value(Decimal(digits), unit)


def parse_target(text: str) -> Target | None:
    """The comparison a target text states, or None when it states none (cannot be judged)."""
    if len(text) > MAX_TARGET_TEXT:
        return None
    folded = _fold(text)
    if folded in _DIRECTIONS:
        return Target(_DIRECTIONS[folded])
    for words, comparison in _WORDS:
        if folded.startswith(words + " "):
            value = parse_value(text.strip()[len(words) :].strip())
            return Target(comparison, value) if value is not None else None
    value = parse_value(text)
    return Target("reach", value) if value is not None else None


def _trend(outcome: Decimal, previous: Decimal | None, higher_is_better: bool) -> Judgement:
    if previous is None:
        return "not_judgeable"
    if outcome == previous:
        return "unchanged"
    return "improving" if (outcome > previous) == higher_is_better else "worsening"


def judge(
    target: Target | None,
    outcome: Decimal | None,
    previous: Decimal | None = None,
    *,
    higher_is_better: bool = True,
) -> Judgement:
    """Judge an outcome against a target (see the module's docstring).

    Args:
        target: The parsed target, or None for a text that states no comparison.
        outcome: The outcome as a number, or None when there is none (or it is text).
        previous: The outcome before it, for "Öka" and "Minska".
        higher_is_better: For a bare number ("50"): whether reaching means at least (True)
            or at most (False). A comparison word decides for itself.
    """
    if target is None:
        return "not_judgeable"
    if outcome is None:
        return "no_outcome"
    if target.comparison == "increase":
        return _trend(outcome, previous, True)
    if target.comparison == "decrease":
        return _trend(outcome, previous, False)
    assert target.value is not None
    comparison = target.comparison
    if comparison == "reach":
        comparison = "at_least" if higher_is_better else "at_most"
    return "met" if _MET[comparison](outcome, target.value.number) else "not_met"


_MET = {"at_most": le, "at_least": ge, "below": lt, "above": gt}
"""How an outcome meets a target of each comparison with a number ("reach": at least, or
at most where lower is better); one comparison made, not all of them."""
