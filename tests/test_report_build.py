"""`build_report`: what the board's report says, in the plan's order, with nothing invented."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from vpl_tui.report import build_report
from vpl_tui.report.build import level_counts
from vpl_tui.report.data import Economy, FocusGroup, GoalData, metric_row
from vpl_tui.report.document import BadgeLine, BulletList, Document, Heading, Paragraph, Table
from vpl_tui.report.sample import sample_data
from vpl_tui.rules.assessments import DEFAULT_SCALE, Level, Scale
from vpl_tui.rules.economy import FollowUpRow

MET, PARTLY, NOT_MET, NONE = DEFAULT_SCALE.levels


def _texts(document: Document) -> list[str]:
    """Every text of the document in reading order, table cells included."""
    out = [document.title, document.subtitle, *(f"{f.label}: {f.value}" for f in document.facts)]
    for block in document.blocks:
        if isinstance(block, Heading | Paragraph):
            out.append(block.text)
        elif isinstance(block, BulletList):
            out += block.items
        elif isinstance(block, BadgeLine):
            out.append(f"{block.label}: {block.badge.symbol} {block.badge.word}")
        elif isinstance(block, Table):
            out += [block.caption, *(c.title for c in block.columns)]
            out += [f"{cell.symbol} {cell.text}".strip() for row in block.rows for cell in row]
    return out


def _section(document: Document, title: str) -> list:
    """The blocks from the level-1 heading `title` to the next one."""
    blocks = list(document.blocks)
    start = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.text == title)
    end = next(
        (
            i
            for i, b in enumerate(blocks[start + 1 :], start + 1)
            if isinstance(b, Heading) and b.level == 1
        ),
        len(blocks),
    )
    return blocks[start + 1 : end]


def test_sections_come_in_the_plans_order() -> None:
    document = build_report(sample_data())
    headings = [(h.level, h.text) for h in document.headings()]
    assert [text for level, text in headings if level == 1] == [
        "Sammanfattning",
        "Förändringar",
        "Mål för kompetensförsörjningen",
        "Övriga mål",
        "Ekonomi",
    ]
    goals = [text.split()[0] for level, text in headings if level == 2]
    assert goals == ["1.1.1", "1.1.2", "1.1.3", "1.1.4"]
    assert [text for level, text in headings if level == 3] == [
        "Accelererad samhällsomställning",
        "Kompetensattraktion",
    ]


def test_title_block_names_period_kind_and_moment() -> None:
    document = build_report(sample_data())
    facts = {f.label: f.value for f in document.facts}
    assert document.title == "Verksamhetsplan 2023"
    assert document.subtitle == "Uppföljning – Tertial 1"
    assert facts["Organisation"] == "KS-Kommunstaben, Luleå kommun"
    assert facts["Period"] == "Tertial 1 (till och med 2023-04-30)"
    assert facts["Bedömningarna"] == "Prognos för helåret"
    assert facts["Upprättad"] == "2023-05-10"
    assert facts["Underlag"] == "Läget vid periodens slut, 2023-04-30"
    hostile = {f.label: f.value for f in build_report(sample_data(hostile=True)).facts}
    assert hostile["Underlag"] == "Läget när uppföljningen senast markerades klar, 2023-05-09 14:30"


def test_summary_counts_what_the_sections_show() -> None:
    summary = _section(build_report(sample_data()), "Sammanfattning")
    lists = [b.items for b in summary if isinstance(b, BulletList)]
    assert lists[0] == (
        "1 av 4 mål bedöms uppfyllas",
        "1 av 4 mål bedöms delvis uppfyllas",
        "1 av 4 mål bedöms inte uppfyllas",
        "1 av 4 mål är ej bedömt",
    )
    assert lists[1] == ("1 av 2 initiativ bedöms delvis uppfyllas", "1 av 2 initiativ är ej bedömt")
    assert "2 av 7 aktiviteter är försenade" in lists[2]
    assert "1 av 7 aktiviteter är klar" in lists[2]
    # 1.1.1-3 (ends 15 April, not started), accelererad-2 and nothing else are past their end
    # on 30 April; delayed 1.1.2-1 ends in June and is not.
    assert lists[2][-1] == "2 av 7 hade passerat sitt slutdatum utan att vara klara"
    assert lists[3] == (
        "2 av 8 mätetal förbättras",
        "1 av 8 mätetal är oförändrat",
        "1 av 8 mätetal försämras",
        "1 av 8 mätetal når inte målet",
        "3 av 8 mätetal kan inte bedömas",
    )


def test_the_years_verdict_uses_the_verdicts_words() -> None:
    document = build_report(sample_data(period_id="ar"))
    facts = {f.label: f.value for f in document.facts}
    assert facts["Bedömningarna"] == "Årets utfall"
    summary = _section(document, "Sammanfattning")
    assert "1 av 4 mål är uppfyllt" in next(b for b in summary if isinstance(b, BulletList)).items
    badges = [b.badge.word for b in document.blocks if isinstance(b, BadgeLine)]
    assert "Uppfyllt" in badges and "Bedöms uppfyllas" not in badges


def test_english_report() -> None:
    document = build_report(sample_data(), "en")
    assert document.subtitle == "Follow-up – Tertial 1"  # the period's name is plan text
    texts = _texts(document)
    assert "1 of 4 goals is expected to be met" in texts
    assert "Assessment: ● Expected to be met" in texts
    assert "No outcome" in texts


def test_nothing_is_invented() -> None:
    document = build_report(sample_data())
    goal_3 = _section_goal(document, "1.1.3")
    badge = next(b for b in goal_3 if isinstance(b, BadgeLine)).badge
    assert (badge.symbol, badge.word) == ("–", "Ej bedömd")
    assert Paragraph("Analys saknas.", "italic") in goal_3
    texts = _texts(document)
    assert "Utfall saknas" in texts  # "Genomförda aktiviteter" has no outcome
    # An outcome in words ("Tas fram") is shown as written and cannot be judged.
    assert "Tas fram" in texts and "– Kan inte bedömas" in texts


def _section_goal(document: Document, number: str) -> list:
    blocks = list(document.blocks)
    start = next(
        i
        for i, b in enumerate(blocks)
        if isinstance(b, Heading) and b.text.startswith(number + " ")
    )
    end = next(
        (
            i
            for i, b in enumerate(blocks[start + 1 :], start + 1)
            if isinstance(b, Heading) and b.level <= 2
        ),
        len(blocks),
    )
    return blocks[start + 1 : end]


def test_goal_shows_assessment_analysis_actions_metrics_activities() -> None:
    goal = _section_goal(build_report(sample_data()), "1.1.2")
    kinds = [type(b).__name__ for b in goal]
    assert kinds == ["Paragraph", "BadgeLine", "Paragraph", "Paragraph", "Table", "Table"]
    assert goal[0].text == "KF-mål"
    assert (goal[1].badge.symbol, goal[1].badge.word, goal[1].badge.colour) == (
        "○",
        "Bedöms inte uppfyllas",
        "red",
    )
    assert (goal[2].lead, goal[3].lead) == ("Analys", "Åtgärder")
    metrics, activities = goal[4], goal[5]
    assert [c.title for c in metrics.columns] == [
        "Mätetal",
        "Utfall",
        "Föregående",
        "Mål",
        "Bedömning",
    ]
    assert [c.text for c in metrics.rows[0]] == [
        "Sjukfrånvaro, procent",
        "8,4 %",
        "7,9 %",
        "Högst 7",
        "Ej uppfyllt",
    ]
    assert metrics.rows[0][4].symbol == "✗"
    statuses = [(row[0].text, row[2].text) for row in activities.rows]
    assert statuses == [("1.1.2-1", "Försenad"), ("1.1.2-2", "Avbruten")]


def test_missing_actions_are_named_where_the_scale_requires_them() -> None:
    data = sample_data()
    focus = data.groups[0]
    goal = replace(focus.goals[1], actions="")  # not met: actions are required
    data = replace(data, groups=(replace(focus, goals=(goal,)),))
    blocks = _section_goal(build_report(data), "1.1.2")
    assert Paragraph("Åtgärder saknas, fast bedömningen kräver dem.", "italic") in blocks


def test_trend_arrows_and_source() -> None:
    document = build_report(sample_data())
    tables = [b for b in document.blocks if isinstance(b, Table) and b.caption == "Mätetal"]
    kolada = next(t for t in tables if any(c.title == "Källa" for c in t.columns))
    row = kolada.rows[0]
    assert (row[4].symbol, row[4].text, row[5].text) == ("↑", "Förbättras", "Kolada")
    assert metric_row("x", "5", previous="7", target="Öka").judgement == "worsening"
    assert metric_row("x", "5", previous="5", target="Minska").judgement == "unchanged"
    assert metric_row("x", None, target="Öka").judgement == "no_outcome"


def test_overdue_activities_are_marked_and_explained() -> None:
    goal = _section_goal(build_report(sample_data()), "1.1.1")
    activities = next(b for b in goal if isinstance(b, Table) and b.caption == "Aktiviteter")
    ends = {row[0].text: (row[3].symbol, row[3].text) for row in activities.rows}
    assert ends["1.1.1-3"] == ("!", "2023-04-15")
    assert ends["1.1.1-2"] == ("", "2023-03-31")  # done: never overdue
    assert any(isinstance(b, Paragraph) and b.text.startswith("! = ") for b in goal)
    assert [c.title for c in activities.columns][-1] == "Ansvarig"


def test_changes_since_the_previous_period() -> None:
    first = _section(build_report(sample_data()), "Förändringar")
    assert first == [
        Paragraph("Detta är årets första uppföljning: det finns ingen tidigare att jämföra med.")
    ]
    changes = _section(build_report(sample_data(period_id="delar")), "Förändringar sedan Tertial 1")
    moved, finished, delayed = (b for b in changes if isinstance(b, Table))
    assert [(c.symbol, c.text) for c in moved.rows[0][1:]] == [
        ("◐", "Bedöms delvis uppfyllas"),
        ("○", "Bedöms inte uppfyllas"),
    ]
    assert finished.rows[0][0].text == "1.1.1-2"
    assert delayed.caption == "Aktiviteter som blivit försenade"


def test_economy_flags_material_deviations_without_comment() -> None:
    economy = _section(build_report(sample_data()), "Ekonomi")
    findings, followup = (b for b in economy if isinstance(b, Table))
    assert [(r[0].symbol, r[0].text) for r in findings.rows] == [
        ("✓", "Stämmer"),
        ("✗", "Avviker"),
        ("?", "Kan ej kontrolleras"),
    ]
    rows = {r[0].text: r for r in followup.rows}
    assert [c.text for c in rows["Kommunstaben"]] == [
        "Kommunstaben",
        "279 191",
        "90 500",
        "281 000",
        "−1 809",
        "Ökade lokalkostnader",
    ]
    assert rows["Kommunstaben"][4].symbol == ""  # 0,6 % of the budget: not material
    assert (rows["Kundcenter"][4].symbol, rows["Kundcenter"][5].text) == ("!", "Kommentar saknas")
    assert [c.text for c in rows["Näringsliv"][1:5]] == ["8 000", "saknas", "saknas", ""]
    assert isinstance(economy[-1], Paragraph) and "över 1 % av budgeten" in economy[-1].text
    none = replace(sample_data(), economy=None)
    assert _section(build_report(none), "Ekonomi") == [
        Paragraph("Planen har ingen ekonomisk uppföljning för perioden.")
    ]
    empty = replace(
        sample_data(), economy=Economy(rows=(FollowUpRow("A", Decimal(1), None, None),))
    )
    assert Paragraph("Inga avstämningar.") in _section(build_report(empty), "Ekonomi")


def test_goals_outside_focus_lists_only() -> None:
    data = replace(sample_data(), groups=(FocusGroup(None, (GoalData("1", "Ett mål"),)),))
    assert [h.text for h in build_report(data).headings(1)][2] == "Mål"


def test_a_plans_own_scale() -> None:
    green = Level("gron", "Grönt", "Green", "Grönt", "Green", "#00aa00", "G")
    red = Level("rod", "Rött", "Red", "Rött", "Red", "#aa0000", "R")
    scale = Scale((green, red))  # no unassessed level of its own
    counts = level_counts(scale, [green, None, red, green])
    assert counts == [(green, 2), (red, 1), (None, 1)]
    goals = (GoalData("1", "A", assessment=green), GoalData("2", "B"))
    data = replace(sample_data(), scale=scale, groups=(FocusGroup(None, goals),))
    summary = _section(build_report(data), "Sammanfattning")
    assert next(b for b in summary if isinstance(b, BulletList)).items == (
        "Grönt: 1 av 2 mål",
        "1 av 2 mål är ej bedömt",
    )


def test_large_data_builds() -> None:
    from vpl_tui.report.sample import large_data

    document = build_report(large_data(goals=30, activities=4))
    assert len(document.headings(2)) == 4 + 30  # four main sections, thirty goals
    tables = [b for b in document.blocks if isinstance(b, Table) and b.caption == "Aktiviteter"]
    assert sum(len(t.rows) for t in tables) == 30 * 4
