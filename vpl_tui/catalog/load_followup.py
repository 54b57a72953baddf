"""`vpl load` and the follow-up's histories (assessments, notes, ready marks): kept or refused."""

from __future__ import annotations

_WAY_OUT = (
    "inget skrevs (ta med databasens historik i filen, eller ersätt allt med "
    "vpl load --replace {file})",
    "nothing was written (keep the database's history in the file, or replace everything "
    "with vpl load --replace {file})",
)
_DROPPED = (
    "inget skrevs (behåll dem i filen, eller ersätt allt med vpl load --replace {file})",
    "nothing was written (keep them in the file, or replace everything with "
    "vpl load --replace {file})",
)

STRINGS: dict[str, tuple[str, str]] = {
    "load.assessment_diverged": (
        "bedömningen av {name}: filens historik och databasens har gått isär; " + _WAY_OUT[0],
        "the assessment of {name}: the file's history and the database's have diverged; "
        + _WAY_OUT[1],
    ),
    "load.assessment_dropped": (
        "bedömningen av {name}: filen saknar målet, initiativet eller perioden, som har "
        "bedömningar i databasen; " + _DROPPED[0],
        "the assessment of {name}: the file leaves out the goal, initiative or period, "
        "which has assessments in the database; " + _DROPPED[1],
    ),
    "load.note_diverged": (
        "anteckningen om {name}: filens historik och databasens har gått isär; " + _WAY_OUT[0],
        "the note on {name}: the file's history and the database's have diverged; " + _WAY_OUT[1],
    ),
    "load.note_dropped": (
        "anteckningen om {name}: filen saknar aktiviteten eller perioden, som har "
        "anteckningar i databasen; " + _DROPPED[0],
        "the note on {name}: the file leaves out the activity or period, which has notes "
        "in the database; " + _DROPPED[1],
    ),
    "load.ready_diverged": (
        "klarmarkeringen av {name}: filens historik och databasens har gått isär; " + _WAY_OUT[0],
        "the ready mark of {name}: the file's history and the database's have diverged; "
        + _WAY_OUT[1],
    ),
    "load.ready_dropped": (
        "klarmarkeringen av {name}: filen saknar målet, initiativet eller perioden, som är "
        "klarmarkerade i databasen; " + _DROPPED[0],
        "the ready mark of {name}: the file leaves out the goal, initiative or period, "
        "which has ready marks in the database; " + _DROPPED[1],
    ),
    # A load that kept the database's newer follow-up says whose.
    "load.kept_assessments": (
        "{file}: behöll databasens senare bedömningar av {count:# mål eller initiativ|# mål "
        "och initiativ} ({names})",
        "{file}: kept the database's later assessments of {count:# goal or initiative|# goals "
        "and initiatives} ({names})",
    ),
    "load.kept_notes": (
        "{file}: behöll databasens senare anteckningar om {count:# aktivitet|# aktiviteter} "
        "({names})",
        "{file}: kept the database's later notes on {count:# activity|# activities} ({names})",
    ),
    "load.kept_ready": (
        "{file}: behöll databasens senare klarmarkeringar av {count:# mål eller initiativ|# "
        "mål och initiativ} ({names})",
        "{file}: kept the database's later ready marks of {count:# goal or initiative|# goals "
        "and initiatives} ({names})",
    ),
}
