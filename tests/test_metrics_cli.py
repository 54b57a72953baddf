"""`vpl outcome`, `vpl outcome import` and `vpl metrics` through the real entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vpl_tui.model import Plan
from vpl_tui.planfile import dumps_plan

KOLADA_PAGE = {
    "values": [
        {
            "kpi": "N00945",
            "municipality": "2580",
            "period": 2022,
            "values": [
                {"gender": "T", "status": "", "value": 44900},
                {"gender": "K", "status": "", "value": 21000.5},
                {"gender": "M", "status": "Missing", "value": None},
            ],
        },
        {"kpi": "N00945", "municipality": "0180", "period": 2022, "values": [{"value": 7}]},
        {"kpi": "N99999", "municipality": "2580", "period": 2022, "values": [{"value": 1}]},
    ]
}


@pytest.fixture
def with_kpi(run_vpl, tmp_path: Path, seed_plan: Plan) -> Path:  # noqa: ANN001
    """The bundled plan with Kolada's KPI id on the commuting metric, loaded."""
    text = dumps_plan(seed_plan).replace(
        'name = "Förvärvsarbetande dagbefolkning',
        'kolada_kpi = "N00945"\nname = "Förvärvsarbetande dagbefolkning',
    )
    plan = tmp_path / "plan.toml"
    plan.write_text(text, encoding="utf-8")
    assert run_vpl("load", str(plan)).returncode == 0
    return plan


def test_an_outcome_is_recorded_shown_judged_and_undone(run_vpl) -> None:  # noqa: ANN001
    said = run_vpl(
        "outcome", "accelererad-m1", "45 000", "--period", "t1", "--comment", "[bold]x\x1b[2J"
    )
    assert (said.returncode, said.stdout, said.stderr) == (
        0,
        "utfall för accelererad-m1 t1: 45 000 (version 1)\n",
        "",
    )
    stale = run_vpl(
        "outcome", "set", "accelererad-m1", "46 000", "--period", "t1", "--version", "0"
    )
    assert stale.returncode == 2 and stale.stdout == ""
    assert stale.stderr.count("\n") == 1 and "version 1" in stale.stderr
    shown = run_vpl("metrics", "--period", "t1")
    assert shown.returncode == 0
    assert "utfall 45 000 (t1) · före 44 418 (2021) · mål Öka · förbättras ↑" in shown.stdout
    data = json.loads(run_vpl("metrics", "--period", "t1", "--format", "json").stdout)
    line = next(m for m in data["metrics"] if m["id"] == "accelererad-m1")
    assert line["outcome"]["comment"] == "[bold]x\x1b[2J"  # JSON keeps the text as it is
    assert (line["judgement"], line["trend"], line["previous"]["year"]) == ("improving", "↑", 2021)
    hostile = run_vpl("outcome", "smart-m1", "[red]x\x1b[2J\u202e", "--year", "2022")
    assert hostile.stdout == "utfall för smart-m1 2022: [red]x\\x1b[2J\\u202e (version 1)\n"
    as_json = run_vpl("metrics", "--period", "ar", "--format", "json").stdout
    assert "\x1b" not in as_json and "\u202e" not in as_json and "\\u202e" in as_json
    english = run_vpl("--lang", "en", "outcome", "accelererad-m1", "--undo", "--period", "t1")
    assert english.stdout == "outcome of accelererad-m1 t1 undone: now none (version 2)\n"


def test_refused_outcomes_say_one_line_in_either_language(run_vpl, db_path: Path) -> None:  # noqa: ANN001
    assert run_vpl("metrics").returncode == 0  # seeded
    before = db_path.read_bytes()
    for args, said in (
        (("outcome", "nope", "1", "--year", "2022"), "vpl: inget mätetal nope (se vpl metrics)\n"),
        (("outcome", "smart-m1", "1"), "vpl: ange antingen --period eller --year\n"),
        (
            ("--lang", "en", "outcome", "smart-m1", "--year", "2022"),
            "vpl: give the outcome: vpl outcome METRIC VALUE --period P\n",
        ),
        (
            ("--lang", "en", "outcome", "smart-m1", " ", "--year", "2022"),
            "vpl: the outcome is empty\n",
        ),
    ):
        result = run_vpl(*args)
        assert (result.returncode, result.stdout, result.stderr) == (2, "", said), args
    assert db_path.read_bytes() == before


def test_kolada_outcomes_are_matched_by_kpi_and_municipality(run_vpl, with_kpi, tmp_path) -> None:  # noqa: ANN001
    page = tmp_path / "kolada.json"
    second = {
        "values": [
            {"kpi": "N00945", "municipality": "2580", "period": 2021, "values": [{"value": 44418}]}
        ]
    }
    page.write_text(json.dumps(KOLADA_PAGE) + "\n" + json.dumps(second), encoding="utf-8")
    result = run_vpl("outcome", "import", str(page))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"{page}: 3 utfall sparade (källa Kolada)"
    assert "  accelererad-m1 2022: 44 900" in lines and "  accelererad-m1 2022 K: 21 000,5" in lines
    assert any("en annan kommun än planens" in line for line in lines)
    assert any("inget värde (null eller Missing" in line for line in lines)
    assert any("N99999 2022" in line for line in lines)
    shown = run_vpl("metrics", "--period", "t1").stdout
    assert (
        "utfall 44 900 (2022) · före 44 418 (2021) · mål Öka · förbättras ↑ · Källa: Kolada"
        in shown
    )
    summary = run_vpl("summary", "--format", "markdown").stdout
    assert "44 900 (2022) (Källa: Kolada)" in summary
    html = run_vpl("summary", "--format", "html").stdout
    assert "Källa: Kolada" in html and "förbättras ↑" in html


def test_a_csv_of_outcomes_is_read_the_swedish_way(run_vpl, tmp_path) -> None:  # noqa: ANN001
    csv = tmp_path / "utfall.csv"
    csv.write_text(
        "år;mätetal;värde;kön\n2022;smart-m1;51,2\n2022;Klimat-M2;120;T\n", encoding="utf-8"
    )
    checked = run_vpl("outcome", "import", str(csv), "--check")
    assert checked.stdout.startswith(f"{csv}: 2 utfall skulle sparas; inget sparades (--check)")
    result = run_vpl("outcome", "import", str(csv))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1:] == ["  smart-m1 2022: 51,2", "  klimat-m2 2022: 120"]
    again = run_vpl("outcome", "import", str(csv))  # a second time: nothing new
    assert again.returncode == 0
    assert again.stdout.splitlines() == [
        f"{csv}: 0 utfall sparade (källa -)",
        "2 hoppades över: finns redan, med samma värde och källa (smart-m1 2022, Klimat-M2 2022)",
    ]
    shown = run_vpl("metrics", "--period", "ar").stdout
    assert "utfall 120 (2022) · före 134 (2022)" not in shown  # one year, one outcome
    assert "utfall 120 (2022) · mål Lägre än 134 · uppfyllt" in shown


@pytest.mark.parametrize(
    ("name", "content", "said"),
    [
        ("broken.json", b'{"values": [', "not JSON"),
        (
            "hostile.json",
            b'{"values": [{"kpi": "\\u001b[2J", "municipality": "2580", "period": 2022, "values": []}]}',
            "values[0].kpi",
        ),
        (
            "zero.json",
            b'{"values": [{"kpi": "N1", "municipality": "2580", "period": 2022, "values": [{"value": "1e9"}]}]}',
            "a number or null",
        ),
        (
            "half.csv",
            b"2022;smart-m1;51,2\n2022;smart-m1;[bold]x\x1b[31m\n",
            "is not a number",
        ),
        ("latin1.csv", "2022;smart-m1;51,2;K\n2022;å;1\n".encode("latin-1"), "not UTF-8"),
        ("nul.csv", b"2022;smart-m1;5\x00\n", "NUL"),
    ],
)
def test_a_broken_or_hostile_file_is_refused_whole_and_the_database_is_unchanged(
    run_vpl,
    db_path: Path,
    tmp_path: Path,
    name: str,
    content: bytes,
    said: str,  # noqa: ANN001
) -> None:
    assert run_vpl("metrics").returncode == 0
    before = db_path.read_bytes()
    bad = tmp_path / name
    bad.write_bytes(content)
    result = run_vpl("outcome", "import", str(bad))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and said in result.stderr
    assert "\x1b" not in result.stderr
    assert "inget sparades" in result.stderr
    assert db_path.read_bytes() == before


def test_a_file_matching_nothing_saves_nothing(run_vpl, db_path: Path, tmp_path: Path) -> None:  # noqa: ANN001
    assert run_vpl("metrics").returncode == 0
    before = db_path.read_bytes()
    other = tmp_path / "other.json"
    other.write_text(json.dumps(KOLADA_PAGE), encoding="utf-8")  # no metric has the KPI
    result = run_vpl("outcome", "import", str(other))
    assert result.returncode == 2
    assert result.stderr == f"vpl: {other}: inget utfall passar planens mätetal; inget sparades\n"
    assert db_path.read_bytes() == before


def test_the_board_report_shows_outcome_previous_and_source(run_vpl, with_kpi, tmp_path) -> None:  # noqa: ANN001
    page = tmp_path / "kolada.json"
    page.write_text(json.dumps(KOLADA_PAGE), encoding="utf-8")
    assert run_vpl("outcome", "import", str(page)).returncode == 0
    report = run_vpl("report", "--period", "t1")
    assert report.returncode == 0, report.stderr
    row = next(line for line in report.stdout.splitlines() if "44 900" in line)
    assert "44 418 (2021)" in row and "Kolada" in row and "Förbättras" in row


@given(
    st.decimals(
        allow_nan=False, allow_infinity=False, min_value=-(10**12), max_value=10**12, places=3
    )
)
def test_imported_figures_are_written_as_format_amount_writes_them(number) -> None:  # noqa: ANN001
    from vpl_tui.cli.metrics import _value
    from vpl_tui.numbers import format_amount

    assert _value(number) == format_amount(number)


def test_vpl_schema_documents_metric_ids_and_outcomes(run_vpl) -> None:  # noqa: ANN001
    schema = json.loads(run_vpl("schema").stdout)
    metric = schema["$defs"]["Metric"]["properties"]
    assert {"id", "unit", "kolada_kpi", "higher_is_better"} <= set(metric)
    assert "<owner>-m<n>" in metric["id"]["description"]
    assert "history" in schema["$defs"]["OutcomeEntry"]["properties"]
    assert "outcomes" in schema["properties"]
    assert "2580" in schema["$defs"]["PlanInfo"]["properties"]["municipality_code"]["description"]
