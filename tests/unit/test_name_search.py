"""Search keys of the person registry."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workstation.domain.name_search import (
    fold,
    match_rank,
    name_tokens,
    prefix_upper_bound,
    query_terms,
)
from workstation.domain.transliteration import (
    ARABIC_TABLE,
    CYRILLIC_TABLE,
    DROPPED_MARKS,
    LATIN_TABLE,
    MRZ_SEPARATORS,
)

# --- fold ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "spellings",
    [
        ("Müller", "MUELLER", "MULLER", "muller", "Mu\u0308ller"),
        ("Peña", "PENA", "PENXXA", "pena"),
        ("Søren", "SOEREN", "SOREN", "Sören"),
        ("Straße", "STRASSE", "STRASE", "strasse"),
        ("Иванов", "IVANOV", "Ivanov"),
        ("Юлия", "IULIIA", "iuliia"),
        ("Ångström", "AANGSTROEM", "ANGSTROM"),
        ("Æsa", "AESA", "ASA"),
        ("Œuvray", "OEUVRAY", "OUVRAY"),
        ("Þór", "THOR"),
        ("Łukasz", "LUKASZ"),
        ("Ștefan", "STEFAN", "Ştefan"),
        ("D'Artagnan", "DARTAGNAN", "dartagnan"),
    ],
)
def test_usual_spellings_meet(spellings: tuple[str, ...]) -> None:
    keys = {fold(spelling) for spelling in spellings}
    assert len(keys) == 1, keys


def test_fold_examples() -> None:
    assert fold("Müller") == "MULER"
    assert fold("Straße") == "STRASE"
    assert fold("Ångström") == "ANGSTROM"
    assert fold("Юлия") == "IULIA"


def test_distinct_names_stay_distinct() -> None:
    assert fold("Müller") != fold("Miller")
    assert fold("Ivanov") != fold("Ivanova")
    assert fold("Peña") != fold("Pina")


def test_fold_skips_characters_without_rule() -> None:
    assert fold("王") == ""
    assert fold("Li王") == "LI"


def test_fold_of_arabic_uses_the_icao_table() -> None:
    assert fold("محمد") == fold("MXHMD") == "MXHMD"


# --- tokens and query terms ---------------------------------------------------------------------


def test_compound_name_tokens() -> None:
    tokens = name_tokens("Müller-Lüdenscheid")
    assert tokens == {fold("MULLER"), fold("LUDENSCHEID"), fold("MULLERLUDENSCHEID")}


def test_tokens_of_all_forms_of_a_name() -> None:
    tokens = name_tokens("Иванов", "Ivanov", "Юлия Сергеевна", "Iuliia Sergeevna")
    assert tokens == {
        fold("IVANOV"),
        fold("IULIIA"),
        fold("SERGEEVNA"),
        fold("IULIIASERGEEVNA"),
    }


def test_tokens_split_on_apostrophes_and_commas() -> None:
    tokens = name_tokens("D'Artagnan", "Smith, John")
    assert {"D", "ARTAGNAN", "DARTAGNAN", "SMITH", "JOHN", "SMITHJOHN"} <= tokens


def test_tokens_never_fail_and_are_never_empty() -> None:
    assert name_tokens("王小明") == frozenset()
    assert name_tokens("王 Xiaoming") == {"XIAOMING"}
    assert name_tokens("", " - ", "'") == frozenset()


def test_query_terms() -> None:
    assert query_terms("müller, Peña  MUELLER") == (fold("Müller"), fold("Peña"))
    assert query_terms("  ") == ()
    assert query_terms("van der Berg") == ("VAN", "DER", "BERG")
    assert query_terms("王") == ()


# --- prefix range -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("term", "bound"),
    [
        ("MUL", "MUM"),
        ("A", "B"),
        ("MUZ", "MV"),
        ("MZZ", "N"),
        ("M9", "MA"),
        ("M19", "M1A"),
        ("8", "9"),
        ("Z", "["),
        ("ZZ", "["),
        ("", "["),
    ],
)
def test_prefix_upper_bound(term: str, bound: str) -> None:
    assert prefix_upper_bound(term) == bound


def test_prefix_upper_bound_rejects_unfolded_terms() -> None:
    with pytest.raises(ValueError):
        prefix_upper_bound("mul")


keys = st.text(alphabet="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", max_size=6)


@given(keys, keys)
def test_prefix_range_holds_exactly_the_keys_with_the_prefix(term: str, key: str) -> None:
    in_range = term <= key < prefix_upper_bound(term)
    assert in_range == key.startswith(term)


@given(keys, keys)
def test_prefix_range_for_extended_keys(term: str, suffix: str) -> None:
    assert term <= term + suffix < prefix_upper_bound(term)


# --- ranking ------------------------------------------------------------------------------------


def test_match_rank() -> None:
    tokens = name_tokens("Müller-Lüdenscheid", "Anna Maria")
    assert match_rank(query_terms("Mueller Anna"), tokens) == 0
    assert match_rank(query_terms("Mül An"), tokens) == 1
    assert match_rank(query_terms("Müller An"), tokens) == 1
    assert match_rank(query_terms("mullerludenscheid"), tokens) == 0
    assert match_rank(query_terms("Müller Peña"), tokens) is None
    assert match_rank((), tokens) is None


def test_cyrillic_person_found_by_latin_query() -> None:
    tokens = name_tokens("Юлия Иванова")
    assert match_rank(query_terms("Iuliia Ivanova"), tokens) == 0
    assert match_rank(query_terms("ivan"), tokens) == 1


def test_query_prefix_of_a_folded_name_finds_it() -> None:
    tokens = name_tokens("Müller", "Søren", "Ångström", "Straße")
    for typed in ("MUEL", "Mül", "mu", "SOE", "Sør", "AAN", "Ång", "STRAS", "Straß"):
        assert match_rank(query_terms(typed), tokens) is not None, typed


# --- properties ---------------------------------------------------------------------------------

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
KEY = re.compile(r"[A-Z0-9]*")


# Lists, not st.text: the lower case of "İ" is two code points.
@given(st.lists(st.sampled_from(TABLE_CHARS), max_size=40).map("".join))
def test_fold_of_table_text_is_a_key(text: str) -> None:
    assert KEY.fullmatch(fold(text))


@given(st.text(max_size=40))
def test_fold_never_fails_and_is_idempotent(text: str) -> None:
    key = fold(text)
    assert KEY.fullmatch(key)
    assert fold(key) == key


@given(st.lists(st.text(max_size=20), max_size=4))
def test_tokens_are_non_empty_keys(names: list[str]) -> None:
    for token in name_tokens(*names):
        assert token
        assert KEY.fullmatch(token)
