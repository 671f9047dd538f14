"""The words of location clauses: compass directions, numbers and units, filler words, and the
kinds of place a clause is judged at.

:mod:`geomap.clauses` builds its patterns from these; :mod:`geomap.phrases` finds the line
nouns in running text with them.

Examples
--------
>>> number("five"), number("2.5"), UNITS["miles"]
(5.0, 2.5, 1.609344)
"""

from __future__ import annotations

import re

__all__ = ["DIR", "NUM", "UNIT", "UNITS", "LINE_NOUN", "LINE_WORDS", "FILLER_LEAD", "FILLER_TAIL", "SPOTS",
           "JUDGED_AT", "HALF_EARTH_KM", "UNIT_WORDS", "UNIT_PRECISION", "PROVINCE_WORDS", "POSSESSIVE_PART",
           "IN_THE_PART", "BORDER_SETTLEMENT", "number"]


#: A direction as a clause writes it: compass words, or a river's left or right bank.
DIR = (r"(?:north|south)[\s-]?(?:east|west)(?:ern)?|north(?:ern)?|south(?:ern)?|east(?:ern)?|"
       r"west(?:ern)?|left|right")


#: Numbers as reports write them: digits, or a word ("five miles east of ...").
NUMBER_WORDS = {w: float(k) for k, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
NUMBER_WORDS.update({"thirty": 30.0, "forty": 40.0, "fifty": 50.0, "a hundred": 100.0})


NUM = r"\d+(?:\.\d+)?|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))


#: A unit of distance as a clause pattern writes it (:data:`UNITS` its length in km).
UNIT = r"(?P<u>km|kilomet(?:er|re)s?|mi(?:les?)?|nm|nautical miles|m|met(?:er|re)s)"


UNITS = {"km": 1.0, "kilometer": 1.0, "kilometre": 1.0, "kilometers": 1.0, "kilometres": 1.0,
          "mi": 1.609344, "mile": 1.609344, "miles": 1.609344, "nm": 1.852, "nautical miles": 1.852,
          "m": 0.001, "meters": 0.001, "metres": 0.001}


FILLER_LEAD = re.compile(
    r"^(?:(?:which|that)\s+(?:is|was|lies|sits)\s+|(?:it\s+)?(?:is|was)\s+|located\s+|"
    r"(?:the\s+)?(?:air\s*space|skies?)\s+(?:over|of|above)\s+|(?:in|at|on|over|above|into|inside|"
    r"within|across(?!\s+the\s+(?:border|frontier)\s+from\b)|from|toward|towards|to)\s+|the\s+|"
    r"approximately\s+|about\s+|some\s+|roughly\s+|"
    r"(?:centre|center|heart|middle|old\s+city)\s+of\s+|"       # "the centre of Raqqa": the place itself
    r"(?:area|region|environs)\s+of\s+(?=(?:the\s+)?(?:[\w-]+\s+)?(?:city|town|village|settlement)\s+of\b)|"
    r"a\s+(?:point|position|location|spot)\s+)+",
    re.I,
)


#: Kinds of place that are spots, not areas: "near" one is judged at it.
SPOTS = frozenset({"populated_place", "air_base", "airport", "dam", "oil_field", "facility"})


#: Spots a claim near them is judged at; not a dam, which spans its river: near one is either bank
#: ("near the Tishreen dam on the Euphrates" reaches across, whichever bank its point fell on).
JUDGED_AT = SPOTS - {"dam"}


#: Words after "border" that make it a qualifier of a settlement or a post ("the Syrian border town
#: of Albu Kamal", "a border crossing"), not the border the claim lies along.
BORDER_SETTLEMENT = frozenset("""town towns city cities village villages crossing crossings post posts guard
guards point""".split())
#: Half the Earth's circumference along the equator, km: no stated distance is longer.
HALF_EARTH_KM = 20037.5


FILLER_TAIL = re.compile(r"(?:\s+(?:area|region|vicinity|environs))+$", re.I)


#: The words that make a river's name the line along it ("the Euphrates River de-confliction line").
LINE_NOUN = r"(?:river\s+)?(?:de-?confliction|demarcation|separation)\s+line"


LINE_WORDS = re.compile(r"^(?:the\s+)?(?:(?:agreed|agreed-upon|agreed-on|established|existing|so-called)\s+)?"
                         r"(?P<name>.+?)\s+" + LINE_NOUN + "$", re.I)


#: How a clause describes an administrative unit, and its UCDP precision code.
UNIT_WORDS = {"admin1": "governorate", "admin2": "district", "admin3": "subdistrict"}


UNIT_PRECISION = {"admin1": 4, "admin2": 3, "admin3": 3, "country": 6}


PROVINCE_WORDS = r"countryside|province|governorate|region|desert|rural\s+areas?"


#: "Raqqa's southern outskirts" is "southern outskirts of Raqqa" (not "Syria's Raqqa Province").
POSSESSIVE_PART = re.compile(rf"^(?P<place>.+?)(?:['’]s|(?<=s)['’])\s+(?P<part>(?:(?:{DIR})\s+)?"
                              r"(?:outskirts|suburbs|countryside|parts?|areas?|half|ends?|sides?|banks?|shores?|edges?|"
                              r"periphery|environs|desert|old\s+city|"
                              r"rural\s+areas?|air\s*space|skies))$", re.I)


#: "in the west of Raqqa" is the west of the city itself, where "west of Raqqa" is outside it.
IN_THE_PART = re.compile(rf"^(?:(?:which|that)\s+(?:is|lies)\s+)?(?:in|inside|within)\s+the\s+(?:far\s+)?"
                          rf"(?P<dir>{DIR})\s+of\s+(?=\S)", re.I)


def number(words: str) -> float:
    """A number as a report writes it, in digits or a word ("five", "a hundred")."""
    return NUMBER_WORDS[words] if words in NUMBER_WORDS else float(words)
