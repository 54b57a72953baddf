"""`vpl load`, `vpl export`, `vpl schema` and `vpl backup`: the plan file in and out of
the database, and a copy of the database itself.

The plan file reader and its models (pydantic) are imported inside these commands only:
no other command pays for them.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from vpl_tui.cli.env import OUTPUT_HELP, Env, no_cycle_collection, write_output
from vpl_tui.safetext import clean, one_line

if TYPE_CHECKING:
    from vpl_tui.db.load_merge import LoadRefused


MAX_NAMED = 20
"""How many refused histories `vpl load` names one by one before it counts the rest."""
MAX_KEPT_NAMED = 5
"""How many activities (figures) whose newer history was kept the load line names."""


@click.command()
# readable=False: read_plan says "FILE: cannot read: ..." in one line, not click's usage text.
@click.argument("file", type=click.Path(path_type=Path, readable=False))
@click.option("--check", is_flag=True, help="Only validate the file; change nothing.")
@click.option(
    "--replace",
    is_flag=True,
    help="Replace everything, history too, after writing a backup copy of the database.",
)
@click.pass_obj
def load(env: Env, file: Path, check: bool, replace: bool) -> None:
    """Validate FILE, then load it in one transaction, keeping every recorded change.

    Where the database has changes made after FILE was exported, they stay. A file whose
    history has diverged from the database's, or that leaves out an activity with
    history, is refused: nothing is written.
    """
    from vpl_tui.db.bulk import read_plan_rows
    from vpl_tui.db.load_merge import LoadRefused

    no_cycle_collection()
    # A bad file stops here, before the database is touched; a large one is read by
    # every processor at once.
    plan = read_plan_rows(file)
    counts = plan.counts
    shown = clean(str(file))
    if check:
        click.echo(env.strings("cli.checked", file=shown, **counts))
        return
    db = clean(str(env.db_path))
    with env.open_store(seed=False) as store:
        if replace:
            copy = store.replace_plan(plan, source=str(file), backup=True)
            if copy is not None:
                click.echo(env.strings("load.backup_before_replace", db=db, file=clean(str(copy))))
            kept = None
        else:
            try:
                kept = store.load_plan(plan, source=str(file))
            except LoadRefused as refused:
                _refuse(env, refused, shown)
    click.echo(env.strings("cli.loaded", file=shown, db=db, **counts))
    if kept is not None:
        for key, names in (
            ("load.kept_activities", kept.activities),
            ("load.kept_figures", kept.figures),
            ("load.kept_assessments", kept.assessments),
            ("load.kept_notes", kept.notes),
            ("load.kept_ready", kept.ready),
        ):
            if names:
                click.echo(env.strings(key, file=shown, count=len(names), names=_some(names)))


def _refuse(env: Env, refused: LoadRefused, file: str) -> NoReturn:
    """Name each history the load would have lost, one line each, and exit with code 2."""
    conflicts = refused.conflicts
    for conflict in conflicts[:MAX_NAMED]:
        key = f"load.{conflict.what}_{conflict.conflict}"
        line = env.strings(key, name=clean(conflict.name), file=file)
        click.echo(f"vpl load: {one_line(line)}", err=True)
    if len(conflicts) > MAX_NAMED:
        more = env.strings("load.more_conflicts", count=len(conflicts) - MAX_NAMED)
        click.echo(f"vpl load: {more}", err=True)
    sys.exit(2)


def _some(names: list[str]) -> str:
    shown = ", ".join(clean(name) for name in names[:MAX_KEPT_NAMED])
    return shown + (", …" if len(names) > MAX_KEPT_NAMED else "")


@click.command()
@click.argument("file", required=False, type=click.Path(path_type=Path))
@click.pass_obj
def backup(env: Env, file: Path | None) -> None:
    """Copy the database to FILE (default: DB-backup-TIME.db beside it), safe while it is in use.

    The copy is the database as it stood at one moment, even while the app or another
    vpl writes to it.
    """
    from vpl_tui.db.backup import backup_database, free_backup_path
    from vpl_tui.errors import VplError
    from vpl_tui.files import database_files

    db = env.db_path
    if file is not None and any(_same_path(file, part) for part in database_files(db)):
        raise VplError("error.output_is_database", path=clean(str(file)))
    written = backup_database(db, file if file is not None else free_backup_path(db))
    click.echo(env.strings("backup.written", db=clean(str(db)), file=clean(str(written))))


def _same_path(a: Path, b: Path) -> bool:
    import os

    return os.path.realpath(a) == os.path.realpath(b)


@click.command()
@click.option("-o", "--output", metavar="FILE", help=OUTPUT_HELP)
@click.option(
    "--next-year",
    type=click.IntRange(min=1900, max=2200),
    metavar="YEAR",
    help="Write next year's plan (YEAR) instead; needs -o FILE.",
)
@click.pass_obj
def export(env: Env, output: str | None, next_year: int | None) -> None:
    """Print the whole plan with current statuses and history, as a TOML plan file."""
    no_cycle_collection()
    if next_year is not None:
        from vpl_tui.cli.plan_edit import export_next_year

        export_next_year(env, next_year, output)
        return
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
