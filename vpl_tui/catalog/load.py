"""`vpl load` over recorded history, `vpl load --replace` and `vpl backup`.

Key: (Swedish, English). A count-bearing text gives both forms: `{count:# träff|# träffar}`.
"""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # A refused load: one line for each history it would lose, with the way out.
    "load.activity_diverged": (
        "{name}: filens historik och databasens har gått isär; inget skrevs (ta med "
        "databasens historik i filen, eller ersätt allt med vpl load --replace {file})",
        "{name}: the file's history and the database's have diverged; nothing was written "
        "(keep the database's history in the file, or replace everything with "
        "vpl load --replace {file})",
    ),
    "load.activity_dropped": (
        "{name}: filen saknar aktiviteten, som har historik i databasen; inget skrevs "
        "(behåll den i filen och avbryt den i stället, eller ersätt allt med "
        "vpl load --replace {file})",
        "{name}: the file leaves out this activity, which has a history in the database; "
        "nothing was written (keep it in the file and cancel it instead, or replace "
        "everything with vpl load --replace {file})",
    ),
    "load.figure_diverged": (
        "budget {name}: filens ändringar och databasens har gått isär; inget skrevs (ta med "
        "databasens ändringar i filen, eller ersätt allt med vpl load --replace {file})",
        "budget {name}: the file's edits and the database's have diverged; nothing was "
        "written (keep the database's edits in the file, or replace everything with "
        "vpl load --replace {file})",
    ),
    "load.figure_dropped": (
        "budget {name}: filen saknar siffran, som har ändringar i databasen; inget skrevs "
        "(behåll den i filen, eller ersätt allt med vpl load --replace {file})",
        "budget {name}: the file leaves out this figure, which has edits in the database; "
        "nothing was written (keep it in the file, or replace everything with "
        "vpl load --replace {file})",
    ),
    "load.more_conflicts": (
        "… och {count} till; inget skrevs",
        "… and {count} more; nothing was written",
    ),
    # A load that kept the database's newer changes says whose.
    "load.kept_activities": (
        "{file}: behöll databasens senare ändringar av {count:# aktivitet|# aktiviteter} ({names})",
        "{file}: kept the database's later changes of {count:# activity|# activities} ({names})",
    ),
    "load.kept_figures": (
        "{file}: behöll databasens senare ändringar av {count:# budgetsiffra|# budgetsiffror} "
        "({names})",
        "{file}: kept the database's later edits of {count:# budget figure|# budget figures} "
        "({names})",
    ),
    "load.backup_before_replace": (
        "säkerhetskopia av {db} före ersättningen: {file}",
        "backup of {db} before the replacement: {file}",
    ),
    # vpl backup
    "backup.written": ("säkerhetskopia av {db}: {file}", "backup of {db}: {file}"),
}
