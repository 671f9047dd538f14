"""The gazetteer record: one place, small and immutable."""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass

__all__ = ["Place", "KINDS", "AREA_KINDS"]

#: Kinds of place, in the order a bare name prefers them when scores tie.
KINDS = (
    "country", "admin1", "admin2", "admin3", "populated_place", "river", "lake", "air_base", "airport", "dam",
    "oil_field", "facility",
)

#: Kinds that are areas (claims naming them are the area, not a point in it).
AREA_KINDS = frozenset({"country", "admin1", "admin2", "admin3"})


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Place:
    """A gazetteer record (read-only).

    Attributes
    ----------
    id : str
        Stable id, prefixed by its source (``gn:173480``, ``wof:...``, ``cur:...``).
    name : str
        The preferred name.
    kind : str
        One of :data:`KINDS`.
    longitude, latitude : float
        A representative point (for areas and lines: a label point).
    country_code, admin1 : str
        ISO country code and first-order division (governorate), where known.
    admin2, admin3 : str
        District and subdistrict (nahiya) of a Syrian place (OCHA names).
    pcode : str
        OCHA P-code: the place's own for an admin unit, its subdistrict's for
        any other Syrian place (``SY090301``); "" elsewhere.
    population : int
    events : int
        Conflict events recorded within 2 km (UCDP GED, precision 1-2): a prior.
    precision_m : float
        How far the true position may be from the point (for towns: their extent).
    sources : tuple of str
        Every source that contributed the record, first is the position's.
    shape_id : str
        Key of the polygon or line in the gazetteer's shapes, or "".
    names : tuple of str
        Every spelling known for the place.
    """

    id: str
    name: str
    kind: str
    longitude: float
    latitude: float
    _: KW_ONLY
    country_code: str = ""
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    pcode: str = ""
    population: int = 0
    precision_m: float = 1000.0
    sources: tuple = ()
    source_ids: tuple = ()
    shape_id: str = ""
    names: tuple = ()
    feature_code: str = ""
    events: int = 0

    def __post_init__(self):
        # Frozen: normalise the types once, here (the dataclass way to coerce frozen fields).
        for name, cast in (("longitude", float), ("latitude", float), ("precision_m", float),
                           ("population", lambda v: int(v or 0)), ("events", int),
                           ("sources", tuple), ("source_ids", tuple)):
            object.__setattr__(self, name, cast(getattr(self, name)))
        object.__setattr__(self, "names", tuple(self.names) or (self.name,))

    @property
    def point(self):
        """(longitude, latitude)."""
        return (self.longitude, self.latitude)

    def in_unit(self, pcode: str) -> bool:
        """True when the place lies in the admin unit with this P-code (or is it)."""
        return bool(pcode) and self.pcode.startswith(pcode)

    @property
    def source(self) -> str:
        """The source of the record's position."""
        return self.sources[0] if self.sources else ""

    def to_dict(self) -> dict:
        """A plain dict of the record (JSON-ready)."""
        return {
            "id": self.id, "name": self.name, "kind": self.kind,
            "longitude": self.longitude, "latitude": self.latitude,
            "country_code": self.country_code, "admin1": self.admin1 or None,
            "admin2": self.admin2 or None, "admin3": self.admin3 or None,
            "pcode": self.pcode or None,
            "population": self.population, "events": self.events, "precision_m": self.precision_m,
            "sources": list(self.sources), "source_ids": list(self.source_ids),
            "feature_code": self.feature_code or None,
            "names": list(self.names),
        }

    def __eq__(self, other) -> bool:
        return isinstance(other, Place) and other.id == self.id

    def __hash__(self) -> int:
        return hash(self.id)

    def __repr__(self) -> str:
        where = ", ".join(x for x in (self.admin1, self.country_code) if x)
        return f"Place({self.id!r}, {self.name!r}, {self.kind}, {where})"
