"""How long a plan file's texts may be: the models' limits, readable without pydantic.

The models (`vpl_tui.model`) refuse longer texts in a plan file; the store refuses a
note or a user name it could not export (`vpl set`, `vpl undo` and the budget editor
check it before they write), and must not load pydantic (~100 ms) to know the numbers.
"""

from __future__ import annotations

MAX_TEXT = 100_000
"""The longest text a plan file field (or a note) may hold."""
MAX_USER = 200
"""The longest user name a history row may hold."""
