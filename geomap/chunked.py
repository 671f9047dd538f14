"""Parquet tables judged in chunks, written as they are judged: memory stays flat as input grows.

Every verdict depends on its own row only (the same property :mod:`geomap.distributed`
relies on), so a table read a chunk of rows at a time and judged chunk by chunk gives the
verdicts it gets whole. Each chunk's rows (claims, or events read as
:func:`geomap.events.read_events_frame` reads them) and their verdict columns
(:func:`geomap.classify.judged_frame`) are appended to one GeoParquet file, written to a
temporary name and renamed into place at the end (a killed run leaves the previous output).

Examples
--------
>>> import pandas as pd, tempfile, os, geopandas as gpd
>>> d = tempfile.mkdtemp()
>>> pd.DataFrame({"id": [1, 2, 3], "latitude": [35.02, 35.01, 35.0], "longitude": [40.43, 40.50, 40.3],
...               "where_prec": [1, 1, 1]}).to_parquet(os.path.join(d, "e.parquet"))
>>> judge_parquet(os.path.join(d, "e.parquet"), os.path.join(d, "v.parquet"), ["euphrates"], rows=2)
3
>>> gpd.read_parquet(os.path.join(d, "v.parquet"))["euphrates_side"].tolist()
['west', 'east', 'west']
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Optional, Sequence

from .errors import InputError
from .threads import split_call

__all__ = ["judge_parquet", "CHUNK_ROWS"]

#: Rows judged at a time (about 0.3 GB of working memory for events with areas).
CHUNK_ROWS = 100_000


def _chunks(path: str, rows: int):
    """Each chunk of rows as a table (a GeoDataFrame when the file is GeoParquet)."""
    import geopandas as gpd
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except (OSError, ValueError) as err:
        raise InputError(f"cannot read this Parquet file ({err})", source=path) from err
    schema = pf.schema_arrow
    is_geo = b"geo" in (schema.metadata or {})
    for batch in pf.iter_batches(batch_size=rows):
        table = pa.Table.from_batches([batch], schema=schema)
        yield gpd.GeoDataFrame.from_arrow(table) if is_geo else table.to_pandas()


def _geo_metadata() -> bytes:
    """GeoParquet 1.0 metadata: one WKB geometry column in EPSG:4326 (no bbox: chunks are written
    before the file's extent is known)."""
    from pyproj import CRS

    return json.dumps({"version": "1.0.0", "primary_column": "geometry",
                       "columns": {"geometry": {"encoding": "WKB", "geometry_types": [],
                                                "crs": CRS("EPSG:4326").to_json_dict()}}}).encode()


def _arrow(frame, schema=None):
    """A judged chunk as an Arrow table: its columns, the geometry as WKB, GeoParquet metadata.

    The first chunk sets the file's schema (a column with no value yet is text); later chunks
    are written in it.
    """
    import pandas as pd
    import pyarrow as pa
    import shapely

    df = pd.DataFrame(frame.drop(columns=frame.geometry.name))
    wkb = _wkb_array(split_call(shapely.to_wkb, frame.geometry.to_numpy()))
    if schema is not None:
        try:
            table = pa.Table.from_pandas(df, schema=schema.remove(schema.get_field_index("geometry")),
                                         preserve_index=False)
            return table.append_column(schema.field("geometry"), wkb).replace_schema_metadata(schema.metadata)
        except (pa.ArrowInvalid, pa.ArrowTypeError, ValueError, TypeError) as err:
            raise InputError(f"a column changes type between parts of the table ({err})",
                             hint="give each column one type (numbers or text) throughout") from err
    table = pa.Table.from_pandas(df, preserve_index=False).append_column("geometry", wkb)
    fields = [pa.field(f.name, pa.string()) if pa.types.is_null(f.type) else f for f in table.schema]
    table = table.cast(pa.schema(fields))
    return table.replace_schema_metadata({**(table.schema.metadata or {}), b"geo": _geo_metadata()})


def _wkb_array(wkb):
    """Shapely's WKB (bytes or None per row) as an Arrow binary array, built from one buffer of the
    bytes and their offsets rather than converted row by row."""
    import numpy as np
    import pyarrow as pa

    valid = np.fromiter((b is not None for b in wkb), bool, count=len(wkb))
    sizes = np.fromiter((len(b) if b is not None else 0 for b in wkb), np.int64, count=len(wkb))
    offsets = np.zeros(len(wkb) + 1, np.int64)   # 64-bit: a chunk of large areas may pass 2 GB
    np.cumsum(sizes, out=offsets[1:])
    bitmap = None if valid.all() else pa.array(valid).buffers()[1]
    data = pa.py_buffer(b"".join(b for b in wkb if b is not None))
    return pa.Array.from_buffers(pa.large_binary(), len(wkb), [bitmap, pa.py_buffer(offsets), data],
                                 null_count=int(len(wkb) - valid.sum()))


def judge_parquet(source: str, output: str, lines: Optional[Sequence] = None, *,
                  tolerance_km: Optional[float] = None, preset: Optional[str] = None,
                  columns: Optional[dict] = None, rows: int = CHUNK_ROWS, progress=None,
                  geometry: str = "area") -> int:
    """Judge a Parquet table chunk by chunk into one GeoParquet file; return the rows written.

    ``progress``, if given, is called with the rows done after each chunk. ``geometry='point'``
    writes each row's point instead of its area (:func:`geomap.classify.row_geometries`).
    """
    import pyarrow.parquet as pq

    from .classify import judged_frame, table_as_frame

    out = Path(output)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    writer, done = None, 0
    try:
        for chunk in _chunks(str(source), rows):
            _, frame = table_as_frame(chunk, source=str(source), preset=preset, columns=columns)
            judged = judged_frame(frame, lines, tolerance_km=tolerance_km, geometry=geometry)
            table = _arrow(judged, writer.schema if writer is not None else None)
            if writer is None:
                writer = pq.ParquetWriter(tmp, table.schema)
            writer.write_table(table)
            done += len(frame)
            if progress:
                progress(done)
        if writer is None:
            raise InputError("the table has no rows", source=str(source))
        writer.close()
        writer = None
        os.replace(tmp, out)
    finally:
        if writer is not None:
            writer.close()
        if tmp.exists():
            tmp.unlink()
    return done
