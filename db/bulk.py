"""Reading a large plan file into rows with every processor at once, for `vpl load`.

A region's plan file (100 000 activities, 30 MB) takes one processor 10 seconds to
parse, validate and turn into rows; the database then takes its rows in two. The file
is a list of goals (`[[goals]]` tables), and goals do not depend on each other until
the plan's references are checked, so the file is cut into parts at `[[goals]]` lines
and each part is read by its own process (`os.fork`: the text is shared, not copied),
with the same parser and the same models as `read_plan`. The parts' rows are merged
and the references checked on them exactly as `Plan` checks them.

Nothing here decides whether a file is valid. Whenever anything is out of the ordinary
(a part that does not parse or validate, a key in two parts, a broken reference, a
process that failed), the whole file is read again the ordinary way, by `parse_plan`,
which gives the error lines a user sees (or, should it accept the file, the plan). Why a
cut cannot change what the file means, when every part parses:

- A part starts where a line `[[goals]]` starts, and TOML is read from left to right:
  the first part is read as the whole file is. Were a cut inside a multi-line string
  or array, the part before it would end inside that string or array, and fail. So,
  by induction, when every part parses, every cut is at a real `[[goals]]` table.
- A `[[goals]]` table appends to the top-level array `goals` (so each part's goals
  follow the last part's), and whatever comes after it until the next header belongs to
  it. Each part but the last is parsed with a `[[goals]]` line after it, so the parser
  itself confirms that the next part's first line is allowed there (it is not when
  `goals` was written as a plain array); the goal that line adds is dropped.
- Any other top-level key must be in one part only: a table defined in two parts would
  be a duplicate, or a dotted extension, which the ordinary reading judges.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vpl_tui.db.rows import GoalRows, PlanRows, merge_goal_rows, plan_rows
from vpl_tui.safetext import clean

if TYPE_CHECKING:
    from pydantic import TypeAdapter

    from vpl_tui.model import Goal, Plan

MIN_PARALLEL_CHARS = 2_000_000
"""Below this (about 6 000 activities) one process reads the file sooner than two start."""
MAX_PROCESSES = 4
"""More parts than this cost more in merging than they save on a plan of any size."""
MAIN_WEIGHT = 1.0
"""The size of the part this process reads itself, against each other process's part.

This process also unpickles and merges the others' rows while they pickle and send them;
the two take about as long, so the parts are even (measured at 100 000 activities)."""

_waiting_parent: int | None = None
"""In a process started to read a part: the process waiting for its rows."""
_GOALS_HEADER = "[[goals]]"
_PROBE = "\n[[goals]]\n"


def read_plan_rows(
    path: Path | str,
    *,
    processes: int | None = None,
    min_chars: int = MIN_PARALLEL_CHARS,
) -> PlanRows:
    """Read and validate a plan file into the rows the store inserts.

    Gives the rows `plan_rows(read_plan(path))` gives, and refuses the files `read_plan`
    refuses with the same `PlanFileError`; a large file is read in several processes.

    Args:
        path: The plan file.
        processes: How many processes read at once; by default one per processor.
        min_chars: Files shorter than this are read by this process alone.
    """
    from vpl_tui.planfile import decode_plan, read_bytes

    path = Path(path)
    name = clean(str(path))
    box = [decode_plan(read_bytes(path, name), name)]
    count = available_processors() if processes is None else processes
    if count > 1 and len(box[0]) >= min_chars and hasattr(os, "fork"):
        cuts = cut_points(box[0], count)
        if cuts:
            rows = read_in_parts(box[0], cuts)
            if rows is not None:
                return rows
    return _read_whole(box, name)


def _read_whole(box: list[str], name: str) -> PlanRows:
    """The ordinary reading, which names every problem; the text is handed over, not kept."""
    from vpl_tui.planfile import parse_plan

    return plan_rows(parse_plan(box.pop(), name))


def available_processors() -> int:
    """The processors this process may use: its CPU set, within a container's CPU quota."""
    if hasattr(os, "sched_getaffinity"):
        count = len(os.sched_getaffinity(0))
    else:
        count = os.cpu_count() or 1
    quota = _cgroup_cpu_quota()
    if quota is not None:
        count = min(count, max(1, int(quota)))
    return min(count, MAX_PROCESSES)


def _cgroup_cpu_quota() -> float | None:
    """The CPUs a cgroup v2 quota allows ("200000 100000": 2.0), or None without one."""
    try:
        limit, period = Path("/sys/fs/cgroup/cpu.max").read_text().split()[:2]
        return None if limit == "max" else int(limit) / int(period)
    except (OSError, ValueError):
        return None


def cut_points(text: str, parts: int) -> list[int]:
    """Where to cut `text` into `parts` parts of about equal size, at `[[goals]]` lines.

    This process's part, the first, is `MAIN_WEIGHT` times the size of the others. Fewer
    cuts are given when the file has fewer goals.
    """
    starts = goal_table_lines(text, 0, len(text))
    if len(starts) < 2:
        return []
    first = len(text) * MAIN_WEIGHT / (MAIN_WEIGHT + parts - 1)
    rest = (len(text) - first) / (parts - 1)
    cuts: list[int] = []
    for index in range(parts - 1):
        target = first + rest * index
        at = bisect_left(starts, target)
        if at >= len(starts):
            break
        cut = starts[at]
        if cut > 0 and (not cuts or cut > cuts[-1]):
            cuts.append(cut)
    return cuts


def goal_table_lines(text: str, start: int, end: int) -> list[int]:
    """Where the lines `[[goals]]` start in text[start:end], after `start` itself.

    A line is `[[goals]]` with nothing after it but spaces, tabs and the line break.
    Searched with `str.find`, ten times faster than a multi-line regular expression on
    a 30 MB file.
    """
    found: list[int] = []
    marker = "\n" + _GOALS_HEADER
    at = text.find(marker, start, end)
    while at != -1:
        line = at + 1
        after = line + len(_GOALS_HEADER)
        line_end = text.find("\n", after, end)
        rest = text[after : end if line_end == -1 else line_end]
        if not rest.removesuffix("\r").strip(" \t"):
            found.append(line)
        at = text.find(marker, after, end)
    return found


def read_in_parts(text: str, cuts: Sequence[int]) -> PlanRows | None:
    """Read the parts at once, this process the first; None when anything is unusual."""
    bounds = [0, *cuts, len(text)]
    last = len(bounds) - 2
    _goal_adapter()  # made once, before the fork, and shared with the other processes
    children: list[tuple[int, int]] = []
    try:
        for index in range(1, last + 1):
            child = _fork(text, bounds[index], bounds[index + 1], index, index == last)
            if child is None:
                return None
            children.append(child)
        results = [_part(text, bounds[0], bounds[1], 0, last == 0)]
        while children:
            results.append(_receive(*children.pop(0)))
    finally:
        for pid, read_end in children:  # this process failed or gave up: stop the others
            _stop(pid, read_end)
    if any(result is None for result in results):
        return None
    return _merge([result for result in results if result is not None])


def _fork(text: str, start: int, end: int, index: int, is_last: bool) -> tuple[int, int] | None:
    """Start a process that reads text[start:end] and sends back its rows.

    None when no process can be started (the file is then read by this one).
    """
    try:
        read_end, write_end = os.pipe()
    except OSError:
        return None
    parent = os.getpid()
    # Ctrl-C is this process's to handle (it stops the others); a new process ignores it
    # from its first instruction on.
    interrupt = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None
    finally:
        if os.getpid() == parent:
            signal.signal(signal.SIGINT, interrupt)
    if pid == 0:  # the child: read its part, send the rows, leave without cleaning up
        global _waiting_parent  # noqa: PLW0603 - this process's own state, set after the fork
        _waiting_parent = parent
        try:
            os.close(read_end)
            result = _part(text, start, end, index, is_last)
            payload = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as out:
                out.write(payload)
        except BaseException:  # noqa: BLE001 - the parent reads nothing, and reads the file itself
            os._exit(1)
        os._exit(0)
    os.close(write_end)
    return pid, read_end


def _receive(pid: int, read_end: int) -> tuple[dict[str, Any], GoalRows] | None:
    """A child's rows; None unless it finished its part and sent them whole."""
    with os.fdopen(read_end, "rb") as incoming:
        payload = incoming.read()
    _, status = os.waitpid(pid, 0)
    if not payload or os.waitstatus_to_exitcode(status) != 0:
        return None  # killed, or failed while sending: what came may be cut short
    try:
        return pickle.loads(payload)
    except Exception:  # noqa: BLE001 - any damage means reading the file here instead
        return None


def _stop(pid: int, read_end: int) -> None:
    with contextlib.suppress(OSError):
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    with contextlib.suppress(OSError):
        os.close(read_end)


class _Unusual(Exception):
    """Something the parts cannot settle: the whole file is read the ordinary way."""


def _part(
    text: str, start: int, end: int, index: int, is_last: bool
) -> tuple[dict[str, Any], GoalRows] | None:
    """Read text[start:end]: its top-level keys but `goals`, and its goals' rows.

    None when the part does not parse or validate, or is unusual in any other way: the
    whole file is then read again, the ordinary way.
    """
    from vpl_tui.db.rows import goal_rows

    others: dict[str, Any] = {}
    try:
        return others, goal_rows(_goals(text, start, end, index, is_last, others), part=index)
    except Exception:  # noqa: BLE001 - whatever it was, the ordinary reading will say
        return None


def _goals(
    text: str, start: int, end: int, index: int, is_last: bool, others: dict[str, Any]
) -> Iterator[Goal]:
    """The validated goals of text[start:end], read one `[[goals]]` table at a time.

    A goal's parsed table and its model are let go as soon as its rows are made: a
    process holds one goal's worth of them, not the part's (a region's plan would take
    twice the memory otherwise). Top-level keys other than `goals` go into `others`.
    """
    from vpl_tui.planfile import lf_newlines, loads_toml, may_hold_cr

    adapter = _goal_adapter()
    bounds = [start, *goal_table_lines(text, start, end), end]
    for number in range(len(bounds) - 1):
        if _waiting_parent is not None and os.getppid() != _waiting_parent:
            os._exit(1)  # `vpl load` was stopped: nobody waits for these rows
        last_of_file = is_last and number == len(bounds) - 2
        chunk = text[bounds[number] : bounds[number + 1]]
        if not last_of_file:
            chunk += _PROBE
        data = loads_toml(chunk)
        if may_hold_cr(chunk):
            data = lf_newlines(data)
        del chunk
        goals = data.pop("goals", [])
        if not isinstance(goals, list):
            raise _Unusual("goals is not an array of tables")
        if not last_of_file and (not goals or goals.pop() != {}):
            raise _Unusual("the next part's [[goals]] may not follow")
        if (index > 0 or number > 0) and not goals:
            raise _Unusual("a part that starts with [[goals]] holds no goal")
        if others.keys() & data.keys():
            raise _Unusual("a top-level key in two parts")
        others.update(data)
        for position, goal in enumerate(goals):
            goals[position] = None
            yield adapter.validate_python(goal, strict=True)


@cache
def _goal_adapter() -> TypeAdapter[Goal]:
    from pydantic import TypeAdapter

    from vpl_tui.model import Goal

    return TypeAdapter(Goal)


def _merge(results: Sequence[tuple[dict[str, Any], GoalRows]]) -> PlanRows | None:
    """The parts as one plan; None when they overlap or the plan's references do not hold."""
    from pydantic import ValidationError

    from vpl_tui.model import GOALS_READ_ELSEWHERE, Plan

    others: dict[str, Any] = {}
    for data, _ in results:
        if others.keys() & data.keys():
            return None
        others.update(data)
    try:
        small = Plan.model_validate(
            {**others, "goals": []}, strict=True, context={GOALS_READ_ELSEWHERE: True}
        )
    except (ValidationError, RecursionError):
        return None
    goals = merge_goal_rows([rows for _, rows in results])
    if not references_hold(small, goals):
        return None
    from vpl_tui.model.followup import followup_of

    return PlanRows(
        info=small.plan,
        mandate=small.mandate,
        focus=small.focus,
        budget=small.budget,
        goals=goals,
        followup=followup_of(small),
        outcomes=small.outcomes,
        changes=small.changes,
    )


def references_hold(small: Plan, goals: GoalRows) -> bool:
    """Whether the references `Plan` checks hold: the same checks, on rows.

    Goal numbers, initiative ids and activity refs are unique in the plan; every goal a
    focus list names exists; the budget names existing goals and initiatives.
    """
    from vpl_tui.rules.refs import ref_key

    numbers = {row[0] for row in goals.goals}
    initiatives = {row[0] for row in goals.initiatives}
    if len(numbers) != len(goals.goals) or len(initiatives) != len(goals.initiatives):
        return False
    # Refs and ids are unique without regard to case; an id may not be a goal number too.
    if len({ref_key(row[0]) for row in goals.initiatives}) != len(initiatives):
        return False
    if not numbers.isdisjoint(initiatives):
        return False
    if len({ref_key(row[0]) for row in goals.activities}) != len(goals.activities):
        return False
    if any(number not in numbers for focus in small.focus for number in focus.goals):
        return False
    from vpl_tui.model import outcome_metric_problems, target_problems

    metric_ids = {ref_key(row[7]) for row in goals.metrics}
    if len(metric_ids) != len(goals.metrics):
        return False  # an id used twice: the whole read names it
    if outcome_metric_problems(small.outcomes, {row[7] for row in goals.metrics}):
        return False
    refs = {row[0] for row in goals.activities}
    if target_problems(small.assessments, small.notes, small.ready, numbers | initiatives, refs):
        return False  # the whole read names them
    return small.budget is None or not small.budget_problems(numbers, initiatives)
