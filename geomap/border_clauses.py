"""Clauses about borders, read by a :class:`~geomap.clauses.ClauseReader` ``rd``:

==================================================  =============================================  ====
clause                                              area                                           prec
==================================================  =============================================  ====
``the Iraqi border`` / ``the Syria-Iraq border``    within ``near_km`` of the line they share        5
``the Syrian side of the border``                   that country, within ``near_km`` of the border   5
``across the border from the Iraqi town of Qaim``   near the place, outside its own country          2
==================================================  =============================================  ====

One country named borders the country the claim's other places lie in (or, with none, the
report's places). Each handler is called as ``handler(rd, match, clause)`` and returns
(area, point or None, precision), or None to let the next pattern try.
"""

from __future__ import annotations

import re

import shapely

from .borders import BORDER, border_band, country_around, nearest_neighbour, neighbours
from .clause_shapes import beyond_own_country
from .errors import ExpressionError

__all__ = ["BORDER_CLAUSES"]


def read_border(rd, m, t):
    """"the Iraqi border", "near the Syria-Iraq border", "the border with Turkey"."""
    names = [w for w in (m["a"], m["b"], m["one"], m["with"]) if w]
    countries = [rd.place(w, kind="country") for w in names]
    if any(c.kind != "country" for c in countries):
        return None   # "the Tal Abyad border crossing": a place's, read as that place
    if len(countries) == 1:
        other = country_around(rd.gaz, _anchor_points(rd), besides=countries[0])
        countries += [other] if other is not None else []
    if len(countries) == 2 and countries[0].id == countries[1].id:
        raise ExpressionError(rd.expression, t, claim=rd.claim_id,
                              reason=f"a border lies between two countries; {countries[0].name} is named twice")
    if len(countries) == 2 and not neighbours(rd.gaz, *countries):
        raise ExpressionError(rd.expression, t, claim=rd.claim_id,
                              reason=f"{countries[0].name} and {countries[1].name} share no border")
    what = "–".join(sorted(c.name for c in countries))
    rd.parts.append(f"within {rd.d.near_km:g} km of the {what} border")
    other = countries[1] if len(countries) > 1 else None
    return rd.shape(border_band, rd.gaz, countries[0], other, rd.d.near_km), None, 5


def read_border_side(rd, m, t):
    """"the Syrian side of the border (with Iraq)": inside that country, near its border."""
    own = rd.place(m["own"], kind="country")
    if own.kind != "country":
        return None
    other = rd.place(m["with"], kind="country") if m["with"] else nearest_neighbour(rd.gaz, own, _anchor_points(rd))
    other = other if other is not None and other.kind == "country" and other.id != own.id else None
    with_ = f" with {other.name}" if other is not None else ""
    rd.parts.append(f"the {own.name} side of the border{with_} (within {rd.d.near_km:g} km of it)")
    band = rd.shape(border_band, rd.gaz, own, other, rd.d.near_km)
    return rd.shape(shapely.intersection, band, rd.extent(own)[0]), None, 5


def read_across_border(rd, m, t):
    """"across the border from the Iraqi town of al-Qaim": near the place, in a country not its own."""
    p = rd.place(m["place"])
    if p.kind in ("country", "admin1", "river", "lake"):
        return None
    rd.parts.append(f"across the border from {p.name} (within {rd.d.near_km:g} km of it)")
    return rd.shape(beyond_own_country, rd.gaz, p, rd.grown(p, rd.d.near_km)), None, 2


def _anchor_points(rd) -> list:
    """(lon, lat) of the claim's other places, else of the places around it (the report's)."""
    if rd.near is not None:
        return [tuple(rd.near)]
    return [a.point or tuple(a.place.point) for a in rd.context.anchors
            if a.point or (a.place is not None and a.place.kind not in ("country", "admin1", "river"))]


#: (pattern, handler) pairs, tried before the other clauses.
BORDER_CLAUSES = [
    (BORDER, read_border),
    (re.compile(r"(?:the\s+)?(?P<own>[A-Z][\w'’]+)\s+side\s+of\s+the\s+(?:border|frontier)"
                r"(?:\s+with\s+(?P<with>.+))?", re.I), read_border_side),
    (re.compile(r"(?:(?:just|directly)\s+)?across\s+the\s+(?:border|frontier)\s+from\s+(?P<place>.+)", re.I),
     read_across_border),
]
