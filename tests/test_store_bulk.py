"""Parallel bulk loading of line-based files: the same store as one whole load, or a clear failure."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.store.bulk import bulk_load_file, line_parts
from kg.store.load import load_into_store
from kg.store.sources import SourceError

from .test_store import quads, small_build  # noqa: F401  (the fixture)


def test_line_parts_cut_at_line_ends_and_cover_the_file(tmp_path):
    data = tmp_path / "g.nq"
    lines = (b'<http://x/s%d> <http://x/p> "%s" <http://x/g> .\n' % (i, b"x" * i) for i in range(50))
    data.write_bytes(b"".join(lines))
    parts = line_parts(data, 4, min_part_bytes=1)
    content = data.read_bytes()
    assert len(parts) == 4 and parts[0][0] == 0 and parts[-1][1] == len(content)
    assert all(a[1] == b[0] for a, b in zip(parts, parts[1:], strict=False))
    assert all(content[end - 1 : end] == b"\n" for _, end in parts)
    assert line_parts(data, 4) == [(0, len(content))]  # too small to be worth threads


def test_parts_load_the_same_quads_as_one_load(small_build, tmp_path):  # noqa: F811
    nq = small_build / "graph.nq"
    whole, split = ox.Store(), ox.Store()
    whole.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
    assert bulk_load_file(split, nq, ox.RdfFormat.N_QUADS, parts=3, min_part_bytes=1) == 3
    assert set(split) == set(whole) and len(split) > 500
    # Through `load_into_store` (what `kg load FILE --store DIR` runs): the store equals the built one.
    summary = load_into_store(nq, tmp_path / "fresh")
    assert summary.bulk and quads(tmp_path / "fresh") == quads(small_build / "store")


def test_blank_nodes_keep_the_file_whole(tmp_path):
    data = tmp_path / "b.nt"
    lines = [f'_:shared <http://x/p{i}> "{i}" .\n' for i in range(40)]
    data.write_text("".join(lines))
    store = ox.Store()
    assert bulk_load_file(store, data, ox.RdfFormat.N_TRIPLES, parts=4, min_part_bytes=1) == 1
    assert len({q.subject for q in store}) == 1  # one blank node, as in the file


def test_a_bad_line_in_a_later_part_fails_clearly_and_leaves_the_new_store_empty(tmp_path):
    data = tmp_path / "bad.nq"
    good = [f'<http://x/s{i}> <http://x/p> "{i}" <http://x/g> .\n' for i in range(300)]
    data.write_text("".join(good[:250]) + "<http://x/s> <oops\n" + "".join(good[250:]))
    with pytest.raises(SyntaxError, match="counted from line"):
        bulk_load_file(ox.Store(), data, ox.RdfFormat.N_QUADS, parts=3, min_part_bytes=1)
    with pytest.raises(SourceError, match="bad.nq.*left empty"):
        load_into_store(data, tmp_path / "store")
    assert len(ox.Store.read_only(str(tmp_path / "store"))) == 0
