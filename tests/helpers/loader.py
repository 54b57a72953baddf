"""A warm `vpl load`: imports vpl once, then forks one child per load it is asked for.

    python loader.py        (then, on stdin, one "DB<TAB>PLAN" line per load)

For each line it forks a child that runs the `vpl load` command's own code,
`vpl_tui.cli.main(["--db", DB, "load", "--replace", PLAN])`, prints the child's pid, waits for it and
prints how it ended ("exit N" or "signal N"). The kill test sends SIGKILL to the child:
everything `vpl load` does with the database happens in that child, only the interpreter
start and the imports (which touch no database) are done once, here, instead of for
every kill, so that the test can kill many loads in the time CI allows.
"""

from __future__ import annotations

import os
import sys
import traceback


def main() -> int:
    from vpl_tui.cli import main as vpl

    print("ready", flush=True)
    for line in sys.stdin:
        db, plan = line.rstrip("\n").split("\t")
        pid = os.fork()
        if pid == 0:  # the child: vpl load, with its output out of the pipe
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            code = 0
            try:
                vpl(["--db", db, "load", "--replace", plan], standalone_mode=True)
            except SystemExit as exit_:
                code = exit_.code if isinstance(exit_.code, int) else 1
            except BaseException:
                traceback.print_exc()  # to the loader's stderr, which the test reads
                code = 70
            os._exit(code)
        print(pid, flush=True)
        _, status = os.waitpid(pid, 0)
        if os.WIFSIGNALED(status):
            print(f"signal {os.WTERMSIG(status)}", flush=True)
        else:
            print(f"exit {os.WEXITSTATUS(status)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
