"""`vpl add PLACE --metric` and `vpl edit METRIC-ID`: a metric's name, unit, targets, KPI, way.

The commands are `vpl add` and `vpl edit` (`vpl_tui/cli/plan_edit.py`); these are their
metric halves. A target is given as `--target 2024="Högst 50"` (`--target 2024=` removes
it); the text is kept as written, and the line says whether it can be judged
(`vpl_tui.rules.targets.parse_target`), as the app's form does while one types.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import click

from vpl_tui.errors import VplError
from vpl_tui.safetext import clean
from vpl_tui.views.plan_changes import field_label, shown_value

if TYPE_CHECKING:
    from vpl_tui.cli.env import Env
    from vpl_tui.records import PlanChangeRecord
    from vpl_tui.rules.outcomes import MetricInfo


def metric_values(
    name: str | None,
    unit: str | None,
    targets: tuple[str, ...],
    kpi: str | None,
    higher_is_better: bool | None,
) -> dict[str, str]:
    """The options as the store's fields (`target:<year>`, "true"/"false")."""
    values = {
        key: value
        for key, value in (("name", name), ("unit", unit), ("kolada_kpi", kpi))
        if value is not None
    }
    if higher_is_better is not None:
        values["higher_is_better"] = "true" if higher_is_better else "false"
    for given in targets:
        year, equals, text = given.partition("=")
        if not equals:
            raise VplError("plan_edit.target_needs_year", given=clean(given)[:60])
        values[f"target:{year.strip()}"] = text.strip()
    return values


def metric_json(info: MetricInfo) -> dict[str, Any]:
    """A metric as `--format json` gives it."""
    return {
        "id": info.id,
        "name": info.name,
        "unit": info.unit,
        "kolada_kpi": info.kolada_kpi,
        "higher_is_better": info.higher_is_better,
        "targets": info.targets,
        "goal": info.goal_number,
        "initiative": info.initiative_id,
    }


def judged_line(env: Env, text: str) -> str:
    """Whether a target text can be judged, as the form says it."""
    from vpl_tui.rules.targets import parse_target

    if parse_target(text) is None:
        return env.strings("app.metric_form.not_judgeable")
    return env.strings("app.metric_form.judgeable", target=shown_value(text, 40))


def add_metric(env: Env, place: str, values: dict[str, str], output_format: str) -> None:
    """`vpl add PLACE --metric --name …`."""
    from vpl_tui.cli.plan_edit import change_json

    if "name" not in values:
        raise VplError("plan_edit.metric_needs_name")
    with env.open_status_store() as store:
        added = store.add_metric(place, values)
        changes = store.plan_changes(added.id, "metric")
    if output_format == "json":
        payload = {"metric": metric_json(added), "changes": [change_json(c) for c in changes]}
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    click.echo(
        env.strings(
            "plan_edit.added",
            ref=clean(added.id),
            place=clean(added.initiative_id or added.goal_number),
            title=shown_value(added.name),
        )
    )
    for year, text in added.targets.items():
        click.echo(f"  {year}: {shown_value(text, 40)} ({judged_line(env, text)})")


def edit_metric(
    env: Env,
    ident: str,
    values: dict[str, str],
    expected_version: int | None,
    output_format: str,
) -> None:
    """`vpl edit METRIC-ID --name … --target 2024=…`."""
    from vpl_tui.cli.plan_edit import change_json

    with env.open_status_store() as store:
        changes = store.edit_metric(ident, values, expected_version=expected_version)
        after = store.metric_now(ident)
    if output_format == "json":
        payload = {"metric": metric_json(after), "changes": [change_json(c) for c in changes]}
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    if not changes:
        click.echo(env.strings("plan_edit.unchanged", ref=clean(after.id)))
    for change in changes:
        _echo_change(env, after.id, change)


def _echo_change(env: Env, ident: str, change: PlanChangeRecord) -> None:
    field = change.field
    name = field_label(env.strings, field).lower()
    line = env.strings(
        "plan_edit.changed",
        ref=clean(ident),
        field=name,
        before=shown_value(change.from_value, 40) or "–",
        after=shown_value(change.to_value, 40) or "–",
    )
    if field.startswith("target:") and change.to_value:
        line += f" ({judged_line(env, change.to_value)})"
    click.echo(line)
