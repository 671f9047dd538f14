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

from .bulk import gc_paused
from .lines import get_line
from .sides import share_dict
from .verdicts import _where

__all__ = ["CLAIMS_SCHEMA", "check_claims_frame", "claims_frame", "classify_claims", "compare_incident",
           "incident_report", "claim_anchors"]

#: The claims frame: column -> (type, meaning). ``claim_id``, ``party`` and the geometry are
#: required wherever a frame enters the library (:func:`check_claims_frame`); the rest are optional.
CLAIMS_SCHEMA = {
    "incident": ("str", "incident id"),
    "incident_date": ("str|None", "ISO date of the incident"),
    "incident_title": ("str|None", "the incident's title"),
    "incident_summary": ("str|None", "the incident's summary"),
    "claim_id": ("str", "claim id, unique in the frame"),
    "party": ("str", "who claims it (the party: a layer and a colour)"),
    "speaker": ("str|None", "who said it for the party"),
    "claim": ("str|None", "what is claimed"),
    "location": ("str|None", "the position as worded"),
    "report": ("str|None", "the source report"),
    "quote": ("str|None", "the quoted sentence"),
    "url": ("str|None", "the source's address"),
    "date": ("str|None", "ISO date of the claim (else the incident's)"),
    "precision": ("int", "UCDP where_prec code of the claim's area (1 exact ... 7 none)"),
    "radius_km": ("float", "radius of a disc with the area's size"),
    "disc_km": ("float|None", "radius when the area is a disc around the point"),
    "reading": ("str", "how geomap read the location"),
    "notes": ("str", "anything a reader should know about the reading"),
    "places": ("list[str]", "gazetteer names the location names"),
    "place_ids": ("list[str]", "their gazetteer ids"),
    "point_lon": ("float|None", "the claim's point when it names one place or coordinates"),
    "point_lat": ("float|None", ""),
    "country_code": ("str|None", "ISO code of the country of the place at the point"),
    "source_file": ("str|None", "the claims file"),
    "source_line": ("int|None", "the claim's line in that file"),
    "side_of": ("str|None", "the line whose side the wording names ('west of the Euphrates')"),
    "lines": ("list[str]", "the incident's own lines (empty: the built-in ones)"),
    "resolution": ("str", "how each name was resolved: status, what it stands on, the context used"),
    "draft": ("str", "non-empty for a claim drafted by geomap extract and not yet checked"),
    "citation": ("str", "the report as readers cite it (author, title, outlet, date, URL)"),
    "party_color": ("str", "the party's colour set by the claims file ('' for the palette's)"),
    "denies": ("str", "the id of the claim this one denies"),
}

#: Claims whose area is wider than this (equivalent radius, km) are anchored near the others.
WIDE_KM = 60.0


@gc_paused()
def claims_frame(incidents: Iterable, *, gazetteer=None, lines=None):
    """One row per claim, with its geometry (EPSG:4326) and how it was read.

    The columns are :data:`CLAIMS_SCHEMA`, plus ``geometry`` (the claim's
    honest area, EPSG:4326).
    """
    import geopandas as gpd
    import pandas as pd
    import shapely

    read = list(read_jointly(list(incidents), gazetteer=gazetteer, lines=lines, defer_discs=True))
    rows = [_row(inc, c, cg) for inc, c, cg in read]
    frame = (pd.DataFrame({k: list(v) for k, v in zip(_ROW_COLUMNS, zip(*rows))}) if rows
             else pd.DataFrame(columns=list(CLAIMS_SCHEMA)))  # no claims: its columns
    points = np.array([cg.point for *_, cg in read], dtype=object)
    frame["point_lon"], frame["point_lat"] = shapely.get_x(points), shapely.get_y(points)
    geoms = _with_discs(np.array([cg.geometry for *_, cg in read], dtype=object), frame)
    from .geodesy import equivalent_radius_km

    frame["radius_km"] = np.round(equivalent_radius_km(geoms), 2)
    _warn_duplicates(frame)
    _warn_swapped_in_context(frame, geoms)
    return gpd.GeoDataFrame(frame, geometry=geoms, crs="EPSG:4326")


#: The columns :func:`_row` gives, in its order.
_ROW_COLUMNS = ("incident", "incident_date", "incident_title", "incident_summary", "claim_id", "party",
                "speaker", "claim", "location", "report", "quote", "url", "citation", "date", "precision",
                "disc_km", "reading", "notes", "places", "place_ids", "point_lon", "point_lat", "country_code",
                "source_file", "source_line", "side_of", "lines", "resolution", "draft", "party_color",
                "denies")


def _row(inc, c, cg) -> tuple:
    """A claim's columns (:data:`_ROW_COLUMNS`); its point, its area's size and its geometry are
    filled for all at once."""
    date = c.date or inc.date
    return (
        inc.id, inc.date.isoformat() if inc.date else None, inc.title, inc.summary, c.id, c.party,
        c.speaker, c.text, c.location, c.report, c.quote, c.url,
        c.citation or (f"{c.report} (report file)" if c.report else ""), date.isoformat() if date else None,
        cg.precision, cg.disc_km, "; ".join(cg.parts), "; ".join(cg.notes),
        [p.name for p in cg.places], [p.id for p in cg.places], None, None, _point_country(cg),
        c.source_file, c.line, cg.line, list(inc.lines), resolution_summary(cg.resolutions),
        "drafted by geomap extract, not yet checked" if c.drafted else "", c.color, c.denies,
    )


def _with_discs(geoms: np.ndarray, frame) -> np.ndarray:
    """Fill the discs left to build (geometry None, a point and a radius) in one vectorised call."""
    from .geodesy import discs

    radius = frame["disc_km"].to_numpy(dtype=float, na_value=np.nan)
    todo = np.flatnonzero(np.array([g is None for g in geoms], dtype=bool) & (radius > 0))
    if len(todo):
        geoms[todo] = discs(frame["point_lon"].to_numpy()[todo], frame["point_lat"].to_numpy()[todo],
                            radius[todo])
    return geoms


def resolution_summary(resolutions) -> str:
    """"Ja'Din: resolved by context (Ath Thawrah); Tabqa: resolved, exact" for one claim."""
    parts = []
    for r in resolutions:
        how = f"{r.status}, {r.match}" + (f" ({', '.join(r.context)})" if r.context else "")
        parts.append(f"{r.query}: {how}")
    return "; ".join(parts)


#: Weight of the places named elsewhere in the same file (an incident's own places weigh 1).
FILE_ANCHOR_WEIGHT = 0.6


def read_jointly(incidents: list, *, gazetteer=None, lines=None, defer_discs: bool = False):
    """(incident, claim, ClaimGeometry) for every claim, its names read in context.

    A first reading takes each claim alone (with its incident's or file's
    ``region``). Names it left ambiguous are read again with the places read
    without doubt elsewhere as context: those of the same incident in full,
    those of the rest of the file at :data:`FILE_ANCHOR_WEIGHT`.

    With ``defer_discs``, discs around explicit coordinates are left for the
    caller to build at once (their geometry is None; see
    :func:`geomap.relations.claim_geometry`).
    """
    from .relations import joint_anchors, plain_coordinates

    gaz = gazetteer  # None: the default one, loaded only if a claim has names to read
    first = []
    for inc in incidents:
        base = _region_context(gaz, inc)
        near = None
        for c in inc.claims:
            cg = plain_coordinates(c.where or c.location, c.coordinates)  # nothing to read: made below
            if cg is None:
                cg = c.geometry(gazetteer=gaz, near=near, lines=lines, context=base, defer_disc=defer_discs)
            first.append((inc, c, cg, base, near))  # the point of an earlier claim, never its own
            if near is None:
                near = cg if isinstance(cg, tuple) else (cg.point.x, cg.point.y) if cg.point is not None else None
    first = _with_coordinate_geometries(first, defer_discs)
    by_incident: dict = {}
    for inc, c, cg, *_ in first:
        by_incident.setdefault(inc.id, []).extend(cg.resolutions)
    file_anchors = joint_anchors([r for rs in by_incident.values() for r in rs], FILE_ANCHOR_WEIGHT)
    for inc, c, cg, base, near in first:
        if not cg.resolutions or not any(r.status == "ambiguous" for r in cg.resolutions):
            yield inc, c, cg
            continue
        own = joint_anchors(by_incident[inc.id])
        ids = {a.place.id for a in own}
        anchors = own + [a for a in file_anchors if a.place.id not in ids]
        yield inc, c, c.geometry(gazetteer=gaz, near=near, lines=lines, context=base.with_anchors(anchors),
                                 defer_disc=defer_discs)


def _with_coordinate_geometries(first: list, defer_discs: bool) -> list:
    """``first`` with the claims that are nothing but coordinates given their geometries at once."""
    from .relations import coordinate_geometries

    todo = [i for i, (_, _, cg, _, _) in enumerate(first) if isinstance(cg, tuple)]
    if not todo:
        return first
    claims = [first[i][1] for i in todo]
    made = coordinate_geometries([c.where or c.location for c in claims], [first[i][2][0] for i in todo],
                                 [first[i][2][1] for i in todo], [c.uncertainty_km for c in claims],
                                 defer_disc=defer_discs)
    out = list(first)
    for i, cg in zip(todo, made):
        inc, c, _, base, near = first[i]
        out[i] = (inc, c, cg, base, near)
    return out


def _region_context(gaz, inc):
    from .context import NO_CONTEXT, make_context

    if not inc.region:
        return NO_CONTEXT
    from .claims import ClaimFormatError
    from .errors import ContextError
    from .gazetteer import Gazetteer

    try:
        return make_context(gaz or Gazetteer.default(), region=inc.region)
    except ContextError as err:
        raise ClaimFormatError(str(err), source=inc.source_file, line=inc.line, field="region",
                               hint="a governorate, district or subdistrict, a P-code, a country "
                                    "or W,S,E,N") from err


#: A point this far from its incident's other claims, whose swap lies this near them, looks swapped (km).
SWAP_FAR_KM, SWAP_NEAR_KM = 300.0, 100.0


def _warn_swapped_in_context(frame, geoms: np.ndarray) -> None:
    """Warn when a claim's coordinates are far from the other claims of its incident but their swap is near.

    "The other claims" is the middle of their areas (the mean of their centroids), for every
    claim at once.
    """
    import warnings

    import pandas as pd
    import shapely

    from .errors import GeomapWarning
    from .geodesy import haversine_km

    if not len(frame):
        return
    ok = ~shapely.is_missing(geoms)
    ok[ok] = ~shapely.is_empty(geoms[ok])
    cx, cy = np.full(len(geoms), np.nan), np.full(len(geoms), np.nan)
    cent = shapely.centroid(geoms[ok])
    cx[ok], cy[ok] = shapely.get_x(cent), shapely.get_y(cent)
    df = pd.DataFrame({"inc": frame["incident"].to_numpy(), "x": np.nan_to_num(cx), "y": np.nan_to_num(cy),
                       "n": ok.astype(float)})
    sums = df.groupby("inc", sort=False)[["x", "y", "n"]].transform("sum")
    n_others = sums["n"].to_numpy() - df["n"].to_numpy()
    ox = (sums["x"].to_numpy() - df["x"].to_numpy()) / np.where(n_others > 0, n_others, np.nan)
    oy = (sums["y"].to_numpy() - df["y"].to_numpy()) / np.where(n_others > 0, n_others, np.nan)
    lon, lat = frame["point_lon"].to_numpy(float), frame["point_lat"].to_numpy(float)
    coords = frame["reading"].str.startswith("coordinates").to_numpy(bool)
    far = haversine_km(lon, lat, ox, oy)
    near_if_swapped = haversine_km(lat, lon, ox, oy)
    with np.errstate(invalid="ignore"):
        flagged = np.flatnonzero(coords & (far > SWAP_FAR_KM) & (near_if_swapped < SWAP_NEAR_KM))
    for i in flagged:
        r = frame.iloc[i]
        warnings.warn(f"{r['source_file'] or 'claims'}: claim {r['claim_id']!r} is "
                      f"{far[i]:.0f} km from the other claims of incident "
                      f"{r['incident']!r}, but with latitude and longitude swapped it would be among "
                      "them: are they swapped?", GeomapWarning, stacklevel=3)


def _warn_duplicates(frame) -> None:
    """Warn about claims of one incident that repeat another's party and location word for word."""
    import warnings

    from .errors import GeomapWarning

    key = frame[["incident", "party", "point_lon", "point_lat"]].assign(
        location=frame["location"].fillna("").str.strip().str.lower())
    again = key.duplicated(keep="first").to_numpy()
    if not again.any():
        return
    first = frame["claim_id"].groupby([key[c] for c in key.columns], sort=False, dropna=False).transform("first")
    for i in np.flatnonzero(again):
        r = frame.iloc[i]
        warnings.warn(f"{r['source_file'] or 'claims'}: claims {first.iloc[i]!r} and {r['claim_id']!r} of incident "
                      f"{r['incident']!r} repeat the same party and location (a duplicate?)",
                      GeomapWarning, stacklevel=3)


def check_claims_frame(frame, *, what: str = "claims") -> None:
    """Raise :class:`geomap.errors.InputError` when ``frame`` is not a claims frame.

    >>> import geopandas as gpd
    >>> check_claims_frame(gpd.GeoDataFrame({"claim_id": ["a"]}, geometry=[None]))
    Traceback (most recent call last):
    ...
    geomap.errors.InputError: claims: the frame has no column 'party' ...
    """
    from .errors import InputError

    if not hasattr(frame, "geometry"):
        raise InputError(f"{what}: expected a GeoDataFrame with a geometry column",
                         hint="make one with geomap.incidents.claims_frame")
    for col in ("claim_id", "party"):
        if col not in frame:
            raise InputError(f"{what}: the frame has no column {col!r} (see geomap.incidents.CLAIMS_SCHEMA)",
                             hint="make one with geomap.incidents.claims_frame")
    ids = frame["claim_id"]
    if not ids.is_unique:
        dup = ids[ids.duplicated()]
        raise InputError(f"{what}: claim id {dup.iloc[0]!r} is used twice", hint="give every claim its own id")


def _point_country(cg) -> Optional[str]:
    """The country the gazetteer puts a claim's point in (the place at that point), if any."""
    if cg.point is None:
        return None
    for p in cg.places:
        if abs(p.longitude - cg.point.x) < 1e-6 and abs(p.latitude - cg.point.y) < 1e-6:
            return p.country_code or None
    return None


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
    where = np.asarray(where, dtype=object)
    is_point = shapely.get_type_id(where) == 0
    anchors = where.copy()
    anchors[~is_point] = shapely.point_on_surface(where[~is_point])
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
    """The claims frame with one line's verdict columns (a copy): a view of :func:`geomap.verdicts.verdict_table`.

    Columns added: ``side`` (a label, ``straddles``, ``not_applicable`` or
    None), ``side_share``, ``distance_km``, ``near_line``, ``applies``,
    ``reason``, ``line`` and ``verdict`` (the sentence for readers).
    """
    from .verdicts import verdict_table

    ln = get_line(line)
    out = frame.copy()
    table = verdict_table(out, [ln], tolerance_km=tolerance_km)
    out["side"] = table["side"].to_numpy()
    out["side_share"] = [share_dict(s, a, b, o, ln) for s, a, b, o in
                         table[["side", "share_left", "share_right", "share_outside"]].itertuples(index=False)]
    out["distance_km"] = table["distance_km"].to_numpy()
    out["near_line"] = table["near_line"].to_numpy()
    out["applies"] = table["applies"].to_numpy()
    out["reason"] = table["reason"].to_numpy()
    out["line"] = ln.name
    out["verdict"] = table["sentence"].to_numpy()
    return out


def compare_incident(frame, *, lines=None) -> list:
    """Pairs of competing claims of one incident: see :func:`geomap.verdicts.compare_claims`."""
    from .verdicts import compare_claims, verdict_table

    frame = frame.reset_index(drop=True)
    return compare_claims(frame, verdict_table(frame, lines))


def incident_report(frame, *, lines=None) -> dict:
    """Per incident: every claim's verdict under each line, and the pairwise comparison (``--compare``)."""
    from .verdicts import compare_claims, verdict_table

    frame = frame.reset_index(drop=True)
    table = verdict_table(frame, lines)
    pairs = compare_claims(frame, table)
    cols = ["claim_id", "side", "applies", "distance_km", "near_line", "reason", "sentence"]
    report = {}
    for inc_id, members in frame.groupby("incident", sort=False).indices.items():
        rows = table[table["row"].isin(members)]
        report[inc_id] = {
            "lines": list(dict.fromkeys(rows["line"])),
            "verdicts": {ln: part[cols].to_dict("records") for ln, part in rows.groupby("line", sort=False)},
            "pairs": [p for p in pairs if p["incident"] == inc_id],
        }
    return report
