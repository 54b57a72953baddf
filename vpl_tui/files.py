"""Writing the files vpl makes (exports, summaries, reports): where the user pointed, atomically.

Two ways to write, for two situations:

- `write_output` is `-o FILE` on the command line: it writes what the user named. `-` or
  `/dev/stdout` is standard output; a symbolic link writes its target; a device or a pipe
  is written as it is; a regular file is replaced atomically (a temporary file beside it,
  flushed to disk, renamed over it), so on any failure, a full disk included, the old file
  is intact and no temporary file is left. The database itself (or its -wal or -shm file)
  is refused: an export written over it would destroy what it exports.
- `save_new` is the app saving a file into a folder: it never overwrites an earlier file
  (`sammanfattning-2023-06-15.md`, then `…-2.md`) and never follows a symbolic link someone
  placed where the file would go.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from vpl_tui.errors import VplError, os_reason

STDOUT_NAMES = frozenset({"-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"})
"""Names of standard output: written to the stream, so a pipe or a terminal gets the text."""
MAX_NUMBERED = 999
"""How many numbered names `save_new` tries before it gives up."""


def _reason(error: OSError) -> VplError:
    """The system's reason in the interface's language (`os_reason`), rendered with the rest."""
    return os_reason(error)


def _same_file(path: Path, protected: Path) -> bool:
    if os.path.realpath(path) == os.path.realpath(protected):
        return True
    try:
        return path.exists() and protected.exists() and os.path.samefile(path, protected)
    except OSError:
        return False


def database_files(db: Path) -> list[Path]:
    """The files of a SQLite database: the file and its -wal, -shm and -journal companions."""
    return [db, *(db.with_name(db.name + suffix) for suffix in ("-wal", "-shm", "-journal"))]


def write_output(
    target: str | Path,
    text: str | bytes,
    *,
    protected: Iterable[Path] = (),
    stdout: TextIO | None = None,
) -> Path | None:
    """Write `text` (UTF-8, or bytes as they are) where `target` names; returns the file
    written, None for standard output.

    Raises:
        VplError: the target is a protected file (the database) or a folder, or writing
            failed; nothing was changed then.
    """
    name = str(target)
    if name in STDOUT_NAMES:
        stream = stdout or sys.stdout
        if isinstance(text, bytes):
            stream.flush()
            stream.buffer.write(text)  # a Word or PDF file piped on: its bytes, unchanged
            stream.buffer.flush()
        else:
            stream.write(text)
            stream.flush()
        return None
    path = Path(os.path.realpath(name))  # a symbolic link writes its target
    for database in protected:
        if any(_same_file(path, part) for part in database_files(database)):
            raise VplError("error.output_is_database", path=name)
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise VplError("error.write_failed", path=name, reason=_reason(error)) from None
    if mode is not None and stat.S_ISDIR(mode):
        raise VplError("error.output_is_folder", path=name)
    data = text.encode("utf-8") if isinstance(text, str) else text
    if mode is not None and not stat.S_ISREG(mode):
        # A device or a pipe: there is nothing to replace, only something to write to.
        try:
            with open(path, "wb") as stream:
                stream.write(data)
        except OSError as error:
            raise VplError("error.write_failed", path=name, reason=_reason(error)) from None
        return path
    _replace_atomically(path, data, name, mode)
    return path


def _replace_atomically(path: Path, data: bytes, shown: str, mode: int | None) -> None:
    try:
        handle, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
        )
    except OSError as error:
        raise VplError("error.write_failed", path=shown, reason=_reason(error)) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        # mkstemp makes the file private; keep the old file's permissions, or the usual ones.
        os.chmod(temporary, stat.S_IMODE(mode) if mode is not None else 0o666 & ~_umask())
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise VplError("error.write_failed", path=shown, reason=_reason(error)) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(path.parent)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _sync_folder(folder: Path) -> None:
    """Make the rename durable; some file systems cannot open a folder, which is fine."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def numbered(name: str, number: int) -> str:
    """`rapport.md` → `rapport-2.md`: the name `save_new` tries when `rapport.md` is taken."""
    stem, dot, suffix = name.rpartition(".")
    if not dot or not stem:
        return f"{name}-{number}"
    return f"{stem}-{number}.{suffix}"


def save_new(folder: Path, name: str, data: bytes | str) -> Path:
    """Save `data` as a new file in `folder`, named `name` or, if that is taken, `name-2`, …

    Never overwrites and never follows a symbolic link at the name: the file is written
    under a temporary name, flushed, and then hard-linked to the final name, which fails
    if anything (a file, a link) is already there; so the final file appears whole or not
    at all.

    Raises:
        VplError: the folder cannot be written, or every numbered name is taken.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".vpl-", suffix=".tmp")
    except OSError as error:
        raise VplError("error.write_failed", path=str(folder), reason=_reason(error)) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o666 & ~_umask())
        for number in range(1, MAX_NUMBERED + 1):
            candidate = folder / (name if number == 1 else numbered(name, number))
            try:
                os.link(temporary, candidate, follow_symlinks=False)
            except FileExistsError:
                continue
            _sync_folder(folder)
            return candidate
        raise VplError("error.no_free_name", path=str(folder / name))
    except OSError as error:
        raise VplError(
            "error.write_failed", path=str(folder / name), reason=_reason(error)
        ) from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
