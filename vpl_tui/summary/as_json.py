"""The status summary as JSON: English keys and status codes, plan text as written.

Written by `json.dumps`; what it leaves raw although a terminal acts on it (DEL, C1
controls, bidi overrides) is escaped after, by `vpl_tui.safetext.escape_serialised`.
"""

from __future__ import annotations

import json
from typing import Any

from vpl_tui.safetext import escape_serialised
from vpl_tui.summary.model import Summary


def summary_data(summary: Summary) -> dict[str, Any]:
    """The summary as JSON-ready data: English keys and status codes, plan text as written."""
    overdue_refs = {activity.ref for activity in summary.overdue}
    data: dict[str, Any] = {
        "plan": summary.plan._asdict(),
        "as_of": summary.as_of.isoformat(),
        "totals": {
            "activities": summary.total,
            "by_status": summary.by_status,
            "overdue": len(summary.overdue),
        },
        "goals": [
            {
                "number": goal.number,
                "kind": goal.kind,
                "title": goal.title,
                "responsible": goal.responsible,
                "activities": goal.count.activities,
                "done": goal.count.done,
                "overdue": goal.count.overdue,
                "initiatives": [
                    {
                        "id": i.id,
                        "title": i.title,
                        "responsible": i.responsible,
                        "activities": i.count.activities,
                        "done": i.count.done,
                        "overdue": i.count.overdue,
                    }
                    for i in goal.initiatives
                ],
            }
            for goal in summary.goals
        ],
        "activities": [
            {
                "ref": a.ref,
                "title": a.title,
                "kind": a.kind,
                "goal": a.goal_number,
                "initiative": a.initiative_id,
                "start": a.start.isoformat(),
                "end": a.end.isoformat(),
                "status": a.status,
                "overdue": a.ref in overdue_refs,
                # Only when named: a plan without any keeps the JSON it always had.
                **({"responsible": a.responsible} if a.responsible else {}),
            }
            for a in summary.activities or []
        ],
        "metrics": [
            {
                "name": metric.name,
                "goal": goal_number,
                "initiative": initiative_id,
                "latest": metric.latest,
                "latest_year": metric.latest_year,
                "targets": metric.targets,
            }
            for goal_number, initiative_id, metric in summary.metrics
        ],
        "judged_metrics": _judged(summary),
        "budget": None
        if summary.budget is None
        else {
            "checks": summary.budget.checks,
            "failed": summary.budget.failed,
            "unchecked": summary.budget.unchecked,
        },
    }
    if summary.responsible:
        data["responsible"] = summary.responsible
    return data


def render_json(summary: Summary) -> str:
    """JSON with Swedish letters as they are; control and bidi characters as \\u escapes.

    `json.dumps` escapes only C0 controls when it keeps non-ASCII text; DEL, C1 controls
    and bidi overrides are escaped here, so the output never acts on a terminal.
    """
    text = json.dumps(summary_data(summary), indent=2, ensure_ascii=False)
    return escape_serialised(text) + "\n"


def _judged(summary: Summary) -> dict[str, Any]:
    """The metrics judged for the period current on the summary's day."""
    from vpl_tui.rules.targets import TREND

    return {
        "period": summary.metric_period,
        "metrics": [
            {
                "id": line.metric.id,
                "goal": line.metric.goal_number,
                "initiative": line.metric.initiative_id,
                "outcome": None if line.judged.outcome is None else line.judged.outcome.value,
                "outcome_at": None if line.judged.outcome is None else line.judged.outcome.point,
                "source": None if line.judged.outcome is None else line.judged.outcome.source,
                "previous": None if line.judged.previous is None else line.judged.previous.value,
                "target": line.judged.target,
                "judgement": line.judged.judgement,
                "trend": TREND.get(line.judged.judgement),
            }
            for line in summary.metric_lines
        ],
    }
