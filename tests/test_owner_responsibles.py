"""Who is responsible for a goal or an initiative, in `vpl summary` (text, Markdown, HTML,
JSON) and in the board report, through the real `vpl` entry point on a real database: shown
where one is named, escaped for each format, and nothing where none is."""

from __future__ import annotations

import json

from vpl_tui.db.store import Store

HOSTILE = "Anna <b>Berg</b> | *x*"


def name_owners(store: Store) -> None:
    store.edit_text("goal", "1.1.3", {"responsible": HOSTILE}, user="lead")
    store.edit_text("initiative", "smart", {"responsible": "Enhet Digital"}, user="lead")


def test_the_summary_names_the_responsible_of_goals_and_initiatives(run_vpl, store: Store) -> None:  # noqa: ANN001
    name_owners(store)
    text = run_vpl("summary").stdout
    assert f"    Ansvarig: {HOSTILE}" in text and "      Ansvarig: Enhet Digital" in text
    assert text.count("Ansvarig:") == 2  # the other goals name nobody
    markdown = run_vpl("summary", "--format", "markdown").stdout
    line = next(line for line in markdown.splitlines() if r"**1\.1.3**" in line)
    assert "Ansvarig: Anna" in line and "<b>" not in line and r"\|" in line, line
    assert "Ansvarig: Enhet Digital" in markdown
    page = run_vpl("summary", "--format", "html").stdout
    assert "Ansvarig: Anna &lt;b&gt;Berg&lt;/b&gt;" in page and "<b>Berg" not in page
    payload = json.loads(run_vpl("summary", "--format", "json").stdout)
    goals = {goal["number"]: goal for goal in payload["goals"]}
    assert (goals["1.1.3"]["responsible"], goals["1.1.1"]["responsible"]) == (HOSTILE, "")
    smart = [i for i in goals["1.1.4"]["initiatives"] if i["id"] == "smart"]
    assert smart[0]["responsible"] == "Enhet Digital"
    english = run_vpl("summary", env={"VPL_LANG": "en"}).stdout
    assert "Responsible: Enhet Digital" in english


def test_the_board_report_names_them_under_their_headings(run_vpl, store: Store) -> None:  # noqa: ANN001
    name_owners(store)
    report = run_vpl("report", "--period", "t1")
    assert report.returncode == 0, report.stderr
    lines = report.stdout.splitlines()
    heading = next(n for n, line in enumerate(lines) if line.startswith(r"### 1\.1.3 "))
    below = [line for line in lines[heading + 1 : heading + 6] if line.strip()]
    assert below[:1] == ["*KF-mål*"] and below[1].startswith("*Ansvarig: Anna"), below
    assert "<b>" not in below[1]
    assert sum("Ansvarig: Enhet Digital" in line for line in lines) == 1
    assert sum("Ansvarig:" in line for line in lines) == 2
