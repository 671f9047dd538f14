"""Resolving one name, in context: P-codes, parent patterns, context support, honest status.

:meth:`geomap.gazetteer.Gazetteer.resolve` calls :func:`resolve_name`. In order:

1. an OCHA P-code ("SY090301") is looked up directly;
2. a **parent pattern** ("Al Karamah, Raqqa", "Taybah farms (Mayadin)",
   "Hatla in Deir ez-Zor", the event-dataset "Deir-ez-Zor - Hatla") resolves the
   parent first and the name only inside or near it; a name the gazetteer
   lacks is placed at its parent (``match='parent'``), never elsewhere;
3. otherwise the candidates of the name (:mod:`geomap.ranking`) are re-scored
   with the support of the context (:mod:`geomap.context`).

The status is honest: ``resolved`` only when one place stands out; a fuzzy
spelling without support from context is ``ambiguous`` (its rivals listed),
however well it scores; a name matching nothing is ``not_found`` with "did
you mean" suggestions.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from .context import Anchor, ResolutionContext, support_many, SUPPORT_MIN
from . import ranking
from .ranking import DEFAULT_REGION, FUZZY_MIN_SCORE, prominence, rank, same_place
from .query import parse_place_query

__all__ = ["Resolution", "resolve_name", "SUPPORT_WEIGHT", "MATCH_TYPES"]

#: How much full support from context adds to a candidate's score (prominence and
#: the regional prior weigh 0.12 each: strong context outweighs them).
SUPPORT_WEIGHT = 0.15
#: A spelling variant (same transliteration key, other letters) is taken alone only for a
#: place at least this prominent (:func:`geomap.ranking.prominence`: 0.25 is a GeoNames town).
VARIANT_MIN_PROMINENCE = 0.25
#: A weak spelling match (fuzzy, or a variant of a little-known place) is resolved only
#: with this much support: close to a named place or inside a named subdistrict or
#: district, not merely in the same governorate.
STRONG_SUPPORT = 0.6
#: What an answer stands on, from firmest to weakest.
MATCH_TYPES = ("pcode", "exact", "variant", "context", "parent", "fuzzy")

_PCODE = re.compile(r"^\s*(SY\d{2}(?:\d{2}(?:\d{2})?)?)\s*$", re.I)
# (pattern, which group is the parent). "City - Neighbourhood": the parent comes first.
_PARENT_PATTERNS = [
    (re.compile(r"^(?P<parent>[^–—]+?)\s+[-–—]\s+(?P<child>.+)$"), "city - part"),
    (re.compile(r"^(?P<child>.*[^\s(])\s*\((?P<parent>[^()]+)\)\s*$"), "name (parent)"),
    (re.compile(r"^(?P<child>.+?)\s+in\s+(?:the\s+)?(?P<parent>.+)$", re.I), "name in parent"),
    (re.compile(r"^(?P<child>.+?)\s*,\s*(?P<parent>[^,]+)$"), "name, parent"),
]
_AREA = frozenset({"country", "admin1", "admin2", "admin3"})


class Resolution:
    """The answer to one query.

    Attributes
    ----------
    query : str
    status : {'resolved', 'ambiguous', 'not_found'}
    candidates : list of Candidate
        Best first; the first is the answer (also for ``ambiguous``).
    competitors : list of Candidate
        For ``ambiguous``: the distinct places that scored close to the best
        (for a fuzzy spelling without context: the other readings).
    suggestions : list of str
        For ``not_found``: "did you mean" names.
    match : str
        What the answer stands on (:data:`MATCH_TYPES`): the spelling
        (``exact``, ``variant``, ``fuzzy``), ``context`` (other places decided
        between namesakes), ``parent`` (placed at the named parent), ``pcode``.
    context : tuple of str
        The context that supported the answer (anchor names, "within ...").
    reason : str
        One sentence: why this status.
    kind_hint, modifier : str or None
        What the query's feature and compass words said.
    """

    __slots__ = ("query", "status", "candidates", "competitors", "_suggestions", "_suggest",
                 "kind_hint", "modifier", "match", "context", "reason")

    def __init__(self, query, status, candidates, competitors=(), suggestions=(), kind_hint=None,
                 modifier=None, match="", context=(), reason="", suggest=None):
        self.query = query
        self.status = status
        self.candidates = list(candidates)
        self.competitors = list(competitors)
        self._suggestions = list(suggestions) if suggestions or suggest is None else None
        self._suggest = suggest
        self.kind_hint = kind_hint
        self.modifier = modifier
        self.match = match or (self.candidates[0].match if self.candidates else "")
        self.context = tuple(context)
        self.reason = reason

    @property
    def suggestions(self) -> list:
        """"Did you mean" names (for ``not_found``), computed when first asked for."""
        if self._suggestions is None:
            self._suggestions = self._suggest(True)
        return self._suggestions

    def quick_suggestions(self) -> list:
        """Suggestions among near spellings only (no scan of every name): for bulk output."""
        if self._suggestions is not None:
            return self._suggestions
        return self._suggest(False)

    @property
    def place(self):
        return self.candidates[0].place if self.candidates else None

    @property
    def score(self) -> float:
        return self.candidates[0].score if self.candidates else 0.0

    def __bool__(self) -> bool:
        return self.status != "not_found"

    def __repr__(self) -> str:
        top = f", {self.place.name!r}, {self.score:.3f}, {self.match}" if self.place else ""
        return f"Resolution({self.query!r}, {self.status}{top})"

    def raise_for_status(self, *, allow_ambiguous: bool = True):
        """The place, or :class:`PlaceNotFound` / :class:`AmbiguousPlace`."""
        from .errors import AmbiguousPlace, PlaceNotFound

        if self.status == "not_found":
            raise PlaceNotFound(self.query, self.suggestions)
        if self.status == "ambiguous" and not allow_ambiguous:
            raise AmbiguousPlace(self.query, [c.place for c in self.candidates[:1] + self.competitors])
        return self.place


def resolve_name(gaz, text: str, kind: Optional[str], region: Optional[dict],
                 ctx: ResolutionContext) -> Resolution:
    """Resolve one whitespace-normalised query in a context (see the module docstring)."""
    m = _PCODE.match(text)
    if m and m.group(1).upper() in gaz.by_pcode:
        from .ranking import Candidate

        p = gaz.by_pcode[m.group(1).upper()]
        return Resolution(text, "resolved", [Candidate(p, 1.0, p.pcode, "pcode")], match="pcode",
                          reason=f"OCHA P-code of {p.name}")
    for pattern, how in _PARENT_PATTERNS:
        pm = pattern.match(text)
        if pm and pm.group("child").strip() and pm.group("parent").strip():
            res = _with_parent(gaz, text, pm.group("child"), pm.group("parent"), how, kind, region, ctx)
            if res is not None:
                return res
    return _rank_in_context(gaz, text, kind, region, ctx)


def _with_parent(gaz, text, child, parent, how, kind, region, ctx) -> Optional[Resolution]:
    """"child, parent" and the like: the child inside (or near) the parent, else the parent itself."""
    from .geodesy import disc

    pres = resolve_name(gaz, " ".join(parent.split()), "admin1" if how == "name, parent" else None,
                        region, ctx)
    if pres.status == "not_found":
        return None
    pp = pres.place
    if pp.kind == "country":
        sub = ResolutionContext(pp.country_code, ctx.within, ctx.within_label, ctx.anchors)
        limit_label = pp.name
    else:
        if pp.kind in _AREA and pp.shape_id:
            area = gaz.shape(pp)
        else:
            area = disc(pp.longitude, pp.latitude, max(30.0, 3 * pp.precision_m / 1000.0))
        limit = area if ctx.within is None else ctx.within.intersection(area)
        limit_label = pp.name
        sub = ResolutionContext(ctx.country, limit, f"{pp.name}", ctx.anchors).with_anchors(
            [Anchor(pp.name, 1.0, place=pp)])
    res = _rank_in_context(gaz, " ".join(child.split()), kind, region, sub)
    if res.status != "not_found":
        res.query = text
        if res.match in ("exact", "variant", "fuzzy") and pp.kind != "country":
            res.context = tuple(dict.fromkeys((*res.context, limit_label)))
        if res.match == "fuzzy" and res.status == "ambiguous" and not res.competitors:
            # A near spelling inside the named parent is supported by it.
            res.status, res.match = "resolved", "context"
            res.reason = f"a near spelling of {res.place.name}, inside {limit_label}"
        return res
    if pp.kind == "country":
        return None
    return Resolution(text, pres.status, pres.candidates, pres.competitors, kind_hint=kind,
                      match="parent", context=(pp.name,),
                      reason=f"{child.strip()!r} is not in the gazetteer; placed at {pp.name}, "
                             f"which the query names as its {'city' if how == 'city - part' else 'parent'}")


def _rank_in_context(gaz, text: str, kind, region, ctx: ResolutionContext) -> Resolution:
    q = parse_place_query(text)
    hint = kind or q.kind
    if region is None and ctx.within is None:
        cands = gaz.ranked(q, hint, ctx.country, fuzzy=bool(ctx.anchors))
    else:
        cands = rank(gaz.index, q, hint, region or DEFAULT_REGION, ctx.country, ctx.within,
                     fuzzy=bool(ctx.anchors))
    if not cands:
        where = f" within {ctx.within_label}" if ctx.within is not None else ""
        return Resolution(text, "not_found", [], kind_hint=hint, modifier=q.modifier,
                          reason=f"no spelling of a place{where} matches",
                          suggest=lambda scan: gaz.index.suggest(text, scan=scan))
    plain_top = cands[0]
    if plain_top.match == "fuzzy" and plain_top.score < FUZZY_MIN_SCORE and not ctx.anchors:
        return Resolution(text, "not_found", [], suggestions=[c.place.name for c in cands[:3]],
                          kind_hint=hint, modifier=q.modifier,
                          reason="only distant spellings match")
    supports = {}
    if ctx.anchors:
        rescored = []
        head = cands[:40]
        for c, (s, labels) in zip(head, support_many([c.place for c in head], ctx)):
            supports[c.place.id] = (s, labels)
            rescored.append(replace(c, score=c.score + SUPPORT_WEIGHT * s))
        rescored.sort(key=lambda c: (-c.score, c.place.id))
        cands = rescored
    top = cands[0]
    if top.match == "fuzzy" and top.score < FUZZY_MIN_SCORE:
        return Resolution(text, "not_found", [], suggestions=[c.place.name for c in cands[:3]],
                          kind_hint=hint, modifier=q.modifier, reason="only distant spellings match")
    competitors = []
    for c in cands[1:]:
        if top.score - c.score > ranking.AMBIGUITY_MARGIN:
            break
        if c.match == "fuzzy" and top.match != "fuzzy":
            continue  # a near spelling is no rival to the name itself
        if not same_place(top.place, c.place):
            competitors.append(c)
    s, labels = supports.get(top.place.id, (0.0, ()))
    labels = labels if s >= SUPPORT_MIN else ()
    match = top.match
    if labels:
        # Context decided when, on the name alone, another place would have won or tied.
        alone = [c for c in _plain_order(cands, supports) if c.place.id != top.place.id]
        if alone and _plain_score(alone[0], supports) >= _plain_score(top, supports) - ranking.AMBIGUITY_MARGIN \
                and not same_place(alone[0].place, top.place):
            match = "context"
    status, reason = _status(top, competitors, labels, s, hint, q.featured)
    if status == "not_found" and ctx.anchors:
        # Context lifted a place it does not vouch for enough to place: it adds nothing, and the
        # name is read as it would be alone ("al-Salihiyah" beside Qamishli and the Euphrates).
        alone = _rank_in_context(gaz, text, kind, region, replace(ctx, anchors=()))
        if alone.status != "not_found":
            return alone
    if status == "not_found":
        return Resolution(text, "not_found", [], kind_hint=hint, modifier=q.modifier, reason=reason,
                          suggestions=list(dict.fromkeys(c.place.name for c in cands[:3])))
    if status == "ambiguous" and not competitors:
        competitors = [c for c in cands[1:4] if not same_place(top.place, c.place)]
    return Resolution(text, status, cands, competitors, kind_hint=hint, modifier=q.modifier,
                      match=match, context=labels, reason=reason)


def _status(top, competitors, labels, strength: float, hint, featured: bool) -> tuple:
    """(status, reason): ``resolved`` only where that has held on names not used for tuning
    (``benchmarks/resolution_quality.py``)."""
    if hint and top.place.kind != hint and top.place.kind not in ranking.KIND_FAMILY.get(hint, ()):
        return "ambiguous", (f"no {hint.replace('_', ' ')} of this name is known; "
                             f"this is a {top.place.kind.replace('_', ' ')} of that name")
    weak = top.match == "fuzzy" or (top.match == "variant" and prominence(top.place) < VARIANT_MIN_PROMINENCE)
    if weak and not (labels and strength >= STRONG_SUPPORT):
        what = ("another spelling of a little-known place" if top.match == "variant"
                else f"only a near spelling ({top.matched!r})")
        if not featured:
            # Nothing says the words are a place (no "village", "town", "district"), no
            # well-known place is spelled so, nothing around supports it: as often a
            # person's or a group's name.
            return "not_found", f"{what}, no feature word and no context: not placed"
        return "ambiguous", f"{what}, and nothing in the context supports it"
    if competitors:
        return "ambiguous", (f"{len(competitors) + 1} places of this name score alike"
                             + (f" even with {', '.join(labels)}" if labels else
                                "; give context (--near, --within, other names with --joint)"))
    if labels:
        return "resolved", f"{top.match} spelling, supported by {', '.join(labels)}"
    if top.match == "exact":
        return "resolved", "exact spelling, no rival of the same name scores close"
    return "resolved", "a usual spelling of a well-known place, no rival scores close"


def _plain_score(c, supports) -> float:
    return c.score - SUPPORT_WEIGHT * supports.get(c.place.id, (0.0,))[0]


def _plain_order(cands, supports) -> list:
    return sorted(cands, key=lambda c: -_plain_score(c, supports))
