"""The schema's migrations, one module each, applied in order by `db/schema.py`.

Migration N is module `mNNN_<what>.py` with its SQL in `SQL`; `PRAGMA user_version`
holds the number of the last one applied. A migration, once released, is never edited:
a change to the schema is a new module at the end of this list.
"""

from __future__ import annotations

from vpl_tui.db.migrations import (
    m001_plan,
    m002_region,
    m003_undo_index,
    m004_followup,
    m005_metrics,
    m006_economy,
    m007_plan_changes,
    m008_published_tables,
    m009_metric_changes,
    m010_unpublished_figures,
)

MIGRATIONS: tuple[str, ...] = (
    m001_plan.SQL,
    m002_region.SQL,
    m003_undo_index.SQL,
    m004_followup.SQL,
    m005_metrics.SQL,
    m006_economy.SQL,
    m007_plan_changes.SQL,
    m008_published_tables.SQL,
    m009_metric_changes.SQL,
    m010_unpublished_figures.SQL,
)
"""Each migration's SQL, in order: index 0 is migration 1."""
