"""Deconfliction lines: loading, orientation, side areas, validity dates.

A line is oriented (the Euphrates runs downstream); its **left** and
**right** sides are the geometric truth (shapely's convention: a positive
single-sided buffer lies on the left), and each line maps them to human
labels (``east`` / ``west`` for the Euphrates). The side areas are the area
of interest split by the line; where the line ends inside the area it is
extended straight on to the area's edge.

Examples
--------
>>> line = get_line("euphrates")
>>> line.left_label, line.right_label, line.accuracy_km
('east', 'west', 3.0)
>>> sorted(l.name for l in builtin_lines())
['euphrates', 'tabqa-arc-2017']
"""

from __future__ import annotations

import datetime as dt
import os
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Optional

from .errors import LineError

__all__ = ["DeconflictionLine", "builtin_lines", "get_line", "load_line", "lines_for_date"]


def _date(value) -> Optional[dt.date]:
    from .io import parse_date

    try:
        return parse_date(value)
    except ValueError as err:
        raise LineError(f"bad date {value!r}: write YYYY-MM-DD") from err


class DeconflictionLine:
    """A named, oriented line with labelled sides.

    Parameters
    ----------
    name : str
        Short id (``euphrates``).
    geometry : shapely LineString
        Oriented: left and right follow its direction.
    left_label, right_label : str
        Human names of the two sides.
    area : shapely Polygon or MultiPolygon
        Area of interest; beyond it a claim is ``outside``.
    accuracy_km : float
        Positional accuracy of the line: claims nearer than this are flagged.
    valid_from, valid_to : date, optional
        When the line applied (None: open-ended).
    title, source, description : str
    approximate : bool
        True when digitised from descriptions rather than an official geometry.
    prepared : geomap.prepared.PreparedLine, optional
        Its area, sides and grid as computed before from its file (``area`` is then theirs).
    area_spec, area_grow_km : str, float
        How a line file named the area (``SY``, ``buffer:35``) and widened it: written back
        by :meth:`to_feature`, so that a line shown is a line file again.
    """

    def __init__(self, name: str, geometry, *, left_label: str = "left", right_label: str = "right",
                 area=None, accuracy_km: float = 0.0, valid_from=None, valid_to=None,
                 title: str = "", source: str = "", description: str = "", approximate: bool = False,
                 area_name: str = "", side_parties: Optional[dict] = None, prepared=None,
                 area_spec: str = "", area_grow_km: float = 0.0):
        import shapely

        if geometry is None or geometry.is_empty:
            raise LineError(f"line {name!r} has no geometry")
        if geometry.geom_type == "MultiLineString":
            merged = shapely.line_merge(geometry)
            if merged.geom_type != "LineString":
                raise LineError(f"line {name!r} is in several disconnected pieces; join them into one")
            geometry = merged
        if geometry.geom_type != "LineString":
            raise LineError(f"line {name!r} is a {geometry.geom_type}, expected a LineString")
        if left_label == right_label:
            raise LineError(f"line {name!r}: the two sides need different labels")
        self.name = name
        self.geometry = geometry
        self.left_label = left_label
        self.right_label = right_label
        self.accuracy_km = float(accuracy_km)
        self.valid_from = _date(valid_from)
        self.valid_to = _date(valid_to)
        self.title = title or name
        self.source = source
        self.description = description
        self.approximate = approximate
        self.area_name = area_name
        self.area_spec, self.area_grow_km = area_spec or "", float(area_grow_km or 0.0)
        #: side label -> the parties whose side it is (a party "crossing" the line is on the other).
        self.side_parties = _side_parties(side_parties, (left_label, right_label), name)
        #: ISO code when the area of interest is a country: places known to be in
        #: another country are outside it whatever the generalised outline says.
        self.area_country = ""
        if area is None:
            area = shapely.box(*shapely.buffer(geometry, 1.0).bounds)
            self.area_name = self.area_name or "1° around the line"
        self.area = shapely.make_valid(area)
        #: Derived data read from the line's file (:mod:`geomap.prepared`), and their key.
        self.prepared = prepared
        self.prepared_key: Optional[str] = None

    def __repr__(self) -> str:
        return f"DeconflictionLine({self.name!r}, {self.left_label}/{self.right_label})"

    def applies_on(self, date) -> bool:
        """True when the line was in force on ``date`` (None: always true)."""
        d = _date(date)
        if d is None:
            return True
        return (self.valid_from is None or d >= self.valid_from) and (
            self.valid_to is None or d <= self.valid_to)

    def reversed(self) -> "DeconflictionLine":
        """The same line digitised the other way: sides and labels swap."""
        import shapely

        return DeconflictionLine(
            self.name, shapely.reverse(self.geometry), left_label=self.right_label,
            right_label=self.left_label, area=self.area, accuracy_km=self.accuracy_km,
            valid_from=self.valid_from, valid_to=self.valid_to, title=self.title,
            source=self.source, description=self.description, approximate=self.approximate,
            area_name=self.area_name, side_parties=self.side_parties, area_spec=self.area_spec,
            area_grow_km=self.area_grow_km)

    # -- geometry ------------------------------------------------------------
    @cached_property
    def cutter(self):
        """The line clipped to the area, its inner ends extended to the area's edge."""
        import shapely
        from shapely import LineString

        coords = list(self.geometry.coords)
        far = 4 * max(1.0, shapely.length(shapely.envelope(self.area).exterior))

        def extend(p_end, p_prev):
            dx, dy = p_end[0] - p_prev[0], p_end[1] - p_prev[1]
            n = (dx * dx + dy * dy) ** 0.5 or 1.0
            return (p_end[0] + dx / n * far, p_end[1] + dy / n * far)

        start = shapely.Point(coords[0])
        end = shapely.Point(coords[-1])
        if shapely.intersects(self.area, start):
            coords.insert(0, extend(coords[0], coords[1]))
        if shapely.intersects(self.area, end):
            coords.append(extend(coords[-1], coords[-2]))
        return LineString(coords)

    @cached_property
    def sides(self):
        """(left area, right area): the area of interest split by the line."""
        import shapely

        if self.prepared is not None:
            return self.prepared.left, self.prepared.right
        from shapely.ops import split

        pieces = split(self.area, self.cutter)
        parts = list(getattr(pieces, "geoms", [pieces]))
        if len(parts) < 2:
            raise LineError(f"line {self.name!r} does not divide its area of interest "
                            f"({self.area_name or 'area'}): does the line cross it?")
        left, right = [], []
        probe_l = shapely.buffer(self.cutter, 0.02, single_sided=True)
        probe_r = shapely.buffer(self.cutter, -0.02, single_sided=True)
        for part in parts:
            al = shapely.area(shapely.intersection(part, probe_l))
            ar = shapely.area(shapely.intersection(part, probe_r))
            if al == ar == 0:
                # A piece cut off without touching the probes: side of its nearest line point.
                al, ar = self._side_sign(part.representative_point()), 0.0
            (left if al > ar else right).append(part)
        return shapely.make_valid(shapely.union_all(left)), shapely.make_valid(shapely.union_all(right))

    def _side_sign(self, pt) -> float:
        """+1 left, -1 right of the line at its nearest point."""
        line = self.cutter
        d = line.project(pt)
        a = line.interpolate(max(d - 1e-4, 0))
        b = line.interpolate(min(d + 1e-4, line.length))
        cross = (b.x - a.x) * (pt.y - a.y) - (b.y - a.y) * (pt.x - a.x)
        return 1.0 if cross > 0 else -1.0

    def side_area(self, label: str):
        """The area of the side called ``label`` (``east``, ``left`` ...)."""
        left, right = self.sides
        lab = label.lower()
        if lab in (self.left_label.lower(), "left"):
            return left
        if lab in (self.right_label.lower(), "right"):
            return right
        raise LineError(f"line {self.name!r} has sides {self.left_label!r} and "
                        f"{self.right_label!r}, not {label!r}")

    def label_of(self, side: str) -> str:
        """Map a side word ("east", "western", "left bank") to this line's label, or raise."""
        word = side.lower().strip()
        word = {"eastern": "east", "western": "west", "northern": "north", "southern": "south"}.get(word, word)
        if word in (self.left_label, "left"):
            return self.left_label
        if word in (self.right_label, "right"):
            return self.right_label
        raise LineError(f"line {self.name!r} has sides {self.left_label!r} and {self.right_label!r}, "
                        f"not {side!r}")

    def to_feature(self) -> dict:
        """The line as a GeoJSON feature, with its metadata."""
        from shapely.geometry import mapping

        return {"type": "Feature", "id": self.name, "geometry": mapping(self.geometry),
                "properties": self.metadata()}

    def metadata(self) -> dict:
        return {
            "name": self.name, "title": self.title, "left_label": self.left_label,
            "right_label": self.right_label, "accuracy_km": self.accuracy_km,
            "valid_from": self.valid_from.isoformat() if self.valid_from else None,
            "valid_to": self.valid_to.isoformat() if self.valid_to else None,
            "approximate": self.approximate, "source": self.source,
            "description": self.description, "area": self.area_spec or None,
            "area_grow_km": self.area_grow_km or None, "area_name": self.area_name,
            **({"side_parties": self.side_parties} if self.side_parties else {}),
        }

    def side_of_party(self, party: str) -> Optional[str]:
        """The side label whose parties include ``party`` (or a party it belongs to: "Russian MoD"
        is Russia's), or None.

        >>> get_line("euphrates").side_of_party("Russian MoD")
        'west'
        """
        for side, parties in self.side_parties.items():
            if party in parties:
                return side
        for side, parties in self.side_parties.items():
            if any(party.startswith(p.split()[0]) for p in parties):
                return side
        return None

    def other_side(self, side: str) -> str:
        """The other side's label."""
        return self.right_label if side == self.left_label else self.left_label

    @cached_property
    def metric_crs(self):
        """An azimuthal equidistant CRS centred on the area, for distances in km."""
        from .geodesy import local_crs

        c = self.area.centroid
        return local_crs(c.x, c.y)


def _side_parties(value, labels: tuple, name: str) -> dict:
    """``side_parties`` checked: a mapping of this line's side labels to lists of party names."""
    if not value:
        return {}
    if not isinstance(value, dict) or not all(
            k in labels and isinstance(v, list) and all(isinstance(p, str) for p in v) for k, v in value.items()):
        raise LineError(f"line {name!r}: side_parties must map the side labels ({', '.join(labels)}) "
                        "to lists of party names", field="side_parties")
    return {str(k): [str(p) for p in v] for k, v in value.items()}


def load_line(path: os.PathLike, **kwargs) -> DeconflictionLine:
    """Load a user's line file (see :func:`geomap.line_files.load_line`)."""
    from .line_files import load_line as _load

    return _load(path, **kwargs)


def _builtin_paths() -> dict:
    from .gazetteer import data_path

    return _line_files(data_path() / "lines")


@lru_cache(maxsize=8)
def _line_files(folder: Path) -> dict:
    """name -> file of the lines in a data folder (listed once per folder, like :func:`_builtin`)."""
    return {f.stem: f for f in sorted(folder.glob("*.geojson"))}


@lru_cache(maxsize=None)
def _builtin(name: str) -> DeconflictionLine:
    return load_line(_builtin_paths()[name])


def builtin_lines() -> list:
    """Every line bundled with geomap."""
    return [_builtin(n) for n in _builtin_paths()]


def get_line(name_or_path) -> DeconflictionLine:
    """A built-in line by name, a file path, or a line object passed through."""
    if isinstance(name_or_path, DeconflictionLine):
        return name_or_path
    key = str(name_or_path)
    paths = _builtin_paths()
    if key in paths:
        return _builtin(key)
    if Path(key).exists():
        return load_line(key)
    raise LineError(f"unknown line {key!r}: use one of {', '.join(sorted(paths))} or a file path")


def lines_for_date(date, lines=None) -> list:
    """The lines (default: all built-in) in force on ``date``."""
    return [ln for ln in (lines or builtin_lines()) if ln.applies_on(date)]
