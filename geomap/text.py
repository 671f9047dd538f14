"""Name normalisation and transliteration folding, Latin and Arabic script.

Three levels, each coarser than the last:

``normalize``
    What a careful human would call "the same spelling": Unicode NFKC,
    case folded, diacritics and the many apostrophes (``' ’ ‘ ʿ ʾ ` ´``) gone,
    hyphens and punctuation as spaces; Arabic letters unified (alef and hamza
    forms, taa marbuta, alef maqsura, tatweel and harakat removed).
``name_key``
    The same name as English-language news writes it: the Arabic article in
    any form (al-, el-, ar-, ad-, as-, ash-, az-, at-, an-; glued "Alzour",
    "Ezzor"), common generic words unified (Deir/Dayr/Dair/Der, Tell/Tall,
    Ain/Ayn/Ein, Abu/Abou, Sheikh/Shaykh ...), consonant digraphs (kh/h, gh/g,
    sh/ch/s, dh/z, q/k, dj/j), vowel spellings (ou/oo/o/u, ee/i, e/a,
    ey/ei/ai/ay) and doubled letters folded.
``skeleton``
    The key's consonants: a blocking key for typo-tolerant look-ups.

Both the gazetteer and the queries go through the same functions, so a
folding that is "wrong" for one name is wrong the same way on both sides.

Examples
--------
>>> name_key("Deir-Ezzor") == name_key("Dayr az Zawr") == name_key("Dair Alzour")
True
>>> name_key("al-Mayadeen") == name_key("Meyadin")
True
>>> normalize("الرَّقَّة") == normalize("الرقه")
True
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "FOLD_VERSION",
    "normalize",
    "name_key",
    "skeleton",
    "deletions",
    "spelling_variants",
    "variant_keys",
    "is_arabic",
]

#: Bumped whenever a folding rule changes; the gazetteer stores the version it
#: was indexed with and re-indexes when they differ.
FOLD_VERSION = "4"

_APOSTROPHES = "'’‘`´ʿʾʻʼʹ′″\"“”ˈ"
_LATIN_SPECIAL = str.maketrans({
    "ı": "i", "ł": "l", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d",
    "þ": "th", "ħ": "h", "ŧ": "t", "ə": "e", "ʃ": "sh", "ɣ": "gh", "ʕ": "", "ʔ": "",
})
_APOS_TABLE = str.maketrans({c: "" for c in _APOSTROPHES})

# Arabic script: harakat, Quranic marks, superscript alef, tatweel.
_AR_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_AR_TABLE = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ة": "ه", "ى": "ي", "ی": "ي", "ې": "ي", "ۍ": "ي", "ئ": "ي", "ؤ": "و", "ء": "",
    "ک": "ك", "ڪ": "ك", "گ": "ك", "ڤ": "ف", "پ": "ب", "چ": "ج", "ژ": "ز", "ە": "ه",
    "ھ": "ه", "ۀ": "ه", "ۆ": "و", "ۇ": "و", "ێ": "ي",
    "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4", "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
})
_ARABIC_RE = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)

# The Arabic definite article as separate token ("al Mayadin", "ez Zor", "ash Sham").
_ARTICLES = frozenset(
    "al el il ul ar er ur ad ed as es us ash esh ush az ez uz at et ut ath eth adh an en un "
    "al' l".split()
)
# Generic words of Syrian and Iraqi toponyms that news spells many ways: unify them.
_GENERIC = {
    "dayr": "dayr", "deir": "dayr", "dair": "dayr", "der": "dayr", "dier": "dayr", "deyr": "dayr",
    "dir": "dayr", "deïr": "dayr",
    "tall": "tal", "tell": "tal", "tel": "tal", "tal": "tal", "til": "tal", "tul": "tal",
    "ayn": "ayn", "ain": "ayn", "ein": "ayn", "ayin": "ayn", "aain": "ayn", "aïn": "ayn", "en": "en",
    "abu": "abu", "abou": "abu", "abo": "abu", "albu": "abu", "bu": "abu", "abi": "abu",
    "umm": "umm", "um": "umm", "om": "umm", "oum": "umm", "omm": "umm", "oumm": "umm",
    "jabal": "jabal", "jebel": "jabal", "jabel": "jabal", "djebel": "jabal", "jbel": "jabal",
    "jibal": "jabal", "gebel": "jabal",
    "bir": "bir", "beer": "bir", "bi'r": "bir", "bier": "bir",
    "kafr": "kafr", "kfar": "kafr", "kafar": "kafr", "kefr": "kafr", "kfr": "kafr", "kufr": "kafr",
    "khirbat": "khirbat", "khirbet": "khirbat", "kherbet": "khirbat", "khirbit": "khirbat",
    "khirba": "khirbat", "kharbet": "khirbat", "khurbat": "khirbat", "khirbah": "khirbat",
    "qasr": "qasr", "kasr": "qasr", "qsar": "qasr",
    "shaykh": "shaykh", "sheikh": "shaykh", "shaikh": "shaykh", "cheikh": "shaykh",
    "sheik": "shaykh", "shekh": "shaykh", "sheykh": "shaykh", "shaikh'": "shaykh", "sheih": "shaykh",
    "bayt": "bayt", "beit": "bayt", "beyt": "bayt", "bait": "bayt", "bet": "bayt",
    "ras": "ras", "rass": "ras", "raas": "ras", "ra's": "ras",
    "wadi": "wadi", "wady": "wadi", "ouadi": "wadi",
    "nahr": "nahr", "nahar": "nahr",
    "madinat": "madinat", "medinat": "madinat", "madinet": "madinat", "medinet": "madinat",
    "mazraat": "mazraat", "mazraa": "mazraat", "mazraah": "mazraat", "mazra'at": "mazraat",
    "mazraet": "mazraat",
    "tallat": "tal", "hamam": "hammam",
}
# Sun-letter assimilation glued to the word: "Ezzor", "Arraqqa", "Assusah".
_GLUED_SUN = re.compile(r"^[ae](tt|dd|rr|zz|ss|nn)(?=[a-z]{2,})")
_GLUED_AL = re.compile(r"^(?:al|el)(?=[a-z]{3,})")

# (pattern, replacement, letters one of which the token must hold for the rule to apply:
# a cheap test that spares most of the regular expressions on most tokens).
_TOKEN_FOLDS = [
    (re.compile(r"(?<=[^aeiou])e$"), "", "e"),         # French final mute e: Mayadine, Jaadine
    (re.compile(r"tch|tsch"), "ch", "c"),
    (re.compile(r"sch"), "sh", "c"),
    (re.compile(r"dj"), "j", "j"),
    (re.compile(r"kh"), "h", "h"),
    (re.compile(r"gh"), "g", "h"),
    (re.compile(r"sh|ch"), "s", "h"),
    (re.compile(r"dh|zh"), "z", "h"),
    (re.compile(r"th"), "t", "h"),
    (re.compile(r"ph"), "f", "h"),
    (re.compile(r"ck|q|c"), "k", "cq"),
    (re.compile(r"x"), "h", "x"),                       # Kurdish and Uzbek-style x is kh
    (re.compile(r"ou|oo|o"), "u", "o"),
    (re.compile(r"ee|ie(?=[^aeiou]|$)"), "i", "e"),
    (re.compile(r"ei|ey|ai"), "ay", "iy"),
    (re.compile(r"e"), "a", "e"),
    (re.compile(r"aa+"), "a", "a"),
    (re.compile(r"(?<=[^aeiou])a?h$"), "a", "h"),       # taa marbuta: Raqqah, Hasakeh
    (re.compile(r"ah$"), "a", "h"),
    (re.compile(r"aw(?=[^aeiouy]|$)"), "u", "w"),       # Zawr / Zor / Zour
    (re.compile(r"ay(?=[^aeiouy]|$)"), "i", "y"),       # Shuhayl / Shuheil; Hmeimim
    (re.compile(r"iy(?=[aeiou])"), "i", "y"),           # -iyah / -ia / -ieh
    (re.compile(r"uw(?=[aeiou])"), "u", "w"),
    (re.compile(r"(.)\1+"), r"\1", ""),
]
_VOWELS = re.compile(r"[aeiou]")


def is_arabic(text: str) -> bool:
    """True when ``text`` contains Arabic-script letters.

    >>> is_arabic("دير الزور"), is_arabic("Deir ez-Zor")
    (True, False)
    """
    return not text.isascii() and bool(_ARABIC_RE.search(text))


@lru_cache(maxsize=200_000)
def normalize(text: str) -> str:
    """Case, Unicode, diacritic and punctuation normalisation.

    Parameters
    ----------
    text : str
        A place name in any script.

    Returns
    -------
    str
        Lower-case words separated by single spaces.

    Examples
    --------
    >>> normalize("Ja’Din"), normalize("Dayr az Zawr"), normalize("Aţ Ţabqah")
    ('jadin', 'dayr az zawr', 'at tabqah')
    """
    s = unicodedata.normalize("NFKC", text).casefold()
    s = s.translate(_APOS_TABLE)
    if is_arabic(s):
        s = _AR_MARKS.sub("", s).translate(_AR_TABLE)
    s = s.translate(_LATIN_SPECIAL)
    # Strip combining marks from Latin letters only; Arabic has none left.
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = unicodedata.normalize("NFC", s)
    return _NON_WORD.sub(" ", s).strip()


@lru_cache(maxsize=200_000)
def _fold_token(tok: str) -> str:
    chars = set(tok)
    for rx, rep, need in _TOKEN_FOLDS:
        if need and chars.isdisjoint(need):
            continue
        new = rx.sub(rep, tok)
        if new != tok:
            tok, chars = new, set(new)
    return tok


def _piece(tok: str, i: int, n: int):
    """The key piece of the ``i``-th of ``n`` Latin tokens (None for a dropped article)."""
    if tok in _ARTICLES and i < n - 1:
        return None
    if tok in _GENERIC:
        return _fold_token(_GENERIC[tok])
    m = _GLUED_SUN.match(tok)
    if m:
        tok = tok[len(m.group(0)) - 1:]
    else:
        tok = _GLUED_AL.sub("", tok)
    return _fold_token(tok)


@lru_cache(maxsize=200_000)
def name_key(text: str) -> str:
    """Transliteration-folded key of a name (see the module docstring).

    Parameters
    ----------
    text : str
        A place name, Latin or Arabic script.

    Returns
    -------
    str
        A compact key; two spellings of one name usually share it.

    Examples
    --------
    >>> name_key("Ar Raqqah") == name_key("Raqqa") == name_key("al-Rakka")
    True
    >>> name_key("Hmeimim") == name_key("Khmeimim")
    True
    """
    norm = normalize(text)
    if not norm:
        return ""
    tokens = norm.split()
    if is_arabic(norm):
        out = []
        for tok in tokens:
            if tok.startswith("وال") and len(tok) > 4:
                tok = tok[3:]
            elif tok.startswith("ال") and len(tok) > 3:
                tok = tok[2:]
            out.append(tok)
        return "".join(out)
    n = len(tokens)
    return "".join(p for i, t in enumerate(tokens) if (p := _piece(t, i, n)) is not None)


# One Arabic letter, several Latin spellings (ذ th/dh/z/d, ث th/s/t, ظ z/dh, ق q/k/g,
# ج j/g, خ kh/h/x, final ة a/ah/at). Keys already fold some of these (kh = h = x, q = k);
# the rest would
# merge too much into one key (t = d = s = z), so a query also tries each spelling
# its letters may have, one letter at a time.
_LETTER_SPELLINGS = [
    (re.compile(r"th"), ("dh", "z", "d", "s", "t")),          # ذ ث
    (re.compile(r"dh"), ("th", "z", "d")),                    # ذ ظ
    (re.compile(r"(?<![dt])z"), ("dh", "th", "d")),           # ذ ظ
    (re.compile(r"(?<![dnkgz])d(?![hj])"), ("dh", "th", "z")),  # ذ
    (re.compile(r"(?<![tdkcsz])s(?!h)"), ("th", "t")),        # ث
    (re.compile(r"(?<![dts])t(?!h)"), ("th", "s")),           # ث
    (re.compile(r"(?<![dtsckz])h(?![aeiou]?$)"), ("kh",)),    # خ
    (re.compile(r"q"), ("g", "k")),                           # ق
    (re.compile(r"(?<![cs])k(?!h)"), ("g",)),                 # ق
    (re.compile(r"(?<![dkn])g(?!h)"), ("q", "j")),            # ق ج
    (re.compile(r"(?<!d)j"), ("g",)),                         # ج
    (re.compile(r"at$"), ("a", "ah")),                        # ة
    (re.compile(r"(?<=[^aeiou])ah?$"), ("at",)),              # ة
]


def _respellings(toks: list, limit: int):
    """(token index, respelled token) pairs, one Arabic letter respelled at a time."""
    count = 0
    for t, tok in enumerate(toks):
        if tok in _ARTICLES or tok in _GENERIC:
            continue
        for rx, spellings in _LETTER_SPELLINGS:
            for m in rx.finditer(tok):
                for alt in spellings:
                    yield t, tok[:m.start()] + alt + tok[m.end():]
                    count += 1
                    if count >= limit:
                        return


@lru_cache(maxsize=100_000)
def spelling_variants(norm: str, limit: int = 24) -> tuple:
    """Other Latin spellings of a normalised name, one Arabic letter respelled at a time.

    >>> "dhiban" in spelling_variants("thiban")
    True
    >>> name_key("Thiban") in {name_key(v) for v in spelling_variants("dhiban")}
    True
    """
    if not norm or is_arabic(norm):
        return ()
    toks = norm.split()
    return tuple(dict.fromkeys(" ".join(toks[:t] + [word] + toks[t + 1:])
                               for t, word in _respellings(toks, limit)))


@lru_cache(maxsize=100_000)
def variant_keys(norm: str, limit: int = 24) -> tuple:
    """The keys of :func:`spelling_variants` (other than the name's own), computed fast:
    only the respelled token is folded again."""
    if not norm or is_arabic(norm):
        return ()
    toks = norm.split()
    n = len(toks)
    pieces = [_piece(t, i, n) or "" for i, t in enumerate(toks)]
    own = "".join(pieces)
    out = []
    for t, word in _respellings(toks, limit):
        key = "".join(pieces[:t]) + (_piece(word, t, n) or "") + "".join(pieces[t + 1:])
        if key != own:
            out.append(key)
    return tuple(dict.fromkeys(out))


def skeleton(key: str) -> str:
    """Consonant skeleton of a key: vowels dropped, the first letter kept.

    >>> skeleton(name_key("Tabaqah")) == skeleton(name_key("Tabqa"))
    True
    """
    if not key:
        return ""
    if is_arabic(key):
        return key[0] + key[1:].replace("ا", "").replace("و", "").replace("ي", "")
    body = _VOWELS.sub("", key[1:])
    return key[0] + body


def deletions(text: str) -> set:
    """The string and every string one character shorter (a deletion neighbourhood).

    Two strings within one insertion, deletion or substitution of each
    other share at least one member, which makes typo look-ups a few dict
    probes instead of a scan.

    >>> sorted(deletions("abc"))
    ['ab', 'abc', 'ac', 'bc']
    """
    out = {text}
    for i in range(len(text)):
        out.add(text[:i] + text[i + 1:])
    return out
