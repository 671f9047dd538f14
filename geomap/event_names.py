"""The place names of an event table, resolved with the table's own context.

Event datasets code each event's place name and admin units (UCDP ``adm_1``,
``adm_2``; ACLED ``admin1`` .. ``admin3``) besides its coordinates. Resolving
their names, to check a coder's position or to place a table that lacks one,
should use that context as a person would:

- the admin columns are a **preference** (places inside the named units are
  supported; coders' units are not always OCHA's, so they are no limit);
- with coordinates and a precision code, the answer is **limited** to the
  area the code allows around the coded point (never farther than the
  dataset itself says the event may be: 25 km for UCDP precision 2 ...).

Examples
--------
>>> import pandas as pd
>>> df = pd.DataFrame({"where_coordinates": ["Al Karamah village"], "adm_1": ["Raqqa governorate"],
...                    "adm_2": ["Ar Raqqa district"]})
>>> out = resolve_event_names(df, preset="ucdp")
>>> out.loc[0, "admin2"], out.loc[0, "status"]
('Ar-Raqqa', 'resolved')
"""

from __future__ import annotations

from typing import Optional

import numpy as np

from .errors import ContextError, EventTableError

__all__ = ["resolve_event_names", "ADMIN_COLUMNS", "MIN_LIMIT_KM"]

#: Admin columns of each preset, largest unit first.
ADMIN_COLUMNS = {"ucdp": ("adm_1", "adm_2"), "acled": ("admin1", "admin2", "admin3")}
#: Even an exactly coded event is looked for within this distance (km) of its point:
#: the coder's point and the gazetteer's point of one village differ by a few km.
MIN_LIMIT_KM = 5.0


def resolve_event_names(df, *, preset: str = "ucdp", place_column: Optional[str] = None,
                        admin_columns: Optional[tuple] = None, gazetteer=None, source: str = "<table>"):
    """Resolve every row's place name in the context of its admin columns (and coordinates).

    Parameters
    ----------
    df : pandas.DataFrame or GeoDataFrame
        An event table (:func:`geomap.events.read_events` gives one with
        ``precision`` and ``uncertainty_km``; a plain table of names and admin
        columns works too).
    preset : {'ucdp', 'acled'}
        Column names (:data:`geomap.events.PRESETS`, :data:`ADMIN_COLUMNS`).
    place_column, admin_columns : optional
        Override the preset's columns.
    gazetteer : Gazetteer, optional

    Returns
    -------
    geopandas.GeoDataFrame
        One row per event, in order: ``row, query, status, match, name, kind,
        admin1, admin2, admin3, pcode, context, reason, distance_km`` (from the
        coded point, when there is one) and the resolved point.
    """
    import geopandas as gpd

    from .context import make_context
    from .events import PRESETS
    from .gazetteer import Gazetteer
    from .geodesy import haversine_km

    if preset not in PRESETS:
        raise EventTableError(f"unknown preset {preset!r}", source=source, hint=f"one of {', '.join(PRESETS)}")
    spec = PRESETS[preset]
    place_col = place_column or spec["place"]
    admins = tuple(admin_columns or ADMIN_COLUMNS[preset])
    if place_col not in df:
        raise EventTableError(f"no place-name column {place_col!r}", source=source, line=1,
                              hint=f"columns found: {', '.join(map(str, list(df.columns)[:12]))}")
    admins = tuple(c for c in admins if c in df)
    gaz = gazetteer or Gazetteer.default()
    has_point = spec["lat"] in df and spec["lon"] in df
    radius = df["uncertainty_km"].to_numpy(float) if "uncertainty_km" in df else None
    units: dict = {}

    def anchors_for(values) -> list:
        out = []
        for v in values:
            v = str(v or "").strip()
            if v and v not in units:
                try:
                    units[v] = make_context(gaz, region=v).anchors
                except ContextError:
                    units[v] = ()  # a unit geomap does not know is no context
            out.extend(units.get(v, ()))
        return out

    rows, points, done = [], [], {}
    for i, rec in enumerate(df.to_dict("records")):
        name = str(rec.get(place_col) or "").strip()
        limit = None
        if has_point and radius is not None and np.isfinite(radius[i]):
            limit = (float(rec[spec["lon"]]), float(rec[spec["lat"]]), max(MIN_LIMIT_KM, float(radius[i])))
        key = (name, tuple(str(rec.get(c) or "") for c in admins), limit)
        if key not in done:
            ctx = make_context(gaz, near=limit, anchors=anchors_for(key[1])) if limit else \
                make_context(gaz, anchors=anchors_for(key[1]))
            done[key] = gaz.resolve(name, context=ctx) if name else None
        res = done[key]
        p = res.place if res is not None else None
        dist = None
        if p is not None and has_point:
            dist = round(float(haversine_km(float(rec[spec["lon"]]), float(rec[spec["lat"]]),
                                            p.longitude, p.latitude)), 2)
        rows.append({
            "row": i + 2, "query": name, "status": res.status if res else "not_found",
            "match": res.match if res else None, "name": p.name if p else None,
            "kind": p.kind if p else None, "admin1": p.admin1 if p else None,
            "admin2": p.admin2 if p else None, "admin3": p.admin3 if p else None,
            "pcode": p.pcode if p else None, "context": "; ".join(res.context) if res else "",
            "reason": res.reason if res else "no place name", "distance_km": dist,
        })
        points.append(p.point if p else None)
    from shapely import Point

    geoms = [Point(*pt) if pt else None for pt in points]
    return gpd.GeoDataFrame(rows, geometry=geoms, crs="EPSG:4326")
