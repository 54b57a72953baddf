"""Adding and editing metrics (mätetal) where one works: `vpl add --metric`, `vpl edit ID`, `e`.

A metric's changes are rows of the plan change history, as an activity's are: `target_kind`
`metric`, `target` the metric's id, one row per field (`name`, `unit`, `kolada_kpi`,
`higher_is_better`, `target:<year>`) and `added` when it was added. Its version is how many
changes it has had, as a goal's is, so that an edit made on a version someone else changed
since is refused with `StalePlanChange` and the metric shown as it is now. A new metric gets
the next id of its owner's pattern (`vpl_tui.rules.refs.next_metric_id`: `1.1.3-m4`), never
one used before. Values are checked by the plan file's rules (`Metric`), in its words.
"""

from __future__ import annotations

from typing import Any

from vpl_tui.db.changes import check_note_and_user, current_user
from vpl_tui.db.plan_history import PlanHistory, StalePlanChange
from vpl_tui.errors import VplError
from vpl_tui.records import PlanChangeRecord
from vpl_tui.rules.outcomes import MetricInfo
from vpl_tui.rules.refs import next_metric_id
from vpl_tui.safetext import clean

TARGET_PREFIX = "target:"
"""A target of a year is the field `target:<year>` (`vpl_tui.model.plan_changes`)."""
METRIC_FIELDS = ("name", "unit", "kolada_kpi", "higher_is_better")


def metric_values(info: MetricInfo) -> dict[str, str]:
    """A metric's editable fields as text, its targets as `target:<year>`."""
    return {
        "name": info.name,
        "unit": info.unit,
        "kolada_kpi": info.kolada_kpi or "",
        "higher_is_better": "true" if info.higher_is_better else "false",
        **{TARGET_PREFIX + year: text for year, text in info.targets.items()},
    }


class MetricEdit(PlanHistory):
    """A metric's fields and targets, each change a row of the plan change history."""

    def metric_now(self, wanted: str) -> MetricInfo:
        """A metric by its id, in any case, as it is now (the status part's own read: it
        has no `OutcomeReads`)."""
        row = self.db.execute(
            "SELECT m.id, m.goal_number, m.initiative_id, m.name, m.latest, m.latest_year, "
            "d.ident, d.unit, d.kolada_kpi, d.higher_is_better FROM metric m "
            "JOIN metric_detail d ON d.metric_id = m.id WHERE d.ident = ? COLLATE NOCASE",
            (wanted.strip(),),
        ).fetchone()
        if row is None:
            raise VplError("error.unknown_metric", metric=clean(wanted)[:80])
        row_id, goal, initiative, name, latest, year, ident, unit, kpi, higher = row
        targets = {
            str(target_year): text
            for target_year, text in self.db.execute(
                "SELECT year, target FROM metric_target WHERE metric_id = ? ORDER BY year",
                (row_id,),
            )
        }
        return MetricInfo(
            ident, goal, initiative, name, unit, kpi, bool(higher), latest, year, targets
        )

    def is_metric(self, wanted: str) -> bool:
        """Whether `wanted` is a metric's id (in any case) and no activity's ref."""
        if not self._has_plan_changes():
            return False
        found = self.db.execute(
            "SELECT EXISTS (SELECT 1 FROM metric_detail WHERE ident = ? COLLATE NOCASE) "
            "AND NOT EXISTS (SELECT 1 FROM activity WHERE ref = ? COLLATE NOCASE)",
            (wanted.strip(), wanted.strip()),
        ).fetchone()
        return bool(found[0])

    def metric_at(self, goal: str, initiative: str | None, position: int) -> MetricInfo:
        """The metric at a place in the tree (its owner and position)."""
        row = self.db.execute(
            "SELECT d.ident FROM metric m JOIN metric_detail d ON d.metric_id = m.id "
            "WHERE m.goal_number = ? AND m.initiative_id IS ? AND m.position = ?",
            (goal, initiative, position),
        ).fetchone()
        if row is None:
            raise VplError("error.unknown_metric", metric=f"{initiative or goal}-m{position + 1}")
        return self.metric_now(row[0])

    def next_metric_id(self, place: str) -> str:
        """The id a new metric under `place` gets: the next of its pattern, never one used."""
        goal, initiative = self.place_of(place)
        owner = initiative or goal
        taken = [row[0] for row in self.db.execute("SELECT ident FROM metric_detail")]
        if self._has_plan_changes():
            taken += [
                row[0]
                for row in self.db.execute(
                    "SELECT DISTINCT target FROM plan_change WHERE target_kind = 'metric'"
                )
            ]
        return next_metric_id(owner, taken)

    def add_metric(
        self, place: str, values: dict[str, str], *, user: str | None = None
    ) -> MetricInfo:
        """Add a metric under a goal or initiative, last of its metrics, with the next id.

        Raises:
            VplError: an unknown goal or initiative, or a value the plan file refuses.
        """
        who = user or current_user()
        check_note_and_user("", who)
        fields = {"name": "", "unit": "", "kolada_kpi": "", "higher_is_better": "true"}
        fields |= _checked(values)
        with self._write():
            goal, initiative = self.place_of(place)
            ident = self.next_metric_id(place)
            execute = self.db.conn.execute
            position = execute(
                "SELECT COALESCE(MAX(position) + 1, 0) FROM metric "
                "WHERE goal_number = ? AND initiative_id IS ?",
                (goal, initiative),
            ).fetchone()[0]
            row_id = execute(
                "INSERT INTO metric (goal_number, initiative_id, position, name) "
                "VALUES (?, ?, ?, ?)",
                (goal, initiative, position, fields["name"]),
            ).lastrowid
            execute("INSERT INTO metric_detail (ident, metric_id) VALUES (?, ?)", (ident, row_id))
            self._append_plan_change("metric", ident, "added", "", initiative or goal, who, 0)
            # Its other fields are part of what was added, as an activity's are: no rows.
            for field, value in fields.items():
                if field != "name":
                    self._set_metric_field(ident, field, value)
            return self.metric_now(ident)

    def edit_metric(
        self,
        ident: str,
        values: dict[str, str],
        *,
        user: str | None = None,
        expected_version: int | None = None,
    ) -> list[PlanChangeRecord]:
        """Change some of a metric's name, unit, KPI, direction and targets (`target:<year>`,
        "" for none). Returns the change rows written, one per field that changed.

        Raises:
            StalePlanChange: the metric changed since `expected_version`.
            VplError: an unknown field, or a value the plan file refuses (nothing written).
        """
        for field in values:
            if field not in METRIC_FIELDS and not field.startswith(TARGET_PREFIX):
                raise VplError("plan_edit.unknown_field", field=clean(field)[:40])
        who = user or current_user()
        check_note_and_user("", who)
        with self._write():
            info = self.metric_now(ident)
            version = self.text_version("metric", info.id)
            if expected_version is not None and version != expected_version:
                raise StalePlanChange(info.id, None, metric_values(info) | {"title": info.name})
            before = metric_values(info)
            after = _checked({**before, **values})
            written = []
            for field in sorted(set(before) | set(after), key=_field_order):
                old, new = before.get(field, ""), after.get(field, "")
                if old != new:
                    self._set_metric_field(info.id, field, new)
                    written.append(
                        self._append_plan_change("metric", info.id, field, old, new, who, version)
                    )
                    version += 1
            return written

    def _set_metric_field(self, ident: str, field: str, value: str) -> None:
        """Write one field of a metric (inside `_write`); `field` is never the user's text."""
        execute = self.db.conn.execute
        (row_id,) = execute(
            "SELECT metric_id FROM metric_detail WHERE ident = ?", (ident,)
        ).fetchone()
        if field == "name":
            execute("UPDATE metric SET name = ? WHERE id = ?", (value, row_id))
        elif field == "unit":
            execute("UPDATE metric_detail SET unit = ? WHERE ident = ?", (value, ident))
        elif field == "kolada_kpi":
            execute(
                "UPDATE metric_detail SET kolada_kpi = ? WHERE ident = ?", (value or None, ident)
            )
        elif field == "higher_is_better":
            execute(
                "UPDATE metric_detail SET higher_is_better = ? WHERE ident = ?",
                (int(value != "false"), ident),
            )
        else:
            year = int(field.removeprefix(TARGET_PREFIX))
            execute("DELETE FROM metric_target WHERE metric_id = ? AND year = ?", (row_id, year))
            if value:
                execute("INSERT INTO metric_target VALUES (?, ?, ?)", (row_id, year, value))

    def _undo_metric_change(self, change: PlanChangeRecord, who: str) -> PlanChangeRecord:
        """Revert a metric's change with a new row (inside the caller's `_write`).

        An added metric goes again only when nothing else it went through stands: no
        outcome, and every later change of it undone.
        """
        conn = self.db.conn
        info = self.metric_now(change.target)
        version = self.text_version("metric", info.id)
        if change.field == "added":
            others = conn.execute(
                "SELECT (SELECT COUNT(*) FROM outcome_history WHERE metric = :m) + "
                "(SELECT COUNT(*) FROM plan_change p WHERE target_kind = 'metric' "
                "AND target = :m AND id != :id AND undo_of IS NULL AND NOT EXISTS "
                "(SELECT 1 FROM plan_change u WHERE u.undo_of = p.id))",
                {"m": info.id, "id": change.id},
            ).fetchone()[0]
            if others:
                raise VplError("plan_edit.undo_conflict", target=clean(info.id))
            (row_id,) = conn.execute(
                "SELECT metric_id FROM metric_detail WHERE ident = ?", (info.id,)
            ).fetchone()
            conn.execute("DELETE FROM metric_target WHERE metric_id = ?", (row_id,))
            conn.execute("DELETE FROM metric_detail WHERE metric_id = ?", (row_id,))
            conn.execute("DELETE FROM metric WHERE id = ?", (row_id,))
            return self._append_plan_change(
                "metric", info.id, "added", change.to_value, "", who, version, change.id
            )
        if metric_values(info).get(change.field, "") != change.to_value:
            raise VplError("plan_edit.undo_conflict", target=clean(info.id))
        self._set_metric_field(info.id, change.field, change.from_value)
        return self._append_plan_change(
            "metric",
            info.id,
            change.field,
            change.to_value,
            change.from_value,
            who,
            version,
            change.id,
        )


def _field_order(field: str) -> tuple[int, str]:
    return (
        (METRIC_FIELDS.index(field), "") if field in METRIC_FIELDS else (len(METRIC_FIELDS), field)
    )


def _checked(values: dict[str, Any]) -> dict[str, str]:
    """`values` as the plan file's rules accept them, or the first reason refused."""
    from vpl_tui.model.plan_changes import metric_problems

    texts = {key: str(value) for key, value in values.items()}
    if "higher_is_better" in texts:
        texts["higher_is_better"] = _direction(texts["higher_is_better"])
    problems = metric_problems(texts)
    if problems:
        field, reason = next(iter(problems.items()))
        raise VplError("plan_edit.invalid", field=clean(field)[:40], reason=reason)
    return texts


def _direction(value: str) -> str:
    """`higher_is_better` as "true" or "false" (the CLI's and the form's words too)."""
    folded = value.strip().casefold()
    if folded in ("true", "ja", "yes", "1", "högre", "higher", "up"):
        return "true"
    if folded in ("false", "nej", "no", "0", "lägre", "lower", "down"):
        return "false"
    raise VplError("plan_edit.invalid", field="higher_is_better", reason=clean(value)[:40])
