"""Verdicts, computed once: claims × lines → one table, and competing claims compared.

Every command and page reads the table this module makes (``geomap
classify``, ``--compare``, ``geomap map`` popups, ``geomap publish`` and the
notebook), so one claim gets one verdict per line everywhere.

Which lines judge a claim
    The lines named by the caller; else the incident's own ``lines:``; else
    every built-in line. Each (claim, line) pair gets a row.
When a line applies
    Only when it is in force on the claim's date (a claim with no date is
    judged by every line) **and** the claim lies in the line's area of
    application: its point inside the area, or most of its area inside, and
    not at a place the gazetteer puts in another country than the line's.
    Otherwise the row says ``not_applicable`` and why: a local line says
    nothing about a claim 200 km away.
What a verdict says
    The side (the line's label, e.g. ``east``), or ``straddles`` with the
    share on each side; the distance to the line; ``near_line`` when a
    one-sided claim lies within the line's accuracy; and a sentence for
    readers.

Examples
--------
>>> from geomap.claims import read_claims_text
>>> from geomap.incidents import claims_frame
>>> frame = claims_frame(read_claims_text('''
... incidents:
...   - id: demo
...     date: 2017-11-23
...     claims:
...       - {id: us, claimant: US, location: east of the Euphrates}
...       - {id: ru, claimant: Russia, location: west side of the Euphrates near Mayadin}
... '''))
>>> table = verdict_table(frame)
>>> table[["claim_id", "line", "side"]].values.tolist()
[['us', 'euphrates', 'east'], ['ru', 'euphrates', 'west'], ['us', 'tabqa-arc-2017', 'not_applicable'], \
['ru', 'tabqa-arc-2017', 'not_applicable']]
>>> compare_claims(frame, table)[0]["compatible"]
False
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Optional, Sequence

import numpy as np
import pandas as pd
from pandas.api.types import union_categoricals

from .lines import DeconflictionLine, builtin_lines, get_line
from .sides import MISSING, STRADDLE_SHARE, STRADDLES, side_labels, side_of_geometries

__all__ = ["VERDICT_COLUMNS", "NOT_APPLICABLE", "judge", "verdict_table", "candidate_lines", "line_label",
           "compare_claims", "pair_arrays", "pair_sentence", "pair_reason", "applicable_lines", "verdict_columns"]

NOT_APPLICABLE = "not_applicable"
#: A claim's area lies in a line's area of application when at least this share of it does.
MAJORITY = 0.5

#: A claim judged at its place ("near Mayadin": at Mayadin) whose area has at least this share on
#: each side says so in its sentence: what an area needs on a side to straddle the line.
SPAN_SHARE = round(1.0 - STRADDLE_SHARE, 6)

#: The verdict table's columns (one row per claim and line).
VERDICT_COLUMNS = ["row", "claim_id", "line", "applies", "side", "share_left", "share_right", "share_outside",
                   "distance_km", "near_line", "reason", "sentence"]


def line_label(line: DeconflictionLine) -> str:
    """The line's short name for readers ("Euphrates", "Tabqa arc").

    >>> line_label(get_line("tabqa-arc-2017"))
    'Tabqa arc'
    """
    return re.split(r"[(,;]", line.title)[0].strip() or line.name


def candidate_lines(lines: Optional[Sequence] = None, own: Optional[Sequence] = None) -> list:
    """The lines that judge a claim: ``lines`` if given, else the incident's ``own``, else the built-in ones."""
    if lines:
        return [get_line(x) for x in lines]
    if own is not None and len(own):
        return [get_line(x) for x in own]
    return builtin_lines()


def _as_date(value) -> Optional[dt.date]:
    from .io import parse_date

    if value is None or (isinstance(value, float) and value != value):
        return None
    try:
        return parse_date(value)
    except (ValueError, TypeError):
        return None


def _not_in_force_reason(line: DeconflictionLine, date: dt.date) -> str:
    span = f"{line.valid_from or '…'} to {line.valid_to or '…'}"
    return f"not in force on {date.isoformat()} (in force {span})"


def judge(where, areas, line: DeconflictionLine, *, dates: Optional[Sequence] = None,
          countries: Optional[Sequence] = None, named_sides: Optional[Sequence] = None,
          tolerance_km: Optional[float] = None) -> pd.DataFrame:
    """Verdicts of one line for arrays of claims (vectorised).

    Parameters
    ----------
    where : array of shapely geometries
        What the side is decided on: a claim's point when it names one place
        or coordinates, else its area.
    areas : array of shapely geometries
        The claims' areas (shares describe them).
    line : DeconflictionLine
    dates : sequence or categorical of date or ISO string, optional
        The claims' dates (None: unknown, judged by the line).
    countries : sequence of str, optional
        ISO code of the country the gazetteer puts a claim's place in.
    named_sides : sequence of str, optional
        The line a claim's own wording names a side of ("west of the
        Euphrates"): its side is then certain whatever the line's positional
        accuracy, as the claim is defined by the line itself.

    Returns
    -------
    DataFrame
        :data:`VERDICT_COLUMNS` but ``row`` and ``claim_id``, one row per claim.
    """
    where = np.asarray(where, dtype=object)
    areas = np.asarray(areas, dtype=object)
    n = len(where)
    if n == 0:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in VERDICT_COLUMNS[2:]})
    # Distances outside the line's area would be thrown away ("not applicable"): none computed.
    v = side_of_geometries(where, line, tolerance_km=tolerance_km, outside_distances=False)
    va = v if _same_geometries(areas, where) else side_of_geometries(areas, line, tolerance_km=tolerance_km,
                                                                      distances=False)
    code = v["code"]
    missing = code == MISSING
    na = (code == 0) | (~missing & (v["share_outside"] > MAJORITY))   # not applicable
    area_name = line.area_name or "its area of application"
    # Why a line does not apply, as codes into these texts (the last reason found wins).
    reasons = {None: 0, f"outside the line's area of application ({area_name})": 1}
    why = na.astype(np.int64)
    if countries is not None and line.area_country:
        other = np.array([bool(c) and isinstance(c, str) and c != line.area_country for c in countries])
        for i in np.flatnonzero(other & ~missing):
            why[i] = reasons.setdefault(f"at a place in another country ({countries[i]}), outside {area_name}",
                                        len(reasons))
            na[i] = True
    if dates is not None and (line.valid_from or line.valid_to):
        # Each distinct date once (a million claims have a few thousand dates).
        codes, distinct = _date_codes(dates)
        late = np.array([0 if (d := _as_date(x)) is None or line.applies_on(d)
                         else reasons.setdefault(_not_in_force_reason(line, d), len(reasons))
                         for x in distinct] + [0], dtype=np.int64)[codes]
        why = np.where(late > 0, late, why)
        na |= late > 0
    reason = np.array(list(reasons), dtype=object)[why]
    # Side codes, and one more for "not applicable".
    labels = np.append(side_labels(np.arange(MISSING, STRADDLES + 1), line), NOT_APPLICABLE)
    side = labels[np.where(na, STRADDLES + 1, code) - MISSING]
    dist = np.where(na, np.nan, v["distance_km"])
    near = v["near_line"] & ~na
    if named_sides is not None:
        near &= np.asarray(named_sides, dtype=object) != line.name
    out = pd.DataFrame({
        "line": line.name, "applies": ~na & ~missing, "side": pd.Series(side, dtype=object),
        "share_left": np.where(na, np.nan, va["share_left"]), "share_right": np.where(na, np.nan, va["share_right"]),
        "share_outside": va["share_outside"], "distance_km": np.round(dist, 2),
        "near_line": near, "reason": pd.Series(reason, dtype=object),
    }, copy=False)   # the arrays are this call's own
    # A reason is given exactly when the side is "not applicable": the two make one key.
    out["sentence"] = _sentences(out, line, np.where(na, STRADDLES + 1 + why, code))
    return out


def _date_codes(dates) -> tuple:
    """(a code per claim, the distinct dates; code -1: none) of dates given as a sequence or a
    categorical (as :func:`verdict_table` passes them: encoded once for every line)."""
    if isinstance(dates, pd.Categorical):
        return np.asarray(dates.codes), dates.categories.tolist()
    codes, distinct = pd.factorize(pd.Series(list(dates), dtype=object), use_na_sentinel=True)
    return codes, list(distinct)


def _sentences(out: pd.DataFrame, line: DeconflictionLine, what: np.ndarray) -> pd.Categorical:
    """:func:`sentence` of every row, written once per distinct verdict (``what``: a code per side
    and reason; shares, distance): a categorical, each distinct sentence stored once."""
    # Distances that read alike make one key (each distinct distance written once).
    dist, distinct = pd.factorize(out["distance_km"].to_numpy(float), use_na_sentinel=False)
    words = pd.factorize(np.array([_distance_words(d) for d in distinct.tolist()], dtype=object))[0]
    group = _group_codes([what, out["share_left"].to_numpy(), out["share_right"].to_numpy(), words[dist],
                          out["near_line"].to_numpy()])
    first = np.flatnonzero(np.diff(np.maximum.accumulate(group), prepend=-1) > 0)   # codes in order met
    name = line_label(line)
    written = [sentence(r, line, name=name) for r in out.iloc[first].itertuples(index=False)]
    codes, distinct = pd.factorize(pd.Series(written, dtype=object))   # two verdicts can read alike
    return pd.Categorical.from_codes(codes[group], categories=distinct)


def _group_codes(columns: Sequence[np.ndarray]) -> np.ndarray:
    """One code per distinct combination of the columns' values (NaN and None: values like others),
    numbered 0, 1, ... in order of first appearance."""
    group, size = np.zeros(len(columns[0]), dtype=np.int64), 1
    for col in columns:
        codes, uniques = pd.factorize(col, use_na_sentinel=False)
        if size * (len(uniques) + 1) >= 2**62:   # renumbered only when the product would overflow
            group, size = _renumber(group)
        group = group * (len(uniques) + 1) + codes
        size *= len(uniques) + 1
    return _renumber(group)[0]


def _renumber(group: np.ndarray) -> tuple:
    """(codes 0, 1, ... in order of first appearance, how many)."""
    codes, uniques = pd.factorize(group)
    return codes, len(uniques)


def _same_geometries(a: np.ndarray, b: np.ndarray) -> bool:
    """Whether two arrays hold the same geometries (a claim's point is its area): judged once."""
    import shapely

    both_missing = shapely.is_missing(a) & shapely.is_missing(b)
    return bool(np.all(both_missing | shapely.equals_exact(a, b, tolerance=0.0)))


def sentence(row, line: DeconflictionLine, *, name: Optional[str] = None) -> str:
    """A verdict row as one sentence for readers."""
    name = name or line_label(line)
    if row.side is None:
        return "No position to judge."
    if row.side == NOT_APPLICABLE:
        return f"The {name} does not apply: {row.reason}."
    if row.side == "straddles":
        return (f"Spans the {name}: {row.share_left:.0%} {line.left_label}, "
                f"{row.share_right:.0%} {line.right_label} of it.")
    text = f"{str(row.side).capitalize()} of the {name}{_distance_words(row.distance_km)}"
    if row.near_line:
        text += (f"; within the line's {line.accuracy_km:g} km accuracy, so the side is not certain")
    if min(row.share_left, row.share_right) >= SPAN_SHARE:   # judged at its place, its area across
        text += (f"; the area around it reaches across ({row.share_left:.0%} {line.left_label}, "
                 f"{row.share_right:.0%} {line.right_label})")
    return text + "."


def _distance_words(d: float) -> str:
    """How a verdict's sentence gives its distance to the line ("" when there is none)."""
    if d == 0:
        return ", reaching the line"
    return f", {d:.1f} km from it" if d == d else ""


def _where(frame) -> np.ndarray:
    """What a side is decided on: the claim's point when it names one place, else its area."""
    import shapely

    if "point_lon" not in frame:
        return frame.geometry.to_numpy()
    lon = pd.to_numeric(frame["point_lon"], errors="coerce").to_numpy(float)
    lat = pd.to_numeric(frame["point_lat"], errors="coerce").to_numpy(float)
    has = ~np.isnan(lon) & ~np.isnan(lat)
    geoms = frame.geometry.to_numpy()
    # A claim's geometry is often its point already (a claims table's always is): kept, not rebuilt.
    same = (shapely.get_type_id(geoms) == 0) & ~shapely.has_z(geoms) & (shapely.get_x(geoms) == lon) \
        & (shapely.get_y(geoms) == lat)
    out = np.array(geoms, dtype=object)
    build = has & ~same
    out[build] = shapely.points(lon[build], lat[build])
    return out


def date_column(frame) -> Optional[str]:
    """The column a claim's date is read from: its own ``date``, else its incident's."""
    return "date" if "date" in frame else "incident_date" if "incident_date" in frame else None


def _column(frame, name):
    return frame[name].to_numpy() if name in frame else None


def verdict_table(frame, lines: Optional[Sequence] = None, *, tolerance_km: Optional[float] = None) -> pd.DataFrame:
    """The verdict of every line on every claim of a claims frame.

    Parameters
    ----------
    frame : GeoDataFrame
        Claims (:func:`geomap.incidents.claims_frame`), events or features;
        optional columns ``date`` (else ``incident_date``), ``country_code``,
        ``lines`` (the incident's own), ``point_lon``/``point_lat``.
    lines : sequence of names or DeconflictionLine, optional
        Judge by these lines only (default: see :func:`candidate_lines`).

    Returns
    -------
    DataFrame
        :data:`VERDICT_COLUMNS`: ``row`` is the claim's position in ``frame``; ``sentence`` is
        categorical (each distinct sentence stored once).
    """
    frame = frame.reset_index(drop=True)
    where = _where(frame)
    areas = frame.geometry.to_numpy()
    col = date_column(frame)
    # Encoded once for every line (a million claims have a few thousand distinct dates).
    dates = None if col is None else pd.Categorical(frame[col])
    countries = _column(frame, "country_code")
    named = _column(frame, "side_of")
    parts = []
    for key, rows in _by_own_lines(frame, lines):
        for ln in candidate_lines(lines, key):
            part = judge(where[rows], areas[rows], ln, dates=None if dates is None else dates[rows],
                         countries=None if countries is None else countries[rows],
                         named_sides=None if named is None else named[rows], tolerance_km=tolerance_km)
            part.insert(0, "row", rows)
            parts.append(part)
    if not parts:
        return pd.DataFrame(columns=VERDICT_COLUMNS)
    # Sentences stay categorical across lines (each distinct sentence stored once).
    sentences = union_categoricals([pd.Categorical(p.pop("sentence")) for p in parts])
    table = pd.concat(parts, ignore_index=True)
    table["sentence"] = sentences
    rows = table["row"].to_numpy(int)
    # Taken as stored (the texts are not copied out and back).
    ids = frame["claim_id"].array.take(rows) if "claim_id" in frame else np.arange(len(frame)).astype(str)[rows]
    table.insert(1, "claim_id", ids)
    return table


def _by_own_lines(frame, lines) -> list:
    """(the incident's own lines, its rows ascending) for each distinct set, in order of first appearance."""
    from .list_columns import list_lengths

    n = len(frame)
    if lines or "lines" not in frame:
        return [((), np.arange(n))]
    named = np.flatnonzero(list_lengths(frame["lines"]))
    keys = [()] * n   # most claims name no lines of their own
    for i, own in zip(named, frame["lines"].iloc[named].tolist()):
        keys[i] = tuple(own)
    codes, uniques = pd.factorize(pd.Series(keys, dtype=object))
    order = np.argsort(codes, kind="stable")
    bounds = np.cumsum(np.bincount(codes, minlength=len(uniques)))[:-1]
    return list(zip(uniques, np.split(order, bounds)))


def applicable_lines(table: pd.DataFrame) -> list:
    """Names of the lines that apply to at least one claim of a verdict table, in table order."""
    return [str(x) for x in pd.unique(table["line"][table["applies"].to_numpy(bool)])]



def verdict_columns(table: pd.DataFrame, n: int, names: Sequence[str]) -> pd.DataFrame:
    """A verdict table as columns, one row per claim: for each line in ``names``, ``<line>_side``,
    ``<line>_distance_km``, ``<line>_near_line``, ``<line>_applies`` and ``<line>_verdict``.

    Every line named gets its columns (empty where it judged nothing), so tables judged in parts
    line up.

    >>> from geomap.claims import read_claims_text
    >>> from geomap.incidents import claims_frame
    >>> f = claims_frame(read_claims_text("incidents: [{id: x, claims: [{id: a, claimant: US, location: '35N 40.4E'}]}]"))
    >>> verdict_columns(verdict_table(f, ["euphrates"]), 1, ["euphrates"])["euphrates_side"].tolist()
    ['west']
    """
    out = {}
    for name in names:
        part = table[table["line"] == name].drop_duplicates("row", keep="last").set_index("row").reindex(range(n))
        col = str(name).replace("-", "_")
        out[f"{col}_side"] = part["side"].astype(object).to_numpy()
        out[f"{col}_distance_km"] = part["distance_km"].astype(float).to_numpy()
        out[f"{col}_near_line"] = part["near_line"].astype("boolean").to_numpy()
        out[f"{col}_applies"] = part["applies"].astype("boolean").to_numpy()
        out[f"{col}_verdict"] = part["sentence"].astype(object).to_numpy()
    return pd.DataFrame(out, index=pd.RangeIndex(n))


# Pairs of competing claims live in their own module; they are part of the verdicts' API.
from .pairs import compare_claims, pair_arrays, pair_reason, pair_sentence  # noqa: E402
