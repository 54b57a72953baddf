"""The schema's migrations, one module each, applied in order by `db/schema.py`.

Migration N is module `mNNN_<what>.py` with its SQL in `SQL`; `PRAGMA user_version`
holds the number of the last one applied. A migration, once released, is never edited:
a change to the schema is a new module at the end of `NAMES`.

A database already at the latest version, which is every start but the first after an
upgrade of vpl, needs none of the SQL: the modules are imported only to migrate
(`migration_sql`), so `vpl set` does not load nine modules of table definitions.
"""

from __future__ import annotations

NAMES: tuple[str, ...] = (
    "m001_plan",
    "m002_region",
    "m003_undo_index",
    "m004_followup",
    "m005_metrics",
    "m006_economy",
    "m007_plan_changes",
    "m008_published_tables",
    "m009_metric_changes",
    "m010_unpublished_figures",
)
"""Each migration's module, in order: index 0 is migration 1."""

LATEST_VERSION = len(NAMES)
"""The schema version this vpl writes."""


def migration_sql(number: int) -> str:
    """The SQL of migration `number` (1 is the first)."""
    from importlib import import_module

    return import_module(f"{__name__}.{NAMES[number - 1]}").SQL
