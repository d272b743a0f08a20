"""Transliteration of names into MRZ characters and into Latin script (ICAO Doc 9303 Part 3).

Doc 9303 Part 3, section 6 recommends how national characters are written in the machine readable
zone (MRZ), where only ``A``-``Z``, ``0``-``9`` and the filler ``<`` exist:

* Table A, Latin letters with diacritics: most lose the accent (``É`` -> ``E``); a few have a
  multi-letter form (``Ä`` -> ``AE``, ``Å`` -> ``AA``, ``Ñ`` -> ``NXX``, ``ß`` -> ``SS`` ...).
* Table B, Cyrillic (Russian, Belarusian, Bulgarian, Macedonian, Serbian and Ukrainian letters).
* Table C, Arabic, plus the Persian, Urdu and Pashto letters, in the reversible "X" scheme where
  ``X`` escapes the letter it precedes (``ث`` -> ``XTH``).

The tables below are data: one entry per character, keyed by the upper-case form for the cased
scripts. A character that no rule covers is an error (:class:`TransliterationError`), never
dropped. The only characters that produce nothing are the ones the standard itself omits
(apostrophes, the Cyrillic soft sign ``Ь``, Arabic vowel signs and tatweel) and accents
(combining marks), which is the "lose the accent" rule of Table A.

Sources: Doc 9303 Part 3 (8th edition, 2021) section 6 and Appendix B, as reproduced in public
implementations that were cross-checked against each other: the ``icao-*-9303`` maps of the
interscript project (github.com/interscript/maps), the ``icao-transliteration`` npm package and
the "ICAO MRZ Transliteration" gist by AmazingTurtle; and M. Ellis, "Arabic Transliteration Rules
in Document 9303" (ICAO TAG/MRTD, 2011). Where these disagree the choice is noted in a comment.
National variants of Table B (Ukrainian ``Г`` -> ``H``, ``И`` -> ``Y``; Serbian ``Ђ`` -> ``DJ``
...) are not applied: the table gives the common ICAO value. Greek, Hebrew and other scripts have
no table here and raise :class:`TransliterationError`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Final

from workstation.domain.errors import TransliterationError

__all__ = [
    "ARABIC_TABLE",
    "CYRILLIC_TABLE",
    "DROPPED_MARKS",
    "LATIN_TABLE",
    "MRZ_SEPARATORS",
    "NO_RULE",
    "is_latin",
    "to_latin",
    "to_mrz_chars",
    "to_mrz_chars_lenient",
]

NO_RULE: Final = "transliteration.no_rule"
"""Error code of a character that no transliteration rule covers."""

# --------------------------------------------------------------------------------------------
# Table A: Latin letters with diacritics (upper-case keys; lower case is looked up upper-cased).
# Letters not listed here whose canonical decomposition is an ASCII letter plus accents (for
# example Romanian ``Ș``, Vietnamese ``Ệ``) follow the general rule and lose the accents.
# --------------------------------------------------------------------------------------------
LATIN_TABLE: Final[Mapping[str, str]] = MappingProxyType(
    {
        "À": "A", "Á": "A", "Â": "A", "Ã": "A", "Ä": "AE", "Å": "AA", "Æ": "AE",
        "Ç": "C",
        "È": "E", "É": "E", "Ê": "E", "Ë": "E",
        "Ì": "I", "Í": "I", "Î": "I", "Ï": "I",
        "Ð": "D",
        "Ñ": "NXX",  # Doc 9303 allows "N" too: see the n_tilde parameter of to_mrz_chars.
        "Ò": "O", "Ó": "O", "Ô": "O", "Õ": "O", "Ö": "OE", "Ø": "OE",
        "Ù": "U", "Ú": "U", "Û": "U", "Ü": "UE",
        "Ý": "Y",
        "Þ": "TH",
        "ß": "SS", "ẞ": "SS",
        "Ā": "A", "Ă": "A", "Ą": "A",
        "Ć": "C", "Ĉ": "C", "Ċ": "C", "Č": "C",
        "Ď": "D", "Đ": "D",
        "Ē": "E", "Ĕ": "E", "Ė": "E", "Ę": "E", "Ě": "E",
        "Ĝ": "G", "Ğ": "G", "Ġ": "G", "Ģ": "G",
        "Ĥ": "H", "Ħ": "H",
        "Ĩ": "I", "Ī": "I", "Ĭ": "I", "Į": "I", "İ": "I",
        "Ĳ": "IJ",
        "Ĵ": "J",
        "Ķ": "K",
        "Ĺ": "L", "Ļ": "L", "Ľ": "L", "Ŀ": "L", "Ł": "L",
        "Ń": "N", "Ņ": "N", "Ň": "N", "Ŋ": "N",
        "Ō": "O", "Ŏ": "O", "Ő": "O", "Œ": "OE",
        "Ŕ": "R", "Ŗ": "R", "Ř": "R",
        "Ś": "S", "Ŝ": "S", "Ş": "S", "Š": "S",
        "Ţ": "T", "Ť": "T", "Ŧ": "T",
        "Ũ": "U", "Ū": "U", "Ŭ": "U", "Ů": "U", "Ű": "U", "Ų": "U",
        "Ŵ": "W",
        "Ŷ": "Y", "Ÿ": "Y",
        "Ź": "Z", "Ż": "Z", "Ž": "Z",
    }
)  # fmt: skip

# --------------------------------------------------------------------------------------------
# Table B: Cyrillic (upper-case keys).
# Ћ: the brief and the interscript map give "C" (the npm package gives "D"); Ђ is "D".
# Ь (soft sign) is not transliterated; Ъ (hard sign) is "IE" (as in Russian passports).
# Ѫ (big yus, historic Bulgarian) is "U".
# --------------------------------------------------------------------------------------------
CYRILLIC_TABLE: Final[Mapping[str, str]] = MappingProxyType(
    {
        "А": "A", "Б": "B", "В": "V", "Г": "G", "Ґ": "G", "Д": "D", "Ђ": "D", "Ѓ": "G",
        "Е": "E", "Ё": "E", "Є": "IE", "Ж": "ZH", "З": "Z", "Ѕ": "DZ",
        "И": "I", "І": "I", "Ї": "I", "Й": "I", "Ј": "J",
        "К": "K", "Л": "L", "Љ": "LJ", "М": "M", "Н": "N", "Њ": "NJ",
        "О": "O", "П": "P", "Р": "R", "С": "S", "Т": "T", "Ћ": "C", "Ќ": "K",
        "У": "U", "Ў": "U", "Ф": "F", "Х": "KH", "Ц": "TS", "Ч": "CH", "Џ": "DZ",
        "Ш": "SH", "Щ": "SHCH", "Ъ": "IE", "Ы": "Y", "Ь": "", "Э": "E", "Ю": "IU", "Я": "IA",
        "Ѫ": "U",
    }
)  # fmt: skip

# --------------------------------------------------------------------------------------------
# Table C: Arabic script (caseless). Keys are written as escapes to keep the source readable in
# left-to-right editors. The vowel signs (harakat), superscript alef and tatweel are "not
# encoded" (Appendix B: harakat are normally omitted) and produce nothing.
# Teh marbuta (U+0629) depends on its position and is handled in code: "XAH" at the end of a name
# component, "XTA" elsewhere (Appendix B.5.5).
# ڜ ڢ ڧ ڨ are "not encoded" in Table C and therefore have no rule here.
# --------------------------------------------------------------------------------------------
TEH_MARBUTA: Final = "\u0629"
TEH_MARBUTA_FINAL: Final = "XAH"
TEH_MARBUTA_MEDIAL: Final = "XTA"

ARABIC_TABLE: Final[Mapping[str, str]] = MappingProxyType(
    {
        "\u0621": "XE",  # hamza
        "\u0622": "XAA",  # alef with madda above
        "\u0623": "XAE",  # alef with hamza above
        "\u0624": "U",  # waw with hamza above
        "\u0625": "I",  # alef with hamza below
        "\u0626": "XI",  # yeh with hamza above
        "\u0627": "A",  # alef
        "\u0628": "B",  # beh
        "\u062a": "T",  # teh
        "\u062b": "XTH",  # theh
        "\u062c": "J",  # jeem
        "\u062d": "XH",  # hah
        "\u062e": "XKH",  # khah
        "\u062f": "D",  # dal
        "\u0630": "XDH",  # thal
        "\u0631": "R",  # reh
        "\u0632": "Z",  # zain
        "\u0633": "S",  # seen
        "\u0634": "XSH",  # sheen
        "\u0635": "XSS",  # sad
        "\u0636": "XDZ",  # dad
        "\u0637": "XTT",  # tah
        "\u0638": "XZZ",  # zah
        "\u0639": "E",  # ain (Table C: "E"; hamza is "XE")
        "\u063a": "G",  # ghain
        "\u0640": "",  # tatweel: not encoded
        "\u0641": "F",  # feh
        "\u0642": "Q",  # qaf
        "\u0643": "K",  # kaf
        "\u0644": "L",  # lam
        "\u0645": "M",  # meem
        "\u0646": "N",  # noon
        "\u0647": "H",  # heh
        "\u0648": "W",  # waw
        "\u0649": "XAY",  # alef maksura
        "\u064a": "Y",  # yeh
        "\u064b": "",  # fathatan: not encoded
        "\u064c": "",  # dammatan
        "\u064d": "",  # kasratan
        "\u064e": "",  # fatha
        "\u064f": "",  # damma
        "\u0650": "",  # kasra
        "\u0651": "",  # shadda
        "\u0652": "",  # sukun
        "\u0670": "",  # superscript alef
        # Persian, Urdu and Pashto letters of Table C.
        "\u0671": "XXA",  # alef wasla
        "\u0679": "XXT",  # tteh
        "\u067c": "XRT",  # teh with ring
        "\u067e": "P",  # peh
        "\u0681": "XKE",  # hah with hamza above
        "\u0685": "XXH",  # hah with three dots above
        "\u0686": "XC",  # tcheh
        "\u0688": "XXD",  # ddal
        "\u0689": "XDR",  # dal with ring
        "\u0691": "XXR",  # rreh
        "\u0693": "XRR",  # reh with ring
        "\u0696": "XRX",  # reh with dot below and dot above
        "\u0698": "XJ",  # jeh
        "\u069a": "XXS",  # seen with dot below and dot above
        "\u06a9": "XKK",  # keheh
        "\u06ab": "XXK",  # kaf with ring
        "\u06ad": "XNG",  # ng
        "\u06af": "XGG",  # gaf
        "\u06ba": "XNN",  # noon ghunna
        "\u06bc": "XXN",  # noon with ring
        "\u06be": "XDO",  # heh doachashmee
        "\u06c0": "XYH",  # heh with yeh above
        "\u06c1": "XXG",  # heh goal
        "\u06c2": "XGE",  # heh goal with hamza above
        "\u06c3": "XTG",  # teh marbuta goal
        "\u06cc": "XYA",  # farsi yeh
        "\u06cd": "XXY",  # yeh with tail
        "\u06d0": "Y",  # e
        "\u06d2": "XYB",  # yeh barree
        "\u06d3": "XBE",  # yeh barree with hamza above
    }
)

# --------------------------------------------------------------------------------------------
# Separators and marks (Doc 9303 Part 3, section 4: hyphens and spaces become "<", apostrophes
# are dropped). A run of separators becomes a single "<", and none starts or ends the result.
# --------------------------------------------------------------------------------------------
MRZ_SEPARATORS: Final[frozenset[str]] = frozenset(
    " \t\n\r\u00a0\u2002\u2003\u2009\u202f\u3000"  # spaces
    "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"  # hyphens and dashes
    ",."  # comma, full stop ("St. John" -> ST<JOHN)
)
"""Characters written as the filler ``<`` in the MRZ."""

DROPPED_MARKS: Final[frozenset[str]] = frozenset(
    "'`\u00b4\u2018\u2019\u02bc\u02bb\u2032"  # apostrophes ("D'Artagnan" -> DARTAGNAN)
    "\u00b7"  # Catalan middle dot ("Gal·la" -> GALLA)
    "\u00ad\u200c\u200d"  # soft hyphen, zero-width non-joiner and joiner (Persian names)
)
"""Characters omitted from the MRZ (and kept unchanged by :func:`to_latin`)."""

_ASCII_MRZ: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_N_TILDE_KEY: Final = "Ñ"
_FILLER_RUN: Final = re.compile("<+")
_KEPT_FOR_DISPLAY: Final = MRZ_SEPARATORS | DROPPED_MARKS | frozenset("0123456789")


def _table_key(char: str) -> str:
    """Return the upper-case form of ``char`` when it is a single character, else ``char``."""
    upper = char.upper()
    return upper if len(upper) == 1 else char


def _is_mark(char: str) -> bool:
    """True for combining marks (accents and the like)."""
    return unicodedata.category(char).startswith("M")


def _is_word_char(char: str) -> bool:
    """True for letters and combining marks, the characters that make up a word."""
    return unicodedata.category(char)[0] in "LM" and char not in DROPPED_MARKS


def _is_latin_letter(char: str) -> bool:
    """True for a letter of the Latin script (with or without diacritics)."""
    return char.isalpha() and "LATIN " in unicodedata.name(char, "")


def _ends_component(text: str, index: int) -> bool:
    """True when no further letter follows ``text[index]`` in the same name component."""
    for following in text[index + 1 :]:
        if _is_mark(following) or ARABIC_TABLE.get(following) == "":
            continue
        return not _is_word_char(following)
    return True


def _teh_marbuta(text: str, index: int) -> str:
    """Teh marbuta is XAH at the end of a name component and XTA elsewhere."""
    return TEH_MARBUTA_FINAL if _ends_component(text, index) else TEH_MARBUTA_MEDIAL


def _has_direct_rule(char: str) -> bool:
    """True when a table or a separator rule covers ``char`` as it is."""
    key = _table_key(char)
    return (
        key in _ASCII_MRZ
        or key in LATIN_TABLE
        or key in CYRILLIC_TABLE
        or char == TEH_MARBUTA
        or char in ARABIC_TABLE
        or char in MRZ_SEPARATORS
        or char in DROPPED_MARKS
        or _is_mark(char)
    )


def _normalize(text: str, *, keep_latin: bool) -> str:
    """NFC, then compatibility forms without a rule replaced by what they stand for.

    Ligatures (``ﬁ``), full-width letters and Arabic presentation forms (text copied from PDF
    files) become the ordinary characters. With ``keep_latin`` Latin letters are left as they
    are (for display).
    """
    text = unicodedata.normalize("NFC", text)
    return "".join(
        char
        if _has_direct_rule(char) or (keep_latin and _is_latin_letter(char))
        else unicodedata.normalize("NFKC", char)
        for char in text
    )


def _stripped_accents(char: str) -> str | None:
    """The ASCII base of a Latin letter outside Table A (``Ș`` -> ``S``), else None."""
    decomposed = unicodedata.normalize("NFD", char)
    base, accents = decomposed[0], decomposed[1:]
    if accents and base.upper() in _ASCII_MRZ and all(_is_mark(c) for c in accents):
        return base.upper()
    return None


def _mrz_rule(text: str, index: int, n_tilde: str) -> str | None:
    """MRZ characters for ``text[index]`` (``<`` for a separator), or None without a rule."""
    char = text[index]
    key = _table_key(char)
    if key in _ASCII_MRZ:
        return key
    if key == _N_TILDE_KEY:
        return n_tilde
    if key in LATIN_TABLE:
        return LATIN_TABLE[key]
    if key in CYRILLIC_TABLE:
        return CYRILLIC_TABLE[key]
    if char == TEH_MARBUTA:
        return _teh_marbuta(text, index)
    if char in ARABIC_TABLE:
        return ARABIC_TABLE[char]
    if char in MRZ_SEPARATORS:
        return "<"
    if char in DROPPED_MARKS or _is_mark(char):
        return ""
    return _stripped_accents(char)


def _check_n_tilde(n_tilde: str) -> None:
    """Reject an ``n_tilde`` that is not made of MRZ letters."""
    if not n_tilde or not set(n_tilde) <= _ASCII_MRZ:
        raise ValueError(f"n_tilde must be MRZ letters, got {n_tilde!r}")


def _no_rule(char: str, field: str) -> TransliterationError:
    """The coded error for a character without a rule."""
    return TransliterationError(NO_RULE, field, char=char, codepoint=f"U+{ord(char):04X}")


def _transliterate_mrz(text: str, n_tilde: str, on_missing: Callable[[str], str]) -> str:
    """Apply the MRZ rules to ``text``; ``on_missing`` decides about characters without one."""
    _check_n_tilde(n_tilde)
    text = _normalize(text, keep_latin=False)
    pieces: list[str] = []
    for index, char in enumerate(text):
        rule = _mrz_rule(text, index, n_tilde)
        pieces.append(on_missing(char) if rule is None else rule)
    return _FILLER_RUN.sub("<", "".join(pieces)).strip("<")


def to_mrz_chars(text: str, field: str, *, n_tilde: str = "NXX") -> str:
    """Transliterate ``text`` into MRZ characters (Doc 9303 Part 3, section 6).

    The result holds only ``A``-``Z``, ``0``-``9`` and ``<``: letters are upper-cased and
    transliterated with the Latin, Cyrillic and Arabic tables, spaces, hyphens, commas and full
    stops become ``<`` (a run of them a single ``<``, none at either end) and apostrophes are
    dropped. ``n_tilde`` is the form of ``Ñ`` (``"NXX"`` as recommended, or ``"N"``).

    >>> to_mrz_chars("Müller-Lüdenscheid", "surname")
    'MUELLER<LUEDENSCHEID'
    >>> to_mrz_chars("CAÑON", "surname")
    'CANXXON'

    Raises:
        TransliterationError: ``transliteration.no_rule`` for the first character that no rule
            covers, with params ``char`` and ``codepoint`` (``"U+4E2D"``).
        ValueError: ``n_tilde`` is not made of the letters ``A``-``Z``.
    """

    def fail(char: str) -> str:
        raise _no_rule(char, field)

    return _transliterate_mrz(text, n_tilde, fail)


def to_mrz_chars_lenient(text: str, *, n_tilde: str = "NXX") -> str:
    """Like :func:`to_mrz_chars`, but characters without a rule are skipped instead of raising.

    For search keys only (a search must not fail on odd input): never use it for a document,
    where a character without a rule must stop the officer.
    """
    return _transliterate_mrz(text, n_tilde, lambda _char: "")


def _word_caps(text: str) -> list[bool]:
    """For each character: True when its word has two or more cased letters, all upper case."""
    flags = [False] * len(text)
    start = 0
    while start < len(text):
        end = start
        while end < len(text) and _is_word_char(text[end]):
            end += 1
        cased = [c for c in text[start:end] if c.isupper() or c.islower()]
        all_caps = len(cased) >= 2 and all(c.isupper() for c in cased)
        flags[start:end] = [all_caps] * (end - start)
        start = end + 1
    return flags


def _cased(rule: str, source: str, all_caps: bool) -> str:
    """Give ``rule`` the case of the Cyrillic letter ``source`` (``Ю`` -> ``Iu`` or ``IU``)."""
    if source.isupper():
        return rule.upper() if all_caps else rule.capitalize()
    return rule.lower()


def _accents_latin_letter(text: str, index: int) -> bool:
    """True when the combining mark ``text[index]`` belongs to a Latin letter."""
    for before in reversed(text[:index]):
        if not _is_mark(before):
            return _is_latin_letter(before)
    return False


def _latin_piece(text: str, index: int, all_caps: bool, field: str) -> str:
    """Latin-script form of ``text[index]`` for display."""
    char = text[index]
    if _table_key(char) in CYRILLIC_TABLE:
        return _cased(CYRILLIC_TABLE[_table_key(char)], char, all_caps)
    if char == TEH_MARBUTA or char in ARABIC_TABLE:
        rule = _teh_marbuta(text, index) if char == TEH_MARBUTA else ARABIC_TABLE[char]
        word_start = index == 0 or not _is_word_char(text[index - 1])
        return rule.capitalize() if word_start else rule.lower()
    if _is_mark(char):
        return char if _accents_latin_letter(text, index) else ""
    if _is_latin_letter(char) or char in _KEPT_FOR_DISPLAY:
        return char
    raise _no_rule(char, field)


def to_latin(text: str, field: str) -> str:
    """The Latin-script form of a name, for display.

    Latin letters (accents included), digits, separators and apostrophes are kept as they are.
    Cyrillic letters are transliterated with Table B in natural case: a capital gives a
    capitalised form (``"Юлия"`` -> ``"Iuliia"``) unless its whole word is in capitals
    (``"ЮЛИЯ"`` -> ``"IULIIA"``). Arabic script has no case: its words are written with a
    capital first letter (``"محمد"`` -> ``"Mxhmd"``, Table C's reversible scheme).

    Raises:
        TransliterationError: ``transliteration.no_rule`` for a character of another script
            (Greek, Chinese ...) or an unexpected symbol, with params ``char`` and ``codepoint``.
    """
    text = _normalize(text, keep_latin=True)
    caps = _word_caps(text)
    return "".join(_latin_piece(text, index, caps[index], field) for index in range(len(text)))


def is_latin(text: str) -> bool:
    """True when every letter of ``text`` is a Latin letter (accents allowed).

    Digits, spaces, punctuation and combining marks are ignored, so ``""`` and ``"O'Brien-2"``
    are Latin while ``"Иванов"`` and ``"Ivan Иванов"`` are not.
    """
    text = unicodedata.normalize("NFC", text)
    return all(_is_latin_letter(c) for c in text if c.isalpha() and c not in DROPPED_MARKS)
