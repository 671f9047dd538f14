"""From a place mentioned in a sentence to the words geomap reads there: the longest part of
the relation phrase around it that :mod:`geomap.relations` can read, "the river" as the river
last named, a crossing as the side that is not the crosser's own, a heading left out.

Examples
--------
>>> from geomap.gazetteer import Gazetteer
>>> from geomap.mentions import find_mentions
>>> gaz = Gazetteer.default()
>>> ms = find_mentions("Jets struck west of the Euphrates near Mayadin.", gazetteer=gaz)
>>> reading("west of the Euphrates near Mayadin", ms[1], ms, gaz)
('west of the Euphrates near Mayadin', True)
"""

from __future__ import annotations

import re
import weakref
from typing import Optional

from .phrases import arabic_relations, is_cue
from .references import THE_BANK, THE_RIVER
from .text import is_arabic

__all__ = ["reading", "crossing", "readable", "precision", "across_alone"]


_ACROSS = re.compile(r"(?:across|cross(?:es|ed|ing)?)\s+(?:over\s+)?(?:the\s+)?", re.I)


def across_alone(phrase: str, river: str) -> bool:
    """A river crossed and nothing more ("across the Euphrates River", "crossed the river")."""
    lead = _ACROSS.match(phrase)

    def bare(words: str) -> str:
        words = re.sub(r"^the\s+", "", words.lower())
        return re.sub(r"\s+river$", "", words)

    return bool(lead) and bare(phrase[lead.end():]) == bare(river)


_CROSS = re.compile(r"\bcross(?:es|ed|ing)?\s+(?:over\s+)?(?:the\s+)?$", re.I)


def crossing(text, st, m) -> Optional[str]:
    """"the Russian pilots crossing the Euphrates": a party that crosses a deconfliction line is
    on the side that is not its own (the line's ``side_parties``), so the claim reads "east of the
    Euphrates". None when the words are not a crossing, the river is no line, or the actor's side
    is not known."""
    from .parties import nearest_party, party_of

    verb = _CROSS.search(text[max(st.start, m.start - 40):m.start])
    if not verb:
        return None
    line = _line_named(m.place)
    if line is None or not line.side_parties:
        return None
    lo = max(st.start, m.start - 120)
    window = text[lo:min(st.end, m.end + 80)]
    # The source of the statement ("..., the coalition said") is not the one crossing.
    skip = tuple((k.start(), k.end()) for k in re.finditer(rf"\b{re.escape(st.speaker)}\b", window)) \
        if st.speaker else ()
    at = max(st.start, m.start - 40) + verb.start() - lo
    crossers = list(_NO_SIDE.finditer(window, 0, at))
    if crossers and party_of(window[crossers[-1].end():at]) is None:
        return None   # "boats that Islamic State fighters were using to cross": crossers of no side
    actor = nearest_party(window, at, skip=skip)
    own = line.side_of_party(actor) if actor else None
    return f"{line.other_side(own)} of the {m.place.name.split(' (')[0]}" if own else None


#: Those who cross a line and are on no side of it: the armed group both sides fight, civilians.
_NO_SIDE = re.compile(r"\b(?:Islamic State|ISIS|ISIL|IS|Daesh|militants?|jihadists?|civilians|families|"
                      r"residents|refugees|smugglers)\b")


def _line_named(place):
    """The built-in deconfliction line that a river or place is (the Euphrates), if any."""
    from .lines import builtin_lines
    from .text import name_key

    key = name_key(place.name)
    for ln in builtin_lines():
        if key and (name_key(ln.name) == key or name_key(ln.title).startswith(key)):
            return ln
    return None


def reading(phrase, m, mentions, gaz) -> tuple:
    """(geomap's reading of the phrase, whether all of it was read) or (None, False)."""
    rivers = [x for x in mentions if x.end <= m.start and x.place is not None and x.place.kind == "river"
              and not (THE_RIVER.fullmatch(x.text) or THE_BANK.fullmatch(x.text))]   # as named
    words = _pinned(phrase, m, gaz)
    if is_arabic(words):
        words = arabic_relations(words)   # "شرق نهر الفرات": "east of نهر الفرات"
    referred = m.place.kind == "river" and (THE_RIVER.fullmatch(m.text) or THE_BANK.fullmatch(m.text))
    # the river last named, else the one the reference was taken for (a report that names none)
    river = rivers[-1].text if rivers else m.place.name if referred else None
    if river:
        words = THE_RIVER.sub(f"the {river}", words)
        words = THE_BANK.sub(lambda b: f"{b.group(0)} of the {river}", words)
    goal = _TOWARD.search(words)
    if goal and re.search(r"[A-Z\u0600-\u06FF]", words[:goal.start()]):   # a place named before the heading
        # "advanced 20 km south-east of al-Mayadin toward Abu Kamal": where it is, not where it heads.
        before, _ = _reading_of(words[:goal.start()], m, gaz)
        if before is not None:
            return before, False
    return _reading_of(words, m, gaz)


#: A heading after a position ("... toward Abu Kamal").
_TOWARD = re.compile(r"\s+(?:towards?|heading\s+(?:to|for|towards?))\s+\S.*$", re.I)


def _reading_of(words: str, m, gaz) -> tuple:
    toks = words.split()
    # Try the whole phrase, then from each later relation word, then the name alone.
    cuts = [0] + [k for k in range(1, len(toks)) if is_cue(toks[k].lower()) or toks[k].isdigit()]
    name_words = len(m.text.split())
    cuts.append(max(0, len(toks) - name_words))
    for k in dict.fromkeys(cuts):
        candidate = " ".join(toks[k:])
        if m.place.kind != "river" and m.text not in candidate and m.place.name not in candidate:
            continue   # past the place: a later one's words ("Albu Kamal on the Syrian [side]"); a river
            # crossed is read with the words after it ("crossed the Euphrates near Deir ez-Zor")
        if readable(candidate, gaz):
            return candidate, k == 0
    return None, False


def _pinned(phrase: str, m, gaz) -> str:
    """The phrase with the mention spelled the gazetteer's way when the document's other places
    decided it ("Rusafa" near Tabqa and Raqqa is Ar Rasafah; alone it is no known place)."""
    from .relations import clauses_of

    if THE_RIVER.fullmatch(m.text) or THE_BANK.fullmatch(m.text):
        return phrase  # "the river": read as the river last named (see reading)
    alone = gaz.resolve(m.text)
    if alone.place is not None and alone.place.id == m.place.id:
        return phrase
    if alone.status == "ambiguous" and len(clauses_of(phrase)) > 1:
        return phrase  # "A, on the western bank": the phrase's own parts tell A's namesakes apart
    own = gaz.resolve(m.place.name)
    if own.place is None or own.place.id != m.place.id or m.text not in phrase:
        return phrase
    return phrase.replace(m.text, m.place.name)


#: Per gazetteer (held weakly, as border bands are): phrase -> precision.
_READ: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def readable(phrase, gaz) -> bool:
    """Can geomap read this phrase? (remembered: reports repeat their phrases)."""
    return precision(phrase, gaz) is not None


def precision(phrase, gaz) -> Optional[int]:
    """The finest precision geomap reads in this phrase, None if it reads none (remembered)."""
    from .relations import reading_precision

    read = _READ.setdefault(gaz, {})
    if phrase not in read:
        if len(read) > 10_000:
            read.clear()
        read[phrase] = reading_precision(phrase, gazetteer=gaz)
    return read[phrase]
