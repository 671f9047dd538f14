"""GEOS work on large arrays split over threads (shapely's vectorised functions release the GIL),
and other work that releases it (compression) spread over the same threads.

The result is the one a single call gives, element for element: each geometry is computed
alone, only the array is cut in parts, and no GEOS object is shared between threads. ``GEOMAP_THREADS`` sets the number of threads
(default: the processors this process may use, at most 8; 1 turns it off).
"""

from __future__ import annotations

import os
import warnings
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache

import numpy as np

__all__ = ["split_call", "split_predicate", "thread_count", "thread_map", "usable_cpus"]

#: Fewer geometries than this per thread are not worth a thread.
MIN_PER_THREAD = 200


def usable_cpus() -> int:
    """The processors this process may run on (its affinity where the system tells it)."""
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def thread_count() -> int:
    """How many threads :func:`split_call` uses."""
    raw = os.environ.get("GEOMAP_THREADS", "").strip()
    if raw:
        try:
            return max(1, int(raw))
        except ValueError:
            from .errors import GeomapWarning

            warnings.warn(f"GEOMAP_THREADS={raw!r} is not a whole number; using the default",
                          GeomapWarning, stacklevel=3)
    return min(usable_cpus(), 8)


def _parts(n: int) -> int:
    """How many parts ``n`` geometries are cut into (below 2: not cut)."""
    return min(thread_count(), n // MIN_PER_THREAD)


@lru_cache(maxsize=None)
def _pool(n: int) -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=n, thread_name_prefix="geomap-geos")


def split_call(func, geoms, *args, **kwargs) -> np.ndarray:
    """``func(geoms, *args, **kwargs)`` for a shapely vectorised ``func``, the array cut across threads.

    >>> import shapely
    >>> pts = shapely.points(np.arange(5000.0), np.zeros(5000))
    >>> bool((split_call(shapely.buffer, pts, 1.0) == shapely.buffer(pts, 1.0)).all())
    True
    """
    geoms = np.asarray(geoms, dtype=object)
    k = _parts(len(geoms))
    if k < 2:
        return func(geoms, *args, **kwargs)
    parts = np.array_split(geoms, k)
    # GEOS objects are not for sharing between threads (a prepared one builds its index lazily,
    # libgeos/geos#825): each thread gets its own copy of a geometry given as an argument.
    own = [[_copy(a) for a in args] for _ in parts]
    return np.concatenate(list(_pool(k).map(lambda part, a: func(part, *a, **kwargs), parts, own)))


def split_predicate(predicate, big, geoms) -> np.ndarray:
    """``predicate(big, geoms)`` (``shapely.intersects``, ``shapely.contains`` ...) for one large
    geometry against many, ``geoms`` cut across threads, each thread with its own prepared copy of
    ``big`` (GEOS prepares the first argument of a predicate only).

    >>> import shapely
    >>> pts = shapely.points((np.arange(5000.0) + 0.5) / 5000, np.zeros(5000) + 0.5)
    >>> int(split_predicate(shapely.contains, shapely.box(0, 0, 0.5, 1), pts).sum())
    2500
    """
    import shapely

    geoms = np.asarray(geoms, dtype=object)
    k = _parts(len(geoms))
    if k < 2:
        return predicate(big, geoms)

    own = [_copy(big) for _ in range(k)]   # copied here: no GEOS object is read by two threads
    shapely.prepare(own)

    def run(part, mine):
        return predicate(mine, part)

    return np.concatenate(list(_pool(k).map(run, np.array_split(geoms, k), own)))


def thread_map(func, items) -> list:
    """``[func(x) for x in items]``, the calls spread over :func:`thread_count` threads (for work that
    releases the GIL, such as ``zlib``); in order.

    >>> thread_map(len, ["a", "bb"])
    [1, 2]
    """
    items = list(items)
    k = min(thread_count(), len(items))
    return [func(x) for x in items] if k < 2 else list(_pool(k).map(func, items))


def _copy(value):
    import shapely

    return shapely.from_wkb(shapely.to_wkb(value)) if isinstance(value, shapely.Geometry) else value
