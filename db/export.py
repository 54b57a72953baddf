"""`vpl export`: the whole plan as it stands, with statuses and history.

`export_plan` gives the plan as a model (what `vpl_tui.planfile.dumps_plan` writes).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import TYPE_CHECKING

from vpl_tui.db.budget import BudgetStore
from vpl_tui.db.changes import parse_time
from vpl_tui.db.tree_reads import TreeReads, decimal_or_none

if TYPE_CHECKING:
    from vpl_tui.model import Activity, HistoryEntry, Initiative, Metric, Plan


class PlanExport(BudgetStore, TreeReads):
    """The whole plan, read in one consistent moment."""

    def export_plan(self) -> Plan:
        """The whole plan as it stands, with statuses and history, as a validated model."""
        from vpl_tui.model import Activity, Goal, Initiative, Mandate, Plan, PlanInfo

        self._require_plan()
        query = self.db.query
        # One read transaction, so the export is one consistent moment even with writers.
        with self.db.atomic():
            info = next(query("SELECT * FROM plan WHERE id = 1"))
            mandate = {
                row["part"]: row["body"]
                for row in query("SELECT part, body FROM mandate ORDER BY position")
            }
            metrics = self._metrics_by_owner()
            history = self._history_by_ref()
            activities: dict[tuple[str, str | None], list[Activity]] = defaultdict(list)
            for row in query(
                "SELECT * FROM activity ORDER BY goal_number, initiative_id, position"
            ):
                entries = history.get(row["ref"], [])
                activities[(row["goal_number"], row["initiative_id"])].append(
                    Activity(
                        ref=row["ref"],
                        title=row["title"],
                        kind=row["kind"],
                        start=date.fromisoformat(row["start"]),
                        end=date.fromisoformat(row["end"]),
                        status=row["status"],
                        history=entries,
                    )
                )
            initiatives: dict[str, list[Initiative]] = defaultdict(list)
            for row in query("SELECT * FROM initiative ORDER BY goal_number, position"):
                initiatives[row["goal_number"]].append(
                    Initiative(
                        id=row["id"],
                        title=row["title"],
                        purpose=row["purpose"],
                        resources=row["resources"],
                        earmarked_mkr=decimal_or_none(row["earmarked_mkr"]),
                        council_goal=row["council_goal"],
                        comment=row["comment"],
                        metrics_note=row["metrics_note"],
                        metrics=metrics.get((row["goal_number"], row["id"]), []),
                        activities=activities.get((row["goal_number"], row["id"]), []),
                    )
                )
            goals = [
                Goal(
                    number=row["number"],
                    kind=row["kind"],
                    title=row["title"],
                    description=row["description"],
                    resources=row["resources"],
                    earmarked_mkr=decimal_or_none(row["earmarked_mkr"]),
                    council_goal=row["council_goal"],
                    metrics=metrics.get((row["number"], None), []),
                    initiatives=initiatives.get(row["number"], []),
                    activities=activities.get((row["number"], None), []),
                )
                for row in query("SELECT * FROM goal ORDER BY position")
            ]
            budget = self.budget()
        return Plan.model_construct(
            plan=PlanInfo(
                title=info["title"],
                organisation=info["organisation"],
                municipality=info["municipality"],
                year=info["year"],
                period=info["period"],
                currency_unit=info["currency_unit"],
            ),
            mandate=Mandate(**mandate),
            focus=self.focus_lists(),
            goals=goals,
            budget=budget,
        )

    def _metrics_by_owner(self) -> dict[tuple[str, str | None], list[Metric]]:
        from vpl_tui.model import Metric

        targets: dict[int, dict[str, str]] = defaultdict(dict)
        for row in self.db.query("SELECT * FROM metric_target ORDER BY metric_id, year"):
            targets[row["metric_id"]][str(row["year"])] = row["target"]
        metrics: dict[tuple[str, str | None], list[Metric]] = defaultdict(list)
        for row in self.db.query(
            "SELECT * FROM metric ORDER BY goal_number, initiative_id, position"
        ):
            metrics[(row["goal_number"], row["initiative_id"])].append(
                Metric(
                    name=row["name"],
                    latest=row["latest"],
                    latest_year=row["latest_year"],
                    targets=targets.get(row["id"], {}),
                )
            )
        return metrics

    def _history_by_ref(self) -> dict[str, list[HistoryEntry]]:
        from vpl_tui.model import HistoryEntry

        entries: dict[str, list[HistoryEntry]] = defaultdict(list)
        index_of: dict[int, int] = {}
        for row in self.db.query("SELECT * FROM status_history ORDER BY ref, id"):
            index_of[row["id"]] = len(entries[row["ref"]])
            entries[row["ref"]].append(
                HistoryEntry.model_construct(
                    at=parse_time(row["at"]),
                    from_status=row["from_status"],
                    to=row["to_status"],
                    note=row["note"],
                    user=row["user"],
                    undoes=None if row["undo_of"] is None else index_of[row["undo_of"]],
                )
            )
        return entries
