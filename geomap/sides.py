"""Side verdicts: on which side of a deconfliction line each geometry falls.

Everything here is vectorized over arrays of geometries or coordinates
(shapely 2 and numpy; no Python loop per point):

* points: ``shapely.contains_xy`` against the two prepared side areas; the
  distance to the line from a KD-tree over the line densified every 100 m,
  refined on the adjacent segments and measured on the sphere: under 0.1 km
  within 25 km of the line, farther out within 1.5 km or 1.5 %, whichever
  is larger. For large batches a
  grid over the area answers the cells that lie wholly on one side and
  interpolates distances beyond 25 km of the line (same bounds); nearer
  points are always measured exactly.
* areas and lines: the share of the geometry on each side from vectorized
  intersections, the distance from the vectorized shortest line, in km on
  the ellipsoid.

A verdict names the side (the line's label, e.g. ``east`` / ``west``), or
``straddles`` with the share on each side, or ``outside`` the line's area of
interest; ``near_line`` flags a claim within the tolerance band (default:
the line's positional accuracy), without hiding its side.

Examples
--------
>>> from geomap.lines import get_line
>>> v = side_of_points([40.452, 40.830], [35.020, 34.690], get_line("euphrates"))
>>> list(v["side"]), [round(float(d), 1) for d in v["distance_km"]]
(['west', 'east'], [1.2, 0.2])
"""

from __future__ import annotations

from functools import cached_property, lru_cache
from typing import Optional, Sequence

import numpy as np

from .geodesy import EARTH_RADIUS_KM, haversine_km

__all__ = ["side_of_points", "side_of_geometries", "side_labels", "classify", "SideIndex", "share_dict",
           "STRADDLE_SHARE", "SIDE_CODES"]

#: Side codes: 1 the line's left side, -1 its right side, 0 outside its area; and for geometries
#: (:func:`side_of_geometries`) STRADDLES, MISSING (no geometry).
SIDE_CODES = {"left": 1, "right": -1, "outside": 0, "straddles": 2, "missing": -2}
STRADDLES, MISSING = SIDE_CODES["straddles"], SIDE_CODES["missing"]
#: A geometry with at least this share on one side is "wholly" on that side.
STRADDLE_SHARE = 0.995
_DENSIFY_KM = 0.1
#: Points nearer the line than this are always measured exactly.
EXACT_BAND_KM = 25.0
_GRID_DEG = 0.02
#: Sides of fewer geometries are decided exactly, unless the grid is at hand (it gives the same
#: answer; building it costs more).
_GRID_MIN_POINTS = 20000


class SideIndex:
    """A line prepared for many look-ups: prepared side areas and a KD-tree of the line.

    Build once per line (``SideIndex.of(line)`` caches it) and reuse.
    """

    def __init__(self, line):
        import shapely
        from scipy.spatial import cKDTree

        self.line = line
        self.left, self.right = line.sides
        shapely.prepare(self.left)
        shapely.prepare(self.right)
        shapely.prepare(line.area)
        self.cutter = line.cutter
        shapely.prepare(self.cutter)
        # The real line (not its straight extensions), densified: vertices every 100 m.
        g = line.geometry
        step_deg = _DENSIFY_KM / 111.0
        dense = shapely.segmentize(g, step_deg)
        coords = np.asarray(shapely.get_coordinates(dense))
        self._lon = coords[:, 0]
        self._lat = coords[:, 1]
        self._coslat0 = np.cos(np.radians(float(np.mean(self._lat))))
        self._tree = cKDTree(np.column_stack([self._lon * self._coslat0, self._lat]))
        self.geometry = g

    @classmethod
    def of(cls, line) -> "SideIndex":
        return _index_for(line)

    # -- sides ---------------------------------------------------------------
    def _exact_codes(self, x, y) -> np.ndarray:
        import shapely

        left = shapely.contains_xy(self.left, x, y)
        right = shapely.contains_xy(self.right, x, y)
        return left.astype(np.int8) - right.astype(np.int8)

    def codes(self, lon, lat) -> np.ndarray:
        """+1 left, -1 right, 0 outside the area (or exactly on the line)."""
        x = np.asarray(lon, dtype=float)
        y = np.asarray(lat, dtype=float)
        if not self.uses_grid(x.size):
            return self._exact_codes(x, y)
        g = self._grid
        ix, iy, inside = g.cell(x, y)
        out = np.zeros(x.shape, dtype=np.int8)
        cell = np.full(x.shape, 2, dtype=np.int8)  # 2: decide exactly
        cell[inside] = g.cell_code[iy[inside], ix[inside]]
        sure = cell != 2
        out[sure] = cell[sure]
        todo = ~sure
        out[todo] = self._exact_codes(x[todo], y[todo])
        return out

    def uses_grid(self, n: int) -> bool:
        """Whether ``n`` geometries are decided with the grid's help: when the line's prepared data
        carry it, or when there are enough to pay for building it (about a second for a country).
        The answers are the same either way."""
        return n >= _GRID_MIN_POINTS or self.line.prepared is not None

    # -- distances -----------------------------------------------------------
    def _exact_km(self, x, y) -> np.ndarray:
        if x.size == 0:
            return np.zeros(0)
        _, i = self._tree.query(np.column_stack([x * self._coslat0, y]), k=1, workers=-1)
        n = len(self._lon)
        best = np.full(x.shape, np.inf)
        near_lon = np.zeros(x.shape)
        near_lat = np.zeros(x.shape)
        kx = np.cos(np.radians(y)) * (np.pi / 180 * EARTH_RADIUS_KM)
        ky = np.pi / 180 * EARTH_RADIUS_KM
        for a_off, b_off in ((-1, 0), (0, 1)):
            a = np.clip(i + a_off, 0, n - 1)
            b = np.clip(i + b_off, 0, n - 1)
            # Nearest point of each adjacent segment, found in a tangent plane at the point.
            ax, ay = (self._lon[a] - x) * kx, (self._lat[a] - y) * ky
            bx, by = (self._lon[b] - x) * kx, (self._lat[b] - y) * ky
            dx, dy = bx - ax, by - ay
            len2 = dx * dx + dy * dy
            with np.errstate(invalid="ignore", divide="ignore"):
                t = np.where(len2 > 0, -(ax * dx + ay * dy) / len2, 0.0)
            t = np.clip(t, 0.0, 1.0)
            px, py = ax + t * dx, ay + t * dy
            d = np.hypot(px, py)
            better = d < best
            best = np.where(better, d, best)
            near_lon = np.where(better, x + px / kx, near_lon)
            near_lat = np.where(better, y + py / ky, near_lat)
        # ... and measured on the sphere.
        return haversine_km(x, y, near_lon, near_lat)

    def distance_km(self, lon, lat) -> np.ndarray:
        """Distance from each point to the line, km.

        Under 0.1 km within :data:`EXACT_BAND_KM` of the line; beyond it within
        1.5 km or 1.5 % (interpolated from a grid there). A point gets the same distance
        whatever else is in the batch: one claim alone, a claims file and a partition of a
        million-row table agree.
        """
        x = np.asarray(lon, dtype=float)
        y = np.asarray(lat, dtype=float)
        g = self._grid
        approx = g.interpolate(x, y)
        # Interpolation may underestimate by up to a grid cell near ridges: refine with margin.
        todo = ~(approx > EXACT_BAND_KM + 3.0)  # also NaN: outside the grid
        out = approx.copy()
        out[todo] = self._exact_km(x[todo], y[todo])
        return out

    @cached_property
    def _grid(self) -> "_Grid":
        kept = self.line.prepared
        if kept is not None and kept.grid_step == _GRID_DEG:
            return _Grid(kept.grid_x0, kept.grid_y0, kept.grid_step, kept.cell_code, kept.node_km)
        return _Grid.build(self)


class _Grid:
    """A regular grid over the line's area: cell side codes and node distances.

    ``cell_code[iy, ix]`` is 1 or -1 for a cell wholly on one side, 0 wholly outside the area,
    2 mixed (decide exactly); ``node_km`` the exact distance of each node to the line, for
    bilinear interpolation far from it. Nodes are ``x0 + ix * r``, ``y0 + iy * r``.
    """

    def __init__(self, x0: float, y0: float, r: float, cell_code: np.ndarray, node_km: np.ndarray):
        self.x0, self.y0, self.r = float(x0), float(y0), float(r)
        self.ny, self.nx = cell_code.shape
        self.cell_code, self.node_km = cell_code, node_km
        self._prefix: dict = {}  # code -> prefix sums of its cells (see _counts)

    @classmethod
    def build(cls, index: SideIndex) -> "_Grid":
        import shapely

        xmin, ymin, xmax, ymax = shapely.bounds(index.line.area)
        r = _GRID_DEG
        x0, y0 = xmin - r, ymin - r
        nx = int(np.ceil((xmax - x0) / r)) + 2
        ny = int(np.ceil((ymax - y0) / r)) + 2
        X, Y = np.meshgrid(x0 + np.arange(nx) * r, y0 + np.arange(ny) * r)
        boxes = shapely.box(X.ravel(), Y.ravel(), X.ravel() + r, Y.ravel() + r)
        code = np.full(boxes.shape, 2, dtype=np.int8)
        code[shapely.contains_properly(index.left, boxes)] = 1
        code[shapely.contains_properly(index.right, boxes)] = -1
        code[shapely.disjoint(index.line.area, boxes)] = 0
        node_km = index._exact_km(X.ravel(), Y.ravel()).reshape(ny, nx)
        return cls(x0, y0, r, code.reshape(ny, nx), node_km)

    def cell(self, x, y):
        fx = (x - self.x0) / self.r
        fy = (y - self.y0) / self.r
        inside = (fx >= 0) & (fy >= 0) & (fx < self.nx - 1) & (fy < self.ny - 1)
        ix = np.where(inside, fx, 0).astype(np.int64)
        iy = np.where(inside, fy, 0).astype(np.int64)
        return ix, iy, inside

    def all_cells(self, x0, y0, x1, y1, code: int) -> np.ndarray:
        """Whether every cell meeting each box (arrays of bounds) has ``code``.

        The grid covers the area with a margin, so what lies beyond it is outside the area:
        for code 0 a box is judged by the cells it meets within the grid (none: True); for a
        side, a box reaching beyond the grid is False. NaN bounds give False.
        """
        eps = 1e-9  # a box edge on a cell edge also counts the cell beyond: never too few cells
        with np.errstate(invalid="ignore"):
            ix0, ix1 = np.floor((x0 - self.x0) / self.r - eps), np.floor((x1 - self.x0) / self.r + eps)
            iy0, iy1 = np.floor((y0 - self.y0) / self.r - eps), np.floor((y1 - self.y0) / self.r + eps)
            known = ~np.isnan(ix0 + ix1 + iy0 + iy1)
            within = known & (ix0 >= 0) & (iy0 >= 0) & (ix1 <= self.nx - 1) & (iy1 <= self.ny - 1)
            beyond = known & ((ix1 < 0) | (iy1 < 0) | (ix0 > self.nx - 1) | (iy0 > self.ny - 1))
        out = np.zeros(len(known), dtype=bool)
        if code == 0:
            out[beyond] = True
            rows = np.flatnonzero(known & ~beyond)
        else:
            rows = np.flatnonzero(within)
        a = np.clip(ix0[rows], 0, self.nx - 1).astype(np.int64)
        b = np.clip(ix1[rows], 0, self.nx - 1).astype(np.int64) + 1
        c = np.clip(iy0[rows], 0, self.ny - 1).astype(np.int64)
        d = np.clip(iy1[rows], 0, self.ny - 1).astype(np.int64) + 1
        s = self._counts(code)
        out[rows] = s[d, b] - s[c, b] - s[d, a] + s[c, a] == (b - a) * (d - c)
        return out

    def _counts(self, code: int) -> np.ndarray:
        """Prefix sums of the cells with ``code``: ``[iy, ix]`` counts those below iy and left of ix."""
        if code not in self._prefix:
            s = np.zeros((self.ny + 1, self.nx + 1), dtype=np.int64)
            s[1:, 1:] = np.cumsum(np.cumsum(self.cell_code == code, axis=0), axis=1)
            self._prefix[code] = s
        return self._prefix[code]

    def interpolate(self, x, y) -> np.ndarray:
        fx = (x - self.x0) / self.r
        fy = (y - self.y0) / self.r
        inside = (fx >= 0) & (fy >= 0) & (fx < self.nx - 1) & (fy < self.ny - 1)
        ix = np.where(inside, np.floor(fx), 0).astype(np.int64)
        iy = np.where(inside, np.floor(fy), 0).astype(np.int64)
        tx, ty = fx - ix, fy - iy
        d = self.node_km
        v = ((d[iy, ix] * (1 - tx) + d[iy, ix + 1] * tx) * (1 - ty)
             + (d[iy + 1, ix] * (1 - tx) + d[iy + 1, ix + 1] * tx) * ty)
        return np.where(inside, v, np.nan)


@lru_cache(maxsize=16)
def _index_for(line) -> SideIndex:
    return SideIndex(line)


def side_labels(codes: np.ndarray, line) -> np.ndarray:
    """The side of each :data:`SIDE_CODES` code, as :func:`side_of_geometries` writes it."""
    return np.array([None, line.right_label, "outside", line.left_label, "straddles"],
                    dtype=object)[codes.astype(np.intp) - MISSING]


def side_of_points(lon, lat, line, *, distances: bool = True,
                   tolerance_km: Optional[float] = None, outside_distances: bool = True) -> dict:
    """Side verdicts for arrays of points.

    Parameters
    ----------
    lon, lat : array-like
    line : DeconflictionLine
    distances : bool
        Also compute ``distance_km`` and ``near_line`` (slower).
    tolerance_km : float, optional
        Width of the band along the line flagged ``near_line`` (default: the
        line's accuracy).
    outside_distances : bool
        With ``False``, points outside the line's area get NaN instead of a distance (a
        verdict there is "not applicable": :func:`geomap.verdicts.judge` skips them).

    Returns
    -------
    dict of numpy arrays
        ``code`` (+1 left, -1 right, 0 outside), ``side`` (labels),
        and with ``distances``: ``distance_km``, ``near_line``.
    """
    idx = SideIndex.of(line)
    codes = idx.codes(lon, lat)
    out = {"code": codes, "side": side_labels(codes, line)}
    if distances:
        if outside_distances:
            d = idx.distance_km(lon, lat)
        else:
            d = np.full(codes.shape, np.nan)
            inside = codes != 0
            d[inside] = idx.distance_km(np.asarray(lon, dtype=float)[inside], np.asarray(lat, dtype=float)[inside])
        tol = line.accuracy_km if tolerance_km is None else tolerance_km
        out["distance_km"] = d
        out["near_line"] = (d <= tol) & (codes != 0)
    return out


def side_of_geometries(geoms: Sequence, line, *, tolerance_km: Optional[float] = None,
                       small_km2: float = 5000.0, distances: bool = True,
                       outside_distances: bool = True) -> dict:
    """Side verdicts for any geometries (points, areas, lines), vectorized.

    Returns
    -------
    dict of numpy arrays
        ``side`` (label, ``straddles``, ``outside`` or None for a missing
        geometry) and its ``code`` (:data:`SIDE_CODES`), ``share_left``, ``share_right``,
        ``share_outside``,
        ``distance_km`` (0 where the geometry touches the line; NaN for areas
        larger than ``small_km2``, whose distance says little),
        ``near_line``. With ``distances=False`` (shares only) distances are NaN, and with
        ``outside_distances=False`` they are NaN for what lies wholly outside the line's area.
    """
    import shapely

    idx = SideIndex.of(line)
    g = np.asarray(geoms, dtype=object)
    n = len(g)
    missing = shapely.is_missing(g) | shapely.is_empty(g)
    geo = np.where(missing, shapely.Point(), g)
    types = shapely.get_type_id(geo)
    is_point = (types == 0) & ~missing
    code = np.full(n, MISSING, dtype=np.int8)
    share_l = np.full(n, np.nan)
    share_r = np.full(n, np.nan)
    share_o = np.full(n, np.nan)
    dist = np.full(n, np.nan)

    if is_point.any():
        pts = geo[is_point]
        v = side_of_points(shapely.get_x(pts), shapely.get_y(pts), line, tolerance_km=tolerance_km,
                           distances=distances, outside_distances=outside_distances)
        code[is_point] = v["code"]
        if distances:
            dist[is_point] = v["distance_km"]
        share_l[is_point] = (v["code"] > 0).astype(float)
        share_r[is_point] = (v["code"] < 0).astype(float)
        share_o[is_point] = (v["code"] == 0).astype(float)

    other = ~is_point & ~missing
    if other.any():
        from .side_areas import area_sides

        sl, sr, so, d = area_sides(idx, geo[other], distances=distances, small_km2=small_km2,
                                    outside_distances=outside_distances)
        code[other] = np.where(so >= 1.0, 0, np.where(sl >= STRADDLE_SHARE, 1,
                                                       np.where(sr >= STRADDLE_SHARE, -1, STRADDLES)))
        share_l[other], share_r[other], share_o[other], dist[other] = sl, sr, so, d

    tol = line.accuracy_km if tolerance_km is None else tolerance_km
    with np.errstate(invalid="ignore"):
        # Flag what lies on one side close to the line; a straddling area says more by its shares.
        near = (dist <= tol) & ((code == 1) | (code == -1))
    return {"side": side_labels(code, line), "code": code, "share_left": share_l, "share_right": share_r,
            "share_outside": share_o, "distance_km": dist, "near_line": near}


def classify(gdf, line, *, tolerance_km: Optional[float] = None, prefix: str = ""):
    """Add one line's verdict columns to any GeoDataFrame (returns a copy).

    The verdict is :func:`geomap.verdicts.judge`'s (applicability included).
    Columns: ``side``, ``side_share`` (dict label -> share), ``distance_km``,
    ``near_line``, ``applies``, ``reason``, ``line``, ``verdict`` (a sentence).

    Examples
    --------
    >>> import geopandas as gpd
    >>> from shapely import Point
    >>> from geomap.lines import get_line
    >>> gdf = gpd.GeoDataFrame({"name": ["Mayadin"]}, geometry=[Point(40.452, 35.020)], crs=4326)
    >>> classify(gdf, get_line("euphrates"))["side"].tolist()
    ['west']
    """
    from .verdicts import judge

    out = gdf.copy()
    geoms = np.asarray(out.geometry.to_crs(4326).values if out.crs is not None else out.geometry.values,
                       dtype=object)
    v = judge(geoms, geoms, line, dates=out["date"].to_numpy() if "date" in out else None,
              countries=out["country_code"].to_numpy() if "country_code" in out else None,
              tolerance_km=tolerance_km)
    out[prefix + "side"] = v["side"].to_numpy()
    out[prefix + "side_share"] = [share_dict(*r, line) for r in
                                  v[["side", "share_left", "share_right", "share_outside"]].itertuples(index=False)]
    out[prefix + "distance_km"] = v["distance_km"].to_numpy()
    out[prefix + "near_line"] = v["near_line"].to_numpy()
    out[prefix + "applies"] = v["applies"].to_numpy()
    out[prefix + "reason"] = v["reason"].to_numpy()
    out[prefix + "line"] = line.name
    out[prefix + "verdict"] = v["sentence"].to_numpy()
    return out


def share_dict(side, left, right, outside, line) -> Optional[dict]:
    """{left label: share, right label: share[, "outside": share]} or None."""
    if side is None or side in ("outside", "not_applicable"):
        return None
    d = {line.left_label: round(float(left), 4), line.right_label: round(float(right), 4)}
    if outside is not None and outside >= 0.005:
        d["outside"] = round(float(outside), 4)
    return d
