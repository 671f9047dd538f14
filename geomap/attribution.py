"""Who claims it: sentences, their sources, and the parties behind them.

Reported speech is read with a few general patterns, the way a reader
does: "according to X", "X said/stated/claimed ...", "..., X said",
"X said in a statement", "a spokesman for X". A pronoun or a definite
description ("he", "the ministry", "the MoD", "the general") is the last
source named. Sources are normalised to parties by what they name (a
ministry, a capital, an army, a news agency of a state): see :data:`geomap.parties.PARTIES`.

Examples
--------
>>> [(s.party, s.speaker) for s in attribute("Russia's MoD said its jets stayed west of the river.")]
[('Russian MoD', "Russia's MoD")]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from .arabic_speech import arabic_source
from .parties import _BACKED, _PARTY_RE, PARTIES, nearest_party, party_of  # noqa: F401 (re-exported)
from .speakers import (ANAPHOR, FORCES_SOURCE, GOVERNMENT_OFFICE, INSTITUTION, LONE_NAME, OUTLETS, OWNER_BEFORE,
                       PRONOUN_AFTER, STATE_MEDIA, TITLE_WORD, organisation, role_organisation)
from .text import is_arabic

__all__ = ["Statement", "attribute", "sentences", "party_of", "nearest_party", "embedded_source", "PARTIES"]


_VERB = (r"(?:said|says|stated|states|claimed|claims|announced|announces|reported|reports|told|"
         r"warned|warns|accused|accuses|denied|denies|insisted|insists|confirmed|confirms|added|"
         r"noted|explained|alleged|alleges|maintained|maintains|contested|contests|contesting|"
         r"responded|argued|argues|wrote|tweeted|read|threatened|threatens|threatening|condemned|condemns|"
         r"referred|refers|described|describes|declared|declares|documented|documents|monitored|learned|learnt|"
         r"recorded|rejected|rejects|dismissed|dismisses|disputed|disputes|"
         # the base forms of a statement in the first or third person plural ("we confirm", "officials say")
         r"say|confirm|deny|insist|warn|stress|affirm|assert|announce|accuse|stressed|affirmed|asserted)")
_NP = r"((?:the\s+|a\s+|an\s+)?(?:[A-Z][\w.'’-]*|U\.S\.)(?:[\s-]+(?:[A-Z][\w.'’-]*|\([A-Z][\w.]{1,8}\)|\d{1,4}(?=\s)|of|for|the|and|de|al|el|is(?=\s+[A-Z]\w+\s+[A-Z])|[a-z]+'s|spokes\w+|minist\w+|officials?|command\w*|forces?|military|sources?|army|general|government|media|agency|allies|deputy|foreign|defen[cs]e|representatives?|chairman|statement|militias?|militiamen|fighters|rebels|troops|units|alliance|groups?|activists|monitor|by|field|commanders?|chief|head|leaders?|coalition|news|state|television|radio|channel)){0,10}|(?:the\s+|a\s+)?(?:[a-z-]+(?:['’]s)?\s+){0,2}(?:(?:spokes\w+|officials?|general|commander|minister|chief)(?:\s+[A-Z][\w.'’-]*){0,4}|statement|ministry|MoD|military|command|regime|government|coalition|army|allies|media|television|TV|radio|sources?(?:\s+within\s+the\s+[A-Z][\w.]*)?))"
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+" + _NP)
# The subject starts at a word's start (tried inside words, the pattern cost three times as much).
_SUBJECT_VERB = re.compile(r"(?<![\w'’.-])" + _NP
                           # its role or a relative clause in commas ("The SDF, which is fighting ..., denied")
                           + r"(?:,\s+(?:which|who)\s[^,]{0,160},|,[^,]{0,80},)?(?:\s+in\s+(?:(?:a|an|its|their)\s+"
                           r"(?:[\w-]+\s+){0,2}?(?:statement|communiqu[eé]|interview|briefing|report|post|tweet|message)|"
                           r"(?P<within>(?:[a-z]{1,3}-)?[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|city|town|province)){0,2})))?"
                           # ("in a statement", "in Syria", "in al-Mayadeen city": between subject and verb)
                           r"(?:\s+(?:on|last)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week))?"
                           # (a comma closing an apposition before the name: "..., the head of X, NAME, said")
                           # (not "Hajin, said to be the last stronghold": a description, no speaker)
                           r"(?:,(?!\s+\w+\s+to\s+(?:be|have)\b))?"
                           r"\s+(?:(?:also|then|later|has|had|have|was|were|is|now|further)\s+){0,2}" + _VERB + r"\b")
#: A statement in the passive ("was confirmed by an official press statement from Operation
#: Inherent Resolve"): who it is by is the source.
_PASSIVE = re.compile(r"\b(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:also\s+)?(?:confirmed|"
                      r"announced|reported|claimed|denied|stated|disclosed)\s+by\s+([^,;]{3,120}?)(?=[,;]|\.?\s*$|\.\s)")
_TOLD = re.compile(r"\s+" + _NP)
_BY_AGENT = re.compile(r"\s+(?:released|issued|published|posted|put\s+out|signed|carried|sent)\s+by\s+" + _NP)
#: A speaker's role after the name ("Damien Pickart, a spokesman for U.S. Air Forces Central
#: Command"): whom the role serves names the party when the name does not.
_APPOSITION = re.compile(r"\s*,\s*((?:(?:a|an|the)\s+)?(?:[\w.-]+\s+){0,3}?(?:spokes(?:man|woman|person)|official|"
                         r"commander|head|chief|director|minister|representative|officer|adviser|advisor|member)"
                         # whom the role serves, after it or before it ("a US military spokesman")
                         r"(?:\s+(?:for|of|at|with|in)\s+(?:the\s+)?[^,;]{2,80}?)?)(?:[,;]|\.?\s*$|\.\s)")
#: A speaker's role in apposition before the name (", the head of the Russian General Staff's main
#: operations directorate, Colonel-General Sergei Rudskoy, said").
_ROLE_BEFORE = re.compile(r",\s*((?:the|a|an)\s+[^,]{0,60}?\b(?:head|chief|spokes(?:man|woman|person)|commander|director|"
                          r"minister|official)\b[^,]{0,80}),\s*$")
#: Words between commas right after a subject: its role ("head of the X Council", "an activist group").
_COMMAS = re.compile(r"\s*,\s*([^,;]{2,80}?)\s*,")
# "the US claims." : a present-tense verb at the end of a sentence is a noun.
_NOUN_LIKE = re.compile(r"\b(?:claims|states|reports|denies|alleges)$")
# '"...", said the ministry': only verbs that come before their subject ("..., warned the regime"
# is a warning to the regime).
_INVERTED = r"(?:said|says|added|adds|stated|states|wrote|writes|explained|noted|claimed|reported|announced|continued)"
_VERB_SUBJECT = re.compile(r"[,”\"]\s*" + _INVERTED + r"\s+" + _NP)
#: After an inverted subject a clause goes on ("..., said the Russian jets had flown east"): that
#: subject is the reported clause's, and the speaker is the one before the verb.
_CLAUSE_GOES_ON = re.compile(r"\s+(?!(?:in|on|at|from|to|for|with|who|whose|which|during|after|before|"
                             r"while|when|and|as|of|late|earlier|later|last|this|today|yesterday|adding|"
                             r"citing|according|speaking|quoted|via|by)\b)"
                             r"(?![a-z]+ed\s+(?:by|on|in)\b)[a-z]")   # "said a statement released by ..."
# "The SDF has issued a written statement on ...", "the coalition released a statement claiming ..."
_ISSUED = re.compile(r"(?<![\w'’.-])" + _NP + r"\s+(?:(?:has|have|had|also|then|later)\s+){0,2}"
                     r"(?:issued|released|published|put\s+out|sent)\s+(?:a|an|its|their)\s+(?:[\w-]+\s+){0,2}"
                     r"(?:statement|communiqu[eé]|press\s+release|announcement)\b")
# Both speech patterns need a verb of saying as a whole word: a sentence without one is not tried.
# The verbs' first letters looked ahead first: the pattern then skips every other position at once.
_ANY_VERB = re.compile("(?=[" + "".join(sorted({w[0] for w in re.findall(r"[a-z]+", _VERB)})) + r"])\b"
                       + _VERB + r"\b")
_PRONOUN = re.compile(r"^\W*(?:He|She|They|The (?:ministry|MoD|general|spokes\w+|official|military|"
                      r"command|statement|sources?)|It(?=\s+(?:said|says|added|stated|claimed|reported|noted|"
                      r"denied|confirmed)\b))\b")
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[”\"’']?|\n|$)")
#: Titles as a transcript writes them too ("COL. DILLON:", "GEN. HARRIGIAN:").
_ABBREV = re.compile(r"\b(?:Lt|Col|Gen|Maj|Capt|Sgt|Mr|Mrs|Ms|Dr|St|No|Adm|Brig|Cpt|LT|COL|GEN|MAJ|CAPT|SGT|MR|MRS|"
                     r"MS|DR|ADM|BRIG|[A-Z])\.$")
#: "a.m."/"p.m.": a sentence goes on after it when the next word is not capitalised.
_CLOCK = re.compile(r"\b[ap]\.(?:m\.)?$")
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
            _CLOCK.search(chunk, max(0, len(chunk) - 5)) and not text[e:e + 2].lstrip()[:1].isupper())
        if (abbreviated or chunk[-2:-1].isdigit() and text[e:e + 1].isdigit()) \
                and e < len(text) and text[e:e + 1] != "\n":
            pending = s
            continue
        if text[s:e].strip():
            out.append((text[s:e], s, e))
    if pending is not None:
        out.append((text[pending:], pending, len(text)))
    return out


def embedded_source(sent: str, pos: int, own: Optional[str]) -> Optional[tuple]:
    """(speaker, party) of a second statement inside a sentence, when position ``pos`` lies in it:
    "The U.S. confirmed ... a day after Russia halted the channels and declared that it will treat
    aircraft west of the Euphrates as targets" (the last place is Russia's). None when the words
    before ``pos`` hold one verb of saying, or the last one introduces no clause ("... that"), or
    names no other party right before it.

    >>> embedded_source("The US said jets flew, after Russia declared that they were near Mayadin.", 65, "US")
    ('Russia', 'Russia')
    """
    verbs = [v for v in _verbs(sent) if v[1] <= pos]
    if len(verbs) < 2:
        return None
    start, end = verbs[-1]
    # The statement follows "that" or a colon; after "said" and its kind, it may follow at once
    # ("the Syrian army said the plane was downed ...").
    if not (_CLAUSE_AFTER.match(sent, end) or _INVERTED_RE.fullmatch(sent, start, end)):
        return None
    window = sent[verbs[-2][1]:start]
    named = [(m.end(), m.group(0), party) for party, rx in _PARTY_RE for m in rx.finditer(window)
             if not _BACKED.match(window, max(0, m.start()), m.end() + 12)]
    if not named:
        return None
    _, words, party = max(named)
    return (words, party) if party != own else None


_CLAUSE_AFTER = re.compile(r"\s*(?:that\b|:)")
_INVERTED_RE = re.compile(_INVERTED)


@lru_cache(maxsize=256)
def _verbs(sent: str) -> tuple:
    """(start, end) of each verb of saying in a sentence (its places ask, one by one)."""
    return tuple(m.span() for m in _ANY_VERB.finditer(sent))


def attribute(text: str, *, home: Optional[str] = None, capital: Optional[str] = None,
              state: Optional[str] = None) -> list:
    """Every sentence of ``text`` as a :class:`Statement`, with its source where the text names one.

    ``home``: the party of the outlet (a state agency's report: SANA is the Syrian government's),
    whose army, ministry or command the report names without a nationality ("the army said").
    ``capital``: the party of the capital the report is datelined in, whose government's offices it
    names without a country ("BAGHDAD ... Prime Minister Haider al-Abadi said": Iraq).
    ``state``: the party of the state where the report's events happen, whose media it names
    without the state ("state media said").
    """
    out: list = []
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
        found = _source(sent, known)
        if found is not None and found[2] in ("office", "state media"):
            party = capital if found[2] == "office" else state
            found = (found[0], party, found[2]) if party else None
        found = _named_or_guessed(found, sent, text[:s], out, last, home)
        if found is None:
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
    return _whole_quotes(out, text)


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


def _named_or_guessed(found, sent: str, before: str, out: list, last, home) -> Optional[tuple]:
    """(speaker, party, how) of a sentence: the source it names, or the one it continues."""
    if found is not None and found[2] == "anaphor":
        # The source named again by what it is: the last one named, or else an organisation of its own.
        if last is not None:   # one described with the same words before ("The military spokesman")
            return _described_before(sent, out) or (last[0], last[1], "pronoun")
        if found[1]:
            found = (found[0], found[1], "organisation")
        else:   # "X pushed into Raqqa, a spokesman said": a spokesman of the forces the sentence is about
            party = nearest_party(sent, 0) if re.match(r"an?\s", found[0], re.I) else None
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
            out[-1].text.rstrip(" *_\n").endswith(":") or _names_statement(out[-1].text)):
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


#: A role that serves a state body named without its state ("a spokesman for the ministry").
_FOR_BODY = re.compile(r"\b(?:for|of|at)\s+(the\s+(?:[\w-]+\s+){0,2}?(?:army|military|command|ministry|air\s+force|"
                       r"armed\s+forces))$", re.I)


def _role_institution(role: str) -> Optional[str]:
    """The state body a speaker's role serves when it names one without its state ("a ministry
    spokesman", "a spokesman for the ministry"), or None.

    >>> _role_institution("a ministry spokesman"), _role_institution("a spokesman for the army")
    ('a ministry spokesman', 'the army')
    >>> _role_institution("a spokesman") is None
    True
    """
    role = role.strip()
    m = INSTITUTION.match(role)
    if m and m.group("role"):
        return role
    m = _FOR_BODY.search(role)
    return m.group(1) if m else None


def _institution(phrase: str) -> tuple:
    """(the body a source phrase names, its head word): "the army" -> ("the army", "army"); a
    speaker and role, "Igor Konashenkov, a ministry spokesman" -> the role's ("a ministry
    spokesman", "ministry")."""
    body = _role_institution(phrase.rsplit(", ", 1)[1]) if ", " in phrase else phrase
    m = INSTITUTION.match(body)
    head = (body[:m.start("role")] if m and m.group("role") else body).lower().split()[-1]
    return body, re.sub(r"['’]s$", "", head)


def _named_before(phrase: str, out: list) -> Optional[tuple]:
    """(phrase, party, "institution") when an earlier source's name holds this institution's word
    (a speaker and role, "Igor Konashenkov, a ministry spokesman": the role's)."""
    body, head = _institution(phrase)
    for o in reversed(out):
        if o.party and re.search(rf"\b{re.escape(head)}\b", o.speaker, re.I):
            return phrase, o.party, "institution"
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
# Case by hand, not re.I: it is tried on every sentence, and a case-blind search costs more.
_STATEMENT = re.compile(r"\b(?:[Ss]tatement|[Cc]ommuniqu[eé]|[Pp]ress [Rr]elease|[Aa]nnouncement|STATEMENT|"
                        r"COMMUNIQU[EÉ]|PRESS RELEASE|ANNOUNCEMENT)\b")
#: Words every match of ``_STATEMENT`` holds (lower case): a sentence with none is not searched.
_STATEMENT_WORDS = ("statement", "communiqu", "press release", "announcement")


def _names_statement(sent: str) -> bool:
    low = sent.lower()
    return any(w in low for w in _STATEMENT_WORDS) and _STATEMENT.search(sent) is not None


_HEDGE = re.compile(r"\b(?:reportedly|allegedly|purportedly|supposedly)\b")
_PERSON = re.compile(r"\b([A-Z][a-z]+)\s+([A-Z][a-z]{2,})\b")
_TITLE = re.compile(r"(?:\b(?:General|Gen|Colonel|Col|Major|Maj|Lieutenant|Lt|Captain|Capt|Admiral|Adm|Brigadier|"
                    r"Minister|minister|[Ss]pokes(?:man|woman|person)|[Cc]ommander|[Cc]hief|[Dd]irector|[Hh]ead|"
                    r"[Oo]fficial|[Aa]mbassador|President|Secretary|[Ss]ecretary|Mr|Mrs|Ms|Dr)\b\.?[\s-]*"
                    r"(?:[A-Z][a-z]*\.?[\s-]+){0,2})$")
#: A dateline before the first sentence's subject ("BEIRUT - A U.S.-backed force says").
_DATELINE = re.compile(r"^(?:(?:[A-Z][A-Z .'’]{2,40}?,\s*)?[A-Z][a-z]{2,8}\.?\s+\d{1,2}|[A-Z][A-Z .,'’]{2,40}?)"
                       r"(?:\s*\([\w .]{2,20}\))?\s+[-–—]+\s+")   # "WASHINGTON (AP) -", "Aug 21 (Reuters) -"
_POSSESSIVE = re.compile(r"['’]s$")   # "SANA's (reporter)"
_TRAILING = re.compile(r"(?:\s+(?:the|a|an|of|and|for))+$")


def _source(sent: str, known: dict) -> Optional[tuple]:
    """(speaker, party, how) of one sentence, or None."""
    if is_arabic(sent):
        return arabic_source(sent)
    tries = [(_ACCORDING, "according to")] if "ccording to" in sent else []
    if " by " in sent:
        tries.append((_PASSIVE, "according to"))
    if _ANY_VERB.search(sent):  # both speech patterns need a verb of saying
        tries += [(_VERB_SUBJECT, "said"), (_SUBJECT_VERB, "said")]
    if _names_statement(sent):
        tries.append((_ISSUED, "statement"))
    person, said_end = None, len(sent)
    for rx, how in tries:
        for m in rx.finditer(sent):
            if m.start(1) >= said_end and sent[m.end():].strip(" *\"”’'.!?"):
                continue   # inside what the speaker found first said ("The source said ... the coalition
                # claims to be fighting"), unless it closes the sentence (", the ministry said.")
            if rx is _SUBJECT_VERB and _NOUN_LIKE.search(m.group(0)) \
                    and not sent[m.end():].strip(" *\"”’'.!?"):
                continue  # "... the US claims." ends on a noun, not on a verb of saying
            if rx is _VERB_SUBJECT and _CLAUSE_GOES_ON.match(sent, m.end(1)):
                continue
            phrase = _POSSESSIVE.sub("", _DATELINE.sub("", _TRAILING.sub("", m.group(1).strip(" ,"))))
            role = _APPOSITION.match(sent, m.end(1))
            party = party_of(phrase) or next((known[w] for w in re.findall(r"\b[A-Z][a-z]{2,}\b", phrase)
                                              if w in known), None) or (role and party_of(role.group(1)))
            before = _ROLE_BEFORE.search(sent, 0, m.start(1)) if not party and rx is _SUBJECT_VERB else None
            if before and (party := party_of(before.group(1))):
                phrase = f"{phrase}, {before.group(1)}"   # "..., the head of X's directorate, NAME, said"
            owner = OWNER_BEFORE.search(sent, 0, m.start(1)) if not party else None
            if owner:
                party = party_of(owner.group(1))   # "The Syrian Observatory's director Rami Abdulrahman said"
            if not party and rx is _SUBJECT_VERB and m.group("within"):
                party = party_of(m.group("within"))   # "We in the Syrian Democratic Forces confirm"
                phrase = m.group("within") if party else phrase
            agent = _BY_AGENT.match(sent, m.end(1)) if not party else None
            if agent and (party := party_of(agent.group(1))):
                # "said a statement released by the Russian Defence Ministry": who released it.
                words = f"{phrase}{agent.group(0)}"
                phrase = words[:-1] if agent.end(1) >= len(sent.rstrip()) and words.endswith(".") else words
            told = _TOLD.match(sent, m.end()) if not party and m.group(0).endswith("told") else None
            if told and party_of(told.group(1)):
                # "Local sources told SANA's reporter that ...": what the outlet published.
                phrase, party = _POSSESSIVE.sub("", told.group(1).strip(" ,")), party_of(told.group(1))
            if party:
                return phrase, party, how
            org = organisation(phrase, sent[:m.start(1)])
            if person is None:
                person = _unnamed_source(phrase, org, sent, m)
            if rx is _SUBJECT_VERB:
                said_end = min(said_end, m.end())   # what follows is what this source said
    return person


def _unnamed_source(phrase: str, org, sent: str, m) -> Optional[tuple]:
    """(speaker, party or organisation, how) of a source that names no party: a source named
    again by what it is, an organisation of its own, a person, an institution; else None."""
    if STATE_MEDIA.match(phrase):
        return phrase, None, "state media"
    if ANAPHOR.match(phrase):
        return phrase, org, "anaphor"   # "Its spokesman", "The Britain-based monitor"
    if GOVERNMENT_OFFICE.match(phrase):
        return phrase, None, "office"
    appos = _COMMAS.match(sent, m.end(1))
    org = org or (appos and role_organisation(phrase, appos.group(1)))
    if org:
        return phrase, org, "organisation"
    body = appos and _role_institution(appos.group(1))
    if body:   # "Igor Konashenkov, a ministry spokesman, said": the ministry named before speaks
        return f"{phrase}, {appos.group(1).strip()}", None, "institution"
    if FORCES_SOURCE.match(phrase):
        return phrase, None, "forces source"
    if INSTITUTION.match(phrase):   # before a name: "The Defense Ministry" is capitalised too
        return phrase, None, "institution"
    if LONE_NAME.match(phrase) and phrase.split()[-1] not in OUTLETS:
        return phrase, None, "person"
    return None
