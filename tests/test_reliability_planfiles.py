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
import tomllib
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
import tomli_w
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
from pydantic import BaseModel

from vpl_tui.cli import BUNDLED_PLAN
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

Path_ = tuple[str | int, ...]

# -- the two valid plans every broken file starts from -----------------------------------


@dataclass(frozen=True)
class Base:
    """A valid plan as TOML text and as data, with the places a mutation can aim at."""

    name: str
    text: str
    data: dict[str, Any]
    paths: list[Path_]
    """Every value below the root: tables, arrays and leaves."""
    strings: list[Path_]
    dates: list[Path_]
    datetimes: list[Path_]
    tables: list[tuple[Path_, list[str]]]
    """Every table that is a model, with the keys it requires."""
    activities: list[Path_]
    choices: list[tuple[Path_, tuple[str, ...]]]
    """Leaves that must be one of a few words (status, kind, ...), with those words."""
    identifiers: list[tuple[str, list[Path_]]]
    """Kinds of identifier that must be unique, with where each occurs."""

    def __repr__(self) -> str:
        return f"Base({self.name!r})"


_CHOICE_KEYS = {
    "status": ("not_started", "in_progress", "done", "delayed", "cancelled"),
    "from": ("not_started", "in_progress", "done", "delayed", "cancelled"),
    "to": ("not_started", "in_progress", "done", "delayed", "cancelled"),
    "kind": ("activity", "investigation", "council", "board"),
    "table": ("operating", "units", "investments", "pot"),
    "unit": ("tkr",),
    "currency_unit": ("tkr",),
}


def _walk(value: Any, model: Any, path: Path_) -> Iterator[tuple[Path_, Any, Any]]:
    """(path, data value, model value) for everything below `path`, depth first."""
    if isinstance(value, dict):
        aliases = {}
        if isinstance(model, BaseModel):
            aliases = {(f.alias or n): n for n, f in type(model).model_fields.items()}
        for key, sub in value.items():
            if isinstance(model, BaseModel):
                child = getattr(model, aliases[key])
            elif isinstance(model, dict):
                child = model.get(key)
            else:
                child = None
            yield (*path, key), sub, child
            yield from _walk(sub, child, (*path, key))
    elif isinstance(value, list):
        for index, sub in enumerate(value):
            child = model[index] if isinstance(model, list) else None
            yield (*path, index), sub, child
            yield from _walk(sub, child, (*path, index))


def make_base(name: str, text: str) -> Base:
    data = tomllib.loads(text, parse_float=Decimal)
    plan = Plan.model_validate(data, strict=True)
    paths, strings, dates, datetimes, activities, choices = [], [], [], [], [], []
    tables: list[tuple[Path_, list[str]]] = [((), ["plan", "goals"])]
    ids: dict[str, list[Path_]] = {"ref": [], "initiative": [], "goal": [], "allocation": []}
    for path, value, model in _walk(data, plan, ()):
        paths.append(path)
        last = path[-1]
        if isinstance(model, BaseModel):
            required = [
                f.alias or n for n, f in type(model).model_fields.items() if f.is_required()
            ]
            tables.append((path, [key for key in required if key in value]))
            if type(model).__name__ == "Activity":
                activities.append(path)
        if isinstance(value, str):
            strings.append(path)
            if last in _CHOICE_KEYS:
                choices.append((path, _CHOICE_KEYS[last]))
            elif len(path) > 1 and path[-2] == "columns":
                choices.append((path, ("actual", "forecast", "budget")))
        if isinstance(value, datetime):
            datetimes.append(path)
        elif isinstance(value, date):
            dates.append(path)
        if last == "ref":
            ids["ref"].append(path)
        elif last == "id" and "initiatives" in path:
            ids["initiative"].append(path)
        elif last == "id" and "allocations" in path:
            ids["allocation"].append(path)
        elif last == "number" and path[0] == "goals" and len(path) == 3:
            ids["goal"].append(path)
    identifiers = [(kind, where) for kind, where in ids.items() if len(where) >= 2]
    return Base(
        name=name,
        text=text,
        data=data,
        paths=paths,
        strings=strings,
        dates=dates,
        datetimes=datetimes,
        tables=tables,
        activities=activities,
        choices=choices,
        identifiers=identifiers,
    )


BUNDLED_TEXT = files("vpl_tui.seed").joinpath(BUNDLED_PLAN).read_text(encoding="utf-8")
BASES = (make_base("small", SMALL_PLAN), make_base("bundled", BUNDLED_TEXT))


# -- how a broken file is made -------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One broken plan file and what its error must name."""

    kind: str
    raw: bytes
    place: str | None
    """The TOML path or `line N` an error line must start with; None: any clear line."""

    def __repr__(self) -> str:
        raw = self.raw if len(self.raw) <= 300 else self.raw[:150] + b"..." + self.raw[-150:]
        return f"Case({self.kind!r}, {len(self.raw)} bytes, place={self.place!r}, raw={raw!r})"


def _get(data: Any, path: Path_) -> Any:
    for part in path:
        data = data[part]
    return data


def _copy(data: Any) -> Any:
    # Cheaper than deepcopy for TOML data: only containers need copying.
    if isinstance(data, dict):
        return {key: _copy(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_copy(value) for value in data]
    return data


def _with(data: dict[str, Any], path: Path_, value: Any = None, *, delete: bool = False) -> Any:
    copy = _copy(data)
    parent = _get(copy, path[:-1])
    if delete:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return copy


def _dump(data: dict[str, Any]) -> bytes:
    return tomli_w.dumps(data).encode("utf-8")


def wrong_types(value: Any) -> list[Any]:
    """Values of a type the model can never accept where `value` stands."""
    day = date(2023, 1, 1)
    if isinstance(value, bool):
        return ["ja", 1, [], {}]
    if isinstance(value, str):
        return [7, True, Decimal("1.5"), day, [], {}, ["x"]]
    if isinstance(value, int):
        return ["7", True, day, [], {}, Decimal("NaN"), Decimal("Infinity")]
    if isinstance(value, Decimal):
        return ["7", True, day, [], {}, Decimal("NaN"), Decimal("-Infinity")]
    if isinstance(value, datetime):
        return ["2023-01-01T00:00:00Z", day, 20230101, [], {}]
    if isinstance(value, date):
        return ["2023-01-01", 20230101, [], {}]
    if isinstance(value, list):
        return ["x", 1, {}, [1]]
    if isinstance(value, dict):
        return ["x", 1, [1]]
    raise AssertionError(f"unexpected value {value!r}")


_LIMITS = {"ref": 64, "id": 64, "number": 32, "period": 100, "user": 200, "municipality": 200}


@st.composite
def wrong_type(draw: st.DrawFn, base: Base) -> Case:
    path = draw(st.sampled_from(base.paths))
    value = draw(st.sampled_from(wrong_types(_get(base.data, path))))
    return Case("wrong type", _dump(_with(base.data, path, value)), toml_path(path))


@st.composite
def wrong_choice(draw: st.DrawFn, base: Base) -> Case:
    path, allowed = draw(st.sampled_from(base.choices))
    value = draw(st.text(max_size=30).filter(lambda text: text not in allowed))
    return Case("word not allowed", _dump(_with(base.data, path, value)), toml_path(path))


@st.composite
def missing_key(draw: st.DrawFn, base: Base) -> Case:
    path, required = draw(st.sampled_from([(p, keys) for p, keys in base.tables if keys]))
    key = draw(st.sampled_from(required))
    broken = _with(base.data, (*path, key), delete=True)
    return Case("missing key", _dump(broken), toml_path((*path, key)))


_KEY_TEXT = st.text(st.characters(codec="utf-8"), max_size=40)


@st.composite
def unknown_key(draw: st.DrawFn, base: Base) -> Case:
    path, _ = draw(st.sampled_from(base.tables))
    # No field of any model starts with "x_", so the key is unknown wherever it goes.
    key = "x_" + draw(_KEY_TEXT)
    value = draw(st.sampled_from(["text", 1, Decimal("2.5"), True, [1], {"a": 1}]))
    data = _copy(base.data)
    _get(data, path)[key] = value
    return Case("unknown key", _dump(data), toml_path((*path, key)))


@st.composite
def huge_string(draw: st.DrawFn, base: Base) -> Case:
    path = draw(st.sampled_from(base.strings))
    letter = draw(st.sampled_from(["x", "å", "€", "\U0001f600"]))
    size = draw(st.integers(min_value=100_001, max_value=150_000))
    return Case("huge string", _dump(_with(base.data, path, letter * size)), toml_path(path))


@st.composite
def huge_key(draw: st.DrawFn, base: Base) -> Case:
    path, _ = draw(st.sampled_from(base.tables))
    key = "x_" + "k" * draw(st.integers(min_value=1_000, max_value=100_000))
    data = _copy(base.data)
    _get(data, path)[key] = 1
    return Case("huge string", _dump(data), toml_path((*path, key)))


@st.composite
def end_before_start(draw: st.DrawFn, base: Base) -> Case:
    path = draw(st.sampled_from(base.activities))
    start = _get(base.data, (*path, "start"))
    end = start - timedelta(days=draw(st.integers(min_value=1, max_value=3000)))
    return Case("bad date", _dump(_with(base.data, (*path, "end"), end)), toml_path((*path, "end")))


# TOML offsets are whole minutes.
_ZONES = st.integers(min_value=-23 * 60, max_value=23 * 60).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)


@st.composite
def bad_datetime(draw: st.DrawFn, base: Base) -> Case:
    path = draw(st.sampled_from(base.datetimes))
    value = draw(
        st.one_of(
            st.datetimes(timezones=st.none()),  # no time zone
            st.datetimes(max_value=datetime(1899, 12, 30), timezones=_ZONES),
            st.datetimes(min_value=datetime(2201, 1, 2), timezones=_ZONES),
            st.sampled_from(
                [
                    datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=1))),
                    datetime(9999, 12, 31, 23, 59, tzinfo=timezone(timedelta(hours=-1))),
                ]
            ),
        )
    )
    return Case("bad date", _dump(_with(base.data, path, value)), toml_path(path))


_DATE_LINE = re.compile(r"^(start|end|at) = \d{4}-\d{2}-\d{2}\S*$")


@st.composite
def bad_date_text(draw: st.DrawFn, base: Base) -> Case:
    lines = base.text.split("\n")
    candidates = [i for i, line in enumerate(lines) if _DATE_LINE.match(line)]
    index = draw(st.sampled_from(candidates))
    key = lines[index].split(" = ")[0]
    value = draw(
        st.sampled_from(
            [
                "2023-02-30",
                "2023-13-01",
                "2023-00-10",
                "2023-04-31",
                "2022-02-29",
                "0000-01-01",
                "2023-1-1",
                "2023-01-01T25:00:00Z",
                "2023-01-01T10:61:00Z",
                "2023-01-01T10:00:00+25:00",
                "2023-01-01 junk",
            ]
        )
    )
    lines[index] = f"{key} = {value}"
    return Case("bad date", "\n".join(lines).encode(), f"line {index + 1}")


@st.composite
def duplicate(draw: st.DrawFn, base: Base) -> Case:
    _, where = draw(st.sampled_from(base.identifiers))
    first, second = draw(
        st.lists(st.sampled_from(where), min_size=2, max_size=2, unique=True).map(sorted)
    )
    broken = _with(base.data, second, _get(base.data, first))
    return Case("duplicate", _dump(broken), toml_path(second))


_BAD_UTF8 = [b"\xff", b"\xfe", b"\xc3(", b"\x80", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xe2\x82"]


@st.composite
def invalid_utf8(draw: st.DrawFn, base: Base) -> Case:
    lines = base.text.split("\n")
    index = draw(st.integers(min_value=0, max_value=len(lines) - 1))
    line = lines[index]
    cut = draw(st.integers(min_value=0, max_value=len(line)))
    bad = draw(st.sampled_from(_BAD_UTF8))
    raw = (
        "\n".join(lines[:index] + [line[:cut]]).encode()
        + bad
        + "\n".join([line[cut:]] + lines[index + 1 :]).encode()
    )
    return Case("invalid UTF-8", raw, f"line {index + 1}")


@st.composite
def deep_nesting(draw: st.DrawFn, base: Base) -> Case:
    depth = draw(st.integers(min_value=1, max_value=100_000))
    opener, closer, inner = draw(
        st.sampled_from([("[", "]", "1"), ("{ a = ", " }", "1"), ("[{ a = ", " }]", "[]")])
    )
    line = f"x_deep = {opener * depth}{inner}{closer * depth}\n"
    # At the top of the file the key lands at the top level of the plan.
    return Case("deep nesting", line.encode() + base.text.encode(), None)


@st.composite
def deep_tables(draw: st.DrawFn, base: Base) -> Case:
    depth = draw(st.integers(min_value=1, max_value=20_000))
    header = "[" + ".".join(["x_deep"] * depth) + "]\na = 1\n"
    return Case("deep nesting", base.text.encode() + b"\n" + header.encode(), "x_deep")


_JUNK = [
    "= 1",
    "x =",
    "x = [1,",
    "[[",
    "[]",
    'x = "open',
    "x = 1 2",
    "x = 0x",
    "x = 1__0",
    'x = """',
    "x = {a = 1,,}",  # (one trailing comma is TOML 1.1, which vpl reads)
    "[plan]",
    "[[plan]]",
    "x = \x01",
    'x = "\x1b[31m"',
]


@st.composite
def toml_syntax(draw: st.DrawFn, base: Base) -> Case:
    lines = base.text.split("\n")
    # Before a table header: never inside a multi-line string, so the line is TOML.
    headers = [i for i, line in enumerate(lines) if line.startswith("[")]
    index = draw(st.sampled_from(headers))
    junk = draw(st.sampled_from(_JUNK))
    broken = lines[:index] + [junk] + lines[index:]
    return Case("TOML syntax", "\n".join(broken).encode(), "line ")


@st.composite
def duplicate_key(draw: st.DrawFn, base: Base) -> Case:
    lines = base.text.split("\n")
    simple = [i for i, line in enumerate(lines) if re.match(r"^[a-z_]+ = [^\"\[{]", line)]
    index = draw(st.sampled_from(simple))
    broken = lines[: index + 1] + [lines[index]] + lines[index + 1 :]
    return Case("TOML syntax", "\n".join(broken).encode(), f"line {index + 2}")


def random_bytes() -> st.SearchStrategy[Case]:
    return st.binary(max_size=4096).map(lambda raw: Case("random bytes", raw, None))


def random_text() -> st.SearchStrategy[Case]:
    return st.text(max_size=2000).map(
        lambda text: Case("random text", text.encode("utf-8", "surrogatepass"), None)
    )


def broken_files() -> st.SearchStrategy[Case]:
    """Every kind of broken plan file, from either base plan."""

    def from_base(base: Base) -> st.SearchStrategy[Case]:
        by_date = [bad_datetime(base)] if base.datetimes else []
        return st.one_of(
            *by_date,
            # The commonest mistakes in a hand-edited file get three shares each.
            wrong_type(base),
            wrong_type(base),
            wrong_type(base),
            missing_key(base),
            missing_key(base),
            missing_key(base),
            unknown_key(base),
            unknown_key(base),
            unknown_key(base),
            wrong_choice(base),
            huge_string(base),
            huge_key(base),
            end_before_start(base),
            bad_date_text(base),
            duplicate(base),
            invalid_utf8(base),
            deep_nesting(base),
            deep_tables(base),
            toml_syntax(base),
            duplicate_key(base),
            random_bytes(),
            random_text(),
        )

    return st.sampled_from(BASES).flatmap(from_base)


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


def assert_clear_line(line: str, name: str) -> None:
    assert line.startswith(f"{name}: "), line
    assert len(line) > len(name) + 2, line
    assert is_clean(line), f"control characters in {line!r}"
    assert len(line) <= MAX_LINE, f"{len(line)} characters: {line[:200]!r}..."


def _names(line: str, name: str, place: str) -> bool:
    rest = line[len(name) + 2 :]
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
    parent = _get(data, path[:-1])
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
        choices = wrong_types(_get(base.data, path))
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
        start = _get(base.data, (*path, "start"))
        end = (*path, "end")
        yield "bad date", end, start - timedelta(days=1), toml_path(end)
    for _, where in base.identifiers:
        for first, second in zip(where, where[1:], strict=False):
            yield "duplicate", second, _get(base.data, first), toml_path(second)


def test_bundled_plan_broken_one_field_at_a_time(tally: Counter[str]) -> None:
    """Each mutation is checked as data (what `parse_plan` validates after reading the
    TOML) and, every 25th, as a TOML file through `parse_plan` itself."""
    data = _copy(BASES[1].data)
    for number, (kind, path, value, place) in enumerate(bundled_mutations()):
        with changed(data, path, value):
            with pytest.raises(PlanFileError) as refused:
                validate_plan(data, NAME)
            lines = refused.value.problems
            for line in lines:
                assert_clear_line(line, NAME)
            assert any(_names(line, NAME, place) for line in lines), (kind, place, lines)
            if number % 25 == 0:
                assert_refused(Case(kind, _dump(data), place))
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
    result = run_vpl("load", str(path), db=db, home=home, unprivileged=unprivileged)
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert TRACEBACK not in result.stderr
    assert result.stdout == ""
    shown = str(path)
    lines = assert_one_line_errors(result.stderr, starts=(f"{shown}: ",), max_lines=60)
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
    result = run_vpl("load", str(hostile), db=loaded_db, home=tmp_path)
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
_NOT_FREE_TEXT = {"ref", "id", "number", "period", "line", "funds", "goals", *_CHOICE_KEYS}
"""Keys whose strings are codes or references, not free text."""


def _free_text(path: Path_) -> bool:
    keys = [part for part in path if isinstance(part, str)]
    return keys[-1] not in _NOT_FREE_TEXT and "columns" not in keys


@st.composite
def edited_plan(draw: st.DrawFn) -> bytes:
    """A plan whose free text is anything at all: controls, NUL, bidi, CR LF, emoji..."""
    base = BASES[draw(st.sampled_from([0, 0, 0, 1]))]
    data = _copy(base.data)
    places = [path for path in base.strings if _free_text(path)]
    for path in draw(st.lists(st.sampled_from(places), min_size=1, max_size=12)):
        _get(data, path[:-1])[path[-1]] = draw(_ANY_TEXT)
    return _dump(data)


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
