"""The test suite against another checkout's: the tests with the same name on both
sides, run by each side's own environment, the two alternating, and each test's time
compared.

    .venv/bin/python benchmarks/compare_tests.py OTHER [--runs 2] [--floor 0.2]

OTHER is another checkout with its own ``.venv`` (``git worktree add /tmp/old COMMIT``,
then ``python3 -m venv .venv && .venv/bin/pip install -e '.[test]'`` there). Only the
tests collected on both sides run, ``--runs`` times per side (A, B, A, B…), each run a
new pytest process with the same environment (so the same tests are skipped on both
sides: PostgreSQL and browser tests run on both or on neither). A test's time is its
setup, call and teardown together, the least of its runs; tests that fail on either
side are left out. Printed: the sum over the compared tests, and every test that takes
at least ``--floor`` seconds on one side and is more than 10% slower here.

A test's time includes what it is the first to pay in its process (an import, a
compiled statement, the registry's cache): a test that runs earlier on one side than
the other, or that now does more (a route walk over more routes, a page that shows
more), is slower without any code it calls being slower.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DURATION = re.compile(r"^([\d.]+)s (?:setup|call|teardown)\s+(\S.*)$")


def collected(checkout: Path) -> set[str]:
    """The node ids of every test a checkout's pytest collects."""
    out = subprocess.run(
        [str(checkout / ".venv/bin/pytest"), "--collect-only", "-q", "-p", "no:cacheprovider"],
        cwd=checkout, capture_output=True, text=True, check=False,
    ).stdout  # fmt: skip
    return {line.strip() for line in out.splitlines() if "::" in line}


def timed_run(checkout: Path, ids: list[str]) -> tuple[dict[str, float], set[str]]:
    """One pytest run of ``ids`` in ``checkout``: each test's seconds, and the failed."""
    out = subprocess.run(
        [str(checkout / ".venv/bin/pytest"), "-q", "-p", "no:cacheprovider",
         "--durations=0", "--durations-min=0", *ids],
        cwd=checkout, capture_output=True, text=True, check=False,
    ).stdout  # fmt: skip
    seconds: dict[str, float] = defaultdict(float)
    failed = set()
    for line in out.splitlines():
        if match := DURATION.match(line.strip()):
            seconds[match.group(2)] += float(match.group(1))
        elif line.startswith(("FAILED ", "ERROR ")):
            failed.add(line.split()[1])
    return dict(seconds), failed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("other", type=Path, help="another checkout, with its own .venv")
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--floor", type=float, default=0.2)
    args = parser.parse_args()
    sides = {"here": ROOT, "other": args.other.resolve()}
    ids = sorted(collected(sides["here"]) & collected(sides["other"]))
    print(f"{len(ids)} tests of the same name on both sides; load average {os.getloadavg()}")
    runs: dict[str, list[dict[str, float]]] = {"here": [], "other": []}
    failed: set[str] = set()
    for number in range(args.runs):
        for side in ("other", "here") if number % 2 == 0 else ("here", "other"):
            seconds, broken = timed_run(sides[side], ids)
            runs[side].append(seconds)
            failed |= broken
            print(f"  run {number + 1}, {side}: {sum(seconds.values()):.1f} s", flush=True)

    def least(side: str, test: str) -> float:
        return min(run.get(test, 0.0) for run in runs[side])

    compared = [test for test in ids if test not in failed]
    total = {side: sum(least(side, test) for test in compared) for side in runs}
    print(f"{len(compared)} compared ({len(failed)} failed on a side, left out): "
          f"{total['other']:.1f} s there, {total['here']:.1f} s here")  # fmt: skip
    timed = [t for t in compared if max(least("here", t), least("other", t)) >= args.floor]
    slower = sorted(
        ((least("here", t) / max(least("other", t), 1e-9), t) for t in timed
         if least("here", t) > 1.1 * least("other", t)), reverse=True,
    )  # fmt: skip
    print(f"{len(timed)} take {args.floor} s or more on a side; {len(slower)} are more than "
          f"10% slower here; load average {os.getloadavg()}")  # fmt: skip
    for ratio, test in slower:
        before, now = least("other", test), least("here", test)
        print(f"  {ratio:5.2f}×  {before:6.2f} → {now:6.2f} s  {test}")


if __name__ == "__main__":
    sys.exit(main())
