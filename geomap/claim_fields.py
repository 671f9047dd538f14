"""The fields of one claim in a claims file: typing each one into a :class:`~geomap.claims.Claim`.

:mod:`geomap.claims` reads the file formats (YAML, CSV, GeoJSON) into mappings and
checks them against the claims file's schema (:mod:`geomap.schema`: types, ranges,
required and unknown fields). The functions here turn one checked mapping into a
:class:`~geomap.claims.Claim`, with the checks a schema cannot make (dates in the
calendar, coordinates, a reading's parts that go together, NaN), every failure a
:class:`~geomap.errors.ClaimFormatError` naming the file, the line and the field, and
saying how to fix it.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Optional

from .errors import ClaimFormatError, CoordinateError
from .io import parse_date
from .schema import schema

__all__ = ["CLAIM_FIELDS", "MAX_UNCERTAINTY_KM", "citation"]

#: Largest uncertainty a claim may state (km): half the Earth's circumference (the schema's maximum).
MAX_UNCERTAINTY_KM = float(schema()["definitions"]["claim"]["properties"]["uncertainty_km"]["maximum"])
#: The fields a claim may have, as the schema lists them.
CLAIM_FIELDS = tuple(schema()["definitions"]["claim"]["properties"])



def _yaml_load(text: str, source: str):
    from .safe_yaml import load_yaml

    return load_yaml(text, source)


def _date(value, source, line, field="date") -> Optional[dt.date]:
    try:
        return _parsed_date(value) if isinstance(value, str) else parse_date(value)
    except ValueError as err:
        raise ClaimFormatError(f"{value!r} is not a date", source=source, line=line, field=field,
                               hint="write it as YYYY-MM-DD") from err


@lru_cache(maxsize=4096)
def _parsed_date(text: str) -> Optional[dt.date]:
    """A date written as text, parsed once (a file has a few hundred distinct dates)."""
    return parse_date(text)


def _line(d: dict, key: Optional[str] = None) -> Optional[int]:
    if key and key in d.get("__keylines__", {}):
        return d["__keylines__"][key]
    return d.get("__line__")


def _text(d: dict, key: str) -> str:
    """A checked field as text ("" when absent or blank)."""
    v = d.get(key)
    return "" if v is None else str(v).strip()


def _claim_from_dict(c: dict, incident_id: str, inc_date, source: str):
    """One claim mapping, checked against the schema's ``claim``, as a Claim."""
    from .claims import Claim  # claims imports this module

    cid = _text(c, "id")
    claimant = c["claimant"]
    party, speaker = ((_text(claimant, "party"), _text(claimant, "speaker")) if isinstance(claimant, dict)
                      else (str(claimant).strip(), ""))
    src = c.get("source") or {}
    if isinstance(src, str):
        src = {"report": src}
    location = _text(c, "location")
    where = (_where_mapping(c["where"], source, _line(c, "where")) if isinstance(c.get("where"), dict)
             else _text(c, "where"))
    coords = c.get("coordinates")
    if coords is not None:
        coords = _coords(coords, source, _line(c, "coordinates"))
    if not location and not where and coords is None:
        raise ClaimFormatError(f"claim {cid!r} has neither 'location' nor 'coordinates'", source=source,
                               line=_line(c), field="location",
                               hint="write the place as the source worded it, e.g. 'near Tabqa'")
    unc = c.get("uncertainty_km")
    conf = c.get("confidence") or {}
    return Claim(cid, incident_id=incident_id, party=party, speaker=speaker,
                 text=_text(c, "claim"), location=location, coordinates=coords,
                 uncertainty_km=None if unc is None else float(unc), report=_text(src, "report"),
                 quote=_text(src, "quote"), url=_text(src, "url"),
                 date=_date(c.get("date"), source, _line(c, "date")) or inc_date, where=where,
                 drafted=bool(c.get("drafted", False)), denies=_text(c, "denies"),
                 confidence=tuple(sorted((k, float(v)) for k, v in conf.items() if not k.startswith("__"))),
                 source_file=source, line=_line(c))


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


def _citations(reports, source: str) -> dict:
    """report name -> citation text, from a claims file's (checked) ``reports:`` mapping."""
    out = {}
    for name, meta in (reports or {}).items():
        if name.startswith("__"):
            continue
        parts = {k: _text(meta, k) for k in ("outlet", "title", "author", "url")}
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


def _colors(value) -> dict:
    """party -> colour from a claims file's (checked) ``colors:`` mapping: hex colours."""
    return {party: color.strip().lower() for party, color in (value or {}).items() if not party.startswith("__")}


#: The parts of a structured reading (``where:`` as a mapping).
WHERE_KEYS = tuple(schema()["definitions"]["reading"]["properties"])
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
        parts.append((f"{km:g} km " if km is not None else "") + f"{get['direction']} of {place}")
    elif place:
        parts.append(_RELATIONS.get(rel or "at", "{place}").format(place=place))
    if not parts:
        raise ClaimFormatError("the reading names no place", source=source, line=line, field="where",
                               hint="give at least 'place', or 'side' and 'of'")
    return " ".join(parts)
