"""The rules of the core, each in one place: see docs/architecture.md, "Where each rule lives".

- statuses: open, closed, overdue, the done toggle
- progress: how activities are counted; what a filter shows
- figures: what a valid budget figure is, per table
- checks: budget check statuses, their order and tally
- limits: how long a text may be
- refs: refs and metric ids in the plan's pattern
- merge: how a loaded file's histories meet the database's
- periods, assessments, targets, suggest, economy: the follow-up round
"""
