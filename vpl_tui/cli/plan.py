"""`vpl load`, `vpl export` and `vpl schema`: the plan file in and out of the database.

The plan file reader and its models (pydantic) are imported inside these commands only:
no other command pays for them.
"""

from __future__ import annotations

from pathlib import Path

import click

from vpl_tui.cli.env import OUTPUT_HELP, Env, no_cycle_collection, write_output
from vpl_tui.safetext import clean


@click.command()
# readable=False: read_plan says "FILE: cannot read: ..." in one line, not click's usage text.
@click.argument("file", type=click.Path(path_type=Path, readable=False))
@click.option("--check", is_flag=True, help="Only validate the file; change nothing.")
@click.pass_obj
def load(env: Env, file: Path, check: bool) -> None:
    """Validate FILE, then replace the database's plan with it in one transaction."""
    from vpl_tui.db.bulk import read_plan_rows

    no_cycle_collection()
    # A bad file stops here, before the database is touched; a large one is read by
    # every processor at once.
    plan = read_plan_rows(file)
    counts = plan.counts
    shown = clean(str(file))
    if check:
        click.echo(env.strings("cli.checked", file=shown, **counts))
        return
    with env.open_store(seed=False) as store:
        store.replace_plan(plan, source=str(file))
    click.echo(env.strings("cli.loaded", file=shown, db=clean(str(env.db_path)), **counts))


@click.command()
@click.option("-o", "--output", metavar="FILE", help=OUTPUT_HELP)
@click.pass_obj
def export(env: Env, output: str | None) -> None:
    """Print the whole plan with current statuses and history, as a TOML plan file."""
    no_cycle_collection()
    with env.open_store() as store:
        text = store.export_text()  # what dumps_plan(store.export_plan()) gives, in half the time
    if output is None:
        click.echo(text, nl=False)
        return
    write_output(env, output, text)


@click.command()
def schema() -> None:
    """Print the plan file format as JSON Schema."""
    import json

    from vpl_tui.planfile import plan_schema

    click.echo(json.dumps(plan_schema(), indent=2, ensure_ascii=False))
