"""What the `vpl` command says.

Key: (Swedish, English). A count-bearing text gives both forms: `{count:# träff|# träffar}`.
"""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # CLI messages
    "cli.loaded": (
        "{file}: läste in {goals} mål, {initiatives} initiativ, "
        "{activities:# aktivitet|# aktiviteter} i {db}",
        "{file}: loaded {goals:# goal|# goals}, {initiatives:# initiative|# initiatives}, "
        "{activities:# activity|# activities} into {db}",
    ),
    "cli.checked": (
        "{file}: giltig plan ({goals} mål, {initiatives} initiativ, "
        "{activities:# aktivitet|# aktiviteter})",
        "{file}: valid plan ({goals:# goal|# goals}, {initiatives:# initiative|# initiatives}, "
        "{activities:# activity|# activities})",
    ),
    "cli.set": ("{ref}: {from_label} → {to_label}", "{ref}: {from_label} → {to_label}"),
    "cli.unchanged": ("{ref}: redan {label}", "{ref}: already {label}"),
    "cli.undone": (
        "ångrade {ref}: {from_label} → {to_label}",
        "undid {ref}: {from_label} → {to_label}",
    ),
    "cli.exported": ("skrev {file}", "wrote {file}"),
    "cli.no_history": ("ingen historik", "no history"),
    "history.header": (
        "tid (UTC)  ref  från → till  användare  anteckning",
        "time (UTC)  ref  from → to  user  note",
    ),
}
