"""Next year's plan from this one: `vpl export --next-year YEAR`.

Every autumn a controller starts the coming year's plan from the current one. From a plan
file's data (what `vpl export` writes), `next_year_plan` makes the new year's:

- the plan: its year, its period shifted by as many years (`2023-2025` → `2024-2026`), and
  the old year in its title replaced (`Verksamhetsplan 2023` → `Verksamhetsplan 2024`);
- the mandate, focus lists, goals, initiatives and metrics carried as they are, each
  metric's targets kept for the new year and later (the years before it are dropped: the
  old plan keeps them);
- activities that are neither done nor cancelled carried, with their ref, a
  `carried_from` naming the old plan's year and ref (`2023:1.1.1-2`), their dates moved by
  as many years (29 February becomes 28 February), the status reset to not started and no
  history: the histories stay in the old plan, whose database is left as it is, so last
  year stays reportable;
- no budget: the new year's budget is not yet decided, and last year's figures would be
  read as the new year's.
"""

from __future__ import annotations

import copy
import re
from datetime import date
from typing import Any

from vpl_tui.rules.statuses import INITIAL_STATUS, is_closed

MIN_YEAR, MAX_YEAR = 1900, 2200


def _shift(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February into a year without it
        return day.replace(year=day.year + years, day=28)


def _carry_activities(activities: list[dict[str, Any]], old_year: int, years: int) -> list[dict]:
    carried = []
    for activity in activities:
        if is_closed(activity.get("status", INITIAL_STATUS)):
            continue
        new = {key: value for key, value in activity.items() if key not in ("status", "history")}
        new["start"] = _shift(activity["start"], years)
        new["end"] = _shift(activity["end"], years)
        new["carried_from"] = f"{old_year}:{activity['ref']}"
        carried.append(new)
    return carried


def _carry_metrics(metrics: list[dict[str, Any]], year: int) -> list[dict[str, Any]]:
    carried = []
    for metric in metrics:
        new = dict(metric)
        targets = {k: v for k, v in metric.get("targets", {}).items() if int(k) >= year}
        if targets:
            new["targets"] = targets
        else:
            new.pop("targets", None)
        carried.append(new)
    return carried


def next_year_plan(data: dict[str, Any], year: int) -> dict[str, Any]:
    """The plan file data of `year`'s plan, made from `data` (a plan file's data).

    Raises:
        ValueError: `year` is not after the plan's year, or not a year a plan may have.
    """
    old_year = int(data["plan"]["year"])
    if not (MIN_YEAR <= year <= MAX_YEAR) or year <= old_year:
        raise ValueError(f"{year} is not a year after the plan's {old_year}")
    years = year - old_year
    new = copy.deepcopy({k: v for k, v in data.items() if k not in ("budget",)})
    plan = new["plan"]
    plan["year"] = year
    first, _, last = str(plan.get("period", "")).partition("-")
    if first.isdigit() and last.isdigit():
        plan["period"] = f"{int(first) + years}-{int(last) + years}"
    plan["title"] = re.sub(rf"\b{old_year}\b", str(year), plan["title"])
    # The follow-up and the plan changes of the old year stay in its plan.
    for key in ("assessments", "notes", "ready", "changes"):
        new.pop(key, None)
    if "periods" in new:
        for period in new["periods"]:
            for field in ("end", "deadline"):
                if isinstance(period.get(field), date):
                    period[field] = _shift(period[field], years)
    for goal in new.get("goals", []):
        goal["metrics"] = _carry_metrics(goal.get("metrics", []), year)
        goal["activities"] = _carry_activities(goal.get("activities", []), old_year, years)
        for initiative in goal.get("initiatives", []):
            initiative["metrics"] = _carry_metrics(initiative.get("metrics", []), year)
            initiative["activities"] = _carry_activities(
                initiative.get("activities", []), old_year, years
            )
        for part in ("metrics", "activities"):
            if not goal[part]:
                del goal[part]
        for initiative in goal.get("initiatives", []):
            for part in ("metrics", "activities"):
                if not initiative[part]:
                    del initiative[part]
    return new
