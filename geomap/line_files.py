"""Reading a user's line file: GeoJSON or any vector format geopandas reads, into a DeconflictionLine.

The feature's properties are checked against ``line.schema.json`` (:mod:`geomap.schema`),
then read: ``area`` (a country code, a governorate, or ``buffer:KM``), ``valid_from`` and
``valid_to`` dates, the side labels. Every failure is a :class:`~geomap.errors.LineError`
naming the file and the property, and saying how to fix it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Optional

from .errors import GeomapError, LineError
from .io import loads_json
from .lines import DeconflictionLine, _builtin_paths, _date

__all__ = ["load_line"]


def _area_from_spec(spec: Optional[str], geometry, grow_km: float = 0.0):
    """'SY' -> Syria's polygon; 'buffer:40' -> 40 km around the line; None -> default box.

    ``grow_km`` widens a country or governorate outline: Natural Earth's are
    generalised, and a border town (al-Baghuz) may fall just outside them.
    """
    if not spec:
        return None, ""
    if grow_km:
        area, name = _area_from_spec(spec, geometry)
        from .geodesy import buffer_km

        return buffer_km(area, grow_km, quad_segs=4), f"{name} and {grow_km:g} km beyond its outline"
    spec = str(spec)
    if spec.startswith("buffer:"):
        from .geodesy import buffer_km

        try:
            km = float(spec.split(":", 1)[1])
        except ValueError:
            km = -1.0
        if not 0 < km <= 1000:  # also NaN
            raise LineError(f"{spec!r} is not a buffer of 0 to 1000 km", hint="e.g. buffer:35")
        return buffer_km(geometry, km), f"{km:g} km around the line"
    from .gazetteer import Gazetteer

    gaz = Gazetteer.default()
    for p in gaz.places:
        if p.kind in ("country", "admin1") and (p.country_code == spec.upper() and p.kind == "country"
                                                or p.id == spec):
            return gaz.shape(p), p.name
    res = gaz.resolve(spec)
    if res.status != "not_found" and res.place.kind in ("country", "admin1"):
        return gaz.shape(res.place), res.place.name
    raise LineError(f"area of interest {spec!r} is not a country code, governorate or 'buffer:KM'")


def _line_from_feature(feat: dict, *, source_name: str, fallback_name: str,
                       prepared=None) -> DeconflictionLine:
    from shapely.geometry import shape

    from .schema import validate

    props = feat.get("properties") or {}
    validate(props, source_name, name="line", error=LineError)  # line.schema.json: types and ranges
    geom = feat.get("geometry")
    if not geom:
        raise LineError(f"{source_name}: the line feature has no geometry")
    try:
        g = shape(geom)
    except Exception as err:
        raise LineError(f"{source_name}: unreadable geometry ({err})") from err
    try:
        area, area_name = ((prepared.area, prepared.area_name) if prepared is not None else
                           _area_from_spec(props.get("area"), g, float(props.get("area_grow_km") or 0.0)))
    except GeomapError as err:
        raise LineError(str(err), source=source_name, field="area") from err
    for key in ("valid_from", "valid_to"):
        try:
            _date(props.get(key))
        except LineError as err:
            raise LineError(f"{props.get(key)!r} is not a date", source=source_name, field=key,
                            hint="write it as YYYY-MM-DD") from err
    if (props.get("left_label") or "left") == (props.get("right_label") or "right"):
        raise LineError("the two sides need different labels", source=source_name, field="right_label",
                        hint="e.g. left_label: west, right_label: east")
    try:
        return DeconflictionLine(
            props.get("name") or fallback_name, g,
            left_label=props.get("left_label") or "left", right_label=props.get("right_label") or "right",
            area=area, area_name=area_name, accuracy_km=float(props.get("accuracy_km") or 0.0),
            valid_from=props.get("valid_from"), valid_to=props.get("valid_to"),
            title=props.get("title") or "", source=props.get("source") or "",
            description=props.get("description") or "", approximate=bool(props.get("approximate")),
            side_parties=props.get("side_parties"), prepared=prepared, area_spec=str(props.get("area") or ""),
            area_grow_km=float(props.get("area_grow_km") or 0.0),
        )
    except LineError as err:
        if err.source:
            raise
        raise LineError(err.message, source=source_name, field=err.field, hint=err.hint) from err


def load_line(path: os.PathLike, *, name: Optional[str] = None, left_label: Optional[str] = None,
              right_label: Optional[str] = None, area=None, prepared: bool = True) -> DeconflictionLine:
    """Load a user's line from GeoJSON or any vector format geopandas reads.

    The file must hold one line (or several pieces that join into one).
    Properties ``name``, ``left_label``, ``right_label``, ``accuracy_km``,
    ``valid_from``, ``valid_to``, ``area`` (a country code, a governorate,
    or ``buffer:KM``), ``area_grow_km`` (widen that outline) and ``source``
    are used when present; keyword arguments override them.

    The line's area, sides and grid are read from ``<stem>.prepared.npz`` next to the file when it
    was written for this very file (:mod:`geomap.prepared`; ``prepared=False`` computes them).
    """
    p = Path(path)
    if not p.exists():
        raise LineError(f"{p}: no such line file (or give a built-in name: "
                        f"{', '.join(sorted(_builtin_paths()))})")
    feats, data = None, b""
    if p.suffix.lower() in (".geojson", ".json"):
        try:
            data = p.read_bytes()
            obj = loads_json(data.decode("utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as err:
            raise LineError(f"{p}: not valid GeoJSON ({err})") from err
        feats = obj.get("features") if obj.get("type") == "FeatureCollection" else (
            [obj] if obj.get("type") == "Feature" else [{"type": "Feature", "properties": {}, "geometry": obj}])
    else:
        import geopandas as gpd

        try:
            gdf = gpd.read_file(p).to_crs(4326)
        except Exception as err:
            raise LineError(f"{p}: geopandas cannot read it ({err})") from err
        for col in gdf.columns:  # dates as GeoJSON would give them (a GeoPackage keeps them as dates)
            if col != gdf.geometry.name and str(gdf[col].dtype).startswith("datetime64"):
                gdf[col] = gdf[col].dt.strftime("%Y-%m-%d")
        feats = json.loads(gdf.to_json())["features"]
    feats = [f for f in feats or [] if f.get("geometry") and "LineString" in f["geometry"]["type"]]
    if not feats:
        raise LineError(f"{p}: no LineString in the file")
    if len(feats) > 1:
        from shapely import union_all
        from shapely.geometry import mapping, shape

        merged = union_all([shape(f["geometry"]) for f in feats])
        feats = [{"type": "Feature", "properties": feats[0].get("properties") or {},
                  "geometry": mapping(merged)}]
    props = dict(feats[0].get("properties") or {})
    for k, v in (("name", name), ("left_label", left_label), ("right_label", right_label)):
        if v:
            props[k] = v
    key = kept = None
    if data and area is None:
        from .prepared import line_key, read_prepared

        key = line_key(data, props.get("area"))
        kept = read_prepared(p, key) if prepared else None
    line = _line_from_feature({**feats[0], "properties": props}, source_name=str(p), fallback_name=p.stem,
                              prepared=kept)
    line.prepared_key = key
    spec = str(props.get("area") or "")
    if len(spec) == 2 and spec.isalpha():
        line.area_country = spec.upper()
    if area is not None:
        line.area, line.area_spec, line.area_grow_km = area, "", 0.0  # given as a geometry: no spec
    return line
