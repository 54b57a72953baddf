"""The string catalog, one module an area: every interface text in Swedish and English.

`vpl_tui.strings.Strings` reads the merged `CATALOG`. A new area (a feature's own texts)
gets a module of its own here, added to `AREAS`; a key is defined once in all of them
(a test checks it), so areas never fight over a line.
"""

from __future__ import annotations

from vpl_tui.catalog import (
    app,
    app_followup,
    app_reliability,
    app_ui,
    budget,
    cli,
    cli_help,
    core,
    economy,
    followup,
    load,
    load_followup,
    metric_edit,
    metrics,
    plan_checks,
    plan_edit,
    report_app,
    report_cli,
    summary,
)

AREAS = (
    core,
    cli,
    summary,
    budget,
    app,
    followup,
    report_cli,
    app_reliability,
    load,
    cli_help,
    app_ui,
    app_followup,
    metrics,
    load_followup,
    report_app,
    plan_checks,
    plan_edit,
    economy,
    metric_edit,
)


def _merged() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for area in AREAS:
        for key, texts in area.STRINGS.items():
            if key in merged:
                raise ValueError(f"catalog key {key!r} is defined twice")
            merged[key] = texts
    return merged


CATALOG: dict[str, tuple[str, str]] = _merged()
