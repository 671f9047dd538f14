"""A geopy-compatible geocoder over the bundled gazetteer.

:class:`Gazetteer` honours geopy's ``Geocoder.geocode`` contract, so code
written for ``geopy.geocoders.Nominatim`` (or ``geopandas.tools.geocode``)
runs offline against geomap's data, and back.

Examples
--------
>>> from geomap.geocoder import OfflineGazetteer
>>> geocoder = OfflineGazetteer()
>>> loc = geocoder.geocode("Deir-Ezzor")
>>> loc.address, round(loc.latitude, 2), round(loc.longitude, 2)
('Deir ez-Zor, SY', 35.34, 40.14)
>>> geocoder.geocode("Konashenkov") is None
True
"""

from __future__ import annotations

from typing import Optional

from geopy.geocoders.base import Geocoder
from geopy.location import Location

from .gazetteer import Gazetteer, Resolution

__all__ = ["OfflineGazetteer"]


class OfflineGazetteer(Geocoder):
    """geopy geocoder answering from geomap's offline gazetteer.

    Parameters
    ----------
    gazetteer : Gazetteer, optional
        Defaults to the bundled one.
    region : dict, optional
        Country code -> prior weight, as for :meth:`Gazetteer.resolve`.
    allow_ambiguous : bool
        When False, an ambiguous name geocodes to ``None`` (as a not-found one).
    """

    def __init__(self, gazetteer: Optional[Gazetteer] = None, *, region: Optional[dict] = None,
                 allow_ambiguous: bool = True):
        # No network: skip geopy's adapter set-up, keep its attributes.
        super().__init__(scheme="https", timeout=1, proxies={}, user_agent="geomap-offline")
        self.gazetteer = gazetteer or Gazetteer.default()
        self.region = region
        self.allow_ambiguous = allow_ambiguous

    def geocode(self, query, *, exactly_one: bool = True, timeout=None, limit: Optional[int] = None,
                kind: Optional[str] = None, country_codes=None, **kwargs):
        """Geocode a name, as geopy geocoders do.

        Parameters
        ----------
        query : str or dict
            A name; a dict's values are joined with ", " (geopy's structured query).
        exactly_one : bool
            Return one :class:`geopy.location.Location` (or ``None``), else a list.
        limit : int, optional
            With ``exactly_one=False``: at most this many candidates.
        kind : str, optional
            Prefer this kind of place (``"air_base"``, ``"admin1"`` ...).
        country_codes : str or list of str, optional
            Only places in these countries (geopy's Nominatim spelling).

        Returns
        -------
        None, Location or list of Location
            ``raw`` holds the gazetteer record, the score and the status.
        """
        if isinstance(query, dict):
            query = ", ".join(str(v) for v in query.values() if v)
        codes = [country_codes] if isinstance(country_codes, str) else list(country_codes or [])
        res = self.gazetteer.resolve(str(query), kind=kind, region=self.region,
                                     country=codes[0].upper() if len(codes) == 1 else None)
        if res.status == "not_found" or (res.status == "ambiguous" and not self.allow_ambiguous):
            return None
        cands = [c for c in res.candidates
                 if not codes or c.place.country_code.lower() in {x.lower() for x in codes}]
        if not cands:
            return None
        locs = [self._location(c, res) for c in cands[: (1 if exactly_one else (limit or len(cands)))]]
        return locs[0] if exactly_one else locs

    def reverse(self, query, *, exactly_one: bool = True, timeout=None, **kwargs):
        """The nearest populated place to a ``(lat, lon)`` pair or geopy ``Point``."""
        import numpy as np

        from geopy.point import Point

        from .geodesy import haversine_km

        pt = Point(query)
        places = [p for p in self.gazetteer.places if p.kind == "populated_place"]
        lon = np.array([p.longitude for p in places])
        lat = np.array([p.latitude for p in places])
        d = haversine_km(pt.longitude, pt.latitude, lon, lat)
        order = np.argsort(d)[: (1 if exactly_one else 5)]
        locs = []
        for i in order:
            p = places[int(i)]
            raw = dict(p.to_dict(), distance_km=round(float(d[i]), 3))
            locs.append(Location(self._address(p), (p.latitude, p.longitude, 0.0), raw))
        return locs[0] if exactly_one else locs

    @staticmethod
    def _address(p) -> str:
        return ", ".join(x for x in (p.name, p.admin1 if p.admin1 != p.name else "", p.country_code) if x)

    def _location(self, cand, res: Resolution) -> Location:
        p = cand.place
        raw = dict(p.to_dict(), score=round(cand.score, 3), status=res.status, matched=cand.matched,
                   match=cand.match, query=res.query)
        return Location(self._address(p), (p.latitude, p.longitude, 0.0), raw)
