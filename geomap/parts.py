"""A location's parts made one geometry: where they all meet, and namesakes read again there.

A location such as "al-Salihiyeh, on the western bank of the Euphrates" has two
parts, each read by a :class:`~geomap.clauses.ClauseReader`; the claim is
where they meet. When they do not meet and a part's place was a name several
places bear, the part is read again among the namesakes inside the other
part: the claim's own words tell the village on the western bank from its
namesake on the eastern one, as a reader would.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .errors import ExpressionError

__all__ = ["Part", "read_parts", "combine"]

#: How far a place's point may miss the other parts and still stand where they meet (km): about
#: how well villages' points and Natural Earth's rivers and borders are drawn (al-Baghuz lies 200 m
#: inside Iraq on the generalised border line).
_DRAWN_KM = 1.0


@dataclass(frozen=True)
class Part:
    """One clause read: its geometry, point and precision, and what reading it collected."""

    clause: str
    geometry: object
    point: object
    precision: int
    places: tuple
    parts: tuple
    notes: tuple
    resolutions: tuple


def read_parts(rd, clauses: list) -> list:
    """Each clause that reads as a place, as a :class:`Part` (``rd``'s lists keep growing too)."""
    out = []
    for c in clauses:
        marks = (len(rd.places), len(rd.parts), len(rd.notes), len(rd.resolutions))
        got = rd.clause(c)
        if got is not None:
            out.append(Part(c, *got, tuple(rd.places[marks[0]:]), tuple(rd.parts[marks[1]:]),
                            tuple(rd.notes[marks[2]:]), tuple(rd.resolutions[marks[3]:])))
    return out


def combine(rd, parts: list) -> tuple:
    """(geometry, point, precision) where all ``parts`` meet; ``rd.notes`` says what was
    given up, and ``rd``'s places, parts and resolutions are those of the parts finally read."""
    import shapely
    import shapely.ops

    parts = list(parts)
    geom, point, prec = parts[0].geometry, parts[0].point, parts[0].precision
    owner = _place_at(parts[0], point)   # the place whose point ``point`` is
    notes = []
    for k in range(1, len(parts)):
        g, pt, pr = parts[k].geometry, parts[k].point, parts[k].precision
        inter = shapely.intersection(geom, g)
        if _apart(inter):
            again = _namesake_within(rd, parts[k], geom)
            if again is None and k == 1:
                first = _namesake_within(rd, parts[0], g)
                if first is not None:
                    parts[0] = first
                    geom, point, prec = first.geometry, first.point, first.precision
                    owner = _place_at(first, point)
            elif again is not None:
                parts[k] = again
                g, pt, pr = again.geometry, again.point, again.precision
            inter = shapely.intersection(geom, g)
        if _apart(inter):
            notes.append("the parts do not overlap; kept the most precise "
                         f"({'; '.join(p for part in parts for p in part.parts)})")
            if pr < prec:
                geom, point, prec, owner = g, pt, pr, _place_at(parts[k], pt)
            continue
        if point is not None and not shapely.intersects(g, point):
            if prec <= 1:
                # A place named as the position, and a part its point misses though its extent meets
                # it ("al-Jnineh, east of the Euphrates": a village on the bank, its point a little
                # across the river as the data draw it): the claim's words say where in that extent.
                reach = max(owner.precision_m, 100) / 1000.0 if owner is not None else _DRAWN_KM
                point = _placed(inter, point, reach) or shapely.ops.nearest_points(inter, point)[0]
                notes.append("the place's point lies outside a later part; placed where they meet")
                geom, prec = inter, min(prec, pr)
                continue
            # "near X" is placed at X only where the other parts allow it (give or take how well
            # X's point and the other parts' lines are drawn)
            point = _placed(inter, point, _DRAWN_KM)
        geom = inter
        if point is None and pt is not None:   # a later part's point, where all the parts meet
            owner = _place_at(parts[k], pt)
            point = _placed(inter, pt, _DRAWN_KM)
        prec = min(prec, pr)
    rd.places = [p for part in parts for p in part.places]
    rd.parts = [p for part in parts for p in part.parts]
    rd.resolutions = [r for part in parts for r in part.resolutions]
    rd.notes = [n for part in parts for n in part.notes] + notes
    return shapely.make_valid(geom), point, prec


def _place_at(part: Part, point):
    """The place of a part whose point is ``point`` (None when none is)."""
    if point is None:
        return None
    return next((p for p in part.places if tuple(p.point) == (point.x, point.y)), None)


def _placed(area, point, reach_km: float):
    """Where a place's point stands in ``area``: the point if it lies there; else a point of the
    area within ``reach_km`` of it, if there is one (a point inside, never one on an edge, which
    may be the very line a verdict is about); else None."""
    import shapely

    from .geodesy import disc

    if shapely.intersects(area, point):
        return point
    piece = shapely.intersection(area, disc(point.x, point.y, reach_km))
    return None if piece.is_empty or piece.area == 0 else piece.representative_point()


def _apart(inter) -> bool:
    return inter.is_empty or (inter.area == 0 and inter.geom_type.endswith("Polygon"))


def _namesake_within(rd, part: Part, area):
    """The part read again with its names resolved among the places inside ``area`` (the other
    parts), when one of its names was in doubt and such a reading meets ``area``; else None."""
    import shapely

    if not any(r.status == "ambiguous" for r in part.resolutions):
        return None
    ctx = replace(rd.context, within=area, within_label="the location's other parts")
    sub = type(rd)(rd.expression, rd.gaz, rd.d, rd.claim_id, None, rd.lines, context=ctx)
    try:
        got = sub.clause(part.clause)
    except ExpressionError:
        return None
    if got is None or _apart(shapely.intersection(area, got[0])):
        return None
    chosen = ", ".join(p.name for p in sub.places)
    note = f"{part.clause!r} read as {chosen}, the namesake where the location's other parts are"
    return Part(part.clause, *got, tuple(sub.places), tuple(sub.parts), (*sub.notes, note),
                tuple(sub.resolutions))
