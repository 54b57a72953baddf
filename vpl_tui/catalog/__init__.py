"""The string catalog, one module an area: every interface text in Swedish and English.

`vpl_tui.strings.Strings` reads the merged `CATALOG`. A new area (a feature's own texts)
gets a module of its own here, named in `AREAS`; a key is defined once in all of them
(checked as each area is merged), so areas never fight over a line.

The areas are imported as their keys are first asked for, in the order of `AREAS`: `vpl
set` words its one line from `core` and `cli` and imports none of the app's, budget's or
report's texts (a few milliseconds of every start). A key no area loaded so far holds, or
a walk over every key, loads the rest.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import import_module
from typing import Any

AREAS: tuple[str, ...] = (
    "core",
    "cli",
    "summary",
    "budget",
    "app",
    "followup",
    "report_cli",
    "app_reliability",
    "load",
    "cli_help",
    "app_ui",
    "app_followup",
    "metrics",
    "load_followup",
    "report_app",
    "plan_checks",
    "plan_edit",
    "economy",
    "metric_edit",
    "budget_fill",
)
"""Every area's module in `vpl_tui.catalog`, the ones every command needs first."""


class Catalog(dict[str, tuple[str, str]]):
    """Every area's texts by key, each area merged the first time one of its keys is missed.

    A plain dict once loaded: looking up a key already merged costs what a dict does.
    """

    def __init__(self, areas: tuple[str, ...]) -> None:
        super().__init__()
        self._pending = list(areas)

    def _merge_next(self) -> None:
        area = import_module(f"{__name__}.{self._pending.pop(0)}")
        for key, texts in area.STRINGS.items():
            if dict.__contains__(self, key):
                raise ValueError(f"catalog key {key!r} is defined twice")
            dict.__setitem__(self, key, texts)

    def load_all(self) -> Catalog:
        while self._pending:
            self._merge_next()
        return self

    def __missing__(self, key: str) -> tuple[str, str]:
        while self._pending:
            self._merge_next()
            if dict.__contains__(self, key):
                return dict.__getitem__(self, key)
        raise KeyError(key)

    def __contains__(self, key: object) -> bool:
        if dict.__contains__(self, key):
            return True
        try:
            self[key]  # type: ignore[index]
        except KeyError:
            return False
        return True

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        try:
            return self[key]
        except KeyError:
            return default

    def __iter__(self) -> Iterator[str]:
        return dict.__iter__(self.load_all())

    def __len__(self) -> int:
        return dict.__len__(self.load_all())

    def keys(self):  # type: ignore[no-untyped-def, override]
        return dict.keys(self.load_all())

    def values(self):  # type: ignore[no-untyped-def, override]
        return dict.values(self.load_all())

    def items(self):  # type: ignore[no-untyped-def, override]
        return dict.items(self.load_all())


CATALOG: Catalog = Catalog(AREAS)
