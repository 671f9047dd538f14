"""Ranking the gazetteer's candidates: match quality, prominence, a regional prior, kind fit.

Examples
--------
>>> from geomap.gazetteer import Gazetteer
>>> best = Gazetteer.default().candidates("Raqqa")[0]
>>> best.place.name, best.match
('Ar Raqqah', 'exact')
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .geodesy import EARTH_RADIUS_KM
from .place import Place
from .query import parse_place_query

__all__ = ["prominence", "Candidate", "DEFAULT_REGION", "AMBIGUITY_MARGIN", "SAME_PLACE_KM", "score", "rank", "same_place", "FUZZY_MIN_SCORE"]

#: Regional prior: how likely a report about the Syrian war means a place in
#: each country, when names tie. Override per call with ``region=``.
DEFAULT_REGION = {"SY": 1.0, "IQ": 0.75, "QA": 0.5, "TR": 0.4, "JO": 0.4, "LB": 0.4,
                  "IL": 0.3, "PS": 0.3}

_PROMINENCE = {"country": 1.0, "admin1": 0.8, "admin2": 0.5, "admin3": 0.4, "river": 0.8, "lake": 0.6, "air_base": 0.6,
               "airport": 0.5, "dam": 0.6, "oil_field": 0.5, "facility": 0.3}
_BARE_KIND_FIT = {"populated_place": 1.0, "country": 1.0, "river": 0.9, "lake": 0.8,
                  "admin1": 0.55, "admin2": 0.4, "admin3": 0.35, "air_base": 0.8, "airport": 0.75, "dam": 0.8,
                  "oil_field": 0.8, "facility": 0.7}
KIND_FAMILY = {"air_base": {"airport"}, "airport": {"air_base"}, "admin1": {"country"},
               "admin2": {"admin3", "populated_place"}, "admin3": {"admin2", "populated_place"},
               "oil_field": {"facility"}, "dam": {"facility", "lake"}}

#: Two candidates closer than this are one place (a village and its UCDP
#: spelling, a town and its airport).
SAME_PLACE_KM = 6.0
#: A facility this close to a town of its name (Tabqa air base, Tabqa) is the town's, no rival.
TOWN_FACILITY_KM = 25.0
#: A distinct place scoring within this margin of the best makes the answer ambiguous.
AMBIGUITY_MARGIN = 0.06
#: A fuzzy-only best candidate below this score is reported not_found, with it as suggestion.
FUZZY_MIN_SCORE = 0.72
_FACILITY = frozenset({"air_base", "airport", "dam", "oil_field", "facility"})



@dataclass(frozen=True)
class Candidate:
    """A place a query may mean: its score, the spelling that matched and how (exact, variant, fuzzy)."""

    place: Place
    score: float
    matched: str  # the gazetteer spelling that matched
    match: str    # "exact", "variant" or "fuzzy"

    def to_dict(self) -> dict:
        p = self.place
        return {"id": p.id, "name": p.name, "kind": p.kind, "country_code": p.country_code,
                "admin1": p.admin1 or None, "score": round(self.score, 3), "matched": self.matched,
                "match": self.match, "longitude": p.longitude, "latitude": p.latitude}

    def __repr__(self) -> str:
        return f"Candidate({self.place.name!r}, {self.score:.3f}, {self.match})"


def prominence(place: Place) -> float:
    """How well known a place is (0-1): population, kind, recorded conflict events."""
    if place.kind == "populated_place":
        prom = min(1.0, math.log10(place.population + 1) / 6.5) if place.population else 0.0
        if "geonames" in place.sources or "naturalearth" in place.sources:
            prom = max(prom, 0.25)
    else:
        prom = _PROMINENCE.get(place.kind, 0.3)
    if place.events:
        prom = max(prom, min(0.8, 0.3 * math.log10(1 + place.events)))
    return prom


def score(place: Place, quality: float, kind_hint, region: dict, *, named_after: bool = False) -> float:
    """A candidate's score on its name alone: spelling, prominence, regional prior, kind fit.
    ``named_after``: the query names a facility no place of its kind bears ("Jafra airport"), so
    a settlement of that name is where it is."""
    prom = prominence(place)
    # The prior says in which country a local place is likely to be; a country named is itself.
    prior = 1.0 if place.kind == "country" else (region.get(place.country_code, 0.3)
                                                 if place.country_code else 0.8)
    if kind_hint:
        if place.kind == kind_hint:
            fit = 1.0
        elif place.kind in KIND_FAMILY.get(kind_hint, ()):
            fit = 0.7
        elif named_after and place.kind == "populated_place":
            fit = 0.5
        else:
            fit = 0.0
    else:
        fit = _BARE_KIND_FIT.get(place.kind, 0.7)
    return 0.66 * quality + 0.12 * prom + 0.12 * prior + 0.10 * fit



def rank(index, q, kind_hint, region, country, within, *, fuzzy: bool = False) -> list:
    """Every place the query's spellings can mean, scored on the name alone, best first."""
    best: dict = {}
    # Full spellings ("Tabqa Dam") first; a bare core ("Tabqa" + hint dam) scores a little less.
    alts = [(a, 1.0) for a in q.full_names] + [(a, 0.97 if q.full_names else 1.0) for a in q.names]
    found = [(alt, factor, index.matches(alt, fuzzy=fuzzy)) for alt, factor in alts]
    # A facility that no place of its kind (or family) bears by that name: its namesake settlement.
    named_after = kind_hint in _FACILITY and not any(
        index.places[i].kind in {kind_hint, *KIND_FAMILY.get(kind_hint, ())} for _, _, m in found for i in m)
    for alt, factor, matches in found:
        for i, (quality, spelled, how) in matches.items():
            p = index.places[i]
            if country and p.country_code != country:
                continue
            if not kind_hint and p.kind in _FACILITY and parse_place_query(spelled).kind is None:
                # "Euphrates" is the river before it is the Euphrates Dam.
                quality *= 0.9
            s = score(p, quality * factor, kind_hint, region, named_after=named_after and how != "fuzzy")
            if i not in best or s > best[i].score:
                best[i] = Candidate(p, s, spelled, how)
    cands = list(best.values())
    if kind_hint and not named_after:
        # The query names its kind ("the Euphrates river") and places of that kind bear the
        # name: one of another kind (the Euphrates Dam) is no rival.
        kinds = {kind_hint, *KIND_FAMILY.get(kind_hint, ())}
        if any(c.place.kind in kinds for c in cands):
            cands = [c for c in cands if c.place.kind in kinds]
    if within is not None and cands:
        import shapely

        pts = shapely.points([c.place.point for c in cands])
        keep = shapely.intersects(within, pts)
        cands = [c for c, k in zip(cands, keep) if k]
    cands.sort(key=lambda c: (-c.score, c.place.id))
    return cands



def _km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Great-circle km between two points (scalar; numpy's is for arrays)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def same_place(a: Place, b: Place) -> bool:
    """True when two candidates are one place, or one contains the other (a town and its
    governorate, district or subdistrict are not rival readings of a name)."""
    for outer, inner in ((a, b), (b, a)):
        if outer.kind in ("admin1", "admin2", "admin3") and outer.pcode and inner.pcode:
            if inner.pcode.startswith(outer.pcode):
                return True
        if outer.kind in ("admin1", "country") and inner.kind not in ("admin1", "country"):
            return (outer.kind == "country" and inner.country_code == outer.country_code) or (
                outer.kind == "admin1" and outer.admin1 == inner.admin1)
    d = _km(a.longitude, a.latitude, b.longitude, b.latitude)
    if {a.kind, b.kind} & {"populated_place"} and {a.kind, b.kind} & _FACILITY:
        # A town's air base, dam or oil field named after it: the town is what the bare name means.
        return d <= TOWN_FACILITY_KM
    return d <= SAME_PLACE_KM
