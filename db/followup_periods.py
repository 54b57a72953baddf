"""The plan's follow-up periods and assessment scale, read on their own.

The periods and the scale are the plan file's (`followup_period`, `scale_level`); a plan
without them follows the core's defaults (`default_periods`, `DEFAULT_SCALE`). A part of
its own, on the connection alone: `vpl followup` and `vpl periods` read these and the
round's rows (`db/followup_rows.py`) without the plan tree's records (`TreeReads`).
"""

from __future__ import annotations

from datetime import date

from vpl_tui.db.connection import Connected
from vpl_tui.errors import VplError
from vpl_tui.rules.assessments import DEFAULT_SCALE, Level, Scale
from vpl_tui.rules.periods import Period, current_period, default_periods, find_period
from vpl_tui.safetext import clean


def day_or_none(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


class FollowupPeriods(Connected):
    """The plan's periods and scale (mixed into every follow-up part of the store)."""

    def _has_followup(self) -> bool:
        """Whether this database has the follow-up tables (a read-only older one may not)."""
        return (
            self.db.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'assessment_history'"
            ).fetchone()
            is not None
        )

    def scale_actions_order(self) -> list[str]:
        """The codes of the levels needing actions, in the plan file's order."""
        return [r[0] for r in self.db.execute("SELECT code FROM scale_action ORDER BY position")]

    def periods(self) -> tuple[Period, ...]:
        """The plan's follow-up periods: its file's, else the three of its year."""
        rows = (
            self.db.execute(
                'SELECT id, name, "end", deadline, verdict FROM followup_period ORDER BY position'
            ).fetchall()
            if self._has_followup()
            else []
        )
        if not rows:
            self._require_plan()
            (year,) = self.db.execute("SELECT year FROM plan WHERE id = 1").fetchone()
            return default_periods(year)
        return tuple(  # the plan file's own
            Period(i, name, date.fromisoformat(end), day_or_none(deadline), bool(verdict))
            for i, name, end, deadline, verdict in rows
        )

    def scale(self) -> Scale:
        """The plan's assessment scale: its file's, else `DEFAULT_SCALE`."""
        if not self._has_followup():
            return DEFAULT_SCALE
        rows = self.db.execute(
            "SELECT code, label_sv, label_en, forecast_sv, forecast_en, colour, symbol, assessed "
            "FROM scale_level ORDER BY position"
        ).fetchall()
        if not rows:
            return DEFAULT_SCALE
        levels = tuple(Level(*row[:7], assessed=bool(row[7])) for row in rows)
        return Scale(levels, frozenset(self.scale_actions_order()))

    def period(self, wanted: str | None, today: date) -> Period:
        """A period by id or name (any case), or the current one when `wanted` is None."""
        periods = self.periods()
        found = current_period(periods, today) if wanted is None else find_period(periods, wanted)
        if found is None:
            shown = ", ".join(p.id for p in periods)
            raise VplError("error.unknown_period", period=clean(wanted or ""), choices=shown)
        return found
