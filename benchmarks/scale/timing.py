"""Time the commands users run on a built store: wall seconds and peak memory of each, one process each.

    python benchmarks/scale/timing.py --store /tmp/scale/role-1k/store --commands analyze viz path

Each command runs as ``python -m kg ...`` in its own process (peak memory is that process's
maximum resident set, and CPU seconds its user + system time, from
``resource.getrusage(RUSAGE_CHILDREN)`` of a fresh helper). On a shared machine wall seconds
follow the load; CPU seconds are the firmer number.
Prints one JSON line per command.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MEASURE = (
    "import resource, subprocess, sys, time; t = time.perf_counter(); "
    "rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).returncode; "
    "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
    "print(time.perf_counter() - t, u.ru_maxrss, rc, u.ru_utime + u.ru_stime)"
)


def command_lines(store: str, out: Path, first: str, second: str) -> dict[str, list[str]]:
    return {
        "analyze": ["analyze", store, "-o", str(out / "analysis"), "--no-write-back"],
        "viz": ["viz", store, "-o", str(out / "view.html")],
        "path": ["path", store, first, second],
        "validate": ["validate", store],
    }


def run(args: list[str]) -> dict:
    line = subprocess.run(
        [sys.executable, "-c", MEASURE, sys.executable, "-m", "kg", *args], capture_output=True, text=True, check=True
    ).stdout.split()
    return {
        "seconds": round(float(line[0]), 2),
        "cpu_seconds": round(float(line[3]), 2),
        "peak_mb": round(int(line[1]) / 1024),
        "exit": int(line[2]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", required=True)
    parser.add_argument("--commands", nargs="+", default=["analyze", "viz", "path"])
    parser.add_argument("--first", default="Orlan Veski")
    parser.add_argument("--second", default="Ghana")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        lines = command_lines(args.store, Path(tmp), args.first, args.second)
        for name in args.commands:
            started = time.strftime("%H:%M:%S")
            result = run(lines[name])
            print(json.dumps({"store": args.store, "command": name, "started": started, **result}), flush=True)


if __name__ == "__main__":
    main()
