"""The offline vector basemap, drawn from the bundled gazetteer data.

Simplifying the gazetteer's outlines for the screen takes about half a second and needs the
whole gazetteer loaded, the same on every map: ``geomap gazetteer build`` keeps the result in
``basemap.json`` beside the gazetteer, stamped with the digest of the gazetteer's files and
the parameters (see :mod:`geomap.prepared`). It is read while the stamp matches, and computed
otherwise.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

__all__ = ["basemap_data", "write_basemap", "ATTRIBUTION"]

#: Raised whenever the basemap is drawn differently from the same gazetteer.
BASEMAP_VERSION = 1

#: Credit line shown on every map and page (the data's licences require it).
ATTRIBUTION = ("Data: GeoNames (CC BY 4.0), Who's On First, Natural Earth, OCHA COD-AB (CC BY-IGO 3.0), "
               "Open-Syria (CC BY 4.0), airportsdata (MIT), UCDP GED (CC BY 4.0); map by geomap")


def _rounded(geom, nd: int = 4):
    import shapely
    from shapely.geometry import mapping

    g = shapely.set_precision(geom, 10 ** -nd)
    return mapping(g)


#: Countries smaller than this (km²) get no label on the basemap.
LABEL_MIN_KM2 = 5000.0


#: The basemap every map draws (focus country, simplification in degrees, smallest town shown): the
#: one ``basemap.json`` keeps.
DEFAULT = ("SY", 0.004, 25000)


@lru_cache(maxsize=4)
def basemap_data(focus: str = DEFAULT[0], *, simplify_deg: float = DEFAULT[1],
                 min_population: int = DEFAULT[2]) -> dict:
    """Countries, governorates, rivers, lakes and towns as GeoJSON, simplified for the screen."""
    key = _key(focus, simplify_deg, min_population)
    try:
        kept = json.loads(_kept_path().read_text(encoding="utf-8"))
        if kept.get("key") == key:
            return kept["basemap"]
    except (OSError, ValueError, AttributeError):
        pass
    return _drawn(focus, simplify_deg, min_population)


def write_basemap(folder=None) -> Path:
    """Draw the default basemap of the gazetteer geomap reads and keep it in ``basemap.json``, in
    ``folder`` (default: that gazetteer's folder, where maps look for it)."""
    from ..io import atomic_write
    from ..prepared import gazetteer_digest

    gazetteer_digest.cache_clear()  # the gazetteer may have just been rebuilt
    path = _kept_path() if folder is None else Path(folder) / "basemap.json"
    data = {"key": _key(*DEFAULT), "basemap": _drawn(*DEFAULT)}
    return atomic_write(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")


def _kept_path() -> Path:
    from ..gazetteer import data_path

    return data_path() / "gazetteer" / "basemap.json"


def _key(focus: str, simplify_deg: float, min_population: int) -> str:
    import hashlib

    from ..gazetteer import data_path
    from ..prepared import gazetteer_digest

    h = hashlib.sha256(f"geomap basemap v{BASEMAP_VERSION} {focus} {simplify_deg!r} {min_population}\n".encode())
    h.update(gazetteer_digest(str(data_path() / "gazetteer")))
    return h.hexdigest()


def _drawn(focus: str, simplify_deg: float, min_population: int) -> dict:
    import shapely

    from ..gazetteer import Gazetteer
    from ..geodesy import area_km2

    gaz = Gazetteer.default()

    def fc(items):
        return {"type": "FeatureCollection", "features": items}

    countries, admin1, rivers, lakes, towns = [], [], [], [], []
    for p in gaz.places:
        if p.kind == "country" and p.shape_id:
            g = shapely.simplify(gaz.shape(p), simplify_deg, preserve_topology=True)
            # Small territories (base areas, buffer zones) are drawn but not labelled.
            labelled = area_km2([g])[0] >= LABEL_MIN_KM2
            countries.append({"type": "Feature", "geometry": _rounded(g), "properties": {
                "name": p.name, "focus": p.country_code == focus,
                "label_at": [round(p.longitude, 3), round(p.latitude, 3)] if labelled else None}})
        elif p.kind == "admin1" and p.shape_id:
            g = shapely.simplify(gaz.shape(p).boundary, simplify_deg)
            admin1.append({"type": "Feature", "geometry": _rounded(g), "properties": {"name": p.name}})
        elif p.kind == "river" and p.shape_id:
            g = shapely.simplify(gaz.shape(p), simplify_deg / 2)
            rivers.append({"type": "Feature", "geometry": _rounded(g), "properties": {"name": p.name}})
        elif p.kind == "lake" and p.shape_id:
            g = shapely.simplify(gaz.shape(p), simplify_deg / 2, preserve_topology=True)
            lakes.append({"type": "Feature", "geometry": _rounded(g), "properties": {"name": p.name}})
        elif p.kind == "populated_place" and p.population >= min_population and \
                32.0 <= p.latitude <= 38.0 and 35.0 <= p.longitude <= 43.0:
            towns.append({"type": "Feature",
                          "geometry": {"type": "Point", "coordinates": [round(p.longitude, 4), round(p.latitude, 4)]},
                          "properties": {"name": p.name, "major": p.population >= 150000}})
    return {"countries": fc(countries), "admin1": fc(admin1), "rivers": fc(rivers), "lakes": fc(lakes),
            "towns": fc(towns)}
