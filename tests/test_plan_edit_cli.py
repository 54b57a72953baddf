"""`vpl add`, `vpl edit`, `vpl move`, `vpl cancel`, `vpl undo`, `vpl summary --responsible` and
`vpl export --next-year`, through the real entry point."""

from __future__ import annotations

import json
import tomllib
from datetime import date
from pathlib import Path

from test_store import table_rows


def test_a_controller_changes_the_plan_from_the_command_line(run_vpl, db_path: Path) -> None:
    added = run_vpl(
        "add", "smart", "--title", "Införa e-tjänst", "--start", "2023-03-01",
        "--end", "2023-06-30", "--kind", "utredningsuppdrag", "--format", "json",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    activity = json.loads(added.stdout)["activity"]
    assert (activity["ref"], activity["kind"], activity["initiative"]) == (
        "smart-5",
        "investigation",
        "smart",
    )
    edited = run_vpl(
        "edit", "SMART-5", "--end", "2023-09-30", "--responsible", "Digitaliseringsenheten"
    )
    assert edited.stdout.splitlines() == [
        "smart-5: slut 2023-06-30 → 2023-09-30",
        "smart-5: ansvarig – → Digitaliseringsenheten",
    ]
    assert run_vpl("move", "smart-5", "--to", "1.1.5").stdout == "flyttade smart-5: smart → 1.1.5\n"
    assert run_vpl("cancel", "smart-5").stdout == "avbröt smart-5\n"
    assert run_vpl("undo").stdout == "ångrade smart-5: Avbruten → Ej påbörjad\n"
    assert run_vpl("undo").stdout == "ångrade smart-5: placering 1.1.5 → smart\n"
    mine = run_vpl("summary", "--responsible", "digitaliseringsenheten", "--format", "json")
    data = json.loads(mine.stdout)
    assert data["totals"]["activities"] == 1 and data["responsible"] == "digitaliseringsenheten"
    assert data["activities"][0]["responsible"] == "Digitaliseringsenheten"


def test_a_refused_change_is_one_line_exit_2_and_nothing_written(run_vpl, db_path: Path) -> None:
    assert run_vpl("summary").returncode == 0  # the database, seeded
    before = table_rows(db_path)
    for args, said in (
        (("edit", "1.1.1-1", "--end", "2022-01-01"), "vpl: end: 2022-01-01 är före start 2023-01-01"),
        (("edit", "1.1.1-1", "--start", "31/12"), "vpl: start: ska vara ett datum"),
        (("edit", "1.1.1-1"), "vpl: ange minst ett fält att ändra"),
        (("edit", "nej-1", "--title", "x"), "vpl: "),
        (("move", "1.1.1-1", "--to", "9.9"), "vpl: inget mål eller initiativ 9.9"),
        (("add", "1.1.1", "--title", "", "--start", "2023-01-01", "--end", "2023-01-02"),
         "vpl: title: ska ha minst 1 tecken"),
        (("edit", "1.1.1-1", "--title", "x", "--version", "7"), "vpl: 1.1.1-1 har ändrats av någon annan"),
    ):  # fmt: skip
        result = run_vpl(*args)
        assert result.returncode == 2, (args, result.stderr)
        assert result.stderr.startswith(said) and result.stderr.count("\n") == 1, result.stderr
        assert result.stdout == ""
    assert table_rows(db_path) == before


def test_next_years_plan_of_the_bundled_plan_loads_with_vpl_load(
    run_vpl, db_path: Path, tmp_path: Path
) -> None:
    run_vpl("set", "1.1.1-1", "done")
    run_vpl("set", "1.1.1-2", "cancelled")
    run_vpl("edit", "1.1.1-3", "--responsible", "HR-enheten")
    written = run_vpl("export", "--next-year", "2024", "-o", "next.toml")
    assert written.returncode == 0, written.stderr
    assert "planen för 2024, 50 aktiviteter överförda" in written.stdout
    data = tomllib.loads((tmp_path / "next.toml").read_text(encoding="utf-8"))
    carried = {
        a["ref"]: a
        for g in data["goals"]
        for a in [*g.get("activities", []), *(x for i in g.get("initiatives", []) for x in i.get("activities", []))]
    }  # fmt: skip
    assert len(carried) == 50 and "1.1.1-1" not in carried and "1.1.1-2" not in carried
    third = carried["1.1.1-3"]
    assert third["carried_from"] == "2023:1.1.1-3" and third["responsible"] == "HR-enheten"
    assert (third["start"], third["end"]) == (date(2024, 1, 1), date(2024, 12, 31))
    assert "changes" not in data and all("history" not in a for a in carried.values())
    new_db = tmp_path / "2024.db"
    loaded = run_vpl("load", "next.toml", db=new_db)
    assert loaded.returncode == 0, loaded.stderr
    assert "5 mål, 6 initiativ, 50 aktiviteter" in loaded.stdout
    summary = json.loads(run_vpl("summary", "--format", "json", db=new_db).stdout)
    assert summary["plan"]["year"] == 2024 and summary["totals"]["by_status"]["not_started"] == 50
    old = json.loads(run_vpl("summary", "--format", "json").stdout)
    assert old["plan"]["year"] == 2023 and old["totals"]["activities"] == 52  # left as it was
    refused = run_vpl("export", "--next-year", "2023", "-o", "same.toml")
    assert (refused.returncode, refused.stderr) == (
        2,
        "vpl: 2023 är inte ett år efter planens 2023\n",
    )


def test_vpl_edit_with_no_field_names_the_options_that_fit_what_ref_is(run_vpl) -> None:  # noqa: ANN001
    for ref, lang, said in (
        ("1.1.1-1", "sv", "vpl: ange minst ett fält att ändra (--title, --start, --end, "),
        ("1.1.3", "sv", "vpl: ange minst ett fält att ändra på målet (--title, --description, "),
        ("smart", "sv", "vpl: ange minst ett fält att ändra på initiativet (--title, --purpose, "),
        ("1.1.5-m1", "sv", "vpl: ange minst ett fält att ändra på måttet (--name, --unit, "),
        ("1.1.3", "en", "vpl: give at least one field of the goal to change (--title, "),
        ("1.1.5-M1", "en", "vpl: give at least one field of the metric to change (--name, "),
    ):
        result = run_vpl("edit", ref, env={"VPL_LANG": lang})
        assert (result.returncode, result.stdout) == (2, ""), (ref, result.stderr)
        assert result.stderr.startswith(said) and result.stderr.count("\n") == 1, result.stderr
    unknown = run_vpl("edit", "nej-1")
    assert unknown.returncode == 2 and "nej-1" in unknown.stderr, unknown.stderr


def test_the_summary_and_the_search_find_a_responsible_as_the_filter_mina_does(
    run_vpl, db_path: Path
) -> None:
    """One rule of who is responsible: a name written with a non-breaking space after it
    (pasted from a document) is the same person for `vpl summary --responsible` and the
    search `@NAME` as for the filter "mina", which asks the core's rule. SQLite's `trim`
    strips only spaces, so the summary's own SQL comparison missed it."""
    from vpl_tui.db.store import Store

    assert run_vpl("edit", "1.1.1-1", "--responsible", "Anna Berg\u00a0").returncode == 0
    assert run_vpl("edit", "1.1.1-2", "--responsible", "anna berg").returncode == 0
    assert run_vpl("edit", "1.1.1-3", "--responsible", "Anna Bergström").returncode == 0
    mine = json.loads(run_vpl("summary", "--responsible", "ANNA BERG", "--format", "json").stdout)
    assert [row["ref"] for row in mine["activities"]] == ["1.1.1-1", "1.1.1-2"]
    with Store.open(db_path) as store:
        assert [a.ref for a in store.search("@anna berg")] == ["1.1.1-1", "1.1.1-2"]
        assert store.mine_counts("Anna Berg").progress["goal", "1.1.1"].total == 2
