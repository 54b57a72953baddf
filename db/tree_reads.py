"""Reading the plan one level at a time, as the app's tree and the CLI show it.

Plain records (`vpl_tui.records`), never models: the app's first screen, `vpl set` and
the summary read these, and building pydantic models would cost each ~100 ms of start.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from vpl_tui.db.activity_reads import ActivityReads, activity_record
from vpl_tui.db.sql_rules import PROGRESS_FIELDS, progress_columns
from vpl_tui.records import (
    ActivityRecord,
    FocusRecord,
    GoalHead,
    GoalRecord,
    InitiativeHead,
    InitiativeRecord,
    MetricRecord,
    PlanRecord,
)
from vpl_tui.rules.progress import Progress
from vpl_tui.safetext import normalise

if TYPE_CHECKING:
    from decimal import Decimal

    from vpl_tui.model import Focus
    from vpl_tui.views.budget_hits import BudgetLine

PLAN_ORDER = "g.position, a.initiative_id IS NOT NULL, i.position, a.position"
"""Activities `a` in plan order, joined to their goal `g` and initiative `i`: a goal's own
activities before its initiatives'."""


class TreeReads(ActivityReads):
    """The plan's head, goals, initiatives, activities and metrics, with their progress
    (one activity by its ref: `ActivityReads`)."""

    def plan_record(self) -> PlanRecord:
        """What the plan is (its `[plan]` table), as a plain record."""
        self._require_plan()
        row = self.db.execute(
            "SELECT title, organisation, municipality, year, period, currency_unit "
            "FROM plan WHERE id = 1"
        ).fetchone()
        return PlanRecord(*row)

    def mandate_texts(self) -> dict[str, str]:
        """The mandate's parts (the field names of `model.Mandate`) and texts, in plan order.

        Read without pydantic: the app's first screen shows the mandate.
        """
        rows = self.db.execute("SELECT part, body FROM mandate ORDER BY position")
        return {part: body for part, body in rows}

    def focus_lists(self) -> list[Focus]:
        from vpl_tui.model import Focus

        # model_construct: what the store reads was validated on its way in.
        return [
            Focus.model_construct(
                title=focus.title,
                intro=focus.intro,
                items=list(focus.items),
                goals=list(focus.goals),
            )
            for focus in self.focus_records()
        ]

    def focus_records(self) -> list[FocusRecord]:
        """What `focus_lists()` gives, as plain records: the app starts without pydantic."""
        items: dict[int, list[str]] = defaultdict(list)
        for row in self.db.query("SELECT * FROM focus_item ORDER BY focus_id, position"):
            items[row["focus_id"]].append(row["text"])
        goals: dict[int, list[str]] = defaultdict(list)
        for row in self.db.query("SELECT * FROM focus_goal ORDER BY focus_id, position"):
            goals[row["focus_id"]].append(row["goal_number"])
        return [
            FocusRecord(
                title=row["title"],
                intro=row["intro"],
                items=tuple(items.get(row["id"], [])),
                goals=tuple(goals.get(row["id"], [])),
            )
            for row in self.db.query("SELECT * FROM focus ORDER BY position")
        ]

    _PROGRESS = progress_columns("a.", ":today")

    def goals(self, today: date | None = None) -> list[GoalRecord]:
        """Every goal with the progress of all activities under it (its initiatives' too).

        The goals come back as one row, a JSON array, rather than a row each: sqlite3 lets
        go of the GIL for every row it steps to and must take it back, and in a worker
        beside a busy event loop (the app's first screen reads this while Textual starts)
        each taking back waits its turn, which made the read two to three times slower.
        """
        today_text = (today or date.today()).isoformat()
        sql = f"""
            SELECT json_group_array(json_array(
                position, number, kind, title, description, resources, council_goal,
                total, done, overdue, cancelled, in_progress, delayed, initiatives, metrics))
            FROM (
                SELECT g.*, {self._PROGRESS},
                    (SELECT COUNT(*) FROM initiative i WHERE i.goal_number = g.number)
                        AS initiatives,
                    (SELECT COUNT(*) FROM metric m WHERE m.goal_number = g.number
                        AND m.initiative_id IS NULL) AS metrics
                FROM goal g LEFT JOIN activity a ON a.goal_number = g.number
                GROUP BY g.number
            )
        """
        import json  # here: `vpl set` and `vpl history` need no JSON (a few ms of start)

        (rows,) = self.db.execute(sql, {"today": today_text}).fetchone()
        # Amounts are read as every other read takes them (Python's float, then Decimal):
        # SQLite writes a REAL into JSON with 15 digits, which could show a figure here
        # that the budget screen and the export show otherwise.
        earmarks = dict(
            self.db.execute(
                "SELECT number, earmarked_mkr FROM goal WHERE earmarked_mkr IS NOT NULL"
            ).fetchall()
        )
        # Sorted here: SQLite 3.40 cannot order the elements of an aggregate.
        return [
            GoalRecord(
                number=number,
                kind=kind,
                title=title,
                description=description,
                resources=resources,
                earmarked_mkr=decimal_or_none(earmarks.get(number)),
                council_goal=council_goal,
                progress=Progress(total, done, overdue, cancelled, in_progress, delayed),
                initiative_count=initiatives,
                metric_count=metrics,
            )
            for (
                _,
                number,
                kind,
                title,
                description,
                resources,
                council_goal,
                total,
                done,
                overdue,
                cancelled,
                in_progress,
                delayed,
                initiatives,
                metrics,
            ) in sorted(json.loads(rows), key=itemgetter(0))
        ]

    def initiatives(self, goal_number: str, today: date | None = None) -> list[InitiativeRecord]:
        """The initiatives of a goal, each with the progress of its activities."""
        today_text = (today or date.today()).isoformat()
        sql = f"""
            SELECT i.*, {self._PROGRESS},
                (SELECT COUNT(*) FROM metric m WHERE m.initiative_id = i.id) AS metrics
            FROM initiative i LEFT JOIN activity a ON a.initiative_id = i.id
            WHERE i.goal_number = :goal
            GROUP BY i.id ORDER BY i.position
        """
        return [
            InitiativeRecord(
                id=row["id"],
                goal_number=row["goal_number"],
                title=row["title"],
                purpose=row["purpose"],
                resources=row["resources"],
                earmarked_mkr=decimal_or_none(row["earmarked_mkr"]),
                council_goal=row["council_goal"],
                comment=row["comment"],
                metrics_note=row["metrics_note"],
                progress=Progress(*(row[name] for name in PROGRESS_FIELDS)),
                metric_count=row["metrics"],
            )
            for row in self.db.query(sql, {"goal": goal_number, "today": today_text})
        ]

    def activities(
        self, goal_number: str | None = None, initiative_id: str | None = None
    ) -> list[ActivityRecord]:
        """Activities in plan order: of one initiative, of a goal (not its initiatives'), or all."""
        # Qualified names: the initiative table joined below has a goal_number column too.
        if initiative_id is not None:
            where, params = "a.initiative_id = ?", (initiative_id,)
        elif goal_number is not None:
            where, params = "a.goal_number = ? AND a.initiative_id IS NULL", (goal_number,)
        else:
            where, params = "1", ()
        sql = (
            f"SELECT a.* FROM activity a JOIN goal g ON g.number = a.goal_number "
            f"LEFT JOIN initiative i ON i.id = a.initiative_id WHERE {where} "
            f"ORDER BY {PLAN_ORDER}"
        )
        return [activity_record(row) for row in self.db.query(sql, params)]

    def metrics(self, goal_number: str, initiative_id: str | None = None) -> list[MetricRecord]:
        """The metrics of a goal (not its initiatives') or of one initiative.

        Plain records (the attributes of `model.Metric`): the app shows them as the cursor
        moves, and building pydantic models would load pydantic on the first goal shown.
        """
        if initiative_id is None:
            where, params = "goal_number = ? AND initiative_id IS NULL", (goal_number,)
        else:
            where, params = "initiative_id = ?", (initiative_id,)
        rows = list(self.db.query(f"SELECT * FROM metric WHERE {where} ORDER BY position", params))
        targets: dict[int, dict[str, str]] = defaultdict(dict)
        if rows:
            ids = [row["id"] for row in rows]
            marks = ",".join("?" * len(ids))
            for target in self.db.query(
                f"SELECT * FROM metric_target WHERE metric_id IN ({marks}) ORDER BY year", ids
            ):
                targets[target["metric_id"]][str(target["year"])] = target["target"]
        return [
            MetricRecord(row["name"], row["latest"], row["latest_year"], targets.get(row["id"], {}))
            for row in rows
        ]

    def search(self, text: str, limit: int = 500) -> list[ActivityRecord]:
        """Activities whose title or ref contains `text`, ignoring case and accents."""
        needle = f"%{_escape_like(normalise(text))}%"
        sql = (
            "SELECT a.* FROM activity a JOIN goal g ON g.number = a.goal_number "
            "LEFT JOIN initiative i ON i.id = a.initiative_id "
            # title_folded is vpl_fold(title), stored; refs are ASCII, for which LIKE
            # ignores case just as folding would.
            "WHERE a.title_folded LIKE :needle ESCAPE '\\' "
            "OR a.ref LIKE :needle ESCAPE '\\' "
            f"ORDER BY {PLAN_ORDER} LIMIT :limit"
        )
        rows = self.db.query(sql, {"needle": needle, "limit": limit})
        return [activity_record(row) for row in rows]

    def search_owners(self, text: str, limit: int = 500) -> list[tuple[str, str, str | None, int]]:
        """Initiatives whose title, and metrics whose name, contains `text` (case and accents
        ignored), in plan order: (kind, goal number, initiative id or None, metric index).

        `kind` is "initiative" (index 0) or "metric"; a metric's index is its place among
        its owner's metrics, as `metrics()` lists them. Few rows (a plan has far fewer
        initiatives and metrics than activities), folded as they are compared.
        """
        needle = f"%{_escape_like(normalise(text))}%"
        sql = (
            "SELECT kind, goal_number, initiative_id, place FROM ("
            "SELECT 'initiative' AS kind, i.goal_number, i.id AS initiative_id, 0 AS place, "
            "g.position AS gp, 1 AS own, i.position AS ip, -1 AS mp "
            "FROM initiative i JOIN goal g ON g.number = i.goal_number "
            "WHERE vpl_fold(i.title) LIKE :needle ESCAPE '\\' "
            "UNION ALL "
            "SELECT 'metric', m.goal_number, m.initiative_id, "
            "(SELECT COUNT(*) FROM metric o WHERE o.goal_number = m.goal_number "
            "AND o.initiative_id IS m.initiative_id AND o.position < m.position), "
            "g.position, m.initiative_id IS NOT NULL, i.position, m.position "
            "FROM metric m JOIN goal g ON g.number = m.goal_number "
            "LEFT JOIN initiative i ON i.id = m.initiative_id "
            "WHERE vpl_fold(m.name) LIKE :needle ESCAPE '\\') "
            "ORDER BY gp, own, ip, mp LIMIT :limit"
        )
        return [tuple(row) for row in self.db.execute(sql, {"needle": needle, "limit": limit})]

    def budget_lines(self) -> list[BudgetLine]:
        """Every budget line with its figures, in the budget screen's order (for search).

        A pot allocation's description is its title. Few rows: a budget has tens of lines.
        """
        from decimal import Decimal

        from vpl_tui.views.budget_hits import BudgetLine

        figures: dict[tuple[str, str], list[tuple[int, Decimal]]] = defaultdict(list)
        for table, line, year, value in self.db.execute(
            "SELECT table_name, line, year, value FROM budget_figure ORDER BY year"
        ):
            figures[(table, line)].append((year, Decimal(str(value))))
        sql = (
            "SELECT l.table_name, l.line, COALESCE(p.title, l.description) FROM budget_line l "
            "LEFT JOIN pot_allocation p ON l.table_name = 'pot' AND p.id = l.line "
            "ORDER BY CASE l.table_name WHEN 'operating' THEN 0 WHEN 'units' THEN 1 "
            "WHEN 'investments' THEN 2 ELSE 3 END, l.position"
        )
        unit = self.db.execute("SELECT unit FROM budget").fetchone()
        return [
            BudgetLine(table, line, description, tuple(figures.get((table, line), ())), *unit)
            for table, line, description in self.db.execute(sql)
        ]

    def all_metrics(self) -> list[tuple[str, str | None, MetricRecord]]:
        """Every metric with the goal number and initiative id it belongs to, in plan order."""
        targets: dict[int, dict[str, str]] = defaultdict(dict)
        for metric_id, year, target in self.db.execute(
            "SELECT metric_id, year, target FROM metric_target ORDER BY metric_id, year"
        ):
            targets[metric_id][str(year)] = target
        sql = (
            "SELECT m.id, m.goal_number, m.initiative_id, m.name, m.latest, m.latest_year "
            "FROM metric m JOIN goal g ON g.number = m.goal_number "
            "LEFT JOIN initiative i ON i.id = m.initiative_id "
            "ORDER BY g.position, m.initiative_id IS NOT NULL, i.position, m.position"
        )
        # Records, not models: the JSON summary reads them, and needs no pydantic.
        return [
            (
                goal_number,
                initiative_id,
                MetricRecord(name, latest, latest_year, targets.get(metric_id, {})),
            )
            for metric_id, goal_number, initiative_id, name, latest, latest_year in self.db.execute(
                sql
            )
        ]

    def outline(self) -> list[tuple[GoalHead, list[InitiativeHead]]]:
        """Every goal with its initiatives, in plan order: numbers, kinds and titles only.

        For what counts activities by itself (the summary): no activity is read.
        """
        initiatives: dict[str, list[InitiativeHead]] = defaultdict(list)
        for ident, goal_number, title in self.db.execute(
            "SELECT id, goal_number, title FROM initiative ORDER BY goal_number, position"
        ):
            initiatives[goal_number].append(InitiativeHead(ident, title))
        return [
            (GoalHead(number, kind, title), initiatives.get(number, []))
            for number, kind, title in self.db.execute(
                "SELECT number, kind, title FROM goal ORDER BY position"
            )
        ]


def decimal_or_none(value: Any) -> Decimal | None:
    """An amount as SQLite gives it (an int or a float), as the Decimal it was stored from."""
    from decimal import Decimal  # here: `vpl set` reads no amount and need not import it

    return None if value is None else Decimal(str(value))


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
