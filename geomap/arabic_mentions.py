"""Arabic names that only look like places: Arabic has no capitals to tell a name, so the
words around it do.

A word that says what the next name is ("مدينة", the city of), a common word that is also a
hamlet's name ("الشرقية", eastern), a town's name that is also a verb ("تدمر", Palmyra and
"destroys"), a country's adjective ("السورية", Syrian) and a one-letter proclitic ("و", "ب")
before a name. :func:`geomap.mentions.find_mentions` asks these of every Arabic mention.
"""

from __future__ import annotations

import re

from .text import is_arabic, normalize

__all__ = ["AR_CUES", "PROCLITICS", "common_arabic_word", "arabic_verb", "arabic_adjective", "after_proclitic"]

_ARABIC = re.compile("[\u0600-\u06ff]")


#: Words before an Arabic name that make it a place: feature words ("the city of", "the village
#: of") and places' prepositions ("in", "near", "east of" ...).
AR_CUES = frozenset("""مدينة بلدة قرية قريتي ريف منطقة محافظة ناحية نهر مطار قاعدة حقل جبل سد مدينتي
في قرب بالقرب قربة شرق غرب شمال جنوب شرقي غربي شمالي جنوبي""".split())


def common_arabic_word(text: str, m, r) -> bool:
    """An Arabic word that is also the name of a hamlet nobody reports on ("الشرقية" eastern,
    "قسمين" two parts), or a loose alternate spelling of a little-known village ("الضفة" the bank,
    "أكثر" more): Arabic has no capitals to tell a name, so such a place needs a word that
    introduces it ("قرية جعدين", "في جعدين"). A town (it has a population) or a village reported
    on and written its own way (its first Arabic spelling) needs none."""
    if not _ARABIC.search(m.text) or len(m.text.split()) > 1 or r.place is None:
        return False
    from .phrases import GLUE

    if m.text in AR_CUES or m.text in GLUE:
        # "مدينة البوكمال": the word that says what the next name is ("the city"), not a village;
        # "الضفة المقابلة": a word of a relation ("the opposite bank"), not a hamlet of that name
        return True
    p = r.place
    if p.kind != "populated_place" or p.population:
        return False
    if p.events and normalize(r.candidates[0].matched) == normalize(_first_arabic(p)):
        return False
    before = text[max(0, m.start - 30):m.start].split()
    return not (before and before[-1] in AR_CUES)


_AR_WORD = re.compile("[\u0621-\u064a]+")


#: Words that follow a place as readily as a verb: prepositions, and times ("shelled Palmyra
#: yesterday").
_AR_AFTER_ANY = frozenset("في على من إلى الى عن مع قرب أمس مساء صباح ليلا ليلاً فجر ظهر عصر يوم".split())


def arabic_verb(text: str, m) -> bool:
    """A town's name that is also a verb in the present tense ("تدمر": Palmyra, and "destroys"):
    with no word before it that says a place comes (a preposition, "the city of", a proclitic
    "ب") and an indefinite noun straight after it (its object: "ضربات جوية تدمر مواقع", air strikes
    destroy positions), it is the verb.

    >>> from geomap.mentions import Mention
    >>> t = "ضربات جوية تدمر مواقع لداعش"
    >>> arabic_verb(t, Mention("تدمر", t.index("تدمر"), t.index("تدمر") + 4))
    True
    >>> t = "قصفت الطائرات مدينة تدمر"
    >>> arabic_verb(t, Mention("تدمر", t.index("تدمر"), t.index("تدمر") + 4))
    False
    """
    if not _ARABIC.search(m.text) or len(m.text.split()) > 1 or m.text[:1] not in "تي":   # "she/it does", "he does"
        return False
    if m.start > 0 and _AR_WORD.fullmatch(text[m.start - 1]):
        return False   # a proclitic written onto it ("بتدمر": in Palmyra)
    before = text[max(0, m.start - 30):m.start].split()
    if before and before[-1] in AR_CUES:
        return False
    after = text[m.end:m.end + 30].split()
    nxt = after[0] if after and text[m.end:m.end + 1].isspace() else ""
    return bool(_AR_WORD.fullmatch(nxt)) and not nxt.startswith(("ال", "و")) and nxt not in _AR_AFTER_ANY \
        and nxt not in AR_CUES


def arabic_adjective(m, r) -> bool:
    """"القوات السورية" (the Syrian forces): a country's name with the article it never takes is
    its adjective, not the country (Iraq's name has it: "العراق" stays Iraq)."""
    if r.place is None or r.place.kind != "country" or not is_arabic(m.text):
        return False
    word = m.text.split()[0]
    word = word[1:] if word[:1] in PROCLITICS and word[1:3] == "ال" else word
    return word.startswith("ال") and normalize(word) not in {normalize(n) for n in r.place.names if is_arabic(n)}


def _first_arabic(place) -> str:
    """A place's own Arabic spelling: the first of its names in Arabic script ("" if none)."""
    return next((n for n in place.names if is_arabic(n)), "")


#: Arabic one-letter proclitics: "and", "in/with", "for/of", "so", "like".
PROCLITICS = frozenset("وبلفك")


def after_proclitic(gaz, rest: str) -> bool:
    """Can a name follow a one-letter proclitic here? With its article ("والميادين"), a word that
    says what it is ("لنهر الفرات", "بمدينة"), or a town's own name ("ودمشق"); a word's first letter
    is no proclitic before a village's name ("وزارة", ministry, is not "و" + Zarah)."""
    if rest.startswith("ال") or rest.split()[0] in AR_CUES:
        return True
    place = gaz.resolve(rest).place
    return place is not None and bool(place.population)
