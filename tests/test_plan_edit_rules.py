"""An activity's field rules without pydantic (`vpl_tui.rules.activity_fields`): the same
words as the plan file's models, and `vpl add/edit/move/cancel` import no pydantic."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

import pytest
from pydantic import ValidationError
from test_store import _modules_imported

from vpl_tui.model import Activity
from vpl_tui.model.base import ActivityKind
from vpl_tui.model.plan_changes import activity_problems_of_model
from vpl_tui.rules.activity_fields import KINDS, activity_field_problems, as_day
from vpl_tui.strings import Strings

GOOD = {"title": "x", "kind": "activity", "start": "2023-01-01", "end": "2023-02-01"}
BAD = [
    {"title": ""},
    {"title": "x" * 10_001},
    {"title": 7},
    {"kind": "projekt"},
    {"kind": ""},
    {"start": "1/3"},
    {"start": "2023-02-30"},
    {"start": "2023-1-01"},
    {"start": ""},
    {"end": "2022-12-31"},
    {"end": "nej", "title": ""},
    {"responsible": "r" * 201},
    {"responsible": "[bold]\x1b[31m" * 30},
]


@pytest.mark.parametrize("change", BAD, ids=lambda change: repr(change)[:30])
def test_the_rules_without_pydantic_say_what_the_plan_files_models_say(change) -> None:  # noqa: ANN001
    values = {**GOOD, "responsible": "", **change}
    ours = activity_field_problems(values)
    theirs = activity_problems_of_model({"ref": "1.1.1-1", **values})
    assert ours and theirs
    first = next(iter(theirs))  # the model stops at the fields before the dates' order
    assert next(iter(ours)) == first
    for lang in ("sv", "en"):
        said = Strings(lang)
        assert ours[first].render(said) == theirs[first].render(said)


def test_the_rules_and_the_models_share_their_kinds_and_accept_the_same() -> None:
    assert get_args(ActivityKind) == KINDS
    assert activity_field_problems({**GOOD, "responsible": "Anna"}) == {}
    data = {k: as_day(v) for k, v in GOOD.items()}
    Activity.model_validate({"ref": "1.1.1-1", **data}, strict=True)
    with pytest.raises(ValidationError):
        Activity.model_validate({"ref": "1.1.1-1", **data, "end": as_day("2022-01-01")})


def test_add_edit_move_and_cancel_start_without_pydantic_or_sqlite_utils(
    store, db_path: Path
) -> None:  # noqa: ANN001
    store.close()
    for args in (
        ("add", "1.1.1", "--title", "Ny", "--start", "2023-01-01", "--end", "2023-02-01"),
        ("edit", "1.1.1-5", "--end", "2023-03-01", "--responsible", "Anna"),
        ("move", "1.1.1-5", "--to", "1.1.2"),
        ("cancel", "1.1.1-5"),
        ("cancel", "1.1.1-1", "--remove"),
    ):
        modules = _modules_imported(db_path, *args)
        assert "vpl_tui.db.plan_edit" in modules  # the probe sees the store's modules
        heavy = {name for name in modules if name.split(".")[0] in {"pydantic", "sqlite_utils"}}
        assert not heavy, (args, sorted(heavy))
