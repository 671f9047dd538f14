"""A report's header and voice: its title, author, outlet and date, its dates, and whose voice it speaks in.

The first line is the headline; the first date in the first lines is the report's date; the
text before the date on that line is the outlet ("Global Research, December 10, 2017"), or the
agency of a wire dateline ("BEIRUT (Reuters) -"). A sentence's own date ("on November 23", "on
Sunday", "yesterday") is resolved against the report's. A state agency's report ("Damascus,
SANA") speaks of its state's army without naming the state; a party's release ("Coalition
statement on ...") speaks in that party's voice.

Examples
--------
>>> report_header("# Headline\\n\\nReuters, 9 December 2017\\nBody.")
('Headline', datetime.date(2017, 12, 9))
>>> claim_date("The jets struck on Sunday.", dt.date(2017, 6, 20))
datetime.date(2017, 6, 18)
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Optional

__all__ = ["report_meta", "report_header", "claim_date", "home_party", "capital_party", "headline_end", "own_voice",
           "is_date_line", "MONTH_WORD"]

_EN_MONTHS = "January February March April May June July August September October November December".split()
_MONTHS = {m.lower(): i for i, m in enumerate(_EN_MONTHS, 1)}
#: Arabic month names: the Egyptian and Gulf ones, then the Levantine (Syrian) ones.
_AR_MONTHS = {m: i for names in (
    "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",
    "كانون_الثاني شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين_الأول تشرين_الثاني كانون_الأول")
    for i, m in enumerate((w.replace("_", " ") for w in names.split()), 1)}
_MONTHS.update(_AR_MONTHS)
_MONTHS.update({"ابريل": 4, "اغسطس": 8, "اكتوبر": 10})
_MONTH = "(" + "|".join(_EN_MONTHS) + ")"
#: A month's English name or its abbreviation ("Nov", "Sept").
MONTH_WORD = re.compile("|".join(sorted({w for m in _EN_MONTHS for w in (m, m[:3])} | {"Sept"},
                                        key=lambda w: (-len(w), w))))
_DATES = [
    (re.compile(_MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})"), ("m", "d", "y")),
    (re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(\d{4})"), ("d", "m", "y")),
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), ("y", "mn", "d")),
]
#: "27 نوفمبر 2017" (tried only on text that is not ASCII).
_AR_DATE = (re.compile(r"(\d{1,2})\s+(" + "|".join(sorted((m for m in _MONTHS if not m.isascii()), key=len,
                                                          reverse=True)) + r")\s+(\d{4})"), ("d", "m", "y"))
_MONTH_DAY = re.compile(r"\b" + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s+\d{4})")
_WEEKDAY = re.compile(r"\b(?:on\s+|last\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_RELATIVE = {"yesterday": 1, "today": 0, "last week": 7}

_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")  # a Markdown link: its text
_BY = re.compile(r"^By\s+(.+?)\s*(?:,|$)")
#: A wire dateline naming its agency: "BEIRUT (Reuters) -", "BEIRUT, Aug 21 (Reuters) -".
_DATELINE = re.compile(r"^[A-Z][\w'’ .,-]{1,40}\s+\(([A-Z][\w .&'’-]{1,40})\)\s*[–—-]")


def report_meta(text: str, date: Optional[dt.date] = None) -> dict:
    """What a citation needs from a report's header: title, author, outlet, date.

    The outlet is the text before the date on the date line ("Global Research,
    December 10, 2017"), or the agency of a wire dateline ("BEIRUT (Reuters) -").
    """
    lines = _head_lines(text)
    title, when = _title_and_date(lines, date)
    meta = {"title": title, "author": "", "outlet": "", "date": when}
    for ln in lines[:12]:
        m = _BY.match(ln)
        if m and not meta["author"]:
            meta["author"] = m.group(1).strip()
            ln = ln[m.end():].strip(" ,")
        if not meta["outlet"] and _FOUR_DIGITS.search(ln):
            found = next(filter(None, (rx.search(ln) for rx, _ in _date_patterns(ln))), None)
            if found:
                meta["outlet"] = ln[:found.start()].strip(" ,،–—-")
    for i, ln in enumerate(lines[:3]):
        m = _DATELINE.match(ln)
        if m and not meta["outlet"]:   # a wire dateline without a year ("BEIRUT, Aug 21 (Reuters) -")
            meta["outlet"] = m.group(1)
            if i == 0:
                meta["title"] = ""  # the first line is the story's first sentence, not a headline
    return meta


def report_header(text: str, date: Optional[dt.date] = None) -> tuple:
    """(headline, date) of a report: its first line, and the first date in its first lines
    (``date`` when they have none)."""
    return _title_and_date(_head_lines(text), date)


def _title_and_date(lines: list, date: Optional[dt.date]) -> tuple:
    title = lines[0] if lines else ""
    for ln in lines:
        found = _full_date(ln)
        if found:
            return title[:200], found
    return title[:200], date


def _head_lines(text: str, n: int = 12) -> list:
    """The first ``n`` non-blank lines of a report, without Markdown marks and link targets."""
    out = []
    for ln in text.splitlines():
        ln = ln.strip(" #*\t")
        if ln:
            out.append(_MD_LINK.sub(r"\1", ln))
            if len(out) == n:
                break
    return out


#: Every full date has its year: a line or sentence without four digits is passed over at once.
_FOUR_DIGITS = re.compile(r"\d\d\d\d")   # (not "\d{4}": written out, it is searched three times faster)


def is_date_line(line: str) -> bool:
    """Whether a line carries a full date, as a report's date line does ("QAMISHLI, Syria
    (Reuters) - September 25, 2017", "دير الزور، سانا، 25 أيلول 2017").

    >>> is_date_line("BEIRUT (AFP) - October 12, 2017"), is_date_line("Jets struck Hajin in 2017")
    (True, False)
    """
    return _full_date(line) is not None


def _date_patterns(s: str) -> list:
    """The full-date patterns to try on ``s`` (the Arabic one only on text that is not ASCII)."""
    return _DATES if s.isascii() else _DATES + [_AR_DATE]


def _full_date(s: str) -> Optional[dt.date]:
    if not _FOUR_DIGITS.search(s):
        return None
    for rx, order in _date_patterns(s):
        m = rx.search(s)
        if not m:
            continue
        parts = dict(zip(order, m.groups()))
        month = _MONTHS[parts["m"].lower()] if "m" in parts else int(parts["mn"])
        try:
            return dt.date(int(parts["y"]), month, int(parts["d"]))
        except ValueError:
            continue
    return None


def claim_date(sentence: str, report: Optional[dt.date]) -> Optional[dt.date]:
    """The date a sentence gives (absolute, or relative to the report's date), else the report's."""
    full = _full_date(sentence)
    if full:
        return full
    if report is None:
        return None
    m = _MONTH_DAY.search(sentence)
    if m:
        try:
            d = dt.date(report.year, _MONTHS[m.group(1).lower()], int(m.group(2)))
            return d if d <= report else d.replace(year=report.year - 1)
        except ValueError:
            pass
    m = _WEEKDAY.search(sentence)
    if m:
        wd = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].index(
            m.group(1).lower())
        back = (report.weekday() - wd) % 7 or (7 if m.group(0).lower().startswith("last") else 0)
        return report - dt.timedelta(days=back)
    for word, days in _RELATIVE.items():
        if re.search(rf"\b{word}\b", sentence, re.I):
            return report - dt.timedelta(days=days)
    return report


#: A dateline naming the agency: "Damascus, SANA", "DAMASCUS, (SANA) -", "MOSCOW (TASS) —".
_AGENCY_LINE = re.compile(r"^[A-Z][\w'’ .-]{1,30},?\s*\(?([A-Z][\w .&'’-]{1,30}?)\)?\s*(?:[-–—]|$)|"
                          # in Arabic: "دير الزور، سانا", "دمشق-سانا" (a place of a few words, a comma or
                          # a dash, the agency)
                          r"^[^\W\d_A-Za-z][^\W\d_ ]*(?: [^\W\d_]+){0,3}(?:،|\s*[-–—])\s*"
                          r"([^\W\d_A-Za-z][^\W\d_]*(?: [^\W\d_]+){0,2})\s*(?:[-–—،]|$)")


def home_party(text: str, meta: dict) -> Optional[str]:
    """The party of a state outlet the report comes from (its agency or outlet), else None."""
    found = home_outlet(text, meta)
    return found[1] if found else None


def headline_end(text: str, meta: dict) -> int:
    """Where the report's headline ends in ``text`` (0 when it has none)."""
    title = meta.get("title") or ""
    return text.find(title) + len(title) if title and title in text else 0


def capital_party(meta: dict) -> Optional[str]:
    """The party of the capital a report is datelined in ("BAGHDAD, November 3, 2017": Iraq), whose
    government's offices it names without a country; None elsewhere ("BEIRUT": no party).

    >>> capital_party({"outlet": "BAGHDAD"}), capital_party({"outlet": "Damascus, SANA"})
    ('Iraq', 'Syrian government')
    """
    from .parties import party_of

    city = (meta.get("outlet") or "").split(",")[0].strip()
    return party_of(city.title()) if city and len(city.split()) <= 2 else None


def home_outlet(text: str, meta: dict) -> Optional[tuple]:
    """(agency, party) of a state outlet the report comes from ("Deir Ezzor, SANA -"), else None."""
    from .parties import party_of

    for ln in [meta.get("outlet") or ""] + _head_lines(text, 6)[1:]:
        m = _AGENCY_LINE.match(ln)
        agency = (m.group(1) or m.group(2)).strip() if m else ""
        party = party_of(agency) if agency else None
        if party:
            return agency, party
    return None


#: State news agencies whose state the parties know: what they report in their own voice is
#: their state's account.
_STATE_AGENCY = re.compile(r"SANA|TASS|Sputnik|RIA(?: Novosti)?|"
                           r"سانا|تاس|سبوتنيك|(?:ريا )?نوفوستي")   # the same in Arabic
_RELEASE = re.compile(r"\b(?:statement|press release|news release|briefing|communiqu[eé]|readout|clarification|"
                      r"declaration|announcement)\b", re.I)


#: A body that publishes its own reports: an observatory, a ministry, a command, a force.
_PUBLISHER = re.compile(r"\b(?:Observatory|Ministry|Command|Forces|Coalition|Task Force|Council)\b|"
                        # the same bodies by their initials ("CJTF-OIR, November 14, 2017")
                        r"\b(?-i:CJTF|CENTCOM|AFCENT|SOHR|SDF|MoD|MOD)\b|"
                        r"المرصد|وزارة|القيادة|قوات|التحالف", re.I)


def _publisher(meta: dict) -> Optional[tuple]:
    """(outlet, party) when the report's outlet is a party's own body publishing it ("Syrian
    Observatory for Human Rights, 2 November 2017"), not a place datelined ("DAMASCUS (GPA)")
    nor a newspaper that holds a party's word ("The Washington Post").

    >>> _publisher({"outlet": "Syrian Observatory for Human Rights"})
    ('Syrian Observatory for Human Rights', 'SOHR')
    >>> _publisher({"outlet": "The Washington Post"}) is None
    True
    """
    from .parties import party_of

    outlet = (meta.get("outlet") or "").strip()
    party = party_of(outlet) if outlet and _PUBLISHER.search(outlet) and not capital_party(meta) else None
    return (outlet, party) if party else None


def own_voice(statements: list, text: str, meta: dict, *, voice: Optional[str] = None) -> list:
    """A party's own release ("Coalition statement on ...", "Russian MoD briefing") speaks in that
    party's voice: its unattributed sentences are the party's (how: "release"); so does a state
    agency's report ("Deir Ezzor, SANA - ...": how "outlet"). Other reports' own sentences stay
    the reporter's. ``voice``: whose release the report is, when the reader knows it and the
    text does not say (a task force's strike summary): its party, else ``voice`` itself."""
    from dataclasses import replace

    from .parties import party_of

    title = meta.get("title") or ""
    if voice:
        party, speaker, how = party_of(voice) or voice, voice, "release"
    else:
        party = party_of(title) if _RELEASE.search(title) else None
        speaker, how = title, "release"
    if not party and (publisher := _publisher(meta)):
        (speaker, party), how = publisher, "outlet"
    if not party and (area := _release_area(text)):
        (speaker, party), how = area, "release"
    if not party:
        outlet = home_outlet(text, meta)
        if outlet is None or not _STATE_AGENCY.fullmatch(outlet[0]):
            return statements
        (speaker, party), how = outlet, "outlet"
    head = headline_end(text, meta)
    turns = transcript_turns(text)
    out = []
    for s in statements:
        if s.party or s.start < head:
            out.append(s)
            continue
        label = _turn_at(turns, s.start)
        lead = _TURN.match(s.text) if label else None
        if lead and lead["label"] == label:   # the turn's first sentence, without its label
            s = replace(s, text=s.text[lead.end():], start=s.start + lead.end())
        if label is None:
            out.append(replace(s, party=party, speaker=speaker, how=how))
        elif label not in QUESTION_LABELS:   # a reporter's question is no part of the release
            out.append(replace(s, party=party, speaker=_speaker_name(label), how=how))
        else:
            out.append(s)
    return out


#: The dateline of the US-led coalition's own strike releases ("SOUTHWEST ASIA - Coalition military
#: forces conducted 8 strikes ..."): US Central Command's area, where no newspaper datelines a story.
_RELEASE_AREA = re.compile(r"^SOUTHWEST ASIA\b")


def _release_area(text: str) -> Optional[tuple]:
    """(speaker, party) of a release known by its dateline, else None.

    >>> _release_area("Strikes continue\\n\\nSOUTHWEST ASIA - Coalition forces conducted 8 strikes.")
    ('CJTF-OIR release (SOUTHWEST ASIA)', 'US-led coalition')
    """
    from .parties import party_of

    if any(_RELEASE_AREA.match(ln) for ln in _head_lines(text, 4)):
        return "CJTF-OIR release (SOUTHWEST ASIA)", party_of("CJTF-OIR")
    return None


#: A transcript's turn: a speaker's label in capitals and a colon at a line's start ("COL. DILLON:",
#: "SECRETARY MATTIS:", "Q:").
_TURN = re.compile(r"^[ \t*_]*(?P<label>(?:[A-Z][A-Z.'’-]*[ \t]+){0,3}[A-Z][A-Z'’-]*\.?)[ \t*_]*:[ \t]", re.M)
#: The labels of a reporter's turn in a briefing's transcript.
QUESTION_LABELS = frozenset({"Q", "Q.", "QUESTION", "REPORTER", "AUDIENCE", "JOURNALIST"})
#: Capitalised words before a colon that introduce a paragraph, not a speaker.
_NOT_SPEAKERS = frozenset({"UPDATE", "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE", "CORRECTION", "BREAKING", "WATCH",
                           "READ MORE", "RELATED", "PHOTO", "VIDEO", "SOURCE", "SOURCES", "UPDATED", "EXCLUSIVE"})


def transcript_turns(text: str) -> list:
    """(start, end, label) of each speaker's turn when the text is a transcript: two turns or more
    opening on a label in capitals and a colon ("COL. DILLON: ...", "Q: ..."); else ``[]``.

    >>> [t[2] for t in transcript_turns("Briefing\\n\\nCOL. DILLON: We struck.\\n\\nQ: Where?\\n")]
    ['COL. DILLON', 'Q']
    """
    found = [m for m in _TURN.finditer(text) if m["label"] not in _NOT_SPEAKERS]
    if len(found) < 2:
        return []
    ends = [m.start() for m in found[1:]] + [len(text)]
    return [(m.start(), end, m["label"]) for m, end in zip(found, ends)]


def _turn_at(turns: list, at: int) -> Optional[str]:
    """The label of the turn a position is in (None outside every turn)."""
    return next((label for start, end, label in turns if start <= at < end), None)


def _speaker_name(label: str) -> str:
    """"COL. DILLON" -> "Col. Dillon"."""
    return " ".join(w[:1] + w[1:].lower() for w in label.split())
