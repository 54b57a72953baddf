"""Metrics in the follow-up round: which lack an outcome for a period (the core's rule,
the store's SQL built from it, `vpl followup`), and "Källa: Kolada" in every report format."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pypdf
from test_metrics_cli import KOLADA_PAGE, with_kpi  # noqa: F401 (a fixture)

from vpl_tui.db.store import Store
from vpl_tui.rules.outcomes import Outcome, has_outcome_for, outcome_points
from vpl_tui.rules.periods import default_periods

T1, DELAR, AR = default_periods(2023)


# -- the rule --------------------------------------------------------------------------------


def test_an_outcome_for_a_period_is_the_periods_own_or_its_years() -> None:
    assert outcome_points(T1) == (("t1", None), (None, 2023))
    assert has_outcome_for([Outcome("m", "12", period="t1")], T1)
    assert has_outcome_for([Outcome("m", "12", year=2023)], T1)
    assert has_outcome_for([Outcome("m", "12", year=2023)], AR)
    # another period's, an earlier year's, one split by gender, or words-less: not this round's
    assert not has_outcome_for([Outcome("m", "12", period="delar")], T1)
    assert not has_outcome_for([Outcome("m", "12", year=2022)], T1)
    assert not has_outcome_for([Outcome("m", "12", period="t1", gender="K")], T1)
    assert not has_outcome_for([Outcome("m", " ", period="t1")], T1)
    assert not has_outcome_for([Outcome("m", "44 418")], T1)  # published without a year
    assert not has_outcome_for([], T1)


def test_the_stores_sql_follows_the_rule(store: Store) -> None:
    store.record_outcome("1.1.1-m1", "12", period="t1")
    store.record_outcome("klimat-m1", "3", year=2023)
    store.record_outcome("klimat-m2", "5", period="t1")
    store.undo_outcome("klimat-m2", period="t1")  # undone to nothing: none again
    infos = store.metric_infos()
    outcomes = store.outcomes_as_of(infos=infos)
    for period in (T1, DELAR, AR):
        by_rule = {i.id for i in infos if not has_outcome_for(outcomes.get(i.id, []), period)}
        found = store.metrics_without_outcome(period)
        assert {m.ident for lacking in found.values() for m in lacking} == by_rule
    lacking = store.metrics_without_outcome(T1)
    assert "1.1.1" not in lacking or "1.1.1-m1" not in {m.ident for m in lacking["1.1.1"]}
    assert [m.ident for m in lacking["klimat"]] == ["klimat-m2"]
    assert "klimat-m2" in {m.ident for m in store.metrics_without_outcome(DELAR)["klimat"]}


# -- vpl followup ----------------------------------------------------------------------------


def test_vpl_followup_counts_and_names_the_metrics_without_an_outcome(run_vpl) -> None:  # noqa: ANN001
    assert run_vpl("outcome", "klimat-m1", "3", "--year", "2023").returncode == 0
    text = run_vpl("followup", "--period", "t1", "--today", "2023-04-01")
    assert text.returncode == 0, text.stderr
    lines = text.stdout.splitlines()
    assert lines[2] == "Mätetal utan utfall för perioden: 13 av 14"
    at = lines.index("    klimat  ingen bedömning  – bedömning saknas, ej klarmarkerad")
    assert lines[at + 1] == "        utfall saknas: klimat-m2  Kommunranking i Aktuell hållbarhet"
    assert ": klimat-m1 " not in text.stdout
    data = json.loads(run_vpl("followup", "--period", "t1", "--format", "json").stdout)
    assert data["metrics"] == {"total": 14, "without_outcome": 13}
    klimat = next(t for t in data["targets"] if t["target"] == "klimat")
    assert klimat["metrics_without_outcome"] == ["klimat-m2"]
    english = run_vpl("--lang", "en", "followup", "--period", "t1").stdout
    assert "Metrics without an outcome for the period: 13 of 14" in english


def test_a_hostile_metric_name_is_shown_literally_by_vpl_followup(
    run_vpl,  # noqa: ANN001
    tmp_path: Path,
    seed_plan,  # noqa: ANN001
) -> None:
    from vpl_tui.planfile import dumps_plan

    hostile = "[bold]Röd[/bold] \x1b[31mfärg\x1b[0m"
    text = dumps_plan(seed_plan).replace(
        'name = "Kommunranking i Aktuell hållbarhet"', f"name = {json.dumps(hostile)}", 1
    )
    plan = tmp_path / "plan.toml"
    plan.write_text(text, encoding="utf-8")
    assert run_vpl("load", str(plan)).returncode == 0
    shown = run_vpl("followup", "--period", "t1").stdout
    assert "utfall saknas: klimat-m2  [bold]Röd[/bold]" in shown
    assert "\x1b" not in shown


# -- Källa: Kolada ---------------------------------------------------------------------------


def test_every_report_format_and_the_summary_say_kalla_kolada(
    run_vpl,  # noqa: ANN001
    with_kpi,  # noqa: ANN001, F811
    tmp_path: Path,
) -> None:
    page = tmp_path / "kolada.json"
    page.write_text(json.dumps(KOLADA_PAGE), encoding="utf-8")
    assert run_vpl("outcome", "import", str(page)).returncode == 0
    for lang in ("sv", "en"):
        for fmt in ("markdown", "html"):
            report = run_vpl("--lang", lang, "report", "--period", "t1", "--format", fmt)
            assert report.returncode == 0, report.stderr
            assert "Källa: Kolada" in report.stdout, (lang, fmt)
        summary = run_vpl("--lang", lang, "summary").stdout
        assert "Källa: Kolada" in summary
    out = tmp_path / "rapport.docx"
    assert run_vpl("report", "--period", "t1", "--format", "docx", "-o", str(out)).returncode == 0
    paragraphs = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "Källa: Kolada" in paragraphs
    pdf_file = tmp_path / "rapport.pdf"
    assert (
        run_vpl("report", "--period", "t1", "--format", "pdf", "-o", str(pdf_file)).returncode == 0
    )
    pdf = pypdf.PdfReader(io.BytesIO(pdf_file.read_bytes()))
    assert any("Källa: Kolada" in page.extract_text() for page in pdf.pages)


def test_no_kolada_figure_no_credit(run_vpl) -> None:  # noqa: ANN001
    assert run_vpl("outcome", "klimat-m1", "3", "--year", "2023").returncode == 0
    assert "Källa: Kolada" not in run_vpl("report", "--period", "t1").stdout
