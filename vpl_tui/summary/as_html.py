"""The status summary as one printable HTML page, every plan string escaped."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import UTC, datetime

from vpl_tui.rules.statuses import STATUSES
from vpl_tui.safetext import clean
from vpl_tui.strings import Strings
from vpl_tui.summary.model import (
    GoalSummary,
    InitiativeSummary,
    Summary,
    budget_line,
    done_text,
    heading,
    responsible_text,
)

_HTML_STYLE = """
@page { size: A4; margin: 18mm 16mm; }
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 60em; color: #111; }
h1 { font-size: 1.4em; margin-bottom: 0; } h2 { font-size: 1.1em; margin-top: 1.6em; }
.as-of { color: #555; margin-top: .2em; }
table { border-collapse: collapse; width: 100%; margin-top: .5em; }
th, td { border-bottom: 1px solid #ccc; padding: .25em .5em; text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; white-space: nowrap; }
td.nowrap, th.nowrap { white-space: nowrap; }
.note { color: #444; font-style: italic; }
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
            f"<tr><td><b>{h(goal.number)}</b> {h(goal.title)}{_who(goal, s, h)}</td>"
            f"<td class='n'>{h(done_text(goal.count, s))}</td></tr>"
        )
        rows_goals += [
            f"<tr class='initiative'><td>{h(i.title)}{_who(i, s, h)}</td>"
            f"<td class='n'>{h(done_text(i.count, s))}</td></tr>"
            for i in goal.initiatives
        ]
    if summary.overdue:
        # Who is responsible, in a column of its own when any overdue activity names one.
        named = any(a.responsible for a in summary.overdue)
        overdue = (
            f"<table><thead><tr><th class='nowrap'>{h(s('summary.ref'))}</th>"
            f"<th class='nowrap'>{h(s('summary.end'))}</th>"
            f"<th class='nowrap'>{h(s('summary.status'))}</th><th>{h(s('summary.activity'))}</th>"
            + (f"<th>{h(s('field.responsible'))}</th>" if named else "")
            + "</tr></thead><tbody>"
            + "".join(
                f"<tr><td class='nowrap'>{h(a.ref)}</td><td class='nowrap'>{a.end.isoformat()}</td>"
                f"<td class='nowrap'>{h(s.status(a.status))}</td><td>{h(a.title)}"
                f"{_note(summary.notes.get(a.ref), h)}</td>"
                + (f"<td>{h(a.responsible)}</td>" if named else "")
                + "</tr>"
                for a in summary.overdue
            )
            + "</tbody></table>"
        )
    else:
        overdue = f"<p>{h(s('summary.none_overdue'))}</p>"
    from vpl_tui.summary.metrics import metric_html

    metrics = metric_html(summary.metric_lines, s, h) or _metrics_table(summary, s, h)
    from vpl_tui import __version__  # looked up only here: it costs every start ~20 ms

    printed = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    overdue_count = h(s("summary.overdue_count", count=len(summary.overdue)))
    responsible = (
        f'\n<p class="as-of">{h(s("summary.responsible_only", name=summary.responsible))}</p>'
        if summary.responsible
        else ""
    )
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{h(s("summary.title"))}: {h(heading(summary))}</title>
<style>{_HTML_STYLE}</style>
</head>
<body>
<h1>{h(s("summary.title"))}: {h(heading(summary))}</h1>
<p class="as-of">{h(s("summary.as_of", date=summary.as_of.isoformat()))}</p>{responsible}
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
{metrics}
<p>{h(budget_line(summary, s))}</p>
<footer>{h(s("summary.generated", when=printed, version=__version__))}</footer>
</body>
</html>
"""


def _who(part: GoalSummary | InitiativeSummary, s: Strings, h: Callable[[str], str]) -> str:
    """Who is responsible for the goal or initiative, under its title (nothing: none named)."""
    return (
        f"<br><span class='note'>{h(responsible_text(part, s))}</span>" if part.responsible else ""
    )


def _note(note: str | None, h: Callable[[str], str]) -> str:
    """The activity's latest note, under its title (nothing when it has none)."""
    return f"<br><span class='note'>{h(note)}</span>" if note else ""


def _metrics_table(summary: Summary, s: Strings, h: Callable[[str], str]) -> str:
    """Every metric with its latest outcome and its target for the summary's year."""
    if not summary.metrics:
        return ""
    year = str(summary.as_of.year)
    rows = []
    for goal_number, _initiative, metric in summary.metrics:
        outcome = metric.latest
        if outcome and metric.latest_year is not None:
            outcome = f"{outcome} ({metric.latest_year})"
        target = metric.targets.get(year) or next(reversed(metric.targets.values()), "")
        rows.append(
            f"<tr><td class='nowrap'>{h(goal_number)}</td><td>{h(metric.name)}</td>"
            f"<td>{h(outcome)}</td><td>{h(target)}</td></tr>"
        )
    return (
        f"<h2>{h(s('summary.metrics'))}</h2><table><thead><tr>"
        f"<th class='nowrap'>{h(s('summary.goal'))}</th><th>{h(s('summary.metric'))}</th>"
        f"<th>{h(s('summary.latest_outcome'))}</th><th>{h(s('summary.target', year=year))}</th>"
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
