"""Who speaks in an Arabic sentence: the source after a verb of saying or "according to".

>>> arabic_source("وقال المرصد السوري إن الطائرات قصفت البلدة")
('المرصد السوري', 'SOHR', 'said')
"""

from __future__ import annotations

import re
from typing import Optional

from .parties import _PARTY_RE, party_of

__all__ = ["arabic_source"]

# Arabic reported speech puts the verb first ("وقال المرصد السوري إن ...": and-said the
# Observatory that ...); "بحسب" / "وفقاً لـ" is "according to". The source is the words after
# them, up to "that" or a comma.
#: Verbs of saying (he said, she said, announced, confirmed, reported, stated, denied, added ...).
_AR_VERBS = (r"(?:قال|قالت|أعلن|أعلنت|أكد|أكدت|ذكر|ذكرت|أفاد|أفادت|نفى|نفت|زعم|زعمت|اتهم|اتهمت|أوضح|أوضحت|أشار|"
             r"أشارت|صرح|صرحت|أضاف|أضافت|وثق|وثقت|تابع|تابعت|رصد|رصدت)")
_AR_SAID = re.compile(r"(?:^|[\s،.:«\"])[وف]?" + _AR_VERBS + r"\s+(?:(?:به|بها|له|لها)\s+)?"   # ("أفاد به": told it)
                      r"((?:(?!(?:إن|أن|بأن|أنه|أنها)\s)[^\s،.:]+\s*){1,6})")
_AR_ACCORDING = re.compile(r"(?:بحسب|حسب|وفقا?ً?\s+ل|نقلا?ً?\s+عن)\s*((?:[^\s،.:]+\s*){1,6})")


#: A source named again: the verb with no subject ("وأضاف أن": and he added that) or with a definite
#: common noun ("وأضافت المصادر": and the sources added; the ministry, the statement, the spokesman).
_AR_AGAIN = re.compile(r"(?:^|[\s،.:«\"])[وف]?" + _AR_VERBS + r"\s+(?:(?P<noun>ال(?:مصادر|مصدر|وزارة|بيان|متحدث|مرصد|ناشطون|"
                       r"مكتب|قيادة|قائد|مسؤول|شبكة|وكالة|موقع|منظمة|حملة|مركز))\s+)?(?:إن|أن|بأن|أنه|أنها)\s")


#: An organisation of no known party, named by what it is and its name ("شبكة "فرات بوست"
#: المحلية": the local network "Fourat Post"; "موقع عين الفرات": the Ain al-Furat site).
_AR_ORG = re.compile(r"^(?:ما\s+[^\s،.:]+\s+)?((?:شبكة|وكالة|موقع|صفحة|منظمة|مجموعة|حملة|مركز|تنسيقية)\s+"
                     r"(?:[\"«“]([^\"»”]{2,40})[\"»”]|(?!ال)[^\s،.:]+(?:\s+(?!ال|إن|أن)[^\s،.:]+){0,2}))")


def arabic_source(sent: str) -> Optional[tuple]:
    """(speaker, party, how) of an Arabic sentence, or None; ``how`` is "anaphor" for a source
    named again ("وأضافت المصادر أن": the sources added that), whom the caller resolves, and
    "organisation" for one of no known party, which speaks for itself.

    >>> arabic_source('بحسب ما أفادت شبكة "فرات بوست" المحلية')
    ('شبكة "فرات بوست"', 'فرات بوست', 'organisation')
    """
    for rx, how in ((_AR_SAID, "said"), (_AR_ACCORDING, "according to")):
        for m in rx.finditer(sent):
            party = party_of(m.group(1))
            org = _AR_ORG.match(m.group(1)) if not party else None
            if org:
                return org.group(1), org.group(2) or org.group(1), "organisation"
            if party:
                # The speaker ends with the word that names the party ("وزارة الدفاع الروسية").
                named = next(x for p, prx in _PARTY_RE if p == party for x in [prx.search(m.group(1))] if x)
                end = m.group(1).find(" ", named.end())
                return m.group(1)[:end if end > 0 else None].strip(), party, how
    again = _AR_AGAIN.search(sent)
    if again:
        return again.group("noun") or "", None, "anaphor"
    return None
