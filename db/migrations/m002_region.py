"""Migration 2.

For plans of a whole region (100 000 activities). An initiative's activities and metrics
are found through an index instead of a scan per initiative, and search compares a
stored folded title (case and accents removed, as `vpl_fold` does, kept by the store)
instead of folding 100 000 titles in Python at every keystroke.
"""

from __future__ import annotations

SQL = """
    CREATE INDEX activity_by_initiative ON activity(initiative_id, position);
    CREATE INDEX metric_by_initiative ON metric(initiative_id, position);
    ALTER TABLE activity ADD COLUMN title_folded TEXT NOT NULL DEFAULT '';
    UPDATE activity SET title_folded = vpl_fold(title);
    """
