"""The place index's key filter: lookups skip SQLite only for keys no place has."""

from kg.names import place_index
from kg.names.place_index import _INDEX, candidates, has_key

QUERY_ALL = "SELECT 1 FROM places WHERE key = ? LIMIT 1"


def test_every_key_of_the_index_passes_the_filter():
    connection = _INDEX.connection()
    keys = [key for (key,) in connection.execute("SELECT DISTINCT key FROM places")]
    assert len(keys) > 100_000
    assert all(_INDEX.may_hold(key) for key in keys)
    assert any(not key.isascii() for key in keys)  # non-ASCII keys are hashed as UTF-8 too


def test_lookups_answer_as_the_table_does():
    connection = _INDEX.connection()
    # Invented runs of words (mostly no place) and a few keys that are places.
    words = ["kabul", "lima", "norvalecastleby", "westmarchrovers", "zzqqx", "thevalefront", "mopti"]
    words += [f"invented{n}town" for n in range(200)]
    for key in words:
        in_table = connection.execute(QUERY_ALL, (key,)).fetchone() is not None
        assert has_key.__wrapped__(key) == in_table
        assert bool(candidates.__wrapped__(key)) == in_table
    assert sum(not _INDEX.may_hold(f"invented{n}town") for n in range(200)) > 150  # most skip SQLite


def test_the_filter_has_one_bit_per_key_hash():
    _INDEX.connection()
    assert len(_INDEX._filter) == place_index.FILTER_BITS // 8
