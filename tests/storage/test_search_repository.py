"""The registry search at the counter, through ``PersonService.search``, on both backends.

Why: an officer types what the applicant says or what a foreign document shows. The person must
be found whatever the case, accents, German/Nordic spellings (``ue`` for ``ü``) or script, and the
same query must give the same answer on SQLite and PostgreSQL (whose collations and range scans
differ), or a person is registered twice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from workstation.domain.dates import PartialDate
from workstation.services.persons import SearchResult

if TYPE_CHECKING:
    from tests.conftest import Post


def _add(post: Post, surname: str, given: str = "", born: str = "1980", **extra: Any) -> int:
    data = {
        "surname": surname,
        "given_names": given,
        "sex": "X",
        "birth_date": born,
        "nationality": "UTO",
        **extra,
    }
    return post.persons.add(post.officers["clerk"], data)


def _found(result: SearchResult) -> list[int]:
    return [hit.person.id for hit in result.hits]


@pytest.fixture
def registry(post: Post) -> dict[str, int]:
    """A small registry with names that trip up naive searches, and look-alikes around them."""
    return {
        "muller": _add(post, "Müller-Lüdenscheid", "Jürgen", "1975-04-12"),
        "mueller_other": _add(post, "Mueller", "Anna", "1975-09-30"),
        "ludwig": _add(post, "Ludwig", "Jürgen", "1975"),
        "ivanova": _add(post, "Иванов", "Юлия", "1988-02-03"),
        "ivan": _add(post, "Ivanovic", "Petar", "1960"),
        "pena": _add(post, "Peña", "Lucía", "1990"),
        "penalver": _add(post, "Penalver", "Ana", "1991"),
        "soren": _add(post, "Kierkegaard", "Søren", "1913-05-05"),
        "strasse": _add(post, "Straße", "Karl", "1950-01-01"),
        "strand": _add(post, "Strand", "Karla", "1950-01-02"),
    }


@pytest.mark.parametrize(
    "typed",
    [
        "mueller",
        "MULLER",
        "müller",
        "Müller",
        "lüdensch",
        "LUDENSCHEID",
        "jurgen muller",
        "Muller-Ludenscheid",
        "müllerlüdenscheid",
        "JUERGEN LUEDENSCHEID",
    ],
)
def test_compound_german_name_is_found_by_any_spelling(
    post: Post, registry: dict[str, int], typed: str
) -> None:
    result = post.persons.search(typed)
    assert registry["muller"] in _found(result)
    assert registry["ivanova"] not in _found(result)


def test_every_term_must_match(post: Post, registry: dict[str, int]) -> None:
    assert _found(post.persons.search("jurgen muller")) == [registry["muller"]]
    assert set(_found(post.persons.search("jurgen"))) == {registry["muller"], registry["ludwig"]}
    assert set(_found(post.persons.search("muller"))) == {
        registry["muller"],
        registry["mueller_other"],
    }
    assert _found(post.persons.search("jurgen anna")) == []
    assert _found(post.persons.search("lüdensch karl")) == []


@pytest.mark.parametrize(
    "typed", ["ivanov", "IVANOV", "Иванов", "иванов", "IULIIA", "iulia", "Юлия", "ivanov iuliia"]
)
def test_cyrillic_name_is_found_by_its_latin_form(
    post: Post, registry: dict[str, int], typed: str
) -> None:
    result = post.persons.search(typed)
    assert registry["ivanova"] in _found(result)
    assert registry["muller"] not in _found(result)


def test_cyrillic_person_is_stored_with_latin_form(post: Post, registry: dict[str, int]) -> None:
    person = post.persons.search("ivanov iuliia").hits[0].person
    assert person.id == registry["ivanova"]
    assert (person.surname, person.given_names) == ("Иванов", "Юлия")
    assert person.surname_latin.upper() == "IVANOV"
    assert person.given_names_latin.upper() == "IULIIA"


@pytest.mark.parametrize(
    ("typed", "who"),
    [
        ("pena", "pena"),
        ("PENA", "pena"),
        ("penxxa", "pena"),
        ("Peña", "pena"),
        ("lucia", "pena"),
        ("soren", "soren"),
        ("SOEREN", "soren"),
        ("Søren", "soren"),
        ("strasse", "strasse"),
        ("STRASE", "strasse"),
        ("Straße", "strasse"),
    ],
)
def test_accented_and_special_letters_are_found_by_ascii_forms(
    post: Post, registry: dict[str, int], typed: str, who: str
) -> None:
    assert registry[who] in _found(post.persons.search(typed))


def test_ascii_form_does_not_find_unrelated_names(post: Post, registry: dict[str, int]) -> None:
    assert _found(post.persons.search("strasse")) == [registry["strasse"]]
    assert _found(post.persons.search("soren")) == [registry["soren"]]
    # "pena" is a whole name part of Peña and only the beginning of Penalver.
    assert _found(post.persons.search("pena")) == [registry["pena"], registry["penalver"]]
    assert _found(post.persons.search("ivanovic")) == [registry["ivan"]]


def test_born_filter_by_year(post: Post, registry: dict[str, int]) -> None:
    everyone = set(_found(post.persons.search("jurgen")))
    assert everyone == {registry["muller"], registry["ludwig"]}
    assert set(_found(post.persons.search("jurgen", born=PartialDate(1975)))) == everyone
    assert _found(post.persons.search("jurgen", born=PartialDate(1976))) == []
    assert set(_found(post.persons.search("muller", born=PartialDate(1975)))) == {
        registry["muller"],
        registry["mueller_other"],
    }


def test_born_filter_by_month_and_full_date(post: Post, registry: dict[str, int]) -> None:
    assert _found(post.persons.search("muller", born=PartialDate(1975, 4))) == [registry["muller"]]
    assert _found(post.persons.search("muller", born=PartialDate(1975, 9, 30))) == [
        registry["mueller_other"]
    ]
    assert _found(post.persons.search("muller", born=PartialDate(1975, 4, 13))) == []
    # A person known only by year is not a match for a full date (the filter never guesses).
    assert _found(post.persons.search("jurgen", born=PartialDate(1975, 4, 12))) == [
        registry["muller"]
    ]
    assert _found(post.persons.search("str", born=PartialDate(1950, 1, 2))) == [registry["strand"]]


def test_exact_name_part_ranks_before_prefix(post: Post) -> None:
    mullerson = _add(post, "Mullerson", "Otto")  # registered first: key order alone won't do
    mull = _add(post, "Mull", "Otto")
    result = post.persons.search("mull")
    assert _found(result) == [mull, mullerson]
    assert [hit.rank for hit in result.hits] == [0, 1]


def test_exact_match_on_every_term_ranks_first(post: Post) -> None:
    """Within one surname, the person whose given name is exactly the typed one comes first,
    even though the other was registered earlier (and sorts first by the surname key)."""
    annabel = _add(post, "Mull", "Annabel")
    anna = _add(post, "Mull", "Anna")
    result = post.persons.search("mull anna")
    assert _found(result) == [anna, annabel]
    assert [hit.rank for hit in result.hits] == [0, 1]


def test_prefix_matches_come_in_name_key_order(post: Post) -> None:
    ids = {name: _add(post, name, "Eva") for name in ("Schulz", "Schmitt", "Schneider", "Schäfer")}
    result = post.persons.search("sch")
    assert _found(result) == [ids["Schäfer"], ids["Schmitt"], ids["Schneider"], ids["Schulz"]]
    assert {hit.rank for hit in result.hits} == {1}


def test_truncated_when_more_persons_match_than_the_limit(post: Post) -> None:
    ids = [
        _add(post, "Schmidt", given) for given in ("Anna", "Bert", "Carl", "Dora", "Emil", "Fritz")
    ]
    _add(post, "Schmitz", "Gerd")  # a prefix match beyond the exact ones

    exact_only = post.persons.search("schmidt", limit=5)
    assert len(exact_only.hits) == 5 and exact_only.truncated
    assert set(_found(exact_only)) < set(ids)

    everyone = post.persons.search("schmidt", limit=6)
    assert sorted(_found(everyone)) == ids and not everyone.truncated

    prefix = post.persons.search("schmi", limit=6)
    assert len(prefix.hits) == 6 and prefix.truncated
    assert not post.persons.search("schmi", limit=7).truncated
    assert len(post.persons.search("schmi", limit=50).hits) == 7


def test_empty_or_unsearchable_query_finds_nobody(post: Post, registry: dict[str, int]) -> None:
    for typed in ("", "   ", "-'", "中文"):
        result = post.persons.search(typed)
        assert result.hits == () and not result.truncated


def test_short_multi_word_query_returns_every_match_or_says_truncated(post: Post) -> None:
    """An officer types ``maria m a`` in a post where many women are called María Magdalena
    with two surnames: every one of them matches, so the list must show all (up to the limit)
    or say that it is cut."""
    first = [
        "Martínez",
        "Morales",
        "Muñoz",
        "Moreno",
        "Medina",
        "Molina",
        "Marín",
        "Méndez",
        "Mora",
        "Montero",
    ]
    second = ["Acosta", "Álvarez", "Aguilar", "Arias", "Alonso"]
    ids = [_add(post, f"{a} {b}", "María Magdalena") for b in second for a in first[:9]]
    assert len(ids) == 45

    result = post.persons.search("maria m a")
    assert (len(result.hits), result.truncated) == (45, False)
    assert sorted(_found(result)) == ids

    cut = post.persons.search("maria m a", limit=10)
    assert (len(cut.hits), cut.truncated) == (10, True)
