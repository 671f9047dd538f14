"""Event tables (CSV/TSV of georeferenced events) as claim geometries of honest size.

An event dataset codes how precisely it knows each place; geomap turns that
code into the area the event may have happened in, so a governorate-level
event is never assigned a bank it may not be on:

====  ==========================  =============================================
UCDP  ACLED ``geo_precision``     geometry
====  ==========================  =============================================
1     1                           the point
2     2                           a 25 km disc around the point
3                                 a 50 km disc (a district)
4     3                           the governorate polygon under the point
5                                 a 50 km disc (a stretch of front or river)
6                                 the country polygon
7                                 none (international waters or airspace)
====  ==========================  =============================================

Examples
--------
>>> text = "id\\tlatitude\\tlongitude\\twhere_prec\\twhere_coordinates\\n1\\t35.02\\t40.45\\t1\\tMayadin\\n"
>>> gdf = read_events_text(text, preset="ucdp")
>>> gdf.geometry.iloc[0].geom_type, int(gdf["precision"].iloc[0])
('Point', 1)
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Optional

import numpy as np

from .errors import EventTableError

__all__ = ["PRESETS", "read_events", "read_events_text", "read_events_frame", "event_geometries",
           "events_as_claims"]

#: Column names and precision meaning of known event datasets.
PRESETS = {
    "ucdp": {"id": "id", "lat": "latitude", "lon": "longitude", "precision": "where_prec",
             "place": "where_coordinates", "date": "date_start", "admin1": "adm_1",
             "radius_km": {1: 0.0, 2: 25.0, 3: 50.0, 5: 50.0}, "admin1_level": {4}, "country_level": {6},
             "none_level": {7}},
    "acled": {"id": "event_id_cnty", "lat": "latitude", "lon": "longitude", "precision": "geo_precision",
              "place": "location", "date": "event_date", "admin1": "admin1",
              "radius_km": {1: 0.0, 2: 25.0}, "admin1_level": {3}, "country_level": set(),
              "none_level": set()},
}


def _detect(header: list) -> Optional[str]:
    h = {c.strip().lower() for c in header}
    if {"where_prec", "latitude", "longitude"} <= h:
        return "ucdp"
    if {"geo_precision", "latitude", "longitude"} <= h:
        return "acled"
    return None


def read_events_text(text: str, *, source: str = "<stdin>", preset: Optional[str] = None,
                     columns: Optional[dict] = None, delimiter: Optional[str] = None):
    """Read an event table into a GeoDataFrame of honest geometries.

    Parameters
    ----------
    text : str
        CSV or TSV with a header row.
    preset : {'ucdp', 'acled'}, optional
        Column names and precision codes (detected from the header when None).
    columns : dict, optional
        Override column names: keys ``id, lat, lon, precision, place, date``.
    delimiter : str, optional
        Guessed from the header when None.

    Returns
    -------
    geopandas.GeoDataFrame
        The table's columns plus ``precision`` (int), ``uncertainty_km``
        (the disc radius, NaN for polygons) and the geometry.
    """
    import pandas as pd

    first = text.split("\n", 1)[0]
    delim = delimiter or ("\t" if first.count("\t") >= first.count(",") else ",")
    spec = _spec(next(csv.reader([first], delimiter=delim)), source, preset, columns, line=1)
    try:
        df = pd.read_csv(io.StringIO(text), sep=delim, dtype=str, keep_default_na=False,
                         quoting=csv.QUOTE_NONE)
    except (pd.errors.ParserError, UnicodeError, ValueError) as err:
        line = re.search(r"line (\d+)", str(err))
        raise EventTableError(f"cannot read the table ({str(err).splitlines()[0]})", source=source,
                              line=int(line.group(1)) if line else None,
                              hint="every row needs as many fields as the header") from err
    return _events_from_frame(df, spec, source)


def read_events_frame(df, *, source: str = "<frame>", preset: Optional[str] = None,
                      columns: Optional[dict] = None):
    """:func:`read_events_text` for a table already in memory (a DataFrame, a GeoParquet file's rows).

    >>> import pandas as pd
    >>> gdf = read_events_frame(pd.DataFrame({"latitude": [35.02], "longitude": [40.45],
    ...                                       "where_prec": [2]}), preset="ucdp")
    >>> float(gdf["uncertainty_km"].iloc[0])
    25.0
    """
    import pandas as pd

    spec = _spec([str(c) for c in df.columns], source, preset, columns)
    df = pd.DataFrame(df.drop(columns=[c for c in ("geometry",) if c in df])).reset_index(drop=True)
    return _events_from_frame(df, spec, source)


def _spec(header: list, source: str, preset, columns, line=None) -> dict:
    """The preset's column names and precision codes for a table with this header (or an error)."""
    name = preset or _detect(header)
    if name is None and not columns:
        raise EventTableError("cannot tell the event table's columns", source=source, line=line,
                              hint="use --preset ucdp|acled, or name the columns: "
                                   "--column lat=COL --column lon=COL --column precision=COL")
    if name is not None and name not in PRESETS:
        raise EventTableError(f"unknown preset {name!r}", source=source,
                              hint=f"one of {', '.join(PRESETS)}")
    spec = dict(PRESETS[name or "ucdp"])
    spec.update({k: v for k, v in (columns or {}).items() if v})
    missing = [spec[k] for k in ("lat", "lon", "precision") if spec[k] not in header]
    if missing:
        raise EventTableError(f"missing column(s) {', '.join(missing)}", source=source, line=line,
                              hint=f"columns found: {', '.join(header[:12])}")
    return spec


def _events_from_frame(df, spec: dict, source: str):
    import pandas as pd

    for key in ("lat", "lon", "precision"):
        col = spec[key]
        vals = pd.to_numeric(df[col], errors="coerce")
        bad = vals.isna()
        if bad.any():
            i = int(np.flatnonzero(bad.to_numpy())[0])
            raise EventTableError(f"{df[col].iloc[i]!r} is not a number", source=source, line=i + 2,
                                  field=col)
        df[col] = vals
    lat, lon = df[spec["lat"]].to_numpy(float), df[spec["lon"]].to_numpy(float)
    out_of_range = (np.abs(lat) > 90) | (np.abs(lon) > 180)
    if out_of_range.any():
        i = int(np.flatnonzero(out_of_range)[0])
        raise EventTableError(f"coordinates {lat[i]}, {lon[i]} out of range", source=source, line=i + 2,
                              field=spec["lat"], hint="latitude first? check the column names")
    prec = df[spec["precision"]].to_numpy(int)
    return event_geometries(df, lon, lat, prec, spec, source=source)


def event_geometries(df, lon: np.ndarray, lat: np.ndarray, prec: np.ndarray, spec: dict,
                     source: str = "<table>"):
    """Attach honest geometries to an event frame (vectorized by precision class)."""
    import geopandas as gpd
    import shapely

    from .gazetteer import Gazetteer

    n = len(df)
    geoms = np.empty(n, dtype=object)
    radius = np.full(n, np.nan)
    pts = shapely.points(lon, lat)
    exact = np.isin(prec, [k for k, v in spec["radius_km"].items() if v == 0.0])
    geoms[exact] = pts[exact]
    radius[exact] = 0.0
    # Geodesic discs, all at once; each depends on its own row only (a table judged in parts
    # gets the areas it gets whole), and they are the discs claims get.
    disc_levels = {k: v for k, v in spec["radius_km"].items() if v > 0}
    todo = np.isin(prec, list(disc_levels))
    if todo.any():
        from .geodesy import discs

        r = np.array([disc_levels[p] for p in prec[todo]], dtype=float)
        geoms[todo] = discs(lon[todo], lat[todo], r, quad_segs=8)
        radius[todo] = r
    gaz = Gazetteer.default()
    admin = np.isin(prec, list(spec["admin1_level"]))
    if admin.any():
        polys = [(p, gaz.shape(p)) for p in gaz.places if p.kind == "admin1" and p.shape_id]
        shapes = np.array([g for _, g in polys], dtype=object)
        tree = shapely.STRtree(shapes)
        idx_pt, idx_poly = tree.query(pts[admin], predicate="within")
        chosen = np.full(admin.sum(), None, dtype=object)
        chosen[idx_pt] = shapes[idx_poly]
        # A governorate centroid outside every polygon (at sea, abroad): fall back to 100 km.
        lost = np.array([c is None for c in chosen])
        if lost.any():
            from .geodesy import discs

            chosen[lost] = discs(lon[admin][lost], lat[admin][lost], 100.0, quad_segs=8)
        geoms[admin] = chosen
    country = np.isin(prec, list(spec["country_level"]))
    if country.any():
        polys = [gaz.shape(p) for p in gaz.places if p.kind == "country" and p.shape_id]
        cshapes = np.array(polys, dtype=object)
        tree = shapely.STRtree(cshapes)
        idx_pt, idx_poly = tree.query(pts[country], predicate="within")
        chosen = np.full(country.sum(), None, dtype=object)
        chosen[idx_pt] = cshapes[idx_poly]
        geoms[country] = chosen
    none = np.isin(prec, list(spec["none_level"]))
    geoms[none] = None
    unknown = ~(exact | todo | admin | country | none)
    if unknown.any():
        # Legal but not understood: the events get no position (never a guessed one), and a warning.
        import warnings

        from .errors import GeomapWarning

        rows = np.flatnonzero(unknown)
        known = sorted(set(spec["radius_km"]) | spec["admin1_level"] | spec["country_level"] | spec["none_level"])
        warnings.warn(f"{source}, line {rows[0] + 2}, field {spec['precision']}: precision code "
                      f"{prec[rows[0]]} is not one the preset knows ({len(rows)} events); they are left "
                      f"without a position (known codes: {known})", GeomapWarning, stacklevel=2)
        geoms[unknown] = None
        radius[unknown] = np.nan
    out = gpd.GeoDataFrame(df.copy(), geometry=list(geoms), crs="EPSG:4326")
    out["precision"] = prec
    out["uncertainty_km"] = radius
    # The coded point of every event; ``point_lon/point_lat`` (the claims frame's "the point it
    # names") only where the event is that point: sides of the others are decided on their area.
    out["coded_lon"] = lon
    out["coded_lat"] = lat
    is_point = shapely.get_type_id(geoms) == 0   # None: -1
    out["point_lon"] = np.where(is_point, lon, np.nan)
    out["point_lat"] = np.where(is_point, lat, np.nan)
    date_col = spec.get("date")
    if "date" not in out and date_col in out:
        # The event's date, under one name: verdicts check a line's validity against it.
        out["date"] = _iso_dates(out[date_col], source, date_col)
    return out


#: Date forms of event datasets: ISO (UCDP, ACLED's API), "18 June 2017" (ACLED's exports).
_DATE_FORMS = ("%Y-%m-%d", "%d %B %Y", "%d %b %Y", "%Y/%m/%d")


def _iso_dates(values, source: str, column: str):
    """An event table's dates as YYYY-MM-DD text (empty: no date); a date in no known form, or
    not in the calendar, is an error naming its line: a silent "no date" would let every line
    judge the event, in force or not."""
    import pandas as pd

    text = values.astype("string").str.strip().fillna("")
    out = pd.Series(pd.NaT, index=text.index, dtype="datetime64[ns]")
    for form in _DATE_FORMS:
        todo = out.isna() & (text != "")
        if not todo.any():
            break
        head = text[todo].str.slice(0, 10) if form == "%Y-%m-%d" else text[todo]
        out[todo] = pd.to_datetime(head, format=form, errors="coerce")
    bad = out.isna() & (text != "")
    if bad.any():
        i = int(np.flatnonzero(bad.to_numpy())[0])
        n = int(bad.sum())
        raise EventTableError(f"{text.iloc[i]!r} is not a date ({n} such row{'s' if n > 1 else ''})", source=source,
                              line=i + 2, field=column, hint="write dates as YYYY-MM-DD, or as 18 June 2017")
    return out.dt.strftime("%Y-%m-%d").where(out.notna(), None)


def read_events(path, *, preset: Optional[str] = None, columns: Optional[dict] = None):
    """:func:`read_events_text` on a file."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError as err:
        raise EventTableError("no such file", source=str(p)) from err
    except UnicodeDecodeError as err:
        raise EventTableError(f"not UTF-8 text ({err.reason})", source=str(p)) from err
    return read_events_text(text, source=str(p), preset=preset, columns=columns,
                            delimiter="\t" if p.suffix.lower() == ".tsv" else None)


def events_as_claims(gdf):
    """An event table as a claims frame (:data:`geomap.incidents.CLAIMS_SCHEMA`): one claim per event.

    The party is the event's ``side_a`` when a table has up to eight of them (a layer each on a map),
    else "Events"; the claim id is the event id; the date and place columns carry over.
    """
    out = gdf.copy()
    party = out["side_a"] if "side_a" in out else None
    if party is None or party.nunique() > 8:
        out["party"] = "Events"
    else:
        out["party"] = party
    id_col = "id" if "id" in out else out.columns[0]
    out["claim_id"] = out[id_col].astype(str)
    out["incident"] = out["claim_id"]
    for src, dst in (("where_coordinates", "location"), ("location", "location"), ("date_start", "date"),
                     ("event_date", "date")):
        if src in out and dst not in out:
            out[dst] = out[src]
    out["disc_km"] = out["uncertainty_km"].where(out["uncertainty_km"] > 0)
    out["radius_km"] = out["uncertainty_km"]
    return out
