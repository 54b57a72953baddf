"""The status summary a controller prints for the board, in text, Markdown, JSON and HTML.

`build_summary` asks the store for counts (SQLite does the counting) and `render` turns the
result into one of the formats. Everything from the plan file is escaped for the format it
goes into: control characters become visible escapes, Markdown and HTML are escaped.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from json.encoder import encode_basestring
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from vpl_tui.checks import tally
from vpl_tui.records import ActivityRecord, MetricRecord, OverdueRecord, PlanRecord
from vpl_tui.safetext import clean, escape_serialised, one_line
from vpl_tui.statuses import STATUSES
from vpl_tui.strings import Strings

# Nothing here imports pydantic: a summary reads plain records, and pydantic would be
# half the time of `vpl summary` on a small plan.
if TYPE_CHECKING:
    from vpl_tui.db.store import Store

Format = Literal["text", "markdown", "json", "html"]
FORMATS: tuple[str, ...] = ("text", "markdown", "json", "html")


# Named tuples rather than dataclasses: a dataclass costs every start of `vpl summary`
# over a millisecond to make, a named tuple a fifth of that.


class Count(NamedTuple):
    """Activities under one goal or initiative, as of the summary's day."""

    activities: int = 0
    done: int = 0
    overdue: int = 0


class InitiativeSummary(NamedTuple):
    id: str
    title: str
    count: Count


class GoalSummary(NamedTuple):
    number: str
    kind: str
    title: str
    count: Count
    """Every activity under the goal, its initiatives' included."""
    initiatives: list[InitiativeSummary]


class BudgetStatus(NamedTuple):
    """The one line the summary gives the budget reconciliation."""

    checks: int
    failed: int
    unchecked: int


@dataclass
class Summary:
    plan: PlanRecord
    as_of: date
    total: int
    by_status: dict[str, int]
    overdue: list[OverdueRecord]
    goals: list[GoalSummary]
    metrics: list[tuple[str, str | None, MetricRecord]]
    """Every metric (JSON only, like `activities`; empty when not asked for)."""
    activities: list[ActivityRecord] | None = None
    """Every activity (JSON only; None when not asked for, to keep large plans light)."""
    budget: BudgetStatus | None = None
    initiative_titles: dict[str, str] = field(default_factory=dict)


def budget_status(store: Store) -> BudgetStatus | None:
    """The reconciliation's one line for the summary, or None when the plan has no budget."""
    # Imported here: only the summary needs the reconciliation, not every importer of this module.
    from vpl_tui.budget import reconcile

    budget = store.budget_figures()
    if budget is None:
        return None
    counts = tally(reconcile(budget, store.earmarks()))
    return BudgetStatus(checks=counts.total, failed=counts.failed, unchecked=counts.unchecked)


def build_summary(store: Store, as_of: date, *, with_activities: bool = False) -> Summary:
    """Collect the summary of the plan in `store` as it stood at the end of `as_of`.

    Args:
        store: The plan database.
        as_of: The day; statuses are replayed from the history up to the end of it.
        with_activities: Include every activity and every metric (for JSON); the other
            formats list only the overdue activities, so large plans stay light.
    """
    plan = store.plan_record()
    by_status = dict.fromkeys(STATUSES, 0)
    own: dict[tuple[str, str | None], Count] = {}  # each goal's own activities, each initiative's
    under: dict[str, list[int]] = {}  # all under each goal: [activities, done, overdue]
    # One pass over what SQLite counted (a row per goal and initiative); the outline
    # below only looks the counts up.
    for key, bucket in store.progress_as_of(as_of).items():
        activities = 0
        for status in STATUSES:
            n = bucket.get(status, 0)
            by_status[status] += n
            activities += n
        count = own[key] = Count(activities, bucket.get("done", 0), bucket.get("overdue", 0))
        totals = under.setdefault(key[0], [0, 0, 0])
        totals[0] += count.activities
        totals[1] += count.done
        totals[2] += count.overdue

    no_count = Count()
    goals: list[GoalSummary] = []
    titles: dict[str, str] = {}
    for goal, initiatives in store.outline():
        titles.update({i.id: i.title for i in initiatives})
        goals.append(
            GoalSummary(
                number=goal.number,
                kind=goal.kind,
                title=goal.title,
                count=Count(*under.get(goal.number, (0, 0, 0))),
                initiatives=[
                    InitiativeSummary(i.id, i.title, own.get((goal.number, i.id), no_count))
                    for i in initiatives
                ],
            )
        )
    overdue = store.overdue_as_of(as_of)
    return Summary(
        plan=plan,
        as_of=as_of,
        total=sum(by_status.values()),
        by_status=by_status,
        overdue=overdue,
        goals=goals,
        metrics=store.all_metrics() if with_activities else [],
        activities=store.activities_as_of(as_of) if with_activities else None,
        budget=budget_status(store),
        initiative_titles=titles,
    )


def render(summary: Summary, fmt: Format, strings: Strings, *, color: bool = False) -> str:
    """The summary in `fmt`; `color` adds ANSI colours to the text format only."""
    renderers: dict[str, Callable[[], str]] = {
        "text": lambda: render_text(summary, strings, color=color),
        "markdown": lambda: render_markdown(summary, strings),
        "json": lambda: render_json(summary),
        "html": lambda: render_html(summary, strings),
    }
    return renderers[fmt]()


def _heading(summary: Summary) -> str:
    plan = summary.plan
    parts = [plan.organisation, plan.title]
    if plan.municipality:
        parts.insert(0, plan.municipality)
    return " · ".join(parts) + f" ({plan.period})"


def _budget_line(summary: Summary, s: Strings) -> str:
    if summary.budget is None:
        return s("summary.no_budget")
    b = summary.budget
    return s("summary.budget", checks=b.checks, failed=b.failed, unchecked=b.unchecked)


# -- text ---------------------------------------------------------------------------------

_ANSI = {"bold": "1", "dim": "2", "red": "31", "green": "32", "yellow": "33", "cyan": "36"}
_STATUS_COLOUR = {
    "not_started": "dim",
    "in_progress": "cyan",
    "done": "green",
    "delayed": "yellow",
    "cancelled": "dim",
}


def render_text(summary: Summary, s: Strings, *, color: bool = False) -> str:
    """Plain text for a terminal or a pipe; colour only when asked for."""

    def paint(text: str, style: str) -> str:
        return f"\x1b[{_ANSI[style]}m{text}\x1b[0m" if color else text

    width = 64
    lines = [
        paint(f"{s('summary.title')}: {one_line(_heading(summary))}", "bold"),
        s("summary.as_of", date=summary.as_of.isoformat()),
        "",
        paint(f"{s('summary.activities')}: {summary.total}", "bold"),
    ]
    label_width = max(len(s.status(code)) for code in STATUSES)
    for code in STATUSES:
        count = summary.by_status[code]
        lines.append(
            f"  {paint(s.status(code).ljust(label_width), _STATUS_COLOUR[code])}  {count:>6}"
        )
    overdue_line = s("summary.overdue_count", count=len(summary.overdue))
    lines += ["", paint(overdue_line, "red") if summary.overdue else overdue_line, ""]
    lines.append(paint(s("summary.goals"), "bold"))
    for goal in summary.goals:
        title = one_line(f"{goal.number} {goal.title}", width)
        done = f"{goal.count.done}/{goal.count.activities}"
        lines.append(f"  {title.ljust(width)}  {done:>9}")
        for initiative in goal.initiatives:
            title = one_line(initiative.title, width - 2)
            done = f"{initiative.count.done}/{initiative.count.activities}"
            lines.append(f"    {title.ljust(width - 2)}  {done:>9}")
    lines += ["", paint(s("summary.overdue"), "bold")]
    if not summary.overdue:
        lines.append("  " + s("summary.none_overdue"))
    # A large plan has thousands of overdue activities: each label is painted once.
    labels = {code: paint(s.status(code), _STATUS_COLOUR[code]) for code in STATUSES}
    title_width = width - 10
    lines += [
        f"  {clean(activity.ref):<16} {activity.end.isoformat()}  {labels[activity.status]}  "
        f"{one_line(activity.title, title_width)}"
        for activity in summary.overdue
    ]
    lines += ["", _budget_line(summary, s), ""]
    return "\n".join(lines)


# -- markdown -----------------------------------------------------------------------------

# Backslash-escape what can start markup anywhere in a line; "-", "+", "." and "(" only
# matter at the start of a line or after "]", and plan text never starts a line here.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]#|<>~&$])")


def markdown_escape(text: str) -> str:
    """Plan text as literal Markdown: special characters backslash-escaped, one line."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", one_line(text))


def render_markdown(summary: Summary, s: Strings) -> str:
    """GitHub-flavoured Markdown with tables, for a wiki page or an e-mail."""
    e = markdown_escape
    lines = [
        f"# {s('summary.title')}: {e(_heading(summary))}",
        "",
        f"*{s('summary.as_of', date=summary.as_of.isoformat())}*",
        "",
        f"## {s('summary.by_status')}",
        "",
        f"| {s('summary.status')} | {s('summary.activities')} |",
        "|---|---:|",
    ]
    lines += [f"| {s.status(code)} | {summary.by_status[code]} |" for code in STATUSES]
    lines += [f"| **{s('summary.total')}** | **{summary.total}** |", ""]
    lines += [f"**{s('summary.overdue_count', count=len(summary.overdue))}**", ""]
    lines += [
        f"## {s('summary.goals')}",
        "",
        f"| {s('summary.goal')} | {s('summary.done')} |",
        "|---|---:|",
    ]
    for goal in summary.goals:
        lines.append(
            f"| **{e(goal.number)}** {e(goal.title)} | {goal.count.done}/{goal.count.activities} |"
        )
        for initiative in goal.initiatives:
            count = initiative.count
            lines.append(f"| &nbsp;&nbsp;{e(initiative.title)} | {count.done}/{count.activities} |")
    lines += ["", f"## {s('summary.overdue')}", ""]
    if summary.overdue:
        lines += [
            f"| {s('summary.ref')} | {s('summary.end')} | {s('summary.status')} | {s('summary.activity')} |",
            "|---|---|---|---|",
        ]
        for activity in summary.overdue:
            lines.append(
                f"| {e(activity.ref)} | {activity.end.isoformat()} | {s.status(activity.status)} "
                f"| {e(activity.title)} |"
            )
    else:
        lines.append(s("summary.none_overdue"))
    lines += ["", _budget_line(summary, s), ""]
    return "\n".join(lines)


# -- json -----------------------------------------------------------------------------------


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
                "activities": goal.count.activities,
                "done": goal.count.done,
                "overdue": goal.count.overdue,
                "initiatives": [
                    {
                        "id": i.id,
                        "title": i.title,
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
        "budget": None
        if summary.budget is None
        else {
            "checks": summary.budget.checks,
            "failed": summary.budget.failed,
            "unchecked": summary.budget.unchecked,
        },
    }
    return data


def render_json(summary: Summary) -> str:
    """JSON with Swedish letters as they are; control and bidi characters as \\u escapes.

    `json.dumps` escapes only C0 controls when it keeps non-ASCII text; DEL, C1 controls
    and bidi overrides are escaped here, so the output never acts on a terminal.
    """
    data = summary_data(summary)
    activities = data["activities"]
    # json.dumps indents with its pure-Python encoder, which takes seconds on a region's
    # 100 000 activities: those are written by `_flat_items_json`, in the very same text,
    # where the document has an empty list in their place (a line no string can make:
    # a line feed in a string is written as \n).
    data["activities"] = []
    text = json.dumps(data, indent=2, ensure_ascii=False)
    if activities:
        text = text.replace(
            '\n  "activities": [],\n',
            '\n  "activities": [\n' + _flat_items_json(activities, depth=2) + "\n  ],\n",
            1,
        )
    return escape_serialised(text) + "\n"


def _json_scalar(value: object) -> str:
    """A string, whole number, boolean or None as `json.dumps(ensure_ascii=False)` writes it."""
    if type(value) is str:
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if type(value) is int:
        return int.__repr__(value)
    raise TypeError(f"not a flat JSON value: {value!r}")


def _flat_items_json(items: list[dict[str, Any]], depth: int) -> str:
    """Flat dicts, all with the same keys, as `json.dumps(indent=2)` writes a list of them.

    The items only, without the list's brackets, `depth` levels deep: the same text as
    json.dumps gives, in a tenth of its time.
    """
    outer, inner = "  " * depth, "  " * (depth + 1)
    fields = ",\n".join(f"{inner}{encode_basestring(key)}: {{}}" for key in items[0])
    template = f"{outer}{{{{\n{fields}\n{outer}}}}}"
    scalar = _json_scalar
    return ",\n".join(template.format(*map(scalar, item.values())) for item in items)


# -- html -----------------------------------------------------------------------------------

_HTML_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 60em; color: #111; }
h1 { font-size: 1.4em; margin-bottom: 0; } h2 { font-size: 1.1em; margin-top: 1.6em; }
.as-of { color: #555; margin-top: .2em; }
table { border-collapse: collapse; width: 100%; margin-top: .5em; }
th, td { border-bottom: 1px solid #ccc; padding: .25em .5em; text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; white-space: nowrap; }
tr.initiative td:first-child { padding-left: 2em; }
.overdue { color: #a00; font-weight: bold; }
footer { margin-top: 2em; color: #777; font-size: .85em; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; }
  tr { break-inside: avoid; } }
"""


def render_html(summary: Summary, s: Strings) -> str:
    """One printable HTML page, every plan string escaped."""

    def h(text: str) -> str:
        return html.escape(clean(text, multiline=False), quote=True)

    lang = s.lang
    rows_status = "".join(
        f"<tr><td>{h(s.status(code))}</td><td class='n'>{summary.by_status[code]}</td></tr>"
        for code in STATUSES
    )
    rows_goals = []
    for goal in summary.goals:
        rows_goals.append(
            f"<tr><td><b>{h(goal.number)}</b> {h(goal.title)}</td>"
            f"<td class='n'>{goal.count.done}/{goal.count.activities}</td></tr>"
        )
        rows_goals += [
            f"<tr class='initiative'><td>{h(i.title)}</td>"
            f"<td class='n'>{i.count.done}/{i.count.activities}</td></tr>"
            for i in goal.initiatives
        ]
    if summary.overdue:
        overdue = (
            f"<table><thead><tr><th>{h(s('summary.ref'))}</th><th>{h(s('summary.end'))}</th>"
            f"<th>{h(s('summary.status'))}</th><th>{h(s('summary.activity'))}</th></tr></thead><tbody>"
            + "".join(
                f"<tr><td>{h(a.ref)}</td><td>{a.end.isoformat()}</td>"
                f"<td>{h(s.status(a.status))}</td><td>{h(a.title)}</td></tr>"
                for a in summary.overdue
            )
            + "</tbody></table>"
        )
    else:
        overdue = f"<p>{h(s('summary.none_overdue'))}</p>"
    from vpl_tui import __version__  # looked up only here: it costs every start ~20 ms

    printed = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    overdue_count = h(s("summary.overdue_count", count=len(summary.overdue)))
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{h(s("summary.title"))}: {h(_heading(summary))}</title>
<style>{_HTML_STYLE}</style>
</head>
<body>
<h1>{h(s("summary.title"))}: {h(_heading(summary))}</h1>
<p class="as-of">{h(s("summary.as_of", date=summary.as_of.isoformat()))}</p>
<h2>{h(s("summary.by_status"))}</h2>
<table><tbody>{rows_status}
<tr><td><b>{h(s("summary.total"))}</b></td><td class="n"><b>{summary.total}</b></td></tr>
</tbody></table>
<p class="{"overdue" if summary.overdue else ""}">{overdue_count}</p>
<h2>{h(s("summary.goals"))}</h2>
<table><thead><tr><th>{h(s("summary.goal"))}</th><th class="n">{h(s("summary.done"))}</th></tr></thead>
<tbody>{"".join(rows_goals)}</tbody></table>
<h2>{h(s("summary.overdue"))}</h2>
{overdue}
<p>{h(_budget_line(summary, s))}</p>
<footer>{h(s("summary.generated", when=printed, version=__version__))}</footer>
</body>
</html>
"""
