"""Oxigraph's bulk loader, fed in parallel parts for line-based files.

One ``Store.bulk_load`` call parses, sorts and writes its input on one thread (its
batches are a million quads), so a file of about a million quads uses one core. An
N-Quads or N-Triples file is one statement per line: cut at line ends, its parts are
independent files, and one bulk load per part on its own thread (pyoxigraph releases the
GIL) uses every core. Blank node labels are the exception, since each parse scopes its
own: a file holding ``_:`` is loaded whole.

>>> import tempfile
>>> from pathlib import Path
>>> data = Path(tempfile.mkdtemp()) / "g.nq"
>>> _ = data.write_text("".join(f'<http://x/s{i}> <http://x/p> "{i}" <http://x/g> .\\n' for i in range(10)))
>>> store = ox.Store()
>>> bulk_load_file(store, data, ox.RdfFormat.N_QUADS, parts=3, min_part_bytes=1)
3
>>> len(store)
10
"""

from __future__ import annotations

import io
import mmap
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyoxigraph as ox

LINE_FORMATS = (ox.RdfFormat.N_QUADS, ox.RdfFormat.N_TRIPLES)
# Below this a part is not worth a thread: each bulk load has a fixed cost (its hash tables).
MIN_PART_BYTES = 32 * 1024 * 1024
READ_SIZE = 1 << 20


class PartError(SyntaxError):
    """A part failed; the message says from which line of the whole file it counted."""


def available_cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def line_parts(path: Path, parts: int, min_part_bytes: int = MIN_PART_BYTES) -> list[tuple[int, int]]:
    """Byte ranges ``[start, end)`` cutting the file into up to ``parts`` pieces, each ending at a line end."""
    size = path.stat().st_size
    parts = max(1, min(parts, size // max(1, min_part_bytes)))
    cuts = [0]
    with path.open("rb") as file:
        for index in range(1, parts):
            file.seek(size * index // parts)
            file.readline()  # to the start of the next line
            cuts.append(min(file.tell(), size))
    cuts.append(size)
    return [(start, end) for start, end in zip(cuts, cuts[1:], strict=False) if end > start]


class _ByteRange(io.RawIOBase):
    """The bytes ``[start, end)`` of a file, read as a file of their own."""

    def __init__(self, path: Path, start: int, end: int):
        super().__init__()
        self._file = path.open("rb", buffering=0)
        self._file.seek(start)
        self._left = end - start

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        wanted = min(len(buffer), self._left)
        if wanted <= 0:
            return 0
        got = self._file.readinto(memoryview(buffer)[:wanted])
        self._left -= got
        return got

    def close(self) -> None:
        self._file.close()
        super().close()


def _has_blank_nodes(path: Path) -> bool:
    if path.stat().st_size == 0:
        return False
    with path.open("rb") as file, mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as data:
        return data.find(b"_:") >= 0  # also inside literals: then the file is simply loaded whole


def _first_line(path: Path, offset: int) -> int:
    with path.open("rb") as file, mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as data:
        return data[:offset].count(b"\n") + 1


def bulk_load_file(
    store: ox.Store,
    path: str | Path,
    fmt: ox.RdfFormat,
    parts: int | None = None,
    min_part_bytes: int = MIN_PART_BYTES,
) -> int:
    """Bulk load the RDF file ``path`` into ``store``, in parallel parts when it can; returns the parts used.

    Not transactional (as ``Store.bulk_load``): on an error some parts may be in the store.
    Raises ``SyntaxError`` (naming the part's first line when the file was cut) or ``OSError``.
    """
    path = Path(path)
    ranges = [(0, path.stat().st_size)]
    if fmt in LINE_FORMATS and not _has_blank_nodes(path):
        ranges = line_parts(path, parts or available_cores(), min_part_bytes)
    if len(ranges) <= 1:
        store.bulk_load(path=str(path), format=fmt)
        return 1

    def load(byte_range: tuple[int, int]) -> None:
        with _ByteRange(path, *byte_range) as raw:
            try:
                store.bulk_load(input=io.BufferedReader(raw, READ_SIZE), format=fmt)
            except SyntaxError as error:
                raise PartError(f"{error} (lines counted from line {_first_line(path, byte_range[0])})") from None

    with ThreadPoolExecutor(len(ranges)) as pool:
        for future in [pool.submit(load, byte_range) for byte_range in ranges]:
            future.result()  # the first failure, after every part has finished
    return len(ranges)
