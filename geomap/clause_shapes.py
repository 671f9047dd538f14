"""The areas a clause's relation makes of its places (built only by a reader that draws).

:class:`geomap.clauses.ClauseReader` names each through ``self.shape(build, *args)``, so a
:class:`~geomap.clauses.ClauseChecker` (which only asks whether words read) builds none.
"""

from __future__ import annotations

from .geodesy import buffer_km, compass_part, disc, haversine_km

__all__ = ["compass_parts", "grown_area", "corridor_between", "beyond_own_country"]


def compass_parts(area, words: tuple):
    """The union of an area's compass parts ("north", "east")."""
    import shapely

    return shapely.union_all([compass_part(area, w) for w in words])


def grown_area(gaz, p, km: float):
    """A place's own area grown by ``km`` (one known by its point: a disc of its precision)."""
    g = gaz.shape(p)
    if g.geom_type == "Point":
        return disc(p.longitude, p.latitude, max(p.precision_m / 1000.0, 0.1) + km)
    return buffer_km(g, km)


def corridor_between(gaz, a, b, half_width_km: float, spots: tuple):
    """"between A and B": within ``half_width_km`` of the straight line from A to B, not beyond
    either end (inside the circle whose diameter is that line) and in neither town itself (the
    places in ``spots`` are left out: "the desert between Palmyra and Deir ez-Zor" is in neither).

    >>> from geomap.gazetteer import Gazetteer
    >>> gaz = Gazetteer.default()
    >>> a, b = gaz.resolve("Palmyra").place, gaz.resolve("Deir ez-Zor").place
    >>> c = corridor_between(gaz, a, b, 5.0, (a, b))
    >>> c.contains(gaz.shape(a)) or c.contains(gaz.shape(b))
    False
    """
    from shapely import LineString

    (ax, ay), (bx, by) = a.point, b.point
    band = buffer_km(LineString([a.point, b.point]), half_width_km)
    span = disc((ax + bx) / 2, (ay + by) / 2, haversine_km(ax, ay, bx, by) / 2)
    area = band.intersection(span)
    for p in spots:
        rest = area.difference(grown_area(gaz, p, 0.0))
        area = rest if not rest.is_empty else area
    return area if not area.is_empty else band


def beyond_own_country(gaz, p, area):
    """The part of ``area`` outside the country place ``p`` is in ("across the border from the
    Iraqi town of al-Qaim": near it, on the other side); all of it when that country is unknown."""
    for country, shape in gaz.shapes_of_kind("country"):
        if country.country_code == p.country_code and p.country_code:
            rest = area.difference(shape)
            return rest if not rest.is_empty else area
    return area
