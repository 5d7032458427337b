"""Events newskg makes on CoNLL-2003 Reuters documents, one TSV line per event: document, class,
triggers, modality, arguments, time, quote, sentence. Run before and after a change and diff the two
outputs (sorted) to judge every event that differs by hand (sessions 11 and 12, benchmarks/README.md).

    PYTHONPATH=$PWD .venv/bin/python benchmarks/conll_events.py ../shared/data/conll2003/eng.testa check > after.tsv
    PYTHONPATH=$PWD .venv/bin/python benchmarks/conll_events.py ../shared/data/conll2003/eng.train all 200 > t200.tsv

Arguments: FILE, the split (tune, check or all, by kg.evaluate.split.half_of) and optionally N, the
first N documents of the split.
"""

import sys

from kg.evaluate.readers import read_conll
from kg.evaluate.split import half_of
from kg.extract.pipeline import extract, load_pipeline
from kg.model import Document

path, split = sys.argv[1], sys.argv[2]
limit = int(sys.argv[3]) if len(sys.argv) > 3 else None
gold = [d for d in read_conll(path) if split == "all" or half_of(d.id) == split][:limit]
docs = [Document.from_text(d.text, id=d.id) for d in gold]
nlp = load_pipeline()


def clean(text: str) -> str:
    return " ".join(text.split())[:160]


for x in extract(docs, nlp):
    names = {e.key: e for e in x.entities}
    for ev in x.events:
        args = "; ".join(
            f"{a.role}={clean(a.span.text)}" + (f"[{names[a.entity].type}]" if a.entity in names else "")
            for a in ev.arguments
        )
        print(
            "\t".join(
                [
                    x.doc.id,
                    ev.type,
                    "|".join(clean(t.text) for t in ev.triggers),
                    ev.modality or "",
                    args,
                    ev.time or "",
                    clean(ev.quote or ""),
                    clean(ev.sentence.text),
                ]
            )
        )
