"""An activity's status codes, in a module of their own so that reading them costs nothing.

The plan file's models (`vpl_tui.model`) use these codes too, but importing the models
loads pydantic (~100 ms); the summary, the string catalog and the store's records need
only the codes, so they import them from here and start without pydantic.
"""

from __future__ import annotations

from typing import Literal, get_args

Status = Literal["not_started", "in_progress", "done", "delayed", "cancelled"]
"""An activity's status code; the interface shows Swedish or English labels for it."""

STATUSES: tuple[Status, ...] = get_args(Status)
INITIAL_STATUS: Status = "not_started"
CLOSED_STATUSES: frozenset[str] = frozenset({"done", "cancelled"})
"""Statuses that can never be overdue."""
