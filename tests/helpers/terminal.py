"""A pseudo-terminal to run the real app in, keeping every byte it writes.

The app is a `vpl` process whose stdin, stdout and stderr are the slave side of a pty of
a fixed size; the test reads the master side, as a terminal emulator would, and types
on it. Nothing answers the app's terminal queries, which Textual does not wait for.
"""

from __future__ import annotations

import fcntl
import os
import struct
import subprocess
import termios
import threading
import time
from pathlib import Path


class Terminal:
    """`argv` running in a pty of `rows` × `columns`; `output` is all it has written."""

    def __init__(
        self, argv: list[str], *, env: dict[str, str], cwd: Path, rows: int = 40, columns: int = 120
    ) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.process = subprocess.Popen(
            argv,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            cwd=cwd,
            start_new_session=True,
        )
        os.close(slave)
        self.master = master
        self.output = bytearray()
        self._lock = threading.Lock()
        self._last_output = time.monotonic()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self.master, 65536)
            except OSError:  # EIO: the app has exited and closed the pty
                return
            if not data:
                return
            with self._lock:
                self.output += data
                self._last_output = time.monotonic()

    def written(self) -> bytes:
        with self._lock:
            return bytes(self.output)

    def type(self, keys: bytes, *, expect: bytes | None = None, settle: float = 0.4) -> bool:
        """Send `keys` as typed, then wait until the app has drawn what they changed:
        until it writes `expect` (if given; False if it did not within 20 s), then until
        it has been quiet for `settle` seconds."""
        start = len(self.written())
        os.write(self.master, keys)
        seen = True
        if expect is not None:
            deadline = time.monotonic() + 20
            while expect not in self.written()[start:]:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    seen = False
                    break
                time.sleep(0.02)
        self.settle(settle)
        return seen

    def settle(self, quiet: float = 0.4, limit: float = 20) -> None:
        """Wait until the app has written nothing for `quiet` seconds (at most `limit`)."""
        deadline = time.monotonic() + limit
        time.sleep(quiet)
        while time.monotonic() < deadline:
            with self._lock:
                idle = time.monotonic() - self._last_output
            if idle >= quiet:
                return
            time.sleep(quiet - idle)

    def wait_for(self, needle: bytes, limit: float = 60) -> bool:
        """Wait until `needle` has been written (True), or `limit` seconds passed (False)."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            if needle in self.written():
                return True
            if self.process.poll() is not None:
                return needle in self.written()
            time.sleep(0.05)
        return False

    def close(self, limit: float = 30) -> int:
        """Wait for the app to exit (killing it after `limit` seconds); its exit code."""
        try:
            code = self.process.wait(timeout=limit)
        except subprocess.TimeoutExpired:
            self.process.kill()
            code = self.process.wait()
        self._reader.join(timeout=5)
        os.close(self.master)
        return code
