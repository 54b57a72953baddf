"""Refs in the plan's pattern."""

from __future__ import annotations

from vpl_tui.rules.refs import metric_id, next_activity_ref, next_metric_id, same_ref


def test_the_next_activity_ref_is_one_past_the_highest() -> None:
    taken = ["1.1.1-1", "1.1.1-2", "1.1.1-4", "1.1.10-7", "accelererad-3"]
    assert next_activity_ref("1.1.1", taken) == "1.1.1-5"
    assert next_activity_ref("1.1.10", taken) == "1.1.10-8"
    assert next_activity_ref("accelererad", taken) == "accelererad-4"
    assert next_activity_ref("Accelererad", ["accelererad-3"]) == "Accelererad-4"
    assert next_activity_ref("smart", []) == "smart-1"


def test_a_ref_that_is_not_numbered_does_not_count() -> None:
    assert next_activity_ref("1.1.1", ["1.1.1-x", "1.1.1-0", "1.1.1-01"]) == "1.1.1-1"


def test_metric_ids() -> None:
    assert metric_id("1.1.3", 0) == "1.1.3-m1"
    assert next_metric_id("smart", ["smart-m1", "smart-m3", "smart-2"]) == "smart-m4"


def test_refs_match_without_regard_to_case() -> None:
    assert same_ref("KLIMAT-5", "klimat-5")
    assert not same_ref("klimat-5", "klimat-50")
