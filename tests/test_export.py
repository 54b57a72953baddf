"""`vpl export` without models: the same bytes as dumping the model, on real plans.

`Store.export_text` reads the activities as rows and writes the TOML with its own writer
(`db/export_toml.py`); both are held here to what they stand in for: `dumps_plan` of
`export_plan()`, and `tomli_w.dumps`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from vpl_tui.db.export_toml import dumps
from vpl_tui.db.store import Store
from vpl_tui.planfile import dumps_plan, parse_plan

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
VPL = str(Path(sys.executable).with_name("vpl"))

SHORT_PLAN = """\
[plan]
title = "Kort"
organisation = "Staben"
year = 2023
period = "2023-2025"

[[goals]]
number = "1"
kind = "council"
title = "Mål"
earmarked_mkr = 3

[[goals.initiatives]]
id = "i"
title = "Initiativ"
earmarked_mkr = 4.5
activities = [
    { ref = "a", title = "Kort", start = 2023-01-01, end = 2023-02-01 },
    { ref = "b", title = "Kort", kind = "investigation", start = 2023-01-01, end = 2023-02-01 },
]

[[goals.metrics]]
name = "Mätetal"
targets = { 2023 = "Öka" }
"""


def test_export_text_is_what_dumps_plan_writes_of_the_model(store: Store) -> None:
    store.set_status("1.1.3-2", "in_progress", user="anna", note='rad ett\r\nrad "två"\t\\')
    store.set_status("1.1.3-2", "done", user="bo", note="\x1b[31m röd \u202e \x7f \x85")
    store.toggle_done("1.1.3-2", user="bo")
    store.set_status("smart-1", "cancelled", user="anna")
    store.undo(user="anna")
    store.set_figure("operating", "net_costs", 2023, Decimal("280000"), user="anna")
    assert store.export_text() == dumps_plan(store.export_plan())


def test_activities_short_enough_stay_inline_as_dumps_plan_writes_them(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.replace_plan(parse_plan(SHORT_PLAN))
        text = store.export_text()
        assert text == dumps_plan(store.export_plan())
    assert 'activities = [\n    { ref = "a"' in text
    assert "earmarked_mkr = 3\n" in text and "earmarked_mkr = 4.5\n" in text


@pytest.fixture(scope="module")
def generated_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated plan of 1 500 activities with their history, budget and edits."""
    folder = tmp_path_factory.mktemp("generated")
    plan, db = folder / "plan.toml", folder / "plan.db"
    made = subprocess.run(
        [sys.executable, str(BENCHMARKS / "make_plan.py"), "1500", "-o", str(plan),
         "--today", "2024-03-01", "--seed", "3"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    loaded = subprocess.run(
        [VPL, "--db", str(db), "load", str(plan)],
        capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "VPL_USER": "kontroller"},
    )  # fmt: skip
    assert loaded.returncode == 0, loaded.stderr
    return db


def test_a_generated_plan_exports_the_same_bytes_both_ways(generated_store: Path) -> None:
    with Store.open(generated_store) as store:
        assert store.export_text() == dumps_plan(store.export_plan())


def test_vpl_export_writes_the_file_and_prints_the_same(generated_store: Path, tmp_path: Path):
    out = tmp_path / "out.toml"
    env = {**os.environ, "VPL_LANG": "en"}
    written = subprocess.run(
        [VPL, "--db", str(generated_store), "export", "-o", str(out)],
        capture_output=True, timeout=120, check=False, env=env,
    )  # fmt: skip
    assert written.returncode == 0, written.stderr
    printed = subprocess.run(
        [VPL, "--db", str(generated_store), "export"],
        capture_output=True, timeout=120, check=False, env=env,
    )  # fmt: skip
    with Store.open(generated_store) as store:
        expected = dumps_plan(store.export_plan()).encode("utf-8")
    assert out.read_bytes() == printed.stdout == expected


# -- the TOML writer ----------------------------------------------------------------------

_TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",)) | st.sampled_from('\r\n\t"\\\x7f'),
    max_size=40,
)
_KEY = _TEXT | st.sampled_from(["ref", "a-b_c", "", "1", "ä", "a b"])
_SCALAR = (
    _TEXT
    | st.integers(-(10**12), 10**12)
    | st.booleans()
    | st.dates()
    | st.datetimes(timezones=st.just(UTC)).map(lambda moment: moment.replace(tzinfo=UTC))
    | st.decimals(allow_nan=False, allow_infinity=False, places=3, max_value=10**9)
)


def _documents() -> st.SearchStrategy[dict[str, Any]]:
    value = st.recursive(
        _SCALAR,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEY, inner, max_size=4),
        max_leaves=25,
    )
    return st.dictionaries(_KEY, value, max_size=6)


@settings(max_examples=300, deadline=None)
@given(_documents())
def test_the_writer_writes_what_tomli_w_writes(document: dict[str, Any]) -> None:
    assert dumps(document) == tomli_w.dumps(document, multiline_strings=True)


def test_the_writer_keeps_tomli_w_choices_between_inline_and_tables() -> None:
    day = date(2023, 1, 1)
    at = datetime(2023, 3, 1, 12, tzinfo=UTC)
    short = [{"ref": f"r{i}", "start": day, "end": day + timedelta(days=i)} for i in range(3)]
    long = [*short, {"ref": "x" * 120}]
    nested = {"history": [{"at": at, "from": "a", "to": "b"}], "title": "t"}
    document = {
        "n": 1,
        "short": short,
        "long": long,
        "nested": [nested, nested],
        "table": {"inner": {"deep": [1, [2, [3]]]}, "empty": {}, "none": []},
        "mixed": [1, {"a": 1}],
        "multiline": "a\nb\r\nc\r",
    }
    assert dumps(document) == tomli_w.dumps(document, multiline_strings=True)
