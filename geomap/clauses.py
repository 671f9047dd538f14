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

from .coords import parse_coordinates
from .errors import CoordinateError, ExpressionError
from .gazetteer import Gazetteer
from .geodesy import buffer_km, compass_part, disc, haversine_km, offset, sector
from .river_sides import _BEARINGS, RiverSides, _bank, _dir_word

__all__ = ["ClauseChecker", "ClauseReader"]

_DIR = (r"(?:north|south)[\s-]?(?:east|west)(?:ern)?|north(?:ern)?|south(?:ern)?|east(?:ern)?|"
        r"west(?:ern)?|left|right")
#: Numbers as reports write them: digits, or a word ("five miles east of ...").
_NUMBER_WORDS = {w: float(k) for k, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_NUMBER_WORDS.update({"thirty": 30.0, "forty": 40.0, "fifty": 50.0, "a hundred": 100.0})
_NUM = r"\d+(?:\.\d+)?|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
#: A unit of distance as a clause pattern writes it (:data:`_UNITS` its length in km).
_UNIT = r"(?P<u>km|kilomet(?:er|re)s?|mi(?:les?)?|nm|nautical miles|m|met(?:er|re)s)"
_UNITS = {"km": 1.0, "kilometer": 1.0, "kilometre": 1.0, "kilometers": 1.0, "kilometres": 1.0,
          "mi": 1.609344, "mile": 1.609344, "miles": 1.609344, "nm": 1.852, "nautical miles": 1.852,
          "m": 0.001, "meters": 0.001, "metres": 0.001}

_FILLER_LEAD = re.compile(
    r"^(?:(?:which|that)\s+(?:is|was|lies|sits)\s+|(?:it\s+)?(?:is|was)\s+|located\s+|"
    r"(?:the\s+)?(?:air\s*space|skies?)\s+(?:over|of|above)\s+|(?:in|at|on|over|above|into|inside|"
    r"within|across|from|toward|towards|to)\s+|the\s+|approximately\s+|about\s+|some\s+|roughly\s+|"
    r"(?:centre|center|heart|middle|old\s+city)\s+of\s+|"       # "the centre of Raqqa": the place itself
    r"(?:area|region|environs)\s+of\s+(?=(?:the\s+)?(?:[\w-]+\s+)?(?:city|town|village|settlement)\s+of\b)|"
    r"a\s+(?:point|position|location|spot)\s+)+",
    re.I,
)
#: Kinds of place that are spots, not areas: "near" one is judged at it.
_SPOTS = frozenset({"populated_place", "air_base", "airport", "dam", "oil_field", "facility"})
#: Spots a claim near them is judged at; not a dam, which spans its river: near one is either bank
#: ("near the Tishreen dam on the Euphrates" reaches across, whichever bank its point fell on).
_JUDGED_AT = _SPOTS - {"dam"}
#: Half the Earth's circumference along the equator, km: no stated distance is longer.
_HALF_EARTH_KM = 20037.5
_FILLER_TAIL = re.compile(r"(?:\s+(?:area|region|vicinity|environs))+$", re.I)


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
        text = _LINE_WORDS.sub(r"\g<name>", text)
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
        if self.near is None and p.kind in _SPOTS:
            self.near = p.point
        return p

    @staticmethod
    def spot(p):
        """Where a claim near a place is judged: the place's point, when it is a spot (a town, an
        air base), not an area (a country, a province) whose centre says nothing, nor a dam."""
        return Point(*p.point) if p.kind in _JUDGED_AT else None

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
        return self.shape(_grown, self.gaz, p, km)

    def side(self, direction: str, place_words: str, *, bank: bool):
        near, noted = self.near, len(self.notes)
        p = self.place(place_words)
        if p.kind not in ("river", "lake"):
            # A bank is a river's: "the Euphrates" beside the Euphrates Dam is the river, when the
            # name is a river's at all (context may have ranked the dam first).
            river = next((c.place for c in self.resolutions[-1].candidates if c.place.kind == "river"), None)
            if river is None:
                return None
            p = self.places[-1] = river
            self.near = near   # the dam's point is no anchor of this claim
            del self.notes[noted:]   # nor is its rivalry with the river a doubt: a bank is the river's
        ln, label = self.side_label(p, direction)
        area = ln.side_area(label)
        what = f"{label} {'bank' if bank else 'side'} of the {ln.title.split('(')[0].strip()}"
        if bank:
            area = self.shape(_bank, ln, label, area, self.d.bank_km)
            what += f" (within {self.d.bank_km:g} km of it)"
        self.parts.append(what)
        return area, None, 5

    # -- one clause ------------------------------------------------------------
    def clause(self, text: str):
        """(geometry, point or None, precision) of one clause: the first pattern whose handler answers."""
        t = _IN_THE_PART.sub(r"\g<dir> part of ", text.strip(" ,.;:"))   # "in the west of the city"
        t = _FILLER_LEAD.sub("", t).strip()
        t = _FILLER_TAIL.sub("", t).strip()
        if not t:
            return None
        t = _POSSESSIVE_PART.sub(r"\g<part> of \g<place>", t)
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
        unit = unit if unit in _UNITS else unit.rstrip("s")
        n = m["n"].lower()
        km = (_NUMBER_WORDS[n] if n in _NUMBER_WORDS else float(n)) * _UNITS[unit]
        if km > _HALF_EARTH_KM:
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

    def bank(self, m, t):
        """"the west bank of the Euphrates", "the eastern side of the river"."""
        got = self.side(m["dir"], m["place"], bank=m["what"].lower() in ("bank", "shore"))
        if got is None:
            raise ExpressionError(self.expression, t, claim=self.claim_id,
                                  reason=f"'{m['what']} of' needs a river or a line")
        return got

    def opposite(self, m, t):
        """"across the river from Abu Kamal", "on the opposite bank from Mayadin": the bank of the
        river facing the place's own, near the place."""
        words = (m["river"] or m["river2"] or "").strip()
        named = words and not re.fullmatch(r"(?:the\s+)?river", words, re.I)
        if named and getattr(self.gaz.resolve(words, kind="river").place, "kind", None) not in ("river", "lake"):
            return None   # "Raqqa from Abu Kamal": no river, so no bank facing
        p = self.place(m["place"])
        ln = self._river_by(p, words if named else None)
        left, right = ln.sides
        here = Point(*p.point)
        if not (left.contains(here) or right.contains(here)):
            raise ExpressionError(self.expression, t, claim=self.claim_id,
                                  reason=f"{p.name} is on neither side of the {ln.name}: no bank faces it")
        label = ln.right_label if left.contains(here) else ln.left_label
        bank = self.shape(_bank, ln, label, ln.side_area(label), self.d.bank_km)
        self.parts.append(f"{label} bank of the {ln.title.split('(')[0].strip()}, facing {p.name} "
                          f"(within {self.d.near_km:g} km of it)")
        return self.shape(bank.intersection, self.grown(p, self.d.near_km)), None, 2

    def _river_by(self, p, river_words):
        """The line of the river named (``None`` or "the river": the line nearest ``p``)."""
        from .lines import builtin_lines

        if river_words:
            return self.line_for(self.place(river_words, kind="river"))
        here = Point(*p.point)
        lines = list(self.lines or builtin_lines())
        ln = min(lines, key=lambda x: x.geometry.distance(here)) if lines else None
        at = ln.geometry.interpolate(ln.geometry.project(here)) if ln is not None else None
        # The facing bank is sought within near_km of the place: the river must run that near.
        if at is None or haversine_km(here.x, here.y, at.x, at.y) > self.d.near_km:
            raise ExpressionError(self.expression, p.name, claim=self.claim_id,
                                  reason=f"no river runs near {p.name}: name the river ('across the "
                                         f"Euphrates from {p.name}')")
        return ln

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
        from shapely import LineString

        a, b = self.place(m["a"]), self.place(m["b"])
        corridor = self.shape(buffer_km, LineString([a.point, b.point]), self.d.near_km / 2)
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
        desc = f"{p.name} {_UNIT_WORDS.get(p.kind, p.kind.replace('_', ' '))}"
        mod = m["mod"] or m.groupdict().get("mod2")  # "southern Raqqa countryside", "Raqqa southern countryside"
        if mod and mod.lower() not in ("central", "rural"):
            area = self.shape(compass_part, area, _dir_word(mod))
            desc = f"{mod.lower()} part of {desc}"
        self.parts.append(desc)
        return area, None, _UNIT_PRECISION.get(p.kind, 2)

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

    def compass_river(self, m, t):
        """"East Euphrates", "the areas of West Euphrates": the river's side, as its users name it
        (anything but a river is left to the other readings)."""
        res = self.gaz.resolve(m["place"].strip(" ,.;:"), context=self.context)
        if res.place is None or res.place.kind != "river":
            return None
        return self.side(m["dir"], m["place"], bank=False)

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
        self.parts.append(f"{' and '.join(words)} part{'s' if len(words) > 1 else ''} of {p.name}{kind}")
        got = self.shape(_compass_parts, area, tuple(words))
        at = got.representative_point() if p.kind in _JUDGED_AT and not got.is_empty else None
        return got, at, 4 if p.kind == "admin1" else 6 if p.kind == "country" else 2

    def valley(self, m, t):
        p = self.place(m["place"], kind="river")
        if p.kind != "river":
            return None
        self.parts.append(f"{p.name} valley (within {self.d.valley_km:g} km of the river)")
        return self.shape(self.gaz.buffered, p, self.d.valley_km), None, 5

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


#: The words that make a river's name the line along it ("the Euphrates River de-confliction line").
LINE_NOUN = r"(?:river\s+)?(?:de-?confliction|demarcation|separation)\s+line"
_LINE_WORDS = re.compile(r"^(?:the\s+)?(?:(?:agreed|agreed-upon|agreed-on|established|existing|so-called)\s+)?"
                         r"(?P<name>.+?)\s+" + LINE_NOUN + "$", re.I)


#: How a clause describes an administrative unit, and its UCDP precision code.
_UNIT_WORDS = {"admin1": "governorate", "admin2": "district", "admin3": "subdistrict"}
_UNIT_PRECISION = {"admin1": 4, "admin2": 3, "admin3": 3, "country": 6}

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


def _compass_parts(area, words: tuple):
    """The union of an area's compass parts ("north", "east")."""
    import shapely

    return shapely.union_all([compass_part(area, w) for w in words])


def _grown(gaz, p, km: float):
    g = gaz.shape(p)
    if g.geom_type == "Point":
        return disc(p.longitude, p.latitude, max(p.precision_m / 1000.0, 0.1) + km)
    return buffer_km(g, km)


def _p(pattern: str):
    return re.compile(pattern, re.I)


_PROVINCE_WORDS = r"countryside|province|governorate|region|desert|rural\s+areas?"
#: "Raqqa's southern outskirts" is "southern outskirts of Raqqa" (not "Syria's Raqqa Province").
_POSSESSIVE_PART = re.compile(rf"^(?P<place>.+?)(?:['’]s|(?<=s)['’])\s+(?P<part>(?:(?:{_DIR})\s+)?"
                              r"(?:outskirts|suburbs|countryside|parts?|areas?|sides?|banks?|shores?|edges?|"
                              r"periphery|environs|desert|old\s+city|"
                              r"rural\s+areas?|air\s*space|skies))$", re.I)
#: "in the west of Raqqa" is the west of the city itself, where "west of Raqqa" is outside it.
_IN_THE_PART = re.compile(rf"^(?:(?:which|that)\s+(?:is|lies)\s+)?(?:in|inside|within)\s+the\s+(?:far\s+)?"
                          rf"(?P<dir>{_DIR})\s+of\s+(?=\S)", re.I)
#: The clause patterns, tried in order; a handler may return None to let the next pattern try.
_CLAUSES = [
    (_p(rf"(?P<n>{_NUM})\s*{_UNIT}\s+"
        rf"(?P<dir>{_DIR})\s+of\s+(?P<place>.+)"), ClauseReader.distance_direction),
    (_p(rf"(?P<dir>{_DIR})\s+(?P<what>bank|side|shore)s?\s+of\s+(?P<place>.+)"), ClauseReader.bank),
    # "across the river from X" (its "across" read as filler), "the opposite bank from X", "opposite X"
    (_p(r"(?:(?:the\s+)?(?:other|opposite|far)\s+(?:bank|side|shore)\s+(?:of\s+(?:the\s+)?(?P<river>.+?)\s+)?from|"
        r"(?P<river2>river|[A-Z][\w'’-]*(?:\s+[Rr]iver)?)\s+from|opposite|(?:(?:directly|just)\s+)?across\s+from)"
        r"\s+(?P<place>.+)"), ClauseReader.opposite),
    (_p(rf"(?:within\s+)?(?P<n>{_NUM})\s*{_UNIT}"
        r"\s+(?:(?:away\s+)?from|of|outside(?:\s+of)?)\s+(?P<place>.+)"), ClauseReader.distance_from),
    (_p(rf"(?P<dir>{_DIR})(?:\s+and\s+(?P<dir2>{_DIR}))?\s+(?:parts?|areas?|sections?|reaches|half|outskirts|edges?|"
        r"fringes?|periphery|districts|neighbou?rhoods?|quarters?)\s+of\s+(?P<place>.+)"),
     ClauseReader.part),
    (_p(rf"(?P<dir>{_DIR})\s+of\s+(?P<place>.+)"), ClauseReader.direction),
    (_p(rf"(?P<dir>{_DIR})\s+(?:the\s+)?(?P<place>.+)"), ClauseReader.compass_river),
    (_p(r"(?:the\s+)?(?:suburbs?|outskirts|environs|edges?|periphery|outer\s+districts)\s+of\s+(?P<place>.+)"),
     ClauseReader.suburbs),
    (_p(r"(?:near|around|close\s+to|in\s+the\s+vicinity\s+of|vicinity\s+of|outside|not\s+far\s+from|by|"
        r"(?:a\s+few|a\s+couple\s+of|several)\s+(?:km|kilomet(?:er|re)s|miles)\s+(?:away\s+)?(?:from|of|outside))"
        r"\s+(?P<place>.+)"), ClauseReader.near_place),   # "a few kilometres from": no distance, so near
    (_p(r"between\s+(?P<a>.+?)\s+and\s+(?P<b>.+)"), ClauseReader.between),
    (_p(r"(?P<place>.+?)(?:['’]s)?\s+(?:air\s*space|skies)|(?:air\s*space|skies)\s+of\s+(?P<p2>.+)"),
     ClauseReader.airspace),
    (_p(rf"(?:(?P<mod>{_DIR}|central|rural)\s+)?(?P<place>.+?)(?:\s+(?P<mod2>{_DIR}|central))?"
        rf"\s+(?P<what>{_PROVINCE_WORDS})"), ClauseReader.province),
    (_p(rf"(?:(?P<mod>{_DIR}|central)\s+)?(?P<what>countryside|rural\s+areas?|province|governorate)\s+of\s+"
        r"(?P<place>.+)"), ClauseReader.province),
    (_p(r"(?P<place>.+?)\s+(?:river\s+)?valley"), ClauseReader.valley),
]

