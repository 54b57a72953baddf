"""The report's summary sentences agree in number, in Swedish and in English."""

from __future__ import annotations

import pytest

from vpl_tui.report.words import WORDS, count_phrase, level_sentence, sentence, word


@pytest.mark.parametrize(
    ("count", "total", "forecast", "expected"),
    [
        (3, 5, True, "3 av 5 mål bedöms uppfyllas"),
        (1, 5, True, "1 av 5 mål bedöms uppfyllas"),
        (3, 5, False, "3 av 5 mål är uppfyllda"),
        (1, 5, False, "1 av 5 mål är uppfyllt"),
        (0, 5, False, "0 av 5 mål är uppfyllda"),
        (1, 1, False, "1 av 1 mål är uppfyllt"),
    ],
)
def test_swedish_goal_sentences(count: int, total: int, forecast: bool, expected: str) -> None:
    assert level_sentence("sv", "goal", "met", count, total, forecast=forecast) == expected


@pytest.mark.parametrize(
    ("count", "total", "forecast", "expected"),
    [
        (3, 5, True, "3 of 5 goals are expected to be met"),
        (1, 5, True, "1 of 5 goals is expected to be met"),
        (1, 1, True, "1 of 1 goal is expected to be met"),
        (0, 1, True, "0 of 1 goal are expected to be met"),
        (2, 5, False, "2 of 5 goals were met"),
        (1, 5, False, "1 of 5 goals was met"),
    ],
)
def test_english_goal_sentences(count: int, total: int, forecast: bool, expected: str) -> None:
    assert level_sentence("en", "goal", "met", count, total, forecast=forecast) == expected


def test_every_default_level_reads_in_both_numbers() -> None:
    assert level_sentence("sv", "initiative", "partly_met", 2, 4, forecast=True) == (
        "2 av 4 initiativ bedöms delvis uppfyllas"
    )
    assert (
        level_sentence("sv", "goal", "not_met", 1, 4, forecast=False) == "1 av 4 mål är ej uppfyllt"
    )
    assert (
        level_sentence("sv", "goal", "not_assessed", 1, 4, forecast=True)
        == "1 av 4 mål är ej bedömt"
    )
    assert (
        level_sentence("sv", "goal", "not_assessed", 2, 4, forecast=True)
        == "2 av 4 mål är ej bedömda"
    )
    assert level_sentence("en", "initiative", "not_met", 2, 3, forecast=True) == (
        "2 of 3 initiatives are not expected to be met"
    )


def test_activities_agree_with_count_and_total() -> None:
    # Swedish: the noun follows the total (aktivitet/aktiviteter), the participle the count.
    assert sentence("sv", "activity", "status", "done", 1, 1) == "1 av 1 aktivitet är klar"
    assert sentence("sv", "activity", "status", "done", 1, 7) == "1 av 7 aktiviteter är klar"
    assert sentence("sv", "activity", "status", "done", 4, 7) == "4 av 7 aktiviteter är klara"
    assert (
        sentence("sv", "activity", "status", "cancelled", 2, 7) == "2 av 7 aktiviteter är avbrutna"
    )
    assert sentence("en", "activity", "status", "delayed", 1, 7) == "1 of 7 activities is delayed"
    assert sentence("en", "activity", "status", "not_started", 3, 7) == (
        "3 of 7 activities have not started"
    )


def test_metrics_sentences() -> None:
    assert (
        sentence("sv", "metric", "judgement", "unchanged", 1, 3) == "1 av 3 mätetal är oförändrat"
    )
    assert (
        sentence("sv", "metric", "judgement", "unchanged", 2, 3) == "2 av 3 mätetal är oförändrade"
    )
    assert sentence("en", "metric", "judgement", "met", 1, 3) == "1 of 3 metrics meets its target"
    assert sentence("en", "metric", "judgement", "met", 2, 3) == "2 of 3 metrics meet their targets"


def test_a_plans_own_level_reads_as_label_and_count() -> None:
    sentence_ = level_sentence("sv", "goal", "custom:gron", 2, 5, forecast=True, label="Grönt")
    assert sentence_ == "Grönt: 2 av 5 mål"
    assert count_phrase("en", "goal", 1, 1) == "1 of 1 goal"


def test_every_word_has_both_languages() -> None:
    for key, (swedish, english) in WORDS.items():
        assert swedish.strip() and english.strip(), key
    assert word("sv", "report.page", page=3) == "Sida 3"
    assert word("en", "report.page", page=3) == "Page 3"
