"""Long articles are extracted in pieces with exact offsets, one entity per name across pieces."""

from __future__ import annotations

from kg.extract.long_texts import piece_bounds
from kg.extract.pipeline import extract
from kg.model import Document

PARAGRAPH = (
    "Police arrested two men in Lyon on Monday, Interior Minister Hadi Rashad said. "
    "The Red Brigade claimed the bombing of a bank in Lyon that killed three people.\n\n"
)


def test_pieces_cover_the_text_end_at_breaks_and_respect_the_limit():
    text = PARAGRAPH * 40 + "x" * 500  # a run with no break at all is cut hard
    bounds = piece_bounds(text, 1000)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(end == next_start for (_, end), (next_start, _) in zip(bounds, bounds[1:], strict=False))
    assert all(end - start <= 1000 for start, end in bounds)
    assert all(text[end - 2 : end] == "\n\n" for _, end in bounds[:-2])


def test_a_long_article_in_pieces_keeps_exact_offsets_and_one_node_per_name(nlp):
    text = PARAGRAPH * 12
    [whole] = extract([Document.from_text(text, id="whole")], nlp)
    [pieced] = extract([Document.from_text(text, id="pieced")], nlp, max_piece_chars=500)
    spans = [m.span for m in pieced.mentions]
    spans += [s for e in pieced.events for s in (*e.triggers, e.sentence, *(a.span for a in e.arguments))]
    assert spans and all(text[s.start : s.end] == s.text for s in spans)
    assert max(s.end for s in spans) > len(text) - len(PARAGRAPH)  # the last piece is there
    keys = {e.key for e in pieced.entities}
    assert len(keys) == len(pieced.entities)
    assert {m.entity for m in pieced.mentions} <= keys
    assert all(a.entity in keys for e in pieced.events for a in e.arguments if a.entity)
    assert all(0 <= i < len(pieced.events) for e in pieced.events for _, i in e.links)
    # The same names as in one pass, each once: pieces do not split a node.
    names = sorted((e.type, e.name) for e in pieced.entities)
    assert names == sorted(set(names))
    assert {n for _, n in names} >= {"Lyon", "Hadi Rashad"}
    whole_names = {(e.type, e.name) for e in whole.entities}
    assert len(whole_names & set(names)) >= len(whole_names) - 1  # a piece may see a name's context differently
    assert len(pieced.events) >= len(whole.events)
