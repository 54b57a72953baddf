"""The string catalog's plural forms: "1 träff", "2 träffar"; "1 match", "2 matches".

A count's placeholder carries its two forms (`{count:# träff|# träffar}`); callers pass the
count as before and get the form that fits. Every string that shows a count is listed
here with what it says for one and for two, in both languages, so that a new string with
a count gets its forms decided rather than "1 träffar".
"""

from __future__ import annotations

from string import Formatter

import pytest

from vpl_tui.strings import CATALOG, LANGS, Quantity, Strings

SV, EN = Strings("sv"), Strings("en")

COUNT_NAMES = frozenset(
    {"count", "n", "goals", "initiatives", "activities", "checks", "passed", "failed"}
    | {"unchecked", "total", "done", "rounding"}
)
"""Placeholders that hold a count of something."""
NOT_COUNTS = {"budget.check.pot_initiatives", "budget.row.initiatives_share"}
"""Strings whose `goals` is a list of goal numbers ("mål 1.1.4"), not a count."""

OTHER_VALUES = {"text": "x", "ref": "1-1", "file": "plan.toml", "db": "vpl.db", "names": "x"}
OTHER_VALUES |= {"period": "T1", "date": "2023-05-15", "year": "2024"}
OTHER_VALUES |= {"source": "Kolada", "reason": "x", "examples": "x", "problem": "x"}

SAID: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    # key: ((Swedish for 1, for 2), (English for 1, for 2)), every count set to 1 or 2
    "app.search.label": (("Sök 'x': 1 träff", "Sök 'x': 2 träffar"),
                         ("Search 'x': 1 match", "Search 'x': 2 matches")),
    "app.search.more": (("Sök 'x': den första träffen", "Sök 'x': de första 2 träffarna"),
                        ("Search 'x': the first match", "Search 'x': the first 2 matches")),
    "plan_edit.next_year_written": (
        (
            "skrev plan.toml: planen för 2024, 1 aktivitet överförd "
            "(ladda den med vpl load --db NY.db plan.toml)",
            "skrev plan.toml: planen för 2024, 2 aktiviteter överförda "
            "(ladda den med vpl load --db NY.db plan.toml)",
        ),
        (
            "wrote plan.toml: the plan of 2024, 1 activity carried "
            "(load it with vpl load --db NEW.db plan.toml)",
            "wrote plan.toml: the plan of 2024, 2 activities carried "
            "(load it with vpl load --db NEW.db plan.toml)",
        ),
    ),
    "app.history.more": (
        ("… och 1 äldre ändring (vpl history 1-1)", "… och 2 äldre ändringar (vpl history 1-1)"),
        ("… and 1 older change (vpl history 1-1)", "… and 2 older changes (vpl history 1-1)"),
    ),
    "app.overdue_count": (("1 passerat slutdatum", "2 passerat slutdatum"),
                          ("1 past its end date", "2 past their end date")),
    "summary.budget": (
        ("Budgetavstämning: 1 kontroll, 1 avvikelse, 1 kan inte kontrolleras",
         "Budgetavstämning: 2 kontroller, 2 avvikelser, 2 kan inte kontrolleras"),
        ("Budget reconciliation: 1 check, 1 failed, 1 cannot be checked",
         "Budget reconciliation: 2 checks, 2 failed, 2 cannot be checked"),
    ),
    "budget.heading": (
        ("Budgetavstämning: 1 kontroll, 1 stämmer, 1 avviker, 1 avrundning, 1 kan inte kontrolleras",
         "Budgetavstämning: 2 kontroller, 2 stämmer, 2 avviker, 2 avrundning, 2 kan inte kontrolleras"),
        ("Budget reconciliation: 1 check, 1 pass, 1 fail, 1 rounding, 1 cannot be checked",
         "Budget reconciliation: 2 checks, 2 pass, 2 fail, 2 rounding, 2 cannot be checked"),
    ),
    "budget.counts": (
        ("1 kontroll:  ✓ 1 stämmer   ✗ 1 avviker   ≈ 1 avrundning   ? 1 kan inte kontrolleras",
         "2 kontroller:  ✓ 2 stämmer   ✗ 2 avviker   ≈ 2 avrundning   ? 2 kan inte kontrolleras"),
        ("1 check:  ✓ 1 pass   ✗ 1 fail   ≈ 1 rounding   ? 1 cannot be checked",
         "2 checks:  ✓ 2 pass   ✗ 2 fail   ≈ 2 rounding   ? 2 cannot be checked"),
    ),
    "cli.loaded": (
        ("plan.toml: läste in 1 mål, 1 initiativ, 1 aktivitet i vpl.db",
         "plan.toml: läste in 2 mål, 2 initiativ, 2 aktiviteter i vpl.db"),
        ("plan.toml: loaded 1 goal, 1 initiative, 1 activity into vpl.db",
         "plan.toml: loaded 2 goals, 2 initiatives, 2 activities into vpl.db"),
    ),
    "cli.checked": (
        ("plan.toml: giltig plan (1 mål, 1 initiativ, 1 aktivitet)",
         "plan.toml: giltig plan (2 mål, 2 initiativ, 2 aktiviteter)"),
        ("plan.toml: valid plan (1 goal, 1 initiative, 1 activity)",
         "plan.toml: valid plan (2 goals, 2 initiatives, 2 activities)"),
    ),
    "load.kept_assessments": (
        ("plan.toml: behöll databasens senare bedömningar av 1 mål eller initiativ (x)",
         "plan.toml: behöll databasens senare bedömningar av 2 mål och initiativ (x)"),
        ("plan.toml: kept the database's later assessments of 1 goal or initiative (x)",
         "plan.toml: kept the database's later assessments of 2 goals and initiatives (x)"),
    ),
    "load.kept_notes": (
        ("plan.toml: behöll databasens senare anteckningar om 1 aktivitet (x)",
         "plan.toml: behöll databasens senare anteckningar om 2 aktiviteter (x)"),
        ("plan.toml: kept the database's later notes on 1 activity (x)",
         "plan.toml: kept the database's later notes on 2 activities (x)"),
    ),
    "load.kept_ready": (
        ("plan.toml: behöll databasens senare klarmarkeringar av 1 mål eller initiativ (x)",
         "plan.toml: behöll databasens senare klarmarkeringar av 2 mål och initiativ (x)"),
        ("plan.toml: kept the database's later ready marks of 1 goal or initiative (x)",
         "plan.toml: kept the database's later ready marks of 2 goals and initiatives (x)"),
    ),
    "load.kept_activities": (
        ("plan.toml: behöll databasens senare ändringar av 1 aktivitet (x)",
         "plan.toml: behöll databasens senare ändringar av 2 aktiviteter (x)"),
        ("plan.toml: kept the database's later changes of 1 activity (x)",
         "plan.toml: kept the database's later changes of 2 activities (x)"),
    ),
    "load.kept_figures": (
        ("plan.toml: behöll databasens senare ändringar av 1 budgetsiffra (x)",
         "plan.toml: behöll databasens senare ändringar av 2 budgetsiffror (x)"),
        ("plan.toml: kept the database's later edits of 1 budget figure (x)",
         "plan.toml: kept the database's later edits of 2 budget figures (x)"),
    ),
    "load.more_conflicts": (
        ("… och 1 till; inget skrevs", "… och 2 till; inget skrevs"),
        ("… and 1 more; nothing was written",
         "… and 2 more; nothing was written"),
    ),
    # A label before the number: no word to agree with it.
    "summary.overdue_count": (("Passerat slutdatum: 1", "Passerat slutdatum: 2"),
                              ("Overdue: 1", "Overdue: 2")),
    "summary.cancelled": (("1 avbruten", "2 avbrutna"), ("1 cancelled", "2 cancelled")),
    # Short, beside the done count in the tree: an abbreviation has one form.
    "app.tree.cancelled": (("1 avbr.", "2 avbr."), ("1 canc.", "2 canc.")),
    # "klara" agrees with the activities of the count, however many are done.
    "summary.of": (("1 av 1 klara", "2 av 2 klara"), ("1 of 1 done", "2 of 2 done")),
    # "klarmarkerade" agrees with the goals counted, like "klara".
    "followup.title": (("Uppföljning T1: 1 av 1 klarmarkerade", "Uppföljning T1: 2 av 2 klarmarkerade"),
                       ("Follow-up T1: 1 of 1 marked ready", "Follow-up T1: 2 of 2 marked ready")),
    "followup.deadline_left": (("Deadline 2023-05-15: 1 dag kvar", "Deadline 2023-05-15: 2 dagar kvar"),
                               ("Deadline 2023-05-15: 1 day left", "Deadline 2023-05-15: 2 days left")),
    "followup.deadline_passed": (
        ("Deadline 2023-05-15: passerad för 1 dag sedan", "Deadline 2023-05-15: passerad för 2 dagar sedan"),
        ("Deadline 2023-05-15: passed 1 day ago", "Deadline 2023-05-15: passed 2 days ago")),
    # Metric outcomes (vpl outcome import): "utfall" is the same in both numbers.
    "metrics.imported": (("plan.toml: 1 utfall sparat (källa Kolada)", "plan.toml: 2 utfall sparade (källa Kolada)"),
                         ("plan.toml: 1 outcome saved (source Kolada)", "plan.toml: 2 outcomes saved (source Kolada)")),
    "metrics.import_checked": (
        ("plan.toml: 1 utfall skulle sparas; inget sparades (--check)", "plan.toml: 2 utfall skulle sparas; inget sparades (--check)"),
        ("plan.toml: 1 outcome would be saved; nothing saved (--check)", "plan.toml: 2 outcomes would be saved; nothing saved (--check)")),
    "metrics.skipped": (("1 hoppades över: x (x)", "2 hoppades över: x (x)"),
                        ("1 skipped: x (x)", "2 skipped: x (x)")),
    "error.outcome_file_refused": (
        ("x (filen har 1 fel; inget sparades)", "x (filen har 2 fel; inget sparades)"),
        ("x (1 problem in the file; nothing was saved)", "x (2 problems in the file; nothing was saved)")),
}  # fmt: skip
SAID |= {  # the economy's follow-up (vpl_tui/catalog/economy.py)
    "forecast.imported": (("1 prognos importerad från plan.toml", "2 prognoser importerade från plan.toml"),
                          ("1 forecast imported from plan.toml", "2 forecasts imported from plan.toml")),
    "csv.refused": (("1 fel; inget importerades", "2 fel; inget importerades"),
                    ("1 problem; nothing was imported", "2 problems; nothing was imported")),
    "csv.more": (("… och 1 fel till", "… och 2 fel till"),
                 ("… and 1 more problem", "… and 2 more problems")),
}  # fmt: skip


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(template) if name}


def counts_in(key: str) -> set[str]:
    """The counts a catalog entry shows, in either language."""
    if key in NOT_COUNTS:
        return set()
    return set().union(*(fields(template) for template in CATALOG[key])) & COUNT_NAMES


def values_for(key: str, count: int) -> dict[str, object]:
    names = set().union(*(fields(template) for template in CATALOG[key]))
    counts = counts_in(key)
    return {name: count if name in counts else OTHER_VALUES[name] for name in names}


@pytest.mark.parametrize("key", sorted(SAID))
def test_each_count_says_one_thing_or_many(key: str) -> None:
    said = tuple(
        tuple(Strings(lang)(key, **values_for(key, count)) for count in (1, 2)) for lang in LANGS
    )
    assert said == SAID[key]


def test_every_string_with_a_count_has_its_forms_decided() -> None:
    assert {key for key in CATALOG if counts_in(key)} == set(SAID)


def test_every_plural_has_two_forms_and_fills_in_for_any_number() -> None:
    for key, texts in CATALOG.items():
        for template in texts:
            for _, name, spec, _ in Formatter().parse(template):
                if spec and "|" in spec:
                    assert name in counts_in(key), (key, name)
                    assert spec.count("|") == 1, (key, spec)
        if counts_in(key):
            for count in (0, 1, 2, 5, 21, 100_000):
                for strings in (SV, EN):
                    assert "|" not in strings(key, **values_for(key, count))
                    if count != 1:  # "the first match" need not say 1
                        assert str(count) in strings(key, **values_for(key, count))


def test_zero_and_large_counts_take_the_form_for_many() -> None:
    assert SV("app.search.label", text="x", count=0) == "Sök 'x': 0 träffar"
    assert EN("app.search.label", text="x", count=0) == "Search 'x': 0 matches"
    assert SV("app.search.label", text="x", count=21) == "Sök 'x': 21 träffar"
    assert EN("app.history.more", count=11, ref="a") == "… and 11 older changes (vpl history a)"


def test_a_count_without_forms_formats_as_a_number() -> None:
    assert f"{Quantity(7):>4}" == "   7"
    assert format(Quantity(1), "# rad|# rader") == "1 rad"
    assert format(Quantity(3), "# rad|# rader") == "3 rader"
    # A flag is not a count: True stays True where a template shows it.
    assert SV("cli.set", ref="r", from_label=True, to_label=False) == "r: True → False"
