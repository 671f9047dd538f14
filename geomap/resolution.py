"""Names in, places out: resolution results as GeoJSON features and GeoDataFrames."""

from __future__ import annotations

from typing import Iterable, Optional

from .gazetteer import Gazetteer, Resolution

__all__ = ["resolve_places", "resolution_feature", "resolution_features"]


def resolution_feature(res: Resolution, gazetteer: Gazetteer, *, runners_up: int = 4) -> dict:
    """One GeoJSON feature for one resolution (geometry null when not found).

    The geometry fits the place's kind: a point for a town, the polygon of a
    governorate, district or subdistrict, the line of a river. The properties
    say why: ``match`` (what the answer stands on), ``context`` (what
    supported it), ``reason``, and the rivals with their distance from the
    answer.
    """
    from shapely.geometry import mapping

    from .geodesy import haversine_km

    props = {"query": res.query, "status": res.status}
    place = res.place
    if place is None:
        props.update({"name": None, "kind": None, "country_code": None, "admin1": None,
                      "score": 0.0, "match": None, "reason": res.reason, "candidates": [],
                      "suggestions": res.quick_suggestions(), "source": None, "id": None})
        return {"type": "Feature", "properties": props, "geometry": None}
    top = res.candidates[0]

    def rival(c) -> dict:
        d = float(haversine_km(place.longitude, place.latitude, c.place.longitude, c.place.latitude))
        return {"name": c.place.name, "id": c.place.id, "kind": c.place.kind,
                "admin1": c.place.admin1 or None, "admin2": c.place.admin2 or None,
                "country_code": c.place.country_code or None, "score": round(c.score, 3),
                "match": c.match, "distance_km": round(d, 1)}

    props.update({
        "name": place.name, "id": place.id, "kind": place.kind,
        "country_code": place.country_code or None, "admin1": place.admin1 or None,
        "admin2": place.admin2 or None, "admin3": place.admin3 or None, "pcode": place.pcode or None,
        "score": round(top.score, 3), "matched": top.matched, "match": res.match,
        "context": list(res.context), "reason": res.reason,
        "precision_m": place.precision_m, "longitude": place.longitude, "latitude": place.latitude,
        "source": place.source, "sources": list(place.sources),
        "candidates": [rival(c) for c in res.candidates[1:1 + runners_up]],
    })
    if res.status == "ambiguous":
        props["competitors"] = [c.place.name for c in res.competitors]
    if res.modifier:
        props["modifier"] = res.modifier
    geometry = (mapping(gazetteer.shape(place)) if place.shape_id else
                {"type": "Point", "coordinates": [place.longitude, place.latitude]})
    return {"type": "Feature", "id": place.id, "properties": props, "geometry": geometry}


def resolution_features(names: Iterable[str], *, gazetteer: Optional[Gazetteer] = None,
                        joint: bool = False, context=None, memo: Optional[dict] = None, **kwargs) -> list:
    """Resolve names and return one GeoJSON feature per name, in input order.

    ``joint=True`` reads the names as one document (:func:`geomap.joint.resolve_joint`);
    ``context`` is a :class:`~geomap.context.ResolutionContext`. ``memo`` (name -> feature)
    carries the distinct names already resolved from one call to the next (a long list
    resolved part by part).
    """
    gaz = gazetteer or Gazetteer.default()
    if joint:
        from .joint import resolve_joint

        results = resolve_joint(list(names), gazetteer=gaz, context=context)
        return [resolution_feature(r, gaz) for r in results]
    # Event tables repeat their place names: each distinct name is resolved once.
    done: dict = {} if memo is None else memo
    out = []
    for n in names:
        if n not in done:
            done[n] = resolution_feature(gaz.resolve(n, context=context, **kwargs), gaz)
        out.append(done[n])
    return out


def resolve_places(names: Iterable[str], *, gazetteer: Optional[Gazetteer] = None, **kwargs):
    """Resolve names into a GeoDataFrame, one row per name, in input order.

    Parameters
    ----------
    names : iterable of str
    gazetteer : Gazetteer, optional
        Defaults to the bundled one.
    **kwargs
        ``joint``, ``context``, or passed to :meth:`Gazetteer.resolve` (``kind``,
        ``region``, ``country``, ``near``).

    Returns
    -------
    geopandas.GeoDataFrame
        Columns ``query, status, name, kind, country_code, admin1, score, ...``
        and the geometry in EPSG:4326 (empty for names not found).

    Examples
    --------
    >>> gdf = resolve_places(["Mayadin", "Dair Alzour", "Pentagon"])
    >>> list(gdf["status"])
    ['resolved', 'resolved', 'not_found']
    """
    import geopandas as gpd

    feats = resolution_features(names, gazetteer=gazetteer, **kwargs)
    if not feats:
        return gpd.GeoDataFrame({"query": []}, geometry=[], crs="EPSG:4326")
    gdf = gpd.GeoDataFrame.from_features(feats, crs="EPSG:4326")
    cols = ["query", "status", "name", "kind", "country_code", "admin1", "score"]
    return gdf[cols + [c for c in gdf.columns if c not in cols]]
