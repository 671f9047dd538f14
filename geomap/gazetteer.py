"""The bundled offline gazetteer: loading, indexes, ranking, resolution.

A query goes through three look-ups, each more forgiving than the last
(see :mod:`geomap.text`): the normalised spelling, the transliteration key,
and the key's consonant skeleton within one edit (a deletion-neighbourhood
index, so typos cost a few dict probes, not a scan). Candidates are ranked
by match quality, prominence (kind, population), a regional prior and how
well their kind fits the feature word in the query ("air base",
"province"). The answer is ``resolved``, ``ambiguous`` (distinct places score
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
import math
import os
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional, Sequence

from .errors import AmbiguousPlace, GazetteerError, PlaceNotFound
from .geodesy import haversine_km
from .place import Place
from .text import FOLD_VERSION, deletions, name_key, normalize, parse_place_query, skeleton

__all__ = ["Gazetteer", "Resolution", "Candidate", "data_path", "DEFAULT_REGION"]

#: Regional prior: how likely a report about the Syrian war means a place in
#: each country, when names tie. Override per call with ``region=``.
DEFAULT_REGION = {"SY": 1.0, "IQ": 0.75, "QA": 0.5, "TR": 0.4, "JO": 0.4, "LB": 0.4,
                  "IL": 0.3, "PS": 0.3}

_PROMINENCE = {"country": 1.0, "admin1": 0.8, "river": 0.8, "lake": 0.6, "air_base": 0.6,
               "airport": 0.5, "dam": 0.6, "oil_field": 0.5, "facility": 0.3}
_BARE_KIND_FIT = {"populated_place": 1.0, "country": 1.0, "river": 0.9, "lake": 0.8,
                  "admin1": 0.55, "air_base": 0.8, "airport": 0.75, "dam": 0.8,
                  "oil_field": 0.8, "facility": 0.7}
_KIND_FAMILY = {"air_base": {"airport"}, "airport": {"air_base"}, "admin1": {"country"},
                "oil_field": {"facility"}, "dam": {"facility", "lake"}}

#: Two candidates closer than this are one place (a village and its UCDP
#: spelling, a town and its airport).
SAME_PLACE_KM = 6.0
#: A distinct place scoring within this margin of the best makes the answer ambiguous.
AMBIGUITY_MARGIN = 0.025
_FUZZY_MIN_RATIO = 0.84
#: A fuzzy-only best candidate below this score is reported not_found, with it as suggestion.
_FUZZY_MIN_SCORE = 0.72
_FUZZY_MIN_KEY = 5
_FACILITY = frozenset({"air_base", "airport", "dam", "oil_field", "facility"})


def _fine(text: str) -> str:
    """Case-folded spelling with every apostrophe-like mark as one character."""
    import unicodedata

    s = unicodedata.normalize("NFC", text).casefold()
    return " ".join("".join("'" if c in _MARKS else c for c in s).replace("-", " ").split())


_MARKS = frozenset("'’‘`´ʿʾʻʼ")


def _without_article(norm: str) -> str:
    """A normalised name without its Arabic article tokens ("at tibni" -> "tibni")."""
    from .text import _ARTICLES

    toks = norm.split()
    kept = [t for k, t in enumerate(toks) if not (t in _ARTICLES and k < len(toks) - 1)]
    return " ".join(kept) or norm


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


class Candidate:
    """One ranked candidate of a query."""

    __slots__ = ("place", "score", "matched", "match")

    def __init__(self, place: Place, score: float, matched: str, match: str):
        self.place = place
        self.score = score
        self.matched = matched  # the gazetteer spelling that matched
        self.match = match      # "exact", "variant" or "fuzzy"

    def to_dict(self) -> dict:
        p = self.place
        return {"id": p.id, "name": p.name, "kind": p.kind, "country_code": p.country_code,
                "admin1": p.admin1 or None, "score": round(self.score, 3), "matched": self.matched,
                "match": self.match, "longitude": p.longitude, "latitude": p.latitude}

    def __repr__(self) -> str:
        return f"Candidate({self.place.name!r}, {self.score:.3f}, {self.match})"


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
        self._norm = norm_index
        self._key = key_index
        self._del = None
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
    def _deletion_index(self) -> dict:
        if self._del is None:
            idx: dict = {}
            for k in self._key:
                if len(k) < 3:
                    continue
                for d in deletions(skeleton(k)):
                    idx.setdefault(d, set()).add(k)
            self._del = idx
        return self._del

    def _matches(self, name: str) -> dict:
        """place index -> (quality, matched spelling, match type) for one spelling."""
        from rapidfuzz.distance import Indel

        norm = normalize(name)
        key = name_key(name)
        found: dict = {}
        if not norm:
            return found

        def offer(i, q, spelled, how):
            old = found.get(i)
            if old is None or q > old[0]:
                found[i] = (q, spelled, how)

        fine = _fine(name)
        for i, j in self._norm.get(norm, ()):
            spelled = self.places[i].names[j]
            # Same letters; the marks decide between namesakes (Ja'Din / Ja`din / Jadin).
            offer(i, 0.97 + 0.03 * Indel.normalized_similarity(fine, _fine(spelled)), spelled, "exact")
        bare = _without_article(norm)
        for i, j in self._key.get(key, ()):
            spelled = self.places[i].names[j]
            # News drops the article at will: "Tibni" is "At Tibni" spelled the usual way.
            sim = Indel.normalized_similarity(bare, _without_article(normalize(spelled)))
            offer(i, 0.88 + 0.07 * sim, spelled, "variant")
        if len(key) >= _FUZZY_MIN_KEY and not found:
            dindex = self._deletion_index()
            seen = set()
            skel = skeleton(key)
            for d in deletions(skel):
                for k in dindex.get(d, ()):
                    if k in seen or k == key or k[0] != key[0]:
                        continue
                    seen.add(k)
                    ratio = Indel.normalized_similarity(key, k)
                    if ratio < _FUZZY_MIN_RATIO:
                        continue
                    # Same consonants, other vowels: the usual transliteration drift.
                    q = 0.86 + 0.06 * ratio if skeleton(k) == skel else 0.7 + 0.2 * ratio
                    for i, j in self._key[k]:
                        offer(i, q, self.places[i].names[j], "fuzzy")
        return found

    def _score(self, place: Place, quality: float, kind_hint, region: dict, near=None) -> float:
        if place.kind == "populated_place":
            prom = min(1.0, math.log10(place.population + 1) / 6.5) if place.population else 0.0
            if "geonames" in place.sources or "naturalearth" in place.sources:
                prom = max(prom, 0.25)
        else:
            prom = _PROMINENCE.get(place.kind, 0.3)
        if place.events:
            prom = max(prom, min(0.8, 0.3 * math.log10(1 + place.events)))
        prior = region.get(place.country_code, 0.3) if place.country_code else 0.8
        if near is not None:
            d = float(haversine_km(near[0], near[1], place.longitude, place.latitude))
            prior = 0.5 * prior + 0.5 * math.exp(-d / 60.0) * 2
        if kind_hint:
            if place.kind == kind_hint:
                fit = 1.0
            elif place.kind in _KIND_FAMILY.get(kind_hint, ()):
                fit = 0.7
            else:
                fit = 0.0
        else:
            fit = _BARE_KIND_FIT.get(place.kind, 0.7)
        return 0.66 * quality + 0.12 * prom + 0.12 * prior + 0.10 * fit

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
        return self._rank(q, kind or q.kind, region or DEFAULT_REGION, country, within, near)[:limit]

    def _rank(self, q, kind_hint, region, country, within, near=None) -> list:
        best: dict = {}
        # Full spellings ("Tabqa Dam") first; a bare core ("Tabqa" + hint dam) scores a little less.
        alts = [(a, 1.0) for a in q.full_names] + [(a, 0.97 if q.full_names else 1.0) for a in q.names]
        for alt, factor in alts:
            for i, (quality, spelled, how) in self._matches(alt).items():
                p = self.places[i]
                if country and p.country_code != country:
                    continue
                if not kind_hint and p.kind in _FACILITY and parse_place_query(spelled).kind is None:
                    # "Euphrates" is the river before it is the Euphrates Dam.
                    quality *= 0.9
                s = self._score(p, quality * factor, kind_hint, region, near)
                if i not in best or s > best[i].score:
                    best[i] = Candidate(p, s, spelled, how)
        cands = list(best.values())
        if within is not None and cands:
            import shapely

            pts = shapely.points([c.place.point for c in cands])
            keep = shapely.intersects(within, pts)
            cands = [c for c, k in zip(cands, keep) if k]
        cands.sort(key=lambda c: (-c.score, c.place.id))
        return cands

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
        cands = self._rank(q, kind or q.kind, region, country, within, near)
        if not cands:
            return Resolution(text, "not_found", [], suggestions=self.suggest(text),
                              kind_hint=kind or q.kind, modifier=q.modifier)
        top = cands[0]
        if top.match == "fuzzy" and top.score < _FUZZY_MIN_SCORE:
            return Resolution(text, "not_found", [], suggestions=[c.place.name for c in cands[:3]],
                              kind_hint=kind or q.kind, modifier=q.modifier)
        competitors = []
        for c in cands[1:]:
            if top.score - c.score > AMBIGUITY_MARGIN:
                break
            if self._same_place(top.place, c.place):
                continue
            competitors.append(c)
        status = "ambiguous" if competitors else "resolved"
        return Resolution(text, status, cands, competitors, kind_hint=kind or q.kind,
                          modifier=q.modifier)

    @staticmethod
    def _same_place(a: Place, b: Place) -> bool:
        if b.kind in ("admin1", "country") and a.kind not in ("admin1", "country"):
            # The governorate or country a town is in is not a rival reading of it.
            return (b.kind == "country" and b.country_code == a.country_code) or (
                b.kind == "admin1" and b.admin1 == a.admin1)
        if a.kind in ("admin1", "country") and b.kind not in ("admin1", "country"):
            return (a.kind == "country" and b.country_code == a.country_code) or (
                a.kind == "admin1" and a.admin1 == b.admin1)
        return float(haversine_km(a.longitude, a.latitude, b.longitude, b.latitude)) <= SAME_PLACE_KM

    def resolve_many(self, queries: Iterable[str], **kwargs) -> list:
        """:meth:`resolve` over many names, in order."""
        return [self.resolve(q, **kwargs) for q in queries]

    def suggest(self, query: str, *, limit: int = 3) -> list:
        """"Did you mean" names for a query that matched nothing."""
        from rapidfuzz import process
        from rapidfuzz.distance import Indel

        q = parse_place_query(query)
        out = []
        for alt in q.names:
            key = name_key(alt)
            if len(key) < 3:
                continue
            pool = set()
            for d in deletions(skeleton(key)):
                pool.update(self._deletion_index().get(d, ()))
            # Beyond one consonant edit, a scan of every spelling (only for a query that matched nothing).
            choices = sorted(pool) if pool else list(self._key)
            for k, score, _ in process.extract(key, choices, scorer=Indel.normalized_similarity,
                                               limit=limit, score_cutoff=0.5 if pool else 0.75):
                i, j = self._key[k][0]
                out.append((score, self.places[i].name))
        out.sort(key=lambda t: -t[0])
        names = []
        for _, n in out:
            if n not in names:
                names.append(n)
        return names[:limit]
