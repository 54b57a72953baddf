"""`vpl metrics`' text reads less than its JSON: the same judgements, on a real SQLite file."""

from __future__ import annotations

from vpl_tui.db.store import Store
from vpl_tui.strings import Strings
from vpl_tui.summary.metrics import metric_text


def test_the_texts_read_judges_every_metric_as_the_full_read(store: Store) -> None:
    store.import_outcomes(
        [("klimat-m2", 2022, "T", "120", "Kolada"), ("klimat-m2", 2022, "K", "7", "")]
    )
    store.record_outcome("klimat-m2", "150", period="delar")
    store.record_outcome("accelererad-m1", "45 000", period="t1", gender="M")
    store.record_outcome("accelererad-m1", "44 000", period="t1")
    store.record_outcome("foretagsklimat-m2", "40", period="t1")
    store.undo_outcome("foretagsklimat-m2", period="t1")  # undone to nothing: published again
    s = Strings("sv")
    for period in store.periods():
        full, shown = store.metric_lines(period), store.metric_lines_shown(period)
        assert [line.metric.id for line in shown] == [line.metric.id for line in full]
        for mine, whole in zip(shown, full, strict=True):
            assert mine.judged[2:] == whole.judged[2:]  # the year's target, the judgement
            for ours, theirs in (
                (mine.judged.outcome, whole.judged.outcome),
                (mine.judged.previous, whole.judged.previous),
            ):
                assert (ours and ours[:6]) == (theirs and theirs[:6])  # value, point, source
        assert metric_text(shown, period.name, period.end, s) == metric_text(
            full, period.name, period.end, s
        )
