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

from .errors import AmbiguousPlace, GazetteerError, PlaceNotFound
from .name_index import NameIndex
from .place import Place
from .ranking import AMBIGUITY_MARGIN, DEFAULT_REGION, FUZZY_MIN_SCORE, Candidate, rank, same_place
from .text import FOLD_VERSION, name_key, normalize, parse_place_query

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


class Resolution:
    """The answer to one query.

    Attributes
    ----------
    query : str
    status : {'resolved', 'ambiguous', 'not_found'}
    candidates : list of Candidate
        Best first; the first is the answer (also for ``ambiguous``).
    competitors : list of Candidate
        For ``ambiguous``: the distinct places that scored close to the best.
    suggestions : list of str
        For ``not_found``: "did you mean" names.
    kind_hint, modifier : str or None
        What the query's feature and compass words said.
    """

    __slots__ = ("query", "status", "candidates", "competitors", "suggestions", "kind_hint",
                 "modifier")

    def __init__(self, query, status, candidates, competitors=(), suggestions=(), kind_hint=None,
                 modifier=None):
        self.query = query
        self.status = status
        self.candidates = list(candidates)
        self.competitors = list(competitors)
        self.suggestions = list(suggestions)
        self.kind_hint = kind_hint
        self.modifier = modifier

    @property
    def place(self) -> Optional[Place]:
        return self.candidates[0].place if self.candidates else None

    @property
    def score(self) -> float:
        return self.candidates[0].score if self.candidates else 0.0

    def __bool__(self) -> bool:
        return self.status != "not_found"

    def __repr__(self) -> str:
        top = f", {self.place.name!r}, {self.score:.3f}" if self.place else ""
        return f"Resolution({self.query!r}, {self.status}{top})"

    def raise_for_status(self, *, allow_ambiguous: bool = True) -> Place:
        """The place, or :class:`PlaceNotFound` / :class:`AmbiguousPlace`."""
        if self.status == "not_found":
            raise PlaceNotFound(self.query, self.suggestions)
        if self.status == "ambiguous" and not allow_ambiguous:
            raise AmbiguousPlace(self.query, [c.place for c in self.candidates[:1] + self.competitors])
        return self.place


class Gazetteer:
    """An in-memory gazetteer with name indexes.

    Use :meth:`default` for the bundled data (loaded once per process) or
    :meth:`load` for another folder built by ``geomap gazetteer build``.
    """

    def __init__(self, places: Sequence[Place], norm_index: dict, key_index: dict,
                 shapes_path: Optional[Path] = None):
        self.places = list(places)
        self._by_id = {p.id: p for p in self.places}
        self.index = NameIndex(self.places, norm_index, key_index)
        self._shapes_path = shapes_path
        self._shapes = None

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
                    "population", "events", "precision_m", "sources", "source_ids", "shape_id",
                    "feature_code", "names", "norms", "keys"]
        if header != expected:
            raise GazetteerError(f"{path}: unexpected columns; rebuild with 'geomap gazetteer build'")
        places, norm_index, key_index = [], {}, {}
        for lineno, line in enumerate(lines[1:], 2):
            if not line:
                continue
            f = line.split("\t")
            if len(f) != 18:
                raise GazetteerError(f"{path}, line {lineno}: expected 18 columns, found {len(f)}")
            names = f[15].split("|")
            i = len(places)
            places.append(Place(
                f[0], f[1], f[2], float(f[3]), float(f[4]), country_code=f[5], admin1=f[6],
                population=int(f[8] or 0), events=int(f[9] or 0), precision_m=float(f[10] or 1000),
                sources=tuple(f[11].split(",")), source_ids=tuple(f[12].split(",")),
                shape_id=f[13], names=tuple(names), feature_code=f[14],
            ))
            norms = f[16].split("|") if not stale else [normalize(n) for n in names]
            keys = f[17].split("|") if not stale else [name_key(n) for n in names]
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
            if g is not None:
                return shape(g)
        return Point(place.longitude, place.latitude)

    def shapes_of_kind(self, kind: str) -> list:
        """(place, geometry) for every place of ``kind`` that has a polygon or line."""
        return [(p, self.shape(p)) for p in self.places if p.kind == kind and p.shape_id]

    # -- resolution ------------------------------------------------------------
    def candidates(self, query: str, *, kind: Optional[str] = None,
                   region: Optional[dict] = None, country: Optional[str] = None,
                   within=None, near=None, limit: int = 10) -> list:
        """Ranked candidates of a query (no verdict), best first.

        Parameters
        ----------
        query : str
            A name as written; feature words ("air base", "province") and
            alternatives ("A/B", "A (B)") are understood.
        kind : str, optional
            Restrict the preference to a kind (overrides the query's feature word).
        region : dict, optional
            Country code -> prior weight (default :data:`DEFAULT_REGION`).
        country : str, optional
            Only places in this ISO country code.
        within : shapely geometry, optional
            Only places whose point lies in this area.
        near : (lon, lat), optional
            Context: prefer places near this point (another place the same
            report names, say), in place of part of the regional prior.
        """
        q = parse_place_query(query)
        return rank(self.index, q, kind or q.kind, region or DEFAULT_REGION, country, within, near)[:limit]

    def resolve(self, query: str, *, kind: Optional[str] = None, region: Optional[dict] = None,
                country: Optional[str] = None, within=None, near=None) -> Resolution:
        """Resolve one name.

        Parameters
        ----------
        query : str
            e.g. ``"Deir-Ezzor"``, ``"Hemeimeem air base"``, ``"Raqqa Province"``,
            ``"Tabqa, Syria"``, ``"الميادين"``.
        kind, region, country, within, near
            As for :meth:`candidates`.

        Returns
        -------
        Resolution

        Examples
        --------
        >>> gaz = Gazetteer.default()
        >>> gaz.resolve("Raqqa Province").place.kind
        'admin1'
        >>> gaz.resolve("Hemeimeem air base").place.name
        'Hmeimim Air Base'
        """
        text = " ".join(str(query).split())
        if len(text) > MAX_QUERY_CHARS:
            # No place name is this long; matching it would only cost time and memory.
            return Resolution(text[:MAX_QUERY_CHARS] + "…", "not_found", [], kind_hint=kind)
        q = parse_place_query(text)
        # "Tabqa, Syria" / "Karamah, Raqqa": a trailing qualifier narrows the search
        # to a country or governorate, or (a town) gives the context point.
        if "," in text and within is None and not country:
            head, _, tail = text.rpartition(",")
            qual = self.resolve(tail, kind="admin1") if tail.strip() and head.strip() else None
            if qual and qual.status != "not_found":
                qp = qual.place
                if qp.kind == "country":
                    sub = self.resolve(head, kind=kind, region=region, country=qp.country_code, near=near)
                elif qp.kind == "admin1" and qp.shape_id:
                    sub = self.resolve(head, kind=kind, region=region, within=self.shape(qp), near=near)
                else:
                    sub = self.resolve(head, kind=kind, region=region, near=qp.point)
                if sub.status != "not_found":
                    sub.query = text
                    return sub
        region = region or DEFAULT_REGION
        cands = rank(self.index, q, kind or q.kind, region, country, within, near)
        if not cands:
            return Resolution(text, "not_found", [], suggestions=self.index.suggest(text),
                              kind_hint=kind or q.kind, modifier=q.modifier)
        top = cands[0]
        if top.match == "fuzzy" and top.score < FUZZY_MIN_SCORE:
            return Resolution(text, "not_found", [], suggestions=[c.place.name for c in cands[:3]],
                              kind_hint=kind or q.kind, modifier=q.modifier)
        competitors = []
        for c in cands[1:]:
            if top.score - c.score > AMBIGUITY_MARGIN:
                break
            if same_place(top.place, c.place):
                continue
            competitors.append(c)
        status = "ambiguous" if competitors else "resolved"
        return Resolution(text, status, cands, competitors, kind_hint=kind or q.kind,
                          modifier=q.modifier)

    def resolve_many(self, queries: Iterable[str], **kwargs) -> list:
        """:meth:`resolve` over many names, in order."""
        return [self.resolve(q, **kwargs) for q in queries]

    def suggest(self, query: str, *, limit: int = 3) -> list:
        """"Did you mean" names for a query that matched nothing."""
        return self.index.suggest(query, limit=limit)
