"""Parties: who a source speaks for, from the words that name it.

A source phrase ("the Russian Defence Ministry", "a Pentagon spokesman", "SANA") names a party
by :data:`PARTIES`, first match winning; forces named by who backs them are that backer's
partner (:data:`PARTNERS`), and a backer named as an adjective is no source.

>>> party_of("Maj.-Gen. Igor Konashenkov's MoD"), party_of("U.S.-backed Syrian militias")
('Russian MoD', 'SDF')
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

__all__ = ["PARTIES", "SPEAKERS_ONLY", "PARTNERS", "PART_OF", "party_of", "nearest_party", "kin"]

#: Party -> pattern of the words that name it (first match wins: specific before general).
PARTIES = [
    ("SOHR", r"Syrian Observatory\b|\bSOHR\b|\b[Tt]he Observatory\b"),
    # The SDF's member councils ("Deir ez-Zor Military Council", "Manbij Military Council").
    ("SDF", r"\bSDF\b|Syrian Democratic Forces|\bYPG\b|\bYPJ\b|Kurdish-led|Kurdish forces|Military Council|"
            r"(?:Jazira|Jazeera|Cizire) Storm"),
    ("Russian MoD", r"Russian (?i:Ministry of Defen[cs]e|Defen[cs]e Ministry|MoD|military|general staff)|"
                    r"Russia'?s? (?i:MoD|Ministry of Defen[cs]e|Defen[cs]e Ministry|military)|\bMo[Dd]\b|\bMOD\b|"
                    r"Russian (?:MOD|general)|Shoigu"),
    ("Russia", r"\bRussia\b|\bRussian\b|Moscow|Kremlin|Lavrov|Putin|\bTASS\b|Sputnik|RIA Novosti"),
    ("US-led coalition", r"\bU\.?S\.?\b|\bUSA\b|United States|American|Pentagon|[Cc]oalition|"
                         r"Central Command|CENTCOM|CJTF|Air Forces Central|Washington|Department of "
                         r"Defen[cs]e|Joint Chiefs|State Department|Inherent Resolve|\bOIR\b"),
    ("Syrian government", r"Syrian (?i:government|army|regime|military|Arab Army|Air Force|Arab Air Force|"
                          r"state(?:-run|-owned)? (?:media|television|TV|news agency|broadcaster|radio)|"
                          r"foreign ministry|ministry|statement|side|authorities|"
                          r"troops|officials|general command|defen[cs]e ministry)|"
                          r"Syria['’]s (?i:government|army|military|air defen[cs]es?|foreign ministry|defen[cs]e "
                          r"ministry|state media|general command)|"
                          r"\bSAA\b|\bSANA\b|Damascus|Assad|regime"),
    ("Hezbollah", r"Hezbollah|Hizbullah|Hizballah"),
    ("Israel", r"\bIsrael\b|Israeli|\bIDF\b"),
    ("Iran", r"\bIran\b|Iranian|Tehran|IRGC|Revolutionary Guard"),
    ("Iraq", r"\bIraq\b|Iraqi|Baghdad"),
    ("Turkey", r"\bTurkey\b|Turkish|Ankara|Erdogan|Erdoğan"),
]
#: The same parties named in Arabic (no word boundary before a name: "و", "ب", "ل" attach to it).
_ARABIC_NAMES = {
    "SOHR": "المرصد السوري",
    "SDF": "قوات سوريا الديمقراطية|قسد|وحدات حماية الشعب|مجلس(?: \\S+){1,3} العسكري|عاصفة الجزيرة",
    "Russian MoD": "الدفاع الروسية|كوناشينكوف|شويغو",
    "Russia": "روسيا|الروسي|موسكو|الكرملين|بوتين|لافروف",
    "US-led coalition": "التحالف|الأمريكي|الأميركي|واشنطن|البنتاغون|الولايات المتحدة|القيادة المركزية",
    "Syrian government": "الجيش السوري|الجيش العربي السوري|الحكومة السورية|النظام السوري|سانا|دمشق|"
                         "القيادة العامة للجيش|الخارجية السورية",
    "Hezbollah": "حزب الله",
    "Israel": "إسرائيل|الإسرائيلي",
    "Iran": "إيران|الإيراني|الحرس الثوري",
    "Iraq": "العراق|العراقي|بغداد",
    "Turkey": "تركيا|التركي|أنقرة|أردوغان",
}
#: Parties known only as speakers ("the group's Amaq news agency said"): never guessed as the actor
#: a sentence is about (they are the target of most strikes reported), nor a forces source's side.
SPEAKERS_ONLY = [
    ("Islamic State", r"Islamic State|\bIS\b|\bISIS\b|\bISIL\b|Daesh|\bAmaq\b|داعش|تنظيم الدولة|أعماق"),
]
#: Parties that speak for a part of another ("the Russian Defence Ministry" for Russia).
PART_OF = {"Russian MoD": "Russia"}
_PARTY_RE = [(party, re.compile(rx + (f"|{_ARABIC_NAMES[party]}" if party in _ARABIC_NAMES else "")))
             for party, rx in PARTIES]
_SPEAKER_RE = [(party, re.compile(rx)) for party, rx in SPEAKERS_ONLY]
#: Forces named by who backs them, when that names them ("U.S.-backed Syrian militias": in Syria,
#: the coalition's partners are the SDF). Other backed forces are not their backer.
PARTNERS = [
    ("SDF", r"(?:U\.?S\.?|American|[Cc]oalition)-(?:backed|supported|allied|trained)\s+(?:[\w-]+\s+){0,2}?"
            r"(?:forces?|fighters?|militias?|militiamen|alliance)\b"),
]
_PARTNER_RE = [(party, re.compile(rx)) for party, rx in PARTNERS]
_BACKED = re.compile(r"[\w.]+-(?:backed|supported|allied|sponsored|funded|trained|armed)\b")
#: Where an organisation is based is not whom it speaks for ("the Turkey-based monitor").
_BASED = re.compile(r"[\w.]+-based\b")

@lru_cache(maxsize=8192)
def party_of(source: str) -> Optional[str]:
    """The party a source phrase names (``None`` when it names none); a backer named as an
    adjective ("U.S.-backed militias") is not the source, nor is where it is based.

    >>> party_of("the Turkey-based Syrian Observatory"), party_of("a Turkey-based monitor") is None
    ('SOHR', True)
    """
    for party, rx in _PARTNER_RE:
        if rx.search(source):
            return party
    source = _BACKED.sub(" ", _BASED.sub(" ", source))
    for party, rx in _PARTY_RE + _SPEAKER_RE:
        if rx.search(source):
            return party
    return None


def kin(a: Optional[str], b: Optional[str]) -> bool:
    """Whether two parties are one or one speaks for a part of the other (:data:`PART_OF`).

    >>> kin("Russia", "Russian MoD"), kin("Russia", "US-led coalition")
    (True, False)
    """
    return a is not None and (a == b or PART_OF.get(a) == b or PART_OF.get(b) == a)


def nearest_party(text: str, pos: int, *, skip: tuple = ()) -> Optional[str]:
    """The party named nearest to position ``pos`` of ``text``, before or after it (the actor of
    the verb there: "the Russian pilots crossing", "rather than crossing ..., the Russian jets").

    >>> nearest_party("the US story is wrong: rather than crossing it, the Russian jets", 32)
    'Russia'

    ``skip``: (start, end) spans whose names do not count (the statement's own source).

    >>> nearest_party("U.S.-backed Syrian Democratic Forces pushed into Raqqa", 0)
    'SDF'
    """
    # A backer named as an adjective ("U.S.-backed Syrian Democratic Forces") is not the actor;
    # the partner it names is ("U.S.-backed militias": the SDF).
    backed = tuple(m.span() for m in _BACKED.finditer(text))
    named = [(party, m) for party, rx in _PARTNER_RE for m in rx.finditer(text)]
    named += [(party, m) for party, rx in _PARTY_RE for m in rx.finditer(text)
              if not any(a <= m.start() < b for a, b in backed)]
    best, gap = None, None
    for party, m in named:
        if any(a <= m.start() < b for a, b in skip):
            continue
        d = pos - m.end() if m.end() <= pos else m.start() - pos
        if gap is None or d < gap:
            best, gap = party, d
    return best
