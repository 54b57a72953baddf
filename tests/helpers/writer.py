"""A writer process for the concurrency test: makes N status changes, records each one.

    python writer.py store DB READY GO OUT N USER PREFIX STATUS_A STATUS_B REF...
    python writer.py cli   DB READY GO OUT N USER PREFIX STATUS_A STATUS_B REF...

`store` keeps one Store open and calls `set_status`, as the terminal app does. `cli` runs
the `vpl set` command's own code (`vpl_tui.cli.main`) once per change in this process:
everything `vpl set` does (parse the arguments, open the database, change, print, close)
except starting a new Python interpreter, which would make 500 changes take minutes.

Change k goes to REF[k % len(REF)] and alternates between STATUS_A and STATUS_B on each
ref, so that every change really changes the status (never "already ..."). The writer
touches READY when it is set up, waits for GO to appear, and writes one JSON line per
change to OUT: {"k", "ref", "status", "id" (the history row), "code", "stdout", "stderr",
"began" (wall clock), "seconds" (how long the change took, waiting for the lock included)}.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    mode, db, ready, go, out, count, user, prefix, status_a, status_b, *refs = argv
    os.environ["VPL_USER"] = user
    changes = []
    for k in range(int(count)):
        ref = refs[k % len(refs)]
        status = (status_a, status_b)[(k // len(refs)) % 2]
        changes.append((k, ref, status, f"{prefix}-{k:04d}"))
    if mode == "store":
        from vpl_tui.db.store import Store

        store = Store.open(db)
    else:
        from vpl_tui.cli import main as vpl

        # Once before the start, so that the imports a first command makes are done and
        # both writers start writing at the same moment.
        with contextlib.redirect_stdout(io.StringIO()):
            vpl(["--db", db, "history", "-n", "1"], standalone_mode=False)

    Path(ready).touch()
    while not Path(go).exists():
        time.sleep(0.001)
    with open(out, "w", encoding="utf-8") as log:
        for k, ref, status, note in changes:
            record: dict[str, object] = {"k": k, "ref": ref, "status": status}
            record["began"] = time.time()  # wall clock: comparable between the writers
            started = time.monotonic()
            if mode == "store":
                change = store.set_status(ref, status, note=note)
                record.update(id=None if change is None else change.id, code=0)
            else:
                stdout, stderr = io.StringIO(), io.StringIO()
                code: object = 0
                with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
                    try:
                        vpl(
                            ["--db", db, "set", ref, status, "--note", note],
                            standalone_mode=False,
                        )
                    except SystemExit as exit_:
                        code = exit_.code
                record.update(code=code, stdout=stdout.getvalue(), stderr=stderr.getvalue())
            record["seconds"] = round(time.monotonic() - started, 4)
            log.write(json.dumps(record) + "\n")
    if mode == "store":
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
