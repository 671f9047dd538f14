"""Place mentions in running text: gazetteer-driven, with character spans, resolved jointly.

A mention is the longest run of capitalised tokens (or Arabic-script words)
whose spelling the gazetteer knows, with the feature words that follow it
("Raqqa Province", "Hemeimeem air base", "Euphrates River"). Words that look
like places but are not are set aside by how they are used, not by a list:

- a name **inside a longer proper name** ("Deir ez-Zor Military Council",
  "Al-Mayadeen television", "Inside Syria Media Center", "Bashar al-Assad"):
  a capitalised or organisation word right before or after it;
- a place standing for its **government** ("Damascus stated", "Moscow's
  reaction"): followed by a speech verb or a possessive;
- a **common word** that happens to be a village's name: the text also uses
  it in lower case ("most" / "Most"), or it is a function word;
- a **demonym** ("Syrian", "Iraqi") unless it qualifies an area ("Iraqi airspace").

The document's mentions are then resolved together (:func:`geomap.joint.resolve_joint`).

Examples
--------
>>> ms = find_mentions("Russia's MoD said its jets stayed west of the Euphrates near Mayadin.")
>>> [(m.text, m.place.name) for m in ms]
[('Euphrates', 'Euphrates'), ('Mayadin', 'Al Mayādīn')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .arabic_mentions import PROCLITICS, after_proclitic, arabic_adjective, arabic_verb, common_arabic_word
from .name_roles import bare_demonym, is_demonym, stands_for_government
from .parties import party_of
from .report_header import MONTH_WORD
from .text import name_key, normalize

__all__ = ["Mention", "find_mentions", "tokens"]

#: A word (apostrophes and hyphens inside: "Ja'Din", "Deir ez-Zor"), or a possessive's "'s" on its own.
#: A hyphen never joins Arabic words ("دمشق-سانا" is a dateline: the place, then the agency).
#: Written as runs of word characters rather than one character at a time (a fifth faster).
_TOKEN = re.compile(r"[^\W\d_]\w*(?:(?:-(?![\u0600-\u06ff])|[`‘]|['’](?!s\b))\w+)*|(?<=\w)['’]s\b", re.UNICODE)
_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ath|ed|er|es|et|ez)[-‐]", re.I)
_ARABIC = re.compile("[\u0600-\u06ff]")
#: Words after a name that make it part of an organisation's or a medium's name.
_ORG_AFTER = frozenset("""television tv channel news agency council brigade brigades division
regiment battalion front forces army operations room media center centre network times post radio
newspaper university airlines airways club committee ministry police military command group
movement party office observatory institute governor province's""".split())
#: Weapons after a name that make it the weapon's model ("Apache helicopters", "Tomahawk
#: missiles"); plural only, as "the Shayrat missile strike" is a strike on Shayrat.
_WEAPON_AFTER = frozenset("""helicopters gunships missiles rockets drones bombers tanks howitzers
launchers""".split())
_FUNCTION = frozenset("""the a an and or but of in on at to from by for with as is was were be been
this that these those it its he she they we you his her their our after before while when where
which who what there here all any some most many more earlier later today yesterday tomorrow also
even however although though since until once then than such both each other into over under about
according two three four five six seven eight nine ten first second new old great""".split())
_FEATURE_AFTER = re.compile(
    # "Raqqa's province", "Raqqa southern countryside": an area of the place ("Syria's city of ..."
    # is another place: a possessive takes only area words).
    r"^(?:['’]s\s+|\s*)(?:(?:north|south|east|west)(?:ern)?\s+)?(?:province|governorate|countryside)\b|"
    r"^\s*(?:(?:international\s+)?air\s*port|air\s*base|airbase|air\s*field|dam|river|"
    r"(?:(?:oil|gas|water)\s+)?pumping\s+station|"
    r"district|sub-?district|valley|oil\s+field|gas\s+field|field|military\s+airport|city|town|village)\b",
    re.I)
_MAX_TOKENS = 5
#: Words before a name that say it is a settlement ("the small village of", "a town called").
_FEATURE_BEFORE = re.compile(r"\b(?:the|a|an)\s+(?:[a-z][a-z-]*\s+){0,2}?(?:village|town|city|hamlet)\s+"
                             r"(?:of|called|named|known\s+as)\s+$")
#: A number and a verb of saying, or what an outlet is, after a name: a local outlet ("Deir Ezzor 24
#: reported", "the Deir Ezzor 24 network").
_NUMBERED_SOURCE = re.compile(r"\s+\d{1,4}\s+(?:said|says|reported|reports|posted|published|wrote|tweeted|"
                              r"stated|added|claimed|network|channel|page|website|activists|monitor)\b", re.I)
#: Compass words, capitalised in area names ("East Euphrates", "Eastern Ghouta"): not part of a longer name.
_COMPASS = frozenset("east west north south eastern western northern southern".split())
#: Punctuation that no name runs across.
_BREAK = re.compile(r"[.,;:!?()\n]")
_BREAK_OR_QUOTE = re.compile(r"[.,;:!?()\n\"“”]")
_PARTICLES = frozenset("al el ez az ad ar as ash at an ad-din ed bin bani abu umm".split())


@dataclass(frozen=True)
class Mention:
    """A place named in a text: the words as written, their span, and the place they resolve to."""

    text: str
    start: int
    end: int
    place: object = None          # geomap.place.Place, or None
    status: str = "not_found"
    score: float = 0.0
    match: str = ""

    def to_feature(self, gazetteer) -> dict:
        """A GeoJSON feature, as geoparsers report mentions."""
        from shapely.geometry import mapping

        p = self.place
        props = {"text": self.text, "start": self.start, "end": self.end,
                 "name": p.name if p else None, "kind": p.kind if p else None,
                 "status": self.status, "score": round(self.score, 3), "match": self.match or None,
                 "admin1": (p.admin1 or None) if p else None, "pcode": (p.pcode or None) if p else None}
        return {"type": "Feature", "properties": props,
                "geometry": mapping(gazetteer.shape(p)) if p else None}


def tokens(text: str) -> list:
    """(word, start, end) for every word of a text; a possessive ("Raqqa's") is two tokens.

    >>> [w for w, _, _ in tokens("Raqqa's province, Ja'Din")]
    ['Raqqa', "'s", 'province', "Ja'Din"]
    """
    return [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _capitalised(word: str) -> bool:
    first = word[0]
    if first not in "aAeE":  # no article prefix ("al-", "el-", "ez-"...): the first letter tells
        return first.isupper() or (not word.isascii() and bool(_ARABIC.search(word)))
    m = _ARTICLE_PREFIX.match(word)
    core = word[m.end():] if m else word
    return (bool(core) and core[0].isupper()) or (not word.isascii() and bool(_ARABIC.search(word)))


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 80):start].rstrip(" \t*\"“'‘([")  # a window: never the whole text
    return not before or before[-1] in ".!?:\n"


def find_mentions(text: str, *, gazetteer=None, context=None) -> list:
    """The place mentions of a text, in order, resolved together.

    Parameters
    ----------
    text : str
    gazetteer : Gazetteer, optional
    context : ResolutionContext, optional
        Passed on to the joint resolution.

    Returns
    -------
    list of Mention
    """
    from .gazetteer import Gazetteer
    from .joint import resolve_joint

    gaz = gazetteer or Gazetteer.default()
    toks = tokens(text)
    caps = list(map(_capitalised, [w for w, _, _ in toks]))
    lower_words = {w.lower() for (w, _, _), c in zip(toks, caps) if not c}
    spans = []
    after = 0  # the token after the last mention: names do not overlap
    for i in [k for k, c in enumerate(caps) if c]:
        if i < after:
            continue
        found = _longest_name(text, toks, caps, i, gaz, lower_words)
        if found is not None:
            after, end, begin = found
            spans.append((begin, end))
    people = _surnames(text, toks, caps, gaz)
    mentions = [Mention(text[s:e], s, e) for s, e in spans if not _a_persons_name(text, s, e, people)]
    if not mentions:
        return []
    results = resolve_joint([_as_written(text, m) for m in mentions], gazetteer=gaz, context=context)
    return [Mention(m.text, m.start, m.end, r.place, r.status, r.score, r.match)
            for m, r in zip(mentions, results) if r.status != "not_found" and not _another_kind(r)
            and not common_arabic_word(text, m, r)
            and not _end_of_a_name(text, m, r, gaz, lower_words) and not _a_date(text, m)
            and not arabic_adjective(m, r) and not arabic_verb(text, m)]


def _another_kind(r) -> bool:
    """A river or lake named as one ("the Khabur river") that resolved to a place of another kind
    (the village Al Khabrah): no river of that name is known, and the village is not it."""
    return r.kind_hint in ("river", "lake") and r.place is not None and r.place.kind != r.kind_hint


#: A surname made of the article and a place's adjective ("al-Baghdadi", "al-Abadi").
_NISBA = re.compile(r"(?:[Aa]l|[Ee]l)-([A-Z][\w'’]+)$")
#: A given name before it ("Bakr", "Haider"): a capitalised word of letters only.
_GIVEN_NAME = re.compile(r"[A-Z][a-z]+")
#: The roles that come right before a person's name ("IS leader Baghdadi").
_ROLE_BEFORE = re.compile(r"\b(?:leader|chief|commander|emir|spokes(?:man|woman|person)|minister|president|"
                          r"cleric|preacher|envoy|ambassador)[ \t]+$")


def _surnames(text: str, toks: list, caps: list, gaz) -> set:
    """The name keys of people's surnames in a text: "al-X" ending a person's full name ("Abu Bakr
    al-Baghdadi", "Haider al-Abadi"; not "Deir al-Zor", a place's own name), found anywhere in it."""
    out = set()
    for k in range(1, len(toks)):
        m = _NISBA.match(toks[k][0])
        prev, pstart, pend = toks[k - 1]
        if m is None or not _GIVEN_NAME.fullmatch(prev) or prev.lower() in _FUNCTION or prev.lower() in _COMPASS \
                or _BREAK_OR_QUOTE.search(text[pend:toks[k][1]]) or _known(gaz, text[pstart:toks[k][2]]) \
                or (k + 1 < len(toks) and toks[k + 1][0].lower() in _ORG_AFTER):
            continue   # not "the Lebanon-based Al-Mayadeen channel"
        out.add(name_key(m.group(1)))
    return out


def _a_persons_name(text: str, start: int, end: int, surnames: set) -> bool:
    """A mention that is a person named again by surname ("Baghdadi is dead" after "Abu Bakr
    al-Baghdadi") or after a role ("IS leader Baghdadi"), not the village of that name."""
    if _ROLE_BEFORE.search(text, max(0, start - 20), start):
        return True
    m = _NISBA.match(text[start:end])
    return name_key(m.group(1) if m else text[start:end]) in surnames


#: A day's number beside a month's name (:data:`geomap.report_header.MONTH_WORD`) makes a date.
_DAY_AFTER = re.compile(r"\.?[ \t]*\d{1,2}(?:st|nd|rd|th)?\b")
_DAY_BEFORE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?[ \t]+$")


def _a_date(text: str, m) -> bool:
    """A month written beside a day ("on Nov. 12", "12 November"), not the place of that name."""
    return bool(MONTH_WORD.fullmatch(m.text)) and bool(_DAY_AFTER.match(text, m.end)
                                                    or _DAY_BEFORE.search(text[max(0, m.start - 8):m.start]))


def _as_written(text: str, m) -> str:
    """The query a mention is resolved as: its name, with the words before it that say it is a
    settlement ("a village called Rasafah": a place by the report's own words, even where no
    well-known place is spelled so)."""
    lead = _FEATURE_BEFORE.search(text, max(0, m.start - 48), m.start)
    return f"{lead.group(0)}{m.text}" if lead else m.text


_WORD_BEFORE = re.compile(r"([A-Z][\w'’-]*)[ \t]+$")


def _end_of_a_name(text: str, m, r, gaz, lower_words: set) -> bool:
    """A place spelled only loosely right after another capitalised word ("Qassem Soleimani",
    "General Zahreddine"): the end of a person's or a group's name, not the place
    (Sulaymaniyah). A place spelled its own way keeps its place ("Russian Hmeimim"), and so does
    one after a common word that starts a sentence ("Near Tabqah", "Yesterday Rasafa")."""
    if r.match not in ("variant", "fuzzy") or len(m.text.split()) > 1:
        return False
    before = _WORD_BEFORE.search(text, max(0, m.start - 40), m.start)
    if before is None:
        return False
    from .phrases import CUE   # a relation word capitalised at a sentence's start ("Near Tabqah")

    word = before.group(1).lower()
    common = word in _FUNCTION or word in _COMPASS or word in lower_words or word in CUE
    return not common and not is_demonym(gaz, word)


def _known(gaz, phrase: str, *, exact: bool = False) -> bool:
    """Does the gazetteer know this spelling (an acronym in capitals: only exactly)?"""
    if gaz.index.norm.get(normalize(phrase)):
        return True
    return not exact and bool(gaz.index.key.get(name_key(phrase)))


def _near_spelling(text: str, toks: list, caps: list, i: int, gaz) -> bool:
    """A capitalised word standing alone ("the towns of Sbikhan,") with a place's consonants and
    other vowels (Subaykhan): a mention for context to decide. Never a word in a run of capitalised
    ones, an organisation's or a person's name ("Reconciliation Centre", "Damien Sharkov")."""
    word, start, end = toks[i]
    if word.isupper():
        return False
    if i + 1 < len(toks) and caps[i + 1] and not _BREAK.search(text, end, toks[i + 1][1]):
        return False
    if i > 0 and caps[i - 1] and not _BREAK.search(text, toks[i - 1][2], start) and not _sentence_start(text, start):
        return False
    return gaz.index.same_consonants(name_key(word))


def _longest_name(text, toks, caps, i, gaz, lower_words) -> Optional[tuple]:
    """(index after the mention, end offset, start offset) of the longest known name starting at
    token ``i`` (the start is after an Arabic proclitic, if the name carries one).

    ``caps[k]`` tells whether token ``k`` is capitalised (worked out once per text).
    """
    word, start, _ = toks[i]
    if not caps[i]:
        return None
    # A capitalised function word inside a sentence can begin a longer name ("At Tanf", "The Hague").
    function = word.lower() in _FUNCTION
    if function and (i + 1 >= len(toks) or not caps[i + 1] or _sentence_start(text, start)):
        return None
    # How far a name can reach: capitalised words and the particles inside names, and no
    # punctuation between them.
    reach = 1
    while reach < _MAX_TOKENS and i + reach < len(toks) and (
            caps[i + reach] or toks[i + reach][0].lower() in _PARTICLES) \
            and not _BREAK.search(text, toks[i + reach - 1][2], toks[i + reach][1]):
        reach += 1
    best = None
    # An Arabic name may carry a one-letter proclitic ("والميادين" and Mayadin, "بالرقة" in Raqqa,
    # "لنهر الفرات" of the Euphrates river): the name starts after it.
    # (a word of three letters, "وسد", carries one only before more of a name: "وسد الفرات")
    proclitic = word[0] in PROCLITICS and len(word) >= 3
    for n in range(reach, 1 if function else 0, -1):
        last_end = toks[i + n - 1][2]
        if n > 1 and not caps[i + n - 1]:
            continue  # a name ends on a name word ("Deir ez-Zor", not "Raqqa and")
        phrase = text[start:last_end]
        # (two letters are no name, but a letter and a number can be: "T2", the pumping station)
        if (len(phrase) >= 3 or phrase[-1:].isdigit()) and (
                _known(gaz, phrase, exact=phrase.isupper()) or (n == 1 and _near_spelling(text, toks, caps, i, gaz))):
            best = (i + n, last_end, n, start)
            break
        if proclitic and (n > 1 or len(word) > 3) and _known(gaz, phrase[1:]) and (
                after_proclitic(gaz, phrase[1:]) or _coordinated(text, toks, i, gaz)):
            best = (i + n, last_end, n, start + 1)
            break
    if best is None:
        return None
    j, end, n, start = best
    phrase = text[start:end]
    if n == 1 and word.lower() in lower_words:
        return None  # a common word here ("Most"), not a name
    if phrase.isupper() and party_of(phrase):
        return None  # an agency or a party's acronym ("SANA", "SDF"), not the village of that name
    if bare_demonym(gaz, phrase, toks, j):
        return None
    feature = _FEATURE_AFTER.match(text[end:])
    if feature:
        end += feature.end()
        while j < len(toks) and toks[j][1] < end:
            j += 1
    if _inside_longer_name(text, toks, caps, i, j, end) or stands_for_government(text, toks, i, j, end):
        return None
    return j, end, start


def _coordinated(text, toks, i, gaz) -> bool:
    """A name joined by "و" (and) to the name before it ("قريتي حطلة ومراط", the villages of
    Hatla and Marrat): a place like the first."""
    if toks[i][0][0] != "و" or i == 0 or _BREAK.search(text, toks[i - 1][2], toks[i][1]):
        return False
    first = i - 2 if i > 1 and not _BREAK.search(text, toks[i - 2][2], toks[i - 1][1]) else i - 1
    return any(_known(gaz, text[toks[k][1]:toks[i - 1][2]]) for k in range(first, i))


def _inside_longer_name(text, toks, caps, i, j, end) -> bool:
    if _NUMBERED_SOURCE.match(text, end):
        return True  # "Deir Ezzor 24 said": an outlet named after the place, speaking
    if _ARABIC.search(toks[i][0]):
        return False  # Arabic has no capitals: a neighbouring word says nothing of a longer name
    if j < len(toks):
        nxt = toks[j][0]
        if nxt.lower() in _ORG_AFTER and not text[end:toks[j][1]].strip():
            return True  # "Al-Mayadeen television", not "Raqqa 24 times"
        if nxt.lower() in _WEAPON_AFTER and not text[end:toks[j][1]].strip():
            return True  # "Apache helicopters"
        if caps[j] and not _BREAK.search(text[end:toks[j][1]]):
            return True  # "Syria Media Center", "Raqqa Internal Security Forces"
    if i > 0:
        prev, _, pend = toks[i - 1]
        joined = not _BREAK_OR_QUOTE.search(text[pend:toks[i][1]])
        if joined and caps[i - 1] and prev.lower() not in _FUNCTION and prev.lower() not in _COMPASS \
                and not _sentence_start(text, toks[i - 1][1]):
            return True  # "Bashar al-Assad", "Inside Syria"
    return False
