"""The numeric backend the spaCy model runs on, and its BLAS threads.

spaCy's CPU pipelines multiply their matrices through blis unless told otherwise. numpy's
own BLAS (OpenBLAS in numpy's wheels), on one thread, gives the same annotations (every
entity, tag, dependency and sentence boundary of the 520 development texts the benchmarks
use) for about a quarter less CPU on the machines newskg is measured on, and a second BLAS
thread only costs CPU on matrices this small (benchmarks/README.md, "Parallel builds").
So newskg loads its pipeline on numpy's BLAS and extracts with one BLAS thread per process;
``NEWSKG_BLAS=blis`` keeps spaCy's default where blis is the faster of the two.

>>> from kg.extract.pipeline import load_pipeline
>>> load_pipeline().get_pipe("ner").model.ops.use_blis  # loaded inside model_backend()
False
>>> from threadpoolctl import threadpool_info
>>> with one_blas_thread():
...     {pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"}
{1}
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from threadpoolctl import threadpool_limits

BACKEND_VARIABLE = "NEWSKG_BLAS"
BACKENDS = ("numpy", "blis")


def chosen_backend() -> str:
    """``numpy`` (the default) or ``blis``, from ``$NEWSKG_BLAS``."""
    name = os.environ.get(BACKEND_VARIABLE, "numpy").strip().lower() or "numpy"
    if name not in BACKENDS:
        raise ValueError(f"{BACKEND_VARIABLE}={name!r}: expected one of {', '.join(BACKENDS)}")
    return name


@contextmanager
def model_backend() -> Iterator[None]:
    """Load a spaCy pipeline inside this: its layers keep the backend they were built with."""
    if chosen_backend() == "blis":
        yield
        return
    from thinc.api import use_ops  # only where a pipeline is loaded

    with use_ops("numpy", use_blis=False):
        yield


def one_blas_thread() -> threadpool_limits:
    """At most one BLAS thread in this process; as a context manager, until it exits.

    Extraction runs one process per core: more BLAS threads would only compete with them."""
    return threadpool_limits(limits=1, user_api="blas")
