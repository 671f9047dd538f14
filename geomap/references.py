"""References to places a report named before: "the river", "the eastern bank", "the village",
"the city", "the Old City", "the dam", "the air base" (for drafting claims; a reference is no
mention of its own in the report's list of places), and the words around a name that say it is
not the place itself (a road named after it).

>>> from geomap.mentions import find_mentions
>>> text = "Jets struck Mayadin. The village was hit again near the river."
>>> [r.text for r in references(text, find_mentions(text))]
['The village']
"""

from __future__ import annotations

import re

from .mentions import Mention
from .report_header import is_date_line

__all__ = ["references", "spelled_out", "THE_RIVER", "THE_BANK", "THE_SETTLEMENT_WORD", "ROAD"]

THE_RIVER = re.compile(r"\b[Tt]he [Rr]iver\b")   # case by hand: scanning a text case-blind costs more
#: "the eastern bank" with no river after it: a bank of the river named last ("the West Bank",
#: capitalised, is a place of its own).
THE_BANK = re.compile(r"\b[Tt]he (?:east|west|north|south)(?:ern)? bank\b(?!\s+of\b)")
#: A road named after a place ("the Tabqa road", "the Raqqa-Deir ez-Zor highway").
ROAD = re.compile(r"(?:[-–][A-Z][\w'’-]*(?:\s+[\w'’-]+){0,2})?"
                  # a road named after a facility of the place ("the T2 pumping station road")
                  r"(?:\s+(?:pumping\s+station|station|airport|air\s*base|base|dam|bridge|crossing))?"
                  r"\s+(?:road|highway|motorway)\b", re.I)


#: A reference to a settlement named before, as :data:`_REFERENCE` finds it ("the village").
THE_SETTLEMENT_WORD = re.compile(r"[Tt]he (?:[Oo]ld )?(?:village|town|[Cc]ity)")


def references(text: str, mentions: list, gaz=None) -> list:
    """"the river" or "the eastern bank" after a river was named, "the village" after a settlement
    was: that place (for drafting claims; such a reference is no mention of its own in the report's
    list of places). With ``gaz``, "the river" of a report that names none is the river most of
    its settlements lie along ("near the village of al-Bahra, north of Hajin, ... west of the
    river": the Euphrates), if one is."""
    from bisect import bisect_right
    from dataclasses import replace

    named = {kind: [m for m in mentions if m.place is not None and m.place.kind == kind
                    and not ROAD.match(text, m.end) and not _on_dateline(text, m)]
             for kind in ("river", "populated_place", *_FACILITY.values())}
    if not any(named.values()):
        return []
    out = []
    starts = [m.start for m in mentions]   # mentions are in order and do not overlap
    ends = {kind: [m.end for m in ms] for kind, ms in named.items()}
    valley, looked = None, False   # the river of a report that names none, looked for once
    for ref in _REFERENCE.finditer(text):
        at = ref.start() - 1   # the match starts after its "T"/"t" (see _REFERENCE)
        facility = ref.group("facility")
        kind = ("populated_place" if ref.group("settlement") else
                _FACILITY[" ".join(facility.lower().split())] if facility else "river")
        before = bisect_right(ends[kind], at) - 1   # the place of that kind named last
        within = bisect_right(starts, at) - 1
        if within >= 0 and at < mentions[within].end:
            continue   # inside a mention of its own
        if kind == "river" and before < 0 and gaz is not None:
            if not looked:
                valley, looked = _river_along(gaz, named["populated_place"]), True
            if valley is not None:
                out.append(Mention(text[at:ref.end()], at, ref.end(), valley, "resolved", 0.5, "context"))
            continue
        if before >= 0:
            if (ref.group("settlement") or "").lower() in ("city", "town"):
                before = _last_town(named[kind], before)
            out.append(replace(named[kind][before], text=text[at:ref.end()], start=at, end=ref.end()))
    return out


def _river_along(gaz, towns: list):
    """The river (a gazetteer place) in whose valley most of these settlement mentions lie, else None."""
    import shapely

    from .relations import RelationDefaults

    if not towns:
        return None
    xs, ys = zip(*(m.place.point for m in towns))
    best, most = None, len(towns) // 2   # more than half of them
    for river, _ in gaz.shapes_of_kind("river"):
        n = int(shapely.contains_xy(gaz.buffered(river, RelationDefaults.valley_km), xs, ys).sum())
        if n > most:
            best, most = river, n
    return best


def _on_dateline(text: str, m) -> bool:
    """Whether a place opens the report's date line ("QAMISHLI, Syria (Reuters) - September 25,
    2017"): where the reporter filed from, never what "the city" of the story refers to."""
    start = text.rfind("\n", 0, m.start) + 1
    if text[start:m.start].strip(" *_#"):
        return False
    end = text.find("\n", m.end)
    line = text[start:end if end >= 0 else len(text)]
    return len(line) <= 120 and is_date_line(line)


def spelled_out(text: str, start: int, end: int, inside: list, m) -> str:
    """The words ``text[start:end]`` with each "the city" / "the village" in them spelled as
    the place it refers to ("Marrat, 8 km north-east of the city": of Deir ez-Zor)."""
    out, at = [], start
    for x in inside:
        if x is not m and start <= x.start and x.end <= end and x.place is not None \
                and THE_SETTLEMENT_WORD.fullmatch(x.text):
            out += [text[at:x.start], x.place.name]
            at = x.end
    return " ".join("".join(out + [text[at:end]]).split())


def _last_town(named: list, before: int) -> int:
    """The index of the settlement "the city" or "the town" refers to: the last one named that has
    a recorded population (a village named since is no city: "Marrat, 8 km north-east of the
    city"), else the last one named."""
    return next((k for k in range(before, -1, -1) if named[k].place.population), before)


#: The three references in one scan, from the literal "he " on (a pattern that opens on literal
#: text is searched for that text first: a tenth of the time of one opening on a word boundary).
_REFERENCE = re.compile(r"he (?<=(?<!\w)[Tt]he )(?:[Rr]iver\b|(?:east|west|north|south)(?:ern)? bank\b(?!\s+of\b)|"
                        # ("the Old City": the old city of the town named last)
                        r"(?:[Oo]ld\s+)?(?P<settlement>village|town|[Cc]ity)\b(?!\s+(?:of|called|named)\b)|"
                        # ("the dam's power station": the dam named last)
                        r"(?P<facility>[Dd]am|[Aa]ir\s?base|[Aa]ir\s+[Bb]ase|[Aa]irport|[Oo]il\s+field)\b"
                        r"(?!\s+(?:of|called|named)\b))")
#: The facilities a report names again by their kind ("the dam"), and their gazetteer kinds.
_FACILITY = {"dam": "dam", "air base": "air_base", "airbase": "air_base", "airport": "airport",
             "oil field": "oil_field"}
