"""How long a text a plan may hold: one rule for the plan file's models and the store.

Kept apart from `vpl_tui.model` so that what checks a note before it is saved (`vpl set`,
the app) does not import pydantic for two numbers.
"""

from __future__ import annotations

MAX_TEXT = 100_000
"""The longest text a plan file field (or a note) may hold."""
MAX_USER = 200
"""The longest user name a history row may hold."""
FIRST_YEAR = 1900
LAST_YEAR = 2200
"""The years a plan, a dated entry or a day asked about may fall in: outside them is a typo."""
