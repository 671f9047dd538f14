"""Coordinate parsing: decimal degrees, degrees-minutes-seconds in their many
spellings, hemisphere letters before or after, and MGRS.

geopy's ``Point`` reads "35 01 N 40 27 E" and "N35.02 E40.45" wrongly or not
at all; these parsers are strict instead: an answer is right or an error
says why.

Examples
--------
>>> parse_coordinates("35°01′N 40°27′E")
(40.45, 35.016667)
>>> parse_coordinates("35 01 N 40 27 E")
(40.45, 35.016667)
>>> parse_coordinates("N35.02 E40.45")
(40.45, 35.02)
>>> parse_coordinates("35.02, 40.45")
(40.45, 35.02)
"""

from __future__ import annotations

import re
from typing import Optional, Tuple

from .errors import CoordinateError

__all__ = ["parse_coordinates", "looks_like_coordinates", "parse_mgrs"]

_DEG = "°º˚o"
_MIN = "'′’‘`"
_SEC = "\"″”“"
_UNIT_END = r"(?=[\s\d,;/]|$)"
# One axis: degrees (decimal, or whole with minutes and seconds) and a hemisphere
# letter before (h1) or after (h2) it.
_BODY = rf"""
    (?P<sign>[-+])?
    (?:
      (?P<ddeg>\d+\.\d+)\s*(?:[{_DEG}]|deg(?:rees?)?{_UNIT_END}|d{_UNIT_END})?
    |
      (?P<deg>\d+)\s*(?:[{_DEG}]|deg(?:rees?)?{_UNIT_END}|d{_UNIT_END})?\s*
      (?:(?P<min>\d+(?:\.\d+)?)\s*(?:[{_MIN}]|min(?:utes?)?{_UNIT_END}|m{_UNIT_END})?\s*)?
      (?:(?P<sec>\d+(?:\.\d+)?)\s*(?:[{_SEC}]|[{_MIN}]{{2}}|sec(?:onds?)?{_UNIT_END}|(?-i:s){_UNIT_END})?\s*)?
    )
"""
_AXIS_PREFIX = re.compile(rf"(?P<h1>[NSEW])\s*{_BODY}", re.X | re.I)
_AXIS_SUFFIX = re.compile(rf"{_BODY}\s*(?P<h2>[NSEW](?![a-z]))?", re.X | re.I)
_MGRS = re.compile(r"^\s*(\d{1,2}[C-HJ-NP-X])\s*([A-HJ-NP-Z]{2})\s*(\d+)\s*(\d*)\s*$", re.I)


def _num(s: Optional[str]) -> float:
    return float(s) if s else 0.0


_AXIS_WORDS = re.compile(r"(?i)\b(lat(?:itude)?|lon(?:gitude)?|lng)\s*[:=]?")
_COMPASS_WORDS = re.compile(r"(?i)\b(north|south|east|west)\b")
#: The form most tables and claims files use, "34.7687N 40.5423E": read directly (the general
#: reader below gives the same numbers; a test holds them together).
_DECIMAL_NE = re.compile(r"\s*(\d{1,3}\.\d+)\s*([NS])[\s,;/]+(\d{1,3}\.\d+)\s*([EW])\s*")


def _axes(text: str):
    s = text.strip()
    s = _AXIS_WORDS.sub(" ", s)
    s = _COMPASS_WORDS.sub(lambda m: m.group(1)[0].upper(), s)
    pos = 0
    out = []
    while pos < len(s) and len(out) < 3:
        while pos < len(s) and s[pos] in " ,;/\t":
            pos += 1
        if pos >= len(s):
            break
        m = _AXIS_PREFIX.match(s, pos) or _AXIS_SUFFIX.match(s, pos)
        if not m or m.end() == pos or not (m.group("deg") or m.group("ddeg")):
            raise CoordinateError(f"cannot read coordinates {text!r} near {s[pos:pos + 12]!r}")
        if out and s[pos] in "+-" and s[pos - 1].isdigit():
            # "35-40" is a range or a typo, not 35N 40W: a sign needs a separator before it.
            raise CoordinateError(f"{text!r} is ambiguous: write the pair as '35, -40' or '35N 40W'")
        out.append(m)
        pos = m.end()
    if pos < len(s) and s[pos:].strip(" ,;/"):
        raise CoordinateError(f"cannot read coordinates {text!r}: unexpected {s[pos:].strip()!r}")
    return out


def _value(m) -> Tuple[float, Optional[str]]:
    g = m.groupdict()
    deg, mins, secs = _num(g.get("ddeg") or g.get("deg")), _num(g.get("min")), _num(g.get("sec"))
    if mins >= 60 or secs >= 60:
        raise CoordinateError(f"minutes and seconds must be below 60 in {m.group(0).strip()!r}")
    v = deg + mins / 60 + secs / 3600
    hemi = (g.get("h1") or g.get("h2") or "").upper() or None
    if g.get("sign") == "-":
        v = -v
    if hemi in ("S", "W"):
        v = -abs(v)
    return v, hemi


def parse_mgrs(text: str) -> Tuple[float, float]:
    """(lon, lat) of the centre of an MGRS square, e.g. ``37SEV 12345 67890``."""
    import mgrs

    m = _MGRS.match(text)
    if not m:
        raise CoordinateError(f"not an MGRS reference: {text!r}")
    zone, square, e, n = m.groups()
    digits = e + n
    if len(digits) % 2 or len(digits) > 10:
        raise CoordinateError(f"MGRS {text!r}: easting and northing need the same number of digits")
    half = len(digits) // 2
    ref = f"{zone.upper()}{square.upper()}{digits[:half]}{digits[half:]}"
    try:
        lat, lon = mgrs.MGRS().toLatLon(ref)
    except Exception as err:  # the mgrs package raises bare Exceptions
        raise CoordinateError(f"MGRS {text!r}: {err}") from err
    # toLatLon gives the square's south-west corner; report its centre.
    size_m = 10 ** (5 - half) if half else 100000
    from .geodesy import offset

    lon_c, lat_c = offset(lon, lat, 45.0, size_m * 0.7071 / 1000.0)
    return round(lon_c, 6), round(lat_c, 6)


def looks_like_coordinates(text: str) -> bool:
    """True when the whole text reads as coordinates (decimal, DMS or MGRS)."""
    try:
        parse_coordinates(text)
        return True
    except CoordinateError:
        return False


def parse_coordinates(text: str) -> Tuple[float, float]:
    """Parse a coordinate pair; return ``(lon, lat)`` rounded to 6 decimals.

    Parameters
    ----------
    text : str
        "35.02, 40.45" (latitude first unless hemispheres say otherwise),
        "35°01′N 40°27′E", "35 01 N 40 27 E", "N35.02 E40.45",
        "40.45E 35.02N", "35:01:00N 40:27:00E", or MGRS "37SEV1234567890".

    Raises
    ------
    CoordinateError
        When the text is not a coordinate pair or is out of range.
    """
    if not text or not text.strip():
        raise CoordinateError("empty coordinates")
    if _MGRS.match(text):
        return parse_mgrs(text)
    quick = _DECIMAL_NE.fullmatch(text)
    if quick:
        lat = float(quick.group(1)) * (-1 if quick.group(2) == "S" else 1)
        lon = float(quick.group(3)) * (-1 if quick.group(4) == "W" else 1)
        if -90 <= lat <= 90 and -180 <= lon <= 180:
            return round(lon, 6), round(lat, 6)
    return _parse_general(text)


def _parse_general(text: str) -> Tuple[float, float]:
    """:func:`parse_coordinates` for every form it reads."""
    s = text.replace(":", " ")
    axes = _axes(s)
    if len(axes) != 2:
        raise CoordinateError(f"expected two coordinates (latitude and longitude) in {text!r}")
    (a, ha), (b, hb) = _value(axes[0]), _value(axes[1])
    if ha in ("E", "W") or hb in ("N", "S"):
        lon, lat = a, b
    else:
        lat, lon = a, b
    if (ha and hb) and {ha, hb} not in ({"N", "E"}, {"N", "W"}, {"S", "E"}, {"S", "W"}):
        raise CoordinateError(f"{text!r}: need one latitude (N/S) and one longitude (E/W)")
    if not -90 <= lat <= 90:
        raise CoordinateError(f"latitude {lat} out of range in {text!r} (is the order lon, lat?)")
    if not -180 <= lon <= 180:
        raise CoordinateError(f"longitude {lon} out of range in {text!r}")
    return round(lon, 6), round(lat, 6)
