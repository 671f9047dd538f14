"""What kind of source a speaker phrase is: a state body named without its state, an
organisation of no known party, a person (a name, a title), or a wire agency (the report's own
voice). Used by :mod:`geomap.attribution`.

>>> organisation("Al-Mayadeen television", ""), organisation("Reuters", "")
('Al-Mayadeen television', None)
>>> bool(INSTITUTION.match("the General Command of the Army"))
True
"""

from __future__ import annotations

import re
from typing import Optional

__all__ = ["INSTITUTION", "TITLE_WORD", "OWNER_BEFORE", "LONE_NAME", "OUTLETS", "organisation"]

#: A state body named without its state ("the army", "the General Command of the Army").
INSTITUTION = re.compile(r"^(?:the\s+)?(?:[\w-]+\s+){0,3}(?:army|military|(?:general\s+)?command|"
                         r"ministry|air\s+force|armed\s+forces)(?:\s+of\s+the\s+[\w\s]{3,40})?"
                         # its spokesman, named ("ministry spokesman Major General Igor Konashenkov")
                         r"(?P<role>\s+(?:spokes(?:man|woman|person)|official|representative)"
                         r"(?:\s+[A-Z][\w.'’-]*){0,5})?$", re.I)
#: Words of a title, which name no one ("General" is no person's party).
TITLE_WORD = re.compile(r"(?:General|Colonel|Major|Lieutenant|Captain|Admiral|Brigadier|Minister|President|"
                        r"Secretary|Spokesman|Spokeswoman|Commander|Chief|Director|Head|Official|Ambassador)$")

#: Whose role a name holds, before it ("The Syrian Observatory's director (Rami Abdulrahman)").
OWNER_BEFORE = re.compile(r"((?:[Tt]he\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,4})['’]s\s+(?:[a-z-]+\s+){1,2}$")
#: A source of no known party that names itself an organisation: after a word that says so ("the
#: activist group Raqqa Is Being Slaughtered Silently") or ending on one ("Al-Mayadeen television").
_ORG_WORD = r"\b(?:group|network|campaign|monitor|outlet|organi[sz]ation|collective|agency|channel|website|page)\s+"
_ORG_BEFORE = re.compile(_ORG_WORD + "$", re.I)
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
    within = _ORG_WITHIN.search(phrase)
    if within and not _ORG_BEFORE.search(before):
        return within.group("name")
    return re.sub(r"^[Tt]he\s+", "", phrase) if _ORG_BEFORE.search(before) or _ORG_NAME.match(phrase) else None


#: A person's name alone ("Konashenkov", "Igor Konashenkov"), no title or organisation.
LONE_NAME = re.compile(r"^(?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]{2,}$")
#: Wire agencies and outlets of no party: what they report is the report's own voice.
OUTLETS = frozenset("Reuters Interfax Anadolu Xinhua Bloomberg Jazeera Arabiya Guardian Times Post".split())
