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

from .geodesy import haversine_km
from .place import Place
from .text import parse_place_query

__all__ = ["Candidate", "DEFAULT_REGION", "AMBIGUITY_MARGIN", "SAME_PLACE_KM", "score", "rank", "same_place", "FUZZY_MIN_SCORE"]

#: Regional prior: how likely a report about the Syrian war means a place in
#: each country, when names tie. Override per call with ``region=``.
DEFAULT_REGION = {"SY": 1.0, "IQ": 0.75, "QA": 0.5, "TR": 0.4, "JO": 0.4, "LB": 0.4,
                  "IL": 0.3, "PS": 0.3}

_PROMINENCE = {"country": 1.0, "admin1": 0.8, "river": 0.8, "lake": 0.6, "air_base": 0.6,
               "airport": 0.5, "dam": 0.6, "oil_field": 0.5, "facility": 0.3}
_BARE_KIND_FIT = {"populated_place": 1.0, "country": 1.0, "river": 0.9, "lake": 0.8,
                  "admin1": 0.55, "air_base": 0.8, "airport": 0.75, "dam": 0.8,
                  "oil_field": 0.8, "facility": 0.7}
_KIND_FAMILY = {"air_base": {"airport"}, "airport": {"air_base"}, "admin1": {"country"},
                "oil_field": {"facility"}, "dam": {"facility", "lake"}}

#: Two candidates closer than this are one place (a village and its UCDP
#: spelling, a town and its airport).
SAME_PLACE_KM = 6.0
#: A distinct place scoring within this margin of the best makes the answer ambiguous.
AMBIGUITY_MARGIN = 0.025
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


def score(place: Place, quality: float, kind_hint, region: dict, near=None) -> float:
    if place.kind == "populated_place":
        prom = min(1.0, math.log10(place.population + 1) / 6.5) if place.population else 0.0
        if "geonames" in place.sources or "naturalearth" in place.sources:
            prom = max(prom, 0.25)
    else:
        prom = _PROMINENCE.get(place.kind, 0.3)
    if place.events:
        prom = max(prom, min(0.8, 0.3 * math.log10(1 + place.events)))
    prior = region.get(place.country_code, 0.3) if place.country_code else 0.8
    if near is not None:
        d = float(haversine_km(near[0], near[1], place.longitude, place.latitude))
        prior = 0.5 * prior + 0.5 * math.exp(-d / 60.0) * 2
    if kind_hint:
        if place.kind == kind_hint:
            fit = 1.0
        elif place.kind in _KIND_FAMILY.get(kind_hint, ()):
            fit = 0.7
        else:
            fit = 0.0
    else:
        fit = _BARE_KIND_FIT.get(place.kind, 0.7)
    return 0.66 * quality + 0.12 * prom + 0.12 * prior + 0.10 * fit



def rank(index, q, kind_hint, region, country, within, near=None) -> list:
    best: dict = {}
    # Full spellings ("Tabqa Dam") first; a bare core ("Tabqa" + hint dam) scores a little less.
    alts = [(a, 1.0) for a in q.full_names] + [(a, 0.97 if q.full_names else 1.0) for a in q.names]
    for alt, factor in alts:
        for i, (quality, spelled, how) in index.matches(alt).items():
            p = index.places[i]
            if country and p.country_code != country:
                continue
            if not kind_hint and p.kind in _FACILITY and parse_place_query(spelled).kind is None:
                # "Euphrates" is the river before it is the Euphrates Dam.
                quality *= 0.9
            s = score(p, quality * factor, kind_hint, region, near)
            if i not in best or s > best[i].score:
                best[i] = Candidate(p, s, spelled, how)
    cands = list(best.values())
    if within is not None and cands:
        import shapely

        pts = shapely.points([c.place.point for c in cands])
        keep = shapely.intersects(within, pts)
        cands = [c for c, k in zip(cands, keep) if k]
    cands.sort(key=lambda c: (-c.score, c.place.id))
    return cands



def same_place(a: Place, b: Place) -> bool:
    if b.kind in ("admin1", "country") and a.kind not in ("admin1", "country"):
        # The governorate or country a town is in is not a rival reading of it.
        return (b.kind == "country" and b.country_code == a.country_code) or (
            b.kind == "admin1" and b.admin1 == a.admin1)
    if a.kind in ("admin1", "country") and b.kind not in ("admin1", "country"):
        return (a.kind == "country" and b.country_code == a.country_code) or (
            a.kind == "admin1" and a.admin1 == b.admin1)
    return float(haversine_km(a.longitude, a.latitude, b.longitude, b.latitude)) <= SAME_PLACE_KM

