"""ICAO Doc 9303 Part 3 transliteration of names."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workstation.domain.errors import TransliterationError
from workstation.domain.transliteration import (
    ARABIC_TABLE,
    CYRILLIC_TABLE,
    DROPPED_MARKS,
    LATIN_TABLE,
    MRZ_SEPARATORS,
    is_latin,
    to_latin,
    to_mrz_chars,
)

MRZ_RESULT = re.compile(r"[A-Z0-9]+(<[A-Z0-9]+)*|")

# --- MRZ characters ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("D'Artagnan", "DARTAGNAN"),
        ("O'Connor", "OCONNOR"),
        ("Müller-Lüdenscheid", "MUELLER<LUEDENSCHEID"),
        ("Térèsa", "TERESA"),
        ("CAÑON", "CANXXON"),
        ("Smith-Jones", "SMITH<JONES"),
        ("van der Muellen", "VAN<DER<MUELLEN"),
        ("Vilarchão Fernández", "VILARCHAO<FERNANDEZ"),
        ("Ångström", "AANGSTROEM"),
        ("Æsa Østergaard", "AESA<OESTERGAARD"),
        ("Straße", "STRASSE"),
        ("Þórður", "THORDUR"),
        ("Œuvray", "OEUVRAY"),
        ("Ĳsbrand", "IJSBRAND"),
        ("Łukasz Dąbrowski", "LUKASZ<DABROWSKI"),
        ("Ðorđe", "DORDE"),
        ("Ștefan Țiriac", "STEFAN<TIRIAC"),  # comma below: not in Table A, accents dropped
        ("Nguyễn Thị", "NGUYEN<THI"),
        ("Gal·la", "GALLA"),
        ("St. John", "ST<JOHN"),
        ("  Smith -- Jones ", "SMITH<JONES"),
        ("Louis 14", "LOUIS<14"),
    ],
)
def test_latin_names_in_mrz(text: str, expected: str) -> None:
    assert to_mrz_chars(text, "name") == expected


def test_icao_example() -> None:
    # Doc 9303 Part 3 Appendix B (shared/standards/vectors/mrz.json): "Térèsa CAÑON".
    surname = to_mrz_chars("CAÑON", "surname")
    given_names = to_mrz_chars("Térèsa", "given_names")
    assert f"{surname}<<{given_names}" == "CANXXON<<TERESA"


def test_n_tilde_can_be_plain_n() -> None:
    assert to_mrz_chars("Peña", "surname", n_tilde="N") == "PENA"
    assert to_mrz_chars("Peña", "surname") == "PENXXA"


def test_n_tilde_must_be_mrz_letters() -> None:
    with pytest.raises(ValueError):
        to_mrz_chars("Peña", "surname", n_tilde="ñ")


def test_decomposed_input_is_the_same_as_composed() -> None:
    assert to_mrz_chars("Mu\u0308ller", "surname") == "MUELLER"
    assert to_mrz_chars("Pen\u0303a", "surname") == "PENXXA"


def test_compatibility_forms() -> None:
    assert to_mrz_chars("ﬁona", "given") == "FIONA"  # ligature
    assert to_mrz_chars("Ｍüller", "surname") == "MUELLER"  # full-width letter


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Иванов", "IVANOV"),
        ("Юлия", "IULIIA"),
        ("Щербаков", "SHCHERBAKOV"),
        ("Жуков Хабаров Цой Чехов Шишкин", "ZHUKOV<KHABAROV<TSOI<CHEKHOV<SHISHKIN"),
        ("Игорь", "IGOR"),  # soft sign not transliterated
        ("Подъячев", "PODIEIACHEV"),  # hard sign -> IE
        ("Рыбаков Эрнст Ёлкин", "RYBAKOV<ERNST<ELKIN"),
        ("Євгенія Ґалаґан Їжак", "IEVGENIIA<GALAGAN<IZHAK"),
        ("Ђорђе Ћирић Јован Љиљана Његош Џаја", "DORDE<CIRIC<JOVAN<LJILJANA<NJEGOSH<DZAJA"),
        ("Ѓорѓи Ќиро Ѕвезда", "GORGI<KIRO<DZVEZDA"),
        ("Ўладзімір", "ULADZIMIR"),
    ],
)
def test_cyrillic_names_in_mrz(text: str, expected: str) -> None:
    assert to_mrz_chars(text, "name") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ث ح خ ذ ش ص ض ط ظ", "XTH<XH<XKH<XDH<XSH<XSS<XDZ<XTT<XZZ"),
        ("ع غ ء", "E<G<XE"),  # ain and ghain per Table C; hamza is XE
        # Doc 9303 Part 3 Appendix B worked example (Abu Bakr al-Razi).
        ("ابو بكر محمد بن زكريا الرازي", "ABW<BKR<MXHMD<BN<ZKRYA<ALRAZY"),
        ("فاطمة", "FAXTTMXAH"),  # teh marbuta at the end of a component
        ("مَحْمُود", "MXHMWD"),  # vowel signs are not encoded
        ("پرویز", "PRWXYAZ"),  # Persian peh and farsi yeh
        ("ﻣﺤﻤﺪ", "MXHMD"),  # presentation forms (text copied from a PDF)
    ],
)
def test_arabic_names_in_mrz(text: str, expected: str) -> None:
    assert to_mrz_chars(text, "name") == expected


def test_teh_marbuta_inside_a_component_is_xta() -> None:
    assert to_mrz_chars("\u0629\u0628", "name") == "XTAB"
    assert to_mrz_chars("\u0628\u0629\u064b", "name") == "BXAH"  # a vowel sign does not count


@pytest.mark.parametrize("char", ["王", "Σ", "א", "!", "@", "ə"])
def test_character_without_rule_raises(char: str) -> None:
    with pytest.raises(TransliterationError) as caught:
        to_mrz_chars(f"Li {char}", "given_names")
    error = caught.value
    assert error.code == "transliteration.no_rule"
    assert error.field == "given_names"
    assert error.params == {"char": char, "codepoint": f"U+{ord(char):04X}"}


def test_chinese_name_raises_with_field_and_char() -> None:
    with pytest.raises(TransliterationError) as caught:
        to_mrz_chars("王小明", "surname")
    assert caught.value.field == "surname"
    assert caught.value.params["char"] == "王"
    assert caught.value.params["codepoint"] == "U+738B"


# --- Latin form for display -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Иванов", "Ivanov"),
        ("ЮЛИЯ", "IULIIA"),
        ("Юлия", "Iuliia"),
        ("Щербаков-Жуков", "Shcherbakov-Zhukov"),
        ("ЩЕРБАКОВ Юлия", "SHCHERBAKOV Iuliia"),
        ("Ж. Иванов", "Zh. Ivanov"),
        ("МакДональд", "MakDonald"),
        ("Игорь", "Igor"),
        ("Müller-Lüdenscheid", "Müller-Lüdenscheid"),  # Latin unchanged, accents kept
        ("Térèsa CAÑON", "Térèsa CAÑON"),
        ("D'Artagnan", "D'Artagnan"),
        ("Jean Иванов", "Jean Ivanov"),
        ("محمد", "Mxhmd"),
        ("مَحْمُود", "Mxhmwd"),  # vowel signs are not transliterated
        ("Zoe\u0308 И\u0301ванов", "Zoë Ivanov"),  # accents kept on Latin letters only
        ("ابو بكر", "Abw Bkr"),
        ("", ""),
    ],
)
def test_to_latin(text: str, expected: str) -> None:
    assert to_latin(text, "name") == expected


@pytest.mark.parametrize("text", ["王小明", "Σωκράτης", "Smith (Jones)"])
def test_to_latin_unknown_script_raises(text: str) -> None:
    with pytest.raises(TransliterationError) as caught:
        to_latin(text, "surname")
    assert caught.value.code == "transliteration.no_rule"
    assert caught.value.field == "surname"
    assert "char" in caught.value.params


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Müller", True),
        ("O'Brien-Smith 2", True),
        ("Ștefan Nguyễn", True),
        ("", True),
        ("Иванов", False),
        ("Ivan Иванов", False),
        ("محمد", False),
        ("王", False),
    ],
)
def test_is_latin(text: str, expected: bool) -> None:
    assert is_latin(text) is expected


def test_tables_only_produce_mrz_letters() -> None:
    for table in (LATIN_TABLE, CYRILLIC_TABLE, ARABIC_TABLE):
        for source, target in table.items():
            assert re.fullmatch(r"[A-Z]*", target), source


# --- Properties ---------------------------------------------------------------------------------

TABLE_CHARS = sorted(
    set(LATIN_TABLE)
    | {c.lower() for c in LATIN_TABLE}
    | set(CYRILLIC_TABLE)
    | {c.lower() for c in CYRILLIC_TABLE}
    | set(ARABIC_TABLE)
    | {"\u0629"}
    | MRZ_SEPARATORS
    | DROPPED_MARKS
    | set("ABCXYZabcxyz0189")
)
# Lists, not st.text: the lower case of "İ" is two code points.
table_text = st.lists(st.sampled_from(TABLE_CHARS), max_size=40).map("".join)


@given(table_text)
def test_mrz_chars_are_mrz_characters(text: str) -> None:
    result = to_mrz_chars(text, "name")
    assert MRZ_RESULT.fullmatch(result), result


@given(table_text)
def test_to_latin_never_fails_on_table_characters(text: str) -> None:
    assert is_latin(to_latin(text, "name"))
