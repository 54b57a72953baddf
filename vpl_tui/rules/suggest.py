"""A suggested assessment for a goal or initiative, from its metrics and activities.

Never applied on its own: the controller accepts it with one key, or picks another level.
The rule, as the docs state it:

1. The metrics' share: of the metrics whose outcome can be judged for the period, how many
   are met or improving.
2. The activities' share, as they stood at the period's end (cancelled ones left out):
   in a forecast period, how many are done or still on time (not past their end date);
   for the year's verdict, how many are done.
3. The score is the mean of the shares there are (one, or both). With no metric judged and
   no activity, there is no suggestion.
4. The score picks a level of the scale's assessed levels, best first, by rounding:
   with three levels, 0.75 and more → the best (uppfyllt), 0.25 up to 0.75 → the middle
   (delvis uppfyllt), below 0.25 → the worst (ej uppfyllt).

Example: 2 of 3 metrics met (0.67) and 6 of 8 activities done (0.75) → 0.71 → delvis uppfyllt.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from vpl_tui.rules.assessments import Level, Scale
from vpl_tui.rules.progress import Dated
from vpl_tui.rules.statuses import CANCELLED, DONE, is_overdue
from vpl_tui.rules.targets import FAVOURABLE


@dataclass(frozen=True, slots=True)
class Suggestion:
    """The level suggested and the counts it came from, for the sentence shown beside it."""

    level: Level
    metrics_favourable: int
    metrics_judged: int
    activities_on_track: int
    activities_counted: int
    verdict: bool
    score: Fraction


def _on_track(activity: Dated, as_of: date, verdict: bool) -> bool:
    if activity.status == DONE:
        return True
    return not verdict and not is_overdue(activity.end, activity.status, as_of)


def suggest(
    scale: Scale,
    judgements: Iterable[str],
    activities: Iterable[Dated],
    as_of: date,
    *,
    verdict: bool,
) -> Suggestion | None:
    """The suggestion for one goal or initiative (see the module's rule), or None."""
    judged = [j for j in judgements if j not in ("not_judgeable", "no_outcome")]
    favourable = sum(j in FAVOURABLE for j in judged)
    counted = [a for a in activities if a.status != CANCELLED]
    on_track = sum(_on_track(a, as_of, verdict) for a in counted)
    shares = []
    if judged:
        shares.append(Fraction(favourable, len(judged)))
    if counted:
        shares.append(Fraction(on_track, len(counted)))
    levels = [level for level in scale.levels if level.assessed]
    if not shares or not levels:
        return None
    score = sum(shares, Fraction(0)) / len(shares)
    # Halves round towards the better level: 0.75 of three levels is the best, 0.25 the middle.
    index = max(0, math.ceil((1 - score) * (len(levels) - 1) - Fraction(1, 2)))
    return Suggestion(
        levels[index], favourable, len(judged), on_track, len(counted), verdict, score
    )
