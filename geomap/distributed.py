"""Verdicts beyond one machine: dask-geopandas over partitioned (Geo)Parquet.

Every verdict depends on its own row only (its area or point, its date, the line), so a
table split into partitions is judged exactly as it is whole: each partition runs the
single-machine path (:func:`geomap.verdicts.verdict_table`) on a dask worker, and the
partitions are written as they finish. Nothing here is a parallel engine of geomap's own:
dask schedules, dask-geopandas reads and writes GeoParquet.

* A GeoParquet of claims (``geomap export -o claims.parquet``) or events with geometry is
  read with ``dask_geopandas.read_parquet``; a plain Parquet event table (UCDP, ACLED
  columns) with ``dask.dataframe.read_parquet``, each partition read into events as
  :func:`geomap.events.read_events_frame` does.
* The output holds, per row, the input's columns, the geometry judged, and for each line
  ``<line>_side``, ``<line>_distance_km``, ``<line>_near_line``, ``<line>_applies`` and
  ``<line>_verdict`` (the sentence); every line asked for is a column, whether or not it
  applies to the rows of a partition.
* ``scheduler=None`` starts a local cluster (``workers`` processes); an address
  (``tcp://host:8786``) uses a running one, whose workers must have geomap installed
  and see the input path.

Examples
--------
>>> import pandas as pd, tempfile, os
>>> d = tempfile.mkdtemp()
>>> pd.DataFrame({"id": [1, 2], "latitude": [35.02, 35.01], "longitude": [40.43, 40.50],
...               "where_prec": [1, 1]}).to_parquet(os.path.join(d, "events.parquet"))
>>> out = classify_parquet(os.path.join(d, "events.parquet"), ["euphrates"], scheduler="synchronous")
>>> out["euphrates_side"].tolist()
['west', 'east']
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from typing import Optional, Sequence


from .errors import InputError

__all__ = ["classify_parquet", "verdict_partition", "dask_client"]


def _need_dask() -> None:
    from importlib.util import find_spec

    missing = [m for m in ("dask", "dask_geopandas", "distributed", "pyarrow") if find_spec(m) is None]
    if missing:
        raise InputError(f"--engine dask needs {', '.join(missing)}",
                         hint="pip install 'geomap[dask]'")


def _is_geoparquet(path: str) -> bool:
    import pyarrow.parquet as pq

    try:
        schema = pq.read_schema(_first_file(path))
    except (OSError, ValueError) as err:
        raise InputError(f"cannot read this Parquet dataset ({err})", source=path) from err
    return b"geo" in (schema.metadata or {})


def _first_file(path: str) -> str:
    if os.path.isdir(path):
        files = sorted(f for f in os.listdir(path) if f.endswith(".parquet"))
        if not files:
            raise InputError("the folder holds no .parquet files", source=path)
        return os.path.join(path, files[0])
    return path


def verdict_partition(part, lines: Sequence, *, tolerance_km: Optional[float] = None,
                      preset: Optional[str] = None, columns: Optional[dict] = None, source: str = "<partition>",
                      geometry: str = "area"):
    """One partition judged: its rows as claims or events, with each line's verdict columns.

    The function every dask worker runs; on a whole table it gives the single-machine answer.
    """
    from .classify import judged_frame, table_as_frame

    _, frame = table_as_frame(part, source=source, preset=preset, columns=columns)
    out = judged_frame(frame, list(lines), tolerance_km=tolerance_km, geometry=geometry)
    out.index = part.index
    return out


@contextmanager
def dask_client(scheduler: Optional[str] = None, workers: int = 2):
    """A dask client: a local cluster of ``workers`` processes, a running cluster's address, or
    ``"synchronous"`` (one thread: for tests and debugging)."""
    import dask

    if scheduler == "synchronous":
        with dask.config.set(scheduler="synchronous"):
            yield None
        return
    from distributed import Client, LocalCluster

    _quiet()
    if scheduler:
        try:
            client = Client(scheduler, timeout="20s")
        except (OSError, ValueError, TypeError) as err:
            raise InputError(f"--scheduler {scheduler}: cannot reach the dask scheduler ({err})",
                             hint="start one with 'dask scheduler' (and workers with 'dask worker ADDRESS'), "
                                  "or leave --scheduler out for a local cluster") from err
        with client:
            yield client
        return
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=40) as cluster, Client(cluster) as client:
        yield client


def _quiet() -> None:
    """dask's own progress messages are not geomap's: only its errors reach the terminal."""
    import logging

    for name in list(logging.root.manager.loggerDict):
        if name.split(".")[0] in ("distributed", "dask", "tornado", "bokeh"):
            logging.getLogger(name).setLevel(logging.ERROR)


def _read(path: str, partitions: Optional[int]):
    import dask.dataframe as dd
    import dask_geopandas

    ddf = dask_geopandas.read_parquet(path) if _is_geoparquet(path) else dd.read_parquet(path)
    if partitions and partitions != ddf.npartitions:
        ddf = ddf.repartition(npartitions=partitions)
    return ddf


def _judged(path: str, lines: Sequence, *, tolerance_km, preset, columns, partitions, geometry):
    """The lazy dask-geopandas frame of verdicts (nothing computed yet)."""
    from .lines import builtin_lines, get_line

    lns = [get_line(x) for x in lines] if lines else builtin_lines()
    ddf = _read(path, partitions)
    kw = dict(tolerance_km=tolerance_km, preset=preset, columns=columns, source=path, geometry=geometry)
    sample = ddf.get_partition(0).head(2, compute=True)
    if not len(sample):
        raise InputError("the table has no rows", source=path)
    meta = verdict_partition(sample, lns, **kw).iloc[:0]
    return ddf.map_partitions(verdict_partition, lns, meta=meta, **kw)


def classify_parquet(path: str, lines: Optional[Sequence] = None, *, tolerance_km: Optional[float] = None,
                     preset: Optional[str] = None, columns: Optional[dict] = None,
                     scheduler: Optional[str] = None, workers: int = 2, partitions: Optional[int] = None,
                     output: Optional[str] = None, geometry: str = "area"):
    """Verdicts for a (partitioned) Parquet table on dask.

    Parameters
    ----------
    path : str
        A Parquet file or a folder of them (one dataset).
    lines : sequence of names, files or DeconflictionLine, optional
        Default: the built-in lines.
    scheduler : str, optional
        None: a local cluster of ``workers`` processes; an address: that cluster;
        ``"synchronous"``: no cluster.
    partitions : int, optional
        Repartition the input into this many parts (default: as stored).
    output : str, optional
        Write the verdicts as a partitioned GeoParquet dataset (a folder) from the
        workers, and return None; default: collect and return a GeoDataFrame.
    geometry : {"area", "point"}
        Write each row's area (default) or its point (:func:`geomap.classify.row_geometries`).

    Returns
    -------
    GeoDataFrame or None
        Rows in the input's order.
    """
    _need_dask()
    # The input is read (its schema, a first rows' sample) before any cluster starts.
    judged = _judged(str(path), lines or [], tolerance_km=tolerance_km, preset=preset, columns=columns,
                     partitions=partitions, geometry=geometry)
    with dask_client(scheduler, workers):
        if output is not None:
            judged.to_parquet(str(output), write_index=False)
            return None
        return judged.compute()
