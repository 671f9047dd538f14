"""A party's vaguer words for a place it also names precisely, in one report.

Reports tell one event more than once: "air strikes killed 14 near the town of al-Ashara ... the
raids hit the river crossing south-east of al-Mayadin". Read alone, "south-east of al-Mayadin" is a
wide sector that reaches across the river; the same source has said where within it. Drafting both
would put a second, vaguer claim of that source on the map with a verdict of its own. So a drafted
claim whose area holds another claim of the same source (party and speaker; both assertions or both
denials, on the same day or either undated), and is larger, is that claim told again and is not
drafted. Another speaker of the party ("state media", then "State television") speaks for itself.

>>> from geomap.gazetteer import Gazetteer
>>> kept = drop_restated([("SOHR", "the Observatory", "near the town of al-Ashara", False, None),
...                       ("SOHR", "the Observatory", "south-east of al-Mayadin", False, None)],
...                      Gazetteer.default())
>>> kept
[True, False]
"""

from __future__ import annotations

from collections import defaultdict
from typing import Optional

from .errors import GeomapError

__all__ = ["drop_restated"]

#: How much of the precise claim's area may lie outside the vaguer one (edges of buffers differ).
_SLACK = 0.02
#: How much larger the vaguer area must be: two readings of the same size are two claims.
_LARGER = 1.5


def drop_restated(drafts: list, gazetteer) -> list:
    """Which drafts to keep: False for a claim whose area holds a smaller claim of the same
    party, speaker and kind (assertion or denial) on the same day (a date None: not stated, any day).

    Parameters
    ----------
    drafts : list of (party, speaker, where, denial, date)
    gazetteer : Gazetteer

    Returns
    -------
    list of bool, one per draft
    """
    groups = defaultdict(list)
    for i, (party, speaker, _where, denial, _date) in enumerate(drafts):
        groups[(party, speaker, denial)].append(i)
    keep = [True] * len(drafts)
    for members in groups.values():
        if len(members) < 2:
            continue
        areas = {i: _area(drafts[i][2], gazetteer) for i in members}
        for i in members:
            a = areas[i]
            if a is None:
                continue
            for j in members:
                b = areas[j]
                if i != j and b is not None and keep[j] and _same_day(drafts[i][4], drafts[j][4]) \
                        and a.area > _LARGER * b.area \
                        and b.difference(a).area <= _SLACK * b.area:
                    keep[i] = False
                    break
    return keep


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
