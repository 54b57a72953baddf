"""The status summary as text for a terminal or a pipe, and as Markdown for a wiki page.

Plan text is cleaned of control characters (text) or escaped as literal Markdown. Colour
is the CLI's to give: the text renderer names each coloured span's role to `style`.
"""

from __future__ import annotations

import re

from vpl_tui.rules.statuses import STATUSES
from vpl_tui.safetext import clean, one_line
from vpl_tui.strings import Strings
from vpl_tui.styles import Style, plain
from vpl_tui.summary.model import Summary, budget_line, heading


def render_text(summary: Summary, s: Strings, *, style: Style = plain) -> str:
    """Plain text for a terminal or a pipe; `style` colours its headings, the status
    labels (`status.<code>`) and the overdue count when there is one (`overdue`)."""

    width = 64
    lines = [
        style(f"{s('summary.title')}: {one_line(heading(summary))}", "heading"),
        s("summary.as_of", date=summary.as_of.isoformat()),
        "",
        style(f"{s('summary.activities')}: {summary.total}", "heading"),
    ]
    label_width = max(len(s.status(code)) for code in STATUSES)
    for code in STATUSES:
        count = summary.by_status[code]
        lines.append(f"  {style(s.status(code).ljust(label_width), f'status.{code}')}  {count:>6}")
    overdue_line = s("summary.overdue_count", count=len(summary.overdue))
    lines += ["", style(overdue_line, "overdue") if summary.overdue else overdue_line, ""]
    lines.append(style(s("summary.goals"), "heading"))
    for goal in summary.goals:
        title = one_line(f"{goal.number} {goal.title}", width)
        done = f"{goal.count.done}/{goal.count.activities}"
        lines.append(f"  {title.ljust(width)}  {done:>9}")
        if (judged := summary.assessments.get(goal.number)) is not None:
            label = judged.level.label(s.lang, forecast=judged.forecast)
            words = s("summary.assessment", period=one_line(judged.period), label=label)
            lines.append(f"    {one_line(words)} {judged.level.symbol}")
        for initiative in goal.initiatives:
            title = one_line(initiative.title, width - 2)
            done = f"{initiative.count.done}/{initiative.count.activities}"
            lines.append(f"    {title.ljust(width - 2)}  {done:>9}")
    lines += ["", style(s("summary.overdue"), "heading")]
    if not summary.overdue:
        lines.append("  " + s("summary.none_overdue"))
    # A large plan has thousands of overdue activities: each label is styled once.
    labels = {code: style(s.status(code), f"status.{code}") for code in STATUSES}
    title_width = width - 10
    lines += [
        f"  {clean(activity.ref):<16} {activity.end.isoformat()}  {labels[activity.status]}  "
        f"{one_line(activity.title, title_width)}"
        for activity in summary.overdue
    ]
    lines += ["", budget_line(summary, s), ""]
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
        f"# {s('summary.title')}: {e(heading(summary))}",
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
    lines += ["", budget_line(summary, s), ""]
    return "\n".join(lines)
