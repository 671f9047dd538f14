"""Names that stand for something other than their place: a government named by its seat
("Damascus said", "no comment from Moscow"), and a country's demonym ("Syrian"), which names an
area only with an area word after it ("Iraqi airspace").

>>> from geomap.gazetteer import Gazetteer
>>> is_demonym(Gazetteer.default(), "Iraqi"), is_demonym(Gazetteer.default(), "Raqqa")
(True, False)
"""

from __future__ import annotations

import re

from .clause_words import BORDER_SETTLEMENT
from .text import normalize

__all__ = ["is_demonym", "bare_demonym", "stands_for_government"]

#: Verbs that make a place stand for its government ("Damascus stated").
_SPEECH = frozenset("""said says stated states claimed claims announced announces reported reports
warned warns accused accuses denied denies insisted insists confirmed confirms added told urged
responded condemned vowed demanded saying claiming insisting""".split())
#: Words after a demonym that make it an area ("Iraqi airspace").
_AREA_AFTER = frozenset("airspace territory border borders skies soil side".split())
#: Words after a possessive that make the name a place ("Raqqa's province", "Idlib's countryside").
_PLACE_AFTER = frozenset("""province governorate countryside outskirts suburbs city town villages
district districts desert east west north south eastern western northern southern
old centre center downtown neighbourhood neighbourhoods neighborhood neighborhoods quarter quarters
streets edge edges periphery outer airport dam bridge""".split())   # "Raqqa's Old City", "... airport"


def stands_for_government(text: str, toks: list, i: int, j: int, end: int) -> bool:
    """Whether the name of tokens ``i:j`` (ending at ``end``) is a government speaking or asked,
    not its city: "Damascus said", "Moscow's reaction", "the regime in Damascus"."""
    after = text[end:end + 3]
    if after.startswith(("'s", "’s")):
        # "Moscow's reaction" is its government; "Raqqa's province", "Syria's airspace" are places.
        nxt = toks[j + 1][0].lower() if j + 1 < len(toks) and toks[j][0] in ("'s", "’s") else ""
        return nxt not in _AREA_AFTER and nxt not in _PLACE_AFTER
    if j < len(toks) and toks[j][0].lower() in _SPEECH and not text[end:toks[j][1]].strip():
        # "Damascus said" is the government; "the headquarters in Iraq said" is a place.
        return i == 0 or toks[i - 1][0].lower() not in _LOCATIVE
    start = toks[i][1]
    if _SEAT.search(text, max(0, start - 30), start):
        return True   # "the government in Damascus": the government, not the city
    # "no immediate comment from Moscow or Damascus": who would answer, not where.
    before = text[max(0, start - 6):start]
    if not before.endswith(("from ", "or ", "and ", "nor ")):
        return False
    return _WORD_FROM.search(text, max(0, start - 80), start) is not None


#: What a government gives ("comment from", "a response from"), right before a name (and another
#: name it is listed with: "from Moscow or").
_WORD_FROM = re.compile(r"\b(?:comments?|responses?|reactions?|statements?|word|confirmation|denials?|"
                        r"answers?|replies|reply)\s+from\s+(?:[A-Z][\w’'-]*\s+(?:or|and|nor)\s+)?$")


#: Prepositions that make the name after them a place, whatever verb follows.
#: A government named by its seat ("approved by the government in Damascus", "the regime in Damascus").
_SEAT = re.compile(r"\b(?:government|regime|authorities|leadership)\s+in\s+$")
_LOCATIVE = frozenset("in at near from inside outside over across".split())


def is_demonym(gaz, word: str) -> bool:
    """Is this word a country's demonym the gazetteer knows ("Syrian", "Iraqi", "Turkish")?"""
    low = normalize(word)
    if not low.endswith(("ian", "ish", "ese", "i")):
        return False
    hits = gaz.index.norm.get(low, ())
    return bool(hits) and all(gaz.index.places[k].kind == "country" for k, _ in hits)


def bare_demonym(gaz, phrase, toks, j) -> bool:
    """A demonym not naming an area ("Iraqi airspace" does; "the Syrian border town of" is a town's)."""
    if not is_demonym(gaz, phrase):
        return False
    area = j < len(toks) and toks[j][0].lower() in _AREA_AFTER
    return not area or (j + 1 < len(toks) and toks[j + 1][0].lower() in BORDER_SETTLEMENT)
