"""Incidents as GeoDataFrames: claim geometries, side verdicts, and whether
competing claims can both be true.

Examples
--------
>>> from geomap.claims import read_claims_text
>>> incs = read_claims_text('''
... incidents:
...   - id: demo
...     date: 2017-11-23
...     claims:
...       - {id: us, claimant: US, location: east of the Euphrates}
...       - {id: ru, claimant: Russia, location: west side of the Euphrates near Mayadin}
... ''')
>>> frame = claims_frame(incs)
>>> classify_claims(frame, "euphrates")["side"].tolist()
['east', 'west']
>>> compare_incident(frame)[0]["compatible"]
False
"""

from __future__ import annotations

from typing import Iterable, Optional

import numpy as np

from .lines import builtin_lines, get_line
from .sides import share_dict, side_of_geometries, verdict_texts

__all__ = ["claims_frame", "classify_claims", "compare_incident", "incident_report", "claim_anchors",
           "lines_for_incident"]

#: Claims whose area is wider than this (equivalent radius, km) are anchored near the others.
WIDE_KM = 60.0


def claims_frame(incidents: Iterable, *, gazetteer=None, lines=None):
    """One row per claim, with its geometry (EPSG:4326) and how it was read.

    Columns: ``incident, incident_date, incident_title, claim_id, party,
    speaker, claim, location, report, quote, url, precision, radius_km,
    reading, notes, places, point_lon, point_lat, source_file, line`` and
    ``geometry`` (the claim's honest area).
    """
    import geopandas as gpd

    rows, geoms = [], []
    for inc in incidents:
        context = None
        for c in inc.claims:
            cg = c.geometry(gazetteer=gazetteer, near=context, lines=lines)
            if context is None and cg.point is not None:
                context = (cg.point.x, cg.point.y)
            rows.append({
                "incident": inc.id, "incident_date": inc.date.isoformat() if inc.date else None,
                "incident_title": inc.title, "claim_id": c.id, "party": c.party, "speaker": c.speaker,
                "claim": c.text, "location": c.location, "report": c.report, "quote": c.quote,
                "url": c.url, "date": (c.date or inc.date).isoformat() if (c.date or inc.date) else None,
                "precision": cg.precision, "radius_km": round(cg.radius_km, 2), "disc_km": cg.disc_km,
                "reading": "; ".join(cg.parts), "notes": "; ".join(cg.notes),
                "places": [p.name for p in cg.places], "place_ids": [p.id for p in cg.places],
                "point_lon": cg.point.x if cg.point is not None else None,
                "point_lat": cg.point.y if cg.point is not None else None,
                "source_file": c.source_file, "line": c.line, "lines": list(inc.lines),
            })
            geoms.append(cg.geometry)
    return gpd.GeoDataFrame(rows, geometry=geoms, crs="EPSG:4326")


def _where(frame) -> np.ndarray:
    """What a side is decided on: the claim's point when it names one place, else its area."""
    import shapely

    pts = shapely.points(frame["point_lon"].astype(float).fillna(np.nan).to_numpy(),
                         frame["point_lat"].astype(float).fillna(np.nan).to_numpy())
    has_pt = frame["point_lon"].notna().to_numpy()
    return np.where(has_pt, pts, frame.geometry.to_numpy())


def claim_anchors(frame) -> np.ndarray:
    """One point per claim, where a map puts its marker and distances are measured from.

    A claim of a place or coordinates is anchored at its point, a compact
    area at a point inside it. A wide area ("east of the Euphrates", a
    country's airspace) is anchored at its point nearest to the incident's
    compact claims, so that distances between competing claims mean
    something.
    """
    import shapely
    from shapely.ops import nearest_points

    frame = frame.reset_index(drop=True)
    where = _where(frame)
    anchors = np.array([w if w.geom_type == "Point" else shapely.point_on_surface(w) for w in where],
                       dtype=object)
    radius = frame["radius_km"].fillna(0).to_numpy(float) if "radius_km" in frame else np.zeros(len(frame))
    wide = (radius > WIDE_KM) & (shapely.get_type_id(where) != 0)
    if not wide.any():
        return anchors
    groups = frame.groupby("incident", sort=False).indices if "incident" in frame else {0: np.arange(len(frame))}
    for members in groups.values():
        if not wide[members].any():
            continue
        compact = [anchors[i] for i in members if not wide[i]]
        if not compact:
            continue
        focus = shapely.centroid(shapely.multipoints(compact))
        for i in members:
            if wide[i]:
                area = where[i]
                anchors[i] = focus if area.contains(focus) else nearest_points(area, focus)[0]
    return anchors


def classify_claims(frame, line, *, tolerance_km: Optional[float] = None):
    """Side verdict columns for a claims frame under one line (returns a copy).

    Claims of a place or of coordinates are decided on their point (and
    flagged ``near_line`` within the line's accuracy); other claims on their
    area, which may ``straddle`` the line.
    """
    ln = get_line(line)
    out = frame.copy()
    if len(out) == 0:
        for col in ("side", "side_share", "distance_km", "near_line", "line", "verdict"):
            out[col] = []
        return out
    where = _where(out)
    areas = out.geometry.to_numpy()
    v = side_of_geometries(where, ln, tolerance_km=tolerance_km)
    same = len(where) == len(areas) and all(a is w for a, w in zip(areas, where))
    va = v if same else side_of_geometries(areas, ln, tolerance_km=tolerance_km)
    out["side"] = v["side"]
    # Shares always describe the claim's area (a town's extent may straddle even
    # when its point is clearly on one side).
    out["side_share"] = [share_dict(s, a, b, o, ln) for s, a, b, o in
                         zip(va["side"], va["share_left"], va["share_right"], va["share_outside"])]
    out["distance_km"] = np.round(v["distance_km"], 2)
    out["near_line"] = v["near_line"]
    out["line"] = ln.name
    out["verdict"] = verdict_texts(v, ln)
    return out


def lines_for_incident(date, names, lines) -> list:
    """The lines to judge an incident by: given ``lines``, else the incident's own, else those in force."""
    if lines:
        return [get_line(x) for x in lines]
    if names:
        return [get_line(x) for x in names]
    return [ln for ln in builtin_lines() if ln.applies_on(date)]


def compare_incident(frame, *, lines=None) -> list:
    """Pairwise comparison of competing claims (claims of different parties).

    Returns
    -------
    list of dict
        One per pair: ``a``, ``b`` (claim ids), ``party_a``, ``party_b``,
        ``compatible`` (the areas intersect: both can be true),
        ``distance_km`` (between the areas; 0 when they meet),
        ``centre_distance_km`` (between their anchors, see :func:`claim_anchors`), and
        ``sides``: for each line in force on the date, each claim's side.
    """
    import shapely

    from .geodesy import haversine_km

    out = []
    rows = frame.reset_index(drop=True)
    where = _where(rows)
    geoms = rows.geometry.to_numpy()
    date = rows["incident_date"].iloc[0] if len(rows) and "incident_date" in rows else None
    active = lines_for_incident(date, rows["lines"].iloc[0] if len(rows) and "lines" in rows else None, lines)
    verdicts = {ln.name: side_of_geometries(where, ln) for ln in active}
    n = len(rows)
    ia, ib = np.triu_indices(n, k=1)
    keep = rows["party"].to_numpy()[ia] != rows["party"].to_numpy()[ib]
    ia, ib = ia[keep], ib[keep]
    if not len(ia):
        return out
    ga, gb = geoms[ia], geoms[ib]
    # Both can be true only if the areas share ground: touching edges, or the slivers
    # that splitting along a shared line leaves, are not enough (1e-6 deg² ~ 0.01 km²).
    both_areas = (shapely.get_dimensions(ga) == 2) & (shapely.get_dimensions(gb) == 2)
    shared = shapely.area(shapely.intersection(ga, gb))
    meets = np.where(both_areas, shared > 1e-6, shapely.intersects(ga, gb))
    sl = shapely.shortest_line(ga, gb)
    p0, p1 = shapely.get_point(sl, 0), shapely.get_point(sl, 1)
    gap = haversine_km(shapely.get_x(p0), shapely.get_y(p0), shapely.get_x(p1), shapely.get_y(p1))
    anchors = claim_anchors(rows)
    ca, cb = anchors[ia], anchors[ib]
    centre = haversine_km(shapely.get_x(ca), shapely.get_y(ca), shapely.get_x(cb), shapely.get_y(cb))
    for k, (i, j) in enumerate(zip(ia, ib)):
        out.append({
            "incident": rows.at[i, "incident"],
            "a": rows.at[i, "claim_id"], "b": rows.at[j, "claim_id"],
            "party_a": rows.at[i, "party"], "party_b": rows.at[j, "party"],
            "compatible": bool(meets[k]),
            "distance_km": 0.0 if meets[k] else round(float(gap[k]), 2),
            "centre_distance_km": round(float(centre[k]), 2),
            "sides": {name: [v["side"][i], v["side"][j]] for name, v in verdicts.items()},
        })
    return out


def incident_report(frame, *, lines=None) -> dict:
    """Per incident: its claims' verdicts under each line in force, and the pairwise comparison."""
    report = {}
    for inc_id, rows in frame.groupby("incident", sort=False):
        date = rows["incident_date"].iloc[0]
        active = lines_for_incident(date, rows["lines"].iloc[0], lines)
        report[inc_id] = {
            "lines": [ln.name for ln in active],
            "verdicts": {ln.name: classify_claims(rows, ln)[["claim_id", "side", "distance_km",
                                                              "near_line", "verdict"]].to_dict("records")
                         for ln in active},
            "pairs": compare_incident(rows, lines=lines),
        }
    return report
