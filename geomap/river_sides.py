"""A river as a line with sides, for the clause reader: which line a river stands for, the side
a compass word names, a bank (the side near the river), a band ("8 km east of the river"), the
bank facing a town ("across the river from Deir ez-Zor"), "East Euphrates" and a river's valley.

:class:`RiverSides` is mixed into :class:`geomap.clauses.ClauseReader`; it uses the reader's
gazetteer, lines, context point, defaults and collected parts, and builds areas with its
``shape``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from shapely.geometry import Point

from .errors import ExpressionError, LineError
from .gazetteer import Gazetteer
from .geodesy import buffer_km, haversine_km, offset

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

    def side(self, direction: str, place_words: str, *, bank: bool):
        near, noted = self.near, len(self.notes)
        p = self.place(place_words)
        if p.kind not in ("river", "lake"):
            # A bank is a river's: "the Euphrates" beside the Euphrates Dam is the river, when the
            # name is a river's at all (context may have ranked the dam first).
            river = next((c.place for c in self.resolutions[-1].candidates if c.place.kind == "river"), None)
            if river is None:
                return None
            p = self.places[-1] = river
            self.near = near   # the dam's point is no anchor of this claim
            del self.notes[noted:]   # nor is its rivalry with the river a doubt: a bank is the river's
        ln, label = self.side_label(p, direction)
        area = ln.side_area(label)
        what = f"{label} {'bank' if bank else 'side'} of the {ln.title.split('(')[0].strip()}"
        if bank:
            area = self.shape(_bank, ln, label, area, self.d.bank_km)
            what += f" (within {self.d.bank_km:g} km of it)"
        self.parts.append(what)
        return area, None, 5

    def bank(self, m, t):
        """"the west bank of the Euphrates", "the eastern side of the river"."""
        got = self.side(m["dir"], m["place"], bank=m["what"].lower() in ("bank", "shore"))
        if got is None:
            raise ExpressionError(self.expression, t, claim=self.claim_id,
                                  reason=f"'{m['what']} of' needs a river or a line")
        return got

    def opposite(self, m, t):
        """"across the river from Abu Kamal", "on the opposite bank from Mayadin": the bank of the
        river facing the place's own, near the place."""
        words = (m["river"] or m["river2"] or "").strip()
        named = words and not re.fullmatch(r"(?:the\s+)?river", words, re.I)
        if named and getattr(self.gaz.resolve(words, kind="river").place, "kind", None) not in ("river", "lake"):
            return None   # "Raqqa from Abu Kamal": no river, so no bank facing
        p = self.place(m["place"])
        ln = self._river_by(p, words if named else None)
        left, right = ln.sides
        here = Point(*p.point)
        if not (left.contains(here) or right.contains(here)):
            raise ExpressionError(self.expression, t, claim=self.claim_id,
                                  reason=f"{p.name} is on neither side of the {ln.name}: no bank faces it")
        label = ln.right_label if left.contains(here) else ln.left_label
        bank = self.shape(_bank, ln, label, ln.side_area(label), self.d.bank_km)
        self.parts.append(f"{label} bank of the {ln.title.split('(')[0].strip()}, facing {p.name} "
                          f"(within {self.d.near_km:g} km of it)")
        return self.shape(bank.intersection, self.grown(p, self.d.near_km)), None, 2

    def _river_by(self, p, river_words):
        """The line of the river named (``None`` or "the river": the line nearest ``p``)."""
        from .lines import builtin_lines

        if river_words:
            return self.line_for(self.place(river_words, kind="river"))
        here = Point(*p.point)
        lines = list(self.lines or builtin_lines())
        ln = min(lines, key=lambda x: x.geometry.distance(here)) if lines else None
        at = ln.geometry.interpolate(ln.geometry.project(here)) if ln is not None else None
        # The facing bank is sought within near_km of the place: the river must run that near.
        if at is None or haversine_km(here.x, here.y, at.x, at.y) > self.d.near_km:
            raise ExpressionError(self.expression, p.name, claim=self.claim_id,
                                  reason=f"no river runs near {p.name}: name the river ('across the "
                                         f"Euphrates from {p.name}')")
        return ln

    def compass_river(self, m, t):
        """"East Euphrates", "the areas of West Euphrates": the river's side, as its users name it
        (anything but a river is left to the other readings)."""
        res = self.gaz.resolve(m["place"].strip(" ,.;:"), context=self.context)
        if res.place is None or res.place.kind != "river":
            return None
        return self.side(m["dir"], m["place"], bank=False)

    def valley(self, m, t):
        p = self.place(m["place"], kind="river")
        if p.kind != "river":
            return None
        self.parts.append(f"{p.name} valley (within {self.d.valley_km:g} km of the river)")
        return self.shape(self.gaz.buffered, p, self.d.valley_km), None, 5


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
