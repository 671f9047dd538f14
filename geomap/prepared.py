"""A line's derived data, computed once and kept next to its file.

Reading a line file is quick, but what a verdict needs from it is not: the area of interest
("SY": Syria's outline from the gazetteer, which loads the whole gazetteer, widened by a
geodesic buffer), its two side areas, and the side and distance grid over it (about 86,000
cells for the Euphrates). Together they cost about 1.3 s on every run, the same every time.

``<line>.prepared.npz`` keeps them next to the line file. ``geomap gazetteer build`` writes them
for the bundled lines; ``geomap lines prepare FILE`` for a line of one's own. Each is stamped
with a key, the SHA-256 of everything it is derived from: the line file's bytes, the
gazetteer's files when the area is named from it, and :data:`PREPARED_VERSION` (raised
whenever the way they are computed changes). A line is read with its prepared data only
while the key matches; otherwise they are computed as before. They are stored losslessly
(WKB, float64), so a line gets the same verdicts, bit for bit, either way.

The file is a NumPy ``.npz`` of plain arrays, read with ``allow_pickle=False``: it holds no
code and runs none.

Examples
--------
>>> from geomap.lines import get_line
>>> get_line("euphrates").prepared is not None   # the bundled lines ship theirs
True
"""

from __future__ import annotations

import hashlib
import os
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

import numpy as np

__all__ = ["PreparedLine", "PREPARED_VERSION", "prepared_path", "line_key", "read_prepared",
           "write_prepared", "gazetteer_digest"]

#: Raised whenever the area, the sides or the grid are computed differently.
PREPARED_VERSION = 1


@dataclass(frozen=True, eq=False)
class PreparedLine:
    """A line's area of interest, side areas and grid, as computed from its file."""

    key: str
    area: object
    area_name: str
    left: object
    right: object
    grid_x0: float
    grid_y0: float
    grid_step: float
    cell_code: np.ndarray
    node_km: np.ndarray


def prepared_path(line_path: os.PathLike) -> Path:
    """``euphrates.geojson`` -> ``euphrates.prepared.npz`` (same folder)."""
    p = Path(line_path)
    return p.with_name(f"{p.stem}.prepared.npz")


def line_key(data: bytes, area_spec) -> str:
    """The key of a line file's derived data: its bytes, and the gazetteer's when the area is named
    from it (a country or governorate rather than ``buffer:KM``)."""
    h = hashlib.sha256(f"geomap prepared line v{PREPARED_VERSION}\n".encode())
    h.update(hashlib.sha256(data).digest())
    spec = str(area_spec or "")
    if spec and not spec.startswith("buffer:"):
        from .gazetteer import data_path

        h.update(gazetteer_digest(str(data_path() / "gazetteer")))
    return h.hexdigest()


@lru_cache(maxsize=4)
def gazetteer_digest(folder: str) -> bytes:
    """SHA-256 of a gazetteer folder's places and shapes: what is derived from it is stamped with it."""
    h = hashlib.sha256()
    for name in ("places.tsv", "shapes.geojson"):
        p = Path(folder) / name
        h.update(name.encode())
        h.update(p.read_bytes() if p.exists() else b"")
    return h.digest()


def read_prepared(line_path: os.PathLike, key: str) -> Optional[PreparedLine]:
    """The prepared data of a line file, or None when there are none or they are not this file's."""
    import shapely

    path = prepared_path(line_path)
    if not path.exists():
        return None
    try:
        with np.load(path, allow_pickle=False) as z:
            if str(z["key"]) != key:
                return None
            area, left, right = shapely.from_wkb([z["area"].tobytes(), z["left"].tobytes(), z["right"].tobytes()])
            x0, y0, step = (float(v) for v in z["grid"])
            kept = PreparedLine(key, area, str(z["area_name"]), left, right, x0, y0, step,
                                z["cell_code"], z["node_km"])
    except (OSError, EOFError, ValueError, KeyError, TypeError, zipfile.BadZipFile,
            shapely.errors.GEOSException):
        return None  # unreadable: computed as if it were not there
    return kept if _well_formed(kept) else None


def _well_formed(p: PreparedLine) -> bool:
    """What the side index relies on: polygonal areas, a finite grid of codes and distances."""
    import shapely

    shapes = np.array([p.area, p.left, p.right], dtype=object)
    return bool(
        np.all(np.isin(shapely.get_type_id(shapes), (3, 6))) and np.all(shapely.is_valid(shapes))
        and np.isfinite([p.grid_x0, p.grid_y0, p.grid_step]).all() and p.grid_step > 0
        and p.cell_code.dtype == np.int8 and p.cell_code.ndim == 2 and min(p.cell_code.shape) >= 2
        and np.isin(p.cell_code, (-1, 0, 1, 2)).all()
        and p.node_km.dtype == np.float64 and p.node_km.shape == p.cell_code.shape
        and not np.isnan(p.node_km).any())


def write_prepared(line_path: os.PathLike) -> Path:
    """Compute a line file's area, sides and grid and write them next to it (atomically).

    >>> import shutil, tempfile
    >>> from geomap.lines import _builtin_paths
    >>> d = Path(tempfile.mkdtemp())
    >>> f = Path(shutil.copy(_builtin_paths()["tabqa-arc-2017"], d))
    >>> write_prepared(f).name
    'tabqa-arc-2017.prepared.npz'
    """
    import io

    import shapely

    from .io import atomic_write
    from .line_files import load_line
    from .sides import SideIndex

    gazetteer_digest.cache_clear()  # the gazetteer may have just been rebuilt
    line = load_line(line_path, prepared=False)
    if line.prepared_key is None:
        from .errors import LineError

        raise LineError(f"{line_path}: only a GeoJSON line file keeps prepared data",
                        hint="write the line as GeoJSON (e.g. 'geomap lines show FILE > line.geojson')")
    left, right = line.sides
    grid = SideIndex(line)._grid
    wkb = shapely.to_wkb([line.area, left, right])
    arrays = {"key": np.str_(line.prepared_key), "area": np.frombuffer(wkb[0], np.uint8),
              "left": np.frombuffer(wkb[1], np.uint8), "right": np.frombuffer(wkb[2], np.uint8),
              "area_name": np.str_(line.area_name), "grid": np.array([grid.x0, grid.y0, grid.r]),
              "cell_code": grid.cell_code, "node_km": grid.node_km}
    buf = io.BytesIO()
    # An .npz as np.savez_compressed writes it, but with fixed dates: the same line, the same bytes.
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, value in arrays.items():
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            with z.open(info, "w") as fh:
                np.lib.format.write_array(fh, np.asanyarray(value), allow_pickle=False)
    return atomic_write(prepared_path(line_path), buf.getvalue())
