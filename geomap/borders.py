"""A border as reports name it: "the Iraqi border", "the Syria-Iraq border", "the border with
Turkey", "on the Turkish frontier" — the line two countries share.

One country named ("the Iraqi border" in a report on Syria) borders the country the claim's
other places lie in (or, with none, the report's places); with no such country the whole of its
boundary is the border.

Examples
--------
>>> from geomap.gazetteer import Gazetteer
>>> gaz = Gazetteer.default()
>>> syria, iraq = gaz.resolve("Syria").place, gaz.resolve("Iraq").place
>>> line = shared_border(gaz.shape(syria), gaz.shape(iraq))
>>> line.geom_type in ("LineString", "MultiLineString"), 550 < length_km(line) < 700
(True, True)
"""

from __future__ import annotations

import re
import weakref
from typing import Optional

from .geodesy import length_km  # noqa: F401 (a border's length, re-exported)

__all__ = ["BORDER", "border_band", "shared_border", "neighbours", "country_around", "nearest_neighbour",
           "length_km"]

#: Words that name a border, in clauses: "the Iraqi border", "the Syrian-Iraqi border (area)",
#: "the border with Turkey", after "near"/"along"/"close to".
BORDER = re.compile(
    r"(?:(?:near|along|by|close\s+to|not\s+far\s+from|across)\s+)?(?:the\s+)?(?:"
    r"(?P<a>[A-Z][\w'’]+)\s*(?:-|–|/|\s+and\s+)\s*(?P<b>[A-Z][\w'’]+)\s+(?:border|frontier)s?|"
    r"(?P<one>[A-Z][\w'’]+(?:\s+[A-Z][\w'’]+)?)\s+(?:border|frontier)|"
    r"(?:border|frontier)\s+(?:with|of)\s+(?P<with>.+?))"
    r"(?:\s+(?:area|region|strip|zone|crossing))?")

#: How far a border's points lie from the other country's polygon (degrees, about 500 m):
#: neighbours' shared vertices, not its other frontiers.
_TOUCH_DEG = 0.005


def shared_border(a, b):
    """The part of country ``a``'s boundary that country ``b`` touches (an empty geometry when
    they do not border each other)."""
    import shapely

    return shapely.intersection(a.boundary, shapely.buffer(b, _TOUCH_DEG))


#: Per gazetteer (held weakly: a gazetteer dropped takes its entries with it, and a new one at
#: the same address starts afresh): bands by (a, b, km), and whether two countries are neighbours.
_BANDS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
_NEIGHBOURS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def border_band(gaz, a, b, km: float):
    """Within ``km`` of country ``a``'s border with country ``b`` (all of its boundary when ``b``
    is None); remembered per pair, as a river's bank is."""
    from .geodesy import buffer_km

    bands = _BANDS.setdefault(gaz, {})
    key = (a.id, b.id if b is not None else None, float(km))
    if key not in bands:
        if len(bands) > 64:
            bands.clear()
        line = gaz.shape(a).boundary if b is None else shared_border(gaz.shape(a), gaz.shape(b))
        bands[key] = buffer_km(line, km)
    return bands[key]


def neighbours(gaz, a, b) -> bool:
    """Whether two countries (gazetteer places) share a border (remembered per pair)."""
    known = _NEIGHBOURS.setdefault(gaz, {})
    if (a.id, b.id) not in known:
        known[(a.id, b.id)] = not shared_border(gaz.shape(a), gaz.shape(b)).is_empty
    return known[(a.id, b.id)]


def country_around(gaz, points, *, besides=None) -> Optional[object]:
    """The country (a gazetteer place) most of ``points`` (lon, lat) lie in, other than ``besides``."""
    import shapely

    if not points:
        return None
    lon, lat = zip(*points)
    best, count = None, 0
    for p, shape in gaz.shapes_of_kind("country"):
        if besides is not None and p.id == besides.id:
            continue
        n = int(shapely.contains_xy(shape, lon, lat).sum()) if shape.geom_type != "Point" else 0
        if n > count:
            best, count = p, n
    return best




def nearest_neighbour(gaz, country, points) -> Optional[object]:
    """The neighbour of ``country`` whose shared border lies nearest to ``points`` (lon, lat): the
    border a claim near them means ("the Syrian side of the border, near al-Baghuz": Iraq's)."""
    import shapely

    if not points:
        return None
    pts = shapely.multipoints(points)
    best, gap = None, None
    for other, shape in gaz.shapes_of_kind("country"):
        if other.id == country.id or shape.geom_type == "Point" or not neighbours(gaz, country, other):
            continue
        d = shapely.distance(shared_border(gaz.shape(country), shape), pts)
        if gap is None or d < gap:
            best, gap = other, d
    return best
