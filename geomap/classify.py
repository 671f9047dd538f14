"""Inputs of any kind (GeoJSON features, claims files, event tables) classified
against deconfliction lines, as GeoJSON features: the library behind
``geomap classify``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional, Sequence

import numpy as np

from .errors import InputError

__all__ = ["load_input", "classify_features", "classify_frame", "frame_to_features", "row_geometries",
           "summary_table"]

_CLAIM_EXT = {".yaml", ".yml"}
_TABLE_EXT = {".csv", ".tsv"}


def load_input(path: str, text: Optional[str] = None, *, preset: Optional[str] = None,
               columns: Optional[dict] = None):
    """Read what ``geomap classify`` / ``geomap map`` accept.

    Returns
    -------
    (kind, data)
        ``("claims", GeoDataFrame)`` for a claims file or folder,
        ``("events", GeoDataFrame)`` for an event table,
        ``("features", list of GeoJSON features)`` for GeoJSON.
    """
    from .claims import read_claims, read_claims_text
    from .incidents import claims_frame

    if text is None and path != "-":
        p = Path(path)
        if p.is_dir():
            return "claims", claims_frame(read_claims(p))
        if not p.exists():
            raise InputError("no such file or folder", source=path)
        suffix = p.suffix.lower()
        if suffix in _CLAIM_EXT:
            return "claims", claims_frame(read_claims(p))
        if suffix in (".parquet", ".geoparquet"):
            return read_parquet_input(p, preset=preset, columns=columns)
        if suffix in (".txt", ".md"):
            # A report: its claims are drafted on the fly (as `geomap extract` writes them).
            from .extract import extract

            try:
                report = p.read_text(encoding="utf-8")
            except UnicodeDecodeError as err:
                raise InputError(f"not UTF-8 text ({err.reason})", source=path) from err
            drafted = extract(report, source=p.name)
            if not drafted.incidents:
                raise InputError("no claim about a place was found in this report", source=path,
                                 hint="run 'geomap extract --mentions' to see the places it names")
            return "claims", claims_frame(drafted.incidents)
        try:
            text = p.read_text(encoding="utf-8")
        except UnicodeDecodeError as err:
            raise InputError(f"not UTF-8 text ({err.reason})", source=path) from err
        if suffix in _TABLE_EXT:
            first = text.split("\n", 1)[0].lower()
            if "location" in first and ("party" in first or "claimant" in first):
                return "claims", claims_frame(read_claims_text(text, source=path, fmt=suffix[1:]))
            from .events import read_events_text

            return "events", read_events_text(text, source=path, preset=preset, columns=columns,
                                              delimiter="\t" if suffix == ".tsv" else None)
    source = "<stdin>" if path == "-" else path
    s = (text or "").lstrip()
    if not s:
        raise InputError("no input", source=source, hint="give GeoJSON, a claims file or an event table")
    if s.startswith("{") or s.startswith("\x1e"):
        from .io import read_features

        feats = read_features(text, source=source)
        # GeoJSON written in the claims format (location + claimant) is read as claims.
        if feats and all("location" in (f.get("properties") or {}) and
                         ({"party", "claimant"} & set(f.get("properties") or {})) for f in feats):
            return "claims", claims_frame(read_claims_text(text, source=source, fmt="geojson"))
        return "features", feats
    first = s.split("\n", 1)[0].lower()
    if ("\t" in first or "," in first) and ("latitude" in first or "where_prec" in first or columns):
        from .events import read_events_text

        return "events", read_events_text(text, source=source, preset=preset, columns=columns)
    return "claims", claims_frame(read_claims_text(text, source=source))


def _to_shapes(features: Sequence[dict]) -> np.ndarray:
    from shapely.geometry import shape

    out = np.empty(len(features), dtype=object)
    for i, f in enumerate(features):
        g = f.get("geometry")
        if not g:
            out[i] = None
            continue
        try:
            out[i] = shape(g)
        except Exception as err:
            raise InputError(f"feature {i + 1} has an unreadable geometry ({err})") from err
    return out


def _verdict_props(row, line) -> dict:
    from .sides import share_dict

    d = row.distance_km
    return {
        "side": row.side,
        "side_share": share_dict(row.side, row.share_left, row.share_right, row.share_outside, line),
        "distance_km": None if d is None or d != d else round(float(d), 3),
        "near_line": bool(row.near_line),
        "applies": bool(row.applies),
        "reason": row.reason,
        "line": line.name,
        "verdict": row.sentence,
    }


def classify_features(features: list, lines: Optional[list] = None, *,
                      tolerance_km: Optional[float] = None) -> list:
    """Add verdicts to GeoJSON features (new feature dicts, same order).

    Verdicts come from :func:`geomap.verdicts.judge`, as for claims: a line
    applies to a feature in force on its ``date`` property and within the
    line's area (and not at a place whose ``country_code`` is another
    country's). The first line's verdict goes in ``side``, ``side_share``,
    ``distance_km``, ``near_line``, ``applies``, ``reason``, ``line``,
    ``verdict``; with several lines, ``sides`` holds each line's verdict by
    name. Features without a geometry pass through with ``side`` null.

    Parameters
    ----------
    lines : list of names or DeconflictionLine, optional
        Default: every built-in line.
    """
    from .verdicts import candidate_lines, judge

    lns = candidate_lines(lines)
    geoms = _to_shapes(features)
    props = [f.get("properties") or {} for f in features]
    countries = [p.get("country_code") for p in props]
    dates = [p.get("date") or p.get("incident_date") for p in props]
    named = [p.get("side_of") for p in props]
    per_line = [(ln, list(judge(geoms, geoms, ln, dates=dates, countries=countries, named_sides=named,
                                tolerance_km=tolerance_km).itertuples(index=False))) for ln in lns]
    out = []
    for i, f in enumerate(features):
        p = dict(props[i])
        p.update(_verdict_props(per_line[0][1][i], per_line[0][0]))
        if len(per_line) > 1:
            p["sides"] = {ln.name: _verdict_props(rows[i], ln) for ln, rows in per_line}
        nf = {"type": "Feature", "properties": p, "geometry": f.get("geometry")}
        if "id" in f:
            nf["id"] = f["id"]
        out.append(nf)
    return out


def classify_frame(gdf, lines: Optional[list] = None, *, geometry: str = "area",
                   tolerance_km: Optional[float] = None) -> list:
    """A claims or events frame as GeoJSON features with their verdicts (:func:`geomap.verdicts.verdict_table`).

    Properties as in :func:`classify_features`: the first line's verdict flat,
    every line's in ``sides`` when there are several.
    """
    from .lines import get_line
    from .verdicts import verdict_table

    feats = frame_to_features(gdf, geometry=geometry)
    given = {ln.name: ln for ln in map(get_line, lines or [])}  # user line files are known by name here
    table = verdict_table(gdf, list(given.values()) or None, tolerance_km=tolerance_km)
    line_of = {name: given.get(name) or get_line(name) for name in table["line"].unique()}
    by_row: list = [[] for _ in feats]
    for r in table.itertuples(index=False):
        by_row[r.row].append((r, line_of[r.line]))
    for f, rows in zip(feats, by_row):
        if rows:
            f["properties"].update(_verdict_props(*rows[0]))
        if len(rows) > 1:
            f["properties"]["sides"] = {r.line: _verdict_props(r, ln) for r, ln in rows}
    return feats


def frame_to_features(gdf, *, geometry: str = "area") -> list:
    """GeoJSON features of a claims or events frame: each row's area, or with ``geometry='point'``
    its point (events: their coded point)."""
    from shapely.geometry import mapping

    geoms = row_geometries(gdf, geometry)
    feats = []
    for g, p in zip(geoms, _records(gdf)):
        feats.append({"type": "Feature", "properties": p,
                      "geometry": mapping(g) if g is not None and not g.is_empty else None})
    return feats


def row_geometries(gdf, geometry: str = "area") -> np.ndarray:
    """Each row's geometry as written out: its area, or with ``geometry='point'`` its point where it
    has one (events: the coded point; claims: the named place's point), else its area.

    >>> import geopandas as gpd, shapely
    >>> f = gpd.GeoDataFrame({"point_lon": [40.0, None], "point_lat": [35.0, None]},
    ...                      geometry=[shapely.box(39, 34, 41, 36), shapely.box(0, 0, 1, 1)])
    >>> [g.geom_type for g in row_geometries(f, "point")]
    ['Point', 'Polygon']
    """
    import shapely

    if geometry not in ("area", "point"):
        raise ValueError(f"geometry must be 'area' or 'point', not {geometry!r}")
    areas = np.asarray(gdf.geometry.to_numpy(), dtype=object)
    lon_col, lat_col = ("coded_lon", "coded_lat") if "coded_lon" in gdf else ("point_lon", "point_lat")
    if geometry == "area" or lon_col not in gdf:
        return areas
    lon = gdf[lon_col].astype(float).to_numpy()
    lat = gdf[lat_col].astype(float).to_numpy()
    has_pt = ~(np.isnan(lon) | np.isnan(lat))
    out = areas.copy()
    out[has_pt] = shapely.points(lon[has_pt], lat[has_pt])
    return out


def _records(gdf) -> list:
    df = gdf.drop(columns=gdf.geometry.name)
    recs = json.loads(df.to_json(orient="records", default_handler=str, date_format="iso"))
    return recs


def summary_table(precision, table, line_name: str) -> str:
    """Counts of one line's verdicts per precision code, as a Markdown table.

    Parameters
    ----------
    precision : sequence
        Each row's precision code (UCDP ``where_prec``, or ``-``).
    table : DataFrame
        Its :func:`geomap.verdicts.verdict_table`.
    """
    from collections import Counter

    part = table[table["line"] == line_name]
    precision = list(precision)
    rows = Counter()
    near = Counter()
    for r, side, nl in part[["row", "side", "near_line"]].itertuples(index=False):
        prec = precision[r]
        rows[(prec, side or "none")] += 1
        if nl:
            near[prec] += 1
    sides = sorted({s for _, s in rows}, key=lambda s: (s in ("straddles", "outside", "none"), s))
    precs = sorted({pr for pr, _ in rows}, key=lambda x: (str(type(x)), x))
    head = f"| precision | {' | '.join(sides)} | near the line | total |"
    lines = [f"Verdicts against line '{line_name}'", "", head, "|" + " --- |" * (len(sides) + 3)]
    for pr in precs:
        total = sum(rows[(pr, s)] for s in sides)
        lines.append(f"| {pr} | " + " | ".join(str(rows[(pr, s)]) for s in sides) + f" | {near[pr]} | {total} |")
    totals = [sum(rows[(pr, s)] for pr in precs) for s in sides]
    lines.append("| all | " + " | ".join(map(str, totals)) + f" | {sum(near.values())} | {sum(totals)} |")
    return "\n".join(lines) + "\n"


def read_parquet_input(path, *, preset: Optional[str] = None, columns: Optional[dict] = None):
    """("claims", frame) for a GeoParquet of claims (as ``geomap export`` writes it), else
    ("events", frame) for an event table in Parquet."""
    from importlib.util import find_spec

    if find_spec("pyarrow") is None:
        raise InputError("reading Parquet needs pyarrow", source=str(path),
                         hint="pip install 'geomap[parquet]'")
    import geopandas as gpd
    import pandas as pd

    from .list_columns import arrow_lists

    try:
        try:
            # Lists stay Arrow lists: a million claims' place ids and lines cost no objects.
            table = gpd.read_parquet(path, to_pandas_kwargs={"types_mapper": arrow_lists})
        except ValueError:  # no GeoParquet metadata: a plain table
            table = pd.read_parquet(path)
    except (OSError, ValueError) as err:
        raise InputError(f"cannot read this Parquet file ({err})", source=str(path)) from err
    return table_as_frame(table, source=str(path), preset=preset, columns=columns)


def table_as_frame(table, *, source: str, preset: Optional[str] = None, columns: Optional[dict] = None):
    """("claims", frame) for a GeoDataFrame of claims (claim ids, parties, areas), else ("events",
    frame) for an event table's rows (:func:`geomap.events.read_events_frame`; a geometry column
    it may have is not read: events are placed by their coordinates and precision).

    One reading for a whole Parquet file, a chunk of it and a dask partition alike.
    """
    import geopandas as gpd
    import pandas as pd

    if isinstance(table, gpd.GeoDataFrame) and {"claim_id", "party"} <= set(table.columns):
        return "claims", table.to_crs("EPSG:4326") if table.crs else table.set_crs("EPSG:4326")
    from .events import read_events_frame

    if isinstance(table, gpd.GeoDataFrame):
        table = pd.DataFrame(table.drop(columns=table.geometry.name))
    return "events", read_events_frame(table.reset_index(drop=True), source=source, preset=preset,
                                       columns=columns)


def judged_frame(frame, lines: Optional[list] = None, *, tolerance_km: Optional[float] = None,
                 geometry: str = "area"):
    """A claims or events frame with each line's verdict as columns (:func:`geomap.verdicts.verdict_columns`):
    what ``geomap classify -o FILE.parquet`` writes, on one machine or on dask. Its geometry is each
    row's area, or with ``geometry='point'`` its point (:func:`row_geometries`); verdicts are of the
    area either way."""
    import geopandas as gpd
    import pandas as pd

    from .lines import builtin_lines, get_line
    from .verdicts import verdict_columns, verdict_table

    lns = [get_line(x) for x in lines] if lines else builtin_lines()
    frame = frame.reset_index(drop=True)
    table = verdict_table(frame, lns, tolerance_km=tolerance_km)
    wide = verdict_columns(table, len(frame), [ln.name for ln in lns])
    out = pd.concat([pd.DataFrame(frame.drop(columns=frame.geometry.name)), wide], axis=1)
    return gpd.GeoDataFrame(out, geometry=row_geometries(frame, geometry), crs="EPSG:4326")

