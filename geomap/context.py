"""A resolution context: what a person reading the name would also know.

Real material always says more than one name: the other places of the same
report or claims file, a parent ("Al Karamah, Raqqa"), an event table's admin
columns, a region the user names. A :class:`ResolutionContext` carries that
to :meth:`geomap.gazetteer.Gazetteer.resolve`:

- **hard limits** (``country``, ``within``): candidates outside are dropped;
- **anchors**: places (or points) known to be involved. A candidate near an
  anchor, or in the same district or subdistrict, gains support (see
  :func:`support`); an anchor that is an area (a governorate, district,
  region) supports what lies inside it.

Build one with :func:`make_context` (from names, P-codes, bounding boxes,
"LON,LAT[:KM]" strings) or let :func:`geomap.joint.resolve_joint` derive it
from the other names of a document.

Examples
--------
>>> from geomap.gazetteer import Gazetteer
>>> gaz = Gazetteer.default()
>>> ctx = make_context(gaz, near="Tabqa")
>>> r = gaz.resolve("al-Karamah", context=ctx)
>>> r.place.admin1, r.match
('Raqqa', 'context')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional, Sequence, Union

from .errors import ContextError

__all__ = ["Anchor", "ResolutionContext", "NO_CONTEXT", "make_context", "support", "support_many", "parse_bbox",
           "parse_near", "NEAR_KM", "SUPPORT_MIN"]

#: Distance scale of support from a point anchor (km): support exp(-d / NEAR_KM).
NEAR_KM = 25.0
#: Support below this is no support: the answer stands on the name alone.
SUPPORT_MIN = 0.2


@dataclass(frozen=True)
class Anchor:
    """A place or point known to be involved, and how much it is trusted (0-1).

    ``place`` is a gazetteer :class:`~geomap.place.Place` (an area kind
    supports what lies inside it; a point kind what lies near it), or ``None``
    with ``point`` (lon, lat) given. ``label`` names it in explanations.
    """

    label: str
    weight: float = 1.0
    place: object = None
    point: Optional[tuple] = None
    area: object = None  # shapely geometry of an area anchor (a bbox, a region)
    query: str = ""      # the name this anchor was resolved from: it gives that name no support


@dataclass(frozen=True)
class ResolutionContext:
    """Hints for resolving a name (see the module docstring).

    Attributes
    ----------
    country : str, optional
        Only places in this ISO country code.
    within : shapely geometry, optional
        Only places whose point lies in this area (an admin unit, a bbox, a disc).
    within_label : str
        What ``within`` is, for explanations ("Raqqa governorate").
    anchors : tuple of Anchor
        Places and points that support candidates near or inside them.
    """

    country: Optional[str] = None
    within: object = None
    within_label: str = ""
    anchors: tuple = field(default_factory=tuple)

    def __bool__(self) -> bool:
        return bool(self.country or self.within is not None or self.anchors)

    def with_anchors(self, anchors: Sequence[Anchor]) -> "ResolutionContext":
        """The same context with more anchors."""
        return ResolutionContext(self.country, self.within, self.within_label,
                                 tuple(self.anchors) + tuple(anchors))

    def excluding(self, query: str) -> "ResolutionContext":
        """The context without the anchors resolved from ``query`` (a name is no evidence for itself)."""
        from .text import normalize

        norm = normalize(query)
        kept = tuple(a for a in self.anchors if not a.query or normalize(a.query) != norm)
        if len(kept) == len(self.anchors):
            return self
        return ResolutionContext(self.country, self.within, self.within_label, kept)

    def describe(self) -> str:
        parts = []
        if self.country:
            parts.append(f"country {self.country}")
        if self.within is not None:
            parts.append(f"within {self.within_label or 'the given area'}")
        parts += [a.label for a in self.anchors]
        return ", ".join(parts)


#: The empty context (immutable: one for every claim that has none).
NO_CONTEXT = ResolutionContext()


_AREA = frozenset({"country", "admin1", "admin2", "admin3"})
#: Being inside a named area says more the smaller the area: a subdistrict
#: (about 700 km²) almost settles a namesake, a governorate much less.
_AREA_WEIGHT = {"admin3": 1.0, "admin2": 0.7, "admin1": 0.45, "country": 0.3}


def _area_weight(anchor: Anchor) -> float:
    if anchor.place is not None and anchor.place.kind in _AREA_WEIGHT:
        return _AREA_WEIGHT[anchor.place.kind]
    from .geodesy import area_km2

    km2 = float(area_km2(anchor.area))
    return 1.0 if km2 <= 2_000 else 0.7 if km2 <= 10_000 else 0.45 if km2 <= 60_000 else 0.3


def _area_affinity(places, anchor: Anchor):
    """Support of one area anchor for each place: its weight inside, 0 outside."""
    import numpy as np

    a = anchor.place
    if anchor.area is not None:
        import shapely

        pts = shapely.points([p.longitude for p in places], [p.latitude for p in places])
        inside = shapely.intersects(anchor.area, pts)
    elif a.kind == "country":
        inside = np.array([p.country_code == a.country_code for p in places])
    elif a.pcode:
        inside = np.array([bool(p.pcode) and p.pcode.startswith(a.pcode) for p in places])
    else:
        inside = np.array([bool(p.admin1) and p.admin1 == a.admin1 for p in places])
    return np.where(inside, _area_weight(anchor), 0.0)


def _point_affinity(places, anchors: list):
    """(places x anchors) support of point anchors: nearness, and shared subdistrict/district/governorate."""
    import numpy as np

    from .geodesy import haversine_km

    plon = np.array([p.longitude for p in places])[:, None]
    plat = np.array([p.latitude for p in places])[:, None]
    at = [a.point if a.point is not None else a.place.point for a in anchors]
    d = haversine_km(plon, plat, np.array([x for x, _ in at])[None, :], np.array([y for _, y in at])[None, :])
    # Close by counts most; the same countryside (within a few times that) still counts.
    value = np.maximum(np.exp(-d / NEAR_KM), 0.4 * np.exp(-d / (4 * NEAR_KM)))
    pcodes = [p.pcode or "" for p in places]
    acodes = [a.place.pcode or "" if a.place is not None else "" for a in anchors]
    known = np.array([bool(c) for c in pcodes])[:, None] & np.array([bool(c) for c in acodes])[None, :]
    for n, floor in ((4, 0.35), (6, 0.5), (8, 0.7)):  # same governorate, district, subdistrict
        same = known & (np.array([c[:n] for c in pcodes], dtype=object)[:, None] ==
                        np.array([c[:n] for c in acodes], dtype=object)[None, :])
        value = np.where(same, np.maximum(value, floor), value)
    ids = np.array([p.id for p in places], dtype=object)[:, None]
    aids = np.array([a.place.id if a.place is not None else None for a in anchors], dtype=object)[None, :]
    return np.where(ids == aids, 0.0, value)  # a place does not support itself


def support_many(places: Sequence, context: Optional[ResolutionContext]) -> list:
    """(support 0-1, labels of the anchors that gave it) for each candidate place.

    The best anchor counts in full; the next two add a quarter each (two
    nearby places named in a report say more than one).
    """
    import numpy as np

    if not context or not context.anchors or not places:
        return [(0.0, ())] * len(places)
    anchors = list(context.anchors)
    m = np.zeros((len(places), len(anchors)))
    areas = [j for j, a in enumerate(anchors)
             if a.area is not None or (a.place is not None and a.place.kind in _AREA)]
    for j in areas:
        m[:, j] = _area_affinity(places, anchors[j])
    pts = [j for j in range(len(anchors)) if j not in set(areas)]
    if pts:
        m[:, pts] = _point_affinity(places, [anchors[j] for j in pts])
    m *= np.array([a.weight for a in anchors])[None, :]
    m[m < 0.05] = 0.0
    top = -np.sort(-m, axis=1)[:, :3]
    total = np.minimum(1.0, top[:, 0] + 0.25 * top[:, 1:].sum(axis=1))
    out = []
    for i in range(len(places)):
        strong = np.flatnonzero(m[i] >= SUPPORT_MIN)
        labels = tuple(dict.fromkeys(anchors[j].label for j in strong[np.argsort(-m[i, strong])]))
        out.append((float(total[i]), labels))
    return out


def support(place, context: Optional[ResolutionContext]) -> tuple:
    """(support 0-1, labels of the anchors that gave it) for one candidate place."""
    return support_many([place], context)[0]


# -- building contexts from what a user types ---------------------------------------------------

_NUM = r"[-+]?\d+(?:\.\d+)?"
_BBOX = re.compile(rf"^\s*({_NUM})\s*,\s*({_NUM})\s*,\s*({_NUM})\s*,\s*({_NUM})\s*$")
_POINT = re.compile(rf"^\s*({_NUM})\s*,\s*({_NUM})\s*(?::\s*({_NUM})\s*)?$")
_NAMED_RADIUS = re.compile(rf"^(.*\S)\s*:\s*({_NUM})\s*$")


def parse_bbox(text: str) -> Optional[tuple]:
    """"W,S,E,N" -> (w, s, e, n), or None when the text is not four numbers; checks the ranges."""
    m = _BBOX.match(text or "")
    if not m:
        return None
    w, s, e, n = (float(v) for v in m.groups())
    if not (-180 <= w < e <= 180 and -90 <= s < n <= 90):
        raise ContextError(f"bounding box {text!r} is not W,S,E,N in degrees with W < E and S < N",
                           hint="e.g. 38.0,34.5,41.5,36.5")
    return (w, s, e, n)


def parse_near(text: str) -> Optional[tuple]:
    """"LON,LAT[:KM]" -> (lon, lat, km or None), or None when the text is not a point."""
    m = _POINT.match(text or "")
    if not m:
        return None
    lon, lat = float(m.group(1)), float(m.group(2))
    km = float(m.group(3)) if m.group(3) else None
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise ContextError(f"point {text!r} is not LON,LAT in degrees", hint="e.g. 40.45,35.01:30")
    if km is not None and not (0 < km <= 2000):
        raise ContextError(f"radius in {text!r} must be between 0 and 2000 km", hint="e.g. 40.45,35.01:30")
    return lon, lat, km


def _area_place(gaz, text: str):
    """An admin unit or country by P-code or name, or ContextError.

    The query's own feature word decides the level ("Ar Raqqa district" is the
    district); without one, a governorate is preferred, then a district, a
    subdistrict, a country.
    """
    from .query import parse_place_query

    code = text.strip().upper()
    if code in getattr(gaz, "by_pcode", {}):
        return gaz.by_pcode[code]
    hint = parse_place_query(text).kind
    kinds = ([hint] if hint in _AREA else []) + [k for k in ("admin1", "admin2", "admin3", "country")
                                                 if k != hint]
    found = []
    for kind in kinds:
        cands = gaz.resolve(text, kind=kind).candidates
        same = [c.place for c in cands[:6] if c.place.kind == kind]
        if same:
            return same[0]
        found += [c.place for c in cands[:1] if c.place.kind in _AREA]
    if found:
        return found[0]
    raise ContextError(f"no administrative unit or country matches {text!r}",
                       hint="give a governorate, district or subdistrict name, a P-code "
                            "(SY09, SY0903, SY090301), a country, or a bbox W,S,E,N")


def make_context(gaz, *, within: Union[str, tuple, object, None] = None,
                 near: Union[str, tuple, None] = None, country: Optional[str] = None,
                 region: Union[str, Sequence[str], None] = None, anchors: Sequence[Anchor] = ()) -> ResolutionContext:
    """Build a :class:`ResolutionContext` from what a user gives.

    Parameters
    ----------
    gaz : Gazetteer
    within : str, (w, s, e, n) or shapely geometry, optional
        A hard limit: an admin unit or country (name or P-code), a bbox
        "W,S,E,N", or an area.
    near : str or (lon, lat), optional
        A place name or "LON,LAT", with ":KM" a hard limit of that radius
        (without it, a preference).
    country : str, optional
        ISO country code (hard limit).
    region : str or sequence of str, optional
        Areas named as context (a preference, not a limit): "Raqqa", "SY11",
        "Al Mayadin district", or a bbox.
    anchors : sequence of Anchor
        More anchors (the other names of a document).
    """
    limit, label, out = None, "", list(anchors)
    if within is not None:
        limit, label, within_country = _option("within", _within, gaz, within)
        country = country or within_country
    if near is not None:
        anchor, ring, ring_label = _option("near", _near, gaz, near)
        out.append(anchor)
        if ring is not None:
            limit = ring if limit is None else limit.intersection(ring)
            label = f"{label} and {ring_label}" if label else ring_label
    if region:
        out += _option("region", _regions, gaz, region)
    return ResolutionContext(country.upper() if country else None, limit, label, tuple(out))


def _option(name: str, read, gaz, value):
    """``read(gaz, value)``, its errors naming the option ("within: no administrative unit ...")."""
    try:
        return read(gaz, value)
    except ContextError as err:
        raise ContextError(f"{name}: {err}") from err


def _within(gaz, within) -> tuple:
    """(limit area, its label, a country code when the area is a country without a polygon)."""
    from shapely import box

    if isinstance(within, tuple) and len(within) == 4:
        return box(*within), "bbox", None
    if not isinstance(within, str):
        return within, "the given area", None
    bb = parse_bbox(within)
    if bb:
        return box(*bb), f"bbox {within.strip()}", None
    p = _area_place(gaz, within)
    if p.kind == "country" and not p.shape_id:
        return None, "", p.country_code
    return gaz.shape(p), f"{p.name} ({p.kind}{', ' + p.pcode if p.pcode else ''})", None


def _near(gaz, near) -> tuple:
    """(anchor, disc limit or None, its label) of a place or point, with an optional radius."""
    from .geodesy import disc

    place = None
    if isinstance(near, tuple):
        lon, lat, km = (*near, None)[:3]
        name = f"{lon:g},{lat:g}"
    elif parse_near(near):
        lon, lat, km = parse_near(near)
        name = near.strip()
    else:
        m = _NAMED_RADIUS.match(near)
        text, km = (m.group(1), float(m.group(2))) if m else (near, None)
        res = gaz.resolve(text)
        if res.status == "not_found":
            hint = f"did you mean {', '.join(res.suggestions)}?" if res.suggestions else \
                "give a place name or LON,LAT[:KM]"
            raise ContextError(f"no place matches {text!r}", hint=hint)
        place, lon, lat, name = res.place, res.place.longitude, res.place.latitude, res.place.name
    anchor = Anchor(name, 1.0, place=place, point=(lon, lat))
    if km is None:
        return anchor, None, ""
    return anchor, disc(lon, lat, km), f"{km:g} km of {name}"


def _regions(gaz, region) -> list:
    """Area anchors of one or several regions (admin units, P-codes, countries, bboxes)."""
    from shapely import box

    out = []
    for reg in ([region] if isinstance(region, str) else list(region)):
        if not reg or not reg.strip():
            continue
        bb = parse_bbox(reg)
        if bb:
            out.append(Anchor(f"region {reg.strip()}", 1.0, area=box(*bb)))
        else:
            p = _area_place(gaz, reg)
            out.append(Anchor(f"{p.name} ({p.kind})", 1.0, place=p,
                              area=gaz.shape(p) if p.shape_id else None))
    return out
