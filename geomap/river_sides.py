"""A river as a line with sides, for the clause reader: which line a river stands for, the side
a compass word names, a bank (the side near the river) and a band ("8 km east of the river").

:class:`RiverSides` is mixed into :class:`geomap.clauses.ClauseReader`; it uses the reader's
gazetteer, lines, context point, defaults and collected parts, and builds areas with its
``shape``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .errors import ExpressionError, LineError
from .gazetteer import Gazetteer
from .geodesy import buffer_km, offset

__all__ = ["RiverSides"]

_BEARINGS = {
    "north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180, "southwest": 225,
    "west": 270, "northwest": 315,
}


def _dir_word(word: str) -> str:
    """"North-eastern" -> "northeast"."""
    w = re.sub(r"[\s-]", "", word.lower())
    return re.sub(r"ern$", "", w)


_BANKS: dict = {}


def _bank(ln, label: str, side, km: float):
    """One side of a line within ``km`` of it (remembered per line object: buffering a river is slow)."""
    key = (id(ln), label, km)
    hit = _BANKS.get(key)
    if hit is None or hit[0] is not ln:
        if len(_BANKS) > 64:
            _BANKS.clear()
        hit = _BANKS[key] = (ln, side.intersection(buffer_km(ln.geometry, km)))
    return hit[1]


def _band(ln, label: str, side, km: float, spread: float):
    """One side of a line between ``km - spread`` and ``km + spread`` of it."""
    band = _bank(ln, label, side, km + spread)
    return band.difference(_bank(ln, label, side, km - spread)) if km - spread > 0 else band


class RiverSides:
    """The river readings of a :class:`~geomap.clauses.ClauseReader`."""

    def line_for(self, p):
        """The deconfliction line a river stands for (built-in when one matches), or the one that
        runs through a lake."""
        from .lines import builtin_lines
        from .text import name_key

        if p.kind == "lake":   # a reservoir on a line's river ("the southern bank of Lake Assad")
            import shapely

            lake = self.gaz.shape(p)
            crossing = [ln for ln in (self.lines or builtin_lines()) if shapely.intersects(ln.geometry, lake)]
            if crossing:
                return crossing[0]
            raise ExpressionError(self.expression, p.name, claim=self.claim_id,
                                  reason=f"no line runs through {p.name}: its banks have no side")
        keys = {name_key(n) for n in p.names}
        for ln in (self.lines or builtin_lines()):
            if name_key(ln.name) in keys or name_key(ln.title.split("(")[0]) in keys:
                return ln
        try:
            return _river_line(self.gaz, p)
        except LineError as err:
            raise ExpressionError(self.expression, p.name, claim=self.claim_id, reason=str(err)) from err

    def side_label(self, p, direction: str) -> tuple:
        """(the line river ``p`` stands for, the label of its ``direction`` side)."""
        ln = self.line_for(p)
        try:
            label = ln.label_of(_dir_word(direction))
        except LineError as err:
            label = self._compass_side(ln, _dir_word(direction))
            if label is None:
                raise ExpressionError(self.expression, direction, claim=self.claim_id,
                                      reason=str(err)) from err
        self.line_name = ln.name
        return ln, label

    def _compass_side(self, ln, word: str):
        """The side of ``ln`` that lies ``word`` (a compass direction) of it, near the context."""
        import shapely

        if word not in _BEARINGS:
            return None
        g = ln.geometry
        anchor = shapely.Point(self.near) if self.near else g.interpolate(0.5, normalized=True)
        at = g.interpolate(g.project(anchor))
        probe = shapely.Point(offset(at.x, at.y, _BEARINGS[word], 15.0))
        left, right = ln.sides
        if left.contains(probe):
            return ln.left_label
        if right.contains(probe):
            return ln.right_label
        return None

    def _river_band(self, p, km: float, direction: str):
        """"8 km east of the Euphrates": on that side of the river, ``km`` from it (± a quarter)."""
        ln, label = self.side_label(p, direction)
        area = ln.side_area(label)
        spread = self.d.offset_rel * km
        band = self.shape(_band, ln, label, area, km, spread)
        self.parts.append(f"{km:g} km {label} of the {ln.title.split('(')[0].strip()} (±{spread:g} km)")
        return band, None, 4


@lru_cache(maxsize=32)
def _river_line(gaz: Gazetteer, p):
    """A river that is not a built-in line, as a line with compass-named sides (cached: the split is costly)."""
    import shapely

    from .lines import DeconflictionLine

    geom = gaz.shape(p)
    if geom.geom_type not in ("LineString", "MultiLineString"):
        raise LineError(f"{p.name} is a {p.kind.replace('_', ' ')}, not a river or line")
    if geom.geom_type == "MultiLineString":
        merged = shapely.line_merge(geom)
        geom = max(getattr(merged, "geoms", [merged]), key=lambda g: g.length)
    ln = DeconflictionLine(p.name, geom, area=buffer_km(geom, 150.0), accuracy_km=3.0,
                           source=p.source, title=p.name, area_name="150 km around the river")
    try:
        left, _ = ln.sides
    except LineError as err:
        raise LineError(f"cannot use {p.name} as a line: {err}") from err
    # Name the sides by the compass: which side holds the point due east (or north) of the middle?
    mid = ln.geometry.interpolate(0.5, normalized=True)
    east = shapely.Point(offset(mid.x, mid.y, 90.0, 20.0))
    north = shapely.Point(offset(mid.x, mid.y, 0.0, 20.0))
    minx, miny, maxx, maxy = ln.geometry.bounds
    if maxy - miny >= maxx - minx:  # runs north-south: its sides are east and west
        ln.left_label, ln.right_label = ("east", "west") if left.contains(east) else ("west", "east")
    else:
        ln.left_label, ln.right_label = ("north", "south") if left.contains(north) else ("south", "north")
    return ln
