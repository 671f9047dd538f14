"""The bundled offline gazetteer: loading, records and resolution.

A query is looked up in the name indexes (:mod:`geomap.name_index`: the
normalised spelling, the transliteration key, the key's consonant skeleton
within one edit), and the candidates are ranked (:mod:`geomap.ranking`: match
quality, prominence, a regional prior and how well their kind fits the
feature word in the query, "air base", "province"). The answer is ``resolved``, ``ambiguous`` (distinct places score
within a margin of each other: they are listed) or ``not_found`` (with "did
you mean" suggestions).

Examples
--------
>>> from geomap.gazetteer import Gazetteer
>>> gaz = Gazetteer.default()
>>> r = gaz.resolve("al-Mayadeen")
>>> r.status, r.place.name, r.place.admin1
('resolved', 'Al Mayādīn', 'Deir ez-Zor')
>>> gaz.resolve("Konashenkov").status
'not_found'
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional, Sequence

from .context import Anchor, ResolutionContext
from .errors import GazetteerError
from .name_index import NameIndex
from .place import Place
from .ranking import DEFAULT_REGION, Candidate
from .resolver import Resolution
from .text import FOLD_VERSION, name_key, normalize

#: Longest query resolved (characters); a longer one is not a place name.
MAX_QUERY_CHARS = 200

__all__ = ["MAX_QUERY_CHARS", "Gazetteer", "Resolution", "Candidate", "data_path", "DEFAULT_REGION"]

def data_path() -> Path:
    """The folder of the bundled data (``data/`` in a checkout).

    ``GEOMAP_DATA`` in the environment points geomap at another copy.
    """
    env = os.environ.get("GEOMAP_DATA")
    if env:
        return Path(env)
    return _bundled_data()


@lru_cache(maxsize=1)
def _bundled_data() -> Path:
    """The installed (or checked-out) data folder: found once per process."""
    try:
        from importlib.resources import files

        p = Path(str(files("geomap._data")))
        if (p / "gazetteer").is_dir():
            return p
    except (ModuleNotFoundError, TypeError):
        pass
    p = Path(__file__).resolve().parent.parent / "data"
    if (p / "gazetteer").is_dir():
        return p
    raise GazetteerError(
        "geomap's bundled data are missing: reinstall geomap (pip install .) or set GEOMAP_DATA"
    )


class Gazetteer:
    """An in-memory gazetteer with name indexes.

    Use :meth:`default` for the bundled data (loaded once per process) or
    :meth:`load` for another folder built by ``geomap gazetteer build``.
    """

    def __init__(self, places: Sequence[Place], norm_index: dict, key_index: dict,
                 shapes_path: Optional[Path] = None):
        self.places = list(places)
        self._by_id = {p.id: p for p in self.places}
        #: OCHA P-code -> the admin unit with that code ("SY090301" -> Thiban subdistrict).
        self.by_pcode = {p.pcode: p for p in self.places
                         if p.pcode and p.kind in ("admin1", "admin2", "admin3")}
        self.index = NameIndex(self.places, norm_index, key_index)
        self._shapes_path = shapes_path
        self._shapes = None
        self._buffered: dict = {}  # (place id, km) -> grown geometry, see buffered()
        self._plain: dict = {}  # (name, kind) -> Resolution of a name resolved without context
        self._of_kind: dict = {}  # kind -> (place, geometry), see shapes_of_kind()
        self._ranked: dict = {}  # (name, kind, country, fuzzy) -> candidates on the name alone, see ranked()

    # -- loading ---------------------------------------------------------------
    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> "Gazetteer":
        """The bundled gazetteer (cached)."""
        return cls.load(data_path() / "gazetteer")

    @classmethod
    def load(cls, folder: os.PathLike) -> "Gazetteer":
        """Load ``places.tsv`` (and lazily ``shapes.geojson``) from ``folder``."""
        folder = Path(folder)
        path = folder / "places.tsv"
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as err:
            raise GazetteerError(f"{path}: cannot read the gazetteer ({err.strerror})") from err
        stale = False
        info = folder / "build.json"
        if info.exists():
            stale = json.loads(info.read_text(encoding="utf-8")).get("fold_version") != FOLD_VERSION
        lines = text.split("\n")
        header = lines[0].split("\t")
        expected = ["id", "name", "kind", "lon", "lat", "country_code", "admin1", "admin2",
                    "admin3", "pcode", "population", "events", "precision_m", "sources", "source_ids", "shape_id",
                    "feature_code", "names", "norms", "keys"]
        if header != expected:
            raise GazetteerError(f"{path}: unexpected columns; rebuild with 'geomap gazetteer build'")
        places, norm_index, key_index = [], {}, {}
        for lineno, line in enumerate(lines[1:], 2):
            if not line:
                continue
            f = line.split("\t")
            if len(f) != len(expected):
                raise GazetteerError(f"{path}, line {lineno}: expected {len(expected)} columns, "
                                     f"found {len(f)}")
            names = f[17].split("|")
            i = len(places)
            places.append(Place(
                f[0], f[1], f[2], float(f[3]), float(f[4]), country_code=f[5], admin1=f[6],
                admin2=f[7], admin3=f[8], pcode=f[9],
                population=int(f[10] or 0), events=int(f[11] or 0), precision_m=float(f[12] or 1000),
                sources=tuple(f[13].split(",")), source_ids=tuple(f[14].split(",")),
                shape_id=f[15], names=tuple(names), feature_code=f[16],
            ))
            norms = f[18].split("|") if not stale else [normalize(n) for n in names]
            keys = f[19].split("|") if not stale else [name_key(n) for n in names]
            for j, (n, k) in enumerate(zip(norms, keys)):
                norm_index.setdefault(n, []).append((i, j))
                key_index.setdefault(k, []).append((i, j))
        return cls(places, norm_index, key_index, folder / "shapes.geojson")

    # -- records -------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.places)

    def __iter__(self):
        return iter(self.places)

    def extent(self) -> tuple:
        """(min lon, min lat, max lon, max lat) of the gazetteer's places: the region it covers."""
        if not hasattr(self, "_extent"):
            lons = [p.longitude for p in self.places]
            lats = [p.latitude for p in self.places]
            self._extent = (min(lons), min(lats), max(lons), max(lats))
        return self._extent

    def get(self, place_id: str) -> Place:
        """The place with this id (``KeyError`` if none)."""
        return self._by_id[place_id]

    def shape(self, place: Place):
        """The place's geometry: its polygon or line when it has one, else its point."""
        from shapely import Point
        from shapely.geometry import shape

        if place.shape_id:
            if self._shapes is None:
                self._shapes = {}
                if self._shapes_path and self._shapes_path.exists():
                    fc = json.loads(self._shapes_path.read_text(encoding="utf-8"))
                    self._shapes = {f["id"]: f["geometry"] for f in fc["features"]}
            g = self._shapes.get(place.shape_id)
            if isinstance(g, dict):  # read as GeoJSON, made a geometry once (geometries are immutable)
                g = self._shapes[place.shape_id] = shape(g)
            if g is not None:
                return g
        return Point(place.longitude, place.latitude)

    def buffered(self, place: Place, km: float):
        """The place's geometry grown by ``km`` (cached: a river's valley is asked for often)."""
        from .geodesy import buffer_km

        key = (place.id, float(km))
        if key not in self._buffered:
            if len(self._buffered) > 256:
                self._buffered.clear()
            self._buffered[key] = buffer_km(self.shape(place), km)
        return self._buffered[key]

    def forget(self) -> None:
        """Drop what was remembered of names read so far (resolutions, rankings, grown shapes).

        Answers do not change; a benchmark calls it to time reading as if every name were new.
        """
        for memo in (self._buffered, self._plain, self._ranked):
            memo.clear()

    def ranked(self, query, kind: Optional[str], country: Optional[str], *, fuzzy: bool = False) -> list:
        """The candidates of a parsed query on its name alone (:func:`geomap.ranking.rank` with
        the default region, no area), best first; remembered, as the names of a report recur."""
        from .ranking import DEFAULT_REGION, rank

        key = (query.text, kind, country, fuzzy)
        if key not in self._ranked:
            if len(self._ranked) >= 4096:
                self._ranked.clear()
            self._ranked[key] = rank(self.index, query, kind, DEFAULT_REGION, country, None, fuzzy=fuzzy)
        return list(self._ranked[key])

    def shapes_of_kind(self, kind: str) -> list:
        """(place, geometry) for every place of ``kind`` that has a polygon or line (remembered)."""
        if kind not in self._of_kind:
            self._of_kind[kind] = [(p, self.shape(p)) for p in self.places if p.kind == kind and p.shape_id]
        return list(self._of_kind[kind])

    # -- resolution ------------------------------------------------------------
    def candidates(self, query: str, *, kind: Optional[str] = None,
                   region: Optional[dict] = None, country: Optional[str] = None,
                   within=None, near=None, context=None, limit: int = 10) -> list:
        """Ranked candidates of a query (no verdict), best first.

        Parameters
        ----------
        query : str
            A name as written; feature words ("air base", "province") and
            alternatives ("A/B") are understood.
        kind : str, optional
            Restrict the preference to a kind (overrides the query's feature word).
        region : dict, optional
            Country code -> prior weight (default :data:`DEFAULT_REGION`).
        country, within, near, context
            As for :meth:`resolve`.
        """
        res = self.resolve(query, kind=kind, region=region, country=country, within=within,
                           near=near, context=context)
        return res.candidates[:limit]

    def resolve(self, query: str, *, kind: Optional[str] = None, region: Optional[dict] = None,
                country: Optional[str] = None, within=None, near=None,
                context: Optional[ResolutionContext] = None) -> Resolution:
        """Resolve one name, in context when one is given.

        Parameters
        ----------
        query : str
            e.g. ``"Deir-Ezzor"``, ``"Hemeimeem air base"``, ``"Raqqa Province"``,
            ``"Al Karamah, Raqqa"``, ``"Deir-ez-Zor - Hatla"``, ``"SY090301"``, ``"الميادين"``.
        kind : str, optional
            Prefer a kind (overrides the query's feature word).
        region : dict, optional
            Country code -> prior weight (default :data:`DEFAULT_REGION`).
        country : str, optional
            Only places in this ISO country code.
        within : shapely geometry, optional
            Only places whose point lies in this area.
        near : (lon, lat), optional
            A point known to be involved: places near it are preferred.
        context : ResolutionContext, optional
            Everything else known (:func:`geomap.context.make_context`,
            :func:`geomap.joint.resolve_joint`).

        Returns
        -------
        Resolution
            With ``status``, ``match`` (what the answer stands on), ``context``
            (what supported it), ``reason`` and the rivals.

        Examples
        --------
        >>> gaz = Gazetteer.default()
        >>> gaz.resolve("Raqqa Province").place.kind
        'admin1'
        >>> gaz.resolve("Hemeimeem air base").place.name
        'Hmeimim Air Base'
        >>> gaz.resolve("SY090301").place.name
        'Thiban'
        """
        from .resolver import resolve_name

        text = " ".join(str(query).split())
        if len(text) > MAX_QUERY_CHARS:
            # No place name is this long; matching it would only cost time and memory.
            return Resolution(text[:MAX_QUERY_CHARS] + "…", "not_found", [], kind_hint=kind,
                              reason=f"longer than {MAX_QUERY_CHARS} characters: not a place name")
        plain = not (context or country or within is not None or near is not None or region)
        if plain and (text, kind) in self._plain:
            # A name alone always resolves the same way: once per spelling and kind.
            return self._plain[(text, kind)]
        ctx = context or ResolutionContext()
        if country or within is not None:
            ctx = ResolutionContext(country or ctx.country, within if within is not None else ctx.within,
                                    ctx.within_label if within is None else "the given area", ctx.anchors)
        if near is not None:
            ctx = ctx.with_anchors([Anchor(f"{near[0]:g},{near[1]:g}", 1.0, point=tuple(near))])
        res = resolve_name(self, text, kind, region, ctx.excluding(text) if ctx.anchors else ctx)
        if plain:
            if len(self._plain) >= 4096:
                self._plain.clear()
            self._plain[(text, kind)] = res
        return res

    def resolve_many(self, queries: Iterable[str], **kwargs) -> list:
        """:meth:`resolve` over many names, in order."""
        return [self.resolve(q, **kwargs) for q in queries]

    def suggest(self, query: str, *, limit: int = 3) -> list:
        """"Did you mean" names for a query that matched nothing."""
        return self.index.suggest(query, limit=limit)
