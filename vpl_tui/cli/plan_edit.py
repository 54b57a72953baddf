"""`vpl add`, `vpl edit`, `vpl move` and `vpl cancel`: changing the plan from the command line.

Each writes one change (and its rows in the plan change history) in one transaction and
says what it did in one line, or with `--format json` as an object for scripts. A value
the plan file would refuse is refused in the plan file's words: one line, exit code 2,
nothing written. Like `vpl set`, they open the store's status part only.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import click

from vpl_tui.cli.env import Env
from vpl_tui.safetext import clean
from vpl_tui.views.plan_changes import shown_value, undone_line

__all__ = ["PLAN_EDIT_COMMANDS", "undone_line"]

if TYPE_CHECKING:
    from vpl_tui.records import ActivityRecord, PlanChangeRecord

_FORMAT = click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format (json for scripts).",
)
KIND_NAMES = {
    "activity": "activity",
    "aktivitet": "activity",
    "investigation": "investigation",
    "utredningsuppdrag": "investigation",
    "utredning": "investigation",
}
"""What `--kind` accepts: the plan file's codes and their Swedish names."""


def _kind(value: str | None) -> str | None:
    if value is None:
        return None
    # An unknown one goes to the store as it is: the plan file's rule words the refusal.
    return KIND_NAMES.get(value.strip().casefold(), value)


def activity_json(activity: ActivityRecord) -> dict[str, Any]:
    """An activity as `--format json` gives it."""
    return {
        "ref": activity.ref,
        "title": activity.title,
        "kind": activity.kind,
        "start": activity.start.isoformat(),
        "end": activity.end.isoformat(),
        "responsible": activity.responsible,
        "status": activity.status,
        "version": activity.version,
        "goal": activity.goal_number,
        "initiative": activity.initiative_id,
    }


def change_json(change: PlanChangeRecord) -> dict[str, Any]:
    return {
        "field": change.field,
        "from": change.from_value,
        "to": change.to_value,
        "at": change.at.isoformat().replace("+00:00", "Z"),
        "user": change.user,
        "version": change.version,
    }


def _echo_json(activity: ActivityRecord, changes: list[PlanChangeRecord]) -> None:
    payload = {"activity": activity_json(activity), "changes": [change_json(c) for c in changes]}
    click.echo(json.dumps(payload, ensure_ascii=False, indent=2))


_METRIC_OPTIONS = (
    click.option("--name", help="The metric's name."),
    click.option("--unit", help="The metric's unit."),
    click.option("--target", "targets", multiple=True, help='YEAR=TEXT: 2024="Högst 50".'),
    click.option("--kpi", help="Kolada's KPI id (N00945)."),
    click.option(
        "--higher-is-better/--lower-is-better",
        "higher_is_better",
        default=None,
        help="Which way a target of a bare number is reached.",
    ),
)


def _metric_options(command: Any) -> Any:
    for option in reversed(_METRIC_OPTIONS):
        command = option(command)
    return command


@click.command()
@click.argument("place")
@click.option("--title", help="What is to be done.")
@click.option("--start", help="Start date, YYYY-MM-DD.")
@click.option("--end", help="End date, YYYY-MM-DD.")
@click.option("--kind", default="activity", help="activity or investigation (utredningsuppdrag).")
@click.option("--responsible", default="", help="Who is responsible: a person or a unit.")
@click.option("--metric", is_flag=True, help="Add a metric instead (--name, --unit, --target).")
@_metric_options
@_FORMAT
@click.pass_obj
def add(
    env: Env,
    place: str,
    title: str | None,
    start: str | None,
    end: str | None,
    kind: str,
    responsible: str,
    metric: bool,
    name: str | None,
    unit: str | None,
    targets: tuple[str, ...],
    kpi: str | None,
    higher_is_better: bool | None,
    output_format: str,
) -> None:
    """Add an activity under PLACE (a goal number or an initiative id), with the next ref;
    with --metric, a metric, with the next id."""
    from vpl_tui.errors import VplError

    if metric:
        from vpl_tui.cli.metric_edit import add_metric, metric_values

        values = metric_values(name, unit, targets, kpi, higher_is_better)
        add_metric(env, place, values, output_format)
        return
    if title is None or start is None or end is None:
        raise VplError("plan_edit.activity_needs")
    with env.open_status_store() as store:
        added = store.add_activity(
            place,
            title=title,
            start=start,
            end=end,
            kind=_kind(kind) or kind,
            responsible=responsible,
        )
        changes = store.plan_changes(added.ref)
    if output_format == "json":
        _echo_json(added, changes)
        return
    click.echo(
        env.strings(
            "plan_edit.added",
            ref=clean(added.ref),
            place=clean(added.initiative_id or added.goal_number),
            title=shown_value(added.title),
        )
    )


@click.command()
@click.argument("ref")
@click.option("--title", help="A new title.")
@click.option("--start", help="A new start date, YYYY-MM-DD.")
@click.option("--end", help="A new end date, YYYY-MM-DD.")
@click.option("--responsible", help='Who is responsible ("" for nobody).')
@click.option("--kind", help="activity or investigation (utredningsuppdrag).")
@_metric_options
@click.option("--description", help="A goal's new description.")
@click.option("--purpose", help="An initiative's new purpose.")
@click.option(
    "--version",
    "expected_version",
    type=click.IntRange(min=0, max=2**62),
    help="Refuse the edit if the activity is no longer at this version (for scripts).",
)
@_FORMAT
@click.pass_obj
def edit(
    env: Env,
    ref: str,
    title: str | None,
    start: str | None,
    end: str | None,
    responsible: str | None,
    kind: str | None,
    name: str | None,
    unit: str | None,
    targets: tuple[str, ...],
    kpi: str | None,
    higher_is_better: bool | None,
    description: str | None,
    purpose: str | None,
    expected_version: int | None,
    output_format: str,
) -> None:
    """Change activity REF's title, dates, responsible or kind; metric REF's name, unit,
    targets, KPI and way (--name, --unit, --target); or goal or initiative REF's title,
    description or purpose and responsible. Each change is kept in its history."""
    from vpl_tui.errors import VplError

    if (name, unit, kpi, higher_is_better) != (None, None, None, None) or targets:
        from vpl_tui.cli.metric_edit import edit_metric, metric_values

        for option, given in (("--title", title), ("--start", start), ("--end", end)):
            if given is not None:
                raise VplError("plan_edit.not_for", option=option, target=clean(ref)[:80])
        values = metric_values(name, unit, targets, kpi, higher_is_better)
        edit_metric(env, ref, values, expected_version, output_format)
        return

    values = {
        key: value
        for key, value in (
            ("title", title),
            ("start", start),
            ("end", end),
            ("responsible", responsible),
            ("kind", _kind(kind)),
        )
        if value is not None
    }
    texts = {k: v for k, v in (("description", description), ("purpose", purpose)) if v is not None}
    if not values and not texts:
        with env.open_status_store() as store:
            raise VplError(_nothing_to_change(store, ref))
    with env.open_status_store() as store:
        owner = store.owner_kind(ref)
        if owner is not None:
            for option, given in (("--start", start), ("--end", end), ("--kind", kind)):
                if given is not None:
                    raise VplError("plan_edit.not_for", option=option, target=clean(ref)[:80])
            texts |= {k: v for k, v in values.items() if k in ("title", "responsible")}
            changes = store.edit_text(owner, ref, texts, expected_version=expected_version)
            ident = changes[0].target if changes else clean(ref)
            _echo_text_changes(env, ident, changes, output_format)
            return
        if texts:
            raise VplError("plan_edit.not_for", option="--description", target=clean(ref)[:80])
        changes = store.edit_activity(ref, values, expected_version=expected_version)
        after = store.activity(ref)
    if output_format == "json":
        _echo_json(after, changes)
        return
    if not changes:
        click.echo(env.strings("plan_edit.unchanged", ref=clean(after.ref)))
    for change in changes:
        click.echo(
            env.strings(
                "plan_edit.changed",
                ref=clean(after.ref),
                field=env.strings(f"field.{change.field}").lower(),
                before=shown_value(change.from_value, 40) or "–",
                after=shown_value(change.to_value, 40) or "–",
            )
        )


def _nothing_to_change(store: Any, ref: str) -> str:
    """The message for `vpl edit REF` with no field: it names the options that fit REF (an
    activity, a goal, an initiative or a metric). A REF that is none of them is refused as
    an unknown activity, as an edit of it would be."""
    owner = store.owner_kind(ref)
    if owner is not None:
        return f"plan_edit.nothing_to_change_{owner}"
    from vpl_tui.errors import VplError

    try:
        store.activity(ref)
    except VplError:
        try:
            store.metric_now(ref)
        except VplError:
            store.activity(ref)  # raises: no such activity (nor anything else)
        return "plan_edit.nothing_to_change_metric"
    return "plan_edit.nothing_to_change"


def _echo_text_changes(
    env: Env, ident: str, changes: list[PlanChangeRecord], output_format: str
) -> None:
    """What `vpl edit GOAL` changed: a line a field, or JSON."""
    from vpl_tui.views.plan_changes import field_label

    if output_format == "json":
        payload = {"target": ident, "changes": [change_json(c) for c in changes]}
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    if not changes:
        click.echo(env.strings("plan_edit.unchanged", ref=clean(ident)))
    for change in changes:
        click.echo(
            env.strings(
                "plan_edit.changed",
                ref=clean(ident),
                field=field_label(env.strings, change.field).lower(),
                before=shown_value(change.from_value, 40) or "–",
                after=shown_value(change.to_value, 40) or "–",
            )
        )


@click.command()
@click.argument("ref")
@click.option("--to", "place", required=True, help="The goal number or initiative id to move to.")
@_FORMAT
@click.pass_obj
def move(env: Env, ref: str, place: str, output_format: str) -> None:
    """Move activity REF to another goal or initiative; it keeps its ref."""
    with env.open_status_store() as store:
        before = store.activity(ref)
        change = store.move_activity(ref, place)
        after = store.activity(ref)
    if output_format == "json":
        _echo_json(after, [change] if change else [])
        return
    if change is None:
        click.echo(env.strings("plan_edit.unchanged", ref=clean(after.ref)))
        return
    click.echo(
        env.strings(
            "plan_edit.moved",
            ref=clean(after.ref),
            before=clean(before.initiative_id or before.goal_number),
            after=clean(after.initiative_id or after.goal_number),
        )
    )


@click.command()
@click.argument("ref")
@click.option("--remove", is_flag=True, help="Remove it instead, when it has no history at all.")
@_FORMAT
@click.pass_obj
def cancel(env: Env, ref: str, remove: bool, output_format: str) -> None:
    """Cancel activity REF: it stays in the plan, with its history, as cancelled; with
    --remove, one without any history is removed (vpl undo puts it back)."""
    if remove:
        with env.open_status_store() as store:
            change = store.remove_activity(ref)
        if output_format == "json":
            payload = {"removed": change.target, "changes": [change_json(change)]}
            click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
            return
        click.echo(env.strings("plan_edit.removed", ref=clean(change.target)))
        return
    with env.open_status_store() as store:
        store.cancel_activity(ref)
        after = store.activity(ref)
    if output_format == "json":
        click.echo(json.dumps({"activity": activity_json(after)}, ensure_ascii=False, indent=2))
        return
    click.echo(env.strings("plan_edit.cancelled", ref=clean(after.ref)))


def export_next_year(env: Env, year: int, output: str | None) -> None:
    """`vpl export --next-year YEAR -o FILE`: next year's plan from this one (`vpl_tui.nextyear`).

    The new plan is validated as any plan file is before it is written; the database is
    only read, so last year's plan stays as it is, and reportable.
    """
    import sys

    from vpl_tui import files
    from vpl_tui.errors import VplError
    from vpl_tui.nextyear import next_year_plan
    from vpl_tui.planfile import dumps_plan, loads_toml, validate_plan

    if output is None or output == "-":
        raise VplError("plan_edit.next_year_needs_file")
    with env.open_store() as store:
        text = store.export_text()
        plan_year = store.plan_record().year
    try:
        data = next_year_plan(loads_toml(text), year)
    except ValueError:
        raise VplError("plan_edit.bad_year", year=year, plan_year=plan_year) from None
    plan = validate_plan(data, clean(output))
    carried = sum(
        len(goal.activities) + sum(len(i.activities) for i in goal.initiatives)
        for goal in plan.goals
    )
    # The file's own writer (atomic, never the database); the line below says what it is.
    files.write_output(output, dumps_plan(plan), protected=[env.db_path], stdout=sys.stdout)
    click.echo(
        env.strings("plan_edit.next_year_written", file=clean(output), year=year, count=carried)
    )


PLAN_EDIT_COMMANDS = (add, edit, move, cancel)
