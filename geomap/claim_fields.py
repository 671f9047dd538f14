"""The fields of one claim in a claims file: reading, checking and typing each one.

:mod:`geomap.claims` reads the file formats (YAML, CSV, GeoJSON) into mappings; the
functions here turn one mapping into a :class:`~geomap.claims.Claim`, every failure a
:class:`~geomap.errors.ClaimFormatError` naming the file, the line and the field, and
saying how to fix it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from .errors import ClaimFormatError, CoordinateError

__all__ = ["CLAIM_FIELDS", "INCIDENT_FIELDS", "REPORT_FIELDS", "MAX_UNCERTAINTY_KM", "MAX_FIELD_CHARS",
           "citation"]

#: Largest uncertainty a claim may state (km): half the Earth's circumference.
MAX_UNCERTAINTY_KM = 20000.0
#: Longest text a field may hold (characters): a location or a quote is never a book.
MAX_FIELD_CHARS = 20000

CLAIM_FIELDS = ("id", "claimant", "claim", "location", "where", "coordinates", "uncertainty_km",
                "source", "date", "notes", "drafted", "confidence", "denies")
INCIDENT_FIELDS = ("id", "date", "title", "summary", "claims", "lines", "notes", "region")



def _yaml_load(text: str, source: str):
    from .safe_yaml import load_yaml

    return load_yaml(text, source)


def _date(value, source, line, field="date") -> Optional[dt.date]:
    from .io import parse_date

    try:
        return parse_date(value)
    except ValueError as err:
        raise ClaimFormatError(f"{value!r} is not a date", source=source, line=line, field=field,
                               hint="write it as YYYY-MM-DD") from err


def _line(d: dict, key: Optional[str] = None) -> Optional[int]:
    if key and key in d.get("__keylines__", {}):
        return d["__keylines__"][key]
    return d.get("__line__")


def _text(d: dict, key: str, source: str, *, required=False, what="claim") -> str:
    v = d.get(key)
    if v is None or (isinstance(v, str) and not v.strip()):
        if required:
            raise ClaimFormatError(f"{what} has no {key!r}", source=source, line=_line(d), field=key,
                                   hint=f"add '{key}: ...'")
        return ""
    if isinstance(v, (dict, list)):
        raise ClaimFormatError(f"expected text, found a {type(v).__name__}", source=source,
                               line=_line(d, key), field=key)
    text = str(v).strip()
    if len(text) > MAX_FIELD_CHARS:
        raise ClaimFormatError(f"{len(text):,} characters: longer than a field may be ({MAX_FIELD_CHARS:,})",
                               source=source, line=_line(d, key), field=key,
                               hint="keep the quote to the sentence that makes the claim")
    return text


def _check_keys(d: dict, allowed, source: str, what: str):
    for k in d:
        if not isinstance(k, str):
            raise ClaimFormatError(f"field name {k!r} in {what} is not text", source=source, line=_line(d),
                                   hint=f"allowed: {', '.join(allowed)}")
        if k.startswith("__"):
            continue
        if k not in allowed:
            import difflib

            close = difflib.get_close_matches(k, allowed, n=1)
            hint = f"did you mean {close[0]!r}?" if close else f"allowed: {', '.join(allowed)}"
            raise ClaimFormatError(f"unknown field {k!r} in {what}", source=source, line=_line(d, k),
                                   field=k, hint=hint)


def _claim_from_dict(c: dict, incident_id: str, inc_date, source: str, index: int):
    from .claims import Claim

    if not isinstance(c, dict):
        raise ClaimFormatError(f"claim #{index + 1} of incident {incident_id!r} is not a mapping",
                               source=source, hint="each claim is a mapping with id, claimant, location ...")
    _check_keys(c, CLAIM_FIELDS, source, "a claim")
    cid = _text(c, "id", source, required=True)
    claimant = c.get("claimant")
    if isinstance(claimant, dict):
        _check_keys(claimant, ("party", "speaker"), source, "claimant")
        party = _text(claimant, "party", source, required=True, what="claimant")
        speaker = _text(claimant, "speaker", source)
    elif isinstance(claimant, str) and claimant.strip():
        party, speaker = claimant.strip(), ""
    else:
        raise ClaimFormatError(f"claim {cid!r} has no claimant", source=source, line=_line(c),
                               field="claimant", hint="add 'claimant: {party: ..., speaker: ...}'")
    src = c.get("source") or {}
    if isinstance(src, str):
        src = {"report": src}
    if not isinstance(src, dict):
        raise ClaimFormatError("expected a mapping with report and quote", source=source,
                               line=_line(c, "source"), field="source")
    _check_keys(src, ("report", "quote", "url"), source, "source")
    location = _text(c, "location", source)
    where = (_where_mapping(c["where"], source, _line(c, "where")) if isinstance(c.get("where"), dict)
             else _text(c, "where", source))
    coords = c.get("coordinates")
    if coords is not None:
        coords = _coords(coords, source, _line(c, "coordinates"))
    if not location and not where and coords is None:
        raise ClaimFormatError(f"claim {cid!r} has neither 'location' nor 'coordinates'", source=source,
                               line=_line(c), field="location",
                               hint="write the place as the source worded it, e.g. 'near Tabqa'")
    unc = c.get("uncertainty_km")
    if unc is not None:
        try:
            unc = float(unc)
            if not 0 <= unc <= MAX_UNCERTAINTY_KM:  # also rejects NaN
                raise ValueError
        except (TypeError, ValueError) as err:
            raise ClaimFormatError(f"{unc!r} is not a distance in km", source=source,
                                   line=_line(c, "uncertainty_km"), field="uncertainty_km",
                                   hint=f"a number from 0 to {MAX_UNCERTAINTY_KM:g}") from err
    return Claim(cid, incident_id=incident_id, party=party, speaker=speaker,
                 text=_text(c, "claim", source), location=location, coordinates=coords,
                 uncertainty_km=unc, report=_text(src, "report", source), quote=_text(src, "quote", source),
                 url=_text(src, "url", source), date=_date(c.get("date"), source, _line(c, "date")) or inc_date,
                 where=where, **_draft_fields(c, source), source_file=source, line=_line(c))


def _draft_fields(c: dict, source: str) -> dict:
    """drafted, confidence and denies of a claim (as ``geomap extract`` writes them)."""
    drafted = c.get("drafted", False)
    if not isinstance(drafted, bool):
        raise ClaimFormatError("expected true or false", source=source, line=_line(c, "drafted"),
                               field="drafted")
    conf = c.get("confidence") or {}
    if not isinstance(conf, dict) or not all(
            isinstance(v, (int, float)) and not isinstance(v, bool) and 0 <= v <= 1 for k, v in conf.items()
            if not str(k).startswith("__")):
        raise ClaimFormatError("expected a mapping of field: number from 0 to 1", source=source,
                               line=_line(c, "confidence"), field="confidence",
                               hint="e.g. {place: 0.9, party: 0.8}")
    pairs = tuple(sorted((str(k), float(v)) for k, v in conf.items() if not str(k).startswith("__")))
    return {"drafted": drafted, "confidence": pairs, "denies": _text(c, "denies", source)}


def _coords(value, source, line):
    from .coords import parse_coordinates

    if isinstance(value, (list, tuple)) and len(value) == 2:
        try:
            lat, lon = float(value[0]), float(value[1])
        except (TypeError, ValueError) as err:
            raise ClaimFormatError(f"{value!r} are not coordinates", source=source, line=line,
                                   field="coordinates") from err
        value = f"{lat}, {lon}"
    try:
        lon, lat = parse_coordinates(str(value))
    except CoordinateError as err:
        raise ClaimFormatError(str(err), source=source, line=line, field="coordinates",
                               hint="e.g. '35.02, 40.45' (lat, lon), '35°01′N 40°27′E' or MGRS") from err
    _warn_if_swapped(lon, lat, source, line)
    return lon, lat


def _warn_if_swapped(lon: float, lat: float, source: str, line) -> None:
    """Warn when a point lies beyond the gazetteer's extent but its swap lies within it."""
    import warnings

    from .errors import GeomapWarning
    from .gazetteer import Gazetteer

    x0, y0, x1, y1 = Gazetteer.default().extent()
    inside = x0 <= lon <= x1 and y0 <= lat <= y1
    swapped = -90 <= lon <= 90 and x0 <= lat <= x1 and y0 <= lon <= y1
    if not inside and swapped:
        where = f"{source}, line {line}" if line else source
        warnings.warn(f"{where}: coordinates {lat:g}, {lon:g} (lat, lon) lie outside the region the gazetteer "
                      f"covers, but {lon:g}, {lat:g} lie inside it: are latitude and longitude swapped?",
                      GeomapWarning, stacklevel=2)


REPORT_FIELDS = ("outlet", "title", "author", "date", "url")


def _citations(reports, source: str, line) -> dict:
    """report name -> citation text, from a claims file's ``reports:`` mapping."""
    if reports is None:
        return {}
    if not isinstance(reports, dict):
        raise ClaimFormatError("expected a mapping of report name: {outlet, title, author, date, url}",
                               source=source, line=line, field="reports")
    out = {}
    for name, meta in reports.items():
        if str(name).startswith("__"):
            continue
        if not isinstance(meta, dict):
            raise ClaimFormatError(f"report {name!r}: expected a mapping with outlet, title, author, date, url",
                                   source=source, line=_line(reports, name), field="reports")
        _check_keys(meta, REPORT_FIELDS, source, f"report {name!r}")
        parts = {k: _text(meta, k, source) for k in ("outlet", "title", "author", "url")}
        when = _date(meta.get("date"), source, _line(meta, "date"))
        out[str(name)] = citation(parts["author"], parts["title"], parts["outlet"],
                                  when.isoformat() if when else "", parts["url"])
    return out


def citation(author: str = "", title: str = "", outlet: str = "", date: str = "", url: str = "") -> str:
    """"Author, “Title”, Outlet, 2017-12-10. URL" with what is known."""
    head = ", ".join(x for x in (author, f"“{title}”" if title else "", outlet, date) if x)
    return " ".join(x for x in (head + "." if head else "", url) if x)


def _cited(claim, citations: dict, colors: dict = None):
    """The claim with its report's citation and its party's colour (when the file gives them)."""
    from dataclasses import replace

    text = citations.get(claim.report)
    color = (colors or {}).get(claim.party, "")
    if text or color:
        return replace(claim, citation=text or claim.citation, color=color or claim.color)
    return claim


_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")


def _colors(value, source: str, line) -> dict:
    """party -> colour from a claims file's ``colors:`` mapping (hex colours only)."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ClaimFormatError("expected a mapping of party: colour", source=source, line=line,
                               field="colors", hint="e.g. colors: {Russian MoD: '#d62728'}")
    out = {}
    for party, color in value.items():
        if str(party).startswith("__"):
            continue
        if not isinstance(color, str) or not _HEX.match(color.strip()):
            raise ClaimFormatError(f"{color!r} is not a colour for {party!r}", source=source,
                                   line=_line(value, party), field="colors",
                                   hint="write it as a hex colour in quotes, e.g. '#1f77b4'")
        out[str(party)] = color.strip().lower()
    return out


#: The parts of a structured reading (``where:`` as a mapping).
WHERE_KEYS = ("place", "relation", "side", "of", "km", "direction")
_RELATIONS = {"at": "{place}", "near": "near {place}", "suburbs": "the suburbs of {place}",
              "outskirts": "the outskirts of {place}", "vicinity": "the vicinity of {place}",
              "countryside": "the countryside of {place}", "province": "{place} province",
              "airspace": "{place} airspace"}


def _where_mapping(value: dict, source: str, line) -> str:
    """A structured reading -> geomap's wording of it.

    ``{side: west, of: Euphrates, relation: bank, place: Mayadin}`` reads "west bank of the
    Euphrates near Mayadin"; ``{km: 12, direction: north, place: Tabqa}`` "12 km north of Tabqa";
    ``{relation: suburbs, place: Mayadin}`` "the suburbs of Mayadin".
    """
    _check_keys(value, WHERE_KEYS, source, "where")
    get = {k: value.get(k) for k in WHERE_KEYS}
    place, rel = (str(get["place"]).strip() if get["place"] else ""), str(get["relation"] or "").strip()
    parts = []
    if get["side"]:
        if not get["of"]:
            raise ClaimFormatError("a side needs the line or river it is a side of", source=source,
                                   line=_line(value, "side"), field="where.of", hint="e.g. of: Euphrates")
        parts.append(f"{get['side']} {'bank' if rel == 'bank' else 'side'} of the {get['of']}")
        rel = "near" if place else ""
    if get["km"] is not None or get["direction"]:
        if not place or not get["direction"]:
            raise ClaimFormatError("a distance or direction needs a direction and a place", source=source,
                                   line=_line(value), field="where.direction",
                                   hint="e.g. {km: 12, direction: north, place: Tabqa}")
        km = get["km"]
        if km is not None and (isinstance(km, bool) or not isinstance(km, (int, float)) or not 0 < km < 2000):
            raise ClaimFormatError(f"{km!r} is not a distance in km", source=source,
                                   line=_line(value, "km"), field="where.km")
        parts.append((f"{km:g} km " if km is not None else "") + f"{get['direction']} of {place}")
    elif place:
        if rel and rel not in _RELATIONS:
            raise ClaimFormatError(f"unknown relation {rel!r}", source=source, line=_line(value, "relation"),
                                   field="where.relation", hint=f"one of: {', '.join(_RELATIONS)}, bank")
        parts.append(_RELATIONS.get(rel or "at", "{place}").format(place=place))
    if not parts:
        raise ClaimFormatError("the reading names no place", source=source, line=line, field="where",
                               hint="give at least 'place', or 'side' and 'of'")
    return " ".join(parts)
