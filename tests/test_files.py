"""Files vpl writes: where the user pointed, replaced atomically, never over the database."""

from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from vpl_tui.errors import VplError
from vpl_tui.files import numbered, save_new, write_output
from vpl_tui.strings import Strings

EN = Strings("en")


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_new_file_is_written_with_the_usual_permissions(tmp_path: Path) -> None:
    target = tmp_path / "plan.toml"
    assert write_output(target, "å → …\n") == target
    assert target.read_text(encoding="utf-8") == "å → …\n"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    assert leftovers(tmp_path) == []


def test_an_existing_file_is_replaced_and_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "plan.toml"
    target.write_text("old")
    target.chmod(0o640)
    write_output(target, "new")
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert leftovers(tmp_path) == []


def test_a_symbolic_link_writes_its_target(tmp_path: Path) -> None:
    real = tmp_path / "real.toml"
    real.write_text("old")
    link = tmp_path / "link.toml"
    link.symlink_to(real)
    write_output(link, "new")
    assert link.is_symlink(), "the link stays a link"
    assert real.read_text() == "new"


@pytest.mark.parametrize("name", ["-", "/dev/stdout"])
def test_dash_and_dev_stdout_write_to_standard_output(name: str) -> None:
    stream = io.StringIO()
    assert write_output(name, "hej\n", stdout=stream) is None
    assert stream.getvalue() == "hej\n"


def test_a_device_is_written_as_it_is() -> None:
    assert write_output("/dev/null", "x" * 1000) == Path("/dev/null")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_the_database_and_its_companions_are_refused(tmp_path: Path, suffix: str) -> None:
    db = tmp_path / "plan.db"
    for part in (db, tmp_path / "plan.db-wal", tmp_path / "plan.db-shm"):
        part.write_bytes(b"SQLite")
    with pytest.raises(VplError) as caught:
        write_output(tmp_path / f"plan.db{suffix}", "x", protected=[db])
    assert "is the database itself" in caught.value.render(EN)
    assert (tmp_path / f"plan.db{suffix}").read_bytes() == b"SQLite"


def test_a_link_to_the_database_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "plan.db"
    db.write_bytes(b"SQLite")
    (tmp_path / "out.toml").symlink_to(db)
    with pytest.raises(VplError):
        write_output(tmp_path / "out.toml", "x", protected=[db])
    assert db.read_bytes() == b"SQLite"


def test_a_folder_is_refused_in_one_line(tmp_path: Path) -> None:
    with pytest.raises(VplError) as caught:
        write_output(tmp_path, "x")
    assert caught.value.render(EN) == f"{tmp_path}: is a folder; name a file"


FULL_DISK = """
import resource, signal, sys
from pathlib import Path
from vpl_tui.errors import VplError
from vpl_tui.files import write_output
from vpl_tui.strings import Strings
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))  # the disk is full after 4 KiB
try:
    write_output(Path(sys.argv[1]), "x" * 100_000)
except VplError as error:
    print(error.render(Strings("en")))
    sys.exit(2)
"""


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "plan.toml"
    target.write_text("the old export")
    done = subprocess.run(
        [sys.executable, "-c", FULL_DISK, str(target)], capture_output=True, text=True
    )
    assert done.returncode == 2, done.stderr
    assert done.stdout.startswith(f"{target}: could not be written (File too large)")
    assert target.read_text() == "the old export"
    assert leftovers(tmp_path) == []


def test_save_new_never_overwrites_an_earlier_file(tmp_path: Path) -> None:
    first = save_new(tmp_path, "sammanfattning-2023-06-15.md", "ett")
    second = save_new(tmp_path, "sammanfattning-2023-06-15.md", "två")
    assert first.name == "sammanfattning-2023-06-15.md"
    assert second.name == "sammanfattning-2023-06-15-2.md"
    assert (first.read_text(), second.read_text()) == ("ett", "två")
    assert leftovers(tmp_path) == []


def test_save_new_never_follows_a_link_placed_at_the_name(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    (tmp_path / "report.md").symlink_to(victim)
    (tmp_path / "dangling.md").symlink_to(tmp_path / "nowhere")
    saved = save_new(tmp_path, "report.md", "rapport")
    assert saved.name == "report-2.md"
    assert victim.read_text() == "keep me"
    assert save_new(tmp_path, "dangling.md", "x").name == "dangling-2.md"
    assert not (tmp_path / "nowhere").exists()


def test_save_new_makes_the_folder(tmp_path: Path) -> None:
    saved = save_new(tmp_path / "Dokument" / "vpl", "r.md", "x")
    assert saved.read_text() == "x"


def test_numbered_names() -> None:
    assert numbered("rapport.md", 2) == "rapport-2.md"
    assert numbered("rapport", 3) == "rapport-3"
    assert numbered(".hidden", 2) == ".hidden-2"
