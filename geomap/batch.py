"""Many reports drafted at once: an archive read on every core.

:func:`geomap.extract.extract` reads one report in one process. An archive of reports
(``geomap extract reports/*.txt``) is work for every core of the machine: the reports are
independent, so :func:`extract_many` hands them out in chunks to worker processes and gives the
drafts back in the reports' order, exactly as one process would have drafted them. Workers are
forked from the caller where the system can (the gazetteer already loaded is shared, not
loaded again); elsewhere each worker loads the bundled gazetteer once.

Examples
--------
>>> reports = [("Russian jets struck near Mayadin, the Syrian Observatory said.", "a.txt"),
...            ("The coalition said it struck Tabqa on Monday.", "b.txt")]
>>> [ex.source for ex in extract_many(reports, date=None, jobs=1)]
['a.txt', 'b.txt']
"""

from __future__ import annotations

import multiprocessing
from typing import Callable, Optional, Sequence

__all__ = ["extract_many", "auto_jobs", "PARALLEL_BYTES"]

#: Text below which ``jobs=0`` (auto) reads in this process: starting workers costs more than
#: they save on a few reports (a worker reads about 0.2-1 MB of reports a second).
PARALLEL_BYTES = 512_000
#: Text handed to a worker at a time: small enough to keep every worker busy to the end.
CHUNK_BYTES = 64_000

_WORKER: dict = {}   # what a worker process reads with (gazetteer, date, voice), set once
#: Whether workers are forked from the caller (Linux) rather than started afresh (macOS, Windows).
_FORKED = "fork" in multiprocessing.get_all_start_methods()


def auto_jobs(nbytes: int, jobs: Optional[int] = 0) -> int:
    """The number of processes for ``nbytes`` of reports: ``jobs`` when given (> 0), else every
    core this process may use when the text is large enough to gain from them, else 1.

    >>> auto_jobs(10_000), auto_jobs(10_000, 3)
    (1, 3)
    """
    if jobs and jobs > 0:
        return jobs
    from .threads import usable_cpus

    return usable_cpus() if nbytes >= PARALLEL_BYTES else 1


def extract_many(reports: Sequence[tuple], *, date=None, voice: Optional[str] = None, gazetteer=None,
                 jobs: Optional[int] = 1, progress: Optional[Callable[[int], None]] = None) -> list:
    """Draft the claims of many reports, in their order (:func:`geomap.extract.extract` each).

    Parameters
    ----------
    reports : sequence of (text, source)
        Each report's text and its name (a file name or URL).
    date : datetime.date, optional
        The reports' date when a text has none.
    voice : str, optional
        As for :func:`geomap.extract.extract`.
    gazetteer : Gazetteer, optional
    jobs : int, optional
        Processes: 1 (default) reads in this one; ``0`` or None uses every core when the
        reports come to :data:`PARALLEL_BYTES` or more (``geomap extract``'s default). In a
        notebook, whose kernel runs threads, forking is best asked for knowingly.
    progress : callable, optional
        Called with the number of reports just drafted, as they are.

    Returns
    -------
    list of Extraction
    """
    from .extract import extract

    reports = list(reports)
    size = sum(len(text) for text, _ in reports)
    n = min(auto_jobs(size, jobs), len(reports))
    if gazetteer is not None and not _FORKED:
        n = 1   # a spawned worker cannot be handed a gazetteer of the caller's: read here
    if n <= 1:
        out = []
        for text, source in reports:
            out.append(extract(text, source=source, date=date, gazetteer=gazetteer, voice=voice))
            if progress:
                progress(1)
        return out
    return _in_workers(reports, n, date, voice, gazetteer, progress)


def _chunks(reports: list, workers: int) -> list:
    """Consecutive (first index, reports) runs of about :data:`CHUNK_BYTES`, at least four per worker."""
    size = sum(len(text) for text, _ in reports)
    limit = max(1, min(CHUNK_BYTES, size // (4 * workers)))
    out, run, used, first = [], [], 0, 0
    for i, report in enumerate(reports):
        run.append(report)
        used += len(report[0])
        if used >= limit:
            out.append((first, run))
            run, used, first = [], 0, i + 1
    if run:
        out.append((first, run))
    return out


def _in_workers(reports, n, date, voice, gazetteer, progress) -> list:
    from concurrent.futures import ProcessPoolExecutor

    _WORKER.update(gazetteer=gazetteer, date=date, voice=voice)   # inherited by forked workers
    ctx = multiprocessing.get_context("fork" if _FORKED else "spawn")
    out: list = [None] * len(reports)
    try:
        with ProcessPoolExecutor(n, mp_context=ctx, initializer=_start_worker,
                                 initargs=(None if _FORKED else (date, voice),)) as pool:
            jobs = [(pool.submit(_draft_chunk, run), first, run) for first, run in _chunks(reports, n)]
            for done, first, run in jobs:   # in the reports' order: the first report that fails is raised
                for k, got in enumerate(done.result()):
                    if isinstance(got, BaseException):
                        pool.shutdown(wait=False, cancel_futures=True)
                        raise got
                    out[first + k] = got
                if progress:
                    progress(len(run))
    finally:
        _WORKER.clear()
    return out


def _start_worker(spawned: Optional[tuple]) -> None:
    if spawned is not None:   # a fresh interpreter: nothing was inherited
        from .gazetteer import Gazetteer

        _WORKER.update(gazetteer=Gazetteer.default(), date=spawned[0], voice=spawned[1])


def _draft_chunk(run: list) -> list:
    """The drafts of a run of reports in a worker; a report's error is returned in its place (the
    caller raises it), made plain where it cannot travel between processes."""
    from .errors import InputError
    from .extract import extract

    out = []
    for text, source in run:
        try:
            out.append(extract(text, source=source, date=_WORKER["date"], gazetteer=_WORKER["gazetteer"],
                               voice=_WORKER["voice"]))
        except Exception as err:  # noqa: BLE001 - carried to the caller, which raises it
            out.append(err if _rebuilds(err) else InputError(f"{type(err).__name__}: {err}", source=source))
    return out


def _rebuilds(err: BaseException) -> bool:
    """Whether an error can be made again from what it gives to be sent to another process."""
    try:
        maker, args = err.__reduce__()[:2]
        maker(*args)
    except Exception:  # noqa: BLE001 - any failure means it cannot
        return False
    return True
