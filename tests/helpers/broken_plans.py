"""How a broken plan file is made: hypothesis strategies that break one of the two base
plans (`helpers.plan_bases`) in every way a hand-edited file can be broken, each with the
place its error must name. For tests/test_reliability_planfiles.py."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from helpers.plan_bases import (
    BASES,
    Base,
    copy_data,
    toml_bytes,
    value_at,
    with_value,
)
from vpl_tui.planfile import toml_path


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
    value = draw(st.sampled_from(wrong_types(value_at(base.data, path))))
    return Case("wrong type", toml_bytes(with_value(base.data, path, value)), toml_path(path))


@st.composite
def wrong_choice(draw: st.DrawFn, base: Base) -> Case:
    path, allowed = draw(st.sampled_from(base.choices))
    value = draw(st.text(max_size=30).filter(lambda text: text not in allowed))
    return Case("word not allowed", toml_bytes(with_value(base.data, path, value)), toml_path(path))


@st.composite
def missing_key(draw: st.DrawFn, base: Base) -> Case:
    path, required = draw(st.sampled_from([(p, keys) for p, keys in base.tables if keys]))
    key = draw(st.sampled_from(required))
    broken = with_value(base.data, (*path, key), delete=True)
    return Case("missing key", toml_bytes(broken), toml_path((*path, key)))


_KEY_TEXT = st.text(st.characters(codec="utf-8"), max_size=40)


@st.composite
def unknown_key(draw: st.DrawFn, base: Base) -> Case:
    path, _ = draw(st.sampled_from(base.tables))
    # No field of any model starts with "x_", so the key is unknown wherever it goes.
    key = "x_" + draw(_KEY_TEXT)
    value = draw(st.sampled_from(["text", 1, Decimal("2.5"), True, [1], {"a": 1}]))
    data = copy_data(base.data)
    value_at(data, path)[key] = value
    return Case("unknown key", toml_bytes(data), toml_path((*path, key)))


@st.composite
def huge_string(draw: st.DrawFn, base: Base) -> Case:
    path = draw(st.sampled_from(base.strings))
    letter = draw(st.sampled_from(["x", "å", "€", "\U0001f600"]))
    size = draw(st.integers(min_value=100_001, max_value=150_000))
    return Case(
        "huge string", toml_bytes(with_value(base.data, path, letter * size)), toml_path(path)
    )


@st.composite
def huge_key(draw: st.DrawFn, base: Base) -> Case:
    path, _ = draw(st.sampled_from(base.tables))
    key = "x_" + "k" * draw(st.integers(min_value=1_000, max_value=100_000))
    data = copy_data(base.data)
    value_at(data, path)[key] = 1
    return Case("huge string", toml_bytes(data), toml_path((*path, key)))


@st.composite
def end_before_start(draw: st.DrawFn, base: Base) -> Case:
    path = draw(st.sampled_from(base.activities))
    start = value_at(base.data, (*path, "start"))
    end = start - timedelta(days=draw(st.integers(min_value=1, max_value=3000)))
    return Case(
        "bad date",
        toml_bytes(with_value(base.data, (*path, "end"), end)),
        toml_path((*path, "end")),
    )


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
    return Case("bad date", toml_bytes(with_value(base.data, path, value)), toml_path(path))


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
    broken = with_value(base.data, second, value_at(base.data, first))
    return Case("duplicate", toml_bytes(broken), toml_path(second))


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
