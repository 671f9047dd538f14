"""One clause of a location expression -> a geometry: a table of patterns and their handlers.

:func:`geomap.relations.claim_geometry` splits an expression into clauses
("west bank of the Euphrates", "near Mayadin") and reads each with a
:class:`ClauseReader`; :data:`_CLAUSES` lists the patterns in the order they
are tried, each with the handler that turns a match into (area, point or None,
UCDP precision code). What matches no pattern is read as a bare place name.
"""

from __future__ import annotations

import re
from typing import Optional

from shapely.geometry import GeometryCollection, Point

from .clause_words import (DIR, FILLER_LEAD, FILLER_TAIL, HALF_EARTH_KM, IN_THE_PART, JUDGED_AT, LINE_WORDS,
                           NUM, POSSESSIVE_PART, PROVINCE_WORDS, SPOTS, UNIT, UNIT_PRECISION, UNIT_WORDS,
                           UNITS, number)
from .coords import parse_coordinates
from .errors import CoordinateError, ExpressionError
from .gazetteer import Gazetteer
from .border_clauses import BORDER_CLAUSES
from .clause_shapes import compass_parts, corridor_between, grown_area
from .geodesy import compass_part, disc, offset, sector
from .river_sides import _BEARINGS, RiverSides, _dir_word

__all__ = ["ClauseChecker", "ClauseReader"]


class ClauseReader(RiverSides):
    """Reads the clauses of one location expression into geometries, collecting places, parts and notes."""

    def __init__(self, expression: str, gazetteer: Gazetteer, defaults, claim_id, near, lines,
                 context=None):
        from .context import ResolutionContext

        self.expression = expression
        self.gaz = gazetteer
        self.d = defaults
        self.claim_id = claim_id
        self.near = near
        self.context = context or ResolutionContext()
        if near is not None:
            from .context import Anchor

            self.context = self.context.with_anchors([Anchor("the claim's other places", 1.0,
                                                             point=tuple(near))])
        self.lines = lines
        self.resolutions = []
        self.places = []
        self.parts = []
        self.notes = []
        self.line_name = None
        self.disc_km = None

    # -- places --------------------------------------------------------------
    def place(self, words: str, *, kind: Optional[str] = None):
        text = words.strip(" ,.;:")
        # "the city of Mayadin", "the Syrian town of Tabqah", "the small village of Ja'Din".
        text = re.sub(r"^(?:the\s+|an?\s+)?(?:[\w-]+\s+)?(?:city|town|village|hamlet|settlement)\s+"
                      r"(?:of|called|named|known\s+as)\s+(?:the\s+)?", "", text, flags=re.I)
        text = re.sub(r"^\w+['’]s\s+(?=\S)", "", text)  # "Syria's Raqqa Province"
        # "the agreed-upon Euphrates River de-confliction line": the river the line follows.
        text = LINE_WORDS.sub(r"\g<name>", text)
        if not text:
            raise ExpressionError(self.expression, words, claim=self.claim_id,
                                  reason="a place name is missing")
        res = self.gaz.resolve(text, kind=kind, context=self.context)
        self.resolutions.append(res)
        if res.status == "not_found":
            def why(res=res, text=text):
                hint = f"; did you mean {', '.join(res.suggestions[:3])}?" if res.suggestions else ""
                return f"no place matches {text!r}{hint}"

            raise ExpressionError(self.expression, text, claim=self.claim_id, reason=why)
        if res.status == "ambiguous":
            others = ", ".join(f"{c.place.name} ({c.place.admin1 or c.place.country_code})"
                               for c in res.competitors[:3])
            self.notes.append(f"{text!r} is ambiguous: took {res.place.name} "
                              f"({res.place.admin1 or res.place.country_code})" + (f" over {others}" if others else ""))
        p = res.place
        self.places.append(p)
        if self.near is None and p.kind in SPOTS:
            self.near = p.point
        return p

    @staticmethod
    def spot(p):
        """Where a claim near a place is judged: the place's point, when it is a spot (a town, an
        air base), not an area (a country, a province) whose centre says nothing, nor a dam."""
        return Point(*p.point) if p.kind in JUDGED_AT else None

    # -- geometry --------------------------------------------------------------
    def shape(self, build, *args):
        """The geometry ``build(*args)`` makes: every area a handler returns is built here (a
        :class:`ClauseChecker` builds none)."""
        return build(*args)

    def extent(self, p):
        """A place's own area: its polygon or line, or a disc of its precision."""
        g = self.gaz.shape(p)
        if g.geom_type == "Point":
            return disc(p.longitude, p.latitude, max(p.precision_m / 1000.0, 0.1)), g
        return g, g.representative_point() if g.geom_type.endswith("Polygon") else g.interpolate(0.5, normalized=True)

    def grown(self, p, km: float):
        """A place's own area grown by ``km``: a place known by its point is a disc of its precision,
        so grown it is the disc ``km`` wider (geodesic, no projection); a polygon or line is buffered."""
        return self.shape(grown_area, self.gaz, p, km)

    # -- one clause ------------------------------------------------------------
    def clause(self, text: str):
        """(geometry, point or None, precision) of one clause: the first pattern whose handler answers."""
        t = IN_THE_PART.sub(r"\g<dir> part of ", text.strip(" ,.;:"))   # "in the west of the city"
        t = FILLER_LEAD.sub("", t).strip()
        t = FILLER_TAIL.sub("", t).strip()
        if not t:
            return None
        t = POSSESSIVE_PART.sub(r"\g<part> of \g<place>", t)
        got = self.coordinates(t)
        if got is not None:
            return got
        for pattern, handler in _CLAUSES:
            m = pattern.fullmatch(t)
            if m:
                got = handler(self, m, t)
                if got is not None:
                    return got
        return self.bare_place(t)

    def coordinates(self, t: str):
        from shapely import Point

        try:
            lon, lat = parse_coordinates(t)
        except CoordinateError:
            return None
        self.parts.append(f"coordinates {lat:.5f}N {lon:.5f}E")
        self.disc_km = self.d.point_km
        return self.shape(disc, lon, lat, self.d.point_km), Point(lon, lat), 1

    def distance(self, m) -> float:
        """The distance a clause states, km ("12 km", "five miles"); none beyond half the Earth's
        circumference."""
        unit = m["u"].lower()
        unit = unit if unit in UNITS else unit.rstrip("s")
        n = m["n"].lower()
        km = number(n) * UNITS[unit]
        if km > HALF_EARTH_KM:
            raise ExpressionError(self.expression, m.group(0), claim=self.claim_id,
                                  reason=f"{km:g} km is farther than any two places on Earth are apart")
        return km

    def distance_direction(self, m, t):
        """"12 km north of Tabqa"."""
        return self.offset_from(self.distance(m), m["dir"], m["place"])

    def distance_from(self, m, t):
        """"about 3 km from the city", "within 5 miles of Tabqa": no bearing, so anywhere within
        that distance (and its uncertainty) of the place."""
        km = self.distance(m)
        p = self.place(m["place"])
        reach = km * (1.0 + self.d.offset_rel)
        self.parts.append(f"within {round(reach, 1):g} km of {p.name}")
        # No farther than "near": judged at the place, as "near" is; farther, the place is not the claim.
        return self.grown(p, reach), self.spot(p) if km <= self.d.near_km else None, 2

    def direction(self, m, t):
        """"west of the Euphrates" (a side of a line) or "south of Tabqa" (a sector)."""
        got = self.side(m["dir"], m["place"], bank=False)
        return got if got is not None else self.direction_from(m["dir"], self.places[-1])

    def suburbs(self, m, t):
        p = self.place(m["place"])
        r = p.precision_m / 1000.0 + self.d.suburbs_km
        self.parts.append(f"suburbs of {p.name} (within {r:.0f} km)")
        # Judged at the place, as "near" is (its point gives way to a part that excludes it).
        return self.grown(p, self.d.suburbs_km), self.spot(p), 2

    def near_place(self, m, t):
        p = self.place(m["place"])
        if p.kind == "river":
            self.parts.append(f"near the {p.name} (within {self.d.valley_km:g} km)")
            return self.shape(self.gaz.buffered, p, self.d.valley_km), None, 5
        self.parts.append(f"near {p.name} (within {self.d.near_km:g} km of it)")
        return self.grown(p, self.d.near_km), self.spot(p), 2

    def between(self, m, t):
        a, b = self.place(m["a"]), self.place(m["b"])
        spots = tuple(p for p in (a, b) if p.kind in JUDGED_AT)
        corridor = self.shape(corridor_between, self.gaz, a, b, self.d.near_km / 2, spots)
        self.parts.append(f"between {a.name} and {b.name}")
        return corridor, None, 2

    def airspace(self, m, t):
        p = self.place(m["place"] or m["p2"], kind="country")
        area, _ = self.extent(p)
        self.parts.append(f"airspace of {p.name}")
        return area, None, 6 if p.kind == "country" else 4

    def province(self, m, t):
        """"Raqqa Province", "the southern Raqqa countryside", "countryside of Deir ez-Zor"."""
        noted = len(self.notes)
        p = self.place(m["place"], kind="admin1")
        p = self._district_of(p, noted) if p.kind == "populated_place" else p
        area, _ = self.extent(p)
        desc = f"{p.name} {UNIT_WORDS.get(p.kind, p.kind.replace('_', ' '))}"
        mod = m["mod"] or m.groupdict().get("mod2")  # "southern Raqqa countryside", "Raqqa southern countryside"
        if mod and mod.lower() not in ("central", "rural"):
            area = self.shape(compass_part, area, _dir_word(mod))
            desc = f"{mod.lower()} part of {desc}"
        self.parts.append(desc)
        return area, None, UNIT_PRECISION.get(p.kind, 2)

    def _district_of(self, town, noted: int):
        """A town's countryside ("al-Mayadeen countryside") is the district named after it that
        holds it (else the subdistrict; else the town itself): no doubt between the two is noted."""
        units = [c.place for c in self.resolutions[-1].candidates if c.place.kind in ("admin2", "admin3")
                 and c.place.pcode and (town.pcode or "").startswith(c.place.pcode)]
        if not units:
            return town
        self.places[-1] = unit = min(units, key=lambda u: len(u.pcode))   # the district before the subdistrict
        del self.notes[noted:]
        return unit

    def part(self, m, t):
        """"the northern areas of the Deir ez-Zor province", "the eastern part of Raqqa", "the
        northern and eastern districts of Albu Kamal": the compass part(s) of the place's own area (a
        river has no such part: left to other readings). A town's part is judged at its middle."""
        p = self.place(m["place"])
        words = [_dir_word(d) for d in (m["dir"], m["dir2"]) if d]
        if any(w not in _BEARINGS for w in words):
            return None
        if p.kind in ("river", "lake"):   # "the eastern areas of the Euphrates": its side, if it has one
            return self.side(m["dir"], m["place"], bank=False) if not m["dir2"] else None
        area, _ = self.extent(p)
        kind = {"admin1": " governorate", "populated_place": ""}.get(p.kind, " " + p.kind.replace("_", " "))
        kind = "" if p.name.lower().endswith(kind.lower()) else kind   # "Tabqa Dam", not "Tabqa Dam dam"
        self.parts.append(f"{' and '.join(words)} part{'s' if len(words) > 1 else ''} of {p.name}{kind}")
        got = self.shape(compass_parts, area, tuple(words))
        at = got.representative_point() if p.kind in JUDGED_AT and not got.is_empty else None
        return got, at, 4 if p.kind == "admin1" else 6 if p.kind == "country" else 2

    def bare_place(self, t: str):
        p = self.place(t)
        area, pt = self.extent(p)
        if p.kind in ("country",):
            self.parts.append(f"{p.name}")
            return area, None, 6
        if p.kind == "admin1":
            self.parts.append(f"{p.name} governorate")
            return area, None, 4
        if p.kind in ("river", "lake"):
            self.parts.append(f"the {p.name} (within {self.d.valley_km:g} km)")
            return self.shape(self.gaz.buffered, p, self.d.valley_km if p.kind == "river" else 1.0), None, 5
        self.parts.append(f"{p.name} ({p.precision_m / 1000:g} km)")
        self.disc_km = max(p.precision_m / 1000.0, 0.1) if pt is not None and area.geom_type == "Polygon" else None
        # A dam spans its river: judged by its area, as "near" one is, not by the point on one bank.
        return area, pt if p.kind != "dam" else None, 1

    def offset_from(self, km: float, direction: str, place_words: str):
        from shapely import Point

        p = self.place(place_words)
        az = _BEARINGS[_dir_word(direction)] if _dir_word(direction) in _BEARINGS else None
        if az is None:
            raise ExpressionError(self.expression, direction, claim=self.claim_id,
                                  reason=f"{direction!r} is not a compass direction")
        d = self.d
        if p.kind == "river":
            return self._river_band(p, km, direction)
        spread = max(d.offset_rel * km, p.precision_m / 1000.0)
        area = self.shape(sector, p.longitude, p.latitude, az, d.offset_half_deg, max(km - spread, 0.0), km + spread)
        x, y = offset(p.longitude, p.latitude, az, km)
        self.parts.append(f"{km:g} km {_dir_word(direction)} of {p.name} (±{spread:.0f} km, ±{d.offset_half_deg:g}°)")
        return area, Point(x, y), 2

    def direction_from(self, direction: str, p):
        word = _dir_word(direction)
        if word not in _BEARINGS:
            raise ExpressionError(self.expression, direction, claim=self.claim_id,
                                  reason=f"{direction!r} of a place needs a compass direction")
        d = self.d
        inner = p.precision_m / 1000.0 if p.kind not in ("admin1", "country") else 0.0
        if p.kind in ("admin1", "country"):
            area = self.shape(compass_part, self.extent(p)[0], word)
            self.parts.append(f"{word} part of {p.name}")
            return area, None, 4
        area = self.shape(sector, p.longitude, p.latitude, _BEARINGS[word], d.direction_half_deg, inner,
                          max(d.direction_km, 3 * inner))
        self.parts.append(f"{word} of {p.name} (±{d.direction_half_deg:g}°, up to {max(d.direction_km, 3 * inner):g} km)")
        return area, None, 3


#: What a :class:`ClauseChecker` returns for every area: an empty geometry, nothing built.
_NO_SHAPE = GeometryCollection()


class ClauseChecker(ClauseReader):
    """Reads clauses as :class:`ClauseReader` does (the same patterns, places, parts and errors)
    and builds no area: whether words can be read at all, as ``geomap extract`` asks of every
    phrase it tries, without the geodesy of an answer nobody draws.

    >>> from geomap.relations import RelationDefaults
    >>> rd = ClauseChecker("near Mayadin", Gazetteer.default(), RelationDefaults, None, None, None)
    >>> area, _, precision = rd.clause("near Mayadin")
    >>> area.is_empty, precision, rd.parts
    (True, 2, ['near Al Mayādīn (within 10 km of it)'])
    """

    def shape(self, build, *args):
        return _NO_SHAPE

    def extent(self, p):
        return _NO_SHAPE, p.point


def _p(pattern: str):
    return re.compile(pattern, re.I)


#: The clause patterns, tried in order; a handler may return None to let the next pattern try.
_CLAUSES = [
    *BORDER_CLAUSES,
    (_p(rf"(?P<n>{NUM})\s*{UNIT}\s+"
        rf"(?P<dir>{DIR})\s+of\s+(?P<place>.+)"), ClauseReader.distance_direction),
    (_p(rf"(?P<dir>{DIR})\s+(?P<what>bank|side|shore)s?\s+of\s+(?P<place>.+)"), ClauseReader.bank),
    # "across the river from X" (its "across" read as filler), "the opposite bank from X", "opposite X"
    (_p(r"(?:(?:the\s+)?(?:other|opposite|far)\s+(?:bank|side|shore)\s+(?:of\s+(?:the\s+)?(?P<river>.+?)\s+)?from|"
        r"(?P<river2>river|[A-Z][\w'’-]*(?:\s+[Rr]iver)?)\s+from|opposite|(?:(?:directly|just)\s+)?across\s+from)"
        r"\s+(?P<place>.+)"), ClauseReader.opposite),
    (_p(rf"(?:within\s+)?(?P<n>{NUM})\s*{UNIT}"
        r"\s+(?:(?:away\s+)?from|of|outside(?:\s+of)?)\s+(?P<place>.+)"), ClauseReader.distance_from),
    (_p(rf"(?P<dir>{DIR})(?:\s+and\s+(?P<dir2>{DIR}))?\s+(?:parts?|areas?|sections?|reaches|half|ends?|tips?|outskirts|"
        r"edges?|fringes?|periphery|districts|neighbou?rhoods?|quarters?)\s+of\s+(?P<place>.+)"),
     ClauseReader.part),
    (_p(rf"(?P<dir>{DIR})\s+of\s+(?P<place>.+)"), ClauseReader.direction),
    (_p(rf"(?P<dir>{DIR})\s+(?:the\s+)?(?P<place>.+)"), ClauseReader.compass_river),
    (_p(r"(?:the\s+)?(?:suburbs?|outskirts|environs|edges?|periphery|outer\s+districts)\s+of\s+(?P<place>.+)"),
     ClauseReader.suburbs),
    (_p(r"(?:near|around|close\s+to|in\s+the\s+vicinity\s+of|vicinity\s+of|outside|not\s+far\s+from|by|"
        r"(?:a\s+few|a\s+couple\s+of|several)\s+(?:km|kilomet(?:er|re)s|miles)\s+(?:away\s+)?(?:from|of|outside))"
        r"\s+(?P<place>.+)"), ClauseReader.near_place),   # "a few kilometres from": no distance, so near
    (_p(r"between\s+(?P<a>.+?)\s+and\s+(?P<b>.+)"), ClauseReader.between),
    (_p(r"(?P<place>.+?)(?:['’]s)?\s+(?:air\s*space|skies)|(?:air\s*space|skies)\s+of\s+(?P<p2>.+)"),
     ClauseReader.airspace),
    (_p(rf"(?:(?P<mod>{DIR}|central|rural)\s+)?(?P<place>.+?)(?:\s+(?P<mod2>{DIR}|central))?"
        rf"\s+(?P<what>{PROVINCE_WORDS})"), ClauseReader.province),
    (_p(rf"(?:(?P<mod>{DIR}|central)\s+)?(?P<what>countryside|rural\s+areas?|province|governorate)\s+of\s+"
        r"(?P<place>.+)"), ClauseReader.province),
    (_p(r"(?P<place>.+?)\s+(?:river\s+)?valley"), ClauseReader.valley),
]

