"""Sample report data shaped like the bundled Luleå plan: for the tests, the docs and the bench.

`sample_data()` is a Tertial 1 follow-up of part of KS-Kommunstaben's plan for 2023: the
focus list on skills supply with its goals, a goal with strategic initiatives, metrics with
and without outcomes, activities in every status, an economy section. With `hostile=True`
some plan texts are the kind that breaks a careless renderer: markup, links, e-mail
addresses, field codes, terminal escapes, NUL and a right-to-left override.

`large_data(goals, activities)` repeats the shape at scale, for timing the renderers.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from vpl_tui.report.data import (
    KOLADA,
    ActivityChange,
    ActivityRow,
    AssessmentMove,
    Changes,
    Economy,
    Finding,
    FocusGroup,
    Freeze,
    GoalData,
    InitiativeData,
    ReportData,
    metric_row,
)
from vpl_tui.rules.assessments import DEFAULT_SCALE
from vpl_tui.rules.economy import FollowUpRow
from vpl_tui.rules.periods import default_periods

HOSTILE_TEXTS: tuple[str, ...] = (
    "<script>alert(1)</script>",
    "**bold** _it_ `code`",
    "[x](http://e.com)",
    "anna@example.com",
    "{PAGE}",
    "\x1b[31mröd\x1b[0m",
    "noll\x00byte",
    "\u202eevil",
    "| pipe # hash",
    "www.example.com och https://example.com/a?b=1",
)
"""Texts that must come out literally: never markup, a link, a field or a control."""

_MET, _PARTLY, _NOT_MET, _NONE = DEFAULT_SCALE.levels
_T1, _DELAR, _AR = default_periods(2023)


def sample_data(*, hostile: bool = False, period_id: str = "t1") -> ReportData:
    """A follow-up of the Luleå shape; `hostile` mixes the hostile texts into the plan text."""
    period = {"t1": _T1, "delar": _DELAR, "ar": _AR}[period_id]
    h = HOSTILE_TEXTS if hostile else ("",) * len(HOSTILE_TEXTS)
    goal_1 = GoalData(
        number="1.1.1",
        kind="council",
        title="Kommunövergripande, skapa förutsättningar för att attrahera och rekrytera "
        "nya medarbetare." + (f" {h[0]}" if hostile else ""),
        assessment=_MET,
        analysis="Arbetet med Minddig och studentsamordningen går enligt plan.\n"
        "Fler sökande per annons än förra året." + (f" {h[1]} {h[2]}" if hostile else ""),
        metrics=(
            metric_row("Genomförda aktiviteter", None, target="Tas fram"),
            metric_row("Antal sökande/antal annonser", "14", previous="11", target="Öka"),
        ),
        activities=(
            ActivityRow(
                "1.1.1-1",
                "Utveckla Minddig för marknadsföring av jobbmöjligheter",
                "in_progress",
                date(2023, 12, 31),
                "Ny kampanj i mars" + (f" {h[3]}" if hostile else ""),
                "HR-chef",
            ),
            ActivityRow(
                "1.1.1-2",
                "Utveckla samarbetet mellan Luleå och Boden" + (f" {h[4]}" if hostile else ""),
                "done",
                date(2023, 3, 31),
                "Avtal klart",
            ),
            ActivityRow(
                "1.1.1-3",
                "Samordnad organisation för studenter",
                "not_started",
                date(2023, 4, 15),
            ),
        ),
    )
    goal_2 = GoalData(
        number="1.1.2",
        kind="council",
        title="Kommunövergripande, skapa förutsättningar för särskilda arbetsmiljöinsatser.",
        assessment=_NOT_MET,
        analysis="Sjukfrånvaron har ökat." + (f" {h[5]}" if hostile else ""),
        actions="Riktade insatser mot psykisk ohälsa under hösten." + (h[6] if hostile else ""),
        metrics=(
            metric_row("Sjukfrånvaro, procent", "8,4 %", previous="7,9 %", target="Högst 7"),
            metric_row("Frisknärvaro, procent", "90 %", previous="92 %", target="Öka"),
            metric_row("Antal skyddsronder", "12", previous="12", target="Öka"),
        ),
        activities=(
            ActivityRow(
                "1.1.2-1", "Förbättra chefers förutsättningar", "delayed", date(2023, 6, 30)
            ),
            ActivityRow(
                "1.1.2-2", "Äldre medarbetare arbetar längre", "cancelled", date(2023, 12, 31)
            ),
        ),
    )
    goal_3 = GoalData(
        number="1.1.3",
        kind="board",
        title="För kommunstaben som förvaltning, möta kompetensförsörjningsutmaningarna.",
        metrics=(metric_row("Personalomsättning", "Tas fram", target="Tas fram"),),
    )
    initiatives = (
        InitiativeData(
            id="accelererad",
            title="Accelererad samhällsomställning" + (f" {h[7]}" if hostile else ""),
            assessment=_PARTLY,
            analysis="Industriparken etableras; infrastrukturen är försenad.",
            metrics=(
                metric_row(
                    "Förvärvsarbetande dagbefolkning",
                    "45 102",
                    previous="44 418",
                    target="Öka",
                    source=KOLADA,
                ),
                metric_row("Flyttningsnetto, antal", "198 personer", target="Tas fram"),
            ),
            activities=(
                ActivityRow(
                    "accelererad-1",
                    "Etablera Luleå industripark",
                    "in_progress",
                    date(2023, 12, 31),
                ),
                ActivityRow(
                    "accelererad-2", "Framtidens infrastruktur", "delayed", date(2023, 3, 1), h[8]
                ),
            ),
        ),
        InitiativeData(id="kompetensattraktion", title="Kompetensattraktion"),
    )
    goal_4 = GoalData(
        number="1.1.4",
        kind="council",
        title="Kommunstyrelsen leder och samordnar de strategiska initiativen.",
        assessment=_PARTLY,
        analysis="Två av initiativen är i gång." + (f" {h[9]}" if hostile else ""),
        initiatives=initiatives,
    )
    focus = FocusGroup(
        title="Mål för kompetensförsörjningen",
        intro="Kommunstaben ska arbeta med utmaningarna för kompetensförsörjningen:",
        items=("Attrahera och rekrytera rätt kompetens", "Behålla befintliga medarbetare"),
        goals=(goal_1, goal_2, goal_3),
    )
    others = FocusGroup(title=None, goals=(goal_4,))
    changes = None
    if period is not _T1:
        changes = Changes(
            previous=_T1,
            moved=(AssessmentMove("1.1.2 Arbetsmiljöinsatser", _PARTLY, _NOT_MET),),
            finished=(
                ActivityChange(
                    "1.1.1-2", "Utveckla samarbetet mellan Luleå och Boden", date(2023, 3, 31)
                ),
            ),
            delayed=(
                ActivityChange("1.1.2-1", "Förbättra chefers förutsättningar", date(2023, 6, 30)),
            ),
        )
    economy = Economy(
        findings=(
            Finding("pass", "Driftsbudgetens resultat 2023 stämmer"),
            Finding("fail", "Potten hållbart och växande Luleå: 25 mkr, delarna ger 24,5 mkr"),
            Finding("unchecked", "Investeringar 2025: siffra saknas"),
        ),
        rows=(
            FollowUpRow(
                "Kommunstaben",
                Decimal(279191),
                Decimal(90500),
                Decimal(281000),
                "Ökade lokalkostnader",
            ),
            FollowUpRow("Kundcenter", Decimal(12000), Decimal(3900), Decimal(13500)),
            FollowUpRow("Näringsliv" + (f" {h[1]}" if hostile else ""), Decimal(8000), None, None),
        ),
    )
    return ReportData(
        organisation="KS-Kommunstaben",
        municipality="Luleå kommun",
        plan_title="Verksamhetsplan 2023",
        period=period,
        made_on=period.end + timedelta(days=10),
        made_by="Åsa Öberg" + (f" {h[6]}" if hostile else ""),
        freeze=Freeze("ready_mark", datetime.combine(period.end + timedelta(days=9), time(14, 30)))
        if hostile
        else Freeze("period_end", period.end),
        groups=(focus, others),
        changes=changes,
        economy=economy,
    )


def large_data(goals: int = 1_000, activities: int = 10) -> ReportData:
    """`goals` goals of `activities` activities and two metrics each, for timing."""
    levels = DEFAULT_SCALE.levels
    statuses = ("not_started", "in_progress", "done", "delayed", "cancelled")
    built = []
    for g in range(goals):
        number = f"{g // 100 + 1}.{g // 10 % 10 + 1}.{g % 10 + 1}"
        built.append(
            GoalData(
                number=number,
                kind="council",
                title=f"Mål {number}: skapa förutsättningar för en hållbar och växande kommun",
                assessment=levels[g % len(levels)] if g % 7 else None,
                analysis="Arbetet går i stort enligt plan. " * 3,
                actions="Uppföljning varje månad." if g % 4 == 2 else "",
                metrics=(
                    metric_row(
                        "Antal sökande per annons", str(10 + g % 9), previous="12", target="Öka"
                    ),
                    metric_row("Andel nöjda, procent", "81 %", target="Minst 80 %", source=KOLADA),
                ),
                activities=tuple(
                    ActivityRow(
                        f"{number}-{a + 1}",
                        f"Aktivitet {a + 1} under mål {number}, med en titel av vanlig längd",
                        statuses[(g + a) % len(statuses)],  # type: ignore[arg-type]
                        date(2023, 1 + (a % 12), 28),
                        "Enligt plan" if a % 3 == 0 else "",
                    )
                    for a in range(activities)
                ),
            )
        )
    data = sample_data()
    return ReportData(
        organisation=data.organisation,
        municipality=data.municipality,
        plan_title=data.plan_title,
        period=data.period,
        made_on=data.made_on,
        made_by=data.made_by,
        freeze=data.freeze,
        groups=(FocusGroup(title=None, goals=tuple(built)),),
        economy=data.economy,
    )
