"""The README and docs/ tell the truth: every console example prints what the page shows.

Each page's examples run in order with the real `vpl` command, in an empty folder of their
own with a fresh database holding the bundled plan (see tests/helpers/docs.py). After an
intended change of output, rewrite the pages with

    VPL_DOCS_UPDATE=1 .venv/bin/python -m pytest tests/test_docs.py

and read the diff before committing it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from helpers.docs import PAGES, ROOT, VPL, blocks, check_page

UPDATE = os.environ.get("VPL_DOCS_UPDATE") == "1"
WITH_EXAMPLES = [
    page for page in PAGES if any(b.is_console for b in blocks(page.read_text(encoding="utf-8")))
]
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


@pytest.mark.parametrize("page", WITH_EXAMPLES, ids=lambda page: page.name)
def test_console_examples_print_what_the_page_shows(page: Path, tmp_path: Path) -> None:
    outcome = check_page(page, tmp_path / "examples", VPL, update=UPDATE)
    if UPDATE and outcome.rewritten is not None:
        page.write_text(outcome.rewritten, encoding="utf-8")
        outcome.mismatches = [m for m in outcome.mismatches if "runs neither" in m]
    assert outcome.commands > 0
    assert not outcome.mismatches, "\n\n".join(outcome.mismatches)


def test_the_readme_and_every_page_have_console_examples_to_check() -> None:
    assert ROOT / "README.md" in WITH_EXAMPLES
    assert len(WITH_EXAMPLES) >= 5


def test_the_readme_is_a_two_minute_read() -> None:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 200, f"README.md has {len(lines)} lines; move the detail to docs/"


def test_links_between_the_pages_lead_somewhere() -> None:
    broken = []
    for page in PAGES:
        for target in LINK.findall(page.read_text(encoding="utf-8")):
            if re.match(r"[a-z]+:", target):
                continue  # a web address
            file_part, _, anchor = target.partition("#")
            linked = (page.parent / file_part).resolve() if file_part else page
            if not linked.exists():
                broken.append(f"{page.name}: {target} (no such file)")
            elif anchor and linked.suffix == ".md" and anchor not in _anchors(linked):
                broken.append(f"{page.name}: {target} (no such heading)")
    assert not broken, "\n".join(broken)


def test_the_index_lists_every_page_and_the_readme_points_to_it() -> None:
    index = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    listed = {Path(target.partition("#")[0]).name for target in LINK.findall(index)}
    pages = {page.name for page in (ROOT / "docs").glob("*.md")} - {"index.md"}
    assert pages <= listed, f"docs/index.md does not link {sorted(pages - listed)}"
    assert "docs/index.md" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_make_target_the_pages_name_is_in_the_makefile() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([A-Za-z][\w.-]*):", makefile, flags=re.MULTILINE))
    named = set()
    for page in PAGES:
        named |= set(re.findall(r"`make ([a-z]+)", page.read_text(encoding="utf-8")))
    assert named, "the pages name no make target"
    assert named <= targets, f"not in the Makefile: {sorted(named - targets)}"


def _anchors(page: Path) -> set[str]:
    """GitHub's anchors for a page's headings: lower case, punctuation dropped, - for spaces."""
    anchors = set()
    in_block = False
    for line in page.read_text(encoding="utf-8").splitlines():
        if re.match(r"\s*(```|~~~)", line):
            in_block = not in_block
        elif not in_block and (heading := re.match(r"#{1,6}\s+(.*)", line)):
            text = re.sub(r"[^\w\- ]", "", heading.group(1).strip().lower())
            anchors.add(text.replace(" ", "-"))
    return anchors
