"""The words around a place in a report that make it a claim's location.

Relation words before a place ("on the west side of the river near", "east of", in Arabic
"شرق", "بريف"), the glue between them ("the", "of", "village"), what links one place to the
next ("which is"), and where such a phrase begins (:func:`cue_start`) and ends
(:func:`chain_end`); negations (a denial), verbs whose object is where something happened
("bombed Mayadin"), a verb of saying right after a place (the place is the speaker's).

>>> text = "Jets flew on the west side of the river near the village of Mayadin."
>>> text[cue_start(text, 0, text.index("Mayadin")):]
'on the west side of the river near the village of Mayadin.'
"""

from __future__ import annotations

import re
from typing import Optional

from .clause_words import BORDER_SETTLEMENT, LINE_NOUN
from .name_roles import is_demonym

__all__ = ["CUE", "GLUE", "NEGATION", "ACTION", "ACTED_ON", "SPEAKER_AFTER", "SPEAKER_LEADS", "AREA_WORDS", "LIST_GAP",
           "is_cue",
           "cue_start", "chain_end", "shared_relation", "elsewhere", "arabic_relations"]

#: Words that relate a place to the position claimed, read backwards from the mention.
CUE = frozenset("""in on over at near around outside inside within into towards toward across
crossing crossed cross east west north south eastern western northern southern northeast northwest
southeast southwest north-east north-west south-east south-west northeastern northwestern southeastern
southwestern vicinity suburbs outskirts edge edges fringes periphery countryside centre center heart
bank banks side shore shores airspace skies
close beyond along off above from between opposite other
إلى الى في قرب بالقرب على شرق غرب شمال جنوب شرقي غربي شمالي جنوبي ريف محيط أطراف ضواحي باتجاه نحو عند داخل
قرية بلدة مدينة منطقة محافظة محاذاة
قريتي بلدتي مدينتي قرى بلدات""".split())   # Arabic: the same relations, and the words that introduce a place
# (a village, town, city ... and two villages, towns, cities; villages, towns)
#: One-letter Arabic words written onto the next ("بريف": in the countryside of).
_AR_PROCLITIC = frozenset("وبلف")
GLUE = frozenset("""the of a an city old town village settlement hamlet locality camp border river to km
part parts half end tip its their district districts neighbourhood neighbourhoods neighborhood neighborhoods
quarter quarters
kilometers kilometres miles area areas region called named about approximately roughly nearly almost some
few several couple
من ل الضفة ضفة الشرقية الغربية الشمالية الجنوبية نهر""".split())
NEGATION = re.compile(r"\b(?:not(?!\s+(?:far|only|least|just)\b)|no(?!\s+(?:more|less)\s+than\b)|never|"
                       r"denied|denies|deny|rather than|instead of|contest\w*|false|rejected?)\b|"
                       r"(?:^|\s)و?(?:نفى|نفت|ينفي|تنفي|لم|لن|ليس)(?=\s)", re.I)   # Arabic: denied, did not ...
#: Verbs whose object is where something happened ("bombed Mayadin", "crossed the Euphrates").
ACTION = re.compile(r"\b(?:struck|strik(?:es?|ing)|bomb(?:s|ed|ing)?|hit(?:s|ting)?|shell(?:s|ed|ing)|"
                     r"pound(?:s|ed|ing)?|clear(?:s|ed|ing)?|"
                     r"target(?:s|ed|ing)|attack(?:s|ed|ing)|raid(?:s|ed|ing)|cross(?:es|ed|ing)?|"
                     r"enter(?:s|ed|ing)|captur(?:es?|ed|ing)|t(?:ook|akes?|aken|aking)|seiz(?:es?|ed|ing)|"
                     r"ret(?:ook|akes?|aken|aking)|recaptur(?:es?|ed|ing)|liberat(?:es?|ed|ing)|"
                     r"reach(?:es|ed|ing)?|approach(?:es|ed|ing)?|advanc(?:es?|ed|ing)|"
                     r"escap(?:es?|ed|ing)|fle(?:e|es|d|eing)|le(?:ft|aves?|aving)|"
                     r"fl(?:y|ies|ew|own|ying)|overfl(?:y|ies|ew|own|ying)|shot down|downed|"
                     # "restored security and stability to", "regained control over": the place now held
                     r"control(?:s|led|ling)?|h(?:olds?|eld|olding)|"   # who holds a place is there
                     r"(?:restor(?:es?|ed|ing)|regain(?:s|ed|ing)?)\s+(?:full\s+)?(?:security|stability|order|calm|"
                     r"control)(?:\s+and\s+(?:security|stability|order|calm))?\s+(?:to|over|of|in)|"
                     # "drove the militants out of": the place the speaker's side now holds
                     r"(?:dr(?:ove|iven?|iving)|push(?:ed|ing)?|expell(?:ed|ing)?|oust(?:ed|ing)?|"
                     r"flush(?:ed|ing)?|chas(?:ed|ing))\s+(?:[\w'’-]+\s+){0,3}?out\s+of)"
                     r"(?:\s+(?:the|a|an|positions?|targets?|areas?|villages?|towns?|city|of|in|near|at|called|"
                     r"named|control))*"
                     # a description of the place before its name ("captured Syria's largest oil field, al-Omar")
                     r"(?:\s+(?:[\w'’-]+\s+){0,3}?(?:oil\s+field|gas\s+field|field|dam|airport|air\s*base|base|"
                     r"town|village|city|stronghold|bastion)\s*,)?\s*$",
                     re.I)
#: A place as the subject of a passive verb of the same kind ("the city itself was being pounded"),
#: or a river followed by the bank it was crossed to (Arabic puts the verb before its subject).
ACTED_ON = re.compile(r"(?:\s+itself)?\s+(?:was|were|is|are|had\s+been|has\s+been|have\s+been)\s+(?:being\s+)?"
                      r"(?:(?:repeatedly|heavily|reportedly|also)\s+)?(?:struck|bombed|hit|shelled|pounded|targeted|"
                      r"attacked|raided|captured|taken|seized|retaken|recaptured|liberated|overflown)\b|"
                      # a river crossed to a bank ("نهر الفرات إلى الضفة الشرقية": the Euphrates, to its
                      # eastern bank)
                      r"\s+(?:إلى|الى)\s+ال?ضفة\s", re.I)
#: A verb of saying right after a place: the place is the speaker's ("activists in Raqqa said").
SPEAKER_AFTER = re.compile(r"(?:\s+(?:city|town|village|province|countryside))?\s+(?:said|say|says|told|tell|tells|"
                            r"reported|report|reports|confirmed|added|noted|stated)\b(?!\s+by\b)")
#: A sentence that opens on where its speaker is ("In Beirut, an official with Hezbollah said ...").
SPEAKER_LEADS = (re.compile(r"\W*(?:In|From)\s+(?:the\s+)?"),
                 re.compile(r"\s*,\s*[^,;.]{2,60}?\s(?:said|says|told|tells|stated|added|reported|confirmed|"
                            r"announced|denied)\b"))
AREA_WORDS = re.compile(r"\b(?:airspace|skies|territory|border)\b", re.I)


def cue_start(text: str, floor: int, start: int, gaz=None) -> int:
    """Where the relation words before a mention begin ("on the west side of the river near ...",
    "south of the Syrian town of Tabqah": a country's demonym is glue)."""
    words = list(re.finditer(r"[\w'’-]+", text[floor:start]))
    begin = start
    for w in reversed(words[-14:]):
        word = w.group(0).lower()
        if is_cue(word) or word.isdigit():
            begin = floor + w.start()
        elif word not in GLUE and not _MODIFIER.match(w.group(0)) \
                and not (gaz is not None and word[0].isalpha() and is_demonym(gaz, word)):
            break
    # Never start on a glue word ("the river near X" starts at a cue).
    return begin


def is_cue(word: str) -> bool:
    """A relation word, in English or Arabic (with a one-letter proclitic: "بريف")."""
    return word in CUE or (word[:1] in _AR_PROCLITIC and word[1:] in CUE)


#: A thing of the place's after its name, then a comma ("the dam's power station,"): where the
#: words after it put the thing, they put the place.
_OWNED = r"['’]s(?:\s+[a-z][a-z-]*){1,3}"
_POSSESSED = re.compile(_OWNED + r"\s*,")


def possessed_dropped(words: str) -> str:
    """The words with a place's thing left out ("Tabqa Dam's power station, on the northern bank"
    reads as "Tabqa Dam, on the northern bank"): geomap reads where a place is, not its parts.

    >>> possessed_dropped("Tabqa Dam's power station, on the northern bank of the Euphrates")
    'Tabqa Dam, on the northern bank of the Euphrates'
    """
    return re.sub(_OWNED + r"(?=\s*,)", "", words)


def chain_end(text: str, end: int, stop: int, inside: list, gaz=None) -> int:
    """Extend over the next mentions when only relation words come between ("Mayadin in the
    airspace over the western bank of the Euphrates", "Ja'Din, which is west of Raqqa"), or a
    country's demonym ("..., across the border from the Iraqi town of al-Qaim": with ``gaz``)."""
    while True:
        nxt = next((x for x in inside if x.start >= end), None)
        if nxt is None or nxt.start > stop:
            break
        owned = _POSSESSED.match(text, end, nxt.start)   # "the dam's power station, on the northern bank"
        gap = re.findall(r"[\w'’-]+|[^\w\s]", text[owned.end() if owned else end:nxt.start])
        words = [g.lower() for g in gap if g not in (",", "،")]   # (the Arabic comma too)
        if words == ["and"] and _BETWEEN.search(text, max(0, end - 80), end):
            end = nxt.end   # "between al-Asharah and Deir Ezzor": both ends of one place
            continue
        if not (0 < len(words) <= 12) or not all(is_cue(w) or w in GLUE or w in _LINK or w.isdigit()
                                                 or (gaz is not None and w[0].isalpha() and is_demonym(gaz, w))
                                                 for w in words):
            break
        end = nxt.end
    tail = _TAIL.match(text, end, stop)
    return tail.end() if tail else end


def shared_relation(text: str, end: int, stop: int, inside: list) -> Optional[str]:
    """The relation a list of places shares, written after its last name ("the villages of A and
    B on the western bank of the Euphrates": A is on the western bank too), for the place that
    ends at ``end``; None when no list or no relation follows.

    >>> from types import SimpleNamespace as M
    >>> t = "took A-town and B-town on the western bank of the river, the army said"
    >>> shared_relation(t, 11, len(t), [M(start=16, end=22)])
    'on the western bank of the river'
    """
    last = end
    for x in inside:
        if x.start < last:
            continue
        if x.start > stop or not LIST_GAP.fullmatch(text, last, x.start):
            break
        last = x.end
    if last == end:
        return None
    rel = _RELATION_AFTER.match(text, last, stop)
    if rel is None or not is_cue(rel.group(1).split()[0].lower()):
        return None
    return " ".join(rel.group(1).split())


#: Between the names of a list: a comma, "and", "or" (and the feature words of the next name).
LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)(?:the\s+)?"
                      r"(?:(?:village|town|city|settlement)s?\s+of\s+)?|"
                      # Arabic: "و" written onto the next name, or onto its word ("وبلدة")
                      r"[،,]?\s*و(?:(?:مدينة|بلدة|قرية)\s+)?", re.I)
#: The relation after a list's last name, to the end of its clause.
_RELATION_AFTER = re.compile(r"[ \t]*,?[ \t]*([a-z][^,;.!?\n]*)")


_BETWEEN = re.compile(r"\bbetween\s+[^,;.]*$", re.I)
_LINK = frozenset("which that is was lies lay التي الذي تقع يقع".split())
#: A hyphenated modifier between the relation words and the name ("the SDF-held town of",
#: "the agreed-upon ... line"): glue.
_MODIFIER = re.compile(r"^\w+(?:-[a-z]+)+$")   # not a name ("al-Rasafah": its last part is capitalised)
#: Words after a name that belong to the place ("the Euphrates River de-confliction line").
_TAIL = re.compile(r"\s+(?:" + LINE_NOUN + r"|river|valley|"
                   r"airspace|skies|territory|region|area|countryside|province|governorate|"
                   r"(?:borders?(?:\s+(?:area|region|strip|zone))?|frontier)"
                   r"(?!\s+(?:" + "|".join(sorted(BORDER_SETTLEMENT)) + r")\b))\b", re.I)


#: People's origin ("families who had fled fighting in Aleppo", "displaced from Homs", "trying to
#: escape from Raqqa", "slipping out of the city"), or where fire came from: where they came from,
#: not where the event was. Read in the clause before the place.
_ORIGIN = re.compile(r"\b(?:(?:fled|fleeing|displaced|evacuated|uprooted|came|coming|hailing|originally|"
                     r"escap(?:e|es|ed|ing)|withdr(?:ew|awn|awing|aws?))"
                     r"(?:\s+(?:the\s+)?(?:fighting|violence|clashes|battles?|bombing|war|shelling))?\s+(?:in|from)|"
                     r"(?:break(?:s|ing)?|broke|slip(?:s|ped|ping)?|pull(?:s|ed|ing)?)\s+out\s+of|"
                     # where fire or aircraft came from ("shelled X with artillery from positions in
                     # Deir ez-Zor city", "jets that took off from Hmeimim")
                     r"(?:from|out\s+of)\s+(?:(?:its|their|his|her|the|government|regime|army|artillery)\s+){0,2}"
                     r"(?:positions?|bases?|posts?|batteries|launchers)\s+(?:in|at|near|inside|around)|"
                     r"(?:t(?:ook|akes?|aking)\s+off|launched|fired)\s+from)\s+"
                     r"(?:the\s+)?(?:[\w'’-]+\s+){0,3}$")

#: A goal not reached ("to stop the convoy from reaching the Iraqi border", "heading for Albu Kamal",
#: "will not allow anyone to cross to the east of the river", "advancing toward Albu Kamal", "نحو البوكمال",
#: "used to launch attacks on Anbar").
_GOAL = re.compile(r"\b(?:(?:from|before|to|not|never|without)\s+reach(?:ing)?|heading\s+(?:to|for|towards?)|"
                   r"(?:to|will|would|could|can|cannot|may|might|not)\s+cross(?:\s+over)?\s+(?:to|into)|"
                   r"towards?|[وف]?(?:نحو|باتجاه)|"
                   r"bound\s+for|en\s+route\s+to|on\s+(?:its|their|his|her|the)\s+way\s+to|"
                   # a purpose, not an event: "depots used to launch attacks on Anbar"
                   r"to\s+(?:launch|stage|mount|carry\s+out|plan)\s+(?:\w+\s+)?(?:attacks?|strikes?|raids?|operations?)"
                   r"\s+(?:on|against|in|into))\s+"
                   r"(?:the\s+)?(?:[\w'’-]+\s+){0,3}$", re.I)
#: After a place in a speaker's apposition: the rest of it, then the verb of saying
#: ("Al-Mayadeen television, which is close to Damascus, said ...").
_THEN_SAID = re.compile(r"[^,.;]{0,60},\s*(?:also\s+)?(?:said|says|told|reported|claimed|stated|added|announced|"
                        r"wrote|denied|confirmed)\b")


def elsewhere(text: str, start: int, m_start: int, m_end: int, speaker: str) -> Optional[str]:
    """Why a place named in a statement is not where its event is ("origin", "goal", "speaker"),
    or None. ``start``: the statement's start; the place spans ``m_start:m_end``.

    >>> t = "The group, based in Beirut, said families who fled fighting in Aleppo were hit."
    >>> elsewhere(t, 0, t.index("Beirut"), t.index("Beirut") + 6, "The group")
    'speaker'
    >>> elsewhere(t, 0, t.index("Aleppo"), t.index("Aleppo") + 6, "The group")
    'origin'
    """
    clause = re.split(r"[,;:]", text[max(start, m_start - 80):m_start])[-1]
    if _ORIGIN.search(clause):
        return "origin"
    if _GOAL.search(text[max(start, m_start - 60):m_start]):
        return "goal"
    before = text[start:m_start]
    comma = before.rfind(",")
    if speaker and comma > 0 and speaker in before[:comma] and _THEN_SAID.match(text, m_end):
        return "speaker"
    return None


_AR_DIRECTION = {"شرق": "east", "غرب": "west", "شمال": "north", "جنوب": "south"}
_AR_AT = r"(?:^|(?<=\s))"   # at a word's start
#: (Arabic words, their English), in the order they are read; an empty English drops the words.
_AR_RULES = [
    (re.compile(_AR_AT + r"(?:على\s+)?[بو]?ال?ضف[ةه]\s+ال(شرقية|غربية)\s+ل?"),      # the eastern bank of
     lambda m: f"{_AR_DIRECTION[m.group(1)[:3]]} bank of "),
    (re.compile(_AR_AT + r"[بو]?(شمال|جنوب)?\s*(شرق|غرب|شمال|جنوب)(?:ي|يّ)?\s+"),       # (north)east of
     lambda m: f"{_AR_DIRECTION.get(m.group(1), '')}{_AR_DIRECTION[m.group(2)]} of "),
    (re.compile(_AR_AT + r"(?:التي|الذي)\s+(?:تقع|يقع)\s+(?:[بو]?محاذاة\s+)?"), lambda m: ""),  # which lies
    (re.compile(_AR_AT + r"[بو]?ريف\s+"), lambda m: "countryside of "),
    (re.compile(_AR_AT + r"(?:بالقرب\s+من|قرب|قربة)\s+"), lambda m: "near "),
    (re.compile(_AR_AT + r"(?:في|داخل)\s+"), lambda m: "in "),
    (re.compile(_AR_AT + r"(?:على|عند|[بو]?محاذاة)\s+"), lambda m: ""),
]


def arabic_relations(phrase: str) -> str:
    """Arabic relation words in the English geomap reads, the names left as written, each
    relation a clause of its own: "قرية الشعفة بريف دير الزور" is "قرية الشعفة, countryside of
    دير الزور", "الضفة الشرقية لنهر الفرات" "east bank of نهر الفرات".

    >>> arabic_relations("قرب الميادين شرق نهر الفرات")
    'near الميادين, east of نهر الفرات'
    >>> arabic_relations("بلدة الشعفة في ريف دير الزور")
    'بلدة الشعفة, countryside of دير الزور'
    """
    def clause(english):
        def sub(m):
            text = english(m)
            return (", " if m.start() > 0 and text else "") + text   # after other words: a clause of its own
        return sub

    # "نهر الفرات إلى الضفة الشرقية" (the Euphrates, to the eastern bank): the eastern bank of it.
    out = re.sub(r"(نهر\s+\S+)\s+(?:إلى|الى)\s+(ال?ضفة\s+\S+)", r"\2 ل\1", phrase)
    for rx, english in _AR_RULES:
        out = rx.sub(clause(english), out)
    out = re.sub(r"(?:\s*,\s*)+", ", ", " ".join(out.split())).strip(" ,")
    # A relation with nothing of its own before the next one ("في ريف": in the countryside of) is that one.
    return re.sub(r"(?:^|(?<=, ))(?:in|near)(?:, |$)", "", out).strip(" ,")
