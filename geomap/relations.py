"""Location expressions -> claim geometries with their uncertainty.

A claim is a place plus a relation, and its honest geometry is an area:

==========================================  ==========================================  =====
expression                                  geometry                                    prec
==========================================  ==========================================  =====
``Mayadin`` / ``in Mayadin`` / coordinates  the place's point (its extent as the area)      1
``near Mayadin`` / ``a few km from``         disc of ``near_km`` (10 km) + the place's size  2
                                            (its point: the place's, as UCDP codes "near")
``the suburbs of the city of Mayadin``      disc of the place's size + ``suburbs_km`` (5)   2
                                            (its point: the place's)
``12 km north of Tabqa``                    annular sector: bearing ±22.5°, distance ±25 %  2
``3 km from Tabqa`` / ``within 3 km of``    the place's area grown by the distance + 25 %   2
``south of Tabqa`` / ``west of Raqqa``      sector: bearing ±60°, out to ``direction_km``   3
``Raqqa Province`` / ``Raqqa countryside``  the governorate polygon (a compass word: half)  4
``northern areas of Deir ez-Zor province``  that compass half of the place's area           4
``west bank of the Euphrates``              that side of the river within ``bank_km``       5
``east of the Euphrates``                   that side of the line, in its area              5
``across the river from Abu Kamal``         the bank facing the place, near it              2
``the Syrian side of the border``           that country near its border (border_clauses)   5
``across the border from al-Qaim``          near the place, outside its country             2
``Iraqi airspace`` / ``Syria``              the country polygon                             6
==========================================  ==========================================  =====

Parts joined by commas, "which is", "near", "over", "in the airspace over"
intersect: ``"west bank of the Euphrates near Mayadin"`` is the west bank
within 10 km of Mayadin. Words that are not understood raise
:class:`~geomap.errors.ExpressionError`, never a guess. ``prec`` is UCDP
GED's ``where_prec`` code.

Examples
--------
>>> cg = claim_geometry("the suburbs of the city of Mayadin")
>>> cg.precision, cg.places[0].name, round(cg.radius_km)
(2, 'Al Mayādīn', 8)
>>> claim_geometry("east of the Euphrates").precision
5
"""

from __future__ import annotations

import math
import re
from dataclasses import KW_ONLY, dataclass, replace
from typing import Optional

import numpy as np

from .coords import parse_coordinates
from .errors import CoordinateError, ExpressionError
from .clauses import ClauseChecker, ClauseReader
from .parts import combine, read_parts
from .context import ResolutionContext
from .gazetteer import Gazetteer
from .geodesy import area_km2, disc

__all__ = ["ClaimGeometry", "claim_geometry", "coordinate_geometries", "plain_coordinates", "can_read",
           "reading_precision",
           "clauses_of", "RelationDefaults"]


class RelationDefaults:
    """The sizes behind vague words, in km (override per call)."""

    near_km = 10.0           # "near X": within this distance of X's edge
    suburbs_km = 5.0         # "the suburbs of X": X's extent plus this
    direction_km = 60.0      # "west of X": out to this distance
    direction_half_deg = 60.0
    offset_half_deg = 22.5   # "12 km north of X": bearing uncertainty
    offset_rel = 0.25        # ... and distance uncertainty (share of the distance)
    bank_km = 10.0           # "the west bank of the Euphrates": within this of the river
    valley_km = 15.0         # "the Euphrates valley"
    point_km = 0.5           # explicit coordinates without a stated uncertainty


_DIGIT = re.compile(r"\d")
_SPLIT = re.compile(
    r"\s*;\s*|\s*,\s*(?:which|that)\s+(?:is|was|lies|sits)\s+|"
    # "Al-Shafa, a village on the eastern bank of ...": what the place is, then where it lies.
    r"\s*,\s*an?\s+(?:[\w-]+\s+)?(?:village|town|city|hamlet|settlement)\s+(?=(?:on|in|near|north|south|east|"
    r"west|about|some|\d))|\s*,\s*|"
    r"\s+(?=(?:near|around|close\s+to|in\s+the\s+vicinity\s+of)\s)|"
    r"\s+(?=on\s+the\s+[\w-]+\s+(?:bank|side|shore)s?\s+of\s)|"  # "Hajin on the eastern bank of ..."
    # "Abu Kamal on the Iraqi border": a place, then the border it lies on
    r"\s+(?=(?:on|along)\s+the\s+(?:[A-Z][\w'’]+[\s/–-]*){1,2}(?:border|frontier)\b)|"
    # "west side of the river at Mayadin": a river's side, then the place on it
    # ... or a place by direction ("the north bank of the Euphrates east of Raqqa")
    r"(?:(?<=[Rr]iver)|(?<=Euphrates)|(?<=Tigris)|(?<=Khabur))\s+(?=at\s+(?:the\s+)?[A-Z]|"
    r"(?:north|south|east|west)(?:ern)?(?:-?(?:east|west)(?:ern)?)?\s+of\s)|"
    r"\s+in\s+the\s+(?:air\s*space|skies)\s+(?:over|of|above)\s+|\s+(?:over|above)\s+(?=the\s)|"
    r"\s+in\s+(?!the\s+(?:suburbs|outskirts|vicinity|environs)\b)",
    re.I,
)


@dataclass(frozen=True, repr=False)
class ClaimGeometry:
    """A claim's geometry with its uncertainty.

    Attributes
    ----------
    expression : str
    geometry : shapely geometry (EPSG:4326)
        The honest area (or line) the claim allows.
    point : shapely Point or None
        For a claim of a place or coordinates: its point (side verdicts use it).
    precision : int
        UCDP GED ``where_prec`` code (1 exact ... 6 country).
    places : list of Place
        Gazetteer records the expression names.
    parts : list of str
        How each part was read ("near Al Mayādīn (10 km)").
    notes : list of str
        Anything worth a reader's attention (ambiguous names, parts that do not overlap).
    line : str or None
        Name of the deconfliction line a side-of-line part referred to.
    disc_km : float or None
        When the area is a disc around ``point``: its radius (maps draw it as a circle).
    resolutions : tuple of Resolution
        How each name was resolved: status, what it stands on, context, rivals.
    """

    expression: str
    geometry: object
    _: KW_ONLY
    point: object = None
    precision: int = 1
    places: tuple = ()
    parts: tuple = ()
    notes: tuple = ()
    line: Optional[str] = None
    disc_km: Optional[float] = None  # the area is a disc of this radius around the point
    resolutions: tuple = ()  # how each name was resolved (status, match, context, rivals)

    def __post_init__(self):
        for name in ("places", "parts", "notes", "resolutions"):
            object.__setattr__(self, name, tuple(getattr(self, name)))

    @property
    def radius_km(self) -> float:
        """Radius of a disc with the area's size (0 for a bare point or a line)."""
        g = self.geometry
        if g is None or g.is_empty or g.geom_type not in ("Polygon", "MultiPolygon"):
            return 0.0
        return math.sqrt(float(area_km2([g])[0]) / math.pi)

    def __repr__(self) -> str:
        return f"ClaimGeometry({self.expression!r}, prec={self.precision}, {'; '.join(self.parts)})"



#: How a note about words geomap could not read begins (for the analyst; public pages leave it out).
UNREAD_NOTE = "the words were not read"


def claim_geometry(expression: str, *, coordinates=None, gazetteer: Optional[Gazetteer] = None,
                   defaults=RelationDefaults, claim_id: Optional[str] = None, near=None,
                   lines=None, uncertainty_km: Optional[float] = None, context=None,
                   defer_disc: bool = False) -> ClaimGeometry:
    """Read a location expression into a :class:`ClaimGeometry`.

    Parameters
    ----------
    expression : str
        As the source worded it: "west bank of the Euphrates near Mayadin",
        "Ja'Din, south of Tabqa", "12 km north of Tabqa", "Iraqi airspace",
        "35°01′N 40°27′E".
    coordinates : str or (lon, lat), optional
        Explicit coordinates: they fix the point; the expression still
        names the place for readers.
    gazetteer : Gazetteer, optional
    defaults : RelationDefaults
        Sizes behind vague words.
    claim_id : str, optional
        Named in error messages.
    near : (lon, lat), optional
        Context for ambiguous names (another place of the same incident).
    lines : list of DeconflictionLine, optional
        Lines that "east of the Euphrates" may refer to (default: built-in).
    uncertainty_km : float, optional
        Radius around explicit coordinates (default ``defaults.point_km``).
    context : ResolutionContext, optional
        What else is known (the incident's and file's other places, a region):
        see :mod:`geomap.context`. The names of one expression are also read
        together: "Ja'Din, west of Raqqa" picks the Ja'Din near Raqqa.
    defer_disc : bool
        For callers reading many claims: when the area is a disc around explicit
        coordinates, leave ``geometry`` None (``point`` and ``disc_km`` say
        which disc) so the caller builds all discs in one vectorised
        :func:`~geomap.geodesy.discs` call.

    Raises
    ------
    ExpressionError
        Naming the claim and the words not understood.
    """
    gaz = gazetteer or Gazetteer.default()
    kw = dict(coordinates=coordinates, gaz=gaz, defaults=defaults, claim_id=claim_id, near=near,
              lines=lines, uncertainty_km=uncertainty_km, defer_disc=defer_disc)
    first = _read(expression, context=context, **kw)
    if not any(r.status == "ambiguous" for r in first.resolutions):
        return first
    anchors = joint_anchors(first.resolutions)
    if not anchors:
        return first
    # Read again with the expression's sure places as context for the unsure ones.
    base = context if context is not None else ResolutionContext()
    return _read(expression, context=base.with_anchors(anchors), **kw)


def can_read(expression: str, *, gazetteer: Optional[Gazetteer] = None) -> bool:
    """Whether geomap reads these words as a location (each part read once; the parts' areas
    are not combined): what ``geomap extract`` asks of every phrase it tries.

    >>> can_read("west bank of the Euphrates near Mayadin"), can_read("the weather in general")
    (True, False)
    """
    return reading_precision(expression, gazetteer=gazetteer) is not None


def reading_precision(expression: str, *, gazetteer: Optional[Gazetteer] = None) -> Optional[int]:
    """The finest precision code of the parts geomap reads in these words (the parts' areas are
    not built), or None when it reads none: :func:`can_read` with the answer's grain.

    >>> reading_precision("near Mayadin"), reading_precision("south of Tabqa"), reading_precision("weather")
    (2, 3, None)
    """
    try:
        return _read(expression, coordinates=None, gaz=gazetteer or Gazetteer.default(), defaults=RelationDefaults,
                     claim_id=None, near=None, lines=None, uncertainty_km=None, context=None, check_only=True)
    except ExpressionError:
        return None


def joint_anchors(resolutions, weight: float = 1.0) -> list:
    """Anchors from the names of one text resolved without doubt (for the names in doubt)."""
    from .context import Anchor

    out, seen = [], set()
    for r in resolutions:
        if r.status == "resolved" and r.place is not None and r.place.id not in seen:
            seen.add(r.place.id)
            out.append(Anchor(r.place.name, weight, place=r.place, query=r.query))
    return out


def clauses_of(expression: str) -> list:
    """The parts of a location expression that are read one by one and then intersected.

    >>> clauses_of("al-Salihiyeh, on the western bank of the Euphrates")
    ['al-Salihiyeh', 'on the western bank of the Euphrates']
    """
    return [c for c in _SPLIT.split(expression) if c and c.strip(" ,;")]


def _whole_coordinates(expr: str):
    """(lon, lat) when the whole expression is a coordinate pair, else None."""
    if not expr or not _DIGIT.search(expr):
        return None
    try:
        return parse_coordinates(expr)
    except CoordinateError:
        return None


def plain_coordinates(expression: str, coordinates=None):
    """(lon, lat) when a location is nothing but coordinates (no words to read), else None.

    ``coordinates`` are the claim's own, parsed: (lon, lat).

    >>> plain_coordinates("35.02N 40.45E"), plain_coordinates("near Mayadin", (40.45, 35.02))
    ((40.45, 35.02), None)
    """
    expr = " ".join(str(expression or "").split())
    if coordinates is not None and not isinstance(coordinates, str):
        return None if expr else (float(coordinates[0]), float(coordinates[1]))
    return _whole_coordinates(expr) if coordinates is None else None


def coordinate_geometries(expressions, lon, lat, uncertainty_km, *, defaults=RelationDefaults,
                          defer_disc: bool = False) -> list:
    """The :class:`ClaimGeometry` of many claims that are nothing but coordinates, at once.

    Each is a disc of its uncertainty (``defaults.point_km`` where None; a bare point where 0)
    around its point; the points are made in one vectorised call.

    >>> [g.parts for g in coordinate_geometries(["35N 40E"], [40.0], [35.0], [None])]
    [('coordinates 35.00000N 40.00000E (±0.5 km)',)]
    """
    import shapely

    radius = [defaults.point_km if r is None else float(r) for r in uncertainty_km]
    points = shapely.points(np.asarray(lon, float), np.asarray(lat, float))
    return [ClaimGeometry(expr, pt if r <= 0 else None if defer_disc else disc(x, y, r), point=pt,
                          precision=1, parts=(f"coordinates {y:.5f}N {x:.5f}E (±{r:g} km)",),
                          disc_km=r if r > 0 else None)
            for expr, x, y, r, pt in zip(expressions, lon, lat, radius, points)]


def _at_coordinates(expr, words, coordinates, *, gaz, defaults, claim_id, lines, uncertainty_km,
                    context, defer_disc) -> ClaimGeometry:
    """A claim at explicit coordinates: a disc of the stated uncertainty; its words, if any, checked."""
    if isinstance(coordinates, str):
        try:
            lon, lat = parse_coordinates(coordinates)
        except CoordinateError as err:
            raise ExpressionError(expr, coordinates, claim=claim_id, reason=str(err)) from err
    else:
        lon, lat = float(coordinates[0]), float(coordinates[1])
    at = coordinate_geometries([expr], [lon], [lat], [uncertainty_km], defaults=defaults,
                               defer_disc=defer_disc)[0]
    if not words:
        return at
    parts, notes, places, sub = list(at.parts), [], [], None
    try:
        # Still read the words: they name the place for readers and are checked.
        sub = claim_geometry(expr, gazetteer=gaz, defaults=defaults, claim_id=claim_id,
                             near=(lon, lat), lines=lines, context=context)
        places = sub.places
        parts.append("as worded: " + "; ".join(sub.parts))
        if sub.geometry is not None and not sub.geometry.intersects(at.point):
            notes.append("the coordinates lie outside the area the words describe")
    except ExpressionError as err:
        notes.append(f"{UNREAD_NOTE}: {err}")
    return replace(at, places=places, parts=parts, notes=notes,
                   resolutions=sub.resolutions if sub is not None and places else ())


def _read(expression, *, coordinates, gaz, defaults, claim_id, near, lines, uncertainty_km,
          context, defer_disc=False, check_only=False) -> Optional[ClaimGeometry]:
    expr = " ".join(str(expression or "").split())
    words = expr
    if coordinates is None:
        # A location that is nothing but coordinates is read as coordinates: its stated
        # uncertainty applies, and there are no other words to read.
        coordinates = _whole_coordinates(expr)
        words = "" if coordinates is not None else expr
    if coordinates is not None:
        return _at_coordinates(expr, words, coordinates, gaz=gaz, defaults=defaults, claim_id=claim_id,
                               lines=lines, uncertainty_km=uncertainty_km, context=context,
                               defer_disc=defer_disc)
    reader = ClauseChecker if check_only else ClauseReader
    rd = reader(expr, gaz, defaults, claim_id, near, lines, context=context)
    if not expr:
        raise ExpressionError(expr, "", claim=claim_id, reason="the location is empty")
    clauses = clauses_of(expr)
    if check_only:   # the finest precision read (every clause read: each can fail)
        read = [got[2] for got in [rd.clause(c) for c in clauses] if got is not None]
        if not read:
            raise ExpressionError(expr, expr, claim=claim_id)
        return min(read)
    parts = read_parts(rd, clauses)
    if not parts:
        raise ExpressionError(expr, expr, claim=claim_id)
    geom, point, prec = combine(rd, parts)
    single = len(parts) == 1
    return ClaimGeometry(expr, geom, point=point, precision=prec, places=rd.places, parts=rd.parts,
                         notes=rd.notes, line=rd.line_name, disc_km=rd.disc_km if single else None,
                         resolutions=rd.resolutions)
