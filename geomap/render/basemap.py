"""The offline vector basemap, drawn from the bundled gazetteer data."""

from __future__ import annotations

from functools import lru_cache

__all__ = ["basemap_data", "ATTRIBUTION"]

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


@lru_cache(maxsize=4)
def basemap_data(focus: str = "SY", *, simplify_deg: float = 0.004, min_population: int = 25000) -> dict:
    """Countries, governorates, rivers, lakes and towns as GeoJSON, simplified for the screen."""
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
