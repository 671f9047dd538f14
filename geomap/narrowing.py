"""Positions one sentence names twice: where one only narrows another, they are one claim.

A report often sets a scene and then places the event inside it, or names a side of a
river and, a few words on, the town it was near. Drafted one by one these would be two
claims of the same party side by side (one of them too broad); an analyst codes one.
Drafts are any records with ``location`` (the report's words), ``where`` (geomap's reading),
``places`` and ``denial`` fields (:class:`geomap.extract` drafts).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .phrases import ACTION
from .readings import precision, readable

__all__ = ["scene_set", "side_narrowed"]


def scene_set(text: str, st, drafts: list, gaz) -> list:
    """A sentence that opens on where it happens ("Near Dayr Az Zawr, coalition forces conducted two
    strikes that engaged an ISIS unit east of the Euphrates River"): the positions it names after
    that lie there, one claim each, not a claim of their own beside a claim of the scene."""
    if len(drafts) < 2:
        return drafts
    scene = drafts[0]
    opening = text[st.start:st.end].lstrip(" \t\n*_\"“")
    if not opening.startswith(scene.location) or not opening[len(scene.location):].lstrip().startswith(","):
        return drafts
    narrowed = [f"{d.where}, {scene.where}" for d in drafts[1:]]
    if any(d.denial != scene.denial for d in drafts[1:]) or not all(readable(w, gaz) for w in narrowed):
        return drafts
    return [replace(d, where=w, places=d.places + scene.places) for d, w in zip(drafts[1:], narrowed)]


#: A position that only says how near it is ("near Abu Kamal", "close to Hajin").
_VICINITY = re.compile(r"(?:near|close\s+to|in\s+the\s+vicinity\s+of|not\s+far\s+from)\b", re.I)
#: The precision of a side of a river or a line (a country's is coarser still).
_SIDE_PRECISION = 5


def side_narrowed(text: str, st, drafts: list, gaz) -> list:
    """A side of a river or line, and later in the same sentence how near it was ("Russian jets
    had flown east of the Euphrates, across the deconfliction line, six to eight times a day,
    near Abu Kamal"): one position, the side near the place, where no other action comes
    between and the two areas meet (else two claims, as drafted)."""
    out: list = []
    for d in drafts:
        if out and _narrows(text, st, out[-1], d, gaz):
            out[-1] = replace(out[-1], where=f"{out[-1].where}, {d.where}", places=out[-1].places + d.places)
        else:
            out.append(d)
    return out


def _narrows(text: str, st, wide, d, gaz) -> bool:
    if wide.denial != d.denial or not _VICINITY.match(d.location) \
            or (precision(wide.where, gaz) or 0) < _SIDE_PRECISION:
        return False
    a = text.find(wide.location, st.start, st.end)
    b = text.find(d.location, a + len(wide.location), st.end) if a != -1 else -1
    if b == -1:
        return False
    a += len(wide.location)
    between = text[a:b]
    if ";" in between or re.search(r"\band\b", between):
        return False   # "east of the river; and near Abu Kamal": said as two places
    if any(ACTION.search(text, a, a + w.end()) for w in re.finditer(r"\w+", between)):
        return False   # "struck east of the river, then bombed targets near Abu Kamal": two actions
    from .relations import claim_geometry

    area = claim_geometry(wide.where, gazetteer=gaz).geometry
    return area.intersects(claim_geometry(d.where, gazetteer=gaz).geometry)
