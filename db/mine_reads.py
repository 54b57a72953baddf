"""What the filter "mina" (mine) shows: the counts of one user's activities, and the goals
and initiatives that are the user's own.

The rule is the core's (`vpl_tui.rules.progress`: `counted`, `owner_shown` under `MINE`);
the SQL that counts is built from it in `vpl_tui.db.sql_rules` (`mine_progress_sql`).
"""

from __future__ import annotations

from datetime import date

from vpl_tui.db.plan_change_file import PlanChangeFile
from vpl_tui.db.sql_rules import mine_progress_sql, responsible_names
from vpl_tui.rules.progress import MineCounts, Progress, is_responsible


class MineReads(PlanChangeFile):
    """The counts the plan tree shows under the filter "mina"."""

    def mine_counts(
        self, user: str, today: date | None = None, goal_number: str | None = None
    ) -> MineCounts:
        """`user`'s activities counted under every goal and initiative (or one goal's and
        its initiatives'), and the goals and initiatives whose own responsible is `user`."""
        names = {row[1] for row in self.db.execute("PRAGMA table_info(activity)")}
        if "responsible" not in names:  # a read-only database from before migration 7
            return MineCounts({}, frozenset())
        names = responsible_names(self.db.conn, user)
        progress: dict[tuple[str, str], Progress] = {}
        if names != "[]":
            params = {
                "names": names,
                "today": (today or date.today()).isoformat(),
                "goal": goal_number,
            }
            for goal, initiative, *counts in self.db.execute(
                mine_progress_sql(goal_number is not None), params
            ):
                counted = Progress(*counts)
                if initiative is not None:
                    progress["initiative", initiative] = counted
                progress["goal", goal] = progress.get(("goal", goal), Progress()) + counted
        own = frozenset(
            key for key, name in self.owner_responsibles().items() if is_responsible(name, user)
        )
        return MineCounts(progress, own)
