"""Outcomes in the database: history, undo, stale protection, the plan file's round trip, load."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from vpl_tui.db.load_merge import LoadRefused
from vpl_tui.db.outcomes import StaleOutcome
from vpl_tui.db.store import Store
from vpl_tui.errors import PlanFileError, VplError
from vpl_tui.model import Plan
from vpl_tui.planfile import dumps_plan, parse_plan


def test_the_bundled_plans_published_outcomes_are_outcomes_of_their_years(store: Store) -> None:
    outcomes = store.outcomes_as_of()
    assert [(o.value, o.year) for o in outcomes["accelererad-m1"]] == [("44 418", 2021)]
    assert [(o.value, o.year) for o in outcomes["accelererad-m2"]] == [("198 personer", 2021)]
    assert [(o.value, o.year) for o in outcomes["smart-m1"]] == [("49,4 procent", None)]
    assert "1.1.1-m1" not in outcomes  # nothing published
    assert store.municipality_code() == "2580"


def test_an_outcome_is_recorded_undone_and_guarded_against_stale_writes(store: Store) -> None:
    first = store.record_outcome("Accelererad-M1", "45 000", period="t1", user="anna")
    assert (first.metric, first.value, first.version) == ("accelererad-m1", "45 000", 1)
    with pytest.raises(StaleOutcome) as stale:
        store.record_outcome("accelererad-m1", "46 000", period="t1", expected_version=0)
    assert stale.value.current.value == "45 000"
    second = store.record_outcome("accelererad-m1", "46 000", period="t1", expected_version=1)
    assert second.version == 2
    undone = store.undo_outcome("accelererad-m1", period="t1", user="bo")
    assert (undone.value, undone.version) == ("45 000", 3)
    assert store.undo_outcome("accelererad-m1", period="t1").value == ""
    with pytest.raises(VplError) as nothing:
        store.undo_outcome("accelererad-m1", period="t1")
    assert nothing.value.key == "error.nothing_to_undo"
    rows = store.outcome_history("accelererad-m1", ("t1", None, "T"))
    assert [r["value"] for r in rows] == ["45 000", "46 000", "45 000", ""]
    with pytest.raises(sqlite3.DatabaseError):  # append-only
        store.db.conn.execute("UPDATE outcome_history SET value = 'x'")


def test_refused_outcomes_write_nothing(store: Store) -> None:
    for call, key in (
        (lambda: store.record_outcome("nope", "1", year=2022), "error.unknown_metric"),
        (lambda: store.record_outcome("smart-m1", " ", year=2022), "error.outcome_empty"),
        (lambda: store.record_outcome("smart-m1", "1"), "error.outcome_point"),
        (
            lambda: store.record_outcome("smart-m1", "1", year=2022, source="x" * 65),
            "error.outcome_source_too_long",
        ),
        (lambda: store.record_outcome("smart-m1", "1", period="q9"), "error.unknown_period"),
        (
            lambda: store.record_outcome("smart-m1", "1", year=2022, gender="X"),
            "error.outcome_gender",
        ),
    ):
        with pytest.raises(VplError) as refused:
            call()
        assert refused.value.key == key
    assert store.db.execute("SELECT COUNT(*) FROM outcome_history").fetchone()[0] == 0


def test_a_follow_up_marked_ready_takes_no_outcome_for_its_period(store: Store) -> None:
    store.assess("smart", "t1", "met", "Bra")
    store.mark_ready("smart", "t1")
    with pytest.raises(VplError) as refused:
        store.record_outcome("smart-m1", "51", period="t1")
    assert refused.value.key == "error.followup_ready"
    assert store.record_outcome("smart-m1", "51", year=2022).version == 1  # a year is not a round


def test_judgements_for_a_period_by_goal_and_initiative(store: Store) -> None:
    store.record_outcome("accelererad-m1", "45 000", period="t1")
    store.record_outcome("foretagsklimat-m2", "40", period="t1")
    found = store.judgements_for("t1")
    assert found["accelererad"] == ["improving", "not_judgeable"]
    assert found["foretagsklimat"] == ["not_judgeable", "met"]
    assert found["1.1.1"] == ["not_judgeable", "not_judgeable"]  # "11" published, Öka: no before
    with pytest.raises(VplError):
        store.judgements_for("nope")
    # The follow-up view reads one target's by key: the same judgements, for every target.
    for target, judgements in found.items():
        assert store.judgements_of(target, "t1") == judgements
    assert store.judgements_of("no-such-target", "t1") == []


def test_outcomes_replay_as_they_stood_at_a_moment(store: Store) -> None:
    first = store.record_outcome("accelererad-m1", "45 000", period="t1")
    store.record_outcome("accelererad-m1", "43 000", period="t1")
    from vpl_tui.db.changes import parse_time

    then = store.outcomes_as_of(parse_time(first.at))["accelererad-m1"]
    assert {o.value for o in then} == {"44 418", "45 000"}
    assert {o.value for o in store.outcomes_as_of()["accelererad-m1"]} == {"44 418", "43 000"}


def _exported(store: Store) -> str:
    text = store.export_text()
    assert text == dumps_plan(store.export_plan())
    return text


def test_outcomes_ids_and_the_municipality_round_trip_byte_for_byte(
    store: Store, tmp_path: Path
) -> None:
    store.record_outcome(
        "accelererad-m1", "45 000", period="t1", comment="[bold]\x1b[31m", user="a"
    )
    store.record_outcome("accelererad-m1", "44 900", year=2022, source="SCB")
    store.record_outcome("smart-m1", "51 %", period="t1", gender="K")
    store.undo_outcome("accelererad-m1", period="t1")
    text = _exported(store)
    assert 'municipality_code = "2580"' in text
    assert 'id = "accelererad-m1"' in text  # outcomes name it: it stays when metrics move
    assert 'id = "1.1.1-m1"' not in text  # the id a file without ids gives: left out
    with Store.open(tmp_path / "again.db") as again:
        again.load_plan(parse_plan(text))
        assert _exported(again) == text


def test_a_plan_file_without_ids_loads_and_exports_unchanged(store: Store, seed_plan: Plan) -> None:
    assert _exported(store) == dumps_plan(seed_plan)


def test_explicit_ids_units_and_kpis_are_kept_and_a_duplicate_is_refused(seed_plan: Plan) -> None:
    text = dumps_plan(seed_plan).replace(
        'name = "Förvärvsarbetande dagbefolkning',
        'id = "dagbefolkning"\nunit = "personer"\nkolada_kpi = "N00945"\n'
        'higher_is_better = false\nname = "Förvärvsarbetande dagbefolkning',
    )
    plan = parse_plan(text)
    metric = plan.goals[3].initiatives[0].metrics[0]
    assert (metric.id, metric.unit, metric.kolada_kpi, metric.higher_is_better) == (
        "dagbefolkning",
        "personer",
        "N00945",
        False,
    )
    with pytest.raises(PlanFileError) as refused:
        parse_plan(text.replace('id = "dagbefolkning"', 'id = "1.1.1-M1"'))
    assert "1.1.1-M1" in str(refused.value)


def test_an_outcome_of_no_metric_or_period_is_refused(seed_plan: Plan) -> None:
    text = dumps_plan(seed_plan)
    for entry, said in (
        ('metric = "nope"\nyear = 2022', "no metric nope"),
        ('metric = "smart-m1"\nperiod = "q9"', "no period q9"),
    ):
        bad = (
            text
            + f'\n[[outcomes]]\n{entry}\nhistory = [{{ at = 2023-05-01T10:00:00Z, value = "1" }}]\n'
        )
        with pytest.raises(PlanFileError) as refused:
            parse_plan(bad)
        assert said in str(refused.value)


def test_load_keeps_the_databases_newer_outcomes_and_takes_the_files(
    store: Store, seed_plan: Plan, tmp_path: Path
) -> None:
    store.record_outcome("smart-m1", "51 %", period="t1")
    store.load_plan(seed_plan)  # a file made before the outcome: the outcome stays
    assert store.outcome("smart-m1", ("t1", None, "T")).value == "51 %"
    behind = _exported(store)
    store.record_outcome("smart-m1", "52 %", period="t1")
    ahead = _exported(store)
    with Store.open(tmp_path / "other.db") as other:
        other.load_plan(parse_plan(behind))
        other.load_plan(parse_plan(ahead))  # the file goes on after the database: taken
        assert other.outcome("smart-m1", ("t1", None, "T")).value == "52 %"
        assert _exported(other) == ahead


def test_load_refuses_a_diverged_or_dropped_outcome_history_and_writes_nothing(
    store: Store, seed_plan: Plan, db_path: Path
) -> None:
    store.record_outcome("smart-m1", "51 %", period="t1")
    text = _exported(store)
    store.record_outcome("smart-m1", "53 %", period="t1")
    diverged = text.replace('value = "51 %"', 'value = "50 %"')
    before = db_path.read_bytes()
    with pytest.raises(LoadRefused) as refused:
        store.load_plan(parse_plan(diverged))
    assert [(c.what, c.name, c.conflict) for c in refused.value.conflicts] == [
        ("outcome", "smart-m1 t1", "diverged")
    ]
    plan = seed_plan.model_copy(deep=True)
    plan.goals[3].initiatives[4].metrics.clear()  # smart's metric dropped from the file
    assert plan.goals[3].initiatives[4].id == "smart"
    with pytest.raises(LoadRefused) as dropped:
        store.load_plan(plan)
    assert dropped.value.conflicts[0].conflict == "dropped"
    assert db_path.read_bytes() == before


def test_a_large_file_read_in_parts_gives_the_same_ids_and_outcomes(
    store: Store, tmp_path: Path
) -> None:
    from vpl_tui.db.bulk import read_plan_rows
    from vpl_tui.db.rows import plan_rows

    store.record_outcome("smart-m1", "51 %", period="t1")
    path = tmp_path / "plan.toml"
    path.write_text(store.export_text(), encoding="utf-8")
    in_parts = read_plan_rows(path, processes=2, min_chars=0)
    whole = plan_rows(parse_plan(path.read_bytes()))
    assert in_parts.goals.metrics == whole.goals.metrics
    assert list(in_parts.outcomes) == list(whole.outcomes) and len(whole.outcomes) == 1
    broken = path.read_text(encoding="utf-8").replace('metric = "smart-m1"', 'metric = "gone"')
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(PlanFileError):
        read_plan_rows(path, processes=2, min_chars=0)
