"""Time what an update of a built store costs: adding one article, replacing one, removing one.

    python benchmarks/scale/add_article.py --store /work/scale/real-2310/out/store --corpus corpus.jsonl

The store is never written: each step runs on a fresh copy of it (``cp -r`` into ``--work``), as
``python -m kg build ARTICLE --store COPY --workers 1`` (or ``kg remove``) in its own process, and
prints one JSON line: wall and CPU seconds and peak RSS of the process, and the build's own seconds
(``summary.json``: from opening the store to closing it, without start-up and imports).

* ``add``: one invented article (no development data), dated, with a publisher;
* ``add-copy``: with ``--copy-of TEXT_FILE``, that text as a new dated report (a near-duplicate
  of stored ones, so it joins an incident and is rechecked against its copies);
* ``replace``: the first document of ``--corpus`` (JSONL with ``id`` and ``text``) with a sentence
  added: the same id, a changed text;
* ``remove``: ``kg remove`` of that document.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

from timing import run  # benchmarks/scale/timing.py: wall, CPU and peak RSS of one kg command

ARTICLE = {
    "id": "bench-added-article",
    "published": "2025-03-14",
    "publisher": "Benchmark Wire",
    "text": "Gunmen of the Velmar Legion stormed a border post near Tressik on Friday, killing two guards, "
    "the defence ministry said. Commander Oskar Brandt of the Velmar Legion said the group would continue "
    "its campaign. Interior Minister Ilse Varga condemned the attack and met the families of the guards in Tressik.",
}


def fresh_copy(store: Path, work: Path) -> Path:
    copy = work / "store"
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    shutil.copytree(store, copy, ignore=shutil.ignore_patterns("kg-writer.lock", "LOCK"))
    return copy


def build_step(name: str, article: dict, store: Path, work: Path) -> dict:
    copy = fresh_copy(store, work)
    source = work / "article.jsonl"
    source.write_text(json.dumps(article) + "\n", encoding="utf-8")
    result = run(["build", str(source), "--store", str(copy), "--out", str(work / "out"), "--workers", "1"])
    summary = json.loads((work / "out" / "summary.json").read_text(encoding="utf-8"))
    return {"step": name, **result, "build_s": summary["seconds"], "built": summary["documents_built"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--corpus", type=Path, help="JSONL the store was built from (for replace and remove)")
    parser.add_argument("--copy-of", type=Path, help="a text file: added as a new dated report (add-copy)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/kg-add-article"))
    parser.add_argument("--steps", nargs="+", default=["add", "add-copy", "replace", "remove"])
    args = parser.parse_args()
    first = json.loads(args.corpus.read_text(encoding="utf-8").splitlines()[0]) if args.corpus else None
    for step in args.steps:
        if step == "add":
            print(json.dumps(build_step(step, ARTICLE, args.store, args.work)), flush=True)
        elif step == "add-copy" and args.copy_of:
            copy = {**ARTICLE, "id": "bench-added-copy", "text": args.copy_of.read_text(encoding="utf-8")}
            print(json.dumps(build_step(step, copy, args.store, args.work)), flush=True)
        elif step == "replace" and first:
            changed = {"id": first["id"], "text": first["text"] + "\n\nThe report was updated later that day."}
            print(json.dumps(build_step(step, changed, args.store, args.work)), flush=True)
        elif step == "remove" and first:
            copy = fresh_copy(args.store, args.work)
            print(json.dumps({"step": step, **run(["remove", first["id"], "--store", str(copy)])}), flush=True)


if __name__ == "__main__":
    main()
