"""Queries: the words around a name that are not the name.

Feature words ("air base", "province", "subdistrict", "village") give a kind;
a leading compass word ("Northern Homs") is a modifier; alternatives ("A/B",
"A aka B") are separate spellings. :func:`parse_place_query` splits a name as
written in a report or an event table into these parts.

Examples
--------
>>> q = parse_place_query("Kobane/Ayn al Arab town")
>>> q.names, q.kind
(['Kobane', 'Ayn al Arab'], 'populated_place')
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["FEATURE_WORDS", "PlaceQuery", "parse_place_query"]

#: Feature words and the kind they hint at. Longest phrases first.
FEATURE_WORDS = [
    ("military airport", "air_base"), ("military air base", "air_base"),
    ("military airbase", "air_base"), ("military airfield", "air_base"), ("air base", "air_base"),
    ("airbase", "air_base"), ("air field", "air_base"), ("airfield", "air_base"),
    ("air port", "airport"), ("international airport", "airport"), ("airport", "airport"),
    ("oil and gas field", "oil_field"), ("oil field", "oil_field"), ("oilfield", "oil_field"),
    ("gas field", "oil_field"), ("gasfield", "oil_field"), ("oil fields", "oil_field"),
    ("gas plant", "oil_field"), ("oil wells", "oil_field"), ("field", "oil_field"),
    ("hydroelectric dam", "dam"), ("dam", "dam"),
    ("river", "river"), ("lake", "lake"), ("reservoir", "lake"),
    ("governorate", "admin1"), ("province", "admin1"), ("muhafazah", "admin1"),
    ("muhafazat", "admin1"), ("countryside", "admin1"), ("rural", "admin1"), ("rif", "admin1"),
    ("region", "admin1"),
    ("sub district", "admin3"), ("subdistrict", "admin3"), ("sub-district", "admin3"),
    ("district", "admin2"), ("nahiya", "admin3"), ("nahiyah", "admin3"), ("nahiyat", "admin3"),
    ("mintaqat", "admin2"), ("mantiqat", "admin2"), ("markaz", None),
    ("city", "populated_place"), ("town", "populated_place"), ("village", "populated_place"),
    ("villages", "populated_place"), ("hamlet", "populated_place"), ("locality", "populated_place"),
    ("township", "populated_place"), ("neighbourhood", "populated_place"),
    ("neighborhood", "populated_place"), ("suburb", "populated_place"), ("farms", "populated_place"),
    ("area", None), ("camp", None), ("idp camp", None), ("refugee camp", None),
    ("checkpoint", None), ("checkpoint area", None), ("crossing", None), ("border crossing", None),
    ("bridge", None), ("roundabout", None), ("junction", None), ("hospital", None),
    ("military base", "air_base"), ("base", None), ("prison", None), ("factory", None),
    ("oil pumping station", None), ("gas pumping station", None), ("water pumping station", None),
    ("pumping station", None), ("station", None), ("silos", None), ("hill", None), ("mountain", None), ("plain", None),
    ("desert", None), ("valley", None), ("country", "country"), ("airspace", "country"),
    ("skies", "country"), ("territory", "country"),
    # Arabic script: the generic word precedes the name ("محافظة الرقة", "مطار الطبقة").
    ("محافظة", "admin1"), ("محافظه", "admin1"), ("ريف", "admin1"), ("مدينة", "populated_place"),
    ("مدينه", "populated_place"), ("بلدة", "populated_place"), ("قرية", "populated_place"),
    ("ناحية", "admin3"), ("منطقة", "admin2"), ("مطار", "airport"), ("قاعدة", "air_base"), ("سد", "dam"), ("حقل", "oil_field"),
    ("نهر", "river"), ("بحيرة", "lake"),
]
_FEATURE_SUFFIX = sorted(FEATURE_WORDS, key=lambda kv: -len(kv[0]))
# Words without a kind that still come before a name ("Camp Taji").
_PREFIX_WORDS = frozenset({"camp", "base", "markaz"})
#: "the city of", "a small village called", "the province of": the words before a name that say
#: what it names (a kind, when the word has one).
_LEADING = re.compile(
    r"^(?:the\s+|a\s+|an\s+)?(?-i:[a-z][a-z-]*\s+){0,2}?(?P<word>city|town|village|hamlet|locality|province|"
    r"governorate|region|district|subdistrict|area|countryside|outskirts|suburbs|vicinity|camp)\s+"
    r"(?:of(?:\s+the)?|called|named|known\s+as)\s+",
    re.I,
)
_COMPASS_TAIL = re.compile(
    r"\s+((?:north|south|east|west)(?:ern)?|(?:north|south)[\s-]?(?:east|west)(?:ern)?|central|rural)$", re.I)
_COMPASS = re.compile(
    r"^(?:(?:north|south|east|west)(?:ern)?|(?:north|south)[\s-]?(?:east|west)(?:ern)?|"
    r"central|rural|greater|upper|lower|eastern\s+rural|western\s+rural)\s+",
    re.I,
)


class PlaceQuery:
    """A name as written, split into the name(s) and the words around it.

    Attributes
    ----------
    text : str
        The query as given.
    names : list of str
        One or more alternative spellings ("Kobane/Ayn al Arab" gives two),
        without feature words.
    full_names : list of str
        The same alternatives with their feature words ("Tabqa Dam").
    kind : str or None
        The kind hinted by a feature word ("air base" -> ``air_base``).
    modifier : str or None
        A leading compass or "rural" word that was set aside ("Northern Homs").
    featured : bool
        The words around the name say it is a place ("area", "village",
        "countryside", a compass word), whatever its kind.
    """

    __slots__ = ("text", "names", "full_names", "kind", "modifier", "featured")

    def __init__(self, text: str, names: list, kind, modifier, full_names=(), featured=False):
        self.text = text
        self.names = names
        self.full_names = list(full_names)
        self.kind = kind
        self.modifier = modifier
        self.featured = featured

    def __repr__(self) -> str:
        return f"PlaceQuery({self.text!r}, names={self.names!r}, kind={self.kind!r})"


_FEATURE_KIND = {w: k for w, k in FEATURE_WORDS}
_FEATURE_ALT = "|".join(re.escape(w) for w, _ in _FEATURE_SUFFIX)
_SUFFIX_RE = re.compile(rf"^(.+?)[\s,.;:-]+({_FEATURE_ALT})$", re.I | re.S)
_PREFIX_RE = re.compile(rf"^({_FEATURE_ALT})[\s,.;:-]+(.+)$", re.I | re.S)


def _strip_feature(name: str):
    """A name without its feature words: ("Tabqa air base") -> ("Tabqa", air_base, True)."""
    kind, found = None, False
    s = name.strip(" ,.;:-")
    while s:
        m = _SUFFIX_RE.match(s)
        if m:
            kind = kind or _FEATURE_KIND[m.group(2).lower()]
            s, found = m.group(1).strip(" ,.;:-"), True
            continue
        m = _PREFIX_RE.match(s)
        if m:
            word = m.group(1).lower()
            if _FEATURE_KIND[word] is not None or word in _PREFIX_WORDS:
                kind = kind or _FEATURE_KIND[word]
                s, found = m.group(2).strip(" ,.;:-"), True
                continue
        break
    return s, kind, found


def _without_leading(s: str) -> tuple:
    """(the words after "the town of"-like words, the kind those words give, whether any were there);
    repeated ("the outskirts of the city of Mayadin")."""
    kind, found = None, False
    for _ in range(3):
        m = _LEADING.match(s)
        if not m or not s[m.end():].strip():
            break
        kind = kind or _FEATURE_KIND.get(m.group("word").lower())
        s, found = s[m.end():], True
    return s, kind, found


@lru_cache(maxsize=100_000)
def parse_place_query(text: str) -> PlaceQuery:
    """Split a name as written in a report or an event table.

    Parameters
    ----------
    text : str
        e.g. ``"Hemeimeem air base"``, ``"Raqqa Province"``,
        ``"Kobane/Ayn al Arab town"``, ``"the city of Mayadin"``.

    Returns
    -------
    PlaceQuery

    Examples
    --------
    >>> q = parse_place_query("Kobane/Ayn al Arab town")
    >>> q.names, q.kind
    (['Kobane', 'Ayn al Arab'], 'populated_place')
    >>> parse_place_query("Hemeimeem air base").kind
    'air_base'
    """
    raw = " ".join(unicodedata.normalize("NFKC", text).split())
    modifier = None
    s, lead_kind, led = _without_leading(raw)
    s = re.sub(r"^the\s+", "", s, flags=re.I)
    m = _COMPASS.match(s)
    if m and len(s) > m.end():
        modifier = m.group(0).strip().lower()
        s, k, more = _without_leading(s[m.end():])
        lead_kind, led = lead_kind or k, led or more
    # Alternatives: "A/B", "A (B)", "A aka B", "A or B".
    parts = []
    paren = re.findall(r"\(([^)]*)\)", s)
    base = re.sub(r"\([^)]*\)", " ", s)
    for chunk in re.split(r"\s*/\s*|\s+(?:aka|a\.k\.a\.|or|also called|also known as)\s+", base):
        if chunk.strip():
            parts.append(chunk)
    parts.extend(p for p in paren if p.strip())
    kind = lead_kind
    featured = led
    names = []
    full = []
    for p in parts:
        name, k, found = _strip_feature(p)
        if found and name[-2:] in ("'s", "’s"):
            name = name[:-2]  # "Raqqa's province", "Idlib’s countryside"
        tail = _COMPASS_TAIL.search(name) if found else None
        if tail and tail.start() > 0:
            # "Raqqa southern countryside": the compass word qualifies the feature, as in front.
            modifier = modifier or tail.group(1).lower()
            name = name[:tail.start()]
        kind = kind or k
        featured = featured or found
        if name:
            names.append(name)
        if k and p.strip() != name:
            full.append(p.strip(" ,.;:-"))
    # A feature word on the last alternative applies to all ("Kobane/Ayn al Arab town").
    if not names:
        names = [raw]
    return PlaceQuery(raw, names, kind, modifier, full, featured or modifier is not None)
