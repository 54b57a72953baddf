"""`vpl export`: the whole plan as it stands, with statuses and history.

`export_plan` gives the plan as a model; `export_text` gives the plan file that
`vpl_tui.planfile.dumps_plan` would write of it, byte for byte, without building a model
of each of a region's 100 000 activities and their history: those are read as tuples and
made into the plain data that pydantic's `model_dump` would give (which fields, in which
order, which left out as defaults: all taken from the models), while the plan's small
parts (its head, the mandate, focus lists, goals and initiatives without their
activities, the budget) go through the models and `plan_to_data` as always. At 100 000
activities that takes less than half the time and memory of dumping the model
(`db/export_toml.py` writes the TOML); the tests compare the two, byte for byte.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from vpl_tui.db.budget import BudgetStore
from vpl_tui.db.changes import parse_time
from vpl_tui.db.tree_reads import TreeReads, decimal_or_none

if TYPE_CHECKING:
    from pydantic import BaseModel

    from vpl_tui.model import Activity, HistoryEntry, Metric, Plan

Owner = tuple[str, str | None]
"""Whose activities: (goal number, initiative id or None for the goal's own)."""
_ACTIVITIES = "activities"


class PlanExport(BudgetStore, TreeReads):
    """The whole plan, read in one consistent moment."""

    def export_plan(self) -> Plan:
        """The whole plan as it stands, with statuses and history, as a validated model."""
        from vpl_tui.model import Activity

        self._require_plan()
        # One read transaction, so the export is one consistent moment even with writers.
        with self.db.atomic():
            history = self._history_by_ref()
            activities: dict[Owner, list[Activity]] = defaultdict(list)
            for row in self.db.query(
                "SELECT * FROM activity ORDER BY goal_number, initiative_id, position"
            ):
                activities[(row["goal_number"], row["initiative_id"])].append(
                    Activity(
                        ref=row["ref"],
                        title=row["title"],
                        kind=row["kind"],
                        start=date.fromisoformat(row["start"]),
                        end=date.fromisoformat(row["end"]),
                        responsible=row.get("responsible", ""),  # before migration 7: none
                        carried_from=row.get("carried_from", ""),
                        status=row["status"],
                        history=history.get(row["ref"], []),
                    )
                )
            return self._plan(activities)

    def export_text(self) -> str:
        """The plan file of the whole plan: what `dumps_plan(self.export_plan())` gives."""
        from vpl_tui.db.export_toml import dumps
        from vpl_tui.planfile import _HEADER, plan_to_data  # the header dumps_plan writes
        from vpl_tui.safetext import escape_serialised

        self._require_plan()
        with self.db.atomic():
            activities = self._activity_data()
            data = plan_to_data(self._plan({}))  # every goal and initiative without activities
        goal_order, initiative_order = _dumped_order("Goal"), _dumped_order("Initiative")
        for goal in data["goals"]:
            number = goal["number"]
            for initiative in goal.get("initiatives", ()):
                own = activities.get((number, initiative["id"]))
                _attach(initiative, own, initiative_order)
            _attach(goal, activities.get((number, None)), goal_order)
        text = dumps(data)
        del data, activities  # 100 MB at 100 000 activities, not needed for what follows
        # The TOML writer escapes the C0 controls; DEL, C1 and bidi controls are escaped
        # here, as dumps_plan does.
        return _HEADER + escape_serialised(text)

    def _plan(self, activities: Mapping[Owner, list[Activity]]) -> Plan:
        """The plan with `activities` under their goals and initiatives (none elsewhere)."""
        from vpl_tui.model import Goal, Initiative, Mandate, Plan, PlanInfo

        query = self.db.query
        info = next(query("SELECT * FROM plan WHERE id = 1"))
        mandate = {
            row["part"]: row["body"]
            for row in query("SELECT part, body FROM mandate ORDER BY position")
        }
        metrics = self._metrics_by_owner()
        responsibles = self.owner_responsibles()  # db/plan_history.py
        initiatives: dict[str, list[Initiative]] = defaultdict(list)
        for row in query("SELECT * FROM initiative ORDER BY goal_number, position"):
            initiatives[row["goal_number"]].append(
                Initiative(
                    id=row["id"],
                    title=row["title"],
                    purpose=row["purpose"],
                    responsible=responsibles.get(("initiative", row["id"]), ""),
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
                responsible=responsibles.get(("goal", row["number"]), ""),
                resources=row["resources"],
                earmarked_mkr=decimal_or_none(row["earmarked_mkr"]),
                council_goal=row["council_goal"],
                metrics=metrics.get((row["number"], None), []),
                initiatives=initiatives.get(row["number"], []),
                activities=activities.get((row["number"], None), []),
            )
            for row in query("SELECT * FROM goal ORDER BY position")
        ]
        return Plan.model_construct(
            plan=PlanInfo(
                title=info["title"],
                organisation=info["organisation"],
                municipality=info["municipality"],
                year=info["year"],
                period=info["period"],
                currency_unit=info["currency_unit"],
                municipality_code=self.municipality_code(),  # db/outcomes.py
            ),
            mandate=Mandate(**mandate),
            focus=self.focus_lists(),
            goals=goals,
            budget=self.budget(),
            **self._followup_fields(),  # db/followup.py
            **self._outcome_fields(),  # db/outcomes_file.py
            **self._plan_change_fields(),  # db/plan_edit.py
        )

    def _metrics_by_owner(self) -> dict[Owner, list[Metric]]:
        from vpl_tui.model import Metric

        targets: dict[int, dict[str, str]] = defaultdict(dict)
        for row in self.db.query("SELECT * FROM metric_target ORDER BY metric_id, year"):
            targets[row["metric_id"]][str(row["year"])] = row["target"]
        metrics: dict[Owner, list[Metric]] = defaultdict(list)
        details = self._metric_details()  # db/outcomes_file.py: id, unit, KPI, which way
        for row in self.db.query(
            "SELECT * FROM metric ORDER BY goal_number, initiative_id, position"
        ):
            metrics[(row["goal_number"], row["initiative_id"])].append(
                Metric(
                    name=row["name"],
                    **details.get(row["id"], {}),
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

    def _activity_data(self) -> dict[Owner, list[dict[str, Any]]]:
        """Every activity with its history as `model_dump` data, by owner, in plan order."""
        from vpl_tui.db.plan_change_file import plan_columns
        from vpl_tui.model import Activity, HistoryEntry

        conn = self.db.conn
        entry = _dumper(HistoryEntry, ("at", "from_status", "to", "note", "user", "undoes"))
        history: dict[str, list[dict[str, Any]]] = defaultdict(list)
        index_of: dict[int, int] = {}
        for row_id, ref, at, before, after, note, user, undo_of in conn.execute(
            "SELECT id, ref, at, from_status, to_status, note, user, undo_of "
            "FROM status_history ORDER BY ref, id"
        ):
            entries = history[ref]
            index_of[row_id] = len(entries)
            undoes = None if undo_of is None else index_of[undo_of]
            entries.append(entry((parse_time(at), before, after, note, user, undoes)))
        activity = _dumper(
            Activity,
            ("ref", "title", "kind", "start", "end", "responsible", "carried_from", "status")
            + ("history",),
        )
        day = date.fromisoformat
        activities: dict[Owner, list[dict[str, Any]]] = defaultdict(list)
        for ref, goal, initiative, title, kind, start, end, who, carried, status in conn.execute(
            'SELECT ref, goal_number, initiative_id, title, kind, start, "end", '
            f"{plan_columns(conn)}, status FROM activity a "
            "ORDER BY goal_number, initiative_id, position"
        ):
            row = (ref, title, kind, day(start), day(end), who, carried, status)
            row += (history.pop(ref, None),)
            activities[(goal, initiative)].append(activity(row))
        return activities


def _dumper(
    model: type[BaseModel], columns: tuple[str, ...]
) -> Callable[[tuple[Any, ...]], dict[str, Any]]:
    """What `model_dump(by_alias=True, exclude_defaults=True, exclude_none=True)` gives.

    For a row of the values of the fields `columns` names, in that order: the fields in
    the model's order, under their aliases, without those that are None or their default.
    """
    from pydantic_core import PydanticUndefined

    position = {name: index for index, name in enumerate(columns)}
    plan = []
    for name, field in model.model_fields.items():
        if field.default_factory is not None:
            default = field.default_factory()  # type: ignore[call-arg]
        else:
            default = None if field.default is PydanticUndefined else field.default
        plan.append((field.alias or name, position[name], default))

    def dump(row: tuple[Any, ...]) -> dict[str, Any]:
        return {
            key: value
            for key, index, default in plan
            if (value := row[index]) is not None and value != default
        }

    return dump


def _dumped_order(model_name: str) -> tuple[str, ...]:
    """The keys `model_dump(by_alias=True)` gives for a model of `vpl_tui.model`, in order."""
    from vpl_tui import model

    fields = getattr(model, model_name).model_fields
    return tuple(field.alias or name for name, field in fields.items())


def _attach(owner: dict[str, Any], activities: list[Any] | None, order: tuple[str, ...]) -> None:
    """Put `activities` into a dumped goal or initiative, where `model_dump` puts them."""
    if not activities:
        return  # an empty list is the default, left out
    owner[_ACTIVITIES] = activities
    after = order[order.index(_ACTIVITIES) + 1 :]
    for key in after:  # none today: activities is the last field
        if key in owner:
            owner[key] = owner.pop(key)
