"""A party's vaguer words for a place it also names precisely, in one report.

Reports tell one event more than once: "air strikes killed 14 near the town of al-Ashara ... the
raids hit the river crossing south-east of al-Mayadin". Read alone, "south-east of al-Mayadin" is a
wide sector that reaches across the river; the same source has said where within it. Drafting both
would put a second, vaguer claim of that source on the map with a verdict of its own. So a drafted
claim whose area holds another claim of the same source (party and speaker; both assertions or both
denials, on the same day or either undated), and is larger, is that claim told again and is not
drafted. Another speaker of the party ("state media", then "State television") speaks for itself.

>>> from geomap.gazetteer import Gazetteer
>>> kept = drop_restated([Said("SOHR", "the Observatory", "near the town of al-Ashara"),
...                       Said("SOHR", "the Observatory", "south-east of al-Mayadin")], Gazetteer.default())
>>> kept
[True, False]
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Optional

from .errors import GeomapError

__all__ = ["Said", "drop_restated"]

#: How much of the precise claim's area may lie outside the vaguer one (edges of buffers differ).
_SLACK = 0.02
#: How much larger the vaguer area must be: two readings of the same size are two claims.
_LARGER = 1.5


@dataclass(frozen=True)
class Said:
    """What a drafted claim says, as far as telling a place again goes.

    ``date`` None: no day stated (any day). ``precision``: the finest precision code of the reading
    (:func:`geomap.relations.reading_precision`) and ``places`` the ids of the places it names:
    when known, only a coarser reading, or one of the same place, is tested for holding another
    (a finer one cannot), so that areas are built only for the pairs that may.
    """

    party: str
    speaker: str
    where: str
    denial: bool = False
    date: Optional[dt.date] = None
    precision: Optional[int] = None
    places: tuple = ()


def drop_restated(drafts: list, gazetteer) -> list:
    """Which drafts to keep: False for a claim whose area holds a smaller claim of the same
    party, speaker and kind (assertion or denial) on the same day.

    Parameters
    ----------
    drafts : list of Said
    gazetteer : Gazetteer

    Returns
    -------
    list of bool, one per draft
    """
    groups = defaultdict(list)
    for i, d in enumerate(drafts):
        groups[(d.party, d.speaker, d.denial)].append(i)
    keep = [True] * len(drafts)
    areas: dict = {}

    def area(i):
        if i not in areas:
            areas[i] = _area(drafts[i].where, gazetteer)
        return areas[i]

    for members in groups.values():
        for i in members:
            for j in members:
                if i == j or not keep[j] or not _same_day(drafts[i].date, drafts[j].date) \
                        or not _may_hold(drafts[i], drafts[j]):
                    continue
                a, b = area(i), area(j)
                if a is not None and b is not None and a.area > _LARGER * b.area \
                        and b.difference(a).area <= _SLACK * b.area:
                    keep[i] = False
                    break
    return keep


def _may_hold(a: Said, b: Said) -> bool:
    """Whether reading ``a`` may hold reading ``b``: coarser, or of the same place (unknown: may)."""
    if a.precision is None or b.precision is None:
        return True
    return a.precision > b.precision or bool(set(a.places) & set(b.places))


def _same_day(a, b) -> bool:
    return a is None or b is None or a == b


def _area(where: str, gazetteer) -> Optional[object]:
    """The claim's area in degrees (enough to compare two of them), or None when unreadable."""
    from .relations import claim_geometry

    try:
        g = claim_geometry(where, gazetteer=gazetteer).geometry
    except GeomapError:
        return None
    return g if g is not None and not g.is_empty and g.area > 0 else None
