"""Claims with their areas and verdicts, in the formats analysts load next.

* **GeoJSON** (``.geojson``): one feature per claim, its area as geometry.
* **GeoPackage** (``.gpkg``, QGIS): the same table through the geopandas stack (pyogrio).
* **CSV** (``.csv``, spreadsheets): one row per claim, the point (``longitude``, ``latitude``:
  the claimed point, or a point inside the area), the area as WKT, UCDP's ``where_prec`` and
  ACLED's ``geo_precision``.
* **KML** (``.kml``, Google Earth): one folder per claimant, areas and points styled in the
  claimant's colour, the verdicts in each placemark's description.

Columns (every format): ``incident``, ``claim_id``, ``party``, ``speaker``, ``date``, ``location``
(as worded), ``reading`` (how geomap read it), ``quote``, ``report``, ``url``, ``where_prec``,
``geo_precision``, ``radius_km``, and for each line that applies to any claim ``<line>_side`` and
``<line>_verdict`` (the sentence).

Examples
--------
>>> from geomap.claims import read_claims_text
>>> from geomap.incidents import claims_frame
>>> frame = claims_frame(read_claims_text('''
... incidents:
...   - id: demo
...     date: 2017-11-23
...     claims:
...       - {id: ru, claimant: Russia, location: west side of the Euphrates near Mayadin}
... '''))
>>> table = export_table(frame)
>>> table[["claim_id", "where_prec", "geo_precision", "euphrates_side"]].values.tolist()
[['ru', 2, 2, 'west']]
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional
from xml.etree import ElementTree as ET

import numpy as np
import pandas as pd

from .errors import InputError

__all__ = ["FORMATS", "export_table", "export_claims", "to_kml", "acled_geo_precision"]

#: File suffix -> format name.
FORMATS = {".geojson": "geojson", ".json": "geojson", ".gpkg": "gpkg", ".csv": "csv", ".kml": "kml",
           ".parquet": "parquet"}

_COLUMNS = ["incident", "claim_id", "party", "speaker", "date", "location", "reading", "quote", "report",
            "url"]


def acled_geo_precision(where_prec) -> np.ndarray:
    """ACLED's ``geo_precision`` from UCDP's ``where_prec``: 1 the place itself, 2 near it (a part of a
    region), 3 a larger region or coarser."""
    w = pd.to_numeric(pd.Series(where_prec), errors="coerce").to_numpy(float)
    return np.where(w <= 1, 1, np.where(w == 2, 2, 3)).astype(int)


def export_table(frame, lines: Optional[list] = None, *, verdicts=None):
    """The claims as a GeoDataFrame of export columns (areas as geometry), verdicts flattened per line."""
    import geopandas as gpd

    from .incidents import check_claims_frame
    from .verdicts import applicable_lines, verdict_columns, verdict_table

    check_claims_frame(frame)
    frame = frame.reset_index(drop=True)
    table = verdict_table(frame, lines) if verdicts is None else verdicts
    out = pd.DataFrame({c: frame[c] if c in frame else None for c in _COLUMNS})
    prec = frame["precision"] if "precision" in frame else pd.Series([None] * len(frame))
    out["where_prec"] = pd.to_numeric(prec, errors="coerce").astype("Int64")
    out["geo_precision"] = acled_geo_precision(prec)
    out["radius_km"] = frame["radius_km"] if "radius_km" in frame else np.nan
    from .render.elements import frame_colors

    palette = frame_colors(frame)
    out["color"] = [palette[str(p)] for p in frame["party"]]  # for styling in QGIS, Google Earth
    names = applicable_lines(table) or list(dict.fromkeys(table["line"]))
    wide = verdict_columns(table, len(frame), names)
    for col in [c for c in wide.columns if c.endswith(("_side", "_verdict"))]:
        out[col] = wide[col].to_numpy()
    return gpd.GeoDataFrame(out, geometry=frame.geometry.to_numpy(), crs="EPSG:4326")


def _points(gdf) -> tuple:
    import shapely

    geoms = gdf.geometry.to_numpy()
    pts = np.where(shapely.get_type_id(geoms) == 0, geoms, shapely.point_on_surface(geoms))
    return np.round(shapely.get_x(pts), 6), np.round(shapely.get_y(pts), 6)


def to_csv(gdf) -> str:
    import shapely

    df = pd.DataFrame(gdf.drop(columns=gdf.geometry.name))
    df["longitude"], df["latitude"] = _points(gdf)
    df["wkt"] = shapely.to_wkt(gdf.geometry.to_numpy(), rounding_precision=6)
    return df.to_csv(index=False, lineterminator="\n")


def _kml_color(hex_rgb: str, alpha: int) -> str:
    """KML's aabbggrr from #rrggbb."""
    r, g, b = hex_rgb[1:3], hex_rgb[3:5], hex_rgb[5:7]
    return f"{alpha:02x}{b}{g}{r}".lower()


def _kml_coords(coords) -> str:
    return " ".join(f"{x:.6f},{y:.6f}" for x, y, *_ in coords)


def _kml_geometry(parent, geom) -> None:
    kind = geom.geom_type
    if kind == "Point":
        ET.SubElement(ET.SubElement(parent, "Point"), "coordinates").text = _kml_coords([geom.coords[0]])
    elif kind == "LineString":
        ET.SubElement(ET.SubElement(parent, "LineString"), "coordinates").text = _kml_coords(geom.coords)
    elif kind == "Polygon":
        poly = ET.SubElement(parent, "Polygon")
        ring = ET.SubElement(ET.SubElement(poly, "outerBoundaryIs"), "LinearRing")
        ET.SubElement(ring, "coordinates").text = _kml_coords(geom.exterior.coords)
        for hole in geom.interiors:
            inner = ET.SubElement(ET.SubElement(poly, "innerBoundaryIs"), "LinearRing")
            ET.SubElement(inner, "coordinates").text = _kml_coords(hole.coords)
    elif kind.startswith("Multi") or kind == "GeometryCollection":
        multi = ET.SubElement(parent, "MultiGeometry")
        for part in geom.geoms:
            _kml_geometry(multi, part)


def to_kml(gdf, *, name: str = "geomap claims") -> bytes:
    """KML 2.2: one Folder per claimant, a Style per claimant (its colour), a Placemark per claim."""
    import shapely

    from .render.elements import party_colors

    colors = (dict(zip(gdf["party"].astype(str), gdf["color"])) if "color" in gdf
              else party_colors(gdf["party"]))
    ns = "http://www.opengis.net/kml/2.2"
    root = ET.Element("kml", xmlns=ns)
    doc = ET.SubElement(root, "Document")
    ET.SubElement(doc, "name").text = name
    style_of = {}
    for i, (party, color) in enumerate(sorted(colors.items())):
        style_of[party] = f"party-{i}"
        style = ET.SubElement(doc, "Style", id=style_of[party])
        ET.SubElement(ET.SubElement(style, "LineStyle"), "color").text = _kml_color(color, 0xFF)
        ET.SubElement(ET.SubElement(style, "PolyStyle"), "color").text = _kml_color(color, 0x44)
        icon = ET.SubElement(style, "IconStyle")
        ET.SubElement(icon, "color").text = _kml_color(color, 0xFF)
    verdict_cols = [c for c in gdf.columns if c.endswith("_verdict")]
    for party, rows in gdf.groupby("party", sort=False):
        folder = ET.SubElement(doc, "Folder")
        ET.SubElement(folder, "name").text = str(party)
        for _, r in rows.iterrows():
            pm = ET.SubElement(folder, "Placemark")
            ET.SubElement(pm, "name").text = str(r["claim_id"])
            lines = [f"{r['party']}: \u201c{r['location'] or ''}\u201d", f"Read as: {r['reading'] or ''}"]
            lines += [str(r[c]) for c in verdict_cols if isinstance(r[c], str)]
            if isinstance(r["quote"], str) and r["quote"]:
                lines.append(f"Quote: \u201c{r['quote']}\u201d ({r['report'] or ''})")
            ET.SubElement(pm, "description").text = "\n".join(lines)  # plain text: escaped by ElementTree
            if isinstance(r["date"], str) and r["date"]:
                ET.SubElement(ET.SubElement(pm, "TimeStamp"), "when").text = r["date"]
            ET.SubElement(pm, "styleUrl").text = f"#{style_of[str(party)]}"
            geom = r.geometry
            if geom is not None and not geom.is_empty:
                _kml_geometry(pm, shapely.set_precision(geom, 1e-6) if geom.geom_type != "Point" else geom)
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8")


def export_claims(frame, path: os.PathLike, *, fmt: Optional[str] = None, lines: Optional[list] = None) -> Path:
    """Write claims, their areas and verdicts to ``path`` (format from ``fmt`` or the suffix), atomically."""
    import tempfile

    from .io import atomic_write, dump_features

    path = Path(path)
    fmt = fmt or FORMATS.get(path.suffix.lower())
    if fmt not in set(FORMATS.values()):
        raise InputError(f"cannot tell the format of {path.name!r}", source=str(path),
                         hint="name the file .kml, .gpkg, .csv, .geojson or .parquet, or pass --format")
    gdf = export_table(frame, lines)
    if fmt == "csv":
        return atomic_write(path, to_csv(gdf))
    if fmt == "kml":
        return atomic_write(path, to_kml(gdf))
    if fmt == "geojson":
        import json

        return atomic_write(path, dump_features(json.loads(gdf.to_json(drop_id=True))["features"]))
    if fmt == "parquet":
        from importlib.util import find_spec

        if find_spec("pyarrow") is None:
            raise InputError("writing GeoParquet needs pyarrow", source=str(path),
                             hint="pip install 'geomap[parquet]'")
    # GeoPackage and GeoParquet: written beside, then moved into place whole.
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=path.parent, prefix=f".{path.name}.{os.getpid()}.") as tmp:
        part = Path(tmp) / path.name
        if fmt == "parquet":
            gdf.to_parquet(part, index=False)
        else:
            gdf.to_file(part, driver="GPKG", layer="claims", engine="pyogrio")
        os.replace(part, path)
    return path
