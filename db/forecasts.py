"""The economy's follow-up figures: outcome to date and full-year forecast per period and unit.

Kept apart from the plan's budget figures, which a forecast never changes: a forecast of a
unit (`units`, its name) or of an operating row (`operating`, net_costs/grant/result) for a
period is the latest row of `forecast_history`, its version the number of those rows. A
change names the version it was made on (stale: refused, with the current one shown); an
undo is a new row restoring what the reverted one replaced. `vpl load` merges the file's
histories with the database's by the core's rule (`vpl_tui.rules.merge`), as the status
and figure histories are merged (`db/load_merge.py`): nothing recorded is lost.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

from vpl_tui.budget.followup import (
    FollowUpTable,
    Forecast,
    LineKey,
    build_followup,
    threshold_share,
)
from vpl_tui.db.budget import BudgetStore
from vpl_tui.db.changes import (
    check_note_and_user,
    current_user,
    format_time,
    not_before,
    number_text,
    utc_now,
    written_by,
)
from vpl_tui.db.followup_file import FollowupFile
from vpl_tui.db.forecast_lines import ForecastLines
from vpl_tui.errors import VplError
from vpl_tui.numbers import format_amount
from vpl_tui.rules.figures import figure_problem
from vpl_tui.rules.periods import Period, previous_period
from vpl_tui.rules.undo import undo_choice
from vpl_tui.safetext import clean

if TYPE_CHECKING:
    from vpl_tui.model.budget import Budget, ForecastEntry


class ForecastRecord(NamedTuple):
    """A forecast as it stands, and its version (its rows so far)."""

    table: str
    line: str
    period: str
    forecast: Forecast
    version: int
    user: str = ""
    at: str = ""


class ForecastChange(NamedTuple):
    """One row of a forecast's history."""

    id: int
    at: str
    outcome: Decimal | None
    forecast: Decimal | None
    comment: str
    user: str
    undo_of: int | None


class NewForecast(NamedTuple):
    """One forecast to write: where, for which period, and what (None: as it was)."""

    table: str
    line: str
    period: str
    outcome: Decimal | None = None
    forecast: Decimal | None = None
    comment: str | None = None


class StaleForecast(VplError):
    """The forecast changed since the caller saw it; `current` is what it is now."""

    def __init__(self, current: ForecastRecord) -> None:
        shown = current.forecast.forecast
        super().__init__(
            "error.stale_forecast",
            line=clean(current.line),
            value="-" if shown is None else format_amount(shown),
            version=current.version,
            user=clean(current.user),
        )
        self.current = current


def _decimal(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


class ForecastStore(BudgetStore, FollowupFile, ForecastLines):
    """Reads and writes of the economy's follow-up figures."""

    # -- reads ---------------------------------------------------------------------------

    def _has_forecasts(self) -> bool:
        """Whether this database has the forecast tables (a read-only older one may not)."""
        found = self.db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'forecast_history'"
        ).fetchone()
        return found is not None

    def forecast(self, table: str, line: str, period: str) -> ForecastRecord | None:
        """The forecast of (table, line) for `period` as it stands, or None before the first."""
        if not self._has_forecasts():
            return None
        row = self.db.execute(
            "SELECT outcome, forecast, comment, user, at, (SELECT COUNT(*) FROM forecast_history c "
            "WHERE c.table_name = h.table_name AND c.line = h.line AND c.period = h.period) "
            "FROM forecast_history h WHERE table_name = ? AND line = ? AND period = ? "
            "ORDER BY id DESC LIMIT 1",
            (table, line, period),
        ).fetchone()
        if row is None:
            return None
        outcome, forecast, comment, user, at, version = row
        entered = Forecast(_decimal(outcome), _decimal(forecast), comment)
        return ForecastRecord(table, line, period, entered, version, user, at)

    def forecast_history(self, table: str, line: str, period: str) -> list[ForecastChange]:
        """Every row of a forecast for `period`, oldest first."""
        if not self._has_forecasts():
            return []
        rows = self.db.execute(
            "SELECT id, at, outcome, forecast, comment, user, undo_of FROM forecast_history "
            "WHERE table_name = ? AND line = ? AND period = ? ORDER BY id",
            (table, line, period),
        )
        return [
            ForecastChange(i, at, _decimal(o), _decimal(f), c, u, undo)
            for i, at, o, f, c, u, undo in rows
        ]

    def forecasts(
        self, period: str, as_of: date | datetime | None = None
    ) -> dict[LineKey, Forecast]:
        """Each forecast of `period` as it stands now, at the moment `as_of` (a datetime:
        a ready mark's), or at the end of the day `as_of`."""
        if not self._has_forecasts():
            return {}
        before, moment = written_by(as_of)
        rows = self.db.execute(
            "SELECT table_name, line, outcome, forecast, comment FROM forecast_history WHERE id IN "
            f"(SELECT MAX(id) FROM forecast_history WHERE period = ?{before} "
            "GROUP BY table_name, line)",
            (period, *moment),
        )
        return {
            (table, line): Forecast(_decimal(o), _decimal(f), c) for table, line, o, f, c in rows
        }

    def forecast_versions(self, period: str) -> dict[LineKey, int]:
        """Each forecast's version for `period` (its rows so far): what a change names."""
        if not self._has_forecasts():
            return {}
        rows = self.db.execute(
            "SELECT table_name, line, COUNT(*) FROM forecast_history WHERE period = ? "
            "GROUP BY table_name, line",
            (period,),
        )
        return {(table, line): count for table, line, count in rows}

    def material_percent(self) -> Decimal | None:
        """The plan file's threshold of a material deviation, in %, or None (the default)."""
        if not self._has_forecasts():
            return None
        row = self.db.execute(
            "SELECT material_percent FROM forecast_setting WHERE id = 1"
        ).fetchone()
        return None if row is None else _decimal(row[0])

    def followup_table(
        self, period: Period, as_of: date | datetime | None = None
    ) -> FollowUpTable | None:
        """The follow-up table of `period` (None without a budget), read at one moment."""
        with self.db.atomic():
            budget = self.budget_figures()
            if budget is None:
                return None
            periods = self.periods()
            forecasts = self.forecasts(period.id, as_of)
            verdict = next((p for p in periods if p.verdict), None)
            source = period if not period.verdict else previous_period(periods, period)
            year_outcomes = None if verdict is None else self.forecasts(verdict.id, as_of)
            made = (
                forecasts
                if source == period
                else (None if source is None else self.forecasts(source.id, as_of))
            )
            percent = self.material_percent()
            year = self.plan_record().year
        return build_followup(
            budget,
            year,
            period,
            forecasts,
            threshold=threshold_share(percent),
            year_outcomes=year_outcomes,
            accuracy_period=source,
            accuracy_forecasts=made,
        )

    # -- writes --------------------------------------------------------------------------

    def set_forecast(
        self,
        table: str,
        line: str,
        period: str,
        *,
        outcome: Decimal | None = None,
        forecast: Decimal | None = None,
        comment: str | None = None,
        user: str | None = None,
        expected_version: int | None = None,
    ) -> ForecastRecord:
        """Append the outcome, forecast and comment of (table, line) for `period`.

        What is None keeps what was entered before (a comment alone can be added).

        Raises:
            StaleForecast: `expected_version` is not the forecast's version now.
            VplError: an unknown unit or period, a figure a plan file could not hold.
        """
        who = user or current_user()
        item = NewForecast(table, line, period, outcome, forecast, comment)
        with self._write():
            self._check_new([item], who)
            current = self.forecast(table, line, period)
            version = 0 if current is None else current.version
            if expected_version is not None and version != expected_version:
                assert current is not None
                raise StaleForecast(current)
            at = not_before(
                self.db.conn,
                "SELECT MAX(at) FROM forecast_history WHERE table_name = ? AND line = ? "
                "AND period = ?",
                (table, line, period),
            )
            self._insert([_row(item, current and current.forecast, who, None, at)])
            result = self.forecast(table, line, period)
        assert result is not None
        return result

    def import_forecasts(self, new: Sequence[NewForecast], *, user: str | None = None) -> int:
        """Write every forecast of `new` in one transaction, or none (the first problem raised)."""
        who = user or current_user()
        with self._write():
            self._check_new(new, who)
            # Each period's forecasts read once, and one time for every row: no later than
            # any row so far (of any forecast), so no history goes back in time.
            current = {
                (period, *key): entered
                for period in {item.period for item in new}
                for key, entered in self.forecasts(period).items()
            }
            at = not_before(self.db.conn, "SELECT MAX(at) FROM forecast_history", ())
            self._insert(
                [
                    _row(item, current.get((item.period, item.table, item.line)), who, None, at)
                    for item in new
                ]
            )
        return len(new)

    def undo_forecast(
        self, table: str, line: str, period: str, *, user: str | None = None
    ) -> ForecastRecord:
        """Revert the latest change of a forecast not yet undone, with a new row."""
        who = user or current_user()
        with self._write():
            self._check_new([], who)
            rows = self.forecast_history(table, line, period)
            choice = undo_choice([(row.id, row.undo_of) for row in rows])
            if choice is None:
                raise VplError("error.nothing_to_undo")
            index, back = choice
            before = None if back is None else rows[back]
            restored = (
                Forecast(None, None, "")
                if before is None
                else Forecast(before.outcome, before.forecast, before.comment)
            )
            item = NewForecast(table, line, period, *restored)
            at = max(format_time(utc_now()), rows[-1].at)  # not before the latest row
            self._insert([_row(item, None, who, rows[index].id, at)])
            result = self.forecast(table, line, period)
        assert result is not None
        return result

    def _check_new(self, new: Iterable[NewForecast], user: str) -> None:
        """Refuse an unknown unit or period and a figure or text a plan file could not hold."""
        check_note_and_user("", user)
        periods = {p.id for p in self.periods()}
        lines = set(self.forecast_lines().values())
        for item in new:
            if item.period not in periods:
                raise VplError(
                    "error.unknown_period",
                    period=clean(item.period),
                    choices=", ".join(sorted(periods)),
                )
            if (item.table, item.line) not in lines:
                raise VplError("error.unknown_unit", unit=clean(item.line))
            check_note_and_user(item.comment or "", user)
            for value in (item.outcome, item.forecast):
                if value is not None and figure_problem("tkr", value) is not None:
                    raise VplError("error.forecast_whole_tkr", unit=clean(item.line), value=value)

    def _insert(self, rows: list[tuple[Any, ...]]) -> None:
        self.db.conn.executemany(
            "INSERT INTO forecast_history (table_name, line, period, at, outcome, forecast, "
            "comment, user, undo_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )

    # -- the plan file (hooks of `vpl load`, db/load.py) -----------------------------------

    def _forecasts_after_load(
        self, budget: Budget | None, *, merge: bool, source: str = ""
    ) -> tuple[Decimal | None, list[ForecastEntry]]:
        """What the forecast tables hold after loading `budget`: the file's, merged with the
        database's histories when `merge` (`vpl load`), else the file's alone (`--replace`).

        Raises:
            LoadRefused: a forecast's history diverged, or the file leaves it out.
        """
        from vpl_tui.db.forecasts_file import merged_forecasts

        percent = None if budget is None else budget.material_deviation_percent
        entries = [] if budget is None else list(budget.forecasts)
        if merge and self._has_forecasts():
            entries = merged_forecasts(self.db.conn, entries, source)
        return percent, entries

    def _write_forecasts(self, loaded: tuple[Decimal | None, list[ForecastEntry]]) -> None:
        """Replace the forecast tables with `loaded`, inside the load's transaction."""
        from vpl_tui.db.forecasts_file import write_forecasts

        write_forecasts(self.db.conn, *loaded)


def _row(
    item: NewForecast, kept: Forecast | None, user: str, undo_of: int | None, at: str
) -> tuple[Any, ...]:
    """One history row: `item`'s figures, and `kept`'s (as entered before) where it gives None."""
    kept = kept or Forecast(None, None, "")
    return (
        item.table,
        item.line,
        item.period,
        at,
        number_text(kept.outcome if item.outcome is None else item.outcome),
        number_text(kept.forecast if item.forecast is None else item.forecast),
        kept.comment if item.comment is None else item.comment,
        user,
        undo_of,
    )
