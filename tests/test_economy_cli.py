"""`vpl forecast`, `vpl forecast import` and `vpl budget --period` through the real entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

GOOD_CSV = (
    "enhet;period;utfall;prognos;kommentar\n"
    "Kommundirektör;t1;3 000;9 038;\n"
    "personal;T1;12 500;40 000;Två nya tjänster\n"
    '"Service och Support";t1;"22 100";"−1 000";"Intäkt, engångs"\n'
)


def test_a_forecast_entered_shows_in_the_follow_up_table(run_vpl) -> None:
    saved = run_vpl(
        "forecast", "Personal", "--period", "t1", "--outcome", "12 500", "--forecast", "40 000"
    )
    assert saved.returncode == 0, saved.stderr
    assert "version 1" in saved.stdout
    table = run_vpl("budget", "--period", "t1")
    assert table.returncode == 0, table.stderr
    personal = next(line for line in table.stdout.splitlines() if line.startswith("Personal"))
    assert "38 859" in personal and "40 000" in personal and "−1 141" in personal
    assert "kommentar krävs" in personal  # 1 141 > 1 % of 38 859
    assert "✗ Varje väsentlig avvikelse har en kommentar – saknas: Personal" in table.stdout
    strict = run_vpl("budget", "--period", "t1", "--strict")
    assert strict.returncode == 1
    run_vpl("forecast", "personal", "--period", "Tertial 1", "--comment", "Två nya tjänster")
    data = json.loads(run_vpl("budget", "--period", "t1", "--format", "json").stdout)
    personal_data = next(u for u in data["units"] if u["unit"] == "Personal")
    assert personal_data == {
        "unit": "Personal",
        "budget": 38859,
        "outcome": 12500,
        "forecast": 40000,
        "deviation": -1141,
        "comment": "Två nya tjänster",
        "comment_required": True,
    }
    assert data["ok"] is True
    history = run_vpl("forecast", "Personal", "--period", "t1", "--history")
    assert history.stdout.splitlines()[0].endswith("Två nya tjänster")  # newest first
    undone = run_vpl("forecast", "Personal", "--period", "t1", "--undo")
    assert undone.returncode == 0 and "version 3" in undone.stdout
    stale = run_vpl("forecast", "Personal", "--period", "t1", "--forecast", "1", "--version", "1")
    assert stale.returncode == 2 and "version 3" in stale.stderr


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("Ingen", "--period", "t1", "--forecast", "1"), "ingen enhet Ingen"),
        (("Personal", "--period", "q7", "--forecast", "1"), "ingen period q7"),
        (("Personal", "--period", "t1", "--forecast", "1e9"), "--forecast: 1e9"),
        (("Personal", "--period", "t1", "--forecast", "4,5"), "--forecast: 4,5"),
        (("Personal", "--period", "t1"), "ange --outcome"),
    ],
)
def test_a_wrong_forecast_is_refused_in_one_line(run_vpl, db_path: Path, args, said) -> None:
    run_vpl("budget")  # the database, created
    before = db_path.read_bytes()
    result = run_vpl("forecast", *args)
    assert result.returncode == 2
    assert said in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert db_path.read_bytes() == before


def test_a_spreadsheet_export_is_imported_whole(run_vpl, tmp_path: Path) -> None:
    csv_file = tmp_path / "huvudbok.csv"
    csv_file.write_bytes(("\ufeff" + GOOD_CSV).encode())
    result = run_vpl("forecast", "import", str(csv_file))
    assert result.returncode == 0, result.stderr
    assert "3 prognoser importerade" in result.stdout
    data = json.loads(run_vpl("budget", "--period", "t1", "--format", "json").stdout)
    service = next(u for u in data["units"] if u["unit"] == "Service och Support")
    assert service["forecast"] == -1000 and service["comment"] == "Intäkt, engångs"
    comma = tmp_path / "comma.csv"
    comma.write_text('unit,period,outcome,forecast\nPersonal,t1,"13 000","39 500"\n', "utf-8")
    assert run_vpl("forecast", "import", str(comma)).returncode == 0
    again = json.loads(run_vpl("budget", "--period", "t1", "--format", "json").stdout)
    personal = next(u for u in again["units"] if u["unit"] == "Personal")
    assert personal["forecast"] == 39500 and personal["comment"] == "Två nya tjänster"


HOSTILE = {
    "unknown unit": GOOD_CSV + "Ingen sådan;t1;1;2;\n",
    "bad number": GOOD_CSV + "Personal;delar;1e999999999;2;\n",
    "decimals": GOOD_CSV + "Personal;delar;4,5;2;\n",
    "unknown period": GOOD_CSV + "Personal;q9;1;2;\n",
    "duplicate": GOOD_CSV + "PERSONAL;t1;1;2;\n",
    "fields": GOOD_CSV + "Personal;t1;1\n",
    "header": "a;b;c;d\n1;2;3;4\n",
    "markup": GOOD_CSV + "[bold]\x1b[31mX;t1;1;2;\n",
    "empty": "",
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_broken_csv_is_refused_whole(run_vpl, db_path: Path, tmp_path: Path, case: str) -> None:
    run_vpl("budget")
    before = db_path.read_bytes()
    csv_file = tmp_path / "broken.csv"
    csv_file.write_text(HOSTILE[case], "utf-8")
    result = run_vpl("forecast", "import", str(csv_file))
    assert result.returncode == 2, result.stdout
    assert "inget importerades" in result.stderr
    assert "\x1b" not in result.stderr
    assert db_path.read_bytes() == before
    if case not in ("header", "empty"):
        assert "broken.csv:5:" in result.stderr  # the line named


def test_binary_and_oversized_files_are_refused_before_reading(
    run_vpl, db_path: Path, tmp_path: Path
) -> None:
    run_vpl("budget")
    before = db_path.read_bytes()
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"unit;period;outcome;forecast\n\xff\xfe\x00\x00")
    large = tmp_path / "large.csv"
    with large.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)
    for path, said in ((binary, "UTF-8"), (large, "större än 20 MB")):
        result = run_vpl("forecast", "import", str(path))
        assert result.returncode == 2 and said in result.stderr
    assert db_path.read_bytes() == before
