"""The status summary as text for a terminal or a pipe, and as Markdown for a wiki page.

Plan text is cleaned of control characters (text) or escaped as literal Markdown. Colour
is the CLI's to give: the text renderer names each coloured span's role to `style`.
"""

from __future__ import annotations

from vpl_tui.rules.statuses import STATUSES
from vpl_tui.safetext import clean, one_line
from vpl_tui.strings import Strings
from vpl_tui.styles import Style, plain
from vpl_tui.summary.model import Summary, budget_line, done_text, heading, responsible_text

GOAL_TITLES = 64
"""Without a width (a pipe, a file): goal titles are cut to this, the counts beside them."""
OVERDUE_TITLES = 54
"""Without a width: the overdue activities' titles are cut to this."""


def render_text(
    summary: Summary, s: Strings, *, style: Style = plain, width: int | None = None
) -> str:
    """Plain text for a terminal or a pipe; `style` colours its headings, the status
    labels (`status.<code>`) and the overdue count when there is one (`overdue`).

    `width` is the room there is (a terminal's or a pane's columns): titles take what the
    counts leave, and are cut with an ellipsis only beyond it.
    """
    room = max(width, 40) if width else 0
    lines = [
        # Cut only to a screen's width: a pipe or a file gets the whole heading.
        style(one_line(f"{s('summary.title')}: {heading(summary)}", width or 0), "heading"),
        s("summary.as_of", date=summary.as_of.isoformat()),
        *(
            [s("summary.responsible_only", name=one_line(summary.responsible))]
            if summary.responsible
            else []
        ),
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
    counts = {
        id(part): done_text(part.count, s)
        for goal in summary.goals
        for part in (goal, *goal.initiatives)
    }
    count_width = max((len(text) for text in counts.values()), default=3)
    if room:
        titles = room - 4 - count_width  # the indent and the gap before the counts
    else:
        count_width = max(count_width, 9)
        titles = GOAL_TITLES
    for goal in summary.goals:
        title = one_line(f"{goal.number} {goal.title}", titles)
        lines.append(f"  {title.ljust(titles)}  {counts[id(goal)]:>{count_width}}")
        if (judged := summary.assessments.get(goal.number)) is not None:
            label = judged.level.label(s.lang, forecast=judged.forecast)
            words = s("summary.assessment", period=one_line(judged.period), label=label)
            lines.append(f"    {one_line(words)} {judged.level.symbol}")
        if goal.responsible:
            lines.append(f"    {one_line(responsible_text(goal, s), titles)}")
        for initiative in goal.initiatives:
            title = one_line(initiative.title, titles - 2)
            lines.append(f"    {title.ljust(titles - 2)}  {counts[id(initiative)]:>{count_width}}")
            if initiative.responsible:
                lines.append(f"      {one_line(responsible_text(initiative, s), titles - 2)}")
    lines += ["", style(s("summary.overdue"), "heading")]
    if not summary.overdue:
        lines.append("  " + s("summary.none_overdue"))
    # A large plan has thousands of overdue activities: each label is styled once.
    labels = {code: style(s.status(code), f"status.{code}") for code in STATUSES}
    # Columns as wide as their longest entry, so that long refs keep the dates in line.
    refs = [clean(activity.ref) for activity in summary.overdue]
    ref_width = max((len(ref) for ref in refs), default=0)
    ref_width = max(ref_width, 16)
    status_width = max((len(s.status(a.status)) for a in summary.overdue), default=0)
    beside = 2 + ref_width + 1 + 10 + 2 + status_width + 2  # what stands before the title
    title_width = max(room - beside, 20) if room else OVERDUE_TITLES
    lines += [
        f"  {ref:<{ref_width}} {activity.end.isoformat()}  "
        f"{labels[activity.status]}{' ' * (status_width - len(s.status(activity.status)))}  "
        f"{one_line(activity.title, title_width)}"
        + (f"  ({one_line(activity.responsible, 40)})" if activity.responsible else "")
        for ref, activity in zip(refs, summary.overdue, strict=True)
    ]
    if summary.metric_lines:
        from vpl_tui.summary.metrics import metric_text

        found = metric_text(summary.metric_lines, summary.metric_period, summary.as_of, s, room)
        lines += ["", style(found[0], "heading"), *found[1:]]
    lines += ["", budget_line(summary, s), ""]
    return "\n".join(lines)


# -- markdown -----------------------------------------------------------------------------


def render_markdown(summary: Summary, s: Strings) -> str:
    """GitHub-flavoured Markdown with tables, for a wiki page or an e-mail."""
    from vpl_tui.report.to_markdown import md as e  # the board report's escaping, one rule

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
        who = f" · *{e(responsible_text(goal, s))}*" if goal.responsible else ""
        lines.append(f"| **{e(goal.number)}** {e(goal.title)}{who} | {done_text(goal.count, s)} |")
        for initiative in goal.initiatives:
            done = done_text(initiative.count, s)
            who = f" · *{e(responsible_text(initiative, s))}*" if initiative.responsible else ""
            lines.append(f"| &nbsp;&nbsp;{e(initiative.title)}{who} | {done} |")
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
    if summary.metric_lines:
        from vpl_tui.summary.metrics import counted, metric_markdown

        met, judged = counted(summary.metric_lines)
        title = s("summary.metrics_title", period=summary.metric_period, met=met, judged=judged)
        lines += ["", f"## {e(title)}", "", *metric_markdown(summary.metric_lines, s, e)]
    lines += ["", budget_line(summary, s), ""]
    return "\n".join(lines)
