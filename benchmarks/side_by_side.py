"""What two busy cores cost: CPU seconds of one process alone, then of two at once, on the same texts.

Each process loads the pipeline, extracts a few texts to warm up, then times either raw
``nlp.pipe`` of the model (``raw``) or newskg's whole extraction (``extract``) over the
WikiEvents and Re-DocRED development texts. If two processes at once each take more CPU
seconds than one alone, the cores slow each other (shared caches, memory bandwidth) and
no parallel build can reach twice the throughput of one process.

Run on a quiet machine: ``.venv/bin/python benchmarks/side_by_side.py raw extract``.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def run_one(mode: str) -> None:
    """One timed process (the child side)."""
    sys.path.insert(0, str(HERE))
    from parallel_build import SHARED, texts

    from kg.extract.backend import one_blas_thread
    from kg.extract.batches import extract_batch
    from kg.extract.pipeline import load_pipeline
    from kg.model import Document

    corpus = texts(SHARED)
    documents = [Document.from_text(t, id=f"d{n}") for n, t in enumerate(corpus)]
    one_blas_thread()
    nlp = load_pipeline()
    extract_batch(nlp, documents[:8])
    cpu, wall = time.process_time(), time.perf_counter()
    if mode == "raw":
        for _ in nlp.pipe(corpus, batch_size=32):
            pass
    else:
        for start in range(0, len(documents), 32):
            extract_batch(nlp, documents[start : start + 32], 32)
    print(f"{mode}: {time.process_time() - cpu:.2f} CPU s, {time.perf_counter() - wall:.2f} s wall", flush=True)


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        run_one(sys.argv[2])
        return
    for mode in sys.argv[1:] or ["raw", "extract"]:
        child = [sys.executable, __file__, "--child", mode]
        print(f"{mode}, alone:", flush=True)
        subprocess.run(child, check=True)
        print(f"{mode}, two at once:", flush=True)
        processes = [subprocess.Popen(child) for _ in range(2)]
        if any(p.wait() for p in processes):
            raise SystemExit("a timed process failed")


if __name__ == "__main__":
    main()
