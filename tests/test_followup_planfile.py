"""Follow-up rounds in the plan file: defaults, round trips byte for byte, bad ones refused."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from vpl_tui.db.bulk import read_plan_rows

FIXTURES = Path(__file__).parent / "fixtures"
BEFORE = FIXTURES / "bundled-before-followup.toml"
"""The bundled plan as `vpl export` wrote it before follow-up rounds existed."""

FOLLOWUP = """
[[periods]]
id = "t1"
name = "Tertial 1"
end = 2023-04-30
deadline = 2023-05-20

[[periods]]
id = "ar"
name = "Årsbokslut"
end = 2023-12-31
verdict = true

[scale]
actions_required = ["rod"]

[[scale.levels]]
code = "gron"
label_sv = "Grönt"
label_en = "Green"
forecast_sv = "Bedöms bli grönt"
forecast_en = "Expected green"
colour = "green"
symbol = "G"

[[scale.levels]]
code = "rod"
label_sv = "Rött"
label_en = "Red"
forecast_sv = "Bedöms bli rött"
forecast_en = "Expected red"
colour = "red"
symbol = "R"

[[assessments]]
target = "1.1.1"
period = "t1"

[[assessments.history]]
at = 2023-04-20T08:00:00Z
level = "rod"
analysis = "Svårt att rekrytera"
actions = "Fler annonser"
user = "anna"

[[assessments.history]]
at = 2023-04-21T08:00:00Z
level = ""
user = "anna"
undoes = 0

[[notes]]
ref = "1.1.1-1"
period = "t1"
history = [{ at = 2023-04-20T08:00:00Z, text = "Annonserat", user = "anna" }]

[[ready]]
target = "accelererad"
period = "ar"
history = [{ at = 2023-04-20T08:00:00Z, ready = true, user = "anna" }, { at = 2023-04-22T08:00:00Z, ready = false, user = "bo" }]
"""


def with_followup(tmp_path: Path, extra: str = FOLLOWUP, name: str = "plan.toml") -> Path:
    path = tmp_path / name
    path.write_text(BEFORE.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return path


def test_a_plan_file_from_before_loads_and_exports_unchanged(
    run_vpl: Callable[..., object], tmp_path: Path
) -> None:
    loaded = run_vpl("load", str(BEFORE))
    assert loaded.returncode == 0, loaded.stderr
    exported = run_vpl("export")
    assert exported.stdout == BEFORE.read_text(encoding="utf-8")
    periods = run_vpl("periods", "--format", "json")
    assert [p["id"] for p in json.loads(periods.stdout)] == ["t1", "delar", "ar"]


def test_periods_scale_and_histories_round_trip_byte_for_byte(
    run_vpl: Callable[..., object], tmp_path: Path
) -> None:
    plan = with_followup(tmp_path)
    assert run_vpl("load", str(plan)).returncode == 0
    first = run_vpl("export").stdout
    assert "Årsbokslut" in first and "undoes = 0" in first and "ready = false" in first
    again = tmp_path / "again.toml"
    again.write_text(first, encoding="utf-8")
    assert run_vpl("load", str(again)).returncode == 0
    assert run_vpl("export").stdout == first
    periods = json.loads(run_vpl("periods", "--format", "json", "--today", "2023-06-01").stdout)
    assert [(p["id"], p["current"]) for p in periods] == [("t1", False), ("ar", True)]
    shown = run_vpl("followup", "--period", "ÅRSBOKSLUT", "--format", "json").stdout
    assert json.loads(shown)["period"]["id"] == "ar"


def test_a_plan_file_read_in_parts_keeps_its_follow_up(tmp_path: Path) -> None:
    plan = with_followup(tmp_path)
    rows = read_plan_rows(plan, processes=2, min_chars=0)
    assert rows.followup is not None
    assert [p.id for p in rows.followup.periods] == ["t1", "ar"]
    assert rows.followup.assessments[0].history[1].undoes == 0


def test_bad_follow_up_is_refused_one_line_per_problem(
    run_vpl: Callable[..., object], tmp_path: Path
) -> None:
    bad = FOLLOWUP.replace("deadline = 2023-05-20", "deadline = 2023-04-01")
    bad = bad.replace('actions_required = ["rod"]', 'actions_required = ["lila"]')
    bad = bad.replace('target = "1.1.1"', 'target = "9.9"')
    bad = bad.replace('ref = "1.1.1-1"', 'ref = "nope-1"')
    bad = bad.replace('period = "ar"', 'period = "q3"')
    plan = with_followup(tmp_path, bad)
    refused = run_vpl("--lang", "en", "load", str(plan))
    assert refused.returncode == 2
    lines = refused.stderr.splitlines()
    assert any("periods[0].deadline: 2023-04-01 is before the end" in line for line in lines)
    assert any("'lila' is not a level of the scale" in line for line in lines)
    assert any("ready[0].period: no period q3" in line for line in lines)
    assert all(re.match(rf"{re.escape(str(plan))}(:\d+)?: ", line) for line in lines), lines
    # The references to goals and activities, once the rest is right:
    wrong_refs = FOLLOWUP.replace('target = "1.1.1"', 'target = "9.9"')
    wrong_refs = wrong_refs.replace('ref = "1.1.1-1"', 'ref = "nope-1"')
    plan = with_followup(tmp_path, wrong_refs, "refs.toml")
    refused = run_vpl("--lang", "en", "load", str(plan))
    assert refused.returncode == 2
    # Each line names the file and the line the entry is on (plan.toml:890: …).
    assert [re.sub(r":\d+: ", ": ", line, count=1) for line in refused.stderr.splitlines()] == [
        f"{plan}: assessments[0].target: no goal or initiative 9.9",
        f"{plan}: notes[0].ref: no activity nope-1",
    ]
    assert run_vpl("export").stdout == run_vpl("export").stdout  # the database untouched


def test_an_unknown_level_and_a_bad_undo_are_refused(
    run_vpl: Callable[..., object], tmp_path: Path
) -> None:
    bad = FOLLOWUP.replace('level = "rod"', 'level = "met"').replace("undoes = 0", "undoes = 1")
    refused = run_vpl("--lang", "en", "load", "--check", str(with_followup(tmp_path, bad)))
    assert refused.returncode == 2
    assert "assessments[0].history[0].level: 'met' is not a level of the scale" in refused.stderr
    assert "assessments[0].history[1].undoes: 1 is not an earlier entry" in refused.stderr


def test_the_schema_documents_the_follow_up(run_vpl: Callable[..., object]) -> None:
    schema = json.loads(run_vpl("schema").stdout)
    assert {"periods", "scale", "assessments", "notes", "ready"} <= set(schema["properties"])
    text = json.dumps(schema, ensure_ascii=False)
    assert "årsredovisning" in text and "åtgärder" in text
