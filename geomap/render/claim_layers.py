"""Claims as map layers: the columns a popup and a drawing need, one layer per party or one cloud.

:func:`claim_layers` makes one :class:`~geomap.render.elements.ClaimLayer` per party (a Leaflet
layer per claim, for the maps people read claim by claim); :func:`add_cloud` puts every claim in
one :class:`~geomap.render.cloud.ClaimCloud` (for maps at scale). Both read the same columns
(:func:`claim_columns`), so a claim says the same in either.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .cloud import ClaimCloud, CloudParty, cloud_payload
from .elements import ClaimLayer, claim_payload

__all__ = ["public_notes", "popup_verdicts", "claim_columns", "claim_layers", "add_cloud"]

_STRING_KEYS = ["claim_id", "incident", "incident_title", "party", "speaker", "claim", "location",
                "reading", "report", "quote", "notes", "date", "name", "query", "draft", "denies",
                "citation"]
_NUMBER_KEYS = ["precision", "radius_km"]


def public_notes(notes) -> str:
    """A claim's notes without geomap's own parse messages (for the analyst, never for a page).

    >>> public_notes("the words were not read: x; 'Hajin' is ambiguous")
    "'Hajin' is ambiguous"
    """
    if not isinstance(notes, str):
        return notes
    from ..relations import UNREAD_NOTE

    return "; ".join(n for n in notes.split("; ") if not n.startswith(UNREAD_NOTE))


def _round_geojson(geom, nd: int = 5):
    import shapely
    from shapely.geometry import mapping

    return mapping(shapely.set_precision(geom, 10 ** -nd)) if geom.geom_type != "Point" else \
        {"type": "Point", "coordinates": [round(geom.x, nd), round(geom.y, nd)]}


def popup_verdicts(frame, table, active) -> dict:
    """"verdict:<line>" -> each claim's sentence, for the lines drawn (what popups show), as a
    categorical (missing where the line did not judge the claim)."""
    from ..verdicts import line_label

    drawn = {ln.name: line_label(ln) for ln in active}
    rows = table["row"].to_numpy(int)
    sentences = pd.Categorical(table["sentence"])
    by_label = {}
    for label in dict.fromkeys(drawn.values()):
        mine = np.flatnonzero(table["line"].isin([k for k, v in drawn.items() if v == label]).to_numpy(bool))
        if len(mine):
            by_label[label] = _last_per_row(rows, mine)
    out = {}
    # Columns in the order a reader meets them: by the first claim each line judges.
    for label, mine in sorted(by_label.items(), key=lambda kv: rows[kv[1]].min()):
        codes = np.full(len(frame), -1, dtype=sentences.codes.dtype)
        codes[rows[mine]] = sentences.codes[mine]
        out["verdict:" + label] = pd.Categorical.from_codes(codes, dtype=sentences.dtype)
    return out


def _last_per_row(rows: np.ndarray, mine: np.ndarray) -> np.ndarray:
    """``mine`` with only the last of the entries that judge the same row (two lines of one label)."""
    if np.bincount(rows[mine]).max() <= 1:
        return mine
    _, last_from_end = np.unique(rows[mine][::-1], return_index=True)
    return np.sort(mine[len(mine) - 1 - last_from_end])


def _objects(values: pd.Categorical) -> np.ndarray:
    """A categorical's values as an object array, None where missing."""
    return np.array(values.categories.tolist() + [None], dtype=object)[values.codes]


def claim_columns(frame, vcols: dict, *, arrays: bool = True) -> dict:
    """What each claim's popup and drawing need, for layers and clouds alike (``arrays=False``:
    the text columns as the frame's own Series, which a cloud encodes without copying)."""
    import shapely

    from ..incidents import claim_anchors

    geoms = frame.geometry.to_numpy()
    has_pt = frame["point_lon"].notna().to_numpy() if "point_lon" in frame else np.zeros(len(frame), bool)
    is_point = shapely.get_type_id(geoms) == 0
    marker_at = claim_anchors(frame)
    disc = frame["disc_km"].astype(float).fillna(0).to_numpy() if "disc_km" in frame else np.zeros(len(frame))
    radius_col = frame["radius_km"].astype(float).fillna(0).to_numpy() if "radius_km" in frame else np.zeros(len(frame))
    string_keys = [k for k in _STRING_KEYS if k in frame]
    number_keys = [k for k in _NUMBER_KEYS if k in frame]
    cols = {k: frame[k].to_numpy() if arrays else frame[k] for k in string_keys + number_keys}
    if "notes" in cols:
        # geomap's own parse messages are for the analyst, never for a published page.
        codes, distinct = pd.factorize(pd.Series(cols["notes"], dtype=object), use_na_sentinel=False)
        cols["notes"] = np.array([public_notes(n) for n in distinct], dtype=object)[codes]
    cols.update(vcols if not arrays else {k: _objects(v) for k, v in vcols.items()})
    return {"geoms": geoms, "is_point": is_point, "has_point": has_pt | is_point, "marker_at": marker_at,
            "radius_m": np.where(disc > 0, disc, np.where(is_point, radius_col, 0.0)) * 1000.0,
            "cols": cols, "number_keys": number_keys,
            "skeys": ["claim_id"] + [k for k in string_keys if k != "claim_id"] + list(vcols),
            "xy": np.column_stack([shapely.get_x(marker_at), shapely.get_y(marker_at)])}


def add_cloud(m, frame, vcols: dict, colors: dict, simplify_deg: float, links) -> np.ndarray:
    """All claims as one :class:`~geomap.render.cloud.ClaimCloud`, a layer-control entry per party."""
    import shapely

    from ..verdicts import pair_arrays

    cc = claim_columns(frame, vcols, arrays=False)
    text = {k: cc["cols"][k] for k in cc["skeys"]}
    for k in cc["number_keys"]:
        vals = pd.to_numeric(pd.Series(cc["cols"][k]), errors="coerce").round(3)
        codes, distinct = pd.factorize(vals, use_na_sentinel=True)   # each distinct number written once
        text[k] = np.array([f"{v:g}" for v in distinct.tolist()] + [None], dtype=object)[codes]
    geoms = cc["geoms"]
    other = np.flatnonzero((cc["radius_m"] <= 0) & ~cc["is_point"] & ~shapely.is_missing(geoms))
    areas = _distinct_geojson(geoms[other], other, simplify_deg)
    pairs = pair_arrays(frame) if links else None
    payload = cloud_payload(frame, xy=cc["xy"], radius_m=cc["radius_m"], has_point=cc["has_point"],
                            colors=colors, text_columns=text, areas=areas, pairs=pairs,
                            number_keys=cc["number_keys"])
    layer = ClaimCloud(payload)
    layer.add_to(m)
    for k, p in enumerate(payload["parties"]):
        CloudParty(layer, k, p).add_to(m)
    return cc["marker_at"]


def _distinct_geojson(geoms, rows, simplify_deg: float) -> list:
    """(row, GeoJSON) for each row, each distinct geometry simplified and written once."""
    import shapely

    if not len(rows):
        return []
    codes, uniques = pd.factorize(pd.Series(shapely.to_wkb(geoms)))
    shapes = shapely.from_wkb(np.asarray(uniques, dtype=object))
    if simplify_deg:
        shapes = shapely.simplify(shapes, simplify_deg, preserve_topology=True)
    written = [_round_geojson(g) for g in shapes]
    return [(int(r), written[c]) for r, c in zip(rows, codes)]


def claim_layers(frame, vcols: dict, colors: dict, simplify_deg: float) -> tuple:
    """(one ClaimLayer per party, each claim's marker point)."""
    import shapely

    cc = claim_columns(frame, vcols)
    geoms, is_point, radius_m, has_pt = cc["geoms"], cc["is_point"], cc["radius_m"], cc["has_point"]
    cols, skeys, number_keys, xy, marker_at = cc["cols"], cc["skeys"], cc["number_keys"], cc["xy"], cc["marker_at"]
    party = frame["party"].astype(str).to_numpy()
    layers = []
    for p in pd.unique(party):
        idx = np.flatnonzero(party == p)
        areas = []
        for j, i in enumerate(idx):
            if radius_m[i] <= 0 and not is_point[i]:
                g = shapely.simplify(geoms[i], simplify_deg, preserve_topology=True) if simplify_deg else geoms[i]
                areas.append((j, _round_geojson(g)))
        payload = claim_payload({k: cols[k][idx] for k in skeys + number_keys}, skeys, number_keys,
                                xy[idx], radius_m[idx], areas, has_point=has_pt[idx])
        layers.append(ClaimLayer(p, colors[p], payload))
    return layers, marker_at
