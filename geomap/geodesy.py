"""Distances, offsets and metric buffers on the WGS84 ellipsoid.

Lengths and areas are never measured in degrees: points are offset
geodesically (``pyproj.Geod``) and shapes are buffered in an azimuthal
equidistant projection centred on the shape, which keeps a 25 km disc a
25 km disc at any latitude.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

__all__ = ["haversine_km", "offset", "disc", "discs", "ring_offsets", "area_km2", "length_km", "sector", "buffer_km",
           "local_crs", "equivalent_radius_km", "compass_part", "EARTH_RADIUS_KM"]

EARTH_RADIUS_KM = 6371.0088


def haversine_km(lon1, lat1, lon2, lat2):
    """Great-circle distance in km; numpy-vectorized over any argument.

    >>> round(float(haversine_km(38.0, 35.0, 39.0, 35.0)), 1)
    91.1
    """
    lon1, lat1, lon2, lat2 = map(np.radians, (lon1, lat1, lon2, lat2))
    a = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.minimum(a, 1.0)))


@lru_cache(maxsize=1)
def _geod():
    from pyproj import Geod

    return Geod(ellps="WGS84")


def offset(lon: float, lat: float, azimuth_deg: float, distance_km: float):
    """The point ``distance_km`` from (lon, lat) along ``azimuth_deg`` (0 = north).

    >>> x, y = offset(38.0, 35.0, 0.0, 111.0)
    >>> round(y, 2)
    36.0
    """
    x, y, _ = _geod().fwd(lon, lat, azimuth_deg, distance_km * 1000.0)
    return float(x), float(y)


def local_crs(lon: float, lat: float):
    """An azimuthal equidistant CRS centred on (lon, lat), for metric work."""
    from pyproj import CRS

    return CRS.from_proj4(
        f"+proj=aeqd +lat_0={lat:.6f} +lon_0={lon:.6f} +datum=WGS84 +units=m +no_defs"
    )


@lru_cache(maxsize=256)
def _transformers(lon: float, lat: float):
    # Building a Transformer costs milliseconds: claims buffered around the same place share one.
    from pyproj import Transformer

    crs = local_crs(lon, lat)
    fwd = Transformer.from_crs("EPSG:4326", crs, always_xy=True)
    inv = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
    return fwd, inv


def buffer_km(geom, distance_km: float, *, quad_segs: int = 16):
    """Buffer a lon/lat geometry by a distance in km (metric, not degrees).

    Parameters
    ----------
    geom : shapely geometry in EPSG:4326
    distance_km : float
        Positive grows, negative shrinks.

    Examples
    --------
    >>> from shapely import Point
    >>> d = buffer_km(Point(40.45, 35.02), 10)
    >>> 0.17 < d.bounds[3] - d.bounds[1] < 0.19
    True
    """
    import shapely

    c = geom.centroid if not geom.is_empty else geom
    fwd, inv = _transformers(round(c.x, 3), round(c.y, 3))
    projected = shapely.transform(geom, _vectorized(fwd))
    out = shapely.buffer(projected, distance_km * 1000.0, quad_segs=quad_segs)
    return shapely.transform(out, _vectorized(inv))


def _vectorized(transformer):
    """A pyproj transformer as a shapely.transform function over (N, 2) arrays."""

    def apply(xy):
        x, y = transformer.transform(xy[:, 0], xy[:, 1])
        return np.column_stack([x, y])

    return apply


def discs(lon, lat, radius_km, *, quad_segs: int = 16) -> np.ndarray:
    """Geodesic discs around many points at once, as lon/lat polygons (vectorised).

    Each ring's vertices are the points ``radius_km`` from the centre along
    ``4 * quad_segs`` azimuths (``pyproj.Geod``, no projection object per
    disc). A disc's shape depends on its latitude and radius only, not on its
    longitude, so discs at nearby latitudes share the work: see
    :func:`ring_offsets`.

    >>> d = discs([40.45, 38.55], [35.02, 35.84], [10.0, 2.0])
    >>> [round(_geod().inv(40.45, 35.02, *p)[2] / 1000, 6) for p in d[0].exterior.coords[:2]]
    [10.0, 10.0]
    """
    import shapely

    lon, lat, r = np.broadcast_arrays(np.asarray(lon, float), np.asarray(lat, float),
                                      np.asarray(radius_km, float))
    lon, lat, n = lon.ravel(), lat.ravel(), 4 * quad_segs
    dx, dy = ring_offsets(lat, r.ravel(), n)
    # Counter-clockwise: the vertices in reverse azimuth order after the closing one.
    rings = np.empty((len(lat), n + 1, 2))
    x = rings[:, 1:, 0]
    np.add(lon[:, None], dx[:, ::-1], out=x)
    np.add(lat[:, None], dy[:, ::-1], out=rings[:, 1:, 1])
    wrap = np.abs(lon) + np.abs(dx).max(axis=1, initial=0.0) > 180.0
    if wrap.any():  # as Geod.fwd wraps
        xw = x[wrap]
        x[wrap] = np.where(np.abs(xw) > 180.0, (xw + 180.0) % 360.0 - 180.0, xw)
    rings[:, 0] = rings[:, n]
    return shapely.polygons(rings)


#: Latitude step (degrees) of the table :func:`ring_offsets` interpolates in.
RING_STEP_DEG = 0.01
#: Discs interpolated in that grid: radius at most this (km) and this far (degrees) from a pole.
RING_TABLE_MAX_KM, RING_TABLE_POLE_DEG = 500.0, 10.0


def ring_offsets(lat, radius_km, n: int):
    """(dlon, dlat): each disc's vertices minus its centre, degrees, shape ``(len(lat), n)``.

    A geodesic circle on the ellipsoid keeps its shape along a parallel, so its
    offsets depend on latitude and radius only. They are computed exactly
    (``Geod.fwd``) on a grid of latitudes :data:`RING_STEP_DEG` apart, once per
    grid latitude and radius in the batch, and interpolated linearly between
    them: under 0.1 mm from the exact vertex for a 10 km disc at Syria's
    latitudes, under 0.1 m for any disc interpolated (radius up to
    :data:`RING_TABLE_MAX_KM`, latitude up to 80°), far below the 64-gon's own
    departure from the circle (r·(1 - cos(π/64)): 12 m at 10 km, 600 m at 500 km). A disc's vertices depend on
    its own latitude and radius only, never on the rest of the batch: a table
    judged in parts gets the discs it gets whole. Larger discs and discs
    reaching near a pole are computed exactly.

    >>> dx, dy = ring_offsets(np.array([35.0, 35.0]), np.array([10.0, 10.0]), 4)
    >>> round(float(dy[0, 0]), 4), round(float(dx[0, 1]), 4)  # 10 km north, 10 km east of 35°N
    (0.0901, 0.1095)
    """
    lat, r = np.asarray(lat, float), np.asarray(radius_km, float)
    az = np.linspace(0.0, 360.0, n, endpoint=False)
    dx, dy = np.empty((len(lat), n)), np.empty((len(lat), n))
    table = (r <= RING_TABLE_MAX_KM) & (np.abs(lat) + r / 111.0 <= 90.0 - RING_TABLE_POLE_DEG)
    if table.any():
        k = np.floor(lat[table] / RING_STEP_DEG)
        (x0, y0), (x1, y1) = _grid_offsets(k, r[table], az)
        f = (lat[table] / RING_STEP_DEG - k)[:, None]
        for low, high, out in ((x0, x1, dx), (y0, y1, dy)):  # low * (1 - f) + high * f, in place
            low *= 1.0 - f
            high *= f
            low += high
            out[table] = low
    rest = ~table
    if rest.any():
        dx[rest], dy[rest] = _exact_offsets(lat[rest], r[rest], az)
    return dx, dy


def _grid_offsets(k, radius_km, az) -> tuple:
    """The exact offsets at grid latitudes ``k`` and ``k + 1`` (in steps of :data:`RING_STEP_DEG`), each
    distinct (latitude, radius) computed once when many discs share them. Either way the values are
    the same, bit for bit: ``Geod.fwd`` computes every point alone."""
    if len(k) < 64:
        return [_exact_offsets(at * RING_STEP_DEG, radius_km, az) for at in (k, k + 1)]
    # Distinct (grid latitude, radius) nodes, each numbered once: row = latitude, column = radius.
    lats, at = np.unique(k, return_inverse=True)
    radii, col = np.unique(radius_km, return_inverse=True)
    grid = np.union1d(lats, lats + 1)
    rows = [np.searchsorted(grid, lats)[at.ravel()], np.searchsorted(grid, lats + 1)[at.ravel()]]
    keys = [row * len(radii) + col.ravel() for row in rows]
    nodes, inv = np.unique(np.concatenate(keys), return_inverse=True)
    tx, ty = _exact_offsets(grid[nodes // len(radii)] * RING_STEP_DEG, radii[nodes % len(radii)], az)
    return [(tx[i], ty[i]) for i in np.split(inv.ravel(), 2)]


def _exact_offsets(lat, radius_km, az):
    """Exact ``Geod.fwd`` offsets from (0, lat) along every azimuth, degrees, ``(len(lat), len(az))``."""
    n = len(az)
    x, y, _ = _geod().fwd(np.zeros(len(lat) * n), np.repeat(lat, n), np.tile(az, len(lat)),
                          np.repeat(radius_km, n) * 1000.0)
    return x.reshape(-1, n), y.reshape(-1, n) - np.asarray(lat)[:, None]


def disc(lon: float, lat: float, radius_km: float, *, quad_segs: int = 16):
    """A geodesic disc of ``radius_km`` around a point, as a lon/lat polygon (see :func:`discs`).

    Remembered (geometries are immutable): a report reads the same place's disc many times.
    """
    return _disc(float(lon), float(lat), float(radius_km), int(quad_segs))


@lru_cache(maxsize=4096)
def _disc(lon: float, lat: float, radius_km: float, quad_segs: int):
    return discs([lon], [lat], [radius_km], quad_segs=quad_segs)[0]


#: Radius of the sphere with the WGS84 ellipsoid's surface area (the authalic radius), km.
AUTHALIC_RADIUS_KM = 6371.0072


def length_km(line) -> float:
    """A line's geodesic length on the WGS84 ellipsoid, km.

    >>> from shapely.geometry import LineString
    >>> round(length_km(LineString([(40.0, 35.0), (41.0, 35.0)])), 1)
    91.3
    """
    return _geod().geometry_length(line) / 1000.0


def area_km2(geoms) -> np.ndarray:
    """Areas in km², vectorised: an equal-area (sinusoidal) projection of every vertex at once.

    The sinusoidal projection on the authalic sphere preserves area, so a
    geometry's planar area there is its area on the ellipsoid to within about
    0.5 % (``pyproj.Geod`` measures one geometry at a time; this measures a
    million). Points and lines have area 0.

    >>> a = area_km2([disc(40.0, 35.0, 10.0)])[0]
    >>> geod = abs(_geod().geometry_area_perimeter(disc(40.0, 35.0, 10.0))[0]) / 1e6
    >>> bool(abs(a - geod) / geod < 0.005)
    True
    """
    import shapely

    g = np.asarray(geoms, dtype=object)
    # Polygons of one ring (discs, sectors: nearly all of a claims file) are measured from their
    # coordinates with no projected copy; any other geometry is projected and measured by GEOS.
    ring = (shapely.get_type_id(g) == 3) & (shapely.get_num_interior_rings(g) == 0) & ~shapely.is_empty(g)
    out = np.zeros(len(g))
    if (~ring).any():
        out[~ring] = shapely.area(shapely.transform(g[~ring], _sinusoidal))
    if ring.any():
        out[ring] = _ring_areas(*shapely.get_coordinates(g[ring], return_index=True), int(ring.sum()))
    return out


def _sinusoidal(xy: np.ndarray) -> np.ndarray:
    """Lon/lat -> km in the sinusoidal projection of the authalic sphere."""
    k = np.pi / 180.0 * AUTHALIC_RADIUS_KM
    return np.column_stack([xy[:, 0] * np.cos(np.radians(xy[:, 1])) * k, xy[:, 1] * k])


def _ring_areas(xy: np.ndarray, ring: np.ndarray, n: int) -> np.ndarray:
    """Projected areas of ``n`` closed rings from their vertices (``ring``: each vertex's ring, in
    order): the shoelace sum of each, taken relative to its first vertex as GEOS does, so the
    large projected coordinates do not cancel. A ring ends on its first vertex, (0, 0) once
    taken relative to it, so the term that joins one ring to the next is 0."""
    p = _sinusoidal(xy)
    counts = np.bincount(ring, minlength=n)
    first = np.cumsum(counts) - counts
    p -= np.repeat(p[first], counts, axis=0)
    x, y = p[:, 0], p[:, 1]
    term = x[:-1] * y[1:] - x[1:] * y[:-1]
    return 0.5 * np.abs(np.bincount(ring[:-1], weights=term, minlength=n))


def sector(lon: float, lat: float, azimuth_deg: float, half_width_deg: float,
           inner_km: float, outer_km: float, *, steps: int = 24):
    """An annular sector: the area "<direction> of" a point.

    Parameters
    ----------
    azimuth_deg : float
        Central bearing, degrees clockwise from north.
    half_width_deg : float
        Half the opening angle.
    inner_km, outer_km : float
        Distances bounding the sector.
    """
    from shapely import Polygon

    angles = np.linspace(azimuth_deg - half_width_deg, azimuth_deg + half_width_deg, steps + 1)
    x, y, _ = _geod().fwd(np.full(steps + 1, lon), np.full(steps + 1, lat), angles,
                          np.full(steps + 1, outer_km * 1000.0))
    outer = list(zip(x, y))
    if inner_km > 0:
        x, y, _ = _geod().fwd(np.full(steps + 1, lon), np.full(steps + 1, lat), angles[::-1],
                              np.full(steps + 1, inner_km * 1000.0))
        inner = list(zip(x, y))
    else:
        inner = [(lon, lat)]
    return Polygon(outer + inner).buffer(0)


def bearing_deg(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Initial bearing from point 1 to point 2, degrees clockwise from north."""
    az, _, _ = _geod().inv(lon1, lat1, lon2, lat2)
    return float(az % 360.0)


def km_per_degree(lat: float):
    """(km per degree of longitude, km per degree of latitude) at ``lat``."""
    return 111.32 * math.cos(math.radians(lat)), 110.57


def equivalent_radius_km(geoms) -> np.ndarray:
    """Radius (km) of the disc with each area's size; 0 for points, lines, empty or missing geometry.

    >>> from shapely import Point
    >>> equivalent_radius_km([disc(40.0, 35.0, 10.0), Point(40, 35), None]).round(1).tolist()
    [10.0, 0.0, 0.0]
    """
    import shapely

    arr = np.asarray(list(geoms) if not isinstance(geoms, np.ndarray) else geoms, dtype=object)
    out = np.zeros(len(arr))
    if not len(arr):
        return out
    ok = ~shapely.is_missing(arr)
    ok[ok] = ~shapely.is_empty(arr[ok]) & np.isin(shapely.get_type_id(arr[ok]), (3, 6))
    if ok.any():
        out[ok] = np.sqrt(area_km2(arr[ok]) / math.pi)
    return out


def compass_part(area, word: str):
    """The compass part of an area ("north", "southwest" ...): "southern Raqqa" is Raqqa south of
    its centroid; any other word, the whole area.

    >>> from shapely import box
    >>> compass_part(box(0, 0, 2, 2), "south").bounds
    (0.0, 0.0, 2.0, 1.0)
    """
    import shapely

    c = area.centroid
    minx, miny, maxx, maxy = area.bounds
    boxes = {
        "north": (minx, c.y, maxx, maxy), "south": (minx, miny, maxx, c.y),
        "east": (c.x, miny, maxx, maxy), "west": (minx, miny, c.x, maxy),
        "northeast": (c.x, c.y, maxx, maxy), "northwest": (minx, c.y, c.x, maxy),
        "southeast": (c.x, miny, maxx, c.y), "southwest": (minx, miny, c.x, c.y),
    }
    if word not in boxes:
        return area
    return shapely.intersection(area, shapely.box(*boxes[word]))
