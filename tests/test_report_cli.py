"""`vpl report` on a real database through the real entry point: frozen at the period's end."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pypdf

from tests.helpers.plans import activity, change, goal, initiative, plan_toml

PLAN = plan_toml(
    title="Verksamhetsplan 2023",
    goals=[
        goal(
            "1",
            "Attraktiv arbetsgivare",
            metrics=[{"name": "Antal sökande", "latest": "267", "targets": {"2023": "Högst 50"}}],
            activities=[
                activity(
                    "1-1",
                    "Klar i mars <script>alert(1)</script>",
                    end=__import__("datetime").date(2023, 3, 31),
                    status="done",
                    history=[
                        change(
                            "2023-03-20T10:00:00Z", "not_started", "done", "anna", note="Lanserat"
                        ),
                    ],
                ),
                activity(
                    "1-2",
                    "Klar i juni",
                    status="done",
                    history=[change("2023-06-10T10:00:00Z", "not_started", "done", "bo")],
                ),
            ],
            initiatives=[
                initiative("smart", "Smart stad", activities=[activity("smart-1", "Sensorer")])
            ],
        )
    ],
)


def loaded(run_vpl, tmp_path: Path) -> None:  # noqa: ANN001
    plan = tmp_path / "plan.toml"
    plan.write_text(PLAN, encoding="utf-8")
    assert run_vpl("load", str(plan)).returncode == 0


def test_the_report_shows_the_plan_as_it_stood_at_the_period_end(run_vpl, tmp_path: Path) -> None:  # noqa: ANN001
    loaded(run_vpl, tmp_path)
    t1 = run_vpl("report", "--period", "t1")
    assert t1.returncode == 0, t1.stderr
    text = t1.stdout
    assert "Tertial 1" in text and "2023-04-30" in text
    line_1 = next(
        line
        for line in text.splitlines()
        if line.startswith("| 1\\-1") or "1-1 " in line and "|" in line
    )
    assert "Klar" in line_1 and "Lanserat" in line_1
    line_2 = next(line for line in text.splitlines() if "Klar i juni" in line)
    assert "Ej påbörjad" in line_2, "done in June: not yet done at the end of April"
    assert "<script>" not in text, "plan text is escaped, never markup"
    assert "Ej bedömd" in text
    assert "Når inte målet" in text or "når inte målet" in text  # 267 against Högst 50
    delar = run_vpl("report", "--period", "Delårsrapport").stdout
    assert "Klar i juni" in delar and "Förändringar" in delar
    changes = delar[delar.index("## Förändringar") :].split("\n## ")[0]
    assert "1-2" in changes and "1-1" not in changes, "finished since Tertial 1: only 1-2"


def test_word_and_pdf_are_files_and_never_overwrite(run_vpl, tmp_path: Path) -> None:  # noqa: ANN001
    loaded(run_vpl, tmp_path)
    out = tmp_path / "rapport.docx"
    done = run_vpl("report", "--period", "t1", "--format", "docx", "-o", str(out))
    assert done.returncode == 0, done.stderr
    document = docx.Document(str(out))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert any("Attraktiv arbetsgivare" in h for h in headings)
    first = run_vpl("--lang", "en", "report", "--format", "pdf", "--period", "ar")
    second = run_vpl("--lang", "en", "report", "--format", "pdf", "--period", "ar")
    assert first.returncode == second.returncode == 0, first.stderr
    written = sorted(p.name for p in tmp_path.glob("*.pdf"))
    assert written == ["verksamhetsplan-2023-ar-2.pdf", "verksamhetsplan-2023-ar.pdf"]
    assert first.stderr.startswith("wrote ") and written[1] in first.stderr
    pdf = pypdf.PdfReader(io.BytesIO((tmp_path / written[1]).read_bytes()))
    assert "Årsredovisning" in pdf.pages[0].extract_text()


def test_an_unknown_period_is_one_line(run_vpl, tmp_path: Path) -> None:  # noqa: ANN001
    loaded(run_vpl, tmp_path)
    done = run_vpl("report", "--period", "q9")
    assert done.returncode == 2
    assert done.stderr == (
        "vpl: okänd period 'q9': välj t1 (Tertial 1), delar (Delårsrapport), ar (Årsredovisning)\n"
    )


def test_the_report_is_never_written_over_the_database(
    run_vpl, tmp_path: Path, db_path: Path
) -> None:  # noqa: ANN001
    loaded(run_vpl, tmp_path)
    before = db_path.read_bytes()
    done = run_vpl("report", "--format", "html", "-o", str(db_path))
    assert done.returncode == 2 and "databasen" in done.stderr
    assert db_path.read_bytes() == before


def test_assessments_made_after_the_period_show_and_freeze_at_the_ready_mark(
    run_vpl,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    loaded(run_vpl, tmp_path)
    assess = run_vpl("assess", "1", "--period", "t1", "delvis uppfyllt", "--analysis", "Halvvägs")
    assert assess.returncode == 0, assess.stderr
    draft = run_vpl("report", "--period", "t1").stdout
    assert "◐\u00a0Bedöms delvis uppfyllas" in draft, "the symbol kept with its word"
    assert "**Analys:** Halvvägs" in draft
    assert run_vpl("ready", "1", "--period", "t1").returncode == 0
    ready = run_vpl("report", "--period", "t1").stdout
    assert "senast markerades klar" in ready or "klarmark" in ready
    assert run_vpl("ready", "1", "--period", "t1", "--reopen").returncode == 0
    assert run_vpl("assess", "1", "--period", "t1", "met", "--analysis", "Klart").returncode == 0
    again = run_vpl("report", "--period", "t1").stdout
    assert "Halvvägs" in again, "reopened but not marked ready again: the ready-marked day stands"
