"""Small helpers shared by the benchmark scripts."""

from __future__ import annotations

import statistics
import time


def best_of(fn, repeat: int = 3) -> float:
    """Best wall-clock time of ``repeat`` runs of ``fn()`` (seconds)."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def row(label: str, value: str, note: str = "") -> None:
    print(f"  {label:<46} {value:>16}  {note}")


def median(xs):
    return statistics.median(xs)
