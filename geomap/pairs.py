"""Competing claims compared: can two claims of one incident both be true?

Pairs are claims of one incident by different parties; they can both be true when their
areas share ground (and neither denies the other). Everything is computed for all pairs at
once.

Examples
--------
>>> from geomap.claims import read_claims_text
>>> from geomap.incidents import claims_frame
>>> frame = claims_frame(read_claims_text('''
... incidents:
...   - id: x
...     claims:
...       - {id: us, claimant: US, location: '35N 40E', uncertainty_km: 2}
...       - {id: ru, claimant: Russia, location: '35N 40.5E', uncertainty_km: 2}
... '''))
>>> compare_claims(frame)[0]["sentence"]
'US (us) and Russia (ru) cannot both be true: the places they claim are 41.5 km apart at their closest.'
"""

from __future__ import annotations

from typing import Optional

import numpy as np
import pandas as pd

__all__ = ["compare_claims", "pair_arrays", "pair_reason", "pair_sentence"]


def pair_reason(pair: dict) -> str:
    """Why two competing claims can or cannot both be true ("the places they claim overlap.")."""
    if pair.get("denial"):
        other = pair["b"] if pair["denial"] == pair["a"] else pair["a"]
        return f"{pair['denial']} denies {other}."
    if pair["compatible"]:
        return "the places they claim overlap."
    if pair["distance_km"] < 0.05:
        return "the places they claim only meet along their edges."
    return f"the places they claim are {pair['distance_km']:.1f} km apart at their closest."


def pair_sentence(pair: dict) -> str:
    """Whether two competing claims can both be true, for readers."""
    a, b = f"{pair['party_a']} ({pair['a']})", f"{pair['party_b']} ({pair['b']})"
    return f"{a} and {b} {'can' if pair['compatible'] else 'cannot'} both be true: {pair_reason(pair)}"


def compare_claims(frame, table: Optional[pd.DataFrame] = None) -> list:
    """Pairs of competing claims (different parties, same incident): can both be true?

    Returns
    -------
    list of dict
        One per pair: ``incident``, ``a``, ``b`` (claim ids), ``party_a``,
        ``party_b``, ``compatible`` (the areas share ground), ``distance_km``
        (between the areas; 0 when they meet), ``centre_distance_km`` (between
        the claims' anchors), ``sides`` (for each line applying to either
        claim: the two sides from ``table``), ``why`` (the reason) and
        ``sentence`` (both, for readers); ``denial`` (the id of the claim
        that denies the other) when one does: such a pair is never compatible.
    """
    from .verdicts import verdict_table

    frame = frame.reset_index(drop=True)
    table = verdict_table(frame) if table is None else table
    ia, ib = _pair_rows(frame)
    if not len(ia):
        return []
    meets, gap, centre = _pair_geometry(frame, ia, ib)
    lines_of, side_at = _pair_sides(frame, table)
    col = {k: frame[k].to_numpy(object) if k in frame else np.full(len(frame), None, dtype=object)
           for k in ("incident", "claim_id", "party", "denies")}
    out = []
    for k, (i, j) in enumerate(zip(ia.tolist(), ib.tolist())):
        inc = col["incident"][i]
        pair = {
            "incident": inc,
            "a": col["claim_id"][i], "b": col["claim_id"][j],
            "party_a": col["party"][i], "party_b": col["party"][j],
            "compatible": bool(meets[k]),
            "distance_km": 0.0 if meets[k] else round(float(gap[k]), 2),
            "centre_distance_km": round(float(centre[k]), 2),
            "sides": {ln: [side_at[(i, ln)], side_at[(j, ln)]] for ln in lines_of.get(inc, ())
                      if (i, ln) in side_at and (j, ln) in side_at},
        }
        di, dj = col["denies"][i], col["denies"][j]
        if di == pair["b"] or dj == pair["a"]:
            # A denial is about the same place: it cannot be true with what it denies.
            pair["denial"] = pair["a"] if di == pair["b"] else pair["b"]
            pair["compatible"] = False
        pair["why"] = pair_reason(pair)
        pair["sentence"] = pair_sentence(pair)
        out.append(pair)
    return out


def pair_arrays(frame) -> tuple:
    """(rows a, rows b, compatible) of every pair of competing claims, as arrays (for maps at scale).

    The same pairs and the same answer as :func:`compare_claims`, without the per-pair records.

    >>> from geomap.claims import read_claims_text
    >>> from geomap.incidents import claims_frame
    >>> f = claims_frame(read_claims_text('''
    ... incidents:
    ...   - id: x
    ...     claims:
    ...       - {id: a, claimant: US, location: '35N 40E', uncertainty_km: 2}
    ...       - {id: b, claimant: Russia, location: '35N 40.01E', uncertainty_km: 2}
    ... '''))
    >>> [v.tolist() for v in pair_arrays(f)]
    [[0], [1], [True]]
    """
    frame = frame.reset_index(drop=True)
    ia, ib = _pair_rows(frame)
    geoms = frame.geometry.to_numpy()
    meets = _share_ground(geoms[ia], geoms[ib])
    if "denies" in frame:
        d = frame["denies"].to_numpy(object)
        cid = frame["claim_id"].to_numpy(object)
        meets &= ~((d[ia] == cid[ib]) | (d[ib] == cid[ia]))
    return ia, ib, np.asarray(meets, dtype=bool)


def _share_ground(ga, gb) -> np.ndarray:
    """Whether each pair of areas shares ground: touching edges, or the slivers that splitting
    along a shared line leaves, are not enough (1e-6 deg² ~ 0.01 km²)."""
    import shapely

    both_areas = (shapely.get_dimensions(ga) == 2) & (shapely.get_dimensions(gb) == 2)
    meets = shapely.intersects(ga, gb)
    overlap = meets & both_areas
    if overlap.any():
        meets[overlap] = shapely.area(shapely.intersection(ga[overlap], gb[overlap])) > 1e-6
    return meets


def _pair_rows(frame) -> tuple:
    """Row pairs (i < j) of claims of one incident by different parties, incident by incident.

    Vectorised by incident size: incidents of m claims share one set of m(m-1)/2 offsets.
    """
    n = len(frame)
    party = pd.factorize(frame["party"].astype(str))[0]   # codes: compared without the texts
    if "incident" in frame:
        codes = pd.factorize(frame["incident"])[0]
    else:
        codes = np.zeros(n, dtype=np.int64)
    order = np.argsort(codes, kind="stable")          # rows of each incident together, in file order
    sizes = np.bincount(codes) if n else np.zeros(0, dtype=np.int64)
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]]) if len(sizes) else sizes
    ia, ib = [], []
    for m in np.unique(sizes[sizes >= 2]):
        gi, gj = np.triu_indices(int(m), k=1)
        base = starts[sizes == m][:, None]
        ia.append(order[(base + gi).ravel()])
        ib.append(order[(base + gj).ravel()])
    if not ia:
        return np.array([], dtype=int), np.array([], dtype=int)
    ia, ib = np.concatenate(ia), np.concatenate(ib)
    # In incident order (the first claim of each incident), as the pairs were listed before.
    sort = np.lexsort((ib, ia, _first_row(codes)[codes[ia]]))
    ia, ib = ia[sort], ib[sort]
    keep = party[ia] != party[ib]
    return ia[keep], ib[keep]


def _first_row(codes) -> np.ndarray:
    """The first row of each incident code."""
    first = np.full(codes.max() + 1 if len(codes) else 0, len(codes), dtype=np.int64)
    np.minimum.at(first, codes, np.arange(len(codes)))
    return first


def _pair_geometry(frame, ia, ib) -> tuple:
    """(the areas share ground, km between them, km between the anchors) for every pair at once."""
    import shapely

    from .geodesy import haversine_km
    from .incidents import claim_anchors

    geoms = frame.geometry.to_numpy()
    ga, gb = geoms[ia], geoms[ib]
    meets = _share_ground(ga, gb)
    gap = np.zeros(len(ia))
    apart = ~meets
    if apart.any():
        sl = shapely.shortest_line(ga[apart], gb[apart])
        p0, p1 = shapely.get_point(sl, 0), shapely.get_point(sl, 1)
        gap[apart] = haversine_km(shapely.get_x(p0), shapely.get_y(p0), shapely.get_x(p1), shapely.get_y(p1))
    anchors = claim_anchors(frame)
    ca, cb = anchors[ia], anchors[ib]
    centre = haversine_km(shapely.get_x(ca), shapely.get_y(ca), shapely.get_x(cb), shapely.get_y(cb))
    return meets, gap, centre


def _pair_sides(frame, table) -> tuple:
    """(incident -> the lines that apply to any of its claims, in table order; (row, line) -> side)."""
    side_at = dict(zip(zip(table["row"].tolist(), table["line"].tolist()), table["side"].tolist()))
    applies = table[table["applies"].astype(bool)]
    inc = frame["incident"].to_numpy(object) if "incident" in frame else np.full(len(frame), None, dtype=object)
    lines_of: dict = {}
    for row, ln in zip(applies["row"].tolist(), applies["line"].tolist()):
        got = lines_of.setdefault(inc[row], [])
        if ln not in got:
            got.append(ln)
    return lines_of, side_at
