"""Bad plan files: every one is refused with clear lines naming the place, and nothing breaks.

Three layers, from many inputs to few:

1. A property-based test generates broken plan files (wrong types, missing and unknown
   keys, bad dates, duplicate references, invalid UTF-8, huge strings, deep nesting,
   TOML syntax errors, random bytes and text) from two valid plans and checks them with
   `parse_plan`, the function `vpl load` runs on the file's bytes (`read_plan` reads the
   file and calls it). Nothing but `PlanFileError` may escape, and its lines must name the
   file and the place that was broken.
2. A mutation test breaks the bundled Luleå plan one field at a time, every field.
3. A sample of the generated files, and files that are odd as files (a folder, a device,
   a sparse 65 MiB file, no read permission), go through the real `vpl load`: exit code 2,
   one clean line per problem, no traceback, the database file byte-identical.

A fourth property guards the other side: a file that is accepted loads into the store
and exports to the same plan, so nothing is accepted that the store cannot hold.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from helpers.broken_plans import Case, broken_files, wrong_types
from helpers.plan_bases import BASES, CHOICE_KEYS, Path_, copy_data, toml_bytes, value_at
from helpers.plans import SMALL_PLAN
from helpers.reliability import (
    TRACEBACK,
    assert_one_line_errors,
    database_files,
    record_figure,
    run_vpl,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vpl_tui.db.store import Store
from vpl_tui.model import Plan
from vpl_tui.planfile import (
    PlanFileError,
    dumps_plan,
    parse_plan,
    plan_to_data,
    toml_path,
    validate_plan,
)
from vpl_tui.safetext import is_clean

NAME = "plan.toml"
"""The file name the in-process checks report; `vpl load` reports the path it was given."""

MAX_LINE = 500
"""An error line longer than this is not "clear", whatever it says."""


# -- what a refusal must look like ---------------------------------------------------------


def assert_refused(case: Case, name: str = NAME) -> list[str]:
    """`parse_plan` refuses the file with clear lines, one naming the broken place."""
    try:
        parse_plan(case.raw, name)
    except PlanFileError as error:
        lines = error.problems
    else:
        raise AssertionError(f"{case.kind}: accepted a broken plan file")
    assert lines, "a refusal without a reason"
    for line in lines:
        assert_clear_line(line, name)
    if case.place is not None:
        assert any(_names(line, name, case.place) for line in lines), (case.place, lines)
    return lines


def _after_name(line: str, name: str) -> str | None:
    """What follows `name: ` or `name:LINE: ` (a validation error names the line too)."""
    match = re.match(rf"{re.escape(name)}(:\d+)?: ", line)
    return line[match.end() :] if match else None


def assert_clear_line(line: str, name: str) -> None:
    assert _after_name(line, name), line
    assert is_clean(line), f"control characters in {line!r}"
    assert len(line) <= MAX_LINE, f"{len(line)} characters: {line[:200]!r}..."


def _names(line: str, name: str, place: str) -> bool:
    rest = _after_name(line, name) or ""
    if place.endswith(" "):  # any line number
        return rest.startswith(place)
    return rest.startswith(place) and rest[len(place) : len(place) + 1] in (":", ".", "[", ",")


@pytest.fixture(scope="module")
def tallies(request: pytest.FixtureRequest) -> Iterator[dict[str, Counter[str]]]:
    """Counts of the inputs tried, per test and kind; kept as this run's figures.

    Per test, because pytest-xdist may run the tests of this module in different
    processes: each records only its own.
    """
    counts: dict[str, Counter[str]] = {}
    yield counts
    for test, counter in counts.items():
        record_figure(request.config, f"planfiles/{test}", dict(counter))


@pytest.fixture
def tally(tallies: dict[str, Counter[str]], request: pytest.FixtureRequest) -> Counter[str]:
    """This test's counter (not for hypothesis tests: they use `tallies` directly)."""
    return tallies.setdefault(request.node.name, Counter())


# -- 1. generated broken files, checked in-process -----------------------------------------


@pytest.mark.slow
@settings(
    max_examples=600,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(case=broken_files())
def test_generated_broken_plan_files_are_refused(
    case: Case, tallies: dict[str, Counter[str]]
) -> None:
    assert_refused(case)
    tally = tallies.setdefault("generated", Counter())
    tally["generated"] += 1
    tally[case.kind] += 1


# -- 2. the bundled plan, broken one field at a time ---------------------------------------


_DELETE = object()


@contextmanager
def changed(data: dict[str, Any], path: Path_, value: Any) -> Iterator[dict[str, Any]]:
    """`data` with one value replaced (or deleted) in place, restored afterwards."""
    parent = value_at(data, path[:-1])
    had = path[-1] in parent if isinstance(parent, dict) else True
    old = parent[path[-1]] if had else None
    if value is _DELETE:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    try:
        yield data
    finally:
        if had:
            parent[path[-1]] = old
        else:
            del parent[path[-1]]


def bundled_mutations() -> Iterator[tuple[str, Path_, Any, str]]:
    """Every field of the bundled plan broken, one at a time: (kind, path, value, place)."""
    base = BASES[1]
    for number, path in enumerate(base.paths):
        choices = wrong_types(value_at(base.data, path))
        for turn in range(2):  # two wrong types per field, taking turns through the list
            value = choices[(2 * number + turn) % len(choices)]
            yield "wrong type", path, value, toml_path(path)
    for path, allowed in base.choices:
        yield "word not allowed", path, allowed[0] + "x", toml_path(path)
    for path, required in base.tables:
        for key in required:
            yield "missing key", (*path, key), _DELETE, toml_path((*path, key))
        yield "unknown key", (*path, "x_unknown"), 1, toml_path((*path, "x_unknown"))
    for path in base.activities:
        start = value_at(base.data, (*path, "start"))
        end = (*path, "end")
        yield "bad date", end, start - timedelta(days=1), toml_path(end)
    for _, where in base.identifiers:
        for first, second in zip(where, where[1:], strict=False):
            yield "duplicate", second, value_at(base.data, first), toml_path(second)


def test_bundled_plan_broken_one_field_at_a_time(tally: Counter[str]) -> None:
    """Each mutation is checked as data (what `parse_plan` validates after reading the
    TOML) and, every 25th, as a TOML file through `parse_plan` itself."""
    data = copy_data(BASES[1].data)
    for number, (kind, path, value, place) in enumerate(bundled_mutations()):
        with changed(data, path, value):
            with pytest.raises(PlanFileError) as refused:
                validate_plan(data, NAME)
            lines = refused.value.problems
            for line in lines:
                assert_clear_line(line, NAME)
            assert any(_names(line, NAME, place) for line in lines), (kind, place, lines)
            if number % 25 == 0:
                assert_refused(Case(kind, toml_bytes(data), place))
                tally["as TOML file"] += 1
        tally["mutations"] += 1
        tally[kind] += 1
    assert data == BASES[1].data  # every mutation was undone: each broke one field only
    # Every leaf, table and array of the bundled plan (500+ places) had its turn.
    assert tally["mutations"] > 1500


# -- 3. through the real `vpl load` ----------------------------------------------------------


@pytest.fixture(scope="module")
def loaded_db(tmp_path_factory: pytest.TempPathFactory, seed_plan: Plan) -> Path:
    """A database holding the bundled plan, closed (so its WAL is checkpointed away)."""
    folder = tmp_path_factory.mktemp("planfiles-db")
    path = folder / "plan.db"
    with Store.open(path, seed=lambda: seed_plan):
        pass
    return path


def assert_load_refused(
    path: Path, db: Path, home: Path, *, place: str | None = None, unprivileged: bool = False
) -> list[str]:
    """`vpl load FILE` exits 2 with clean lines naming FILE, and the database is untouched."""
    before = database_files(db)
    result = run_vpl("--lang", "en", "load", str(path), db=db, home=home, unprivileged=unprivileged)
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert TRACEBACK not in result.stderr
    assert result.stdout == ""
    shown = str(path)
    lines = assert_one_line_errors(result.stderr, starts=(f"{shown}:",), max_lines=60)
    if place is not None:
        assert any(_names(line, shown, place) for line in lines), (place, lines)
    assert database_files(db) == before, "the database changed"
    return lines


@pytest.mark.slow
@settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(case=broken_files())
def test_generated_broken_plan_files_through_vpl_load(
    case: Case,
    loaded_db: Path,
    tmp_path_factory: pytest.TempPathFactory,
    tallies: dict[str, Counter[str]],
) -> None:
    folder = tmp_path_factory.mktemp("load")
    path = folder / "broken.toml"
    path.write_bytes(case.raw)
    assert_load_refused(path, loaded_db, folder, place=case.place)
    tallies.setdefault("through vpl load", Counter())[case.kind] += 1


def test_odd_files_through_vpl_load(loaded_db: Path, tmp_path: Path, tally: Counter[str]) -> None:
    """Files that are odd as files: each one clean line, exit 2, database untouched."""
    cases: list[tuple[Path, str, bool]] = []
    cases.append((tmp_path / "missing.toml", "no such file", False))
    (tmp_path / "folder.toml").mkdir()
    cases.append((tmp_path / "folder.toml", "is a folder", False))
    (tmp_path / "empty.toml").write_bytes(b"")
    cases.append((tmp_path / "empty.toml", "plan: required field is missing", False))
    sparse = tmp_path / "sparse.toml"
    with sparse.open("wb") as handle:  # 65 MiB that take no disk space
        handle.truncate(65 * 1024 * 1024)
    cases.append((sparse, "larger than", False))
    # A device has no size: only reading it shows that it never ends.
    cases.append((Path("/dev/zero"), "larger than", False))
    unreadable = tmp_path / "unreadable.toml"
    unreadable.write_text(SMALL_PLAN, encoding="utf-8")
    unreadable.chmod(0)
    cases.append((unreadable, "cannot read", True))
    # A file name with an escape sequence, a line feed and a right-to-left override: the
    # error line shows them as visible escapes, and stays one line.
    hostile = tmp_path / "evil\x1b]52;c;SGVsbG8=\x07\nname\u202e.toml"
    hostile.write_bytes(b"\xff")
    for path, reason, unprivileged in cases:
        lines = assert_load_refused(path, loaded_db, tmp_path, unprivileged=unprivileged)
        assert reason in lines[0], lines
        tally["odd files"] += 1
    before = database_files(loaded_db)
    result = run_vpl("--lang", "en", "load", str(hostile), db=loaded_db, home=tmp_path)
    assert result.returncode == 2
    assert TRACEBACK not in result.stderr
    [line] = assert_one_line_errors(result.stderr, starts=(str(tmp_path),))
    assert "\x1b" not in line and "\u202e" not in line
    assert "\\x1b]52;c;SGVsbG8=\\x07\\nname\\u202e.toml: line 1: not UTF-8" in line
    assert database_files(loaded_db) == before
    tally["odd files"] += 1
    os.chmod(unreadable, 0o600)


# -- 4. what is accepted, the store holds exactly ----------------------------------------------

_ANY_TEXT = st.text(st.characters(codec="utf-8"), min_size=1, max_size=200)
_NOT_FREE_TEXT = {"ref", "id", "number", "period", "line", "funds", "goals", *CHOICE_KEYS}
"""Keys whose strings are codes or references, not free text."""


def _free_text(path: Path_) -> bool:
    keys = [part for part in path if isinstance(part, str)]
    return keys[-1] not in _NOT_FREE_TEXT and "columns" not in keys


@st.composite
def edited_plan(draw: st.DrawFn) -> bytes:
    """A plan whose free text is anything at all: controls, NUL, bidi, CR LF, emoji..."""
    base = BASES[draw(st.sampled_from([0, 0, 0, 1]))]
    data = copy_data(base.data)
    places = [path for path in base.strings if _free_text(path)]
    for path in draw(st.lists(st.sampled_from(places), min_size=1, max_size=12)):
        value_at(data, path[:-1])[path[-1]] = draw(_ANY_TEXT)
    return toml_bytes(data)


@settings(
    max_examples=80,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(raw=edited_plan())
def test_accepted_plan_files_load_and_export_exactly(
    raw: bytes, tmp_path_factory: pytest.TempPathFactory, tallies: dict[str, Counter[str]]
) -> None:
    """A plan file is either refused with clear lines, or the store holds all of it:
    export gives the same plan, and its TOML reads back as the same plan again."""
    tally = tallies.setdefault("accepted", Counter())
    try:
        plan = parse_plan(raw, NAME)
    except PlanFileError as error:
        for line in error.problems:
            assert_clear_line(line, NAME)
        tally["edited, refused"] += 1
        return
    path = tmp_path_factory.mktemp("accepted") / "plan.db"
    with Store.open(path) as store:
        store.replace_plan(plan, source=NAME)
        exported = store.export_plan()
        store.history()  # every stored time reads back
    assert plan_to_data(exported) == plan_to_data(plan)
    assert plan_to_data(parse_plan(dumps_plan(exported), NAME)) == plan_to_data(plan)
    tally["edited, accepted and round-tripped"] += 1
