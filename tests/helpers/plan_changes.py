"""What the upgrade tests undo of migration 7 to make a database as an older vpl left it."""

BEFORE_PLAN_CHANGES = (
    "DROP TABLE plan_change",
    "DROP INDEX activity_by_responsible",
    "ALTER TABLE activity DROP COLUMN responsible",
    "ALTER TABLE activity DROP COLUMN carried_from",
)
"""Statements that take a database back to before migration 7 (`m007_plan_changes`)."""
