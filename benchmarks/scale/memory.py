"""Peak memory of ``kg build --workers N`` on a synthetic corpus of the development texts under new ids.

The corpus (``doc0`` .. ``doc{N-1}``, the WikiEvents + Re-DocRED development texts repeated
in order) is written by ``parallel_build.write_corpus``; the build runs as its own
``python -m kg build`` process, and the summed resident memory of that process and all its
children (the workers) is sampled every 0.1 s (``parallel_build.peak_memory``). Run it
under ``/usr/bin/time -v`` for the kernel's own figure (the largest single process of the tree):

    /usr/bin/time -v python benchmarks/scale/memory.py --documents 20000 --work /tmp/mem-20k
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from parallel_build import SHARED, peak_memory, texts, write_corpus  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, required=True)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--work", type=Path, required=True, help="A directory for the corpus and the build.")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    source = write_corpus(args.work / f"synthetic-{args.documents}.jsonl", texts(SHARED), args.documents)
    started = time.strftime("%H:%M:%S UTC", time.gmtime())
    load = os.getloadavg()[0]
    peak, seconds = peak_memory(source, args.work / "out", workers=args.workers)
    print(
        f"peak memory, {args.documents} documents, --workers {args.workers}: {peak:.0f} MB summed RSS "
        f"({seconds:.0f} s wall, started {started}, load {load:.1f} at the start, {os.getloadavg()[0]:.1f} at the end)",
        flush=True,
    )


if __name__ == "__main__":
    main()
