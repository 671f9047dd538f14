"""What kind of source a speaker phrase is: a state body named without its state, an
organisation of no known party, a person (a name, a title), or a wire agency (the report's own
voice). Used by :mod:`geomap.attribution`.

>>> organisation("Al-Mayadeen television", ""), organisation("Reuters", "")
('Al-Mayadeen', None)
>>> bool(INSTITUTION.match("the General Command of the Army"))
True
"""

from __future__ import annotations

import re
from typing import Optional

__all__ = ["INSTITUTION", "FORCES_SOURCE", "TITLE_WORD", "OWNER_BEFORE", "OWNER_AGAIN", "LONE_NAME",
           "OUTLETS", "ANAPHOR", "PRONOUN_AFTER", "organisation", "role_organisation"]

#: A state body named without its state ("the army", "the General Command of the Army").
INSTITUTION = re.compile(r"^(?:the\s+)?(?:[\w-]+\s+){0,3}(?:army|military|(?:general\s+)?command|"
                         r"ministry|air\s+force|armed\s+forces)(?:['’]s)?(?:\s+of\s+the\s+[\w\s]{3,40})?"
                         # its spokesman, named ("ministry spokesman Major General Igor Konashenkov")
                         r"(?P<role>\s+(?:spokes(?:man|woman|person)|official|representative)"
                         r"(?:\s+[A-Z][\w.'’-]*){0,5})?$", re.I)
#: Words of a title, which name no one ("General" is no person's party).
TITLE_WORD = re.compile(r"(?:General|Colonel|Major|Lieutenant|Captain|Admiral|Brigadier|Minister|President|"
                        r"Secretary|Spokesman|Spokeswoman|Commander|Chief|Director|Head|Official|Ambassador)$")

#: Whose role a name holds, before it ("The Syrian Observatory's director (Rami Abdulrahman)").
OWNER_BEFORE = re.compile(r"((?:[Tt]he\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,4})['’]s\s+(?:[a-z-]+\s+){1,2}$")
#: The same before a source named again by what it is ("The monitor's director Rami Abdel
#: Rahman said": the monitor named before).
OWNER_AGAIN = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:[a-z-]+\s+){0,2}(?:monitor|observatory|ministry|group|"
                         r"agency|network|organi[sz]ation|campaign|coalition|command|army|military|council)['’]s\s+"
                         r"(?:[a-z-]+\s+){1,2}$")
#: A role whose owner is named by a common noun ("the council's commander", "the group's spokesman").
_OWNER_NOUN = re.compile(r"(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:[a-z-]+\s+){0,2}?([a-z]{4,})['’]s\s")


def owner_named(role: str, before: str) -> Optional[str]:
    """The party of the organisation a role's common noun names again, when the words before name it
    in full ("Fighters of the Deir Ezzor Military Council ..., the council's commander": the SDF).

    >>> owner_named("the council's commander", "Fighters of the Deir Ezzor Military Council reached it,")
    'SDF'
    """
    from .parties import party_of

    m = _OWNER_NOUN.match(role)
    if m is None:
        return None
    noun = m.group(1)
    names = re.findall(rf"((?:[A-Z][\w.'’-]*\s+){{1,5}}{noun[0].upper()}{noun[1:]})\b", before)
    return next((party for name in reversed(names) if (party := party_of(name))), None)


#: A source of no known party that names itself an organisation: after a word that says so ("the
#: activist group Raqqa Is Being Slaughtered Silently") or ending on one ("Al-Mayadeen television").
_ORG_KINDS = r"group|network|campaign|monitor|outlet|organi[sz]ation|collective|agency|channel|website|page"
_ORG_WORD = r"\b(?:" + _ORG_KINDS + r")\s+"
_ORG_BEFORE = re.compile(_ORG_WORD + "$", re.I)
_KIND_AFTER = re.compile(r"\s+(?:" + _ORG_KINDS + r")$", re.I)   # "Deir Ezzor 24 network": "Deir Ezzor 24"
_ORG_WITHIN = re.compile(_ORG_WORD + r"(?P<name>[A-Z].*)$")   # "activists of the group Raqqa Is ..."
_ORG_NAME = re.compile(r"^(?:the\s+)?(?P<name>[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,7}?)\s+(?:television|TV|channel|radio|"
                       r"news\s+agency|agency|network|newspaper|website|monitor|Television|Channel|Radio|Agency|"
                       r"Network|News|Media|Center|Centre|Council|Committee|Observatory|\d{1,4})$")


def organisation(phrase: str, before: str) -> Optional[str]:
    """The name of the organisation a source phrase names, if it names itself one (a wire agency is
    the report's own voice, not a source)."""
    words = phrase.split()
    if not words or words[-1] in OUTLETS or not phrase[:1].isupper() or TITLE_WORD.match(words[0]):
        return None   # also "Head of the ... Council": a person in a role there, not its voice
    members = _MEMBERS_OF.match(phrase)
    rest = phrase[members.end():] if members else ""
    if members and _ORG_NAME.match(rest):   # "Local activists of the Deir Ezzor 24 network": it speaks
        return _KIND_AFTER.sub("", rest) or rest
    within = _ORG_WITHIN.search(phrase)
    if within and not _ORG_BEFORE.search(before):
        return within.group("name")
    # Its name without the article and where it is based ("The Lebanon-based Al-Mayadeen channel").
    name = re.sub(r"^(?:[Tt]he\s+)?(?:[A-Z][\w.]*-based\s+)?", "", phrase)
    if not (_ORG_BEFORE.search(before) or _ORG_NAME.match(phrase)):
        return None
    # An outlet is one party whatever its medium is called ("Al-Mayadeen channel", "Al-Mayadeen TV").
    name = _MEDIUM.sub("", name) or name
    return name if re.search(r"[A-Z\d]", name) else None   # "a Turkey-based monitor": no name at all


#: The people of an organisation before its name ("Local activists of the ...", "Reporters with the ...").
_MEMBERS_OF = re.compile(r"(?:[A-Z][a-z]+\s+)?(?:activists|members|correspondents|reporters|journalists|"
                         r"volunteers|sources)\s+(?:of|from|with)\s+(?:the\s+)?", re.I)


_MEDIUM = re.compile(r"\s+(?:(?:satellite\s+|news\s+|television\s+|TV\s+)?(?:television|TV|channel|station)|"
                     r"news\s+agency|newspaper|daily|website|radio)$", re.I)


#: A person's name alone ("Konashenkov", "Igor Konashenkov"), no title or organisation.
LONE_NAME = re.compile(r"^(?:(?:spokes(?:man|woman|person)|official|commander|minister)\s+)?"   # "spokesman Col. X"
                       r"(?:[A-Z][a-z]+\.?\s+){0,3}[A-Z][a-z]{2,}$")
#: A member of a government named by office alone ("Prime Minister Haider al-Abadi"): the office
#: of the state whose capital the report is datelined in.
GOVERNMENT_OFFICE = re.compile(r"^(?:the\s+)?(?:(?:Prime|Foreign|Defen[cs]e|Interior)\s+Minister|President|"
                               r"(?:Foreign|Defen[cs]e)\s+Secretary)(?:\s+[\w.'’-]+){0,4}$", re.I)
#: A state's media named without the state ("state media", "State television"): the media of the
#: state where the report's events happen.
STATE_MEDIA = re.compile(r"^(?:the\s+)?state(?:-run|-owned)?\s+(?:media|television|TV|news\s+agency|radio|"
                         r"broadcaster)$", re.I)
#: Wire agencies and outlets of no party: what they report is the report's own voice.
OUTLETS = frozenset("Reuters Interfax Anadolu Xinhua Bloomberg Jazeera Arabiya Guardian Times Post".split())


#: A source named again by what it is, not by its name ("Its spokesman", "A spokesman", "The
#: Britain-based monitor", "the group"): the source named last. Words before the noun are lower
#: case or a compound adjective ("Britain-based"); a proper name ("the Syrian Observatory") is a
#: name. State bodies ("the ministry", "the army") are :data:`INSTITUTION`: they match the earlier
#: source that holds their word, or the outlet's state.
#: The common nouns a source that is an organisation is named by again ("the monitor", "the group").
ORGANISATION_NOUN = r"(?:monitor|watchdog|group|observatory|agency|organi[sz]ation|network|campaign|outlet)"
ANAPHOR = re.compile(r"^(?:[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Aa]n?|[Tt]he)\s+"
                     r"(?:(?:[a-z][\w-]*|[A-Z][\w.]*-[a-z]+)\s+){0,2}"
                     r"(?:spokes(?:man|woman|person)|" + ORGANISATION_NOUN + r")$|"
                     # "..., the statement said": the statement of the source named last
                     r"^(?:[Ii]ts|[Tt]heir|[Tt]he)\s+(?:[a-z][\w-]*\s+)?(?:statement|communiqu[eé]|release)$|"
                     r"^(?:[Ii]ts|[Tt]heir|[Tt]he)\s+(?:same\s+)?sources?$")   # "according to the source"
#: A source in some forces, unnamed and of no state ("a military source", "field sources"): the
#: forces the sentence reports on, unless the outlet's state speaks (see :mod:`geomap.attribution`).
FORCES_SOURCE = re.compile(r"^(?:an?\s+|the\s+)?(?:(?:senior|local|informed|high-ranking)\s+)?(?:military|army|security|"
                           r"field)\s+(?:sources?|officials?|commanders?)$", re.I)
#: '"...," he said.': a pronoun speaking after what it said (the source named last).
PRONOUN_AFTER = re.compile(r"[,”\"]\s*(?:he|she|they|it)\s+(?:also\s+|later\s+)?(?:said|says|added|adds|told|wrote|"
                           r"stated|explained|noted|continued|insisted|warned|claimed)\b")
#: What a speaker's role in apposition names: the organisation served ("head of the Deir ez-Zor
#: Military Council"), or that the speaker is one ("an activist group").
_ROLE_OF = re.compile(r"\b(?:of|for|at|with)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}?"   # "the activist network"
                      r"(?P<name>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|\d{1,4}|of|for|and|the|"
                      r"ez|al|el|az|as|ad|ar|[a-z]{1,3}-[A-Z][\w'’.-]*)){0,7})\s*$")
_ORG_ROLE = re.compile(r"^(?:a|an|the)\s+(?:[\w.-]+\s+){0,3}?(?:" + _ORG_KINDS
                       + r"|newspaper|watchdog|NGO|charity|broadcaster)$", re.I)


def role_organisation(phrase: str, role: str) -> Optional[str]:
    """The organisation a source speaks for by the role written after its name: the one the role
    serves (a spokesman for X, the head of X), or the source itself when the role says it is an
    organisation.

    >>> role_organisation("Ahmed Abu Khawla", "head of the Deir ez-Zor Military Council")
    'Deir ez-Zor Military Council'
    >>> role_organisation("Omar Abu Laila", "head of the activist network Deir Ezzor 24")
    'Deir Ezzor 24'
    >>> role_organisation("Raqqa Is Being Slaughtered Silently", "an activist group")
    'Raqqa Is Being Slaughtered Silently'
    >>> role_organisation("Igor Konashenkov", "a spokesman") is None
    True
    """
    role = role.strip()
    if _ORG_ROLE.match(role):
        return re.sub(r"^[Tt]he\s+", "", phrase)
    m = _ROLE_OF.search(role)
    if m and not TITLE_WORD.match(m.group("name").split()[-1]) and m.group("name").split()[-1] not in OUTLETS:
        return m.group("name")
    return None
