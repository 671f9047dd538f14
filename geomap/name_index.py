"""Name indexes of the gazetteer: which places a spelling can mean, and how well it matches.

Three look-ups, each more forgiving than the last (see :mod:`geomap.text`):
the normalised spelling, the transliteration key, and the key's consonant
skeleton within one edit (a deletion-neighbourhood index, so typos cost a few
dict probes, not a scan).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Sequence

from .place import Place
from .query import parse_place_query
from .text import deletions, name_key, normalize, skeleton, variant_keys

__all__ = ["NameIndex"]

_FUZZY_MIN_RATIO = 0.84
_DRIFT_MIN_RATIO = 0.75  # vowels only differ (Rusafa / Rasafa)
_FUZZY_MIN_KEY = 5

@lru_cache(maxsize=1 << 16)
def _fine(text: str) -> str:
    """Case-folded spelling with every apostrophe-like mark as one character."""
    import unicodedata

    s = unicodedata.normalize("NFC", text).casefold()
    return " ".join("".join("'" if c in _MARKS else c for c in s).replace("-", " ").split())


_MARKS = frozenset("'’‘`´ʿʾʻʼ")


@lru_cache(maxsize=1 << 16)
def _without_article(norm: str) -> str:
    """A normalised name without its Arabic article tokens ("at tibni" -> "tibni")."""
    from .text import _ARTICLES

    toks = norm.split()
    kept = [t for k, t in enumerate(toks) if not (t in _ARTICLES and k < len(toks) - 1)]
    return " ".join(kept) or norm



class NameIndex:
    """Spellings of places -> (place index, spelling index), by normalised form and by key."""

    def __init__(self, places: Sequence[Place], norm_index: dict, key_index: dict):
        self.places = places
        self.norm = norm_index
        self.key = key_index
        self._del = None
        self._skel = None
        self._keys = None
        self._skeletons = None

    def deletion_index(self) -> dict:
        """Skeleton deletion -> keys (built on first use; ``_skel`` keeps each key's skeleton)."""
        if self._del is None:
            idx: dict = {}
            skel: dict = {}
            for k in self.key:
                if len(k) < 3:
                    continue
                skel[k] = skeleton(k)
                for d in deletions(skel[k]):
                    idx.setdefault(d, set()).add(k)
            self._skel = skel
            self._del = idx
        return self._del

    def same_consonants(self, key: str) -> bool:
        """Whether a spelling of some place has this key's consonants, its vowels drifted, and is
        as close as a near spelling must be (:data:`_FUZZY_MIN_RATIO`: "Sbikhan" and "Sabikhan",
        not "Sunday" and "Sandi"), for keys of :data:`_FUZZY_MIN_KEY` letters or more: a name a
        text may mean, for :meth:`matches` to rank in context (the table is built on first use)."""
        from rapidfuzz.distance import Indel

        if len(key) < _FUZZY_MIN_KEY:
            return False
        if self._skeletons is None:
            table: dict = {}
            for k in self.key:
                if len(k) >= _FUZZY_MIN_KEY:
                    table.setdefault(skeleton(k), []).append(k)
            self._skeletons = table
        return any(Indel.normalized_similarity(key, k) >= _FUZZY_MIN_RATIO
                   for k in self._skeletons.get(skeleton(key), ()))

    def matches(self, name: str, *, fuzzy: bool = False) -> dict:
        """place index -> (quality, matched spelling, match type) for one spelling.

        Near spellings (one consonant edit, other vowels) are looked for when
        nothing closer matched, or always with ``fuzzy=True`` (when context can
        tell a near spelling nearby from a namesake far away).
        """
        from rapidfuzz.distance import Indel

        norm = normalize(name)
        key = name_key(name)
        found: dict = {}
        if not norm:
            return found

        def offer(i, q, spelled, how):
            old = found.get(i)
            # Ties go to the smaller spelling: the answer never depends on set order.
            if old is None or q > old[0] or (q == old[0] and spelled < old[1]):
                found[i] = (q, spelled, how)

        fine = _fine(name)
        for i, j in self.norm.get(norm, ()):
            spelled = self.places[i].names[j]
            # Same letters; the marks decide between namesakes (Ja'Din / Ja`din / Jadin).
            offer(i, 0.97 + 0.03 * Indel.normalized_similarity(fine, _fine(spelled)), spelled, "exact")
        bare = _without_article(norm)
        for i, j in self.key.get(key, ()):
            spelled = self.places[i].names[j]
            # News drops the article at will: "Tibni" is "At Tibni" spelled the usual way.
            sim = Indel.normalized_similarity(bare, _without_article(normalize(spelled)))
            offer(i, 0.88 + 0.07 * sim, spelled, "variant")
        # The same letters spelled another way (Thiban / Dhiban): a little below a key match.
        for vkey in variant_keys(norm):
            for i, j in self.key.get(vkey, ()):
                spelled = self.places[i].names[j]
                sim = Indel.normalized_similarity(bare, _without_article(normalize(spelled)))
                offer(i, 0.86 + 0.06 * sim, spelled, "variant")
        if len(key) >= _FUZZY_MIN_KEY and (fuzzy or not found):
            dindex = self.deletion_index()
            seen = set()
            skel = skeleton(key)
            n = len(key)
            for d in deletions(skel):
                for k in dindex.get(d, ()):
                    if k in seen or k == key or k[0] != key[0]:
                        continue
                    seen.add(k)
                    if 2 * min(n, len(k)) < _DRIFT_MIN_RATIO * (n + len(k)):
                        continue  # lengths alone rule it out
                    ratio = Indel.normalized_similarity(key, k)
                    # Same consonants, other vowels: the usual transliteration drift.
                    drift = self._skel[k] == skel
                    if ratio < (_DRIFT_MIN_RATIO if drift else _FUZZY_MIN_RATIO):
                        continue
                    q = 0.86 + 0.06 * ratio if drift else 0.7 + 0.2 * ratio
                    for i, j in self.key[k]:
                        offer(i, q, self.places[i].names[j], "fuzzy")
        return found

    def _all_keys(self) -> list:
        if self._keys is None:
            self._keys = list(self.key)
        return self._keys

    def suggest(self, query: str, *, limit: int = 3, scan: bool = True) -> list:
        """"Did you mean" names for a query that matched nothing.

        Near spellings come from the deletion index (a few dict probes); when
        there are none and ``scan`` is true, every spelling is scanned (slow:
        for one name in an error message, not for a million in a table).
        """
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
                pool.update(self.deletion_index().get(d, ()))
            # Beyond one consonant edit, a scan of every spelling (only for a query that matched nothing).
            if not pool and not scan:
                continue
            choices = sorted(pool) if pool else self._all_keys()
            for k, score, _ in process.extract(key, choices, scorer=Indel.normalized_similarity,
                                               limit=limit, score_cutoff=0.5 if pool else 0.75):
                i, j = self.key[k][0]
                out.append((score, self.places[i].name))
        out.sort(key=lambda t: -t[0])
        names = []
        for _, n in out:
            if n not in names:
                names.append(n)
        return names[:limit]
