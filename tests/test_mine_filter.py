"""The filter "mina" (mine): the rule in the core, and the store's counts built from it.

An activity is the user's when its responsible is the user's name (compared as refs are,
without regard to case, accents or the spaces around it); a goal or initiative is shown
when it is the user's own or one of the user's activities is under it, and it counts the
user's activities only. The property test puts random responsibles, statuses and end
dates on the bundled plan in a real SQLite file and checks that the store's counts (SQL
built in `db/sql_rules.py`) are what the core counts.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vpl_tui.db.store import Store
from vpl_tui.records import ActivityRecord
from vpl_tui.rules.progress import (
    FILTER_CYCLE,
    MINE,
    Progress,
    activity_shown,
    counted,
    owner_shown,
)
from vpl_tui.rules.statuses import STATUSES

DAY = date(2026, 6, 1)
NAMES = ["Anna Berg", "anna berg", " ANNA BERG\u00a0", "Åsa Öst", "asa ost", "Bo", "\tbo\n", ""]


def activity(responsible: str, status: str = "not_started", end: date = DAY) -> ActivityRecord:
    return ActivityRecord(
        ref="x-1", goal_number="1", initiative_id=None, title="t", kind="activity",
        start=date(2026, 1, 1), end=end, status=status, version=1, responsible=responsible,
    )  # fmt: skip


def test_mine_is_in_the_filter_cycle_after_done_and_before_all_again() -> None:
    assert FILTER_CYCLE[-2:] == ("done", MINE)


def test_an_activity_is_mine_by_its_responsible_without_regard_to_case_or_accents() -> None:
    assert activity_shown(MINE, activity("ANNA berg "), DAY, "Anna Berg")
    assert activity_shown(MINE, activity("Asa Ost"), DAY, "Åsa Öst")
    assert not activity_shown(MINE, activity("Bo"), DAY, "Anna Berg")
    assert not activity_shown(MINE, activity(""), DAY, "")  # a blank name is nobody's


def test_a_goal_counts_only_mine_and_is_shown_when_it_is_mine_itself() -> None:
    under = [
        activity("Anna Berg", "done"),
        activity("anna berg", "done"),
        activity("Anna Berg", "in_progress", DAY - timedelta(days=1)),
        activity("Bo", "done"),
    ]
    assert counted(MINE, under, DAY, "Anna Berg") == Progress(3, 2, 1, 0, 1, 0)  # 2/3 of mine
    assert counted("all", under, DAY, "Anna Berg").total == 4
    assert owner_shown(MINE, "Bo", under, DAY, "Anna Berg")  # mine are under it
    theirs = [activity("Bo")]
    assert not owner_shown(MINE, "Bo", theirs, DAY, "Anna Berg")  # none of mine: hidden
    assert owner_shown(MINE, "anna BERG", theirs, DAY, "Anna Berg")  # the goal itself is mine
    assert owner_shown(MINE, "anna BERG", [], DAY, "Anna Berg")


def test_one_change_moves_my_counts_as_counting_again_does() -> None:
    others = [activity("Anna Berg", "done"), activity("Bo")]
    before, after = activity("Bo", "delayed"), activity("anna berg", "done")
    mine = counted(MINE, [*others, before], DAY, "Anna Berg")
    moved = mine.after_change_of(before, after, DAY, "Anna Berg")
    assert moved == counted(MINE, [*others, after], DAY, "Anna Berg")
    assert moved.after_change_of(after, before, DAY, "Anna Berg") == mine


rows = st.tuples(
    st.sampled_from(NAMES), st.sampled_from(STATUSES), st.integers(min_value=-3, max_value=3)
)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(rows, min_size=52, max_size=52),
    st.lists(st.sampled_from(NAMES), min_size=11, max_size=11),
    st.sampled_from(NAMES),
)
def test_the_stores_counts_of_mine_are_the_cores_on_random_plans(
    store: Store, activities: list[tuple[str, str, int]], owners: list[str], user: str
) -> None:
    refs = [a.ref for a in store.activities()]
    assert len(refs) == len(activities)  # the bundled plan
    with store.db.conn:  # the test's own writes: the plan made random
        for ref, (name, status, days) in zip(refs, activities, strict=True):
            store.db.execute(
                'UPDATE activity SET responsible = ?, status = ?, "end" = ? WHERE ref = ?',
                (name, status, (DAY + timedelta(days=days)).isoformat(), ref),
            )
        store.db.execute("DELETE FROM owner_responsible")
    goals = [g.number for g in store.goals(DAY)]
    initiatives = [(i.id, g) for g in goals for i in store.initiatives(g, DAY)]
    owned = [("goal", g) for g in goals] + [("initiative", i) for i, _ in initiatives]
    for (kind, ident), name in zip(owned, owners, strict=True):
        if name:
            store.edit_text(kind, ident, {"responsible": name}, user="test")
    everything = store.activities()
    mine = store.mine_counts(user, DAY)
    for kind, ident in owned:
        under = [
            a for a in everything if (a.goal_number if kind == "goal" else a.initiative_id) == ident
        ]
        owner = store.owner_responsible(kind, ident)
        assert mine.of(kind, ident) == counted(MINE, under, DAY, user), (kind, ident)
        assert mine.shown(kind, ident) == owner_shown(MINE, owner, under, DAY, user)
    for initiative, goal in initiatives:
        one = store.mine_counts(user, DAY, goal)  # one goal's: as the tree opens it
        assert one.of("initiative", initiative) == mine.of("initiative", initiative)
