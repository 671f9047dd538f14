"""Who claims it: sentences, their sources, and the parties behind them.

Each sentence's own source is read by :mod:`geomap.speech` ("according to X", "X said ...",
"..., X said", "a spokesman for X"); here a source named again — a pronoun or a definite
description ("he", "the ministry", "the MoD", "the general"), a quotation running over several
sentences, an unnamed spokesman — is tied to the source named before. Sources are normalised to
parties by what they name (a ministry, a capital, an army, a news agency of a state): see
:data:`geomap.parties.PARTIES`.

Examples
--------
>>> [(s.party, s.speaker) for s in attribute("Russia's MoD said its jets stayed west of the river.")]
[('Russian MoD', "Russia's MoD")]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .parties import PARTIES, nearest_party, party_of  # noqa: F401 (re-exported)
from .speakers import INSTITUTION, ORGANISATION_NOUN, OUTLETS, PRONOUN_AFTER, TITLE_WORD
from .speech import embedded_source, names_statement, role_institution, sentence_source  # noqa: F401

__all__ = ["Statement", "attribute", "sentences", "party_of", "nearest_party", "embedded_source", "PARTIES"]


_PRONOUN = re.compile(r"^\W*(?:He|She|They|The (?:ministry|MoD|general|spokes\w+|official|military|"
                      r"command|statement|sources?)|It(?=\s+(?:said|says|added|stated|claimed|reported|noted|"
                      r"denied|confirmed)\b))\b")
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[”\"’']?|\n|$)")
#: Titles as a transcript writes them too ("COL. DILLON:", "GEN. HARRIGIAN:").
_ABBREV = re.compile(r"\b(?:Lt|Col|Gen|Maj|Capt|Sgt|Mr|Mrs|Ms|Dr|St|No|Adm|Brig|Cpt|LT|COL|GEN|MAJ|CAPT|SGT|MR|MRS|"
                     r"MS|DR|ADM|BRIG|[A-Z])\.$")
#: "a.m."/"p.m.": a sentence goes on after it when the next word is not capitalised.
_CLOCK = re.compile(r"\b[ap]\.(?:m\.)?$")
#: A month cut short before its day ("on Oct. 29"): the sentence goes on when a number follows.
_MONTH_ABBREV = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.$")
#: The longest text ``_ABBREV`` matches, and more: it is looked for at a chunk's end only.
_ABBREV_REACH = 8


@dataclass(frozen=True)
class Statement:
    """One sentence, its span, and who it reports (``party`` None: the report's own voice)."""

    text: str
    start: int
    end: int
    party: Optional[str] = None
    speaker: str = ""
    how: str = ""  # the pattern that found the source ("according to", "said", "pronoun")


def sentences(text: str) -> list:
    """(sentence, start, end) spans; abbreviations ("Lt. Col.", "U.S.") do not end a sentence."""
    out = []
    pending = None
    for m in _SENTENCE.finditer(text):
        s, e = m.start(), m.end()
        if pending is not None:
            s = pending
            pending = None
        chunk = text[s:e].rstrip()
        abbreviated = _ABBREV.search(chunk, max(0, len(chunk) - _ABBREV_REACH)) or (
            _CLOCK.search(chunk, max(0, len(chunk) - 5)) and not text[e:e + 2].lstrip()[:1].isupper()) or (
            _MONTH_ABBREV.search(chunk, max(0, len(chunk) - 6)) and text[e:e + 3].lstrip()[:1].isdigit())
        if (abbreviated or chunk[-2:-1].isdigit() and text[e:e + 1].isdigit()) \
                and e < len(text) and text[e:e + 1] != "\n":
            pending = s
            continue
        if text[s:e].strip():
            out.append((text[s:e], s, e))
    if pending is not None:
        out.append((text[pending:], pending, len(text)))
    return out


def attribute(text: str, *, home: Optional[str] = None, capital: Optional[str] = None,
              state: Optional[str] = None, outlet: Optional[str] = None) -> list:
    """Every sentence of ``text`` as a :class:`Statement`, with its source where the text names one.

    ``home``: the party of the outlet (a state agency's report: SANA is the Syrian government's),
    whose army, ministry or command the report names without a nationality ("the army said").
    ``capital``: the party of the capital the report is datelined in, whose government's offices it
    names without a country ("BAGHDAD ... Prime Minister Haider al-Abadi said": Iraq).
    ``state``: the party of the state where the report's events happen, whose media it names
    without the state ("state media said").
    ``outlet``: who published the report, which a source named again by what it is ("the activist
    group said") means when no source is named before it.
    """
    out: list = []
    pending: list = []   # statements whose source is "a monitor", "a war monitor": named later?
    last: Optional[tuple] = None
    known: dict = {}  # a name word of an earlier speaker ("Pickart") -> that speaker's party
    for sent, s, e in sentences(text):
        parts = _saying_parts(sent)
        if parts:
            # "..., with Washington saying X and Damascus saying Y": each source says its own part.
            out.append(Statement(sent[:parts[0][0]], s, s + parts[0][0]))
            for a, b, speaker, party in parts:
                out.append(Statement(sent[a:b], s + a, s + b, party, speaker, "saying"))
            last = (parts[-1][2], parts[-1][3])
            continue
        found = sentence_source(sent, known)
        if found is not None and found[2] in ("office", "state media"):
            party = capital if found[2] == "office" else state
            found = (found[0], party, found[2]) if party else None
        unnamed = found is not None and found[2] == "anaphor" and last is None and _INDEFINITE.match(found[0])
        found = _named_or_guessed(found, sent, text[:s], out, last, home, outlet)
        if found is None:
            if unnamed:   # "..., a monitor said": the report may name it next
                pending.append(len(out))
            out.append(Statement(sent, s, e))
            continue
        speaker, party, how = found
        last = (speaker, party)
        for word in re.findall(r"\b[A-Z][a-z]{2,}\b", speaker):
            if not TITLE_WORD.match(word):
                known.setdefault(word, party)
        # People named in an attributed sentence ("Major-General Igor Konashenkov") speak
        # for the same party when named again alone.
        for m in _PERSON.finditer(sent):
            first, surname = m.groups()
            # A person is introduced by a title or role ("Lieutenant-General Igor Konashenkov",
            # "spokesman Ryan Dillon"); two capitalised words alone may be a place ("Deir Ezzor").
            if _TITLE.search(sent, max(0, m.start() - 32), m.start()) and not party_of(first + " " + surname) \
                    and not TITLE_WORD.match(surname):
                known.setdefault(surname, party)
        out.append(Statement(sent, s, e, party, speaker, how))
    return _whole_quotes(_named_next(out, pending), text)


#: A source described, not named, by an indefinite organisation noun ("a monitor", "a war monitor").
_INDEFINITE = re.compile(r"an?\s+(?:[\w-]+\s+){0,2}" + ORGANISATION_NOUN + "$", re.I)
#: How many statements on a lede's unnamed source may be named.
_NAMED_WITHIN = 3


def _named_next(out: list, pending: list) -> list:
    """A lede's "..., a monitor said" is the organisation the report names next as a source, within
    a few sentences ("The Syrian Observatory for Human Rights said ..."), as news is written: its
    statement takes that source, so its claims and the named ones are one source's."""
    from dataclasses import replace

    for i in pending:
        named = next((o for o in out[i + 1:i + 1 + _NAMED_WITHIN] if o.party), None)
        if named is not None and named.how in ("said", "according to", "statement", "organisation"):
            out[i] = replace(out[i], party=named.party, speaker=named.speaker, how="named next")
    return out


def _whole_quotes(out: list, text: str) -> list:
    """A quotation of several sentences is its speaker's throughout: '"... at Mayadin. They were
    approached ...," the ministry said.' gives the first sentence the source the last one names."""
    if '"' not in text and "“" not in text:
        return out
    i = 0
    while i < len(out):
        st = out[i]
        j = i
        if st.party is None and _quote_balance(st.text) > 0:
            j, depth = i + 1, _quote_balance(st.text)
            while j < len(out) and depth > 0 and "\n" not in text[out[j - 1].start:out[j].start]:
                depth += _quote_balance(out[j].text)
                j += 1
            end = out[j - 1]
            if depth <= 0 and end.party and j - 1 > i:
                out[i:j - 1] = [Statement(o.text, o.start, o.end, end.party, end.speaker, "quote")
                                if o.party is None else o for o in out[i:j - 1]]
        i = max(j, i + 1)
    return out


def _quote_balance(text: str) -> int:
    """Quotations a sentence opens and leaves open (negative: closes one opened before)."""
    curly = text.count("“") - text.count("”")
    straight = text.count('"') % 2
    if straight:
        return 1 if text.lstrip(" *_").startswith('"') else -1
    return curly


#: The head of an unnamed source that is an organisation ("a rights group"), not a person of the forces
#: a sentence is about ("a spokesman").
_ORGANISATION_HEAD = re.compile(ORGANISATION_NOUN + "$")


def _named_or_guessed(found, sent: str, before: str, out: list, last, home, outlet=None) -> Optional[tuple]:
    """(speaker, party, how) of a sentence: the source it names, or the one it continues."""
    if found is not None and found[2] == "anaphor":
        # The source named again by what it is: the last one named, or else an organisation of its own.
        if last is not None:   # one described with the same words before ("The military spokesman")
            return _described_before(sent, out) or (last[0], last[1], "pronoun")
        if found[1]:
            found = (found[0], found[1], "organisation")
        elif outlet and re.match(r"the\s", found[0], re.I) and outlet.split()[-1] not in OUTLETS:
            # "..., the activist group said" with no source named before: the report's own publisher
            # (an activist group's, a monitor's own report), not a wire agency reporting others.
            found = (found[0], party_of(outlet) or outlet, "outlet")
        else:   # "X pushed into Raqqa, a spokesman said": a spokesman of the forces the sentence is about
            person = re.match(r"an?\s", found[0], re.I) and not _ORGANISATION_HEAD.search(found[0])
            party = nearest_party(sent, 0) if person else None
            found = (found[0], party, "forces source") if party else None
    if found is not None and found[2] == "forces source":
        # "a military source told Al-Masdar": the outlet's state's; else the forces the sentence is
        # about, named first ("The Syrian Arab Army ... liberated ..., a military source said").
        party = home or nearest_party(sent, 0)
        return (found[0], party, "forces source") if party else None
    if found is not None and found[2] == "institution":
        # "the army said": the outlet's own (a state agency's); else the last source named with
        # that word ("Russia's defence ministry said ... the ministry said").
        found = (found[0], home, "home") if home else _named_before(found[0], out) or _named_in(sent, found[0])
    elif found is not None and found[1] is None:
        # A person never introduced ("..., Konashenkov said"): a report quotes the spokesman of
        # the source it has just named in the same paragraph, so that source's party, marked as a
        # guess; across a paragraph (or from the headline) nothing ties them.
        said = [o for o in out if o.party]
        same = said and "\n" not in before[said[-1].end:].strip(" \t")
        found = (found[0], last[1], "person") if last is not None and same else None
    if found is not None or last is None:
        return found
    if _PRONOUN.match(sent) or PRONOUN_AFTER.search(sent):
        described = _described_before(sent, out)
        return described or (last[0], last[1], "pronoun")
    if out and out[-1].party and _HEDGE.search(sent):
        # "the aircraft was reportedly targeting ...", right after a source spoke: its account
        # carried on (a guess, like an unintroduced spokesman).
        return last[0], last[1], "reportedly"
    if out and out[-1].party and _OPENS_QUOTE.match(sent) and (
            out[-1].text.rstrip(" *_\n").endswith(":") or names_statement(out[-1].text)):
        return last[0], last[1], "quote"  # 'was quoted saying:' or 'issued a statement ...', then the quote
    return None


#: A source described again ("The military spokesman said"): who was described so before.
_DESCRIPTION = re.compile(r"^\W*[Tt]he ((?:[a-z-]+\s+){0,2}(?:ministry|general|spokes(?:man|woman|person)|official|"
                          r"military|command))\b")


def _described_before(sent: str, out: list) -> Optional[tuple]:
    """(speaker, party, "pronoun") of the last source its sentence described with the same words
    ("Col. Thomas Veale, a US military spokesman, said ..." for "The military spokesman"), or None."""
    m = _DESCRIPTION.match(sent)
    if not m:
        return None
    words = m.group(1).lower()
    for o in reversed(out):
        if o.party and (words in o.speaker.lower() or " " in words and words in o.text.lower()):
            return o.speaker, o.party, "pronoun"
    return None


def _institution(phrase: str) -> tuple:
    """(the body a source phrase names, its head word): "the army" -> ("the army", "army"); a
    speaker and role, "Igor Konashenkov, a ministry spokesman" -> the role's ("a ministry
    spokesman", "ministry")."""
    body = role_institution(phrase.rsplit(", ", 1)[1]) if ", " in phrase else phrase
    m = INSTITUTION.match(body)
    head = (body[:m.start("role")] if m and m.group("role") else body).lower().split()[-1]
    return body, re.sub(r"['’]s$", "", head)


#: An institution named again by its common noun alone ("the ministry", "The Defence Ministry").
_THE_BODY = re.compile(r"(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:[a-z]+\s+|[A-Z][a-z]+\s+){0,2}[A-Za-z]+")


def _named_before(phrase: str, out: list) -> Optional[tuple]:
    """(phrase, party, "institution") when an earlier source's name holds this institution's word
    (a speaker and role, "Igor Konashenkov, a ministry spokesman": the role's). The body named
    again alone ("the ministry" after "Russia's defence ministry") is that source, whose claims
    told twice are one claim: its speaker is the earlier one's."""
    body, head = _institution(phrase)
    again = _THE_BODY.fullmatch(phrase.strip())   # the body alone, not a person in a role there
    for o in reversed(out):
        if o.party and re.search(rf"\b{re.escape(head)}\b", o.speaker, re.I):
            return o.speaker if again else phrase, o.party, "institution"
    # The state of the last source, owning this body ("Russia's military said ... The Defense
    # Ministry said": Russia's Defense Ministry).
    last = next((o for o in reversed(out) if o.party), None)
    owner = _OWNER.match(last.speaker) if last is not None else None
    if owner and party_of(owner.group(1) + " " + _ARTICLE.sub("", body)) == last.party:
        return phrase, last.party, "institution"
    return None


def _named_in(sent: str, phrase: str) -> Optional[tuple]:
    """(phrase, party, "institution") when the sentence names this institution with its state
    elsewhere ("The Syrian army ... captured ..., the army said"), or None."""
    body, head = _institution(phrase)
    for named in re.finditer(rf"((?:[\w'’.-]+\s+){{1,3}}){re.escape(head)}\b", sent, re.I):
        party = party_of(named.group(0))
        if party and named.group(0).strip().lower() != body.strip().lower():
            return phrase, party, "institution"
    return None


#: A source's state, first in its name ("Russia's", "Russian", "the Syrian").
_OWNER = re.compile(r"^(?:[Tt]he\s+)?([A-Z][\w.]*(?:['’]s)?)\s")
_ARTICLE = re.compile(r"^[Tt]he\s+")


_SAYING = re.compile(r"(?:\bwith|\band|\bwhile|\bbut|,)\s+([\w.'’-]+(?:\s+[\w.'’-]+){0,3}?)"
                     r"\s+(?:saying|claiming|insisting|arguing|maintaining)\b")

_SAYING_WORD = re.compile(r"\b(?:saying|claiming|insisting|arguing|maintaining)\b")
_CONNECTOR = re.compile(r"(?:with|and|while|but)\s+", re.I)


def _saying_parts(sent: str) -> list:
    """(start, end, speaker, party) of each "X saying ..." part of a sentence that gives two
    accounts side by side; [] when it has fewer than two such parts with known parties."""
    if "ing" not in sent or len(_SAYING_WORD.findall(sent)) < 2:  # every one of those words ends so
        return []
    found = []
    for m in _SAYING.finditer(sent):
        lead = _CONNECTOR.match(m.group(1))
        start = m.start(1) + (lead.end() if lead else 0)
        party = party_of(sent[start:m.end(1)])
        if party:
            found.append((start, sent[start:m.end(1)], party))
    if len(found) < 2:
        return []
    ends = [f[0] for f in found[1:]] + [len(sent)]
    return [(a, b, speaker, party) for (a, speaker, party), b in zip(found, ends)]


_OPENS_QUOTE = re.compile(r"^[\s*_]*[\"“‘']")


_HEDGE = re.compile(r"\b(?:reportedly|allegedly|purportedly|supposedly)\b")
_PERSON = re.compile(r"\b([A-Z][a-z]+)\s+([A-Z][a-z]{2,})\b")
_TITLE = re.compile(r"(?:\b(?:General|Gen|Colonel|Col|Major|Maj|Lieutenant|Lt|Captain|Capt|Admiral|Adm|Brigadier|"
                    r"Minister|minister|[Ss]pokes(?:man|woman|person)|[Cc]ommander|[Cc]hief|[Dd]irector|[Hh]ead|"
                    r"[Oo]fficial|[Aa]mbassador|President|Secretary|[Ss]ecretary|Mr|Mrs|Ms|Dr)\b\.?[\s-]*"
                    r"(?:[A-Z][a-z]*\.?[\s-]+){0,2})$")


