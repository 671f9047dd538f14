"""A sentence's own source: the patterns of reported speech in English.

"according to X", "X said/stated/claimed ...", "..., X said", "X said in a statement",
"a statement released by X", "a spokesman for X", a role before or after a name: each
sentence is read alone here; :mod:`geomap.attribution` then ties a source named again
("the ministry", "he") to the one named before.

Examples
--------
>>> sentence_source("The coalition said its jets struck near Hajin.", {})
('The coalition', 'US-led coalition', 'said')
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .arabic_speech import arabic_source
from .parties import _BACKED, _PARTY_RE, party_of
from .speakers import (ANAPHOR, FORCES_SOURCE, GOVERNMENT_OFFICE, INSTITUTION, LONE_NAME, ORGANISATION_NOUN, OUTLETS,
                       OWNER_AGAIN, OWNER_BEFORE, STATE_MEDIA, organisation, owner_named, role_organisation)
from .text import is_arabic

__all__ = ["sentence_source", "embedded_source", "names_statement", "role_institution", "verbs_of_saying"]


_VERB = (r"(?:said|says|stated|states|claimed|claims|announced|announces|reported|reports|told|"
         r"warned|warns|accused|accuses|denied|denies|insisted|insists|confirmed|confirms|added|"
         r"noted|explained|alleged|alleges|maintained|maintains|contested|contests|contesting|"
         r"responded|argued|argues|wrote|tweeted|read|threatened|threatens|threatening|condemned|condemns|"
         r"referred|refers|described|describes|declared|declares|documented|documents|monitored|learned|learnt|"
         r"recorded|rejected|rejects|dismissed|dismisses|disputed|disputes|"
         # the base forms of a statement in the first or third person plural ("we confirm", "officials say")
         r"say|confirm|deny|insist|warn|stress|affirm|assert|announce|accuse|stressed|affirmed|asserted)")
#: A source's name: capitalised words and the lower-case words names and roles hold ("the U.S.-led
#: coalition", "Russia's Defence Ministry"), or a role and its body ("a ministry spokesman").
_NP = (r"((?:the\s+|a\s+|an\s+)?(?:[A-Z][\w.'’-]*|U\.S\.)"
       r"(?:[\s-]+(?:[A-Z][\w.'’-]*|\([A-Z][\w.]{1,8}\)|\d{1,4}(?=\s)"
       r"|of|for|the|and|de|al|el|is(?=\s+[A-Z]\w+\s+[A-Z])|[a-z]+'s"
       r"|spokes\w+|minist\w+|officials?|command\w*|forces?|military|sources?|army|general|government"
       r"|media|agency|allies|deputy|foreign|defen[cs]e|representatives?|chairman|statement|militias?"
       r"|militiamen|fighters|rebels|troops|units|alliance|groups?|activists|monitor|by|field|commanders?"
       r"|chief|head|leaders?|coalition|news|state|television|radio|channel|network|paramilitar(?:y|ies))){0,10}"
       r"|(?:the\s+|an?\s+)?(?:[a-z-]+(?:['’]s)?\s+){0,2}"
       r"(?:(?:spokes\w+|officials?|general|commander|minister|chief)(?:\s+[A-Z][\w.'’-]*){0,4}"
       # ... of a body named after it ("a commander in the pro-Damascus military alliance")
       r"(?:\s+(?:in|with|from|of|for)\s+the\s+(?:[\w'’.-]+\s+){0,3}?(?:alliance|forces|army|military|militias?|"
       r"coalition|groups?|government|ministry|command))?"
       r"|statement|ministry|MoD|military|command|regime|government|coalition|army|allies|media"
       r"|" + ORGANISATION_NOUN +
       r"|television|TV|radio|sources?(?:\s+within\s+the\s+[A-Z][\w.]*)?))")


_ACCORDING = re.compile(r"\b[Aa]ccording to\s+" + _NP)
_CITING = re.compile(r",?\s+citing\s+" + _NP)


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
_APPOSITION = re.compile(r"\s*,\s*((?:(?:a|an|the)\s+)?(?:[\w.'’-]+\s+){0,3}?(?:spokes(?:man|woman|person)|official|"
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


def embedded_source(sent: str, pos: int, own: Optional[str]) -> Optional[tuple]:
    """(speaker, party) of a second statement inside a sentence, when position ``pos`` lies in it:
    "The U.S. confirmed ... a day after Russia halted the channels and declared that it will treat
    aircraft west of the Euphrates as targets" (the last place is Russia's). None when the words
    before ``pos`` hold one verb of saying, or the last one introduces no clause ("... that"), or
    names no other party right before it.

    >>> embedded_source("The US said jets flew, after Russia declared that they were near Mayadin.", 65, "US")
    ('Russia', 'Russia')
    """
    verbs = [v for v in verbs_of_saying(sent) if v[1] <= pos]
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
def verbs_of_saying(sent: str) -> tuple:
    """(start, end) of each verb of saying in a sentence (its places ask, one by one)."""
    return tuple(m.span() for m in _ANY_VERB.finditer(sent))


#: A role that serves a state body named without its state ("a spokesman for the ministry").
_FOR_BODY = re.compile(r"\b(?:for|of|at)\s+(the\s+(?:[\w-]+\s+){0,2}?(?:army|military|command|ministry|air\s+force|"
                       r"armed\s+forces))$", re.I)


def role_institution(role: str) -> Optional[str]:
    """The state body a speaker's role serves when it names one without its state ("a ministry
    spokesman", "a spokesman for the ministry"), or None.

    >>> role_institution("a ministry spokesman"), role_institution("a spokesman for the army")
    ('a ministry spokesman', 'the army')
    >>> role_institution("a spokesman") is None
    True
    """
    role = role.strip()
    m = INSTITUTION.match(role)
    if m and m.group("role"):
        return role
    m = _FOR_BODY.search(role)
    return m.group(1) if m else None


# Case by hand, not re.I: it is tried on every sentence, and a case-blind search costs more.
_STATEMENT = re.compile(r"\b(?:[Ss]tatement|[Cc]ommuniqu[eé]|[Pp]ress [Rr]elease|[Aa]nnouncement|STATEMENT|"
                        r"COMMUNIQU[EÉ]|PRESS RELEASE|ANNOUNCEMENT)\b")


#: Words every match of ``_STATEMENT`` holds (lower case): a sentence with none is not searched.
_STATEMENT_WORDS = ("statement", "communiqu", "press release", "announcement")


def names_statement(sent: str) -> bool:
    low = sent.lower()
    return any(w in low for w in _STATEMENT_WORDS) and _STATEMENT.search(sent) is not None


#: A dateline before the first sentence's subject ("BEIRUT - A U.S.-backed force says").
_DATELINE = re.compile(r"^(?:(?:[A-Z][A-Z .'’]{2,40}?,\s*)?[A-Z][a-z]{2,8}\.?\s+\d{1,2}|[A-Z][A-Z .,'’]{2,40}?)"
                       r"(?:\s*\([\w .]{2,20}\))?\s+[-–—]+\s+")   # "WASHINGTON (AP) -", "Aug 21 (Reuters) -"


_POSSESSIVE = re.compile(r"['’]s$")   # "SANA's (reporter)"


_FULL_STOP = re.compile(r"(?<=[A-Za-z]{3})\.$")   # the sentence's end ("told SANA."), not an abbreviation's ("U.S.")
_TRAILING = re.compile(r"(?:\s+(?:the|a|an|of|and|for))+$")


def sentence_source(sent: str, known: dict) -> Optional[tuple]:
    """(speaker, party, how) of one sentence, or None."""
    if is_arabic(sent):
        return arabic_source(sent)
    tries = [(_ACCORDING, "according to")] if "ccording to" in sent else []
    if "citing " in sent:   # "Al-Mayadeen reported that ..., citing a Syrian military source": the source cited
        tries.insert(0, (_CITING, "according to"))
    if " by " in sent:
        tries.append((_PASSIVE, "according to"))
    if _ANY_VERB.search(sent):  # both speech patterns need a verb of saying
        tries += [(_VERB_SUBJECT, "said"), (_SUBJECT_VERB, "said")]
    if names_statement(sent):
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
            phrase = _FULL_STOP.sub("", m.group(1).strip(" ,"))
            phrase = _POSSESSIVE.sub("", _DATELINE.sub("", _TRAILING.sub("", phrase)))
            role = _APPOSITION.match(sent, m.end(1))
            party = party_of(phrase) or next((known[w] for w in re.findall(r"\b[A-Z][a-z]{2,}\b", phrase)
                                              if w in known), None) or (role and party_of(role.group(1)))
            if not party and role and (owner := owner_named(role.group(1), sent[:m.start(1)])):
                party = owner   # "Fighters of the X Military Council ..., NAME, the council's commander, told"
            before = _ROLE_BEFORE.search(sent, 0, m.start(1)) if not party and rx is _SUBJECT_VERB else None
            if before and (party := party_of(before.group(1))):
                phrase = f"{phrase}, {before.group(1)}"   # "..., the head of X's directorate, NAME, said"
            owner = OWNER_BEFORE.search(sent, 0, m.start(1)) if not party else None
            if owner:
                party = party_of(owner.group(1))   # "The Syrian Observatory's director Rami Abdulrahman said"
            again = OWNER_AGAIN.search(sent, 0, m.start(1)) if not party else None
            if again and person is None:   # "The monitor's director Rami Abdel Rahman said"
                person = sent[again.start():m.end(1)], None, "anaphor"
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
                phrase = _POSSESSIVE.sub("", _FULL_STOP.sub("", told.group(1).strip(" ,")))
                party = party_of(told.group(1))
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
    body = appos and role_institution(appos.group(1))
    if body:   # "Igor Konashenkov, a ministry spokesman, said": the ministry named before speaks
        return f"{phrase}, {appos.group(1).strip()}", None, "institution"
    if FORCES_SOURCE.match(phrase):
        return phrase, None, "forces source"
    if INSTITUTION.match(phrase):   # before a name: "The Defense Ministry" is capitalised too
        return phrase, None, "institution"
    if LONE_NAME.match(phrase) and phrase.split()[-1] not in OUTLETS:
        return phrase, None, "person"
    return None
