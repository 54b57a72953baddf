"""`vpl periods`, `vpl assess`, `vpl ready`, `vpl note` and `vpl followup`: a follow-up round.

A round is a period's assessments of every goal and initiative, each with its analysis
and, where its level needs them, its actions, and each marked ready when done. PERIOD is
a period's id or name in any case (`t1`, "Tertial 1"); without `--period`, the current
one (the next to end). Plan text is printed cleaned of terminal controls.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import click

from vpl_tui.cli.env import Env, fail, no_cycle_collection
from vpl_tui.safetext import clean, one_line

if TYPE_CHECKING:
    from vpl_tui.db.followup import FollowupReads, FollowupRound
    from vpl_tui.db.followup_rows import FollowupRowReads
    from vpl_tui.db.store import Store
    from vpl_tui.strings import Strings

PERIOD_HELP = "The period's id or name (default: the current period)."
_FORMAT = click.Choice(["text", "json"])


def _day(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{clean(value)}: not a date (YYYY-MM-DD)") from None


def _today_option(function: Any) -> Any:
    return click.option(
        "--today",
        callback=_day,
        metavar="YYYY-MM-DD",
        help="Count from this day (default: today): the current period, days to the deadline.",
    )(function)


@click.command()
@click.option("--format", "fmt", type=_FORMAT, default="text", show_default=True)
@_today_option
@click.pass_obj
def periods(env: Env, fmt: str, today: date) -> None:
    """List the plan's follow-up periods; the current one is marked."""
    s = env.strings
    with _open_reads(env) as store:
        found = store.periods()
        current = store.period(None, today)
    if fmt == "json":
        data = [
            {
                "id": p.id,
                "name": p.name,
                "end": p.end.isoformat(),
                "deadline": p.deadline and p.deadline.isoformat(),
                "verdict": p.verdict,
                "current": p == current,
            }
            for p in found
        ]
        import json  # here: no other command pays for it

        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(s("followup.periods_header"))
    for p in found:
        kind = s("followup.verdict" if p.verdict else "followup.forecast")
        mark = f"  ← {s('followup.current')}" if p == current else ""
        deadline = p.deadline.isoformat() if p.deadline else "-"
        click.echo(f"{clean(p.id)}  {one_line(p.name)}  {p.end}  {deadline}  {kind}{mark}")


@click.command()
@click.argument("target")
@click.argument("level", nargs=-1)
@click.option("--period", "period_name", metavar="PERIOD", help=PERIOD_HELP)
@click.option("--analysis", default=None, help="Why: the analysis behind the assessment.")
@click.option(
    "--analysis-file",
    type=click.Path(dir_okay=False),  # a string: pathlib is milliseconds of every start
    help="Read the analysis from FILE (UTF-8).",
)
@click.option("--actions", default="", help="What will be done (åtgärder).")
@click.option("--undo", is_flag=True, help="Undo the latest assessment instead (a new row).")
@_today_option
@click.pass_obj
def assess(
    env: Env,
    target: str,
    level: tuple[str, ...],
    period_name: str | None,
    analysis: str | None,
    analysis_file: str | None,
    actions: str,
    undo: bool,
    today: date,
) -> None:
    """Assess goal or initiative TARGET for a period at LEVEL (met, "delvis uppfyllt", ...)."""
    s = env.strings
    if analysis is not None and analysis_file is not None:
        fail(s("error.analysis_twice"))
    if analysis_file is not None:
        analysis = _read_text(analysis_file, s)
    wanted = " ".join(level)
    if not wanted and not undo:
        fail(s("error.level_needed"))
    with env.open_store() as store:
        period = store.period(period_name, today)
        found = store.target(target)
        scale = store.scale()
        if undo:
            record = store.undo_assessment(found.id, period.id)
            key = "followup.undone"
        else:
            chosen = scale.parse(wanted)
            if chosen is None:
                choices = ", ".join(level.code for level in scale.levels)
                fail(s("error.unknown_level", level=clean(wanted), choices=choices))
            record = store.assess(found.id, period.id, chosen.code, analysis or "", actions)
            key = "followup.assessed"
    from vpl_tui.views.followup_text import word

    click.echo(
        s(
            key,
            target=clean(found.id),
            period=clean(period.id),
            label=word(scale, period, record.assessment, s),
            version=record.version,
        )
    )


def _read_text(path: str, s: Strings) -> str:
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "not UTF-8"
        fail(s("error.analysis_file", file=clean(path), reason=clean(str(reason))))


@click.command()
@click.argument("target")
@click.option("--period", "period_name", metavar="PERIOD", help=PERIOD_HELP)
@click.option("--reopen", is_flag=True, help="Reopen a follow-up marked ready.")
@_today_option
@click.pass_obj
def ready(env: Env, target: str, period_name: str | None, reopen: bool, today: date) -> None:
    """Mark the follow-up of TARGET ready (read-only from then), or reopen it."""
    s = env.strings
    with env.open_store() as store:
        period = store.period(period_name, today)
        found = store.target(target)
        store.mark_ready(found.id, period.id, reopen=reopen)
    key = "followup.reopened" if reopen else "followup.marked_ready"
    click.echo(s(key, target=clean(found.id), period=clean(period.id)))


@click.command()
@click.argument("ref")
@click.argument("text")
@click.option("--period", "period_name", metavar="PERIOD", help=PERIOD_HELP)
@_today_option
@click.pass_obj
def note(env: Env, ref: str, text: str, period_name: str | None, today: date) -> None:
    """Say what has been done (vad har gjorts) in activity REF during a period."""
    s = env.strings
    with env.open_store() as store:
        period = store.period(period_name, today)
        store.note(ref, period.id, text)
    click.echo(s("followup.noted", ref=clean(ref), period=clean(period.id)))


@click.command()
@click.option("--period", "period_name", metavar="PERIOD", help=PERIOD_HELP)
@click.option("--format", "fmt", type=_FORMAT, default="text", show_default=True)
@_today_option
@click.pass_obj
def followup(env: Env, period_name: str | None, fmt: str, today: date) -> None:
    """Show what each goal's and initiative's follow-up still lacks, and the deadline."""
    no_cycle_collection()  # thousands of rows and lines at once, without cycles
    if fmt == "json":
        import json  # here: no other command pays for it

        with _open_round(env) as store:
            found = store.followup(store.period(period_name, today), today)
        click.echo(json.dumps(_round_data(found), ensure_ascii=False, indent=2))
        return
    from vpl_tui.views.followup_text import round_lines

    with _open_reads(env) as reads:
        period = reads.period(period_name, today)
        rows, scale = reads.round_rows(period), reads.scale()
    days = period.days_to_deadline(today)
    click.echo("\n".join(round_lines(rows, period, scale, days, env.strings)))


def _open_reads(env: Env) -> FollowupRowReads | Store:
    """The periods and the round's rows alone (a lighter start); the whole store to create one."""
    from vpl_tui.db.followup_rows import FollowupRowReads
    from vpl_tui.db.opening import open_plan_part

    store = open_plan_part(FollowupRowReads, env.db_file, create_folder=not env.explicit_db)
    return store if store is not None else env.open_store()


def _open_round(env: Env) -> FollowupReads | Store:
    """The follow-up part of the store, with the whole round's records (`--format json`)."""
    from vpl_tui.db.followup import open_followup_reads

    store = open_followup_reads(env.db_file, create_folder=not env.explicit_db)
    return store if store is not None else env.open_store()


def _round_data(found: FollowupRound) -> dict[str, Any]:
    period = found.period
    return {
        "period": {
            "id": period.id,
            "name": period.name,
            "end": period.end.isoformat(),
            "deadline": period.deadline and period.deadline.isoformat(),
            "verdict": period.verdict,
        },
        "days_to_deadline": found.days_to_deadline,
        "ready": found.ready,
        "total": len(found.lines),
        "notes": found.notes,
        "metrics": {
            "total": found.metrics,
            "without_outcome": sum(len(line.metrics_missing) for line in found.lines),
        },
        "targets": [
            {
                "target": line.target.id,
                "kind": line.target.kind,
                "goal": line.target.goal,
                "title": line.target.title,
                "level": line.assessment.level if line.assessment else None,
                "analysis": line.assessment.analysis if line.assessment else "",
                "actions": line.assessment.actions if line.assessment else "",
                "ready": line.ready,
                "gaps": line.gaps,
                "metrics_without_outcome": [m.ident for m in line.metrics_missing],
            }
            for line in found.lines
        ],
    }
