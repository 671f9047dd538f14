"""Several names from one document, resolved together.

A person reading "clashes in al-Karamah and al-Sabkha, east of Raqqa" does
not look the names up one by one: the places of one report lie near each
other. Like CLAVIN and Mordecai, :func:`resolve_joint` scores each name's
candidates with the support of the document's other names:

1. every name is resolved alone (with the user's context);
2. names resolved without doubt become anchors for the others, and the
   candidates of names still in doubt support each other a little (two
   namesake pairs, one pair 5 km apart, the other 200 km: the close pair wins);
3. names in doubt are resolved again with that context, until nothing changes
   (at most ``rounds`` times).

Every answer says what supported it (``Resolution.context``), and a name is
never its own evidence.

Examples
--------
>>> from geomap.gazetteer import Gazetteer
>>> rs = resolve_joint(["Tabqa", "Raqqa", "al-Karamah", "al-Sabkha"])
>>> [(r.place.admin1, r.status) for r in rs[2:]]
[('Raqqa', 'resolved'), ('Raqqa', 'resolved')]
"""

from __future__ import annotations

from typing import Optional, Sequence

from .context import Anchor, ResolutionContext

__all__ = ["resolve_joint", "PEER_WEIGHT", "PEER_CANDIDATES"]

#: Weight of a candidate of another name still in doubt (a sure name weighs 1).
PEER_WEIGHT = 0.5
#: How many candidates of a name in doubt lend support to the others.
PEER_CANDIDATES = 4


def resolve_joint(names: Sequence[str], *, gazetteer=None,
                  context: Optional[ResolutionContext] = None, rounds: int = 3) -> list:
    """Resolve the names of one document together, one :class:`Resolution` per name, in order.

    Parameters
    ----------
    names : sequence of str
        Place names as the document writes them (repeats are fine).
    gazetteer : Gazetteer, optional
    context : ResolutionContext, optional
        What else is known (:func:`geomap.context.make_context`).
    rounds : int
        Most re-readings of the names in doubt.

    Returns
    -------
    list of Resolution
    """
    from .gazetteer import Gazetteer

    gaz = gazetteer or Gazetteer.default()
    base = context or ResolutionContext()
    distinct = list(dict.fromkeys(" ".join(str(n).split()) for n in names))
    res = {n: gaz.resolve(n, context=base) for n in distinct}
    for _ in range(rounds):
        # In doubt: names with rivals, and weak spellings not placed alone ("Rasafah" is only
        # a variant of a little-known village until the document's other places support it).
        doubt = [n for n in distinct if res[n].status != "resolved"]
        if not doubt:
            break
        anchors = _anchors(res)
        changed = False
        for n in doubt:
            new = gaz.resolve(n, context=base.with_anchors(anchors))
            if new.status != res[n].status or new.place != res[n].place:
                changed = True
            res[n] = new
        if not changed:
            break
    return [res[" ".join(str(n).split())] for n in names]


def _anchors(res: dict) -> list:
    out = []
    for query, r in res.items():
        if r.place is None:
            continue
        if r.status == "resolved":
            out.append(Anchor(r.place.name, 1.0, place=r.place, query=query))
        elif r.status == "ambiguous":
            for c in r.candidates[:PEER_CANDIDATES]:
                out.append(Anchor(f"{c.place.name} (one reading of {query!r})", PEER_WEIGHT,
                                  place=c.place, query=query))
    return out
