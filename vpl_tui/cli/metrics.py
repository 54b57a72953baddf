"""`vpl outcome` (record, undo, import) and `vpl metrics`: metric outcomes and their judgement.

`vpl outcome METRIC VALUE --period P` (or `--year Y`) records one outcome; `vpl outcome
import FILE` reads a saved Kolada answer or a CSV (`vpl_tui.outcome_files`). `outcome`
is a group whose default is `set`: `vpl outcome METRIC VALUE` is `vpl outcome set METRIC
VALUE`, and only `import` (and `set`) are words of its own. Plan text is printed cleaned
of terminal controls, so hostile text is shown as the text it is.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import click

from vpl_tui.cli.env import Env, fail, no_cycle_collection
from vpl_tui.safetext import clean

if TYPE_CHECKING:
    from vpl_tui.db.outcome_lines import MetricLineReads
    from vpl_tui.db.store import Store
    from vpl_tui.rules.outcomes import MetricLine, Outcome
    from vpl_tui.strings import Strings

MAX_LISTED = 20
"""`vpl outcome import` lists at most this many of the outcomes it saved."""
_FORMAT = click.Choice(["text", "json"])
_GENDER = click.Choice(["T", "K", "M"], case_sensitive=False)


def _today(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{clean(value)}: not a date (YYYY-MM-DD)") from None


class DefaultSet(click.Group):
    """A group that runs `set` when its first word is none of its commands."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = ["set", *args]
        return super().parse_args(ctx, args)


@click.group(cls=DefaultSet)
def outcome() -> None:
    """Record an outcome of metric METRIC, or read outcomes from a file."""


@outcome.command("set")
@click.argument("metric")
@click.argument("value", required=False)
@click.option("--period", "period_name", metavar="PERIOD", help="The period's id or name.")
@click.option("--year", type=click.IntRange(1900, 2200), help="A calendar year instead.")
@click.option("--gender", type=_GENDER, default="T", show_default=True, help="T, K or M.")
@click.option("--comment", default="", help="Why, or where the figure comes from.")
@click.option("--source", default="", help='Where it comes from: "SCB", "Kolada".')
@click.option("--version", "expected", type=click.IntRange(0), help="Refuse if it changed.")
@click.option("--undo", is_flag=True, help="Undo the latest outcome instead (a new row).")
@click.pass_obj
def set_outcome(
    env: Env,
    metric: str,
    value: str | None,
    period_name: str | None,
    year: int | None,
    gender: str,
    comment: str,
    source: str,
    expected: int | None,
    undo: bool,
) -> None:
    """Record VALUE as the outcome of METRIC for a period or a year."""
    s = env.strings
    if period_name is None and year is None:
        fail(s("error.outcome_point"))
    if value is None and not undo:
        fail(s("error.outcome_value_needed"))
    with env.open_store() as store:
        found = store.metric_info(metric)
        period = None if period_name is None else store.period(period_name, date.today()).id
        where = {"period": period, "year": year, "gender": gender.upper()}
        if undo:
            record = store.undo_outcome(found.id, **where)
            key = "metrics.undone"
        else:
            assert value is not None
            record = store.record_outcome(
                found.id,
                value,
                **where,
                source=source,
                comment=comment,
                expected_version=expected,
            )
            key = "metrics.recorded"
    shown = clean(record.value) or s("metrics.nothing")
    click.echo(
        s(key, metric=clean(found.id), point=_point(record), value=shown, version=record.version)
    )


def _point(record: Outcome) -> str:
    gender = "" if record.gender == "T" else f" {record.gender}"
    return clean(record.point) + gender


@outcome.command("import")
@click.argument("file", type=click.Path(dir_okay=False))  # a string: pathlib when it runs
@click.option("--check", is_flag=True, help="Only check the file and say what would be saved.")
@click.pass_obj
def import_outcomes(env: Env, file: str, check: bool) -> None:
    """Read outcomes from FILE: a saved Kolada API answer (JSON) or a CSV."""
    from pathlib import Path

    from vpl_tui.outcome_files import MetricKey, match_outcomes, read_outcome_file
    from vpl_tui.rules.outcomes import MAX_SOURCE

    path = Path(file)
    no_cycle_collection()  # 100 000 rows read, matched and written: no cycles among them
    s = env.strings
    shown = clean(str(path))
    try:
        data = path.read_bytes()
    except OSError as error:
        fail(s("error.outcome_file", file=shown, reason=clean(error.strerror or str(error))))
    read = read_outcome_file(shown, data)
    if read.problems:
        fail(s("error.outcome_file_refused", problem=read.problems[0], count=len(read.problems)))
    with env.open_store() as store:
        metrics = store.metric_infos()
        keys = [MetricKey(m.id, m.kolada_kpi) for m in metrics]
        matched = match_outcomes(read.rows, keys, store.municipality_code())
        if not matched.outcomes:
            _say_skipped(matched.skipped, s)
            fail(s("error.outcome_nothing_matched", file=shown))
        there = store.year_outcomes_now()
        rows = []
        for metric_id, row in matched.outcomes:
            value, source = _value(row.value), row.source or path.name[:MAX_SOURCE]
            if there.get((metric_id, row.year, row.gender)) == (value, source):
                matched.skipped.append((row, "unchanged"))  # imported before: no new row
            else:
                rows.append((metric_id, row.year, row.gender, value, source))
        if not check:
            store.import_outcomes(rows)
    sources = ", ".join(sorted({source for *_, source in rows})) or "-"
    key = "metrics.import_checked" if check else "metrics.imported"
    click.echo(s(key, file=shown, count=len(rows), source=sources))
    for metric_id, year, gender, value, _ in rows[:MAX_LISTED]:
        suffix = "" if gender == "T" else f" {gender}"
        click.echo(
            s("metrics.matched", metric=clean(metric_id), year=year, gender=suffix, value=value)
        )
    if len(rows) > MAX_LISTED:
        click.echo("  …")
    _say_skipped(matched.skipped, s)


def _value(number: Any) -> str:
    """A figure written the Swedish way (`44 418`, `49,4`, `−3`), as `format_amount` writes
    it: quicker for the 100 000 of a large answer, and the tests hold the two the same."""
    text = format(number.normalize(), ",f")
    return text.translate(_SWEDISH)


_SWEDISH = str.maketrans({",": " ", ".": ",", "-": "\u2212"})


def _say_skipped(skipped: list[tuple[Any, str]], s: Strings) -> None:
    reasons: dict[str, list[str]] = {}
    for row, reason in skipped:
        reasons.setdefault(reason, []).append(f"{clean(row.metric)[:40]} {row.year}")
    for reason, examples in reasons.items():
        listed = ", ".join(examples[:3]) + (", …" if len(examples) > 3 else "")
        click.echo(
            s(
                "metrics.skipped",
                count=len(examples),
                reason=s(f"metrics.skip.{reason}"),
                examples=listed,
            )
        )


@click.command()
@click.option("--period", "period_name", metavar="PERIOD")
@click.option("--format", "fmt", type=_FORMAT, default="text", show_default=True)
@click.option("--today", callback=_today, metavar="YYYY-MM-DD")
@click.pass_obj
def metrics(env: Env, period_name: str | None, fmt: str, today: date) -> None:
    """Show every metric with its outcome, target and judgement for a period."""
    no_cycle_collection()  # every metric and outcome at once, without cycles: a fifth of it
    with _open_lines(env) as store:
        period = store.period(period_name, today)
        # The text shows no one's name, no time and no split by gender: it reads less.
        lines = store.metric_lines(period) if fmt == "json" else store.metric_lines_shown(period)
    if fmt == "json":
        import json  # here: no other command pays for it

        data = {
            "period": {"id": period.id, "name": period.name, "end": period.end.isoformat()},
            "metrics": [_line_data(line) for line in lines],
        }
        from vpl_tui.safetext import escape_serialised  # DEL, C1 and bidi controls too

        click.echo(escape_serialised(json.dumps(data, ensure_ascii=False, indent=2)))
        return
    from vpl_tui.summary.metrics import metric_text

    click.echo("\n".join(metric_text(lines, period.name, period.end, env.strings)))


def _open_lines(env: Env) -> MetricLineReads | Store:
    """The metrics' part of the store alone (a lighter start); the whole store to create one."""
    from vpl_tui.db.opening import open_plan_part
    from vpl_tui.db.outcome_lines import MetricLineReads

    store = open_plan_part(MetricLineReads, env.db_file, create_folder=not env.explicit_db)
    return store if store is not None else env.open_store()


def _outcome_data(outcome: Outcome | None) -> dict[str, Any] | None:
    if outcome is None:
        return None
    return {
        "value": outcome.value,
        "period": outcome.period,
        "year": outcome.year,
        "gender": outcome.gender,
        "source": outcome.source,
        "comment": outcome.comment,
        "user": outcome.user,
        "at": outcome.at or None,
        "version": outcome.version,
    }


def _line_data(line: MetricLine) -> dict[str, Any]:
    from vpl_tui.rules.targets import TREND

    info, judged = line.metric, line.judged
    return {
        "id": info.id,
        "goal": info.goal_number,
        "initiative": info.initiative_id,
        "name": info.name,
        "unit": info.unit,
        "kolada_kpi": info.kolada_kpi,
        "outcome": _outcome_data(judged.outcome),
        "previous": _outcome_data(judged.previous),
        "by_gender": [_outcome_data(o) for o in line.split],
        "target": judged.target,
        "judgement": judged.judgement,
        "trend": TREND.get(judged.judgement),
    }
