"""From a report's text to draft claims: ``geomap extract``.

A small rule-based pipeline (no model, nothing downloaded):

1. the **header**: the first line is the headline, the first date in the
   first lines is the report's date (or ``date=``);
2. **place mentions** (:mod:`geomap.mentions`), resolved with the whole text as context;
3. **who says it** (:mod:`geomap.attribution`): each sentence's source and party;
4. **where, as worded**: around each mention of a place (not of a country named as an
   actor), the relation words before it ("on the west side of the river near the village
   of", "east of", "in the vicinity of") make the claim's ``location``; geomap's reading of
   it, the longest part it can read, is ``where`` ("the river" is the river last named;
   :mod:`geomap.readings`);
5. **when**: a date in the sentence ("on November 23", "on Sunday", "yesterday") resolved
   against the report's date;
6. **denials**: a location under a negation ("rather than crossing the Euphrates",
   "contesting the claim that ... crossed") is a claim of its own, marked as denying the
   other party's claim there when there is one.

Every claim is ``drafted: true`` with a confidence per field, for a person to check.

Examples
--------
>>> text = "Jets clash\\nNovember 24, 2017\\nRussia's MoD said its jets stayed west of the Euphrates near Mayadin."
>>> ex = extract(text, source="report.txt")
>>> [(c.party, c.where) for c in ex.incidents[0].claims]
[('Russian MoD', 'west of the Euphrates near Mayadin')]
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Optional

from .attribution import attribute, embedded_source
from .claims import Claim, Incident
from .mentions import find_mentions
from .narrowing import scene_set, side_narrowed
from .parties import kin, party_of
from .phrases import (ACTED_ON, ACTION, AREA_WORDS, LIST_GAP, NEGATION, SPEAKER_AFTER, SPEAKER_LEADS, chain_end,
                      cue_start, elsewhere, possessed_dropped, shared_relation)
from .readings import across_alone, crossing, precision, readable, reading
from .references import ROAD, references, spelled_out
from .report_header import (capital_party, claim_date, headline_end, home_party, own_voice, report_header,
                            report_meta)
from .restated import Said, drop_restated

__all__ = ["Extraction", "extract", "drafts_yaml", "report_header", "report_meta", "claim_date"]

@dataclass(frozen=True)
class Extraction:
    """What :func:`extract` drafted from one report."""

    source: str
    title: str
    date: Optional[dt.date]
    incidents: tuple
    mentions: tuple = field(default_factory=tuple)
    meta: dict = field(default_factory=dict)  # title, author, outlet, date of the report

    def to_yaml(self) -> str:
        """The draft claims file (the format :func:`geomap.claims.read_claims` reads)."""
        return drafts_yaml([self])

    def mention_features(self, gazetteer=None) -> list:
        """The place mentions as GeoJSON features (text, span, place, kind, status, score)."""
        from .gazetteer import Gazetteer

        gaz = gazetteer or Gazetteer.default()
        return [m.to_feature(gaz) for m in self.mentions]


def drafts_yaml(extractions) -> str:
    """One draft claims file from the extractions of several reports."""
    from .safe_yaml import dump_yaml

    reports, incidents = {}, []
    for ex in extractions:
        meta = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in ex.meta.items() if v}
        if meta and ex.incidents:
            reports[ex.source] = meta
        incidents += [_incident_dict(inc) for inc in ex.incidents]
    doc = ({"reports": reports} if reports else {}) | {"incidents": incidents}
    names = ", ".join(ex.source for ex in extractions[:_NAMED])
    if len(extractions) > _NAMED:   # an archive: its reports are listed under 'reports'
        names = f"{len(extractions):,} reports ({names} ...)"
    head = (f"# Drafted by geomap extract from {names}: check every claim, then remove\n"
            f"# 'drafted: true'. 'location' is the report's wording, 'where' geomap's reading.\n")
    return head + dump_yaml(doc)


#: Most reports named in a draft file's first line.
_NAMED = 5


def extract(text: str, *, source: str = "report", date: Optional[dt.date] = None,
            gazetteer=None, voice: Optional[str] = None) -> Extraction:
    """Draft the incident and claims of one report.

    Parameters
    ----------
    text : str
        The report: headline, date line, body.
    source : str
        Its name (a file name or URL): the claims' ``source.report``.
    date : datetime.date, optional
        The report's date when the text has none.
    gazetteer : Gazetteer, optional
    voice : str, optional
        Whose own release the report is ("CJTF-OIR", "Russian Defence Ministry"), when its
        headline does not say: its sentences that name no source are that party's claims.
        Without it they are the reporter's narrative and claim nothing, unless the headline
        names a party's statement or a state agency wrote the report.

    Returns
    -------
    Extraction
    """
    from .gazetteer import Gazetteer

    gaz = gazetteer or Gazetteer.default()
    meta = report_meta(text, date)
    title, rdate = meta["title"] or meta["outlet"] or source, meta["date"]
    mentions = [m for m in find_mentions(text, gazetteer=gaz) if not _publishers_name(text, m, meta["outlet"])]
    places = sorted(mentions + references(text, mentions, gaz), key=lambda m: m.start)
    theatre = _theatre(mentions)
    said = attribute(text, home=home_party(text, meta), capital=capital_party(meta), state=_state_party(gaz, theatre),
                     outlet=meta["outlet"])
    statements = [s for s in own_voice(said, text, meta, voice=voice) if s.party]
    drafts, headline = [], []
    head = headline_end(text, meta)
    for st in statements:
        inside = [m for m in places if st.start <= m.start < st.end]
        found = scene_set(text, st, _claims_of(text, st, inside, places, rdate, gaz, theatre), gaz)
        found = side_narrowed(text, st, found, gaz)
        (headline if st.start < head else drafts).extend(found)
    drafts = [d for d in headline if not _told_again(d, drafts)] + drafts
    # (a claim dated the report's day may be undated: its sentence named no day)
    keep = drop_restated([Said(d.party, d.speaker, d.where, d.denial, None if d.date == rdate else d.date,
                               precision(d.where, gaz), d.places) for d in drafts], gaz)
    drafts = [d for d, k in zip(drafts, keep) if k]
    from .claim_fields import citation

    cite = citation(meta["author"], meta["title"], meta["outlet"],
                    rdate.isoformat() if rdate else "")
    claims = _with_ids(drafts, source, cite, gaz)
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:48]
    slug = slug if re.search("[a-z]", slug) else "report"   # a title in Arabic script: no Latin slug
    inc = Incident(f"{slug}-{rdate.isoformat()}" if rdate else slug, date=rdate, title=title,
                   claims=claims, source_file=source)
    return Extraction(source, title, rdate, (inc,) if claims else (), tuple(mentions), meta)


@dataclass(frozen=True)
class _Draft:
    party: str
    speaker: str
    location: str
    where: str
    quote: str
    date: Optional[dt.date]
    places: tuple
    denial: bool
    confidence: dict


def _publishers_name(text: str, m, outlet: Optional[str]) -> bool:
    """A place's name inside the name of the report's publisher ("Deir Ezzor 24, October 2, 2017"),
    not a place the report names (a dateline's city is one: "Damascus, SANA", "الرقة -")."""
    if not outlet or m.text not in outlet or outlet == m.text or outlet.startswith(f"{m.text},"):
        return False
    at = text.find(outlet)
    while at != -1:
        if at <= m.start and m.end <= at + len(outlet):
            return True
        at = text.find(outlet, at + 1)
    return False


def _told_again(draft: _Draft, body: list) -> bool:
    """Whether the report's body tells a headline's claim again: the body has claims of the same
    party (or of a part of it: "Russia says" over "the Russian Defence Ministry said"). Their words
    are the party's; the headline's only summarise them ("near Deir ez-Zor" for "on the eastern
    bank, 2 km east of the river")."""
    return any(kin(draft.party, d.party) for d in body)


def _state_party(gaz, code: Optional[str]) -> Optional[str]:
    """The party of a country's state, named by its demonym ("Syrian" state media: the Syrian
    government), or None."""
    from .name_roles import is_demonym

    country = next((p for p in gaz.places if p.kind == "country" and p.country_code == code), None) if code else None
    for name in country.names if country else ():
        if name.isascii() and is_demonym(gaz, name) and (party := party_of(f"{name} state media")):
            return party
    return None


def _theatre(mentions: list) -> Optional[str]:
    """The country code of most of the report's named places (not countries): where it happens."""
    from collections import Counter

    codes = Counter(m.place.country_code for m in mentions
                    if m.place is not None and m.place.kind != "country" and m.place.country_code)
    return codes.most_common(1)[0][0] if codes else None


#: "landed in Iraq", "crashed inside Turkey": a country as where something happened, right after a
#: verb (not "an airbase in Russia", "to defeat ISIS in Iraq and Syria").
_IN_COUNTRY = re.compile(r"\b(?:[a-z]+ed|fell|hit|struck|shot|flew|came\s+down|ended\s+up)\s+"
                         r"(?:in|into|inside)\s+(?:neighbouring\s+|neighboring\s+)?"
                         r"(?:(?:north|south|east|west)(?:ern)?\s+|(?:north|south)-?(?:east|west)(?:ern)?\s+)?$")


#: The far side named again after a crossing ("crossed the Euphrates to its eastern bank near X").
_TO_ITS_BANK = re.compile(r"^(?:(?:to|onto|on)\s+)?(?:its|the)\s+"
                          r"(?:other|far|opposite|(?:north|south|east|west)(?:ern)?)\s+(?:bank|side|shore)\b[\s,]*", re.I)


def _claims_of(text, st, inside, mentions, rdate, gaz, theatre=None) -> list:
    out, covered = [], -1
    if st.text.rstrip(" \n\"”’'*_").endswith("?"):
        return out   # a question claims nothing ("Are Russian aircraft still flying east of the river?")
    listed = -1   # where the last place drafted ends: a list goes on from there ("captured A, B and C")
    for m in inside:
        if m.start < covered or m.place is None:
            continue
        start = cue_start(text, st.start, m.start, gaz)
        if start == m.start and not ACTION.search(text[max(st.start, m.start - 40):m.start]) \
                and not ACTED_ON.match(text, m.end) and not (listed >= 0 and LIST_GAP.fullmatch(text, listed, m.start)):
            continue  # named, but not as where something happened ("the capital of Raqqa")
        if ROAD.match(text, m.end):
            continue  # "the Tabqa road": somewhere along a road named after the place, not at it
        if SPEAKER_AFTER.match(text, m.end) or (SPEAKER_LEADS[0].fullmatch(text, st.start, m.start)
                                                 and SPEAKER_LEADS[1].match(text, m.end, st.end)):
            continue  # where the source is ("local sources in al-Mayadeen city told ..."), not the event
        if elsewhere(text, st.start, m.start, m.end, st.speaker):
            continue  # where people fled from, a goal not reached, a speaker's description
        end = chain_end(text, m.end, st.end, inside, gaz)
        phrase = " ".join(text[start:end].split())   # the report's words ("location")
        # ... with "the city" spelled as its place, and without a place's thing ("the dam's power station")
        spelled = possessed_dropped(spelled_out(text, start, end, inside, m))
        if m.place.kind == "country" and not AREA_WORDS.search(text[start:min(st.end, end + 12)]) and not (
                theatre and m.place.country_code != theatre and _IN_COUNTRY.search(text, st.start, m.start)):
            continue  # a country named as an actor or as the whole theatre ("in Syria"), not "landed in Iraq"
        where, read_all = None, False
        shared = shared_relation(text, m.end, st.end, inside) if end == m.end else None
        if shared:   # "the villages of A and B on the western bank": A is on the western bank too
            where, read_all = reading(f"{spelled}, {shared}", m, mentions, gaz)
        if where is None:
            where, read_all = reading(spelled, m, mentions, gaz)
        if where is None and end > m.end:
            # The places chained after it could not be read with it: the place alone, then they.
            end, phrase = m.end, " ".join(text[start:m.end].split())
            where, read_all = reading(phrase, m, mentions, gaz)
        if where is None:
            continue
        covered = end  # the places chained into this claim are read; a skipped one's are not
        crossed = crossing(text, st, m)
        if not crossed and m.place.kind == "river" and across_alone(phrase, m.text):
            continue  # "crossed the Euphrates by boat": a movement over the river, at no position of its own
        if crossed and readable(crossed, gaz):
            # The far side, narrowed by what the phrase says after the river ("crossed the
            # Euphrates ..., south of Deir Ezzor city").
            rest = _TO_ITS_BANK.sub("", " ".join(text[m.end:end].split()).strip(" ,;"))
            where = f"{crossed}, {rest}" if rest and readable(f"{crossed}, {rest}", gaz) else crossed
        # A denial: a negation earlier in the same clause ("did not conduct any airstrikes against
        # ... in X"; not "contesting the claim ..., saying it took place in X").
        clause = text[max(st.start, start - 120):start]
        negated = bool(NEGATION.search(re.split(r"[,;:]", clause)[-1]))
        conf = {"place": 0.9 if m.status == "resolved" else 0.5,
                "party": 0.85 if st.how in ("according to", "said", "release")
                else 0.5 if st.how in ("person", "reportedly", "forces source") else 0.6,
                "where": 0.8 if read_all else 0.5}
        quote = " ".join(st.text.split()).strip("*_ ")
        party, speaker = st.party, st.speaker
        inner = embedded_source(st.text, m.start - st.start, st.party)
        if inner is not None:  # "... after Russia declared that ... west of the Euphrates"
            speaker, party = inner
            conf["party"] = 0.6
        out.append(_Draft(party, speaker, phrase, where, quote,
                          claim_date(st.text, rdate), (m.place.id,), negated, conf))
        listed = m.end
    return out


def _with_ids(drafts: list, source: str, cite: str = "", gaz=None) -> list:
    from .text import is_arabic, normalize

    claims, seen, ids, by_place = [], set(), set(), {}
    for d in drafts:
        key = (d.party, d.where, d.denial)
        if key in seen:
            continue
        seen.add(key)
        where = d.where
        if is_arabic(where) and gaz is not None:   # an id in Latin letters: the places' own names
            where = " ".join(gaz.get(i).name for i in d.places) or where
        base = re.sub(r"[^a-z0-9]+", "-", normalize(f"{d.party} {where}"))[:50].strip("-") or "claim"
        cid, n = base, 2
        while cid in ids:
            cid, n = f"{base}-{n}", n + 1
        ids.add(cid)
        denies = ""
        if d.denial:
            rival = next((c for c in claims if c.party != d.party and by_place.get(c.id) == d.places), None)
            denies = rival.id if rival else ""
        claims.append(Claim(cid, incident_id="", party=d.party, speaker=d.speaker, location=d.location,
                            where=d.where, quote=d.quote, report=source, date=d.date, drafted=True,
                            citation=cite,
                            confidence=tuple(sorted(d.confidence.items())), denies=denies,
                            text=("denies: " if d.denial else "") + d.quote[:300]))
        by_place[cid] = d.places
    return claims


def _incident_dict(inc) -> dict:
    claims = []
    for c in inc.claims:
        d = {"id": c.id, "claimant": {"party": c.party, "speaker": c.speaker} if c.speaker else c.party,
             "claim": c.text, "location": c.location, "where": c.where}
        if c.date:
            d["date"] = c.date.isoformat()
        if c.denies:
            d["denies"] = c.denies
        d["source"] = {"report": c.report, "quote": c.quote}
        d["drafted"] = True
        d["confidence"] = dict(c.confidence)
        claims.append(d)
    out = {"id": inc.id, "title": inc.title}
    if inc.date:
        out["date"] = inc.date.isoformat()
    out["claims"] = claims
    return out
