"""Sides of areas and lines: the shares on each side of a line and the distance to it.

An area wholly on one side is judged by one of its points, and one wholly outside the line's
area needs nothing more; any other is intersected with the line's side areas as few times as
its case needs (:func:`_sizes`: once for most). Distances come from the nearest vertex,
measured only where it can be nearest (:func:`_nearest_vertex_km`).
"""

from __future__ import annotations

import numpy as np

from .geodesy import area_km2
from .threads import split_call, split_predicate

__all__ = ["area_sides", "GRID_ERR_KM"]


def _sizes(idx, part: np.ndarray, dims: np.ndarray, crosses: np.ndarray, inside: np.ndarray) -> tuple:
    """(size on the left, size on the right) of each geometry (area; length for lines), with as few
    intersections with the line's side areas as each case needs."""
    import shapely

    def size(g, d):
        return np.where(d >= 2, shapely.area(g), shapely.length(g))

    n = len(part)
    al, ar = np.zeros(n), np.zeros(n)
    todo = np.ones(n, dtype=bool)
    # Within the line's area and across the line: its left part, and the rest is on the right.
    one = crosses & inside & (dims >= 2)
    if one.any():
        al[one] = size(split_call(shapely.intersection, part[one], idx.left), dims[one])
        ar[one] = np.maximum(size(part[one], dims[one]) - al[one], 0.0)
        todo &= ~one
    # On one side of the line, partly outside its area: the part inside, on the side of its points.
    edge = ~crosses & ~inside & todo
    if edge.any():
        cut = split_call(shapely.intersection, part[edge], idx.line.area)
        rp = shapely.point_on_surface(cut)
        code = idx.codes(shapely.get_x(rp), shapely.get_y(rp))
        ins = size(cut, dims[edge])
        rows = np.flatnonzero(edge)
        al[rows], ar[rows] = np.where(code > 0, ins, 0.0), np.where(code < 0, ins, 0.0)
        todo[rows[(code != 0) | (ins == 0)]] = False    # a point on the line itself: measure both sides
    if todo.any():
        al[todo] = size(split_call(shapely.intersection, part[todo], idx.left), dims[todo])
        ar[todo] = size(split_call(shapely.intersection, part[todo], idx.right), dims[todo])
    return al, ar


def area_sides(idx, shp: np.ndarray, *, distances: bool, small_km2: float, outside_distances: bool = True):
    """(share left, share right, share outside, distance km) of areas and lines, vectorised.

    An area that crosses neither the cutting line (the line extended to the
    area of interest's edge) nor that edge lies wholly on one side: its side is
    the side of any of its points, with no intersection computed. Distances come
    from the KD-tree over the densified line, measured from every vertex of the
    geometry (within a few metres of the exact distance for the discs and
    polygons claims are made of); areas larger than ``small_km2`` get NaN, and so do areas
    wholly outside the line's area unless ``outside_distances``.
    """
    import shapely

    n = len(shp)
    sl, sr, so = np.zeros(n), np.zeros(n), np.zeros(n)
    # Most areas lie among grid cells all on one side (or all outside): no GEOS call at all.
    by_grid = _grid_codes(idx, shp) if idx.uses_grid(n) else np.full(n, 2)
    sure = by_grid != 2
    sl[sure], sr[sure], so[sure] = by_grid[sure] > 0, by_grid[sure] < 0, by_grid[sure] == 0
    open_ = np.flatnonzero(~sure)
    sub = shp[open_]
    dims = shapely.get_dimensions(shp)
    crosses, inside = np.zeros(n, bool), np.zeros(n, bool)
    crosses[open_] = split_predicate(shapely.intersects, idx.cutter, sub)
    inside[open_] = split_predicate(shapely.contains, idx.line.area, sub)
    whole = ~sure & ~crosses & inside & (shapely.get_num_geometries(shp) == 1)  # parts may lie on both sides
    if whole.any():
        x, y = _inner_points(shp[whole])
        code = idx.codes(x, y)
        sl[whole], sr[whole], so[whole] = code > 0, code < 0, code == 0
    # Wholly outside the line's area: nothing to intersect.
    away = np.zeros(n, bool)
    maybe = np.flatnonzero(~sure & ~whole)
    away[maybe] = ~split_predicate(shapely.intersects, idx.line.area, shp[maybe])
    so[away] = 1.0
    rest = np.flatnonzero(~sure & ~whole & ~away)
    if len(rest):
        # Events of one governorate share its polygon: intersect each distinct object once.
        _, first, back = np.unique(np.array([id(g) for g in shp[rest]]), return_index=True,
                                   return_inverse=True)
        part = shp[rest][first]
        pdims = dims[rest][first]
        total = np.where(pdims >= 2, shapely.area(part), shapely.length(part))
        al, ar = _sizes(idx, part, pdims, crosses[rest][first], inside[rest][first])
        inside_size = al + ar
        with np.errstate(invalid="ignore", divide="ignore"):
            so[rest] = np.where(total > 0, np.clip(1.0 - inside_size / total, 0.0, 1.0), 1.0)[back]
            # Shares of the part inside the area of interest.
            sl[rest] = np.where(inside_size > 0, al / inside_size, 0.0)[back]
            sr[rest] = np.where(inside_size > 0, ar / inside_size, 0.0)[back]
    so = np.where((sl + sr) <= 1e-12, 1.0, so)
    d = np.full(n, np.nan)
    if distances:
        touches = np.zeros(n, bool)  # cells wholly on one side do not touch the line (outside ones may)
        wanted = np.ones(n, bool) if outside_distances else so < 1.0
        near = np.flatnonzero(((by_grid == 0) | (by_grid == 2)) & wanted)
        touches[near] = split_predicate(shapely.intersects, idx.geometry, shp[near])
        small = _small(shp, small_km2) & wanted
        d = np.where(touches, 0.0, np.where(small, _nearest_vertex_km(idx, shp, small & ~touches), np.nan))
    return sl, sr, so, d


def _grid_codes(idx, shp: np.ndarray) -> np.ndarray:
    """Each geometry's side code where the grid alone decides it: 1 or -1 when every cell under its
    bounding box lies wholly on that side, 0 when every one lies wholly outside the area; else 2.

    Exact: such a geometry lies within those cells. The cells counted are found by prefix sums
    (:meth:`geomap.sides._Grid.all_cells`), a few array operations for any number of geometries.
    """
    import shapely

    grid = idx._grid
    x0, y0, x1, y1 = shapely.bounds(shp).T
    out = np.full(len(shp), 2, dtype=np.int8)
    for code in (1, -1, 0):
        out[(out == 2) & grid.all_cells(x0, y0, x1, y1, code)] = code
    return out


def _inner_points(shp: np.ndarray) -> tuple:
    """(x, y) of a point inside each geometry: the middle of its bounding box where that is inside
    it (a disc, any convex area), else a point on its surface (a line's, or a concave area's)."""
    import shapely

    x0, y0, x1, y1 = shapely.bounds(shp).T
    x, y = (x0 + x1) / 2.0, (y0 + y1) / 2.0
    other = np.flatnonzero(~shapely.contains_xy(shp, x, y))
    if len(other):
        rp = shapely.point_on_surface(shp[other])
        x[other], y[other] = shapely.get_x(rp), shapely.get_y(rp)
    return x, y


def _small(shp: np.ndarray, small_km2: float) -> np.ndarray:
    """Whether each geometry's area is at most ``small_km2``: measured only where its bounding box
    (an upper bound of the area, with a margin) is larger, and once per distinct object."""
    import shapely

    x0, y0, x1, y1 = shapely.bounds(shp).T
    with np.errstate(invalid="ignore"):
        nearest_equator = np.where(y0 * y1 <= 0, 0.0, np.minimum(np.abs(y0), np.abs(y1)))
        # km per degree: at most 111.33 along a parallel (at the equator), 111.70 along a meridian.
        box_km2 = (x1 - x0) * 111.33 * np.cos(np.radians(nearest_equator)) * (y1 - y0) * 111.70 * 1.02
    out = box_km2 <= small_km2
    todo = np.flatnonzero(~out)
    if len(todo):
        _, first, back = np.unique(np.array([id(g) for g in shp[todo]]), return_index=True, return_inverse=True)
        out[todo] = (area_km2(shp[todo][first]) <= small_km2)[back.ravel()]
    return out


#: Largest error of the grid's interpolated distance (km): the diagonal of a grid cell, rounded up.
GRID_ERR_KM = 3.0


def _nearest_vertex_km(idx, shp: np.ndarray, todo: np.ndarray) -> np.ndarray:
    """The least :meth:`SideIndex.distance_km` over each geometry's vertices (where ``todo``).

    The grid's interpolated distance, within :data:`GRID_ERR_KM` of the distance itself, rules
    out the vertices that cannot be nearest; only the others are measured. The answer is the one
    measuring every vertex would give.
    """
    import shapely

    out = np.full(len(shp), np.nan)
    rows = np.flatnonzero(todo)
    if not len(rows):
        return out
    coords, which = shapely.get_coordinates(shp[rows], return_index=True)
    x, y = coords[:, 0], coords[:, 1]
    approx = idx._grid.interpolate(x, y)
    off = np.isnan(approx)                                  # off the grid: always measured
    low = np.full(len(rows), np.inf)
    np.minimum.at(low, which[~off], approx[~off])
    cand = off | (approx <= low[which] + 2 * GRID_ERR_KM)
    nearest = np.full(len(rows), np.inf)
    np.minimum.at(nearest, which[cand], idx.distance_km(x[cand], y[cand]))
    out[rows] = nearest
    return out
