"""`vpl summary` through the real entry point: its text on a pipe and a terminal, JSON,
Markdown and HTML, the language, and `vpl budget`'s colour on a terminal."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from helpers.cli import history_db_fixture, run_in_terminal, seeded_fixture  # noqa: F401
from helpers.imports import VPL

# -- summary --------------------------------------------------------------------------------------


def test_text_summary_of_the_bundled_plan_is_plain_when_piped(run_vpl, seeded: Path) -> None:
    run_vpl("set", "smart-1", "done")
    result = run_vpl("summary", "--as-of", "2023-06-30")
    assert result.returncode == 0
    text = result.stdout
    assert "\x1b" not in text
    assert (
        "Statusrapport: Luleå kommun · KS-Kommunstaben · Verksamhetsplan 2023 (2023-2025)" in text
    )
    assert "Per 2023-06-30" in text
    assert "Aktiviteter: 52" in text
    assert "Passerat slutdatum: 0" in text
    [smart] = [line for line in text.splitlines() if line.startswith("    Smart kommun ")]
    assert smart.endswith(" 0/4")  # set done today: not done yet at the end of June 2023
    now = run_vpl("summary").stdout
    [smart] = [line for line in now.splitlines() if line.startswith("    Smart kommun ")]
    assert smart.endswith(" 1/4")
    later = run_vpl("--lang", "en", "summary", "--as-of", "2024-01-01").stdout
    assert "Overdue: 52" in later
    assert re.search(r"^  1\.1\.1-1 +2023-12-31  Not started  Tillsammans med", later, re.M)
    # The dates stand in one column however long the refs are (some are 21 characters).
    dated = [line for line in later.splitlines() if re.search(r" 2023-\d\d-\d\d  ", line)]
    assert len(dated) == 52
    assert len({re.search(r"2023-\d\d-\d\d", line).start() for line in dated}) == 1


def test_json_summary_replays_history_to_the_end_of_the_day(run_vpl, history_db: Path) -> None:
    result = run_vpl("summary", "--format", "json", "--as-of", "2023-04-01", env={"TZ": "UTC"})
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["plan"]["title"] == "Uppföljningsplan"
    assert data["as_of"] == "2023-04-01"
    assert data["totals"] == {
        "activities": 3,
        "by_status": {
            "not_started": 1,
            "in_progress": 1,
            "done": 1,
            "delayed": 0,
            "cancelled": 0,
        },
        "overdue": 1,
    }
    [goal] = data["goals"]
    assert {k: goal[k] for k in ("number", "title", "activities", "done")} == {
        "number": "1",
        "title": "Attraktiv arbetsgivare",
        "activities": 3,
        "done": 1,
    }
    assert [{k: i[k] for k in ("title", "activities", "done")} for i in goal["initiatives"]] == [
        {"title": "Initiativet", "activities": 1, "done": 0}
    ]
    activities = {a["ref"]: a for a in data["activities"]}
    assert activities["b"] == {
        "ref": "b",
        "title": "Sen <b>utredning</b> & [bold]markup[/]",
        "kind": "investigation",
        "goal": "1",
        "initiative": None,
        "start": "2023-01-01",
        "end": "2023-03-31",
        "status": "not_started",
        "overdue": True,
    }
    assert (activities["a"]["status"], activities["a"]["overdue"]) == ("done", False)
    assert activities["c"]["initiative"] == "ini"
    [metric] = data["metrics"]
    assert {k: metric[k] for k in ("name", "goal", "initiative", "latest", "targets")} == {
        "name": "Sökande per annons",
        "goal": "1",
        "initiative": None,
        "latest": "11",
        "targets": {"2023": "Öka"},
    }

    before = json.loads(
        run_vpl("summary", "--format", "json", "--as-of", "2023-03-14", env={"TZ": "UTC"}).stdout
    )
    assert before["totals"]["by_status"]["in_progress"] == 2  # a was not done until 15 March
    assert before["totals"]["overdue"] == 0


def test_markdown_and_html_summaries_escape_plan_text(
    run_vpl, history_db: Path, tmp_path: Path
) -> None:
    markdown = run_vpl("--lang", "en", "summary", "--format", "markdown", "--as-of", "2023-04-01")
    assert markdown.returncode == 0
    assert markdown.stdout.startswith("# Status summary: Exempelby kommun")
    assert "| Done | 1 |" in markdown.stdout
    assert r"Sen \<b\>utredning\</b\> \& \[bold\]markup\[/\]" in markdown.stdout

    page = tmp_path / "rapport.html"
    html = run_vpl("summary", "--format", "html", "--as-of", "2023-04-01", "-o", str(page))
    assert (html.returncode, html.stdout, html.stderr) == (0, "", f"skrev {page}\n")
    text = page.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    assert '<html lang="sv">' in text and "@media print" in text
    assert "Sen &lt;b&gt;utredning&lt;/b&gt; &amp; [bold]markup[/]" in text
    assert "<b>utredning</b>" not in text


def test_vpl_lang_switches_the_interface_but_not_json_keys(run_vpl, history_db: Path) -> None:
    english = run_vpl("summary", "--as-of", "2023-04-01", env={"VPL_LANG": "en"})
    assert "Status summary: " in english.stdout and "Overdue: 1" in english.stdout
    data = json.loads(run_vpl("summary", "--format", "json", env={"VPL_LANG": "en"}).stdout)
    assert set(data["totals"]["by_status"]) == {
        "not_started",
        "in_progress",
        "done",
        "delayed",
        "cancelled",
    }
    assert {a["status"] for a in data["activities"]} == {"done", "not_started", "in_progress"}
    assert data["goals"][0]["kind"] == "council"


def test_text_summary_has_colour_on_a_terminal_unless_no_color(
    history_db: Path, tmp_path: Path
) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "VPL_LANG", "VPL_DB"}}
    env["HOME"] = str(tmp_path)
    args = [VPL, "--db", str(history_db), "summary", "--as-of", "2023-04-01"]
    assert "\x1b[" in run_in_terminal(args, env)
    assert "\x1b[" not in run_in_terminal(args, {**env, "NO_COLOR": "1"})


def test_budget_has_colour_on_a_terminal_unless_no_color(seeded: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "VPL_LANG", "VPL_DB"}}
    env["HOME"] = str(tmp_path)
    from decimal import Decimal

    from vpl_tui.db.store import Store

    with Store.open(seeded) as store:  # a discrepancy (2021's +1 tkr is rounding only)
        store.set_figure("operating", "grant", 2023, Decimal(279000), user="kontroller")
    args = [VPL, "--db", str(seeded), "budget"]
    coloured = run_in_terminal(args, env)
    assert "\x1b[" in coloured and "Avviker" in coloured
    plain = run_in_terminal(args, {**env, "NO_COLOR": "1"})
    assert "\x1b[" not in plain
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain
